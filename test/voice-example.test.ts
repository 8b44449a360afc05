import { buildVoiceTopology } from '../examples/voice/topology';
import { Severity, validateTopology } from '../lib';
import { Testing } from '../lib/cdktf';
import { resourcesOf, testStack } from './helpers';
import { checkInvariants, formatViolations } from './invariants';
import { dnsReportDrift, firewallReportDrift } from './report-consistency';
import { section, subsection } from './runbook-sections';
import { topologyDiagram } from '../lib/reports/diagram';

function synthesized() {
  const stack = testStack();
  const topology = buildVoiceTopology(stack);
  const text = Testing.synth(stack, true);
  return { stack, topology, text, json: JSON.parse(text) };
}

/** The example built and synthesized once for the tests that only read it (the last one builds its own twice). */
let built: ReturnType<typeof synthesized> | undefined;
const voice = () => (built ??= synthesized());

describe('the voice example', () => {
  test('has no error or warning finding: routes fail over across sites, the branch has its backup Registrar and two usages', () => {
    const { stack } = voice();
    expect(validateTopology(stack).filter((f) => f.severity !== Severity.INFO).map((f) => `[${f.ruleId}] ${f.path}: ${f.message}`)).toEqual([]);
  });

  test('admits each central gateway and the trunk into its own Mediation subnet, and nothing from the branch', () => {
    const { json } = voice();
    const rules = resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.name.startsWith('pstn-'));
    expect(rules.map((r) => `${r.name} ${r.source_address_prefix ?? r.source_address_prefixes}`).sort()).toEqual([
      'pstn-gateway-tcp 192.168.10.5/32', 'pstn-gateway-tcp 192.168.20.5/32', 'pstn-gateway-udp 192.168.10.5/32', 'pstn-gateway-udp 192.168.20.5/32',
      'pstn-itsp-tcp 192.168.20.7/32', 'pstn-itsp-udp 192.168.20.7/32',
    ]);
  });

  test('satisfies the invariants, and its firewall and DNS reports match the JSON', () => {
    const { topology, json } = voice();
    expect(formatViolations(checkInvariants(json))).toBe('');
    const reports = topology.deployment.reports();
    expect(firewallReportDrift(reports['firewall.md'], json)).toEqual([]);
    expect(dnsReportDrift(reports['dns.md'], json)).toEqual([]);
  });

  test('its runbook says which calls survive the loss of West Europe and of the WAN to Redmond', () => {
    const runbook = voice().topology.deployment.runbook();
    const west = subsection(section(runbook, 'Voice outages'), 'Central site west down');
    expect(west).toContain('route West: its failover route (usage West failover) takes over through gw-north.corp.fabrikam.com, sbc-north.corp.fabrikam.com');
    expect(subsection(section(runbook, 'Voice outages'), 'WAN to branch redmond down')).toContain('in and out through the branch gateway gw-redmond.corp.fabrikam.com');
  });

  test('its certificate plan lists the TLS peers and the appliance, its hardware report the equipment on premises', () => {
    const reports = voice().topology.deployment.reports();
    expect(reports['certificates.md']).toContain('| PSTN gateway gw-west.corp.fabrikam.com | TLS to the Mediation Server | gw-west.corp.fabrikam.com |');
    expect(reports['certificates.md']).toContain('| SIP trunk SBC sbc-north.corp.fabrikam.com |');
    expect(reports['certificates.md']).toContain('| Survivable Branch Appliance sba-redmond.corp.fabrikam.com | Default |');
    const hardware = reports['hardware.md'];
    expect(hardware).toContain('## Voice equipment on premises (not in Azure)');
    expect(hardware).toContain('| Survivable Branch Appliance | sba-redmond.corp.fabrikam.com | branch redmond |  | 300 |');
    expect(hardware).toContain('| PSTN gateway | gw-redmond.corp.fabrikam.com | branch redmond | 192.168.50.5 |  |');
  });

  test('its diagram draws the branch on premises with its appliance, the gateways beside their Mediation Servers, and the WAN link', () => {
    const diagram = topologyDiagram(voice().topology.deployment._toModel());
    expect(diagram).toMatch(/subgraph n_test_fabrikam_redmond\["Branch redmond \(on premises, 192.168.50.0\/24\)"\]\n    n_test_fabrikam_redmond_gateway/);
    expect(diagram).toContain('n_test_fabrikam_redmond_sba -.->|backup Registrar| n_test_fabrikam_west_pool');
    expect(diagram).toContain('n_test_fabrikam_north_itsp -->|SIP| n_test_fabrikam_north_mediation');
    expect(diagram).toContain('n_test_fabrikam_redmond -.-|WAN| n_test_fabrikam_west');
  });

  test('synthesizes byte-identical JSON twice and matches the snapshot', () => {
    const first = synthesized().text;
    expect(synthesized().text).toBe(first);
    expect(first).toMatchSnapshot();
  });
});
