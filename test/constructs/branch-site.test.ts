/**
 * A branch site in Azure (BranchSite `location`): its own network peered with its central site, a
 * Survivable Branch Server VM behind a deny-by-default NSG, and its name in the private zones.
 */
import { BranchSite, SurvivableBranchAppliance, SurvivableBranchServer } from '../../lib';
import { ServerRole } from '../../lib/model/topology';
import { LAB_VM_SIZES, ROLE_PROFILES } from '../../lib/model/roles';
import { findingsOf, resourcesOf, synthJson, testDeployment, ipOf } from '../helpers';
import { azureBranchTopology, voiceSites } from '../voice-helpers';
import { validateTopology } from '../../lib/experimental';
import { Severity } from '../../lib/enums';
import { deniedDocumented, segmentation, undocumentedAllowed } from '../segmentation/checks';

describe('BranchSite with a location', () => {
  const built = azureBranchTopology();
  const json = synthJson(built.deployment.stack);
  /** The rules of the NSG named `nsg` (rules name their NSG by reference). */
  const rules = (nsg: string) => {
    const key = Object.entries<any>(json.resource.azurerm_network_security_group).find(([, g]) => g.name === nsg)![0];
    return resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.network_security_group_name === `\${azurerm_network_security_group.${key}.name}`);
  };

  test('creates its own resource group and network in its region, with one subnet', () => {
    const groups = resourcesOf(json, 'azurerm_resource_group').filter((g) => g.name === 'rg-contoso-branch-oslo');
    expect(groups.map((g) => g.location)).toEqual(['norwayeast']);
    const vnet = resourcesOf(json, 'azurerm_virtual_network').filter((v) => v.name === 'vnet-contoso-branch-oslo');
    expect(vnet.map((v) => v.address_space)).toEqual([['10.50.0.0/24']]);
    expect(resourcesOf(json, 'azurerm_subnet').filter((s) => s.address_prefixes[0] === '10.50.0.0/24').map((s) => s.name)).toEqual(['snet-survivable-branch']);
  });

  test('peers with its central site both ways, and with no other site', () => {
    const peerings = resourcesOf(json, 'azurerm_virtual_network_peering').filter((p) => String(p.name).includes('branch-oslo'));
    expect(peerings.map((p) => p.name).sort()).toEqual(['peer-branch-oslo-to-north', 'peer-north-to-branch-oslo']);
    for (const p of peerings) expect([p.allow_forwarded_traffic, p.allow_gateway_transit, p.use_remote_gateways]).toEqual([false, false, false]);
  });

  test('links every private zone to the branch network', () => {
    const links = resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link').filter((l) => l.name === 'link-branch-oslo');
    // The deployment's two private zones (AD and SIP domain); the backups' blob zones stay with the sites.
    const deploymentZones = Object.entries<any>(json.resource.azurerm_private_dns_zone).filter(([, z]) => ['contoso.com', 'corp.contoso.com'].includes(z.name));
    expect(deploymentZones).toHaveLength(2);
    expect(links.map((l) => l.private_dns_zone_name).sort()).toEqual(deploymentZones.map(([key]) => `\${azurerm_private_dns_zone.${key}.name}`).sort());
  });

  test('builds the Survivable Branch Server as one VM in the branch subnet, sized by its profile', () => {
    const vms = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((v) => v.tags['sfb-role'] === ServerRole.SURVIVABLE_BRANCH_SERVER);
    expect(vms.map((v) => [v.computer_name, v.location, v.size])).toEqual([['sbs-oslo-1', 'norwayeast', 'Standard_D16s_v5']]);
    const server = built.deployment._toModel().servers.find((s) => s.role === ServerRole.SURVIVABLE_BRANCH_SERVER)!;
    expect(server.nics.map((n) => n.subnet)).toEqual(ROLE_PROFILES[ServerRole.SURVIVABLE_BRANCH_SERVER].subnets);
    expect(server.nics[0].privateIp.startsWith('10.50.0.')).toBe(true);
  });

  test('resolves the server FQDN in the private zone', () => {
    const ip = ipOf(built.deployment, built.sbs._servers!.servers[0].privateIp);
    const record = built.deployment._toModel().dnsRecords.find((r) => r.fqdn === 'sbs-oslo.corp.contoso.com');
    expect(record?.values).toEqual([ip]);
  });

  test('the branch NSG admits the central Front Ends, clients and the gateway, and closes the rest', () => {
    const names = rules('nsg-contoso-branch-oslo-survivable-branch').map((r) => `${r.name} ${r.access} ${r.protocol} ${r.source_address_prefix ?? r.source_address_prefixes} ${r.destination_port_range ?? r.destination_port_ranges}`);
    expect(names).toEqual(expect.arrayContaining([
      'sbs-from-front-ends Allow Tcp 10.20.0.0/20 5061,5070',
      'sbs-from-clients-tcp Allow Tcp VirtualNetwork 5061,49152-57500',
      'sbs-from-clients-udp Allow Udp VirtualNetwork 49152-57500',
      'pstn-gateway-tcp Allow Tcp 192.168.60.5/32 5067-5068,49152-57500',
      'pstn-gateway-udp Allow Udp 192.168.60.5/32 49152-57500',
      expect.stringMatching(/^deny-virtual-network Deny \*/),
    ]));
  });

  test('the central site\'s Front End NSG admits the server (SIP and HTTPS), from its address only', () => {
    const ip = ipOf(built.deployment, built.sbs._servers!.servers[0].privateIp);
    const rule = rules('nsg-contoso-north-front-end').filter((r) => r.name === 'sbs-oslo-sbs');
    expect(rule.map((r) => [r.source_address_prefix, r.destination_port_ranges])).toEqual([[`${ip}/32`, ['444', '5061']]]);
    expect(rules('nsg-contoso-west-front-end').filter((r) => String(r.name).startsWith('sbs-'))).toEqual([]);
  });

  test('records the branch location and the flows of its NSG in the plan', () => {
    const plan = built.deployment.plan();
    expect(plan.voice.branchSites.map((b: any) => [b.name, b.location, b.addressSpace])).toEqual([['oslo', 'norwayeast', '10.50.0.0/24']]);
    expect(plan.flows.filter((f: any) => f.nsg === 'branch-oslo/survivable-branch').length).toBeGreaterThan(3);
  });

  test('has no error finding, and no finding of the branch rules', () => {
    const findings = validateTopology(built.deployment);
    expect(findings.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    for (const id of ['VOICE-4', 'VOICE-6', 'VOICE-7', 'VOICE-8', 'VOICE-13', 'VOICE-14', 'VOICE-15', 'VOICE-16']) expect(findingsOf(findings, id)).toEqual([]);
  });
});

