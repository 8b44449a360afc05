/** Office Web Apps / Office Online Server farms (OWA-*): dedicated servers, farm FQDN on a VIP, internal placement. */
import { Severity } from '../enums';
import { aRecordValues } from '../model/queries';
import { OfficeOnlineFarmModel, TopologyModel } from '../model/topology';
import { rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const CONF = 'Plan for conferencing in Skype for Business Server (Office Web Apps / Office Online Server)';
const DNS = 'DNS requirements for Skype for Business Server; Plan Office Online Server (load-balanced farm)';

function farms(m: TopologyModel): readonly OfficeOnlineFarmModel[] {
  return m.officeOnlineFarms ?? [];
}

/** What is wrong with how a farm's FQDN resolves, or undefined when it names the farm's one address. */
function farmAddressProblem(m: TopologyModel, f: OfficeOnlineFarmModel): string | undefined {
  const resolved = aRecordValues(m, 'private', f.fqdn) ?? [];
  if (f.servers.length === 1) {
    return resolved.length === 1 ? undefined : `farm FQDN ${f.fqdn} resolves to ${JSON.stringify(resolved)}; a one-server farm's FQDN must resolve to that server only`;
  }
  const vip = f.loadBalancer?.privateIp;
  if (vip === undefined) return `the farm has ${f.servers.length} servers and no load balancer; a multi-server farm is one FQDN on a load-balanced VIP`;
  if (resolved.length !== 1 || resolved[0] !== vip) return `farm FQDN ${f.fqdn} resolves to ${JSON.stringify(resolved)}, not to its load balancer's address ${vip}`;
  return undefined;
}

export const OFFICE_ONLINE_RULES = [
  rule('OWA-2', Severity.WARNING, 'An Office Online Server farm is one FQDN on a VIP, dedicated to a pool or shared by the pools of its site', `${DNS}; ${CONF}`, (m) => {
    const byPath = new Map(farms(m).map((f) => [f.path, f] as const));
    const out: Violation[] = [];
    for (const f of farms(m)) {
      const problem = farmAddressProblem(m, f);
      if (problem) out.push({ path: f.path, message: `${problem}; put the servers behind the farm's internal load balancer (OfficeOnlineServerFarm builds one for more than one server) and resolve the farm FQDN to its VIP only` });
    }
    for (const p of m.frontEndPools) {
      const farm = p.officeOnlineFarmPath === undefined ? undefined : byPath.get(p.officeOnlineFarmPath);
      if (p.officeOnlineFarmPath !== undefined && farm === undefined) {
        out.push({ path: p.path, message: `the pool is associated with Office Online Server farm ${p.officeOnlineFarmPath}, which the topology does not hold; associate an OfficeOnlineServerFarm of this deployment` });
      } else if (farm && farm.sitePath !== p.sitePath) {
        out.push({ path: p.path, message: `the pool in ${p.sitePath} uses Office Online Server farm ${farm.fqdn} of ${farm.sitePath}; a farm is dedicated to a pool or shared by the pools of its own site; add an OfficeOnlineServerFarm to ${p.sitePath} and associate it` });
      }
    }
    return out;
  }),
  rule('OWA-3', Severity.WARNING, 'An Office Online Server farm stays internal; external users reach it through the reverse proxy', `${CONF}; Configuration requirements for reverse proxy (the reverse proxy publishes the Office Web Apps Server)`, (m) => {
    const out: Violation[] = [];
    const proxyOf = new Map((m.reverseProxies ?? []).map((p) => [p.sitePath, p] as const));
    for (const f of farms(m)) {
      if (f.externalFqdn === undefined) continue;
      const proxy = proxyOf.get(f.sitePath);
      const published = proxy?.published.find((p) => p.fqdn === f.externalFqdn!.toLowerCase() && p.nextHopPath === f.path);
      if (!published) {
        out.push({ path: f.path, message: `the farm's external FQDN ${f.externalFqdn} is ${proxy ? `not published by reverse proxy ${proxy.path}` : `published by no reverse proxy (site ${f.sitePath} has none)`}, so external users cannot load meeting content; add a ReverseProxy to the farm's site, which publishes it on 443 (keep the farm internal, never in the perimeter)` });
      }
    }
    return out;
  }),
];

export const OFFICE_ONLINE_STATUS: RuleStatus[] = [
  status('OWA-1', RuleStatusKind.BY_CONSTRUCTION, 'OfficeOnlineServerFarm builds its own servers (role Office Online Server, own subnet); no construct adds an SfB role to them.'),
];
