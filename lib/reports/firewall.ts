/**
 * Firewall planning report: every rule of every network security group, allows and the denies that
 * close each subnet, each naming the documented flows it carries and the page they come from
 * (lib/model/documented-flows.ts), or the page that requires a rule that is no product flow.
 */
import { documentedFlow } from '../model/documented-flows';
import { FlowModel, TopologyModel } from '../model/topology';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, openFindingsSection, table } from './markdown';

const FIREWALL_RULES = ['SEC-', 'EDGE-', 'TOPO-'];

/** The pages a rule comes from: its documented flows' sources, or its reference. */
export function rulePages(f: FlowModel): string[] {
  const pages = (f.flowKeys ?? []).map((k) => documentedFlow(k).source);
  if (f.reference) pages.push(f.reference);
  return [...new Set(pages)];
}

/** What a side is, and the application security group the rendered rule names instead of its prefixes. */
function named(what: string, group: string | undefined): string {
  return group ? `${what} (application security group ${group})` : what;
}

export function firewallReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const nsgs = [...new Set(model.flows.map((f) => f.nsg))].sort();
  const sections = nsgs.map((nsg) => {
    const flows = model.flows.filter((f) => f.nsg === nsg).sort((a, b) => a.priority - b.priority);
    return `${heading(3, `Network security group ${nsg}`)}\n${table(
      ['Priority', 'Rule', 'Direction', 'Source', 'Source prefixes', 'Destination', 'Destination prefixes', 'Protocol', 'Ports', 'Access', 'Documented flows', 'Source page'],
      flows.map((f) => [
        f.priority, f.name, f.direction, named(f.source, f.sourceGroup), f.sourcePrefixes.join(', '), named(f.destination, f.destinationGroup), f.destinationPrefixes.join(', '), f.protocol, f.ports.join(', '),
        f.access ?? 'Allow', (f.flowKeys ?? []).join(', ') || '-', rulePages(f).join('; '),
      ]),
    )}`;
  });
  return [
    header('Firewall plan', model),
    [
      'Every network security group rule, one row each, in priority order; the first rule that matches a connection decides. ',
      'Allows come from the ports tables of Microsoft\'s documentation (the documented flows each rule carries and their page). ',
      'Each subnet is closed: allows from servers, the Internet and Azure Bastion (100-3999); `deny-deployment-networks` (4000) denies every site of the deployment, ',
      'so the allows from `VirtualNetwork` that follow (4001-4094) admit only the networks connected to the sites (clients, gateways, the reverse proxy); ',
      '`allow-azure-load-balancer` (4095) keeps the health probes, which the VirtualNetwork tag would otherwise catch; `deny-virtual-network` (4096) denies the rest ',
      'of the own, peered and connected networks, overriding Azure\'s AllowVnetInBound (65000). Azure\'s DenyAllInBound (65500) denies the rest of the Internet. ',
      'Nothing is open from the Internet to 22, 3389, 5985 or 5986 (SEC-2); administer through Azure Bastion or a private path. ',
      'Where a side names an application security group, the rule in Azure names the group, and the prefixes column lists the servers it holds today ',
      '(adding a server adds it to the group and changes no rule); a source in another site is named by its owner\'s address block (docs/segmentation.md).\n',
    ].join(''),
    heading(2, 'Inbound rules per subnet'),
    sections.length > 0 ? sections.join('\n') : '_None._\n',
    openFindingsSection(findings, FIREWALL_RULES),
    acknowledgedSection(findings, FIREWALL_RULES),
  ]
    .filter((part) => part !== '')
    .join('\n');
}
