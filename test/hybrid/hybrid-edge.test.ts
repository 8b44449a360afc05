/**
 * Teams hybrid on the Edge: the NSG rules from Microsoft 365, the documented flows they carry, the
 * recorded ranges, and the runbook section. Restated from Microsoft's hybrid port table
 * (Skype/SfbServer/skype-for-business-hybrid-solutions/plan-hybrid-connectivity.md, "Port and protocol
 * requirements"): SIP (MTLS) TCP 5061 Access Edge <-> Office 365; STUN TCP Office 365 (443) -> A/V Edge
 * 50000-59999 and A/V Edge -> Office 365 443, 50000-59999; STUN UDP 3478 both ways.
 */
import { EdgePoolProps, ProductVersion, renderRunbook } from '../../lib/experimental';
import { DOCUMENTED_FLOWS, FlowCondition, flowsFor } from '../../lib/model/documented-flows';
import { MICROSOFT_365_IPV4, MICROSOFT_365_RANGES_SOURCE, TEAMS_ENDPOINT_SETS } from '../../lib/model/microsoft-365';
import { testEdge } from '../edge-helpers';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

function build(west: Partial<EdgePoolProps> = { federation: true, teamsHybrid: true }) {
  const t = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE });
  const w = testSite(t.deployment, 'west');
  const n = testSite(t.deployment, 'north');
  const westEdge = testEdge(w, testPool(w), 'edge', west);
  const northEdge = testEdge(n, testPool(n), 'edge');
  return { ...t, westEdge, northEdge };
}

const m365Rules = (json: any) => resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.name.includes('from-microsoft-365'));
const sources = (r: any): string[] => (r.source_address_prefix ? [r.source_address_prefix] : r.source_address_prefixes);
const destinations = (r: any): string[] => (r.destination_address_prefix ? [r.destination_address_prefix] : r.destination_address_prefixes);
const ports = (r: any): string[] => (r.destination_port_range ? [r.destination_port_range] : r.destination_port_ranges);

describe('Teams hybrid: NSG rules from Microsoft 365', () => {
  test('every Edge pool admits Microsoft 365 on 5061/TCP to the Access Edge, 50000-59999/TCP and 3478/UDP to the A/V Edge', () => {
    const { stack, deployment, westEdge, northEdge } = build();
    const json = synthJson(stack);
    const rules = m365Rules(json);
    expect(rules.map((r) => [r.name, r.protocol, ports(r), r.direction, r.access]).sort()).toEqual(
      [
        ['edge-m365-av-tcp-from-microsoft-365', 'Tcp', ['50000-59999'], 'Inbound', 'Allow'],
        ['edge-m365-av-tcp-from-microsoft-365', 'Tcp', ['50000-59999'], 'Inbound', 'Allow'],
        ['edge-m365-av-udp-from-microsoft-365', 'Udp', ['3478'], 'Inbound', 'Allow'],
        ['edge-m365-av-udp-from-microsoft-365', 'Udp', ['3478'], 'Inbound', 'Allow'],
        ['edge-m365-sip-from-microsoft-365', 'Tcp', ['5061'], 'Inbound', 'Allow'],
        ['edge-m365-sip-from-microsoft-365', 'Tcp', ['5061'], 'Inbound', 'Allow'],
      ].sort(),
    );
    for (const r of rules) {
      expect(sources(r)).toEqual(['52.112.0.0/14', '52.122.0.0/15', '52.238.119.141/32', '52.244.160.207/32']);
      expect(r.network_security_group_name).toMatch(/firewall-perimeter_nsg/);
    }
    // Each rule targets its service's private addresses on the external NICs of its own pool.
    const model = deployment._toModel();
    const flows = model.flows.filter((f) => f.name.includes('from-microsoft-365'));
    for (const [edge, site] of [[westEdge, 'west'], [northEdge, 'north']] as const) {
      const sip = flows.find((f) => f.nsg === `${site}/perimeter` && f.name === 'edge-m365-sip-from-microsoft-365')!;
      const av = flows.find((f) => f.nsg === `${site}/perimeter` && f.name === 'edge-m365-av-udp-from-microsoft-365')!;
      const access = edge._servers.servers.map((s) => `${deployment._addresses.resolve(s.nicAddresses[0][0])}/32`);
      const avIps = edge._servers.servers.map((s) => `${deployment._addresses.resolve(s.nicAddresses[0][2])}/32`);
      expect([...sip.destinationPrefixes].map((p) => deployment._addresses.resolve(p)).sort()).toEqual(access.sort());
      expect([...av.destinationPrefixes].map((p) => deployment._addresses.resolve(p)).sort()).toEqual(avIps.sort());
    }
    expect(destinations(rules[0]).length).toBe(2);
  });

  test('carries exactly the ports of the documented inbound hybrid flows', () => {
    const json = synthJson(build().stack);
    const inbound = DOCUMENTED_FLOWS.filter((f) => f.when?.includes('teams-hybrid') && f.from === 'microsoft-365');
    const rendered = m365Rules(json).map((r) => `${r.protocol} ${ports(r).join(',')}`);
    expect([...new Set(rendered)].sort()).toEqual(inbound.map((f) => `${f.protocol} ${f.ports.join(',')}`).sort());
  });

  test('uses microsoft365AddressPrefixes when given (Microsoft changes its list)', () => {
    const json = synthJson(build({ federation: true, teamsHybrid: true, microsoft365AddressPrefixes: ['52.112.0.0/14', '52.112.0.0/14', '20.20.32.0/19'] }).stack);
    for (const r of m365Rules(json)) expect(sources(r)).toEqual(['20.20.32.0/19', '52.112.0.0/14']); // deduplicated, sorted
  });

  test('opens nothing for Microsoft 365 without hybrid', () => {
    expect(m365Rules(synthJson(build({ federation: true }).stack))).toEqual([]);
  });
});

