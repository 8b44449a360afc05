import { FrontEndPool, LoadBalancing, PoolEdition, ProductVersion } from '../../lib';
import { portsCover } from '../../lib/model/network';
import { resourcesOf, synthJson, testDeployment, testPool, testSite, ipOf, serverIps } from '../helpers';
import { ruleSide } from '../security-groups';

function enterprise(props: object = {}, zones?: string[]) {
  const { stack, deployment } = testDeployment();
  const pool = testPool(testSite(deployment, 'west', zones ? { availabilityZones: zones } : {}), 'pool', { fqdn: 'pool.corp.contoso.com', ...props });
  return { json: synthJson(stack), pool, deployment };
}

const frontEnds = (json: any) => resourcesOf(json, 'azurerm_windows_virtual_machine').filter((vm) => vm.tags['sfb-role'] === 'Front End');

describe('FrontEndPool (Enterprise)', () => {
  test('creates three Front Ends round-robin over the zones, without public IPs', () => {
    const { json } = enterprise();
    const vms = frontEnds(json);
    expect(vms.map((vm) => [vm.computer_name, vm.zone])).toEqual([['pool-1', '1'], ['pool-2', '2'], ['pool-3', '3']]);
    expect(resourcesOf(json, 'azurerm_public_ip')).toHaveLength(0);
    expect(vms.every((vm) => vm.network_interface_ids.length === 1)).toBe(true);
    expect(vms.every((vm) => vm.patch_mode === 'Manual' && vm.admin_password === '${var.contoso_admin_password}')).toBe(true);
  });

  test('uses an availability set when the site has no zones', () => {
    const { json } = enterprise({}, []);
    const sets = resourcesOf(json, 'azurerm_availability_set');
    expect(sets.length).toBeGreaterThanOrEqual(1);
    expect(frontEnds(json).every((vm) => vm.zone === undefined && vm.availability_set_id)).toBe(true);
  });

  test('defaults to the newest OS the product supports', () => {
    const sku = (productVersion: ProductVersion) => {
      const { stack, deployment } = testDeployment({ productVersion });
      testPool(testSite(deployment));
      return frontEnds(synthJson(stack))[0].source_image_reference.sku;
    };
    expect(sku(ProductVersion.LYNC_SERVER_2013)).toBe('2012-R2-Datacenter');
    expect(sku(ProductVersion.SKYPE_FOR_BUSINESS_2015)).toBe('2019-Datacenter');
    expect(sku(ProductVersion.SKYPE_FOR_BUSINESS_2019)).toBe('2019-Datacenter');
  });

  test('publishes DNS load balancing: the pool FQDN to every member, each member its own record', () => {
    const { json, pool } = enterprise();
    const records = resourcesOf(json, 'azurerm_private_dns_a_record');
    const ips = serverIps(pool.deployment, pool._servers.servers);
    expect(records.find((r) => r.name === 'pool')!.records).toEqual(ips);
    for (const s of pool._servers.servers) {
      expect(records.find((r) => r.name === s.model.computerName)!.records).toEqual([ipOf(pool.deployment, s.privateIp)]);
    }
  });

  test('puts web services behind a Standard internal load balancer with the documented settings', () => {
    const { json, pool } = enterprise();
    const lb = resourcesOf(json, 'azurerm_lb')[0];
    expect(lb.sku).toBe('Standard');
    expect(lb.frontend_ip_configuration[0].public_ip_address_id).toBeUndefined();
    const rules = resourcesOf(json, 'azurerm_lb_rule');
    expect(rules.map((r) => r.frontend_port).sort((a, b) => a - b)).toEqual([80, 443, 4443, 8080]);
    for (const r of rules) {
      expect(r.floating_ip_enabled).toBe(false);
      expect(r.idle_timeout_in_minutes).toBe(30);
      expect(r.load_distribution).toBe(r.frontend_port === 80 || r.frontend_port === 443 ? 'SourceIP' : 'Default');
    }
    expect(resourcesOf(json, 'azurerm_lb_probe')[0]).toMatchObject({ protocol: 'Tcp', port: 5061 });
    const web = resourcesOf(json, 'azurerm_private_dns_a_record').find((r) => r.name === 'pool-webint')!;
    expect(web.records).toEqual([ipOf(pool.deployment, pool._webLoadBalancer!.privateIp)]);
    expect(resourcesOf(json, 'azurerm_network_interface_backend_address_pool_association')).toHaveLength(3);
  });

  test('hardware SIP load balancing adds SIP to the balancer', () => {
    const { json } = enterprise({ sipLoadBalancing: LoadBalancing.HARDWARE });
    expect(resourcesOf(json, 'azurerm_lb_rule').map((r) => r.frontend_port)).toContain(5061);
  });

  test('opens server flows from the role subnets, client flows from the connected networks only, nothing from the Internet', () => {
    const { json } = enterprise();
    const rules = resourcesOf(json, 'azurerm_network_security_rule');
    const byName = (name: string) => rules.find((r) => r.name === name)!;
    // Every Front End subnet of the deployment (one site here) reaches the servers' ports; 445 is not among them (CMS pool only).
    expect(byName('front-end-from-front-ends')).toMatchObject({ source_address_prefix: '10.10.0.0/20', access: 'Allow' });
    const serverPorts: string[] = byName('front-end-from-front-ends').destination_port_ranges;
    for (const port of [5061, 443, 4443, 444, 135]) expect(portsCover(serverPorts, port)).toBe(true);
    expect(portsCover(serverPorts, 445)).toBe(false);
    // Client ports from VirtualNetwork come after the deny of the deployment's own networks.
    const clients = byName('front-end-from-clients-tcp');
    expect(clients.source_address_prefix).toBe('VirtualNetwork');
    expect(clients.priority).toBeGreaterThan(byName('deny-deployment-networks').priority);
    expect(byName('deny-deployment-networks')).toMatchObject({ access: 'Deny', source_address_prefix: '10.10.0.0/16' });
    expect(byName('deny-virtual-network')).toMatchObject({ access: 'Deny', priority: 4096, source_address_prefix: 'VirtualNetwork' });
    expect(byName('allow-azure-load-balancer')).toMatchObject({ access: 'Allow', priority: 4095, source_address_prefix: 'AzureLoadBalancer' });
    expect(rules.some((r) => r.source_address_prefix === 'Internet' || r.source_address_prefix === '*')).toBe(false);
    const priorities = rules.map((r) => `${r.network_security_group_name}:${r.priority}`);
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  test('opens Windows Fabric, the local user store and the MCU factory between the pool\'s own members only', () => {
    const { json, pool, deployment } = enterprise();
    const members = serverIps(deployment, pool._servers.servers).map((ip) => `${ip}/32`);
    const rule = resourcesOf(json, 'azurerm_network_security_rule').find((r) => r.name === 'pool-pool-members')!;
    // Both sides name the pool's application security group, which holds exactly its members' NICs.
    expect(rule.source_application_security_group_ids).toEqual(rule.destination_application_security_group_ids);
    expect(rule.source_address_prefixes ?? rule.source_address_prefix).toBeUndefined();
    expect(ruleSide(json, rule, 'source')).toEqual(members);
    expect(ruleSide(json, rule, 'destination')).toEqual(members);
    // WinFab 5090-5094, LYSS 5077, MCU Factory 9001, UCWA 5088/5089, PChat web manager 5095/5096 (service-port-bindings.md), merged.
    expect(rule.destination_port_ranges).toEqual(['5077', '5088-5096', '9001']);
  });

  test('opens SQL on the back end from the pool\'s own servers only', () => {
    const { json, pool, deployment } = enterprise();
    const sql = resourcesOf(json, 'azurerm_network_security_rule').find((r) => r.destination_port_range === '1433')!;
    expect(ruleSide(json, sql, 'source')).toEqual(serverIps(deployment, pool._servers.servers).map((ip) => `${ip}/32`));
    // The standalone back end's one server is its store: its group, and no rule to a floating store address.
    expect(ruleSide(json, sql, 'destination')).toEqual([expect.stringMatching(/^10\.10\.(1[6-9]|2\d|3[01])\.\d+\/32$/)]);
    expect(resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.name.startsWith('sql-store-from-'))).toEqual([]);
  });

  // Audit F7: ports-and-protocols.md, "Hardware Load Balancer Ports if Using Only Hardware Load
  // Balancing": "Front End Server load balancer (if the pool also runs Mediation Server), 5070, TCP".
  test('an HLB pool with collocated Mediation balances 5070; without collocated Mediation it does not', () => {
    const ports = (props: object) => resourcesOf(enterprise({ sipLoadBalancing: LoadBalancing.HARDWARE, ...props }).json, 'azurerm_lb_rule').map((r) => r.frontend_port);
    expect(ports({ collocatedMediation: true })).toContain(5070);
    expect(ports({})).not.toContain(5070);
  });

  test('the first pool hosts the CMS by default, later ones do not', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    expect(testPool(site, 'a').hostsCentralManagementStore).toBe(true);
    expect(testPool(site, 'b').hostsCentralManagementStore).toBe(false);
  });
});

