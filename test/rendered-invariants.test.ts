/**
 * Rules that only re-checked what a building block hard-codes (AZURE-2, AZURE-4, SEC-3, SRV-3, and
 * FE-13, DIR-5 and DNS-1: every Enterprise and Director pool behind a web load balancer) are
 * "satisfied by construction" in docs/rules.md; this is where they are still checked, cdk-nag style,
 * on every rendered resource of the relevant type across the examples and variants that reach every
 * building block (lab, a stack per site, Director, Edge, Mediation and hardware load balancing, SQL
 * listener and failover-cluster back ends, Standard Edition, every product version).
 */
import { buildHybridTopology } from '../examples/hybrid/topology';
import { buildLabTopology } from '../examples/lab/topology';
import { buildLync2013Topology } from '../examples/lync2013/topology';
import { buildReferenceTopology } from '../examples/reference/topology';
import { REFERENCE_APP_OPTIONS } from '../examples/reference/synth';
import { buildSfb2015Topology } from '../examples/sfb2015/topology';
import {
  DirectorPool,
  FailoverClusterBackEnd,
  FrontEndPool,
  LoadBalancing,
  MediationPool,
  PoolEdition,
  ProductVersion,
  Severity,
  SqlServerVersion,
  validateTopology,
} from '../lib';
import { TerraformStack, Testing } from '../lib/cdktf';
import { testEdge } from './edge-helpers';
import { testDeployment, testSite, testStack } from './helpers';
import {
  edgeAccessIps,
  formatViolations,
  InvariantViolation,
  mergeStacks,
  noFloatingIp,
  publicIpsOnlyOnEdge,
  renderedLoadBalancers,
  reverseProxyBridging,
  srvEntryPerPool,
  srvRecordSets,
  webLoadBalancers,
  webLoadBalancing,
  webPoolsBalanced,
} from './invariants';

type Json = any;

const inStack = (build: (stack: TerraformStack) => void) => (): Json => {
  const stack = testStack();
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
};

/**
 * Two sites on Skype for Business Server 2019: hardware-balanced SIP on the Front End pool (with
 * collocated Mediation), the Director pool and a Mediation pool; a failover-cluster back end; a
 * Standard Edition server; an Edge pool per site.
 */
