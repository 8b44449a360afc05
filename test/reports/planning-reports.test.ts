import * as fs from 'fs';
import * as path from 'path';
import { acknowledgeFinding, planningReports, ProductVersion, Severity } from '../../lib';
import { newestSupportedOs } from '../../lib/model/versions';
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { referenceDiagramPage } from '../../examples/reference/diagram';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { certificateReportDrift, dnsReportDrift, firewallReportDrift, hardwareReportDrift } from '../report-consistency';
import { testDeployment, testPool, testSite } from '../helpers';

function reference() {
  const stack = new TerraformStack(Testing.app(), 'sfb-reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const topology = buildReferenceTopology(stack);
  const json = JSON.parse(Testing.synth(stack, true));
  return { ...topology, json, reports: topology.deployment.reports() };
}

const REF = reference();
const westPoolIps = REF.deployment.toModel().frontEndPools.find((p) => p.fqdn === 'pool-west.corp.contoso.com')!.servers.map((s) => s.nics[0].privateIp);

describe('planning reports of the reference topology', () => {
  it('writes the six reports', () => {
    expect(Object.keys(REF.reports)).toEqual(['dns.md', 'certificates.md', 'firewall.md', 'hardware.md', 'topology.md', 'findings.md', 'upgrade.md', 'addresses.md']);
  });

  it('the DNS report lists every A record of the configuration with its addresses', () => {
    expect(dnsReportDrift(REF.reports['dns.md'], REF.json)).toEqual([]);
    expect(REF.reports['dns.md']).toContain(`| pool-west.corp.contoso.com | A | ${westPoolIps.join(', ')} |`);
  });

  it('the DNS drift check fails when an address is missing from the report', () => {
    const broken = REF.reports['dns.md'].replace(`| pool-west.corp.contoso.com | A | ${westPoolIps.join(', ')} |`, `| pool-west.corp.contoso.com | A | ${westPoolIps.slice(0, 2).join(', ')} |`);
    expect(dnsReportDrift(broken, REF.json)).toEqual([expect.stringContaining(`pool-west.corp.contoso.com has ${westPoolIps[2]}`)]);
  });

  it('the firewall report lists every NSG rule with priority, source, protocol and ports', () => {
    expect(firewallReportDrift(REF.reports['firewall.md'], REF.json)).toEqual([]);
  });

  it('the firewall drift check fails when the configuration has a rule the report lacks', () => {
    const json = JSON.parse(JSON.stringify(REF.json));
    const [key, rule] = Object.entries<any>(json.resource.azurerm_network_security_rule)[0];
    const count = Object.keys(json.resource.azurerm_network_security_rule).length;
    json.resource.azurerm_network_security_rule[`${key}-extra`] = { ...rule, name: 'extra-rule', priority: 999 };
    expect(firewallReportDrift(REF.reports['firewall.md'], json)).toEqual([
      expect.stringContaining('extra-rule'),
      expect.stringContaining(`has ${count} rules, the configuration ${count + 1}`),
    ]);
  });

  it('the hardware profile lists every VM with its role and size', () => {
    expect(hardwareReportDrift(REF.reports['hardware.md'], REF.json)).toEqual([]);
    // The Windows Server column is the product version's default (the reference is on Subscription Edition).
    const os = newestSupportedOs(ProductVersion.SKYPE_FOR_BUSINESS_SE);
    expect(REF.reports['hardware.md']).toContain(`| Front End | sfb-reference/contoso/west/pool | 3 | pool-west-1, pool-west-2, pool-west-3 | Standard_D16s_v5 | 16 | 64 | ${os} | 1, 2, 3 |`);
  });

  it('the hardware drift check fails when a VM size differs', () => {
    const json = JSON.parse(JSON.stringify(REF.json));
    Object.values<any>(json.resource.azurerm_windows_virtual_machine)[0].size = 'Standard_D32s_v5';
    expect(hardwareReportDrift(REF.reports['hardware.md'], json)).toHaveLength(1);
  });

  it('the certificate report names every Front End server on its pool certificate, and the web services', () => {
    expect(certificateReportDrift(REF.reports['certificates.md'], REF.json, 'corp.contoso.com')).toEqual([]);
    const certificates = REF.reports['certificates.md'];
    expect(certificates).toContain('| Reverse proxy | Published external web services | pool-west-webext.contoso.com | pool-west-webext.contoso.com, pool-north-webext.contoso.com,');
    expect(certificateReportDrift(certificates.replace(/pool-west-2\.corp\.contoso\.com, /g, ''), REF.json, 'corp.contoso.com')).toEqual([
      expect.stringContaining('pool-west-2.corp.contoso.com'),
    ]);
  });
});

describe('acknowledged findings in the reports', () => {
  it('appear in the report of their area and in the findings page, with the reason', () => {
    const { deployment } = testDeployment();
    const pool = testPool(testSite(deployment), 'pool', { frontEndServers: 2 });
    acknowledgeFinding(pool, 'FE-3', 'two Front Ends are enough for this pilot of 200 users');
    const findings = deployment.findings();
    expect(findings.some((f) => f.ruleId === 'FE-3' && f.severity === Severity.INFO && f.acknowledged)).toBe(true);
    const reports = planningReports(deployment.toModel(), findings);
    for (const file of ['hardware.md', 'findings.md']) {
      expect(reports[file]).toMatch(/\| FE-3 \| test\/contoso\/west\/pool \| .* \| two Front Ends are enough for this pilot of 200 users \|/);
    }
    expect(reports['dns.md']).not.toContain('FE-3');
  });
});

describe('docs/topology.md', () => {
  it('is the current diagram of the reference topology (run npm run diagram)', () => {
    const file = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'topology.md'), 'utf8');
    expect(file).toBe(referenceDiagramPage());
  });

  it('draws every site, pool and back end with the pool-to-store link', () => {
    const page = REF.reports['topology.md'];
    expect(page).toContain('subgraph n_sfb_reference_contoso_west["Site west (westeurope, zones 1,2,3)"]');
    expect(page).toContain('n_sfb_reference_contoso_north_pool -->|SQL store| n_sfb_reference_contoso_north_backend');
    expect(page.match(/\[\("Back End/g)).toHaveLength(2);
  });
});

describe('the address plan report', () => {
  it('lists every block with its owner, and every server address of the configuration lies in its owner\'s block', () => {
    const report = REF.reports['addresses.md'];
    const blocks = REF.deployment.toModel().addressPlan!.blocks;
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) expect(report).toContain(`| ${b.subnetKey} | ${b.owner} | ${b.index} | ${b.cidr} |`);
    const nicAddresses = Object.values(REF.json.resource.azurerm_network_interface as Record<string, any>).flatMap((n) => n.ip_configuration.map((c: any) => c.private_ip_address));
    const planned = new Set(blocks.flatMap((b) => b.addresses));
    expect(nicAddresses.filter((ip) => !planned.has(ip))).toEqual([]);
    expect(report).toMatch(/## Problems \(ADDR-1, ADDR-2, ADDR-3\)\n\nNone\./);
  });
});