describe('BranchSite with a location: bad input', () => {
  const make = (props: object) => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    return () => new BranchSite(deployment, 'oslo', { centralSite: west.site, location: 'norwayeast', ...props } as never);
  };

  test('refuses a missing, malformed, too large or public address space', () => {
    expect(make({})).toThrow(/BranchSite .*oslo: addressSpace is missing; .*e\.g\. "10\.50\.0\.0\/24"/);
    expect(make({ addressSpace: '10.50.0.0/28' })).toThrow(/addressSpace "10\.50\.0\.0\/28" is a \/28; .*\/16 to \/26/);
    expect(make({ addressSpace: '10.0.0.0/8' })).toThrow(/is a \/8/);
    expect(make({ addressSpace: '8.8.8.0/24' })).toThrow(/not a private address range/);
  });

  test('refuses an unknown region', () => {
    expect(make({ addressSpace: '10.50.0.0/24', location: 'atlantis' })).toThrow(/BranchSite .*oslo: location "atlantis" is not an Azure region/);
  });

  test('refuses a Survivable Branch Appliance in Azure, naming the fix', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    const branch = new BranchSite(deployment, 'oslo', { centralSite: west.site, location: 'norwayeast', addressSpace: '10.50.0.0/24' });
    expect(() => new SurvivableBranchAppliance(branch, 'sba', { fqdn: 'sba-oslo.corp.contoso.com', backupRegistrar: west.pool })).toThrow(
      /SurvivableBranchAppliance .*oslo\/sba: branch oslo has location "norwayeast", .*use a SurvivableBranchServer/,
    );
  });

  test('refuses VM props for a server on premises', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    const branch = new BranchSite(deployment, 'redmond', { centralSite: west.site });
    expect(() => new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-redmond.corp.contoso.com', vmSize: 'Standard_D4s_v5' })).toThrow(
      /SurvivableBranchServer .*redmond\/sbs: vmSize "Standard_D4s_v5" describe a VM, but branch redmond is on premises/,
    );
  });
});

describe('BranchSite with a location in lab mode', () => {
  test('the server gets the lab size of its role', () => {
    const { deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    const { sbs } = azureBranchTopology({ deployment });
    expect(sbs._servers!.servers[0].model.vmSize).toBe(LAB_VM_SIZES[ServerRole.SURVIVABLE_BRANCH_SERVER]);
    expect(findingsOf(validateTopology(deployment), 'VM-1').filter((f) => f.path.includes('/oslo/')).map((f) => f.acknowledged)).toEqual(['lab mode: small on purpose']);
  });
});

describe('BranchSite with a location: segmentation and lab mode', () => {
  const synthesized = (lab: boolean) => {
    const { deployment } = testDeployment(lab ? { lab: {}, supportPosture: undefined } : {});
    azureBranchTopology({ deployment });
    return { deployment, json: synthJson(deployment.stack) };
  };

  test.each([false, true])('lab %s: every documented connection of the server is open, nothing else (sites deny the branch network)', (lab) => {
    const { deployment, json } = synthesized(lab);
    const seg = segmentation(deployment._toModel(), json);
    const server = ipOf(deployment, deployment._toModel().servers.find((s) => s.role === ServerRole.SURVIVABLE_BRANCH_SERVER)!.nics[0].privateIp);
    expect(seg.expected.filter((e) => e.sourceIp === server || e.destinationIp === server).length).toBeGreaterThan(5);
    expect(deniedDocumented(seg)).toEqual([]);
    expect(undocumentedAllowed(seg, [server, ...seg.addresses.filter((a) => a !== server)], seg.addresses)).toEqual([]);
  });

  test('in lab mode the server resolves through and joins via its central site\'s domain controller', () => {
    const { json } = synthesized(true);
    const dns = resourcesOf(json, 'azurerm_virtual_network_dns_servers').filter((d) => String(d.virtual_network_id).includes('oslo'));
    expect(dns).toHaveLength(1);
    const extensions = Object.entries<any>(json.resource.azurerm_virtual_machine_extension).filter(([k]) => k.includes('_oslo_')).map(([, e]) => e.name).sort();
    expect(extensions).toEqual(['sfb-lab-domain-join', 'sfb-lab-prerequisites']);
    const dcRules = resourcesOf(json, 'azurerm_network_security_rule').filter((r) => String(r.name).startsWith('lab-dc-from-branch-oslo'));
    expect(dcRules.map((r) => [r.name, r.source_address_prefix])).toEqual([['lab-dc-from-branch-oslo-tcp', '10.50.0.0/24'], ['lab-dc-from-branch-oslo-udp', '10.50.0.0/24']]);
  });
});
