/** Firewall planning report: every flow the network security groups allow, as the NSG rules carry it. */
import { TopologyModel } from '../model/topology';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, openFindingsSection, table } from './markdown';

const FIREWALL_RULES = ['SEC-', 'EDGE-', 'TOPO-'];

export function firewallReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const nsgs = [...new Set(model.flows.map((f) => f.nsg))].sort();
  const sections = nsgs.map((nsg) => {
    const flows = model.flows.filter((f) => f.nsg === nsg).sort((a, b) => a.priority - b.priority);
    return `${heading(3, `Network security group ${nsg}`)}\n${table(
      ['Priority', 'Rule', 'Direction', 'Source', 'Source prefixes', 'Destination', 'Destination prefixes', 'Protocol', 'Ports'],
      flows.map((f) => [f.priority, f.name, f.direction, f.source, f.sourcePrefixes.join(', '), f.destination, f.destinationPrefixes.join(', '), f.protocol, f.ports.join(', ')]),
    )}`;
  });
  return [
    header('Firewall plan', model),
    'Every flow the topology needs, one row per network security group rule (Allow). Azure\'s default rules follow them: AllowVnetInBound (65000), AllowAzureLoadBalancerInBound (65001), DenyAllInBound (65500). Nothing is open from the Internet to 22, 3389, 5985 or 5986 (SEC-2); administer through Azure Bastion or a private path.\n',
    heading(2, 'Inbound rules per subnet'),
    sections.length > 0 ? sections.join('\n') : '_None._\n',
    openFindingsSection(findings, FIREWALL_RULES),
    acknowledgedSection(findings, FIREWALL_RULES),
  ]
    .filter((part) => part !== '')
    .join('\n');
}
