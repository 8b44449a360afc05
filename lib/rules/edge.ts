/** Edge pools (EDGE-*, SRV-*, DNS-5, DNS-8, AZURE-3, VER-4). */
import { LoadBalancing, ProductVersion, Severity } from '../enums';
import { EDGE_SRV, mediaEdgePool, usesFederation, usesXmpp } from '../model/edge';
import { admittedSources, intersectRanges, mergeRanges, Range, rangesCover } from '../model/flows';
import { ipToInt } from '../model/network';
import { aRecordValues, allFqdns, NamedFqdn, productName, shortName } from '../model/queries';
import { EdgePoolModel, FrontEndPoolModel, ServerModel, ServerRole, TopologyModel } from '../model/topology';
import { serverGroups } from '../model/roles';
import { productProfile } from '../model/versions';
import { branchUsersOfSite } from '../model/voice';
import { EDGE_PERIMETER_RULE } from './edge-perimeter';
import { alsoReports, reportedAs, rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const EDGE_DR = 'Edge Server disaster recovery in Lync Server 2013';
const EDGE_ENV = 'Edge Server environmental requirements in Skype for Business Server';
const FAILOVER = 'Failing over and failing back a pool';
const LB_REQ = 'Load balancing requirements for Skype for Business';
const CAPACITY = 'Capacity planning user model usage for Skype for Business Server; Capacity planning for Skype for Business Server 2019';
const MAX_EDGE_SERVERS = 12;

function externalFqdns(e: EdgePoolModel): { what: string; fqdn: string }[] {
  return [
    { what: 'accessEdgeFqdn', fqdn: e.accessEdgeFqdn },
    { what: 'webConferencingEdgeFqdn', fqdn: e.webConferencingEdgeFqdn },
    { what: 'audioVideoEdgeFqdn', fqdn: e.audioVideoEdgeFqdn },
  ];
}

function edgeFqdns(e: EdgePoolModel): { what: string; fqdn: string }[] {
  return [{ what: 'internalFqdn', fqdn: e.internalFqdn }, ...externalFqdns(e)];
}

/** The address of an Edge server's internal NIC. */
function internalIp(s: ServerModel): string | undefined {
  return (s.nics.find((n) => n.subnet === 'edge-internal') ?? s.nics[1])?.privateIp;
}

function publicValues(m: TopologyModel, fqdn: string, scope: 'public' | 'private'): readonly string[] | undefined {
  return aRecordValues(m, scope, fqdn);
}

/** One Internet-independent flow an Edge server needs from a Front End (EDGE-5). */
interface Need {
  readonly protocol: 'Tcp' | 'Udp';
  readonly port: number;
}

const EDGE_INTERNAL_NEEDS: readonly Need[] = [
  ...[443, 5061, 5062, 8057, 50001, 50002, 50003].map((port) => ({ protocol: 'Tcp' as const, port })),
  { protocol: 'Udp', port: 3478 },
];

const needName = (need: Need) => `${need.port}/${need.protocol.toUpperCase()}`;

/** The addresses of a set of servers as runs `[first, end)` of consecutive addresses (a pool's block). */
function addressRuns(ips: readonly string[]): Range[] {
  return mergeRanges(ips.map((ip) => [ipToInt(ip), ipToInt(ip) + 1] as const));
}

/**
 * EDGE-5, linear in the model: per Edge pool and need, the source ranges that reach every one of its
 * servers (built once from the flows that admit each server), then per Front End pool one range check
 * per run of consecutive Front End addresses. Before, every Front End, Edge server and port was a
 * separate flow lookup: pools x Edge pools x servers x servers x ports.
 */
function edgeReachability(m: TopologyModel) {
  const byEdgeAndNeed = new Map<string, readonly Range[]>();
  const reachingAll = (edge: EdgePoolModel, need: Need): readonly Range[] => {
    const key = `${edge.path}|${needName(need)}`;
    let ranges = byEdgeAndNeed.get(key);
    if (!ranges) {
      let acc: readonly Range[] | undefined;
      for (const es of edge.servers) {
        const to = internalIp(es);
        if (!to) continue;
        const admitted = admittedSources(m, to, need.protocol, need.port);
        acc = acc === undefined ? admitted : intersectRanges(acc, admitted);
      }
      // No Edge server with an internal address: nothing to reach, nothing missing.
      ranges = acc ?? [[0, 2 ** 32]];
      byEdgeAndNeed.set(key, ranges);
    }
    return ranges;
  };
  // Without an XMPP gateway in the version, VER-4 is the finding; no XMPP port is opened or asked for.
  const xmpp = usesXmpp(m) && productProfile(m.productVersion).xmppFederation;
  /** What the Front Ends of `pool` cannot reach on `edge`, as `port/PROTOCOL`. */
  return (pool: FrontEndPoolModel, edge: EdgePoolModel, runs: readonly Range[]): string[] => {
    const needs = [...EDGE_INTERNAL_NEEDS];
    if (pool.hostsCentralManagementStore) needs.push({ protocol: 'Tcp', port: 4443 });
    if (xmpp) needs.push({ protocol: 'Tcp', port: 23456 });
    return needs
      .filter((need) => {
        const ranges = reachingAll(edge, need);
        return runs.some(([lo, hi]) => !rangesCover(ranges, lo, hi));
      })
      .map(needName);
  };
}

function srvGroups(m: TopologyModel): Map<string, TopologyModel['srvEntries'][number][]> {
  const groups = new Map<string, TopologyModel['srvEntries'][number][]>();
  for (const e of m.srvEntries) {
    const key = `${e.scope} ${e.name.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return groups;
}

const isWhole16 = (n: number) => Number.isInteger(n) && n >= 0 && n <= 65535;

export const EDGE_RULES = [
  EDGE_PERIMETER_RULE,
  rule('VER-4', Severity.ERROR, 'XMPP federation only in Lync Server 2013 and Skype for Business Server 2015', `${EDGE_ENV}; Topology Basics for Skype for Business Server`, (m) =>
    productProfile(m.productVersion).xmppFederation
      ? []
      : m.edgePools.filter((e) => e.xmppFederation).map((e) => ({
          path: e.path,
          message: `Edge pool ${e.internalFqdn} has xmppFederation true; ${productName(m)} has no XMPP gateway or proxy (only 2013 and 2015 do); set xmppFederation to false. EDGE-5 asks for no XMPP port (23456/TCP from the Front Ends) in this version: caused by VER-4`,
        })),
  ),
  rule('EDGE-1', Severity.ERROR, 'Edge pool size: 2 or more for high availability, at most 12', `${EDGE_ENV}; Capacity planning user model`, (m) =>
    m.edgePools.flatMap((e): Violation[] => {
      const n = e.servers.length;
      if (n > MAX_EDGE_SERVERS) {
        const unconfirmed = m.productVersion === ProductVersion.LYNC_SERVER_2013 ? ' (the 12-server limit is documented for 2015 and 2019 and assumed for 2013, UNCONFIRMED)' : '';
        return [{ path: e.path, message: `Edge pool ${e.internalFqdn} has ${n} servers; at most ${MAX_EDGE_SERVERS} per pool are supported${unconfirmed}; set servers to ${MAX_EDGE_SERVERS} or fewer and add another Edge pool` }];
      }
      return [];
    }),
  ),
  rule('EDGE-24', Severity.WARNING, 'Two or more Edge servers per pool for high availability', `${EDGE_ENV} (library rule: the warning form of EDGE-1)`, (m) =>
    m.edgePools
      .filter((e) => e.servers.length < 2)
      .map((e) => ({ path: e.path, message: `Edge pool ${e.internalFqdn} has ${e.servers.length} server; one Edge server has no high availability; set servers to 2 or more` })),
  ),
  rule('EDGE-2', Severity.WARNING, 'One Edge server per 12,000 (2019, SE: 18,000) concurrent remote users, branch users included', CAPACITY, (m) =>
    m.edgePools.flatMap((e): Violation[] => {
      // Not sized (no remoteUsers): no finding, even with branch users; sizing is the user's opt-in.
      if (e.remoteUsers === undefined) return [];
      const per = productProfile(m.productVersion).remoteUsersPerEdgeServer;
      const branch = branchUsersOfSite(m, e.sitePath);
      const needed = Math.ceil((e.remoteUsers + branch) / per);
      if (needed <= e.servers.length) return [];
      const counted = branch > 0 ? `${e.remoteUsers} remote users plus ${branch} users of survivable branches registered in site ${shortName(e.sitePath)}` : `remoteUsers is ${e.remoteUsers}`;
      return [{ path: e.path, message: `${counted}; at ${per.toLocaleString('en-US')} concurrent remote users per Edge server (${productName(m)}) Edge pool ${e.internalFqdn} needs ${needed} servers but has ${e.servers.length}; set servers to ${needed}, or split the remote users over another Edge pool` }];
    }),
  ),
  rule('EDGE-3', Severity.ERROR, 'Edge pools are not stretched across sites', 'Capacity planning user model', (m) =>
    m.edgePools.flatMap((e) => {
      const outside = e.servers.filter((s) => !s.path.startsWith(e.sitePath + '/'));
      return outside.length === 0
        ? []
        : [{ path: e.path, message: `Edge servers ${outside.map((s) => s.computerName).join(', ')} of ${e.internalFqdn} are outside its site ${shortName(e.sitePath)}; an Edge pool cannot be stretched across sites; deploy a separate Edge pool in the other site` }];
    }),
  ),
  rule('EDGE-4', Severity.ERROR, 'Separate Edge pools per site with unique internal and external FQDNs', EDGE_DR, (m) => {
    const out: Violation[] = [];
    // NAME-4 reports an internal FQDN that clashes with another pool's or server's (one fact, one finding);
    // EDGE-4 reports the external names, and an internal name reused as another Edge pool's external one.
    const named = new Map<string, NamedFqdn>();
    for (const f of allFqdns(m)) if (f.kind !== 'Edge internal FQDN' && !named.has(f.fqdn)) named.set(f.fqdn, f);
    const firstEdge = new Map<string, { index: number; path: string; what: string }>();
    m.edgePools.forEach((e, i) => {
      for (const f of edgeFqdns(e)) if (!firstEdge.has(f.fqdn.toLowerCase())) firstEdge.set(f.fqdn.toLowerCase(), { index: i, path: e.path, what: f.what });
    });
    m.edgePools.forEach((e, i) => {
      const own = edgeFqdns(e);
      own.forEach((f, k) => {
        const fqdn = f.fqdn.toLowerCase();
        const inPool = own.findIndex((o) => o.fqdn.toLowerCase() === fqdn);
        if (inPool < k) {
          out.push({ path: e.path, message: `${f.what} ${f.fqdn} equals ${own[inPool].what}; with three public IPs per server each Edge service needs its own FQDN; choose another name` });
          return;
        }
        const earlier = firstEdge.get(fqdn);
        const internal = f.what === 'internalFqdn';
        if (earlier && earlier.index < i) {
          if (internal && earlier.what === 'internalFqdn') return;
          out.push({ path: e.path, message: `${f.what} ${f.fqdn} is already the Edge pool FQDN of ${earlier.path}; every Edge pool needs its own internal and external FQDNs (no reuse across sites); choose another name` });
          return;
        }
        const other = internal ? undefined : named.get(fqdn);
        if (other) {
          out.push({ path: e.path, message: `${f.what} ${f.fqdn} is already the ${other.kind} of ${other.path}; every Edge pool needs its own internal and external FQDNs (no reuse across sites); choose another name` });
        }
      });
    });
    return out;
  }),
  rule('EDGE-25', Severity.WARNING, 'Edge pools in more than one site for Edge disaster recovery', `${EDGE_DR} (library rule: the warning form of EDGE-4)`, (m) => {
    const edgeSites = new Set(m.edgePools.map((e) => e.sitePath));
    return edgeSites.size === 1 && m.sites.length > 1
      ? [{ path: m.edgePools[0].path, message: `all Edge pools are in site ${shortName([...edgeSites][0])} of ${m.sites.length} sites; for Edge disaster recovery deploy an Edge pool in a second site (Edge pools are not paired)` }]
      : [];
  }),
  rule('EDGE-5', Severity.ERROR, 'The Front Ends of every pool reach every Edge server', EDGE_DR, (m) => {
    if (m.edgePools.length === 0) return [];
    const missingFlows = edgeReachability(m);
    const runs = new Map(m.frontEndPools.map((p) => [p, addressRuns(p.servers.flatMap((s) => (s.nics[0]?.privateIp ? [s.nics[0].privateIp] : [])))]));
    return m.edgePools.flatMap((e) =>
      m.frontEndPools.flatMap((p) => {
        const missing = missingFlows(p, e, runs.get(p)!);
        return missing.length === 0
          ? []
          : [{ path: e.path, message: `the Front End servers of ${p.fqdn} cannot reach the internal interface of Edge pool ${e.internalFqdn} on ${missing.join(', ')}; the Front Ends of every pool must reach every Edge server for cross-site Edge failover; allow these ports from the Front End subnet` }];
      }),
    );
  }),
  rule('EDGE-6', Severity.ERROR, 'One load-balancing type on both Edge interfaces', LB_REQ, (m) =>
    m.edgePools
      .filter((e) => (e.internalLoadBalancing ?? e.loadBalancing) !== e.loadBalancing)
      .map((e) => ({ path: e.path, message: `Edge pool ${e.internalFqdn} uses ${e.loadBalancing} load balancing externally and ${e.internalLoadBalancing} internally; mixing is unsupported; use DNS load balancing on both interfaces (or hardware on both)` })),
  ),
  rule('EDGE-10', Severity.WARNING, 'Partners whose failover needs a hardware load balancer on the Edge', `${LB_REQ}; ${EDGE_ENV}`, (m) =>
    // With LoadBalancing.HARDWARE the pool has what these partners need; on Azure that is AZURE-3's error.
    m.edgePools
      .filter((e) => e.loadBalancing === LoadBalancing.DNS && (e.legacyInterop ?? []).length > 0)
      .map((e) => ({
        path: e.path,
        message: `Edge pool ${e.internalFqdn} uses DNS load balancing and serves ${(e.legacyInterop ?? []).join(', ')}; these do not fail over to another Edge server with DNS load balancing (Microsoft requires a hardware load balancer on the Edge pool for their high availability), and Azure cannot host one (AZURE-3); move them to Lync Server 2010 or later partners and Exchange 2010 SP1 or later, or acknowledge that they stop when the Edge server they use fails`,
      })),
  ),
  rule('EDGE-11', Severity.ERROR, 'Three public IP addresses per Edge server', EDGE_ENV, (m) =>
    m.edgePools.flatMap((e): Violation[] => {
      const n = e.servers.length;
      const hardware = e.loadBalancing === LoadBalancing.HARDWARE;
      // The VIPs a hardware-load-balanced pool would need follow from a mode Azure cannot run: AZURE-3's one finding.
      if (hardware && e.externalNat !== false) return [];
      const expected = hardware ? 3 * n + 3 : 3 * n;
      if (e.publicIpCount === expected) return [];
      // One per server (services told apart by port) is EDGE-26's warning.
      if (e.publicIpCount === (hardware ? n + 1 : n)) return [];
      return [{ path: e.path, message: `Edge pool ${e.internalFqdn} has ${e.publicIpCount} public IPs for ${n} servers; ${hardware ? 'hardware' : 'DNS'} load balancing needs ${expected} (three per server${hardware ? ' plus three VIPs' : ''}: Access, Web Conferencing, A/V)` }];
    }),
  ),
  rule('EDGE-26', Severity.WARNING, 'One public IP address per Edge server is possible but not recommended', `${EDGE_ENV} (library rule: the warning form of EDGE-11)`, (m) =>
    m.edgePools
      .filter((e) => !(e.loadBalancing === LoadBalancing.HARDWARE && e.externalNat !== false))
      .filter((e) => e.publicIpCount !== 3 * e.servers.length + (e.loadBalancing === LoadBalancing.HARDWARE ? 3 : 0) && e.publicIpCount === e.servers.length + (e.loadBalancing === LoadBalancing.HARDWARE ? 1 : 0))
      .map((e) => ({ path: e.path, message: `Edge pool ${e.internalFqdn} has ${e.publicIpCount} public IPs for ${e.servers.length} servers (one per server, services told apart by port); possible but not recommended; use three per server (Access, Web Conferencing, A/V)` })),
  ),
  // One fact, one finding: VM-2's Edge NIC count and order is this finding.
  alsoReports(rule('EDGE-12', Severity.ERROR, 'Every Edge server has an internal and an external interface', `${EDGE_ENV}; Server requirements for Skype for Business Server 2015`, (m) =>
    m.edgePools.flatMap((e) =>
      e.servers.flatMap((s): Violation[] => {
        const subnets = s.nics.map((n) => n.subnet);
        if (s.nics.length !== 2 || !subnets.includes('perimeter') || !subnets.includes('edge-internal')) {
          return [{ path: s.path, message: `Edge server ${s.computerName} has NICs [${subnets.join(', ')}]; an Edge server needs two, one external (perimeter) and one internal (edge-internal), the external one first` }];
        }
        return subnets[0] !== 'perimeter'
          ? [{ path: s.path, message: `Edge server ${s.computerName} has its internal NIC first, so the default gateway is on the internal side (only the first NIC of an Azure VM holds it); put the external NIC first and give the internal NIC static routes to the internal networks` }]
          : [];
      }),
    ),
  ), 'VM-2'),
  rule('EDGE-15', Severity.ERROR, 'One Edge pool carries SIP federation', `${EDGE_DR}; ${FAILOVER}`, (m) => {
    const fed = m.edgePools.filter((e) => e.federation);
    return fed.length <= 1
      ? []
      : fed.slice(1).map((e) => ({ path: e.path, message: `Edge pools ${fed.map((f) => f.internalFqdn).join(', ')} are all enabled for federation; outbound federation goes through exactly one Edge pool; set federation to true on one pool only (failover moves the flag)` }));
  }),
  rule('EDGE-16', Severity.WARNING, 'Inbound federation does not fail over by SRV priority', `${EDGE_DR} (2014 revision)`, (m) =>
    usesFederation(m) && m.edgePools.length > 1
      ? [{
          path: m.edgePools.find((e) => e.federation)!.path,
          message: `_sipfederationtls._tcp.${m.sipDomain} lists ${m.edgePools.length} Edge pools by priority, but federated partners do not fail over by SRV priority; when the federation Edge pool fails, move the federation flag and repoint the federation records, or publish the Access Edge name through Geo-DNS / a global traffic manager`,
        }]
      : [],
  ),
  rule('EDGE-17', Severity.ERROR, 'One XMPP federation route, an XMPP SRV entry per Edge pool', `${EDGE_DR}; Failing over the Edge pool used for XMPP federation`, (m) => {
    const xmpp = m.edgePools.filter((e) => e.xmppFederation);
    const out: Violation[] = xmpp.slice(1).map((e) => ({
      path: e.path,
      message: `Edge pools ${xmpp.map((x) => x.internalFqdn).join(', ')} all set xmppFederation; an organization has one XMPP federation route (Set-CsSite -XmppExternalFederationRoute); set xmppFederation on one pool only`,
    }));
    return out;
  }),
  rule('EDGE-28', Severity.WARNING, 'An XMPP SRV entry per Edge pool so the XMPP route can fail over', `${EDGE_DR}; Failing over the Edge pool used for XMPP federation (library rule: the warning form of EDGE-17)`, (m) => {
    if (!m.edgePools.some((e) => e.xmppFederation)) return [];
    const name = `${EDGE_SRV.xmpp.name}.${m.sipDomain}`;
    const owners = new Set(m.srvEntries.filter((s) => s.name === name).map((s) => s.ownerPath));
    return m.edgePools
      .filter((e) => !owners.has(e.path))
      .map((e) => ({ path: e.path, message: `Edge pool ${e.internalFqdn} has no ${name} entry; publish one per Edge pool with distinct priorities so the XMPP route can fail over` }));
  }),
  rule('EDGE-18', Severity.ERROR, 'Every Front End pool has an Edge pool for media', `${FAILOVER}; ${EDGE_DR}`, (m) =>
    m.edgePools.length === 0
      ? []
      : m.frontEndPools.flatMap((p): Violation[] => {
          const media = mediaEdgePool(m, p);
          if (media.kind === 'dangling') {
            return [{ path: p.path, message: `pool ${p.fqdn} is associated with Edge pool ${media.path}, which is not an Edge pool of this deployment; call associateEdgePool with one of its Edge pools` }];
          }
          return [];
        }),
  ),
  rule('EDGE-29', Severity.WARNING, 'Every Front End pool has an Edge pool for media', `${FAILOVER}; ${EDGE_DR} (library rule: the warning form of EDGE-18)`, (m) =>
    m.edgePools.length === 0
      ? []
      : m.frontEndPools
          .filter((p) => mediaEdgePool(m, p).kind === 'none')
          .map((p) => ({ path: p.path, message: `pool ${p.fqdn} has no Edge pool for media (it is no Edge pool's next hop in its site and associateEdgePool was not called); external users homed on it get no A/V; call pool.associateEdgePool(edge)` })),
  ),
  rule('EDGE-19', Severity.ERROR, 'Every Edge pool has an existing next hop', FAILOVER, (m) => {
    const hops = new Set([...m.frontEndPools, ...m.directorPools].map((p) => p.path));
    return m.edgePools
      .filter((e) => !hops.has(e.nextHopPath))
      .map((e) => ({ path: e.path, message: `the next hop of Edge pool ${e.internalFqdn} is ${e.nextHopPath}, which is not a Front End or Director pool of this deployment; set nextHop to one of its pools` }));
  }),
  rule('EDGE-30', Severity.WARNING, 'An alternative next hop exists for every Edge pool', `${FAILOVER} (library rule: the warning form of EDGE-19)`, (m) => {
    const pools = [...m.frontEndPools, ...m.directorPools];
    if (pools.length >= 2) return [];
    return m.edgePools
      .filter((e) => pools.some((p) => p.path === e.nextHopPath))
      .map((e) => ({ path: e.path, message: `Edge pool ${e.internalFqdn} has no alternative next hop: its next hop ${shortName(e.nextHopPath)} is the only Front End or Director pool; before that pool fails over, the Edge must be repointed (Invoke-CsPoolFailover refuses otherwise); add a pool in another site` }));
  }),
  rule('EDGE-21', Severity.ERROR, 'Edge servers run no other role', 'Topology Basics for Skype for Business Server', (m) => {
    const owners = new Map<string, string>();
    const edges = new Set(m.edgePools.map((e) => e.path));
    for (const g of serverGroups(m)) if (!edges.has(g.path)) for (const s of g.servers) owners.set(s.path, g.path);
    return m.edgePools.flatMap((e) =>
      e.servers.flatMap((s): Violation[] => {
        if (s.role !== ServerRole.EDGE) return [{ path: s.path, message: `server ${s.computerName} of Edge pool ${e.internalFqdn} has role ${s.role}; the Edge role cannot be collocated with any other role; use dedicated Edge servers` }];
        const other = owners.get(s.path);
        return other ? [{ path: s.path, message: `Edge server ${s.computerName} is also a member of ${other}; the Edge role cannot be collocated with any other role; use dedicated Edge servers` }] : [];
      }),
    );
  }),
  rule('SRV-1', Severity.ERROR, 'Edge pools publishing one SRV name use distinct priorities', EDGE_DR, (m) => {
    const out: Violation[] = [];
    // Only the Edge pools' public SRV names: internal registrar discovery (VOICE-5) uses equal priorities on purpose.
    for (const entries of [...srvGroups(m).values()].filter((g) => g[0].scope === 'public')) {
      entries.forEach((e, i) => {
        const clash = entries.slice(0, i).find((o) => o.priority === e.priority && o.ownerPath !== e.ownerPath);
        if (clash) out.push({ path: e.ownerPath, message: `${e.name} priority ${e.priority} is also used by ${clash.ownerPath}; each Edge pool needs its own priority so clients have a defined failover order; change srvPriority` });
      });
    }
    return out;
  }),
  rule('SRV-2', Severity.ERROR, 'SRV priority, weight and port are whole numbers from 0 to 65535', 'RFC 2782', (m) =>
    m.srvEntries.flatMap((e) =>
      (['priority', 'weight', 'port'] as const)
        .filter((k) => !isWhole16(e[k]))
        .map((k) => ({ path: e.ownerPath, message: `${e.name} ${k} is ${e[k]}; SRV ${k} is a whole number from 0 to 65535; change it` })),
    ),
  ),
  rule('DNS-5', Severity.ERROR, 'Edge DNS load balancing records', `${LB_REQ}; ${EDGE_ENV}`, (m) =>
    m.edgePools
      .filter((e) => e.loadBalancing === LoadBalancing.DNS)
      .flatMap((e) => {
        const out: Violation[] = [];
        const n = e.servers.length;
        for (const f of externalFqdns(e)) {
          const values = publicValues(m, f.fqdn, 'public') ?? [];
          if (values.length !== n) out.push({ path: e.path, message: `public name ${f.fqdn} has ${values.length} A record(s) for ${n} Edge servers; DNS load balancing needs one per server` });
        }
        const members = e.servers.map(internalIp).filter((x): x is string => !!x);
        const pool = publicValues(m, e.internalFqdn, 'private') ?? [];
        if (pool.length !== members.length || members.some((ip) => !pool.includes(ip))) {
          out.push({ path: e.path, message: `internal pool FQDN ${e.internalFqdn} resolves to [${pool.join(', ')}] but the members' internal addresses are [${members.join(', ')}]; it needs one A record per member` });
        }
        for (const s of e.servers) {
          const own = publicValues(m, s.fqdn, 'private') ?? [];
          const ip = internalIp(s);
          if (!ip || !own.includes(ip)) out.push({ path: s.path, message: `Edge server ${s.fqdn} has no A record for its internal address ${ip}; every member needs its own host record` });
        }
        return out;
      }),
  ),
  rule('DNS-8', Severity.ERROR, 'An SRV record targets an A name in its own DNS domain', 'Advanced Edge Server DNS planning for Skype for Business Server', (m) =>
    m.srvEntries.flatMap((e): Violation[] => {
      const domain = e.name.toLowerCase().split('.').slice(2).join('.');
      const target = e.target.toLowerCase();
      if (!target.endsWith('.' + domain)) {
        return [{ path: e.ownerPath, message: `${e.name} targets ${e.target}, outside ${domain}; an SRV record must target a name in its own DNS domain; use an Access Edge FQDN in ${domain}` }];
      }
      return publicValues(m, target, e.scope) === undefined
        ? [{ path: e.ownerPath, message: `${e.name} targets ${e.target}, which has no A record in the ${e.scope} zone; an SRV target must be an A/AAAA name` }]
        : [];
    }),
  ),
  // One fact, one finding: on Azure every Edge public address is NAT'd, so EDGE-7 (NAT only with DNS load balancing) is this finding.
  alsoReports(rule('AZURE-3', Severity.ERROR, 'Edge pools on Azure use DNS load balancing', `${LB_REQ}; ${EDGE_ENV}`, (m) =>
    m.edgePools
      .filter((e) => e.loadBalancing === LoadBalancing.HARDWARE)
      .map((e) => ({ path: e.path, message: `Edge pool ${e.internalFqdn} sets loadBalancing to ${e.loadBalancing}; Azure public IPs are NAT'd and a hardware-load-balanced Edge forbids NAT; set loadBalancing to LoadBalancing.DNS (one static Standard public IP per server and service)` })),
  ), 'EDGE-7'),
];

export const EDGE_STATUS: RuleStatus[] = [
  reportedAs('EDGE-7', 'AZURE-3', 'Azure public IPs are always NAT\'d, so a hardware-load-balanced Edge pool (the only case EDGE-7 forbids NAT for) is AZURE-3\'s error, reported once there.'),
  status('EDGE-8', RuleStatusKind.BY_CONSTRUCTION, 'The library builds no hardware load balancer for Edge (AZURE-3 makes LoadBalancing.HARDWARE an error), so the hardware-load-balancer settings never apply.'),
  status('EDGE-9', RuleStatusKind.BY_CONSTRUCTION, 'No hardware load balancer on the internal Edge side: both interfaces use DNS load balancing (EDGE-6, AZURE-3).'),
  status('EDGE-13', RuleStatusKind.BY_CONSTRUCTION, 'The Edge internal NIC always has a static IPv4 address in the edge-internal subnet.'),
  status('EDGE-14', RuleStatusKind.IN_RUNBOOK, 'The library issues no certificates, so nothing can differ between the servers of a pool; the certificate plan has a row per Edge pool for its external certificate (subject, SANs, the same certificate and private key on every server of the pool, exported with its private key) and the runbook section "Edge pool <FQDN>" says to import that exported certificate on every server, a rebuilt or added one included.'),
  // SRV-3 only re-checked how the DNS building block merges entries: checked on the rendered SRV
  // record sets instead (test/rendered-invariants.test.ts).
  status('SRV-3', RuleStatusKind.BY_CONSTRUCTION, 'The DNS plan (lib/model/dns-plan.ts, rendered by lib/azure/dns.ts) merges every entry asked for one SRV name into one record set; each EdgePool asks once for its _sip._tls entry in its constructor and at most once for _sipfederationtls._tcp and _xmpp-server._tcp, each site\'s first-hop pool once for _sipinternaltls._tcp. No prop adds an entry; checked on the rendered SRV record sets.'),
  status('EDGE-22', RuleStatusKind.BY_CONSTRUCTION, 'Every Edge pool has its entry, in priority order, in the one _sip._tls record set (SRV-1, SRV-3), so clients fail over without admin action.'),
  status('EDGE-23', RuleStatusKind.NOT_MODELLED, 'No limit on Edge pools per site is documented; the library does not count them and recommends one Edge pool per site (EDGE-4).'),
];
