/**
 * Day 2: adding a branch in Azure (a BranchSite with a location, its Survivable Branch Server and its
 * gateway) to a running deployment changes, of the central sites, only the closing rule
 * `deny-deployment-networks` of the NSGs that have one: it now lists the branch's range too, because a
 * branch network holds servers, not clients, and is denied like a site (what the central NSGs admit
 * from `VirtualNetwork` after it stays for connected client networks). It adds:
 * - the branch's own resource group, network, subnet, NSG with its rules, and the server (VM, NIC);
 * - both peering directions (the site-to-branch one sits in the central site's network, but is a
 *   resource of its own: the site's network is not changed);
 * - a link of each private zone to the branch network, and A records for the server and the gateway;
 * - one rule in the central site's Front End NSG, `sbs-<branch>-<server>`: SIP 5061 and HTTPS 444 from
 *   the server to its backup Registrar pool (the site's other NSGs deny the branch, as every network).
 */
import { PstnGateway, VoiceRoute } from '../../lib';
import { BranchSite, SurvivableBranchServer } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { testDeployment } from '../helpers';
import { voiceSites } from '../voice-helpers';

function build(withBranch: boolean) {
  const { deployment, stack } = testDeployment();
  const sites = voiceSites(deployment);
  new VoiceRoute(deployment, 'central', { usages: ['Central'], gateways: [sites.north.gateway], failoverGateways: [sites.west.gateway] });
  if (withBranch) {
    const branch = new BranchSite(deployment, 'oslo', { centralSite: sites.north.site, location: 'norwayeast', addressSpace: '10.50.0.0/24', voiceUsages: ['Oslo local', 'Central'], localRegistrarDiscovery: true });
    const sbs = new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-oslo.corp.contoso.com', backupRegistrar: sites.north.pool, users: 1200 });
    const gateway = new PstnGateway(branch, 'gateway', { fqdn: 'gw-oslo.corp.contoso.com', address: '192.168.60.5', survivableBranch: sbs });
    new VoiceRoute(deployment, 'oslo-local', { usages: ['Oslo local'], gateways: [gateway], failoverGateways: [sites.north.gateway] });
  }
  return JSON.parse(Testing.synth(stack, true));
}

/** Every resource as `type.logicalId` → its JSON text. */
function resources(json: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, byId] of Object.entries(json.resource ?? {})) for (const [id, block] of Object.entries(byId as object)) out.set(`${type}.${id}`, JSON.stringify(block));
  return out;
}

describe('adding a branch in Azure', () => {
  const before = resources(build(false));
  const after = resources(build(true));
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();

  test('removes no resource, and changes only the closing deny of the sites\' NSGs, by the branch range', () => {
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    const changed = [...before.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed.length).toBeGreaterThan(0);
    for (const key of changed) {
      expect(key).toMatch(/^azurerm_network_security_rule\.contoso_(west|north)_firewall-[a-z-]+_deny-deployment-networks_[0-9A-F]{8}$/);
      const [was, is] = [JSON.parse(before.get(key)!), JSON.parse(after.get(key)!)];
      expect(is).toEqual({ ...was, source_address_prefixes: [...was.source_address_prefixes, '10.50.0.0/24'] });
    }
  });

  test('adds only the branch\'s resources, its zone links and records, and one rule in the central Front End NSG', () => {
    const branchOwn = added.filter((k) => k.includes('_oslo_'));
    const rest = added.filter((k) => !branchOwn.includes(k));
    expect(rest.map((k) => k.replace(/_[0-9A-F]{8}$/, ''))).toEqual([
      'azurerm_network_security_rule.contoso_north_firewall-front-end_sbs-oslo-sbs',
      'azurerm_private_dns_a_record.contoso_dns_private-a-gw-oslo-corp-contoso-com',
      'azurerm_private_dns_a_record.contoso_dns_private-a-sbs-oslo-1-corp-contoso-com',
      'azurerm_private_dns_a_record.contoso_dns_private-a-sbs-oslo-corp-contoso-com',
      'azurerm_private_dns_zone_virtual_network_link.contoso_dns_link-contoso-com-branch-oslo',
      'azurerm_private_dns_zone_virtual_network_link.contoso_dns_link-corp-contoso-com-branch-oslo',
    ]);
    expect(branchOwn.map((k) => k.split('.')[0]).sort()).toEqual(expect.arrayContaining([
      'azurerm_network_interface', 'azurerm_network_security_group', 'azurerm_resource_group', 'azurerm_subnet', 'azurerm_subnet_network_security_group_association',
      'azurerm_virtual_network', 'azurerm_virtual_network_peering', 'azurerm_windows_virtual_machine',
    ]));
  });
});
