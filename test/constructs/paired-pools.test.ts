import { cidrContains, portsCover } from '../../lib/model/network';
import { PairedPools, PairedPoolsProps, SfbDeployment } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { resourcesOf, synthJson, testDeployment, testPool, testSite, serverIps } from '../helpers';
import { ruleSide } from '../security-groups';

/** Peerings as `from->to` by their virtual network names. */
function peerings(json: any): string[] {
  return resourcesOf(json, 'azurerm_virtual_network_peering')
    .map((p) => `${p.virtual_network_name}->${p.remote_virtual_network_id}`)
    .sort();
}

describe('PairedPools', () => {
  test('peers the two sites both ways, once however many pairs', () => {
    const { stack, deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    new PairedPools(deployment, 'pair1', { primary: testPool(west, 'a'), backup: testPool(north, 'a') });
    new PairedPools(deployment, 'pair2', { primary: testPool(north, 'b'), backup: testPool(west, 'b') });
    const json = synthJson(stack);
    const list = resourcesOf(json, 'azurerm_virtual_network_peering');
    expect(list).toHaveLength(2);
    expect(list.map((p) => p.name).sort()).toEqual(['peer-north-to-west', 'peer-west-to-north']);
    // Each direction: the local network's name and the remote network's ID, one per site.
    expect(peerings(json)).toEqual([
      expect.stringMatching(/^\$\{azurerm_virtual_network\.contoso_north_vnet_\w+\.name\}->\$\{azurerm_virtual_network\.contoso_west_vnet_\w+\.id\}$/),
      expect.stringMatching(/^\$\{azurerm_virtual_network\.contoso_west_vnet_\w+\.name\}->\$\{azurerm_virtual_network\.contoso_north_vnet_\w+\.id\}$/),
    ]);
    for (const p of list) {
      expect(p).toMatchObject({ allow_virtual_network_access: true, allow_forwarded_traffic: false, use_remote_gateways: false });
    }
    expect(deployment._toModel().peerings).toHaveLength(2);
  });

  test('peers each site pair once: three sites, three pairs, six peerings', () => {
    const { stack, deployment } = testDeployment();
    const sites = ['west', 'north', 'east'].map((id, i) => testSite(deployment, id, { location: ['westeurope', 'northeurope', 'francecentral'][i] }));
    const pools = sites.flatMap((s) => [testPool(s, 'a'), testPool(s, 'b')]);
    // west-a/north-a, north-b/east-a, east-b/west-b
    new PairedPools(deployment, 'p1', { primary: pools[0], backup: pools[2] });
    new PairedPools(deployment, 'p2', { primary: pools[3], backup: pools[4] });
    new PairedPools(deployment, 'p3', { primary: pools[5], backup: pools[1] });
    const names = resourcesOf(synthJson(stack), 'azurerm_virtual_network_peering').map((p) => p.name).sort();
    expect(names).toEqual([
      'peer-east-to-north', 'peer-east-to-west', 'peer-north-to-east', 'peer-north-to-west', 'peer-west-to-east', 'peer-west-to-north',
    ]);
  });

  test('opens SMB 445 to each file store from both pools\' servers; the inter-pool ports are every Front End subnet\'s', () => {
    const { stack, deployment } = testDeployment();
    const west = testPool(testSite(deployment, 'west'));
    const north = testPool(testSite(deployment, 'north'));
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
    const json = synthJson(stack);
    const rules = resourcesOf(json, 'azurerm_network_security_rule');
    const smbFromNorthToWest = rules.find((r) => r.name === 'smb-file-store-from-north-pool' && r.network_security_group_name.includes('contoso_west_firewall-infrastructure'));
    expect(smbFromNorthToWest).toMatchObject({ destination_port_range: '445', protocol: 'Tcp', access: 'Allow' });
    // From another site: the north pool's address block (no group of another network can be named),
    // which holds its servers and no one else's and does not change when the pool scales.
    const block = smbFromNorthToWest.source_address_prefix;
    expect(block).toMatch(/\/27$/);
    for (const ip of serverIps(deployment, north._servers.servers)) expect(cidrContains(block, ip)).toBe(true);
    for (const ip of serverIps(deployment, west._servers.servers)) expect(cidrContains(block, ip)).toBe(false);
    expect(ruleSide(json, smbFromNorthToWest, 'destination')).toEqual(serverIps(deployment, west.fileStore!._servers.servers).map((ip) => `${ip}/32`));
    const interPool = rules.find((r) => r.name === 'front-end-from-front-ends' && r.network_security_group_name.includes('contoso_north_firewall-front-end'));
    expect(interPool.source_address_prefixes).toEqual(['10.10.0.0/20', '10.20.0.0/20']);
    for (const port of [135, 443, 444, 5061]) expect(portsCover(interPool.destination_port_ranges, port)).toBe(true);
  });

  test('records the pair in the model', () => {
    const { deployment } = testDeployment();
    const west = testPool(testSite(deployment, 'west'));
    const north = testPool(testSite(deployment, 'north'));
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
    expect(deployment._toModel().pairs).toEqual([{ path: 'test/contoso/pair', primaryPath: 'test/contoso/west/pool', backupPath: 'test/contoso/north/pool' }]);
  });

  test('throws for a pool of another deployment (no cross-version pairs, PAIR-20)', () => {
    const { deployment } = testDeployment();
    const other = new SfbDeployment(deployment.node.scope!, 'other', { productVersion: deployment.productVersion, sipDomain: 'fabrikam.com', adDomain: 'corp.fabrikam.com' });
    const a = testPool(testSite(deployment, 'west'));
    const b = testPool(testSite(other, 'north'));
    expect(() => new PairedPools(deployment, 'pair', { primary: a, backup: b })).toThrow(/PairedPools test\/contoso\/pair: backup test\/other\/north\/pool belongs to another SfbDeployment/);
  });

  test('throws for an unknown prop or a pool that is not a FrontEndPool', () => {
    const { deployment } = testDeployment();
    const a = testPool(testSite(deployment, 'west'));
    expect(() => new PairedPools(deployment, 'p1', { primary: a, backup: a, witness: true } as PairedPoolsProps)).toThrow(/witness .* is not a prop of PairedPools/);
    expect(() => new PairedPools(deployment, 'p2', { primary: a, backup: 'pool-north' } as unknown as PairedPoolsProps)).toThrow(/backup "pool-north" is not a FrontEndPool construct; pass the construct object itself/);
  });

  test('two external web FQDNs that make one label get two Traffic Manager endpoints (not a construct-name crash)', () => {
    const { stack, deployment } = testDeployment();
    // pool-webext.contoso.com and pool.webext.contoso.com are distinct names with one DNS label.
    const west = testPool(testSite(deployment, 'west'), 'pool', { externalWebFqdn: 'pool-webext.contoso.com' });
    const north = testPool(testSite(deployment, 'north'), 'pool', { externalWebFqdn: 'pool.webext.contoso.com' });
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
    const endpoints = resourcesOf(JSON.parse(Testing.synth(stack, true)), 'azurerm_traffic_manager_external_endpoint');
    // north/pool hosts the Central Management Store (the smallest key), so its web services come first.
    expect(endpoints.map((e) => `${e.name} ${e.target} ${e.priority}`).sort()).toEqual([
      'pool-webext-contoso-com-1 pool.webext.contoso.com 1',
      'pool-webext-contoso-com-2 pool-webext.contoso.com 2',
    ]);
  });
});

