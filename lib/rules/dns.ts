/** DNS and load balancing (DNS-*): DNS load balancing records, web FQDNs, SRV targets. */
import { LoadBalancing, Severity } from '../enums';
import { aRecordValues } from '../model/queries';
import { LoadBalancerModel, ServerModel, TopologyModel } from '../model/topology';
import { fqdnClashes } from './naming';
import { reportedAs, rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const LB_REQ = 'Load balancing requirements for Skype for Business';

/** Front End and Director pools: their SIP may be DNS load balanced (DNS-2, DNS-3). */
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

function records(m: TopologyModel, fqdn: string): readonly string[] {
  return aRecordValues(m, 'private', fqdn) ?? [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

export const DNS_RULES = [
  rule('DNS-2', Severity.ERROR, 'DNS load balancing: pool FQDN resolves to every member, each member has its own record', LB_REQ, (m) =>
    dnsBalancedPools(m).flatMap((p) => {
      const out: Violation[] = [];
      const memberIps = p.servers.map((s) => s.nics[0]?.privateIp ?? '');
      const poolIps = records(m, p.fqdn);
      // A pool FQDN another construct also uses resolves to both: NAME-4's finding, not a second one here.
      if (!sameSet(poolIps, memberIps) && !fqdnClashes(m).clashed.has(p.fqdn.toLowerCase())) {
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
      // An internal web FQDN equal to the pool FQDN, or used by another construct too, is NAME-4's finding.
      const clashes = fqdnClashes(m);
      if (p.internalWebFqdn.toLowerCase() === p.fqdn.toLowerCase() || clashes.clashed.has(p.internalWebFqdn.toLowerCase())) return [];
      const ips = records(m, p.internalWebFqdn);
      const vip = p.webLoadBalancer?.privateIp;
      return vip && !sameSet(ips, [vip])
        ? [{ path: p.path, message: `internal web FQDN ${p.internalWebFqdn} resolves to [${ips.join(', ')}], not to the load balancer address ${vip}; point it at the load balancer` }]
        : [];
    }),
  ),
];

export const DNS_STATUS: RuleStatus[] = [
  status('DNS-1', RuleStatusKind.BY_CONSTRUCTION, 'Every Enterprise Edition pool and every Director pool gets an internal load balancer for web services (FE-13, DIR-5); only SIP is DNS load balanced. Checked on the rendered load balancers (test/invariants.ts webPoolsBalanced).'),
  reportedAs('DNS-4', 'NAME-4', 'Web services FQDNs are among the FQDNs NAME-4 keeps unique across the deployment; a reused one is reported once, under NAME-4, per pair of constructs.'),
  status('DNS-6', RuleStatusKind.NOT_MODELLED, 'Taking a server out of DNS load balancing is an operating procedure; the library always publishes every deployed member (DNS-2).'),
  status('DNS-7', RuleStatusKind.NOT_MODELLED, 'Client and Exchange UM versions are outside the topology the library describes.'),
  status('DNS-10', RuleStatusKind.BY_CONSTRUCTION, 'The web internal load balancer has 80/443 with source-IP affinity, 8080/4443 without, a 30-minute idle timeout and a TCP probe on 5061 (webServiceRules in lib/azure/web-services.ts; AZURE-4, checked on the rendered load balancers).'),
  status('DNS-11', RuleStatusKind.BY_CONSTRUCTION, 'The library publishes DNS load balancing for Lync/SfB servers and clients, which retry every returned address.'),
];