describe('FrontEndPool (Standard Edition)', () => {
  test('is one server named by the pool FQDN, without a load balancer', () => {
    const { stack, deployment } = testDeployment();
    const se = new FrontEndPool(testSite(deployment), 'se', { fqdn: 'se01.corp.contoso.com', edition: PoolEdition.STANDARD });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_windows_virtual_machine')).toHaveLength(1);
    expect(resourcesOf(json, 'azurerm_lb')).toHaveLength(0);
    expect(se._servers.models[0]).toMatchObject({ fqdn: 'se01.corp.contoso.com', role: 'Standard Edition' });
  });
});

describe('FrontEndPool input that cannot be built', () => {
  const site = () => testSite(testDeployment().deployment);
  test.each([
    [{ frontEndServers: 2.5 }, /frontEndServers 2.5 is not a whole number/],
    [{ frontEndServers: 0 }, /frontEndServers 0 is out of range; allowed are whole numbers from 1 to 100/],
    [{ fqdn: 'not a fqdn' }, /fqdn "not a fqdn" is not a dotted DNS name/],
    [{ fqdn: 'pool' }, /fqdn "pool" has a single label/],
    [{ edition: 'Premium' }, /edition "Premium" is not a PoolEdition/],
    [{ vmsize: 'x' }, /vmsize "x" is not a prop of FrontEndPool/],
  ])('%j throws', (props, message) => {
    expect(() => new FrontEndPool(site(), 'pool', { fqdn: 'pool.corp.contoso.com', ...(props as object) } as never)).toThrow(message);
  });
});
