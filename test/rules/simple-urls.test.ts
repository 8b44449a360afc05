/**
 * Issue 15 item 3: simple URLs and Autodiscover (TB-1), their failover with paired pools through Azure
 * Traffic Manager (PAIR-21), the split-brain private zone (DNS-9) and the pool FQDN of a hardware-load-
 * balanced pool (DNS-12).
 */
import { DirectorPool, LoadBalancing, PairedPools, Severity, SfbDeploymentProps, validateTopology } from '../../lib';
import { AUTODISCOVER_PROBE_PATH } from '../../lib/model/simple-urls';
import { ALL_RULES } from '../../lib/rules/index';
import { providerConstraints } from '../provider-invariants';
import { check, findingsOf, ipOf, modelOf, resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id);

function paired(props: Partial<SfbDeploymentProps> = {}, withDirector = false) {
  const t = testDeployment(props);
  const west = testSite(t.deployment, 'west');
  const north = testSite(t.deployment, 'north');
  const westPool = testPool(west, 'pool');
  const northPool = testPool(north, 'pool', { hostsCentralManagementStore: false });
  if (withDirector) {
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    new DirectorPool(north, 'director', { fqdn: 'dir-north.corp.contoso.com' });
  }
  new PairedPools(t.deployment, 'pair', { primary: westPool, backup: northPool });
  return { ...t, west, north, westPool, northPool };
}

const privateA = (json: any, name: string, zoneId = 'contoso-com') =>
  resourcesOf(json, 'azurerm_private_dns_a_record').filter((r) => r.name === name && String(r.zone_name).includes(`private-zone-${zoneId}_`));

