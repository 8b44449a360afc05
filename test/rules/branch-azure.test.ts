/** The rules of a branch in Azure: its range apart from the others' (VOICE-15), the store's replication reaching it (VOICE-16). */
import { BranchSite, SurvivableBranchServer, validateTopology } from '../../lib';
import { findingsOf, testDeployment, testPool, testSite } from '../helpers';
import { azureBranchTopology, branchTopology, voiceSites } from '../voice-helpers';

describe('VOICE-15: a branch\'s range is its own', () => {
  test('the Azure branch topology satisfies it, and an on-premises branch of its own range too', () => {
    expect(findingsOf(validateTopology(azureBranchTopology().deployment), 'VOICE-15')).toEqual([]);
    expect(findingsOf(validateTopology(branchTopology().deployment), 'VOICE-15')).toEqual([]);
  });

  test('a branch in Azure overlapping a site declared after it is an error naming both ranges', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west', { addressSpace: '10.10.0.0/16' });
    new BranchSite(deployment, 'oslo', { centralSite: west, location: 'norwayeast', addressSpace: '10.20.4.0/24' });
    testSite(deployment, 'north', { addressSpace: '10.20.0.0/16' });
    const f = findingsOf(validateTopology(deployment), 'VOICE-15');
    expect(f.map((x) => [x.path, x.severity])).toEqual([['test/contoso/oslo', 'error']]);
    expect(f[0].message).toMatch(/^branch oslo's addressSpace 10\.20\.4\.0\/24 overlaps site north \(10\.20\.0\.0\/16\); Azure refuses to peer .*give the branch a range of its own/);
  });

  test('two branches on one range are one error, on the first of them; an on-premises branch inside a site\'s range is one too', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    new BranchSite(deployment, 'oslo', { centralSite: west.site, location: 'norwayeast', addressSpace: '10.50.0.0/24' });
    new BranchSite(deployment, 'bergen', { centralSite: west.site, addressSpace: '10.50.0.128/25' });
    new BranchSite(deployment, 'redmond', { centralSite: west.site, addressSpace: '10.10.200.0/24' });
    const f = findingsOf(validateTopology(deployment), 'VOICE-15');
    expect(f.map((x) => x.path)).toEqual(['test/contoso/bergen', 'test/contoso/redmond']);
    expect(f[0].message).toMatch(/branch bergen's addressSpace 10\.50\.0\.128\/25 overlaps branch oslo \(10\.50\.0\.0\/24\)/);
    expect(f[1].message).toMatch(/branch redmond's addressSpace 10\.10\.200\.0\/24 overlaps site west/);
  });
});

describe('VOICE-16: the Central Management store reaches a Survivable Branch Server in Azure', () => {
  const cmsIn = (site: 'west' | 'north') => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const pools = { west: testPool(west, 'pool', { hostsCentralManagementStore: site === 'west' }), north: testPool(north, 'pool', { hostsCentralManagementStore: site === 'north' }) };
    const branch = new BranchSite(deployment, 'oslo', { centralSite: west, location: 'norwayeast', addressSpace: '10.50.0.0/24' });
    new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-oslo.corp.contoso.com', backupRegistrar: pools.west, users: 1200 });
    return findingsOf(validateTopology(deployment), 'VOICE-16');
  };

  test('the store in the branch\'s central site satisfies it', () => {
    expect(cmsIn('west')).toEqual([]);
  });

  test('the store in another site is a warning naming both sites and the fix', () => {
    const f = cmsIn('north');
    expect(f.map((x) => [x.path, x.severity])).toEqual([['test/contoso/oslo', 'warning']]);
    expect(f[0].message).toMatch(/branch oslo in Azure is peered with central site west only, but the Central Management store is in north; .*445.*tie the branch to the store's site/);
  });

  test('an on-premises branch is not judged (the WAN routes it)', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    testPool(north, 'pool', { hostsCentralManagementStore: true });
    const pool = testPool(west, 'pool');
    const branch = new BranchSite(deployment, 'oslo', { centralSite: west });
    new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-oslo.corp.contoso.com', backupRegistrar: pool, users: 1200 });
    expect(findingsOf(validateTopology(deployment), 'VOICE-16')).toEqual([]);
  });
});