function hardwareBalanced(): Json {
  const { stack, deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
  const west = testSite(deployment, 'west');
  const north = testSite(deployment, 'north');
  const backEnd = new FailoverClusterBackEnd(west, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
  const pool = new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.contoso.com', backEnd, sipLoadBalancing: LoadBalancing.HARDWARE, collocatedMediation: true });
  const se = new FrontEndPool(north, 'se', { fqdn: 'se-north.corp.contoso.com', edition: PoolEdition.STANDARD, hostsCentralManagementStore: false });
  new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', sipLoadBalancing: LoadBalancing.HARDWARE });
  new MediationPool(north, 'mediation', { fqdn: 'med-north.corp.contoso.com', nextHop: se, loadBalancing: LoadBalancing.HARDWARE });
  testEdge(west, pool, 'edge', { federation: true });
  testEdge(north, se, 'edge');
  // A topology the library accepts, so it synthesizes with validations like the examples.
  expect(validateTopology(deployment).filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId)).toEqual([]);
  return JSON.parse(Testing.synth(stack, true));
}

/** The reference as `npm run synth` builds it (a stack per site), merged into one configuration. */
function perSiteReference(): Json {
  const app = Testing.app();
  buildReferenceTopology(app, REFERENCE_APP_OPTIONS);
  const stacks = app.node.children.filter(TerraformStack.isStack) as TerraformStack[];
  expect(stacks).toHaveLength(3);
  return mergeStacks(stacks.map((s) => JSON.parse(Testing.synth(s, true))));
}

/** Name, build, and whether it has Edge pools (public IPs and _sip._tls). */
const VARIANTS: readonly [string, () => Json, boolean][] = [
  ['reference (Subscription Edition, one stack)', inStack((s) => buildReferenceTopology(s)), true],
  ['reference, a stack per site', perSiteReference, true],
  ['lab', inStack((s) => buildLabTopology(s)), true],
  ['Skype for Business Server 2015 (Persistent Chat, XMPP)', inStack((s) => buildSfb2015Topology(s)), true],
  ['Lync Server 2013 (mirrored back ends, no Edge)', inStack((s) => buildLync2013Topology(s)), false],
  ['Teams hybrid', inStack((s) => buildHybridTopology(s)), true],
  ['2019 with hardware load balancing, a failover cluster and Standard Edition', hardwareBalanced, true],
];

/** Synthesized once per variant, copied for each test that breaks it. */
const cache = new Map<string, string>();
function variant(name: string): Json {
  if (!cache.has(name)) cache.set(name, JSON.stringify(VARIANTS.find(([n]) => n === name)![1]()));
  return JSON.parse(cache.get(name)!);
}
const REFERENCE = VARIANTS[0][0];
const HARDWARE = VARIANTS[6][0];

const found = (v: readonly InvariantViolation[]) => v.map((x) => `${x.invariant} ${x.message}`);
const lbRule = (json: Json, lbName: string, port: number): Json => {
  const lb = renderedLoadBalancers(json).find((l) => l.name === lbName)!;
  return lb.rules.find((r) => r.body.frontend_port === port)!.body;
};

describe.each(VARIANTS.map(([name, , edge]) => [name, edge] as const))('%s', (name, edge) => {
  const json = variant(name);

  test('AZURE-2: no load-balancer rule has Floating IP, except in front of SQL Server VMs only', () => {
    const lbs = renderedLoadBalancers(json);
    expect(lbs.flatMap((lb) => lb.rules).length).toBeGreaterThan(0);
    expect(lbs.every((lb) => lb.memberRoles.length > 0)).toBe(true);
    expect(formatViolations(noFloatingIp(json))).toBe('');
  });

  test('AZURE-4: every web load balancer rule has its distribution, a 30-minute idle timeout and a TCP 5061 probe', () => {
    expect(webLoadBalancers(json).length).toBeGreaterThan(0);
    expect(formatViolations(webLoadBalancing(json))).toBe('');
  });

  test('FE-13, DIR-5 (DNS-1): every Enterprise Front End and every Director is behind a web load balancer', () => {
    const vms = Object.values<Json>(json.resource.azurerm_windows_virtual_machine);
    expect(vms.filter((vm) => vm.tags?.['sfb-role'] === 'Front End').length).toBeGreaterThan(0);
    expect(formatViolations(webPoolsBalanced(json))).toBe('');
  });

  test('SEC-3: every public IP is on an Edge external NIC (or a Bastion host)', () => {
    expect(Object.keys(json.resource.azurerm_public_ip ?? {}).length > 0).toBe(edge);
    expect(formatViolations(publicIpsOnlyOnEdge(json))).toBe('');
  });

  test('SRV-3: one entry per pool in each SRV record set, every Edge pool in _sip._tls', () => {
    expect(srvRecordSets(json).filter((s) => s.fqdn.startsWith('_sip._tls.'))).toHaveLength(edge ? 1 : 0);
    expect(edgeAccessIps(json).length > 0).toBe(edge);
    expect(edgeAccessIps(json).every((e) => e.publicIp !== '')).toBe(true);
    expect(formatViolations(srvEntryPerPool(json))).toBe('');
  });
});

describe('the variants reach every load-balancer building block', () => {
  test('SQL listener and failover-cluster network name (Floating IP on), hardware SIP ports and Mediation', () => {
    const all = VARIANTS.map(([name]) => variant(name));
    const lbs = all.flatMap(renderedLoadBalancers);
    expect(lbs.filter((lb) => lb.sqlOnly && lb.rules.some((r) => r.body.floating_ip_enabled === true)).map((lb) => lb.name)).toEqual(
      expect.arrayContaining(['lbi-west-sqlwv-ag', 'lbi-west-sqlwv-fci']),
    );
    expect(lbs.some((lb) => lb.memberRoles.includes('Mediation'))).toBe(true);
    expect(lbs.some((lb) => lb.memberRoles.includes('Director') && lb.rules.some((r) => r.body.frontend_port === 5061))).toBe(true);
    expect(lbs.some((lb) => lb.memberRoles.includes('Front End') && lb.rules.some((r) => r.body.frontend_port === 5070))).toBe(true);
    // A lab's Bastion public IP is checked too.
    expect(Object.keys(variant('lab').resource.azurerm_bastion_host ?? {}).length).toBeGreaterThan(0);
  });
});

describe('the checks fail on a broken configuration', () => {
  test('AZURE-2: Floating IP on a web rule, or a SQL listener that also fronts a Front End server', () => {
    const json = variant(REFERENCE);
    lbRule(json, 'lbi-pool-west-web', 443).floating_ip_enabled = true;
    expect(found(noFloatingIp(json))).toEqual([expect.stringMatching(/^AZURE-2 rule tcp-443 of lbi-pool-west-web .*Floating IP/)]);

    const mixed = variant(REFERENCE);
    const association = Object.values<Json>(mixed.resource.azurerm_network_interface_backend_address_pool_association);
    const sql = association.find((a) => /listener-load-balancer/.test(a.backend_address_pool_id) && /west/.test(a.backend_address_pool_id))!;
    const frontEnd = association.find((a) => /pool_web-load-balancer/.test(a.backend_address_pool_id) && /west/.test(a.backend_address_pool_id))!;
    mixed.resource.azurerm_network_interface_backend_address_pool_association.extra = { ...frontEnd, backend_address_pool_id: sql.backend_address_pool_id };
    expect(found(noFloatingIp(mixed))).toEqual([expect.stringMatching(/^AZURE-2 rule sql-listener-1433 of lbi-west-sqlwv-ag \(in front of Back End, Front End\)/)]);
  });

  test('AZURE-4: wrong distributions, a short idle timeout, an HTTP probe and a missing web port', () => {
    const json = variant(HARDWARE);
    lbRule(json, 'lbi-pool-west-web', 443).load_distribution = 'Default';
    lbRule(json, 'lbi-pool-west-web', 4443).load_distribution = 'SourceIP';
    delete lbRule(json, 'lbi-dir-west-web', 5061).idle_timeout_in_minutes;
    const dirProbe = Object.values<Json>(json.resource.azurerm_lb_probe).find((p) => /dir-west/.test(p.loadbalancer_id) || /director/.test(p.loadbalancer_id))!;
    Object.assign(dirProbe, { protocol: 'Http', port: 80, request_path: '/' });
    const rules = json.resource.azurerm_lb_rule;
    const k8080 = Object.keys(rules).find((k) => rules[k].name === 'tcp-8080' && /pool_web-load-balancer/.test(k))!;
    delete rules[k8080];
    const messages = found(webLoadBalancing(json));
    expect(messages).toEqual(
      expect.arrayContaining([
        'AZURE-4 lbi-pool-west-web has no rule for web port(s) 8080',
        'AZURE-4 rule tcp-443 on port 443 uses Default distribution, not SourceIP',
        'AZURE-4 rule tcp-4443 on port 4443 uses SourceIP distribution, not Default',
        'AZURE-4 rule tcp-5061 idles out after 4 minutes, not at least 30',
        'AZURE-4 rule tcp-80 probes Http 80, not TCP 5061',
      ]),
    );
    // The probe is shared by every rule of the Director's balancer: one finding per rule.
    const directorRules = renderedLoadBalancers(json).find((l) => l.name === 'lbi-dir-west-web')!.rules.length;
    expect(messages.filter((m) => m.includes('probes Http 80'))).toHaveLength(directorRules);
    expect(messages).toHaveLength(4 + directorRules);
  });

  test('FE-13, DIR-5: a Front End and a Director taken out of their balancers, a hardware balancer without 444', () => {
    const json = variant(HARDWARE);
    const associations = json.resource.azurerm_network_interface_backend_address_pool_association;
    // Drop every load-balancer association of the first Front End and the first Director.
    const vms = Object.entries<Json>(json.resource.azurerm_windows_virtual_machine);
    const [feKey, fe] = vms.find(([, vm]) => vm.tags['sfb-role'] === 'Front End')!;
    const [dirKey, dir] = vms.find(([, vm]) => vm.tags['sfb-role'] === 'Director')!;
    // Both sides hold the same `${azurerm_network_interface.<id>.id}` reference.
    const dropped = new Set<string>([...fe.network_interface_ids, ...dir.network_interface_ids]);
    for (const [key, a] of Object.entries<Json>(associations)) if (dropped.has(a.network_interface_id)) delete associations[key];
    const rules = json.resource.azurerm_lb_rule;
    const k444 = Object.keys(rules).find((k) => rules[k].frontend_port === 444 && /pool_web-load-balancer/.test(k))!;
    delete rules[k444];
    expect(feKey).not.toBe(dirKey);
    expect(found(webPoolsBalanced(json)).sort()).toEqual(
      [
        `FE-13 Front End server ${fe.computer_name} is behind no web load balancer`,
        `DIR-5 Director server ${dir.computer_name} is behind no web load balancer`,
        'FE-13 lbi-pool-west-web balances SIP 5061 in hardware but not 444',
      ].sort(),
    );
  });

  test('TOPO-3: a gateway that rewrites the Host header, bridges 443 to 443 on a pool, or repeats a priority', () => {
    const json = variant(REFERENCE);
    const [gw] = Object.values<Json>(json.resource.azurerm_application_gateway);
    expect(formatViolations(reverseProxyBridging(json))).toBe('');
    const https = gw.backend_http_settings.find((b: Json) => b.port === 4443);
    https.port = 443;
    gw.backend_http_settings.find((b: Json) => b.port === 8080).pick_host_name_from_backend_address = true;
    gw.request_routing_rule[1].priority = gw.request_routing_rule[0].priority;
    const problems = found(reverseProxyBridging(json));
    expect(problems.some((p) => /rewrite the Host header/.test(p))).toBe(true);
    expect(problems.some((p) => /goes to Https 443, not 443 to 4443/.test(p))).toBe(true);
    expect(problems.some((p) => /not a unique 1\.\.20000/.test(p))).toBe(true);
  });

  test('SEC-3: a public IP moved to an Edge server\'s internal NIC', () => {
    const json = variant(REFERENCE);
    const nics = Object.values<Json>(json.resource.azurerm_network_interface);
    const external = nics.find((n) => n.name === 'nic-edge-west-1')!;
    const internal = nics.find((n) => n.name === 'nic-edge-west-1-2')!;
    internal.ip_configuration[0].public_ip_address_id = external.ip_configuration[2].public_ip_address_id;
    external.ip_configuration.pop();
    expect(found(publicIpsOnlyOnEdge(json))).toEqual(['SEC-3 NIC nic-edge-west-1-2 carries a public IP but is not the first (external) NIC']);
  });

  test('SRV-3: an Edge pool entered twice, an Edge pool left out, no _sip._tls set at all', () => {
    const sipSet = (json: Json) => Object.values<Json>(json.resource.azurerm_dns_srv_record).find((s) => s.name === '_sip._tls')!;
    const twice = variant(REFERENCE);
    sipSet(twice).record.push({ ...sipSet(twice).record[0], priority: 30 });
    expect(found(srvEntryPerPool(twice))).toEqual(['SRV-3 _sip._tls.contoso.com holds access-west.contoso.com 2 times; one entry per pool']);

    const missing = variant(REFERENCE);
    sipSet(missing).record = sipSet(missing).record.filter((e: Json) => !e.target.includes('north'));
    expect(srvEntryPerPool(missing).map((v) => v.address)).toEqual([expect.stringMatching(/north_edge_servers_server1/), expect.stringMatching(/north_edge_servers_server2/)]);

    const none = variant(REFERENCE);
    for (const [k, s] of Object.entries<Json>(none.resource.azurerm_dns_srv_record)) if (s.name === '_sip._tls') delete none.resource.azurerm_dns_srv_record[k];
    expect(found(srvEntryPerPool(none))).toEqual(['SRV-3 there are Edge servers but no public _sip._tls record set']);
  });
});
