/** Runbook sections for Edge pools: failover of the federation and XMPP routes and media associations, failback (RESTORE-6). */
import { aRecordValues, poolByPath, siteOf } from '../model/queries';
import { EdgePoolModel, FrontEndPoolModel, TopologyModel } from '../model/topology';
import { blocks, code, steps } from './markdown';
import { ruleSource } from './runbook-sources';

/** Front End pools whose media use the Edge pool: explicit association, else the site's Edge whose next hop they are. */
function associatedPools(m: TopologyModel, edge: EdgePoolModel): FrontEndPoolModel[] {
  return m.frontEndPools.filter((p) =>
    p.associatedEdgePath !== undefined
      ? p.associatedEdgePath === edge.path
      : edge.nextHopPath === p.path && edge.sitePath === p.sitePath,
  );
}

/** The Edge pool that takes over: another site's first, by SRV priority. */
function survivor(m: TopologyModel, edge: EdgePoolModel): EdgePoolModel | undefined {
  const others = m.edgePools
    .filter((e) => e.path !== edge.path)
    .sort((a, b) => Number(a.sitePath === edge.sitePath) - Number(b.sitePath === edge.sitePath) || a.srvPriority - b.srvPriority || (a.path < b.path ? -1 : 1));
  return others[0];
}

function siteName(m: TopologyModel, sitePath: string): string {
  return siteOf(m, sitePath)?.name ?? sitePath;
}

function failoverSteps(m: TopologyModel, edge: EdgePoolModel, to: EdgePoolModel): string[] {
  const out: string[] = [];
  if (edge.federation) {
    out.push(`Move the federation route to ${to.internalFqdn}: in Topology Builder clear "Enable federation for this Edge pool (Port 5061)" on ${edge.internalFqdn}, select it on ${to.internalFqdn}, publish, then run Setup again (Deployment Wizard, Setup or Remove Components) on each Edge server of ${to.internalFqdn}.`);
  }
  if (edge.xmppFederation) {
    const server = to.servers[0]?.fqdn ?? to.internalFqdn;
    out.push(
      `Move the XMPP federation route: on each Edge server of ${to.internalFqdn} run ${code('Stop-CsWindowsService')}; then ${code(`Set-CsSite ${siteName(m, to.sitePath)} -XmppExternalFederationRoute ${server}`)}; point the external A record for XMPP at ${to.accessEdgeFqdn} and make sure ${code(`_xmpp-server._tcp.${m.sipDomain}`)} (port 5269) resolves to it; check 5269 is open; then ${code('Start-CsWindowsService')} on each of its Edge servers.`,
    );
  }
  for (const pool of associatedPools(m, edge)) {
    out.push(`Associate Front End pool ${pool.fqdn} with ${to.internalFqdn} for media: Topology Builder, pool, Edit Properties, Associations, "Associate Edge Pool (for media components)", then publish.`);
  }
  const nextHop = poolByPath(m, edge.nextHopPath);
  if (nextHop) out.push(`Front End pool ${nextHop.fqdn} (this Edge pool's next hop) needs no change; fail it over only if it failed too.`);
  out.push(`Remote users need no action: clients re-query ${code(`_sip._tls.${m.sipDomain}`)} and try the next Edge pool by SRV priority.`);
  return out;
}

function failbackSteps(m: TopologyModel, edge: EdgePoolModel, to: EdgePoolModel): string[] {
  const out = [`In this order, first start the Edge services on every server of ${edge.internalFqdn}: ${code('Start-CsWindowsService')} ${ruleSource('RESTORE-6', 'failover')}.`];
  if (edge.federation) {
    out.push(`Move the federation route back: Topology Builder, clear the federation option on ${to.internalFqdn}, select it on ${edge.internalFqdn}, publish, run Setup again on each Edge server of ${edge.internalFqdn}.`);
  }
  if (edge.xmppFederation) {
    const server = edge.servers[0]?.fqdn ?? edge.internalFqdn;
    out.push(`Move the XMPP route back: ${code(`Set-CsSite ${siteName(m, edge.sitePath)} -XmppExternalFederationRoute ${server}`)}; point the XMPP A record and ${code(`_xmpp-server._tcp.${m.sipDomain}`)} back at ${edge.accessEdgeFqdn}; check port 5269.`);
  }
  for (const pool of associatedPools(m, edge)) {
    out.push(`Associate ${pool.fqdn} with ${edge.internalFqdn} again for media (Topology Builder), then publish.`);
  }
  const nextHop = poolByPath(m, edge.nextHopPath);
  if (nextHop) out.push(`If ${nextHop.fqdn} was failed over as well, fail it back now: ${code(`Invoke-CsPoolFailback -PoolFQDN ${nextHop.fqdn} -Verbose`)}.`);
  return out;
}

