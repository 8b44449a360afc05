/** DNS planning report: internal, perimeter and external A records and SRV records with their addresses. */
import { ServerRole, TopologyModel } from '../model/topology';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, isToken, openFindingsSection, table } from './markdown';

const DNS_RULES = ['DNS-', 'SRV-', 'NAME-2', 'NAME-4', 'EDGE-', 'TB-1', 'PAIR-21'];
/** The Edge external NIC's addresses, in the order the servers are built (lib/constructs/edge-pool.ts). */
const EDGE_SERVICES = ['Access', 'Web Conferencing', 'A/V'];
const AT_APPLY = 'public IP, assigned by Azure at apply (`terraform output`)';

const addresses = (values: readonly string[]) => values.map((v) => (isToken(v) ? AT_APPLY : v)).join(', ');

export function dnsReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const byName = <T extends { fqdn: string }>(a: T, b: T) => a.fqdn.localeCompare(b.fqdn);
  const internal = model.dnsRecords.filter((r) => r.scope === 'private').sort(byName);
  const external = model.dnsRecords.filter((r) => r.scope === 'public').sort(byName);
  const srv = [...model.srvEntries].sort((a, b) => a.scope.localeCompare(b.scope) || a.name.localeCompare(b.name) || a.priority - b.priority || b.weight - a.weight);

  // Every address of every NIC: an Edge external NIC has one per service (Access, Web Conferencing, A/V).
  const perimeter = model.servers
    .filter((s) => s.role === ServerRole.EDGE)
    .flatMap((s) =>
      s.nics.flatMap((n, i) =>
        (n.privateIps ?? [n.privateIp]).map((ip, k, all) => [
          s.computerName,
          i === 0 ? (all.length > 1 ? `external (${EDGE_SERVICES[k] ?? k + 1})` : 'external') : 'internal',
          n.subnet,
          ip,
          n.publicIps > k && i === 0 ? `public IP of ${EDGE_SERVICES[k] ?? k + 1}` : i === 0 && k === 0 && n.publicIps > 0 ? `${n.publicIps} public IP(s)` : 'none',
        ]),
      ),
    );

  // Names the deployment needs in public DNS that Azure DNS here does not hold (Edge, reverse proxy).
  const publicNames = new Set(external.map((r) => r.fqdn));
  const plan = model.simpleUrls;
  const poolName = (path: string) =>
    [...model.frontEndPools, ...model.directorPools, ...model.mediationPools, ...model.chatPools].find((p) => p.path === path)?.fqdn ??
    model.edgePools.find((e) => e.path === path)?.internalFqdn ??
    path;
  const expected = [
    ...model.edgePools.flatMap((e) => [
      [e.accessEdgeFqdn, `Access Edge of Edge pool ${e.internalFqdn}`, 'public IP(s) of the Edge external interfaces'],
      [e.webConferencingEdgeFqdn, `Web Conferencing Edge of Edge pool ${e.internalFqdn}`, 'public IP(s) of the Edge external interfaces'],
      [e.audioVideoEdgeFqdn, `A/V Edge of Edge pool ${e.internalFqdn}`, 'public IP(s) of the Edge external interfaces'],
    ]),
    ...[...model.frontEndPools, ...model.directorPools].map((p) => [p.externalWebFqdn, `external web services of ${p.fqdn}`, 'your reverse proxy\'s public address']),
    // Autodiscover and the simple URLs (dns.md external table: Required), when no Traffic Manager profile publishes them.
    ...(plan
      ? plan.externalNames.map((n) => [
          n,
          n === plan.lyncdiscover ? 'external Autodiscover (mobility)' : `simple URL ${plan.urls.filter((u) => u.host === n).map((u) => u.kind).join(', ')}`,
          `your reverse proxy's public address (forwarding to ${plan.primary?.externalWebFqdn ?? 'the external web services'})`,
        ])
      : []),
  ].filter(([fqdn]) => !publicNames.has(fqdn.toLowerCase()));
  const proxied = proxiedRows(model);
  const failover = plan?.trafficManager
    ? `\n${plan.trafficManager.names.join(', ')} are CNAMEs to Traffic Manager profile ${plan.trafficManager.profileName} (${plan.trafficManager.fqdn}): priority routing over ${plan.trafficManager.endpoints.map((e) => `${e.priority}. ${e.target}`).join(', ')}, probing ${plan.trafficManager.monitor.path} over HTTPS (PAIR-21). Internal names (${plan.internalNames.join(', ')}) resolve in the private zones to the internal web services of ${plan.primary?.fqdn}.\n`
    : plan?.primary
      ? `\nInternal names (${plan.internalNames.join(', ')}) resolve in the private zones to the internal web services of ${plan.primary.fqdn}.\n`
      : '';

  return [
    header('DNS plan', model),
    'Record sets the configuration creates in Azure DNS (private zones linked to every site\'s network, public zones for the SIP domain), and the public names you publish yourself.\n',
    heading(2, 'Internal (private zones)'),
    table(['Name', 'Type', 'Address(es)'], internal.map((r) => [r.fqdn, r.type, addresses(r.values)])),
    heading(2, 'Perimeter (Edge interfaces)'),
    table(['Edge server', 'Interface', 'Subnet', 'Private address', 'Public addresses'], perimeter),
    heading(2, 'External (public zones)'),
    table(['Name', 'Type', 'Address(es)'], external.map((r) => [r.fqdn, r.type, addresses(r.values)])),
    failover,
    ...(proxied.length > 0 ? [heading(3, 'Published through the reverse proxies (remote, mobile and meeting-content paths)'), table(['Name', 'For', 'Reverse proxy', 'Forwards to', 'Ports'], proxied)] : []),
    heading(3, 'Public names to publish outside this configuration'),
    table(['Name', 'For', 'Points to'], expected),
    heading(2, 'SRV records'),
    table(['Name', 'Zone', 'Priority', 'Weight', 'Port', 'Target', 'Published by'], srv.map((e) => [e.name, e.scope, e.priority, e.weight, e.port, e.target, poolName(e.ownerPath)])),
    openFindingsSection(findings, DNS_RULES),
    acknowledgedSection(findings, DNS_RULES),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** Every name a ReverseProxy publishes: what it is, which proxy, its next hop and the port bridging (TOPO-3). */
function proxiedRows(model: TopologyModel): string[][] {
  const fqdnOf = new Map<string, string>([...model.frontEndPools, ...model.directorPools, ...(model.officeOnlineFarms ?? [])].map((p) => [p.path, p.fqdn]));
  return (model.reverseProxies ?? []).flatMap((rp) =>
    rp.published.map((p) => [
      p.fqdn,
      p.purpose === 'external web services' ? `external web services of ${fqdnOf.get(p.nextHopPath) ?? p.nextHopPath}` : p.purpose === 'Office Online Server' ? `Office Online Server farm ${fqdnOf.get(p.nextHopPath) ?? p.nextHopPath}` : p.purpose,
      `${rp.publicIpName} (${rp.kind})`,
      `${fqdnOf.get(p.nextHopPath) ?? p.nextHopPath} ${p.nextHopAddress}`,
      p.bridging.map((b) => `${b.listenerPort} to ${b.backendPort}`).join(', '),
    ]),
  );
}
