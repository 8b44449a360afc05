import { FrontEndPool, LoadBalancing, MediationPool, ProductVersion, PstnGateway, Severity, SipTrunk, validateTopology } from '../../lib';
import { MEDIATION_RULES } from '../../lib/rules/mediation';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => MEDIATION_RULES.find((r) => r.id === id);

function collocatedFindings(frontEndServers: number, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015, id: string | boolean = 'MED-1') {
  const { deployment } = testDeployment({ productVersion });
  testPool(testSite(deployment), 'pool', { frontEndServers, collocatedMediation: id !== false });
  return findingsOf(validateTopology(deployment), typeof id === 'string' ? id : 'MED-1');
}

function mediationModel(props: Partial<ConstructorParameters<typeof MediationPool>[2]> = {}, productVersion?: ProductVersion) {
  return modelOf(({ deployment }) => {
    const west = testSite(deployment, 'west');
    const pool = testPool(west, 'pool');
    new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool, ...props });
  }, productVersion ? { productVersion } : {});
}

describe('MED-1: collocated Mediation limits the Front End pool to 12 servers', () => {
  test('12 Front Ends with collocated Mediation are fine; 13 without it too', () => {
    expect(collocatedFindings(12)).toEqual([]);
    expect(collocatedFindings(13, ProductVersion.SKYPE_FOR_BUSINESS_2019, false)).toEqual([]);
  });

  test('13 Front Ends with collocated Mediation are an error in 2015', () => {
    const f = collocatedFindings(13);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR });
    expect(f[0].message).toMatch(/frontEndServers is 13 with collocatedMediation; .* at most 12/);
  });

  test('13 to 16 are a MED-8 warning in 2019 (unconfirmed limit), 17 an MED-1 error', () => {
    expect(collocatedFindings(14, ProductVersion.SKYPE_FOR_BUSINESS_2019)).toEqual([]);
    const warn = collocatedFindings(14, ProductVersion.SKYPE_FOR_BUSINESS_2019, 'MED-8');
    expect(warn[0]).toMatchObject({ severity: Severity.WARNING });
    expect(warn[0].message).toMatch(/UNCONFIRMED/);
    expect(collocatedFindings(17, ProductVersion.SKYPE_FOR_BUSINESS_2019)[0]).toMatchObject({ severity: Severity.ERROR });
  });
});

describe('MED-2: stand-alone pools resolve to every member, or balance 5070', () => {
  test('the synthesized DNS-load-balanced and hardware-load-balanced pools pass', () => {
    expect(check(rule('MED-2'), mediationModel())).toEqual([]);
    expect(check(rule('MED-2'), mediationModel({ loadBalancing: LoadBalancing.HARDWARE }))).toEqual([]);
  });

  test('a pool FQDN missing a member is an error', () => {
    const model = mediationModel({ servers: 3 });
    const records = model.dnsRecords.map((r) => (r.fqdn === 'med-west.corp.contoso.com' ? { ...r, values: r.values.slice(0, 2) } : r));
    const members = model.mediationPools[0].servers.map((s) => s.nics[0].privateIp);
    expect(check(rule('MED-2'), { ...model, dnsRecords: records })[0].message).toContain(`resolves to [${members.slice(0, 2).join(', ')}] but its members are [${members.join(', ')}]`);
  });

  test('a hardware-load-balanced pool without 5070 on the balancer is an error', () => {
    const model = mediationModel({ loadBalancing: LoadBalancing.HARDWARE });
    const p = model.mediationPools[0];
    const broken = { ...model, mediationPools: [{ ...p, loadBalancer: { ...p.loadBalancer!, rules: [] } }] };
    expect(check(rule('MED-2'), broken)[0].message).toMatch(/its load balancer has no rule for port 5070/);
  });
});

describe('MED-3: Mediation pools are not stretched', () => {
  test('the constructs keep the pool in its site', () => {
    expect(check(rule('MED-3'), mediationModel())).toEqual([]);
  });

  test('a member addressed outside the site is an error', () => {
    const model = mediationModel();
    const p = model.mediationPools[0];
    const moved = { ...p.servers[0], nics: [{ ...p.servers[0].nics[0], privateIp: '10.99.0.4' }] };
    expect(check(rule('MED-3'), { ...model, mediationPools: [{ ...p, servers: [moved, p.servers[1]] }] })[0].message).toMatch(/Mediation pools cannot be stretched/);
  });
});

describe('MED-6: Mediation capacity without media bypass', () => {
  test('1,500 calls fit 2 servers with one lost in 2015; 1,600 do not', () => {
    expect(check(rule('MED-6'), mediationModel({ concurrentCalls: 1500 }))).toEqual([]);
    expect(check(rule('MED-6'), mediationModel({ concurrentCalls: 1600 }))[0].message).toMatch(/concurrentCalls is 1600; .* carry 1,500; set servers to 3/);
  });

  test('2019 servers carry 2,000 calls each', () => {
    expect(check(rule('MED-6'), mediationModel({ concurrentCalls: 2000 }, ProductVersion.SKYPE_FOR_BUSINESS_2019))).toEqual([]);
  });
});

describe('MED-7: the next hop is a Front End pool of the same site, never a Director', () => {
  test('a Front End pool of the same site is fine', () => {
    expect(check(rule('MED-7'), mediationModel())).toEqual([]);
  });

  test('a next hop that is no Front End pool is an error', () => {
    const model = mediationModel();
    const broken = { ...model, mediationPools: [{ ...model.mediationPools[0], nextHopPath: 'test/contoso/west/nothing' }] };
    expect(check(rule('MED-7'), broken)[0]).toMatchObject({ severity: Severity.ERROR });
  });

  test('a next hop in another site is a warning', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    testPool(west, 'pool');
    const northPool: FrontEndPool = testPool(testSite(deployment, 'north'), 'pool');
    new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: northPool });
    expect(findingsOf(validateTopology(deployment), 'MED-7')).toEqual([]);
    const f = findingsOf(validateTopology(deployment), 'MED-9');
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/crosses the WAN/);
  });
});

describe('MED-10: a PSTN peer of a stand-alone Mediation pool lies in its gatewayPrefixes', () => {
  function med10(gatewayPrefixes: string[] | undefined, address: string, trunk = false) {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const pool = testPool(west, 'pool');
    const mediationPool = new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool, ...(gatewayPrefixes ? { gatewayPrefixes } : {}) });
    const Peer = trunk ? SipTrunk : PstnGateway;
    new Peer(west, 'gateway', { fqdn: 'gw-west.corp.contoso.com', address, mediationPool });
    return findingsOf(validateTopology(deployment), 'MED-10');
  }

  test('warns when the gateway address is outside every prefix, naming address, prefixes and fix', () => {
    const f = med10(['192.168.10.0/24', '192.168.20.0/24'], '192.168.30.5');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/west/gateway' });
    expect(f[0].message).toMatch(/PSTN gateway gw-west\.corp\.contoso\.com has address 192\.168\.30\.5, outside gatewayPrefixes \[192\.168\.10\.0\/24, 192\.168\.20\.0\/24\] of its Mediation pool med-west\.corp\.contoso\.com; .*add the gateway's network to gatewayPrefixes/);
    expect(med10(['192.168.10.0/24'], '192.168.30.5', true)[0].message).toMatch(/^SIP trunk gw-west/);
  });

  test('passes inside a prefix, and with the default VirtualNetwork', () => {
    expect(med10(['192.168.10.0/24', '192.168.20.0/24'], '192.168.20.9')).toEqual([]);
    expect(med10(undefined, '192.168.30.5')).toEqual([]);
  });
});