/** EDGE-14: one external certificate and private key for the whole pool (A/V authentication). */
function certificateNote(edge: EdgePoolModel): string {
  return `External certificate (EDGE-14): one certificate, subject ${edge.accessEdgeFqdn}, with the same private key on every Edge server of the pool (A/V authentication fails otherwise). Request it once, export it with its private key, import it on each server; a rebuilt or added Edge server gets that exported certificate, never a new request. Its names are in the certificate plan.`;
}

const EDGE_HOST_DOCS = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness: Skype/SfbServer/help-topics/2019/topobld/ms.lync.tb.AddEdgeMachineInternalIpPage.md (a server outside the domain needs the DNS suffix of its topology FQDN); Skype/SfbServer/deploy/deploy-edge-server/deploy-edge-servers.md (internal NIC: no default gateway, persistent routes, the next hop from perimeter DNS or a HOSTS line per member)';

/**
 * EDGE-20: an Edge server is a workgroup server, so nothing gives it the DNS suffix of the FQDN the
 * topology publishes (Azure DHCP sets only a connection-specific suffix); and it must resolve its next
 * hop. The virtual network's DNS (Azure DNS with the private zone, or the lab's DCs) plays the
 * perimeter DNS of the Microsoft page, so the HOSTS file is the fallback, with the zone's addresses.
 */
function workgroupNote(m: TopologyModel, edge: EdgePoolModel): string {
  const suffixes = [...new Set(edge.servers.map((s) => s.fqdn.slice(s.computerName.length + 1)))].sort();
  const nextHop = poolByPath(m, edge.nextHopPath) ?? m.directorPools.find((d) => d.path === edge.nextHopPath);
  const hostsLines = nextHop ? (aRecordValues(m, 'private', nextHop.fqdn) ?? []).map((ip) => `${ip} ${nextHop.fqdn}`) : [];
  const resolve = nextHop
    ? ` It resolves its next hop ${nextHop.fqdn} through the virtual network's DNS: check ${code(`Resolve-DnsName ${nextHop.fqdn}`)} on the server; if it fails, add to its HOSTS file one line per member of the next hop${hostsLines.length > 0 ? ` (${hostsLines.map(code).join(', ')})` : ''}.`
    : '';
  return `Servers outside the domain (EDGE-20): on a rebuilt or added Edge server, before the Deployment Wizard, set the primary DNS suffix to ${suffixes.map(code).join(', ')} (System Properties, Computer Name, Change, More; restart), so that its FQDN is the one the topology publishes (${edge.servers.map((s) => s.fqdn).join(', ')}).${resolve} Keep the internal NIC without a default gateway and add the persistent routes to every site (docs/edge.md, "What the operator still does") (${EDGE_HOST_DOCS}).`;
}

