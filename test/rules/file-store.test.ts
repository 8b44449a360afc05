import { FileStore, PairedPools, PoolEdition, Severity, TopologyModel, validateTopology } from '../../lib/experimental';
import { FILE_STORE_RULES } from '../../lib/rules/file-store';
import { evaluate } from '../../lib/rules/engine';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => FILE_STORE_RULES.find((r) => r.id === id);

function pairedModel(edition = PoolEdition.ENTERPRISE): TopologyModel {
  const extra = edition === PoolEdition.STANDARD ? { edition, backEnd: undefined } : {};
  return modelOf(({ deployment }) => {
    const west = testPool(testSite(deployment, 'west'), 'pool', extra);
    const north = testPool(testSite(deployment, 'north'), 'pool', extra);
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
  });
}

describe('FILE-1: a pool file store is a DFS pair in the pool\'s site', () => {
  test('an Enterprise pool gets its site\'s DFS pair by default', () => {
    expect(check(rule('FILE-1'), pairedModel())).toHaveLength(0);
  });
  test('warns when an Enterprise pool has no store', () => {
    const m = pairedModel();
    const f = check(rule('FILE-1'), { ...m, fileStores: [] });
    expect(f).toHaveLength(2);
    expect(f[0].message).toMatch(/has no file store/);
  });
  test('warns when a store has a single file server', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'pool', { fileStore: new FileStore(site, 'store', { servers: 1 }) });
    const f = findingsOf(validateTopology(deployment), 'FILE-1');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/west/store' });
    expect(f[0].message).toMatch(/1 file server; DFS high availability needs a pair/);
  });
  test('warns when a pool uses a store in another site', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    testPool(north, 'pool');
    testPool(west, 'pool', { fileStore: new FileStore(north, 'store') });
    expect(findingsOf(validateTopology(deployment), 'FILE-1')[0].message).toMatch(/DFS fails over within one data center/);
  });
  test('Standard Edition servers need no store', () => {
    expect(check(rule('FILE-1'), pairedModel(PoolEdition.STANDARD))).toHaveLength(0);
  });
});

describe('FILE-4: SMB 445 from the pool and its partner to the file store', () => {
  test('PairedPools opens SMB both ways', () => {
    expect(check(rule('FILE-4'), pairedModel())).toHaveLength(0);
  });
  test('fails when the partner\'s Front Ends have no SMB flow to the store', () => {
    const m = pairedModel();
    const flows = m.flows.filter((f) => f.name !== 'smb-file-store-from-north-pool' || !f.nsg.startsWith('west/'));
    const f = check(rule('FILE-4'), { ...m, flows });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/west/file-store' });
    expect(f[0].message).toMatch(/pool-north-1, pool-north-2, pool-north-3 of paired pool pool-north.corp.contoso.com \(Backup Service\) cannot reach .* on SMB TCP 445/);
  });
  test('sites that are not peered are PAIR-11\'s one finding, not FILE-4\'s (one fact, one finding)', () => {
    const m = pairedModel();
    expect(check(rule('FILE-4'), { ...m, peerings: [] })).toHaveLength(0);
    const pair11 = evaluate({ ...m, peerings: [] }).filter((f) => f.ruleId === 'PAIR-11');
    expect(pair11).toHaveLength(1);
    expect(pair11[0].message).toMatch(/SMB 445 to the partner's file store, FILE-4/);
  });
  test('a Standard Edition pair reaches the partner server\'s local share', () => {
    const m = pairedModel(PoolEdition.STANDARD);
    expect(check(rule('FILE-4'), m)).toHaveLength(0);
    // 445 reaches a Standard Edition server from its partner by the Backup Service rule, and from the CMS pool and its standby (one of the pair).
    const withoutBackupFlows = { ...m, flows: m.flows.filter((f) => !/^backup-smb|^front-end-from-cms-tcp/.test(f.name)) };
    expect(check(rule('FILE-4'), withoutBackupFlows)).toHaveLength(2);
  });
});

describe('AZURE-5: the file store is not Azure Files', () => {
  test('a FileStore is Windows DFS', () => {
    expect(check(rule('AZURE-5'), pairedModel())).toHaveLength(0);
  });
  test('fails for an Azure Files store', () => {
    const m = pairedModel();
    const f = check(rule('AZURE-5'), { ...m, fileStores: [{ ...m.fileStores[0], kind: 'azure-files' }] });
    expect(f[0]).toMatchObject({ severity: Severity.ERROR });
    expect(f[0].message).toMatch(/is azure-files; Lync\/SfB does not support NAS/);
  });
});
