/** DNS and load balancing (DNS-*): DNS load balancing records, web FQDNs, SRV targets. */
import { LoadBalancing, Severity } from '../enums';
import { LoadBalancerModel, ServerModel, TopologyModel } from '../model/topology';
import { rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const LB_REQ = 'Load balancing requirements for Skype for Business';

/** Pools whose web traffic needs a hardware load balancer (DNS-1): Front End and Director pools. */
interface WebPool {
  readonly path: string;
  readonly fqdn: string;
  readonly kind: string;
  readonly servers: readonly ServerModel[];
  readonly sipLoadBalancing: LoadBalancing;
  readonly internalWebFqdn: string;
  readonly externalWebFqdn: string;
  readonly webLoadBalancer?: LoadBalancerModel;
}

function webPools(m: TopologyModel): WebPool[] {
  return [
    ...m.frontEndPools.map((p) => ({ ...p, kind: 'Front End pool' })),
    ...m.directorPools.map((d) => ({ ...d, kind: 'Director pool' })),
  ];
}

/** DNS-load-balanced pools whose FQDN must resolve to every member. */
function dnsBalancedPools(m: TopologyModel): { path: string; fqdn: string; servers: readonly ServerModel[] }[] {
  return [
    ...webPools(m).filter((p) => p.sipLoadBalancing === LoadBalancing.DNS && p.servers.length > 1),
    ...m.mediationPools.filter((p) => p.loadBalancing === LoadBalancing.DNS && p.servers.length > 1),
  ];
}

/** Private A records by lower-case name, built once per model (DNS-2 asks for every server). */
const privateA = new WeakMap<TopologyModel, Map<string, string[]>>();

function records(m: TopologyModel, fqdn: string): string[] {
  let byName = privateA.get(m);
  if (!byName) {
    byName = new Map();
    for (const r of m.dnsRecords) {
      if (r.scope !== 'private' || r.type !== 'A') continue;
      const key = r.fqdn.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), ...r.values]);
    }
    privateA.set(m, byName);
  }
  return byName.get(fqdn.toLowerCase()) ?? [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function duplicates(entries: { path: string; fqdn: string; what: string }[], what: string): Violation[] {
  const out: Violation[] = [];
  entries.forEach((e, i) => {
    const first = entries.findIndex((o) => o.fqdn.toLowerCase() === e.fqdn.toLowerCase());
    if (first < i && entries[first].path !== e.path) {
      out.push({
        path: e.path,
        message: `${e.what} ${e.fqdn} is already used by ${entries[first].path}; ${what} must be unique across all Front End pools, Standard Edition servers and Director pools; give this pool its own ${e.what}`,
      });
    }
  });
  return out;
}

export const DNS_RULES = [
  rule('DNS-1', Severity.ERROR, 'Multi-server Front End and Director pools need a load balancer for web services', LB_REQ, (m) =>
    webPools(m).flatMap((p) => {
      if (p.servers.length <= 1) return [];
      const ports = new Set((p.webLoadBalancer?.rules ?? []).map((r) => r.frontendPort));
      const missing = [443, 4443].filter((x) => !ports.has(x));
      return missing.length === 0
        ? []
        : [{
            path: p.path,
            message: `${p.kind} ${p.fqdn} has ${p.servers.length} servers but its web traffic on port(s) ${missing.join(', ')} is not load balanced; DNS load balancing cannot carry HTTP/HTTPS, so web services need a load balancer (internal load balancer on 80, 443, 8080, 4443)`,
          }];
    }),
  ),
  rule('DNS-2', Severity.ERROR, 'DNS load balancing: pool FQDN resolves to every member, each member has its own record', LB_REQ, (m) =>
    dnsBalancedPools(m).flatMap((p) => {
      const out: Violation[] = [];
      const memberIps = p.servers.map((s) => s.nics[0]?.privateIp ?? '');
      const poolIps = records(m, p.fqdn);
      if (!sameSet(poolIps, memberIps)) {
        out.push({
          path: p.path,
          message: `pool FQDN ${p.fqdn} resolves to [${poolIps.join(', ')}] but the members are [${memberIps.join(', ')}]; under DNS load balancing the pool FQDN needs one A record per deployed member`,
        });
      }
      for (const s of p.servers) {
        const own = records(m, s.fqdn);
        if (!own.includes(s.nics[0]?.privateIp ?? '')) {
          out.push({ path: s.path, message: `server ${s.fqdn} has no A record for its address ${s.nics[0]?.privateIp}; every member of a DNS-load-balanced pool needs its own host record` });
        }
      }
      return out;
    }),
  ),
  rule('DNS-3', Severity.ERROR, 'Internal web FQDN differs from the pool FQDN and resolves to the load balancer', LB_REQ, (m) =>
    webPools(m).flatMap((p) => {
      if (p.servers.length <= 1) return [];
      if (p.internalWebFqdn.toLowerCase() === p.fqdn.toLowerCase()) {
        return [{ path: p.path, message: `internalWebFqdn ${p.internalWebFqdn} equals the pool FQDN; a DNS-load-balanced pool needs a separate internal web services FQDN that resolves to the load balancer; set internalWebFqdn to another name (e.g. web-int.${p.fqdn.split('.').slice(1).join('.')})` }];
      }
      const ips = records(m, p.internalWebFqdn);
      const vip = p.webLoadBalancer?.privateIp;
      return vip && !sameSet(ips, [vip])
        ? [{ path: p.path, message: `internal web FQDN ${p.internalWebFqdn} resolves to [${ips.join(', ')}], not to the load balancer address ${vip}; point it at the load balancer` }]
        : [];
    }),
  ),
  rule('DNS-4', Severity.ERROR, 'Web services FQDNs are unique across pools', LB_REQ, (m) => {
    const pools = webPools(m);
    return [
      ...duplicates(pools.map((p) => ({ path: p.path, fqdn: p.externalWebFqdn, what: 'externalWebFqdn' })), 'external web services FQDNs'),
      ...duplicates(pools.map((p) => ({ path: p.path, fqdn: p.internalWebFqdn, what: 'internalWebFqdn' })), 'internal web services FQDNs'),
    ];
  }),
];

export const DNS_STATUS: RuleStatus[] = [
  status('DNS-6', RuleStatusKind.NOT_MODELLED, 'Taking a server out of DNS load balancing is an operating procedure; the library always publishes every deployed member (DNS-2).'),
  status('DNS-7', RuleStatusKind.NOT_MODELLED, 'Client and Exchange UM versions are outside the topology the library describes.'),
  status('DNS-10', RuleStatusKind.BY_CONSTRUCTION, 'The web internal load balancer has 80/443 with source-IP affinity, 8080/4443 without, a 30-minute idle timeout and a TCP probe on 5061 (checked by AZURE-4).'),
  status('DNS-11', RuleStatusKind.BY_CONSTRUCTION, 'The library publishes DNS load balancing for Lync/SfB servers and clients, which retry every returned address.'),
];

