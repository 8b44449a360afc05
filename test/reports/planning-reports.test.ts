import * as fs from 'fs';
import * as path from 'path';
import { acknowledgeFinding, planningReports, ProductVersion, Severity } from '../../lib/experimental';
import { newestSupportedOs } from '../../lib/model/versions';
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { referenceDiagramPage } from '../../examples/reference/diagram';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
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
const westPoolIps = REF.deployment._toModel().frontEndPools.find((p) => p.fqdn === 'pool-west.corp.contoso.com')!.servers.map((s) => s.nics[0].privateIp);

describe('planning reports of the reference topology', () => {
  it('writes the six reports', () => {
    expect(Object.keys(REF.reports)).toEqual(['dns.md', 'certificates.md', 'firewall.md', 'hardware.md', 'topology.md', 'findings.md', 'upgrade.md', 'addresses.md', 'backup.md']);
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

  it('the firewall report names, for every rule, the documented flows it carries and their source page, and the denies that close each subnet', () => {
    const row = (name: string) => REF.reports['firewall.md'].split('\n').find((l) => l.startsWith('| ') && l.includes(` | ${name} | `))!;
    expect(row('edge-cms-replication')).toMatch(/\| Allow \| fe-to-edge-int-cms-replication \| Skype\/SfbServer\/plan-your-deployment\/edge-server-deployments\/edge-environmental-requirements\.md \|$/);
    expect(row('pool-pool-members')).toContain('AutomatedLab/SfBAutomatedLab');
    expect(row('deny-virtual-network')).toMatch(/^\| 4096 \| deny-virtual-network \| Inbound \|.*\| Deny \| - \| MicrosoftDocs\/azure-docs: articles\/virtual-network\/network-security-groups-overview\.md \|$/);
  });

  it('the firewall drift check fails when a rule\'s access differs or its row names no source page', () => {
    const json = JSON.parse(JSON.stringify(REF.json));
    const deny = Object.values<any>(json.resource.azurerm_network_security_rule).find((r) => r.name === 'deny-virtual-network');
    deny.access = 'Allow';
    expect(firewallReportDrift(REF.reports['firewall.md'], json).some((p) => p.includes('deny-virtual-network'))).toBe(true);
    const withoutPages = REF.reports['firewall.md'].replace(/ \| [^|]*\.md[^|]* \|$/gm, ' |  |');
    expect(firewallReportDrift(withoutPages, REF.json).some((p) => p.includes('names no source page'))).toBe(true);
  });

  it('the hardware profile lists every VM with its role and size', () => {
    expect(hardwareReportDrift(REF.reports['hardware.md'], REF.json)).toEqual([]);
    expect(REF.reports['hardware.md']).toContain(`| Front End | sfb-reference/contoso/west/pool | 3 | pool-west-1, pool-west-2, pool-west-3 | Standard_D32s_v5 | 32 | 16 (hyperthreaded) | 128 | ${newestSupportedOs(ProductVersion.SKYPE_FOR_BUSINESS_SE)} | 1, 2, 3 |`);
  });

  it('the hardware drift check fails when the physical cores of a row are vCPUs', () => {
    const report = REF.reports['hardware.md'].replace('| Standard_D32s_v5 | 32 | 16 (hyperthreaded) |', '| Standard_D32s_v5 | 32 | 32 |');
    expect(hardwareReportDrift(report, REF.json).some((p) => /physical cores/.test(p))).toBe(true);
  });

  it('the hardware drift check fails when a VM size differs', () => {
    const json = JSON.parse(JSON.stringify(REF.json));
    Object.values<any>(json.resource.azurerm_windows_virtual_machine)[0].size = 'Standard_E8s_v5';
    expect(hardwareReportDrift(REF.reports['hardware.md'], json)).toHaveLength(1);
  });

  it('the certificate report names every Front End server on its pool certificate, and the web services', () => {
    expect(certificateReportDrift(REF.reports['certificates.md'], REF.json, 'corp.contoso.com')).toEqual([]);
    const certificates = REF.reports['certificates.md'];
    // Each site's proxy holds one public certificate whose SANs are every name it publishes (its pools, the shared names, its farm).
    expect(certificates).toContain('| Reverse proxy pip-contoso-west-reverse-proxy (Application Gateway) | Published external web services, simple URLs, lyncdiscover, Office Online Server | dir-west-webext.contoso.com | dialin.contoso.com, dir-west-webext.contoso.com, lyncdiscover.contoso.com, meet.contoso.com, oos-west.contoso.com, pool-west-webext.contoso.com | public CA |');
    expect(certificates).toMatch(/\| Reverse proxy pip-contoso-north-reverse-proxy \(2 Windows servers\) \|.*, pool-north-webext.contoso.com \| public CA \| the same certificate and private key on every server/);
    expect(certificateReportDrift(certificates.replace(/pool-west-2\.corp\.contoso\.com, /g, ''), REF.json, 'corp.contoso.com')).toEqual([
      expect.stringContaining('pool-west-2.corp.contoso.com'),
    ]);
  });
});

describe('issue 15: reports name FQDNs, every address and every published name', () => {
  const dns = REF.reports['dns.md'];
  const certificates = REF.reports['certificates.md'];

  it('the DNS report lists the three addresses of each Edge external NIC, and the drift check catches a missing one', () => {
    const edge = REF.deployment._toModel().servers.find((s) => s.computerName === 'edge-west-1')!;
    expect(edge.nics[0].privateIps).toHaveLength(3);
    for (const [i, service] of ['Access', 'Web Conferencing', 'A/V'].entries()) {
      expect(dns).toContain(`| edge-west-1 | external (${service}) | perimeter | ${edge.nics[0].privateIps![i]} |`);
    }
    const broken = dns.replace(`| ${edge.nics[0].privateIps![2]} | public IP of A/V |`, '| 0.0.0.0 | public IP of A/V |');
    expect(dnsReportDrift(broken, REF.json)).toEqual([expect.stringContaining(`address ${edge.nics[0].privateIps![2]}`)]);
  });

  it('FQDNs where construct paths were: Edge names, web services and SRV publishers', () => {
    expect(dns).toContain('| dir-west-webext.contoso.com | external web services of dir-west.corp.contoso.com |');
    // Findings keep their construct paths (the Finding API); the plan itself names FQDNs.
    const plan = dns.split('\n## Open findings')[0].split('\n## Acknowledged deviations')[0];
    expect(plan).not.toMatch(/sfb-reference\/contoso\//);
    expect(dns).toMatch(/\| _sipinternaltls\._tcp\.contoso\.com \| private \| 0 \| 10 \| 5061 \| dir-west\.contoso\.com \| dir-west\.corp\.contoso\.com \|/);
  });

  it('the DNS report says how meet, dialin and lyncdiscover fail over, and lists them to publish without Traffic Manager', () => {
    expect(dns).toMatch(/lyncdiscover.contoso.com, meet.contoso.com, dialin.contoso.com are CNAMEs to Traffic Manager profile tm-contoso-web/);
    const { deployment } = testDeployment();
    testPool(testSite(deployment));
    const single = deployment.reports()['dns.md'];
    for (const name of ['lyncdiscover.contoso.com', 'meet.contoso.com', 'dialin.contoso.com']) expect(single).toMatch(new RegExp(`\\| ${name.replace(/\./g, '\\.')} \\| [^|]+ \\| your reverse proxy's public address`));
  });

  it('certificates carry the sign-in aliases, the simple URLs of the deployment and XMPP', () => {
    const row = (forWhat: string, use: string) => certificates.split('\n').find((l) => l.startsWith(`| ${forWhat} | ${use}`))!;
    expect(row('Director pool dir-west.corp.contoso.com', 'Default')).toMatch(/dir-west\.contoso\.com.*lyncdiscoverinternal\.contoso\.com, meet\.contoso\.com, dialin\.contoso\.com/);
    expect(row('Director pool dir-west.corp.contoso.com', 'External web services')).toMatch(/lyncdiscover\.contoso\.com, meet\.contoso\.com, dialin\.contoso\.com/);
    // XMPP (not in Subscription Edition): the 2015 legacy example's Edge certificates carry it.
    const legacy = buildSfb2015Topology(new TerraformStack(Testing.app(), 'sfb2015')).deployment.reports()['certificates.md'];
    expect(legacy.split('\n').find((l) => l.startsWith('| Edge pool edge-north.corp.contoso.com | External interface'))).toMatch(/xmpp\.contoso\.com, \*\.contoso\.com/);
    // The drift check fails when a published name is missing from the certificates.
    expect(certificateReportDrift(certificates.replace(/dir-west\.contoso\.com, /g, ''), REF.json, 'corp.contoso.com')).toEqual([expect.stringContaining('SRV target dir-west.contoso.com')]);
  });

  it('an Admin simple URL is on the internal certificates only; custom URLs replace the defaults', () => {
    const { deployment } = testDeployment({ simpleUrls: { meet: 'https://sfb.contoso.com/meet', dialIn: 'https://sfb.contoso.com/dialin', admin: 'https://admin.contoso.com' } });
    testPool(testSite(deployment));
    const text = deployment.reports()['certificates.md'];
    const lines = text.split('\n');
    expect(lines.find((l) => l.includes('| Default (server, internal web) |'))).toMatch(/admin\.contoso\.com/);
    expect(lines.find((l) => l.includes('| External web services |'))).not.toMatch(/admin\.contoso\.com/);
    expect(text).not.toMatch(/meet\.contoso\.com/);
  });
});

describe('acknowledged findings in the reports', () => {
  it('appear in the report of their area and in the findings page, with the reason', () => {
    const { deployment } = testDeployment();
    const pool = testPool(testSite(deployment), 'pool', { frontEndServers: 2 });
    acknowledgeFinding(pool, 'FE-2', 'two Front Ends are enough for this pilot of 200 users');
    const findings = deployment.findings();
    expect(findings.some((f) => f.ruleId === 'FE-2' && f.severity === Severity.INFO && f.acknowledged)).toBe(true);
    const reports = planningReports(deployment._toModel(), findings);
    for (const file of ['hardware.md', 'findings.md']) {
      expect(reports[file]).toMatch(/\| FE-2 \| test\/contoso\/west\/pool \| .* \| two Front Ends are enough for this pilot of 200 users \|/);
    }
    expect(reports['dns.md']).not.toContain('FE-2');
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
    const blocks = REF.deployment._toModel().addressPlan!.blocks;
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) expect(report).toContain(`| ${b.subnetKey} | ${b.owner} | ${b.index} | ${b.cidr} |`);
    const nicAddresses = Object.values(REF.json.resource.azurerm_network_interface as Record<string, any>).flatMap((n) => n.ip_configuration.map((c: any) => c.private_ip_address));
    const planned = new Set(blocks.flatMap((b) => b.addresses));
    expect(nicAddresses.filter((ip) => !planned.has(ip))).toEqual([]);
    expect(report).toMatch(/## Problems \(ADDR-1, ADDR-2, ADDR-3\)\n\nNone\./);
  });
});
