import { FileStore, PoolEdition } from '../../lib';
import { resourcesOf, synthJson, testDeployment, testPool, testSite, consecutiveIn } from '../helpers';

describe('FileStore', () => {
  test('an Enterprise pool gets the site\'s shared DFS pair; a second pool of the site shares it', () => {
    const { stack, deployment } = testDeployment();
    const site = testSite(deployment);
    const a = testPool(site, 'a');
    const b = testPool(site, 'b');
    expect(a.fileStore).toBe(b.fileStore);
    expect(a.fileStore!.node.path).toBe('test/contoso/west/file-store');
    const json = synthJson(stack);
    const fileServers = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((vm) => vm.tags['sfb-role'] === 'File Server');
    expect(fileServers.map((vm) => [vm.name, vm.zone])).toEqual([['west-fs-1', '1'], ['west-fs-2', '2']]);
    expect(resourcesOf(json, 'azurerm_storage_share')).toHaveLength(0);
    const model = deployment._toModel().fileStores;
    expect(model).toEqual([expect.objectContaining({ kind: 'windows-dfs', shareUnc: '\\\\corp.contoso.com\\sfb-west', poolPaths: ['test/contoso/west/a', 'test/contoso/west/b'] })]);
  });

  test('each file server has a protected data disk and sits in the infrastructure subnet', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment));
    const json = synthJson(stack);
    const disks = resourcesOf(json, 'azurerm_managed_disk').filter((d) => d.name.startsWith('disk-west-fs'));
    expect(disks.map((d) => [d.name, d.disk_size_gb, d.lifecycle.prevent_destroy])).toEqual([
      ['disk-west-fs-1-data', 512, true],
      ['disk-west-fs-2-data', 512, true],
    ]);
    const nics = resourcesOf(json, 'azurerm_network_interface').filter((n) => n.name.startsWith('nic-west-fs'));
    expect(consecutiveIn(nics.map((n) => n.ip_configuration[0].private_ip_address), '10.10.112.0/20')).toBe(true);
  });

  test('a pool can have a dedicated store (one pair per pool)', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const store = new FileStore(site, 'pool-store', { servers: 2, shareName: 'sfb-pool1' });
    const pool = testPool(site, 'pool', { fileStore: store });
    expect(pool.fileStore).toBe(store);
    expect(site.node.tryFindChild('file-store')).toBeUndefined();
    expect(deployment._toModel().fileStores[0]).toMatchObject({ path: 'test/contoso/west/pool-store', shareUnc: '\\\\corp.contoso.com\\sfb-pool1' });
  });

  test('a Standard Edition server uses its local share', () => {
    const { deployment } = testDeployment();
    const pool = testPool(testSite(deployment), 'se', { edition: PoolEdition.STANDARD, backEnd: undefined });
    expect(pool.fileStore).toBeUndefined();
    expect(deployment._toModel().fileStores).toEqual([]);
  });

  test('throws for a share name that is not a namespace name and for unknown props', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    expect(() => new FileStore(site, 's1', { shareName: 'a b' })).toThrow(/shareName "a b" is not a DFS namespace name/);
    expect(() => new FileStore(site, 's2', { kind: 'azure-files' } as never)).toThrow(/kind .* is not a prop of FileStore/);
  });
});
