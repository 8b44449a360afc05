import { Severity, validateTopology } from '../../lib/experimental';
import { findingsOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

const sharedGroupLocation = (stack: Parameters<typeof synthJson>[0]) =>
  Object.values((synthJson(stack) as any).resource.azurerm_resource_group as Record<string, { name: string; location: string }>).find((g) => g.name.endsWith('-shared'))?.location;

describe('GLOBAL-2: the region of deployment-wide resources is given, not chosen by key', () => {
  test('warns without globalLocation when there are several sites, naming the region, the site it came from and the fix', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west', { location: 'westeurope' }), 'pool');
    testSite(deployment, 'north', { location: 'northeurope' });
    const f = findingsOf(validateTopology(deployment), 'GLOBAL-2');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso' });
    expect(f[0].message).toMatch(/go to westeurope, chosen from site west, the site of the Central Management Store; moving the store to another site would move the resource group.*set globalLocation \(e\.g\. "westeurope"\)/);
  });

  test('passes with globalLocation, or with one site', () => {
    const given = testDeployment({ globalLocation: 'westeurope' }).deployment;
    testSite(given, 'west');
    testSite(given, 'north');
    expect(findingsOf(validateTopology(given), 'GLOBAL-2')).toEqual([]);
    const single = testDeployment().deployment;
    testSite(single, 'west');
    expect(findingsOf(validateTopology(single), 'GLOBAL-2')).toEqual([]);
  });

  test('the default is the site of the Central Management Store, else the smallest site ID, never the first declared', () => {
    const pinned = testDeployment();
    testPool(testSite(pinned.deployment, 'west', { location: 'westeurope' }), 'pool');
    testPool(testSite(pinned.deployment, 'north', { location: 'northeurope' }), 'pool', { hostsCentralManagementStore: true });
    expect(sharedGroupLocation(pinned.stack)).toBe('northeurope');
    const noPools = testDeployment();
    testSite(noPools.deployment, 'west', { location: 'westeurope' });
    testSite(noPools.deployment, 'east', { location: 'swedencentral' });
    testPool(testSite(noPools.deployment, 'south', { location: 'francecentral' }), 'pool', { hostsCentralManagementStore: false });
    expect(findingsOf(validateTopology(noPools.deployment), 'GLOBAL-2')[0].message).toMatch(/go to swedencentral, chosen from site east, the smallest site ID of 3; adding a site with a smaller ID would move/);
  });
});
