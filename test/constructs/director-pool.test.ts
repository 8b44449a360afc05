import { DirectorPool, LoadBalancing, validateTopology } from '../../lib';
import { findingsOf, resourcesOf, synthJson, testDeployment, testPool, testSite, consecutiveIn, ipOf, serverIps } from '../helpers';

function westWithDirector(props: Partial<ConstructorParameters<typeof DirectorPool>[2]> = {}) {
  const t = testDeployment();
  const west = testSite(t.deployment, 'west');
  testPool(west, 'pool');
  const director = new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', ...props });
  return { ...t, west, director };
}

describe('DirectorPool', () => {
  test('creates two Director VMs in the Director subnet, spread over zones', () => {
    const { stack } = westWithDirector();
    const json = synthJson(stack);
    const vms = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((vm) => vm.tags['sfb-role'] === 'Director');
    expect(vms.map((vm) => vm.name)).toEqual(['dir-west-1', 'dir-west-2']);
    expect(vms.map((vm) => vm.zone)).toEqual(['1', '2']);
    const nics = resourcesOf(json, 'azurerm_network_interface').filter((n) => n.name.startsWith('nic-dir-west'));
    expect(consecutiveIn(nics.map((n) => n.ip_configuration[0].private_ip_address), '10.10.80.0/20')).toBe(true);
  });

  test('balances web traffic on 443 and 4443 (and 80, 8080) behind a Standard internal load balancer', () => {
    const { stack } = westWithDirector();
    const json = synthJson(stack);
    const lb = resourcesOf(json, 'azurerm_lb').find((l) => l.name === 'lbi-dir-west-web');
    expect(lb).toMatchObject({ sku: 'Standard' });
    const ports = resourcesOf(json, 'azurerm_lb_rule')
      .filter((r) => String(r.loadbalancer_id).includes('director'))
      .map((r) => r.frontend_port)
      .sort((a, b) => a - b);
    expect(ports).toEqual([80, 443, 4443, 8080]);
  });

  test('hardware SIP load balancing adds 444 and 5061 to the load balancer and points the pool FQDN at it', () => {
    const { director, deployment } = westWithDirector({ sipLoadBalancing: LoadBalancing.HARDWARE });
    const model = deployment._toModel().directorPools[0];
    expect(model.webLoadBalancer?.rules.map((r) => r.frontendPort)).toEqual(expect.arrayContaining([444, 5061, 443, 4443]));
    const record = deployment._toModel().dnsRecords.find((r) => r.fqdn === 'dir-west.corp.contoso.com');
    expect(record?.values).toEqual([ipOf(deployment, director._webLoadBalancer.privateIp)]);
  });

  test('publishes DNS load balancing and its own web FQDNs with defaults like a Front End pool', () => {
    const { director, deployment } = westWithDirector();
    expect(director.internalWebFqdn).toBe('dir-west-webint.corp.contoso.com');
    expect(director.externalWebFqdn).toBe('dir-west-webext.contoso.com');
    const records = deployment._toModel().dnsRecords;
    const values = (fqdn: string) => records.find((r) => r.fqdn === fqdn)?.values;
    const [one, two] = serverIps(deployment, director._servers.servers);
    expect(consecutiveIn([one, two], '10.10.80.0/20')).toBe(true);
    expect(values('dir-west.corp.contoso.com')).toEqual([one, two]);
    expect(values('dir-west-1.corp.contoso.com')).toEqual([one]);
    expect(values('dir-west-webint.corp.contoso.com')).toEqual([ipOf(deployment, director._webLoadBalancer.privateIp)]);
  });

  test('opens 5061, 444, 443, 4443 between every site\'s Front Ends and the Directors, both ways', () => {
    const { deployment, west } = westWithDirector();
    const north = testSite(deployment, 'north');
    testPool(north, 'pool');
    const flows = deployment._toModel().flows;
    const into = (nsg: string, name: string) => flows.find((f) => f.nsg === nsg && f.name === name);
    // Front Ends to Directors: SIP and inter-server HTTPS (ports-and-protocols.md); Directors to Front Ends: also the web farm (80, 443) and 4443 (audit F8).
    expect(into('west/director', 'director-from-front-ends')).toMatchObject({ ports: ['444', '5061'], sourcePrefixes: ['10.10.0.0/20', '10.20.0.0/20'] });
    for (const site of ['west', 'north']) {
      expect(into(`${site}/front-end`, 'front-end-from-directors')).toMatchObject({ ports: ['80', '443-444', '4443', '5061'], sourcePrefixes: [west._subnetPrefix('director' as never)] });
    }
    expect(into('west/director', 'director-clients')).toMatchObject({ ports: ['80', '443', '4443', '5061', '8080'], sourcePrefixes: ['VirtualNetwork'] });
    expect(flows.some((f) => f.nsg === 'west/director' && f.sourcePrefixes.includes('Internet'))).toBe(false);
  });

  test('exposes fqdn and site for use as an Edge next hop', () => {
    const { director, west } = westWithDirector();
    expect(director.fqdn).toBe('dir-west.corp.contoso.com');
    expect(director.site).toBe(west);
  });

  test('a default Director pool has no Director findings', () => {
    const { deployment } = westWithDirector();
    const f = validateTopology(deployment);
    for (const id of ['DIR-1', 'DIR-2', 'DIR-3', 'DIR-4', 'DIR-6', 'DNS-2', 'DNS-3', 'DNS-4', 'NAME-4', 'VM-1', 'VM-2']) {
      expect(findingsOf(f, id).filter((x) => x.path.includes('director'))).toEqual([]);
    }
  });

  test('rejects unknown props and malformed input', () => {
    const { west } = westWithDirector();
    expect(() => new DirectorPool(west, 'd2', { fqdn: 'd2.corp.contoso.com', users: 5 } as never)).toThrow(/users .* is not a prop of DirectorPool/);
    expect(() => new DirectorPool(west, 'd3', { fqdn: 'd3.corp.contoso.com', servers: 1.5 })).toThrow(/servers 1.5 is not a whole number/);
    expect(() => new DirectorPool(west, 'd4', { fqdn: 'nodomain' })).toThrow(/fqdn "nodomain" has a single label/);
  });
});
