import { buildReferenceTopology } from '../examples/reference/topology';
import { buildSfb2015Topology } from '../examples/sfb2015/topology';
import { buildHybridTopology } from '../examples/hybrid/topology';
import { BackEndMode, ProductVersion, Severity, validateTopology } from '../lib';
import { TerraformStack, Testing } from '../lib/cdktf';
import { REFERENCE_APP_OPTIONS } from '../examples/reference/synth';
import { testStack } from './helpers';
import { checkInvariants, formatViolations } from './invariants';
import { dnsReportDrift, firewallReportDrift } from './report-consistency';

function synthReference(): string {
  const stack = testStack();
  buildReferenceTopology(stack);
  return Testing.synth(stack, true);
}

/** One synthesis of the reference example, shared by the determinism and snapshot tests (the first builds a second). */
let referenceText: string | undefined;
const reference = () => (referenceText ??= synthReference());

describe('the reference two-region example', () => {
  test('is on Subscription Edition and has no error or warning finding, so no lifecycle finding either', () => {
    const stack = testStack();
    const { deployment } = buildReferenceTopology(stack);
    expect(deployment.productVersion).toBe(ProductVersion.SKYPE_FOR_BUSINESS_SE);
    const findings = validateTopology(stack);
    expect(findings.filter((f) => f.severity !== Severity.INFO).map((f) => `[${f.ruleId}] ${f.path}`)).toEqual([]);
    expect(findings.filter((f) => f.ruleId.startsWith('LIFE-'))).toEqual([]);
  });

  test('drops what Subscription Edition does not have: Persistent Chat, XMPP federation, mirroring', () => {
    const model = buildReferenceTopology(testStack()).deployment._toModel();
    expect(model.chatPools).toEqual([]);
    expect(model.edgePools.filter((e) => e.xmppFederation)).toEqual([]);
    expect(model.backEnds.map((b) => b.mode)).toEqual([BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP, BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP]);
    expect(model.srvEntries.filter((e) => e.name.startsWith('_xmpp-server'))).toEqual([]);
  });

  test('synthesizes byte-identical JSON twice', () => {
    expect(synthReference()).toBe(reference());
  });

  test('matches the snapshot (review every change: construct IDs are Terraform addresses)', () => {
    expect(reference()).toMatchSnapshot();
  });

  test('as `npm run synth` builds it, a stack per site: each stack matches the snapshot', () => {
    const app = Testing.app();
    buildReferenceTopology(app, REFERENCE_APP_OPTIONS);
    const stacks = app.node.children.filter(TerraformStack.isStack) as TerraformStack[];
    expect(stacks.map((s) => s.node.id)).toEqual(['contoso-global', 'contoso-west', 'contoso-north']);
    for (const stack of stacks) expect(Testing.synth(stack, true)).toMatchSnapshot(stack.node.id);
  });
});

describe('the legacy Skype for Business Server 2015 example (the former reference)', () => {
  test('synthesizes in one stack with Persistent Chat and XMPP, and its one warning is LIFE-1', () => {
    const stack = testStack();
    const { chatPool, westEdge } = buildSfb2015Topology(stack);
    expect(chatPool.node.path).toBe('test/contoso/chat');
    expect(westEdge.xmppFederation).toBe(true);
    expect(validateTopology(stack).filter((f) => f.severity !== Severity.INFO).map((f) => `[${f.ruleId}] ${f.path}`)).toEqual(['[LIFE-1] test/contoso']);
    expect(Testing.synth(stack, true)).toMatchSnapshot();
  });
});

describe('the Teams hybrid example', () => {
  function synthesizedHybrid() {
    const stack = testStack();
    const topology = buildHybridTopology(stack);
    const text = Testing.synth(stack, true);
    return { stack, topology, text, json: JSON.parse(text) };
  }
  /** Built and synthesized once: every test below only reads it. */
  let built: ReturnType<typeof synthesizedHybrid> | undefined;
  const hybrid = () => (built ??= synthesizedHybrid());

  test('is Subscription Edition in hybrid through the federation Edge pool, with no error or warning finding', () => {
    const { stack, topology } = hybrid();
    expect(topology.deployment.productVersion).toBe(ProductVersion.SKYPE_FOR_BUSINESS_SE);
    expect([topology.westEdge.federation, topology.westEdge.teamsHybrid]).toEqual([true, true]);
    expect(validateTopology(stack).filter((f) => f.severity !== Severity.INFO)).toEqual([]);
  });

  test('synthesizes the Microsoft 365 flows on both Edge pools and the _sipfederationtls._tcp record to the Access Edges', () => {
    const { json } = hybrid();
    const rules = Object.values(json.resource.azurerm_network_security_rule as Record<string, any>).filter((r) => r.name.endsWith('-from-microsoft-365'));
    expect(rules.map((r) => `${r.name} ${r.protocol} ${r.destination_port_range}`).sort()).toEqual([
      'edge-m365-av-tcp-from-microsoft-365 Tcp 50000-59999',
      'edge-m365-av-tcp-from-microsoft-365 Tcp 50000-59999',
      'edge-m365-av-udp-from-microsoft-365 Udp 3478',
      'edge-m365-av-udp-from-microsoft-365 Udp 3478',
      'edge-m365-sip-from-microsoft-365 Tcp 5061',
      'edge-m365-sip-from-microsoft-365 Tcp 5061',
    ]);
    for (const r of rules) expect(r.source_address_prefixes).toContain('52.112.0.0/14');
    const srv = Object.values(json.resource.azurerm_dns_srv_record as Record<string, any>).find((r) => r.name === '_sipfederationtls._tcp');
    expect(srv.record).toEqual([
      { port: 5061, priority: 10, target: 'access-west.litwareinc.com', weight: 0 },
      { port: 5061, priority: 20, target: 'access-north.litwareinc.com', weight: 0 },
    ]);
  });

  test('has the hybrid steps in its runbook: hosting provider, shared SIP address space, federation Edge failover', () => {
    const runbook = hybrid().topology.deployment.runbook();
    expect(runbook).toContain('New-CsHostingProvider -Identity Office365 -Enabled $true -EnabledSharedAddressSpace $true -HostsOCSUsers $true -ProxyFqdn "sipfed.online.lync.com" -IsLocal $false -VerificationLevel UseSourceVerification');
    expect(runbook).toContain('Set-CsTenantFederationConfiguration -SharedSipAddressSpace $true');
    expect(runbook).toMatch(/### When edge-west\.corp\.litwareinc\.com fails over to edge-north\.corp\.litwareinc\.com/);
    // The hybrid section follows the Edge pool sections it refers to.
    expect(runbook.indexOf('## Teams hybrid through edge-west.corp.litwareinc.com')).toBeGreaterThan(runbook.indexOf('## Edge pool edge-west.corp.litwareinc.com'));
  });

  test('satisfies the invariants, and its firewall and DNS reports match the JSON (the Microsoft 365 rules included)', () => {
    const { topology, json } = hybrid();
    expect(formatViolations(checkInvariants(json))).toBe('');
    const reports = topology.deployment.reports();
    expect(firewallReportDrift(reports['firewall.md'], json)).toEqual([]);
    expect(dnsReportDrift(reports['dns.md'], json)).toEqual([]);
    expect(reports['firewall.md']).toMatch(/edge-m365-sip-from-microsoft-365/);
  });

  test('matches the snapshot', () => {
    expect(hybrid().text).toMatchSnapshot();
  });
});