describe('simple URLs and Autodiscover: defaults and internal records', () => {
  test('Meet and Dial-in default to meet.<sipDomain> and dialin.<sipDomain>; no Admin URL', () => {
    const m = modelOf(({ deployment }) => testPool(testSite(deployment)));
    expect(m.simpleUrls!.urls.map((u) => [u.kind, u.url, u.isDefault])).toEqual([
      ['meet', 'https://meet.contoso.com', true],
      ['dialin', 'https://dialin.contoso.com', true],
    ]);
  });

  test('lyncdiscoverinternal, meet and dialin resolve in the private SIP-domain zone to the pool\'s internal web VIP', () => {
    const { stack, deployment } = testDeployment();
    const pool = testPool(testSite(deployment));
    const json = synthJson(stack);
    const vip = ipOf(deployment, pool._webLoadBalancer!.privateIp);
    for (const name of ['lyncdiscoverinternal', 'meet', 'dialin']) expect(privateA(json, name).map((r) => r.records)).toEqual([[vip]]);
    // Not public without a Traffic Manager profile: the customer publishes them on the reverse proxy.
    expect(resourcesOf(json, 'azurerm_dns_cname_record').map((r) => r.name)).not.toContain('meet');
  });

  test('with a Director pool, the internal names point at the Director\'s internal web VIP (dns.md)', () => {
    const { stack, deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site);
    const director = new DirectorPool(site, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    const json = synthJson(stack);
    expect(privateA(json, 'lyncdiscoverinternal')[0].records).toEqual([ipOf(deployment, director._webLoadBalancer.privateIp)]);
  });

  test('an Admin URL is published internally only; custom URLs of naming option 2 share one record', () => {
    const { stack, deployment } = testDeployment({ simpleUrls: { meet: 'https://sfb.contoso.com/meet', dialIn: 'https://sfb.contoso.com/dialin', admin: 'https://sfb.contoso.com/admin' } });
    testPool(testSite(deployment));
    const json = synthJson(stack);
    expect(privateA(json, 'sfb')).toHaveLength(1);
    expect(resourcesOf(json, 'azurerm_dns_cname_record').map((r) => r.name)).not.toContain('sfb');
    expect(findingsOf(validateTopology(deployment), 'TB-1')).toEqual([]);
  });

  test('props that cannot be built throw, naming the prop', () => {
    expect(() => testDeployment({ simpleUrls: { meeting: 'https://x.contoso.com' } as never })).toThrow(/meeting .* is not a prop of SfbDeployment simpleUrls/);
    expect(() => testDeployment({ simpleUrls: { meet: 42 } as never })).toThrow(/simpleUrls.meet 42 is not a string/);
    expect(() => testDeployment({ simpleUrls: 'meet' as never })).toThrow(/simpleUrls "meet" is not an object/);
  });
});

describe('TB-1: simple URL naming and validation rules (simple-urls.md)', () => {
  const tb1 = (simpleUrls: SfbDeploymentProps['simpleUrls']) => {
    const { deployment } = testDeployment({ simpleUrls });
    testPool(testSite(deployment));
    return findingsOf(validateTopology(deployment), 'TB-1');
  };
  test('the defaults pass', () => expect(tb1(undefined)).toEqual([]));
  test('http:// is an error', () => expect(tb1({ meet: 'http://meet.contoso.com' })[0]).toMatchObject({ severity: Severity.ERROR, message: expect.stringMatching(/does not start with https:\/\//) }));
  test('a port is an error', () => expect(tb1({ dialIn: 'https://dialin.contoso.com:88/x' })[0].message).toMatch(/contains a port/));
  test('a pool FQDN is an error', () => expect(tb1({ meet: 'https://pool-west.corp.contoso.com/meet' })[0].message).toMatch(/contains the pool FQDN pool-west.corp.contoso.com/));
  test('the SIP domain itself is an error', () => expect(tb1({ meet: 'https://contoso.com/meet' })[0].message).toMatch(/uses the SIP domain contoso.com itself/));
  test('two equal URLs are an error', () => expect(tb1({ meet: 'https://sfb.contoso.com', dialIn: 'https://sfb.contoso.com/' })[0].message).toMatch(/unique name/));
  test('a prefix of another is an error', () => expect(tb1({ meet: 'https://sfb.contoso.com/meet', dialIn: 'https://sfb.contoso.com/meet/dialin' })[0].message).toMatch(/prefix of one another/));
});

describe('PAIR-21: web services and simple URLs fail over with paired pools (Traffic Manager, priority)', () => {
  test('paired pools across sites get a priority profile probing Autodiscover, and public CNAMEs to it', () => {
    const { stack, deployment, westPool, northPool } = paired();
    const json = synthJson(stack);
    const [profile] = resourcesOf(json, 'azurerm_traffic_manager_profile');
    expect(profile).toMatchObject({
      traffic_routing_method: 'Priority',
      dns_config: { relative_name: 'contoso-contoso-com-web', ttl: 60 },
      monitor_config: { protocol: 'HTTPS', port: 443, path: AUTODISCOVER_PROBE_PATH, expected_status_code_ranges: ['200-200'], interval_in_seconds: 30, timeout_in_seconds: 10, tolerated_number_of_failures: 3 },
    });
    const endpoints = resourcesOf(json, 'azurerm_traffic_manager_external_endpoint').map((e) => [e.priority, e.target]).sort();
    // The pool that hosts the CMS is primary; its partner the standby.
    expect(endpoints).toEqual([[1, westPool.externalWebFqdn], [2, northPool.externalWebFqdn]]);
    const cnames = Object.fromEntries(resourcesOf(json, 'azurerm_dns_cname_record').map((r) => [r.name, r.record]));
    for (const name of ['meet', 'dialin', 'lyncdiscover']) expect(cnames[name]).toBe('contoso-contoso-com-web.trafficmanager.net');
    expect(cnames.lyncdiscoverinternal).toBeUndefined();
    expect(providerConstraints(json)).toEqual([]);
    // Protected: no PAIR-21 finding, and the note (PAIR-25) says how the names fail over.
    expect(findingsOf(validateTopology(deployment), 'PAIR-21')).toEqual([]);
    const f = findingsOf(validateTopology(deployment), 'PAIR-25');
    expect(f).toEqual([expect.objectContaining({ severity: Severity.INFO, message: expect.stringMatching(/Traffic Manager profile tm-contoso-web .*lyncdiscoverinternal.contoso.com.*runbook step/) })]);
  });

  test('with Director pools, the endpoints are the Directors\' external web services', () => {
    const { stack } = paired({}, true);
    const targets = resourcesOf(synthJson(stack), 'azurerm_traffic_manager_external_endpoint').map((e) => [e.priority, e.target]).sort();
    expect(targets).toEqual([[1, 'dir-west-webext.contoso.com'], [2, 'dir-north-webext.contoso.com']]);
  });

  test('trafficManager: false leaves the names unprotected: a PAIR-21 warning', () => {
    const { stack, deployment } = paired({ simpleUrls: { trafficManager: false } });
    expect(resourcesOf(synthJson(stack), 'azurerm_traffic_manager_profile')).toEqual([]);
    const f = findingsOf(validateTopology(deployment), 'PAIR-21');
    expect(f).toEqual([expect.objectContaining({ severity: Severity.WARNING, message: expect.stringMatching(/simpleUrls.trafficManager is false.*GeoDNS/) })]);
  });

  test('no pairing, no profile and no finding', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
    expect(resourcesOf(synthJson(stack), 'azurerm_traffic_manager_profile')).toEqual([]);
    expect(findingsOf(validateTopology(deployment), 'PAIR-21')).toEqual([]);
  });
});

describe('DNS-9: the private SIP-domain zone shadows public names (split-brain)', () => {
  test('names the public names that do not resolve inside the networks, the external web FQDNs among them', () => {
    const { deployment } = paired();
    const f = findingsOf(validateTopology(deployment), 'DNS-9');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.INFO });
    expect(f[0].message).toMatch(/private zone contoso.com answers every query.*lyncdiscover.contoso.com.*pool-west-webext.contoso.com.*Required if mobile clients will resolve DNS internally.*Pin-point internal zone/);
  });
});

describe('DNS-12: a hardware-load-balanced pool FQDN resolves to the load balancer only', () => {
  test('FrontEndPool with sipLoadBalancing HARDWARE publishes the pool FQDN with the VIP alone', () => {
    const { stack, deployment } = testDeployment();
    const pool = testPool(testSite(deployment), 'pool', { sipLoadBalancing: LoadBalancing.HARDWARE });
    const json = synthJson(stack);
    const record = resourcesOf(json, 'azurerm_private_dns_a_record').find((r) => r.name === 'pool-west');
    expect(record.records).toEqual([ipOf(deployment, pool._webLoadBalancer!.privateIp)]);
    expect(findingsOf(validateTopology(deployment), 'DNS-12')).toEqual([]);
  });

  test('a pool FQDN that still lists the members is an error', () => {
    const m = modelOf(({ deployment }) => testPool(testSite(deployment), 'pool', { sipLoadBalancing: LoadBalancing.HARDWARE }));
    const members = m.frontEndPools[0].servers.map((s) => s.nics[0].privateIp);
    const broken = { ...m, dnsRecords: m.dnsRecords.map((r) => (r.fqdn === 'pool-west.corp.contoso.com' ? { ...r, values: members } : r)) };
    const f = check(rule('DNS-12'), broken);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/uses hardware load balancing but its pool FQDN resolves to \[.*\]; .*single entry/);
  });
});