const NEXT_HOP_DOCS = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness: Lync/LyncServer/lync-server-2013-failing-over-a-pool.md (an Edge pool\'s next hop, same site or another site); Skype/SfbServer/help-topics/help-topobld/edge-next-hop-settings-expander.md (a Director or Front End pool)';

/** While the Director pool `lost` is down: another Director of the Edge's site, a Front End pool of its site, then the same in another site; by path. */
function standInFor(m: TopologyModel, edge: EdgePoolModel, lost: string): { readonly fqdn: string; readonly sitePath: string; readonly kind: string } | undefined {
  const candidates = [
    ...m.directorPools.filter((d) => d.path !== lost).map((d) => ({ path: d.path, fqdn: d.fqdn, sitePath: d.sitePath, kind: 'Director pool', rank: 0 })),
    ...m.frontEndPools.map((p) => ({ path: p.path, fqdn: p.fqdn, sitePath: p.sitePath, kind: 'Front End pool', rank: 1 })),
  ];
  const order = (c: (typeof candidates)[number]) => (c.sitePath === edge.sitePath ? 0 : 2) + c.rank;
  return candidates.sort((a, b) => order(a) - order(b) || (a.path < b.path ? -1 : 1))[0];
}

/** When the Edge pool's next hop is a Director pool and that pool is lost: repoint the next hop, and back. */
function directorNextHopSection(m: TopologyModel, edge: EdgePoolModel): string | undefined {
  const director = m.directorPools.find((d) => d.path === edge.nextHopPath);
  if (!director) return undefined;
  const to = standInFor(m, edge, director.path);
  const repoint = (target: { readonly fqdn: string; readonly sitePath: string }) =>
    target.sitePath === edge.sitePath
      ? `in Topology Builder, Edge pool ${edge.internalFqdn}, Edit Properties, Next Hop, select ${target.fqdn}, then publish`
      : code(`Set-CsEdgeServer -Identity EdgeServer:${edge.internalFqdn} -Registrar Registrar:${target.fqdn}`);
  if (!to) {
    return blocks(`### If its next hop ${director.fqdn} is lost`, `No other Director or Front End pool exists: remote access and federation through ${edge.internalFqdn} stop until ${director.fqdn} is restored ("Restore Director pools, member by member").`);
  }
  return blocks(
    `### If its next hop ${director.fqdn} is lost`,
    `The Edge servers send everything inbound to their next hop; while Director pool ${director.fqdn} is down, remote access, federation${edge.xmppFederation ? ', XMPP' : ''} and hybrid traffic through ${edge.internalFqdn} stop (${NEXT_HOP_DOCS}).`,
    steps([
      `Repoint the next hop of ${edge.internalFqdn} to ${to.kind} ${to.fqdn} (${to.sitePath === edge.sitePath ? 'same site' : 'another site'}): ${repoint(to)}.`,
      `Check it: ${code(`(Get-CsService -Identity EdgeServer:${edge.internalFqdn}).Registrar`)} is ${code(`Registrar:${to.fqdn}`)} (the property Set-CsEdgeServer sets); sign in a remote user.`,
      `When ${director.fqdn} runs again (restored member by member, "Restore Director pools, member by member"), point the next hop back: ${repoint(director)}.`,
    ]),
  );
}

function edgeSection(m: TopologyModel, edge: EdgePoolModel): string {
  const to = survivor(m, edge);
  const roles = [edge.federation ? 'federation route' : '', edge.xmppFederation ? 'XMPP federation route' : ''].filter((r) => r).join(' and ');
  const intro = `Site ${siteName(m, edge.sitePath)}, ${edge.servers.length} Edge server(s), SRV priority ${edge.srvPriority}${roles ? `, carries the ${roles}` : ''}.`;
  if (!to) {
    return blocks(`## Edge pool ${edge.internalFqdn}`, intro, certificateNote(edge), workgroupNote(m, edge), 'There is no other Edge pool: remote access, federation and external media stop until this pool is restored. Deploy an Edge pool in another site for Edge disaster recovery.', directorNextHopSection(m, edge));
  }
  return blocks(
    `## Edge pool ${edge.internalFqdn}`,
    intro,
    certificateNote(edge),
    workgroupNote(m, edge),
    `### Failover to ${to.internalFqdn}`,
    steps(failoverSteps(m, edge, to)),
    `### Failback of ${edge.internalFqdn}`,
    steps(failbackSteps(m, edge, to)),
    directorNextHopSection(m, edge),
  );
}

/** One section per Edge pool, in path order. */
export function edgePoolsSection(m: TopologyModel): string {
  return blocks(...[...m.edgePools].sort((a, b) => (a.path < b.path ? -1 : 1)).map((e) => edgeSection(m, e)));
}
