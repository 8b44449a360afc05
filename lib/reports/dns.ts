/** DNS planning report: internal, perimeter and external A records and SRV records with their addresses. */
import { ServerRole, TopologyModel } from '../model/topology';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, isToken, openFindingsSection, table } from './markdown';

const DNS_RULES = ['DNS-', 'SRV-', 'NAME-2', 'NAME-4', 'EDGE-'];
const AT_APPLY = 'public IP, assigned by Azure at apply (`terraform output`)';

const addresses = (values: readonly string[]) => values.map((v) => (isToken(v) ? AT_APPLY : v)).join(', ');

export function dnsReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const byName = <T extends { fqdn: string }>(a: T, b: T) => a.fqdn.localeCompare(b.fqdn);
  const internal = model.dnsRecords.filter((r) => r.scope === 'private').sort(byName);
  const external = model.dnsRecords.filter((r) => r.scope === 'public').sort(byName);
  const srv = [...model.srvEntries].sort((a, b) => a.scope.localeCompare(b.scope) || a.name.localeCompare(b.name) || a.priority - b.priority || b.weight - a.weight);

  const perimeter = model.servers
    .filter((s) => s.role === ServerRole.EDGE)
    .flatMap((s) => s.nics.map((n, i) => [s.computerName, i === 0 ? 'external' : 'internal', n.subnet, n.privateIp, n.publicIps > 0 ? `${n.publicIps} public IP(s)` : 'none']));

  // Names the deployment needs in public DNS that Azure DNS here does not hold (Edge, reverse proxy).
  const publicNames = new Set(external.map((r) => r.fqdn));
  const expected = [
    ...model.edgePools.flatMap((e) => [
      [e.accessEdgeFqdn, `Access Edge of ${e.path}`, 'public IP(s) of the Edge external interfaces'],
      [e.webConferencingEdgeFqdn, `Web Conferencing Edge of ${e.path}`, 'public IP(s) of the Edge external interfaces'],
      [e.audioVideoEdgeFqdn, `A/V Edge of ${e.path}`, 'public IP(s) of the Edge external interfaces'],
    ]),
    ...[...model.frontEndPools, ...model.directorPools].map((p) => [p.externalWebFqdn, `external web services of ${p.path}`, 'your reverse proxy\'s public address']),
  ].filter(([fqdn]) => !publicNames.has(fqdn.toLowerCase()));

  return [
    header('DNS plan', model),
    'Record sets the configuration creates in Azure DNS (private zones linked to every site\'s network, public zones for the SIP domain), and the public names you publish yourself.\n',
    heading(2, 'Internal (private zones)'),
    table(['Name', 'Type', 'Address(es)'], internal.map((r) => [r.fqdn, r.type, addresses(r.values)])),
    heading(2, 'Perimeter (Edge interfaces)'),
    table(['Edge server', 'Interface', 'Subnet', 'Private address', 'Public addresses'], perimeter),
    heading(2, 'External (public zones)'),
    table(['Name', 'Type', 'Address(es)'], external.map((r) => [r.fqdn, r.type, addresses(r.values)])),
    heading(3, 'Public names to publish outside this configuration'),
    table(['Name', 'For', 'Points to'], expected),
    heading(2, 'SRV records'),
    table(['Name', 'Zone', 'Priority', 'Weight', 'Port', 'Target', 'Published by'], srv.map((e) => [e.name, e.scope, e.priority, e.weight, e.port, e.target, e.ownerPath])),
    openFindingsSection(findings, DNS_RULES),
    acknowledgedSection(findings, DNS_RULES),
  ]
    .filter((part) => part !== '')
    .join('\n');
}
