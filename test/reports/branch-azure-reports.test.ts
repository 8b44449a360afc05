/** The planning reports of a branch in Azure: each lists what the synthesized JSON holds for it. */
import { addressReport, certificateReport, dnsReport, firewallReport, hardwareReport, topologyDiagram } from '../../lib/reports';
import { synthJson } from '../helpers';
import { checkInvariants } from '../invariants';
import { certificateReportDrift, dnsReportDrift, firewallReportDrift, hardwareReportDrift } from '../report-consistency';
import { azureBranchTopology } from '../voice-helpers';

describe('reports of a branch in Azure', () => {
  const { deployment } = azureBranchTopology();
  const json = synthJson(deployment.stack);
  const model = deployment._toModel();

  test('the synthesized JSON keeps every invariant', () => {
    expect(checkInvariants(json)).toEqual([]);
  });

  test('hardware: the Survivable Branch Server under its branch, not as equipment on premises', () => {
    const report = hardwareReport(model);
    expect(report).toContain('### Site branch oslo');
    expect(report).toMatch(/\| Survivable Branch Server \| .*\/oslo\/sbs \| 1 \| sbs-oslo-1 \| Standard_D16s_v5 \|/);
    expect(report).not.toMatch(/Survivable Branch Server \| sbs-oslo\.corp\.contoso\.com/);
    expect(hardwareReportDrift(report, json)).toEqual([]);
  });

  test('firewall: the branch NSG and the central Front End rule that admits the server', () => {
    const report = firewallReport(model);
    expect(report).toContain('branch-oslo/survivable-branch');
    expect(report).toContain('sbs-oslo-sbs');
    expect(firewallReportDrift(report, json, deployment.name)).toEqual([]);
  });

  test('DNS: the server\'s FQDN in the private zone', () => {
    const report = dnsReport(model);
    expect(report).toContain('sbs-oslo.corp.contoso.com');
    expect(dnsReportDrift(report, json)).toEqual([]);
  });

  test('certificates: the server\'s default certificate', () => {
    expect(certificateReportDrift(certificateReport(model), json, deployment.adDomain)).toEqual([]);
    expect(certificateReport(model)).toContain('Survivable Branch Server sbs-oslo.corp.contoso.com');
  });

  test('addresses: the server\'s block in the branch subnet', () => {
    expect(addressReport(model)).toMatch(/branch-oslo\/survivable-branch .*oslo\/sbs/);
  });

  test('diagram: the branch in its Azure region, peered with its central site', () => {
    const diagram = topologyDiagram(model);
    expect(diagram).toContain('Branch oslo (Azure norwayeast, 10.50.0.0/24)');
    expect(diagram).toMatch(/-\.-\|peering\| /);
    expect(diagram).not.toContain('|WAN|');
  });
});
