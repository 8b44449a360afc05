import { DirectorPool, FrontEndPool, LoadBalancing, MediationPool, validateTopology } from '../../lib';
import { findingsOf, resourcesOf, synthJson, testDeployment, testPool, testSite, consecutiveIn, ipOf, serverIps } from '../helpers';

function westWithMediation(props: Partial<ConstructorParameters<typeof MediationPool>[2]> = {}) {
  const t = testDeployment();
  const west = testSite(t.deployment, 'west');
  const pool = testPool(west, 'pool');
  const mediation = new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool, ...props });
  return { ...t, west, pool, mediation };
}

describe('MediationPool', () => {
  test('creates two Mediation VMs in the Mediation subnet over two zones', () => {
    const { stack } = westWithMediation();
    const vms = resourcesOf(synthJson(stack), 'azurerm_windows_virtual_machine').filter((vm) => vm.tags['sfb-role'] === 'Mediation');
    expect(vms.map((vm) => [vm.name, vm.zone, vm.size])).toEqual([
      ['med-west-1', '1', 'Standard_D16s_v5'],
      ['med-west-2', '2', 'Standard_D16s_v5'],
    ]);
  });

  test('publishes DNS load balancing: the pool FQDN resolves to every member', () => {
    const { deployment, stack, mediation } = westWithMediation({ servers: 3 });
    const record = deployment._toModel().dnsRecords.find((r) => r.fqdn === 'med-west.corp.contoso.com');
    expect(record?.values).toEqual(serverIps(deployment, mediation._servers.servers));
    expect(consecutiveIn([...record!.values], '10.10.96.0/20')).toBe(true);
    expect(resourcesOf(synthJson(stack), 'azurerm_lb').map((l) => l.name)).not.toContain('lbi-med-west-sip');
  });

  test('hardware load balancing puts SIP 5070 on an internal load balancer that the pool FQDN resolves to', () => {
    const { mediation, deployment, stack } = westWithMediation({ loadBalancing: LoadBalancing.HARDWARE });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_lb').map((l) => l.name)).toContain('lbi-med-west-sip');
    const rule = resourcesOf(json, 'azurerm_lb_rule').find((r) => r.frontend_port === 5070);
    expect(rule).toMatchObject({ backend_port: 5070, floating_ip_enabled: false });
    expect(deployment._toModel().dnsRecords.find((r) => r.fqdn === 'med-west.corp.contoso.com')?.values).toEqual([ipOf(deployment, mediation._loadBalancer!.privateIp)]);
  });

  test('opens 5070 from every site\'s Front Ends and 5067-5068 from the gateways only', () => {
    const { deployment } = westWithMediation({ gatewayPrefixes: ['192.168.10.0/24'] });
    testPool(testSite(deployment, 'north'), 'pool');
    const flows = deployment._toModel().flows.filter((f) => f.nsg === 'west/mediation');
    expect(flows.find((f) => f.name === 'mediation-from-front-ends')).toMatchObject({ ports: ['5070'], sourcePrefixes: ['10.10.0.0/20', '10.20.0.0/20'], flowKeys: ['fe-to-mediation-sip'] });
    expect(flows.find((f) => f.name === 'mediation-gateways-sip')).toMatchObject({ ports: ['5067-5068'], sourcePrefixes: ['192.168.10.0/24'], protocol: 'Tcp' });
    expect(flows.filter((f) => f.ports.includes('5067-5068')).map((f) => f.name)).toEqual(['mediation-gateways-sip']);
  });

  test('a default Mediation pool has no Mediation findings', () => {
    const { deployment } = westWithMediation();
    const f = validateTopology(deployment);
    for (const id of ['MED-1', 'MED-2', 'MED-3', 'MED-6', 'MED-7', 'DNS-2', 'AZ-2', 'VM-1']) expect(findingsOf(f, id)).toEqual([]);
  });

  test('rejects unknown props, a missing next hop and malformed gateway prefixes', () => {
    const { west, pool } = westWithMediation();
    expect(() => new MediationPool(west, 'm2', { fqdn: 'm2.corp.contoso.com', nextHop: pool, trunk: 'x' } as never)).toThrow(/trunk .* is not a prop of MediationPool/);
    expect(() => new MediationPool(west, 'm3', { fqdn: 'm3.corp.contoso.com' } as never)).toThrow(/nextHop is missing; give the FrontEndPool/);
    expect(() => new MediationPool(west, 'm4', { fqdn: 'm4.corp.contoso.com', nextHop: pool, gatewayPrefixes: ['10.1.1.1/33'] })).toThrow(/gatewayPrefixes/);
    expect(() => new MediationPool(west, 'm5', { fqdn: 'm5.corp.contoso.com', nextHop: pool, gatewayPrefixes: ['VirtualNetwork', '10.0.0.0/24'] })).toThrow(/VirtualNetwork"\] alone/);
  });

  test('accepts a Director at run time only as a finding (MED-7), never silently', () => {
    const { deployment, west } = westWithMediation();
    const director = new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    new MediationPool(west, 'bad', { fqdn: 'med-bad.corp.contoso.com', nextHop: director as unknown as FrontEndPool });
    expect(findingsOf(validateTopology(deployment), 'MED-7')[0].message).toMatch(/is a Director pool/);
  });
});

describe('FrontEndPool collocatedMediation', () => {
  const mediationFlows = (collocated?: boolean) => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', collocated === undefined ? {} : { collocatedMediation: collocated });
    return deployment._toModel().flows.filter((f) => f.nsg === 'west/front-end' && ['pool-collocated-mediation', 'pool-gateways-tcp'].includes(f.name));
  };

  test('defaults to false and opens no Mediation ports on the Front End subnet', () => {
    expect(mediationFlows()).toEqual([]);
    expect(mediationFlows(false)).toEqual([]);
  });

  test('opens 5070 (Front Ends) and 5067-5068 with audio (gateways, from the connected networks) to the pool when set', () => {
    const [fromFrontEnds, fromGateways] = mediationFlows(true);
    expect(fromFrontEnds).toMatchObject({ protocol: 'Tcp', ports: ['5070'], sourcePrefixes: ['10.10.0.0/20'] });
    expect(fromGateways).toMatchObject({ protocol: 'Tcp', ports: ['5067-5068', '49152-57500'], sourcePrefixes: ['VirtualNetwork'] });
  });

  test('is recorded in the model', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { collocatedMediation: true });
    expect(deployment._toModel().frontEndPools[0].collocatedMediation).toBe(true);
  });
});
