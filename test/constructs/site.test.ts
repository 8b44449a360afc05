import { CentralSite } from '../../lib';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

describe('CentralSite', () => {
  test('creates a resource group, a virtual network and a subnet with an NSG per role', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment, 'west', { addressSpace: '10.1.0.0/16' }));
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network')[0].address_space).toEqual(['10.1.0.0/16']);
    const subnets = resourcesOf(json, 'azurerm_subnet').map((s) => [s.name, s.address_prefixes[0]]);
    expect(subnets).toEqual(
      expect.arrayContaining([
        ['snet-front-end', '10.1.0.0/20'],
        ['snet-back-end', '10.1.16.0/20'],
        ['snet-edge-internal', '10.1.32.0/20'],
        ['snet-perimeter', '10.1.48.0/20'],
        ['snet-persistent-chat', '10.1.64.0/20'],
      ]),
    );
    expect(resourcesOf(json, 'azurerm_network_security_group')).toHaveLength(subnets.length);
    expect(resourcesOf(json, 'azurerm_subnet_network_security_group_association')).toHaveLength(subnets.length);
  });

  test('links the AD domain private zone to every site network, including later sites', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
    const json = synthJson(stack);
    // The blob private-link zones of the backups are each site's own (lib/azure/backup-storage.ts).
    const zones = resourcesOf(json, 'azurerm_private_dns_zone').map((z) => z.name).filter((z) => !z.startsWith('privatelink.'));
    expect(zones).toContain('corp.contoso.com');
    // Every private zone (the AD domain, and the SIP domain for internal sign-in records) is linked to both sites.
    expect(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link').filter((l) => !l.private_dns_zone_name.includes('private-link'))).toHaveLength(2 * zones.length);
  });

  test.each([
    ['10.1.0.0', /not an IPv4 CIDR/],
    ['10.1.0.0/33', /prefix length above 32/],
    ['10.1.0.1/16', /host bits set/],
    ['10.1.0.0/24', /is a \/24; a site needs \/8 to \/22/],
    ['300.1.0.0/16', /octet above 255/],
  ])('addressSpace %s throws naming the prop and value', (addressSpace, why) => {
    const { deployment } = testDeployment();
    expect(() => new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace })).toThrow(why);
    expect(() => new CentralSite(deployment, 'x', { location: 'westeurope', addressSpace })).toThrow(new RegExp(`addressSpace "${addressSpace.replace(/[./]/g, '\\$&')}"`));
  });

  test('overlapping address spaces throw', () => {
    const { deployment } = testDeployment();
    testSite(deployment, 'west', { addressSpace: '10.1.0.0/16' });
    expect(() => testSite(deployment, 'north', { addressSpace: '10.1.128.0/17' })).toThrow(/overlaps site west/);
  });

  test('an unknown prop is an error, not a no-op', () => {
    const { deployment } = testDeployment();
    expect(() => new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.1.0.0/16', zones: ['1'] } as never)).toThrow(/zones .* is not a prop of CentralSite/);
  });

  test('a site must be created inside an SfbDeployment', () => {
    const { stack } = testDeployment();
    expect(() => new CentralSite(stack as never, 'west', { location: 'westeurope', addressSpace: '10.1.0.0/16' })).toThrow(/scope must be an SfbDeployment/);
  });
});