describe('Teams hybrid: documented flows and Microsoft 365 data', () => {
  test('documents the six hybrid rows of Microsoft\'s table under teams-hybrid only', () => {
    const hybrid = DOCUMENTED_FLOWS.filter((f) => f.when?.includes('teams-hybrid'));
    expect(hybrid.map((f) => `${f.from}>${f.to} ${f.edgeService} ${f.protocol} ${f.ports.join(',')}`).sort()).toEqual([
      'edge-external>microsoft-365 access Tcp 5061',
      'edge-external>microsoft-365 av Tcp 443,50000-59999',
      'edge-external>microsoft-365 av Udp 3478',
      'microsoft-365>edge-external access Tcp 5061',
      'microsoft-365>edge-external av Tcp 50000-59999',
      'microsoft-365>edge-external av Udp 3478',
    ]);
    for (const f of hybrid) expect(f.source).toBe('Skype/SfbServer/skype-for-business-hybrid-solutions/plan-hybrid-connectivity.md');
    const all = new Set<FlowCondition>(['federation', 'xmpp', 'hosts-cms']);
    expect(flowsFor(ProductVersion.SKYPE_FOR_BUSINESS_SE, all).filter((f) => f.from === 'microsoft-365' || f.to === 'microsoft-365')).toEqual([]);
    expect(flowsFor(ProductVersion.SKYPE_FOR_BUSINESS_SE, new Set<FlowCondition>(['teams-hybrid']))).toEqual(expect.arrayContaining(hybrid));
  });

  test('records endpoint sets 11 and 12 with their source and date; the NSG list is their IPv4 union, sorted, without repeats', () => {
    expect(TEAMS_ENDPOINT_SETS.map((s) => s.id)).toEqual([11, 12]);
    expect(TEAMS_ENDPOINT_SETS[1].names).toContain('*.lync.com');
    expect(MICROSOFT_365_RANGES_SOURCE.recorded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(MICROSOFT_365_RANGES_SOURCE.page).toMatch(/urls-and-ip-address-ranges/);
    expect(MICROSOFT_365_IPV4).toEqual(['52.112.0.0/14', '52.122.0.0/15', '52.238.119.141/32', '52.244.160.207/32']);
    for (const p of MICROSOFT_365_IPV4) expect(p).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
  });
});

describe('Teams hybrid: runbook', () => {
  const runbook = (west?: Partial<EdgePoolProps>) => renderRunbook(build(west).deployment._toModel());

  test('configures the hosting provider and the shared SIP address space as Microsoft documents it', () => {
    const text = runbook();
    expect(text).toMatch(/## Teams hybrid through edge-west\.corp\.contoso\.com/);
    expect(text).toContain('Get-CsHostingProvider | ?{ $_.ProxyFqdn -eq "sipfed.online.lync.com" } | Remove-CsHostingProvider');
    expect(text).toContain(
      'New-CsHostingProvider -Identity Office365 -Enabled $true -EnabledSharedAddressSpace $true -HostsOCSUsers $true -ProxyFqdn "sipfed.online.lync.com" -IsLocal $false -VerificationLevel UseSourceVerification',
    );
    expect(text).toContain('Set-CsTenantFederationConfiguration -SharedSipAddressSpace $true');
    expect(text).toContain('Set-CsAccessEdgeConfiguration -AllowOutsideUsers $True -AllowFederatedUsers $True -EnablePartnerDiscovery');
    expect(text).toMatch(/`_sipfederationtls\._tcp\.contoso\.com` \(port 5061\) resolves to edge-access-west\.contoso\.com/);
  });

  test('says what to do when the federation Edge pool fails over, and at failback', () => {
    const text = runbook();
    expect(text).toMatch(/### When edge-west\.corp\.contoso\.com fails over to edge-north\.corp\.contoso\.com/);
    expect(text).toMatch(/Point `_sipfederationtls\._tcp\.contoso\.com` at edge-access-north\.contoso\.com only/);
    expect(text).toMatch(/The hosting provider needs no change: it names Microsoft's proxy sipfed\.online\.lync\.com/);
    expect(text).toMatch(/`edge-m365-sip-from-microsoft-365`/);
    expect(text).toMatch(/### Failback of edge-west\.corp\.contoso\.com/);
  });

  test('takes partner discovery from hybridFederation, or says the settings were not declared', () => {
    expect(runbook({ federation: true, teamsHybrid: true, hybridFederation: { onPremisesPartnerDiscovery: false, tenantFederation: 'closed' } })).toContain('-EnablePartnerDiscovery $False -UseDnsSrvRouting');
    expect(runbook()).toMatch(/not declared in the program, so not checked/);
    expect(runbook({ federation: true, teamsHybrid: true, hybridFederation: { onPremisesPartnerDiscovery: true, tenantFederation: 'closed' } })).toMatch(/Fix the federation settings before enabling shared SIP address space \(HYB-3 fails/);
  });

  test('has no hybrid section without hybrid', () => {
    expect(runbook({ federation: true })).not.toMatch(/Teams hybrid|New-CsHostingProvider/);
  });
});

describe('Teams hybrid on day 2', () => {
  test('turning hybrid on adds the six Microsoft 365 rules and the private copies of the hybrid DNS records, and changes no existing resource', () => {
    const flat = (json: any) => new Map(Object.entries(json.resource).flatMap(([type, byId]) => Object.entries(byId as object).map(([id, b]) => [`${type}.${id}`, JSON.stringify(b)] as const)));
    const before = flat(synthJson(build({ federation: true }).stack));
    const after = flat(synthJson(build().stack));
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    expect([...before.keys()].filter((k) => after.get(k) !== before.get(k))).toEqual([]);
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added).toHaveLength(11);
    const rule = (k: string) => /^azurerm_network_security_rule\..*-m365-(sip|av-tcp|av-udp)-from-microsoft-365_/.test(k);
    expect(added.filter(rule)).toHaveLength(6);
    expect(added.filter((k) => !rule(k)).map((k) => k.replace(/_[0-9A-F]{8}$/, ''))).toEqual([
      'azurerm_private_dns_a_record.contoso_dns_private-a-edge-access-north-contoso-com',
      'azurerm_private_dns_a_record.contoso_dns_private-a-edge-access-west-contoso-com',
      'azurerm_private_dns_a_record.contoso_dns_private-a-edge-webconf-north-contoso-com',
      'azurerm_private_dns_a_record.contoso_dns_private-a-edge-webconf-west-contoso-com',
      'azurerm_private_dns_srv_record.contoso_dns_private-srv--sipfederationtls--tcp-contoso-com',
    ]);
  });
});

describe('Teams hybrid: the SIP domain private zone resolves what Microsoft says must resolve on premises', () => {
  // plan-hybrid-connectivity.md, DNS settings: _sipfederationtls._tcp.<SIP domain> resolvable by the Edge
  // servers, the Web Conferencing Edge FQDN by internal users; the private zone of the SIP domain hides the public one.
  const zoneOf = (json: any, r: any) => json.resource.azurerm_private_dns_zone[/azurerm_private_dns_zone\.([^.]+)\.name/.exec(r.zone_name)![1]].name;
  function records(west?: Partial<EdgePoolProps>) {
    const json = synthJson(build(west).stack);
    const inSipZone = (type: string) => resourcesOf(json, type).filter((r) => zoneOf(json, r) === 'contoso.com');
    const publicA = Object.fromEntries(resourcesOf(json, 'azurerm_dns_a_record').map((r) => [r.name, r.records]));
    return { srv: inSipZone('azurerm_private_dns_srv_record'), a: inSipZone('azurerm_private_dns_a_record'), publicA };
  }

  test('the federation SRV record, the Access Edge and Web Conferencing Edge names, with the public records\' addresses', () => {
    const { srv, a, publicA } = records();
    const federation = srv.find((r) => r.name === '_sipfederationtls._tcp')!;
    expect(federation.record.map((e: any) => `${e.priority} ${e.port} ${e.target}`)).toEqual(['10 5061 edge-access-west.contoso.com', '20 5061 edge-access-north.contoso.com']);
    for (const name of ['edge-access-west', 'edge-access-north', 'edge-webconf-west', 'edge-webconf-north']) {
      const record = a.find((r) => r.name === name);
      expect({ name, records: record?.records }).toEqual({ name, records: publicA[name] });
      expect(record.records.every((v: string) => /^\$\{azurerm_public_ip\./.test(v))).toBe(true);
    }
  });

  test('without teamsHybrid the private zone has none of them', () => {
    const { srv, a } = records({ federation: true });
    expect(srv.filter((r) => r.name === '_sipfederationtls._tcp')).toEqual([]);
    expect(a.filter((r) => /^edge-(access|webconf)-/.test(r.name))).toEqual([]);
  });
});
