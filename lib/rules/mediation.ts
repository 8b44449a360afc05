/** Mediation pools (MED-*): collocated pool size, load balancing, placement, capacity, next hop. */
import { LoadBalancing, ProductVersion, Severity } from '../enums';
import { addressInCidr } from '../model/addresses';
import { aRecordValues, poolByPath, productName, shortName } from '../model/queries';
import { TopologyModel } from '../model/topology';
import { productProfile } from '../model/versions';
import { voiceOf } from '../model/voice';
import { stretchedPoolViolations } from './director';
import { rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const MEDIATION = 'Mediation Server component in Skype for Business Server';
const LB_REQ = 'Load balancing requirements for Skype for Business';
const CAPACITY = 'Capacity planning user model usage for Skype for Business Server';

/** Registrar pool limit for a pool with collocated Mediation (MED-1); 2019's (and SE's) 16 is UNCONFIRMED (ProductProfile). */
const COLLOCATED_LIMIT = 12;

/** Calls one stand-alone Mediation server carries without media bypass (MED-6, hyper-threading on as on Azure VMs). */
function callsPerMediationServer(version: ProductVersion): number {
  return productProfile(version).callsPerMediationServer;
}

function addresses(m: TopologyModel, fqdn: string): readonly string[] {
  return aRecordValues(m, 'private', fqdn) ?? [];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export const MEDIATION_RULES = [
  rule('MED-1', Severity.ERROR, 'A Front End pool with collocated Mediation holds at most 12 servers', MEDIATION, (m) => {
    const presumed = productProfile(m.productVersion).collocatedMediationPresumedLimit;
    const limit = presumed ?? COLLOCATED_LIMIT;
    return m.frontEndPools
      .filter((p) => p.collocatedMediation && p.servers.length > limit)
      .map((p) => ({
        path: p.path,
        message: `frontEndServers is ${p.servers.length} with collocatedMediation; a Front End pool with collocated Mediation Servers holds at most ${limit} servers in ${productName(m)}; lower frontEndServers, or set collocatedMediation to false and add a stand-alone MediationPool`,
      }));
  }),
  rule('MED-8', Severity.WARNING, 'Collocated Mediation above the documented 12 servers (UNCONFIRMED limit)', `${MEDIATION} (library rule: the warning form of MED-1)`, (m) => {
    const presumed = productProfile(m.productVersion).collocatedMediationPresumedLimit;
    if (presumed === undefined) return [];
    return m.frontEndPools
      .filter((p) => p.collocatedMediation && p.servers.length > COLLOCATED_LIMIT && p.servers.length <= presumed)
      .map((p) => ({
        path: p.path,
        message: `frontEndServers is ${p.servers.length} with collocatedMediation; the documented limit is ${COLLOCATED_LIMIT}, and ${productName(m)} presumably allows ${presumed} like its Enterprise pools (UNCONFIRMED); use at most ${COLLOCATED_LIMIT}, or a stand-alone MediationPool`,
      }));
  }),
  rule('MED-2', Severity.ERROR, 'Stand-alone Mediation pools: pool FQDN to every member (DNS), or a load balancer on 5070', `${LB_REQ}; DNS requirements`, (m) =>
    m.mediationPools.flatMap((p): Violation[] => {
      const resolved = addresses(m, p.fqdn);
      if (p.loadBalancing === LoadBalancing.HARDWARE) {
        const lb = p.loadBalancer;
        if (!lb || !lb.rules.some((r) => r.frontendPort === 5070)) {
          return [{ path: p.path, message: `Mediation pool ${p.fqdn} uses hardware load balancing but ${lb ? 'its load balancer has no rule for' : 'has no load balancer on'} port 5070; balance SIP 5070 from the Front Ends, or use LoadBalancing.DNS` }];
        }
        return sameSet(resolved, [lb.privateIp])
          ? []
          : [{ path: p.path, message: `Mediation pool ${p.fqdn} resolves to [${resolved.join(', ')}], not to its load balancer ${lb.privateIp}; point the pool FQDN at the load balancer` }];
      }
      const members = p.servers.map((s) => s.nics[0]?.privateIp ?? '');
      return sameSet(resolved, members)
        ? []
        : [{ path: p.path, message: `Mediation pool ${p.fqdn} resolves to [${resolved.join(', ')}] but its members are [${members.join(', ')}]; DNS load balancing needs one A record for the pool FQDN per member` }];
    }),
  ),
  rule('MED-3', Severity.ERROR, 'Mediation pools are not stretched across sites', CAPACITY, (m) =>
    stretchedPoolViolations(m, m.mediationPools, 'Mediation pool'),
  ),
  rule('MED-6', Severity.WARNING, 'Mediation capacity for the concurrent calls', CAPACITY, (m) =>
    m.mediationPools.flatMap((p) => {
      if (p.concurrentCalls === undefined) return [];
      const per = callsPerMediationServer(m.productVersion);
      // With more than one server, one may fail: the others carry the calls.
      const serving = p.servers.length > 1 ? p.servers.length - 1 : p.servers.length;
      const capacity = serving * per;
      if (p.concurrentCalls <= capacity) return [];
      const needed = Math.ceil(p.concurrentCalls / per) + 1;
      return [{
        path: p.path,
        message: `concurrentCalls is ${p.concurrentCalls}; a stand-alone Mediation server of ${productName(m)} carries about ${per.toLocaleString('en-US')} calls without media bypass, so ${p.servers.length} server(s) with one lost carry ${capacity.toLocaleString('en-US')}; set servers to ${needed} or enable media bypass`,
      }];
    }),
  ),
  rule('MED-5', Severity.WARNING, 'SIP trunks (and gateways without media bypass) use a stand-alone Mediation pool', MEDIATION, (m) =>
    voiceOf(m).peers
      .filter((p) => p.mediation === 'collocated' && (p.kind === 'sip-trunk' || !p.mediaBypass))
      .map((p) => ({
        path: p.path,
        message: p.kind === 'sip-trunk'
          ? `SIP trunk ${p.fqdn} terminates on the collocated Mediation Servers of ${shortName(p.mediationPath)}; SIP trunking should use a stand-alone Mediation pool; create a MediationPool and give it as mediationPool`
          : `PSTN gateway ${p.fqdn} uses the collocated Mediation Servers of ${shortName(p.mediationPath)} without media bypass; collocation is recommended only for qualified gateways with media bypass and DNS load balancing; set mediaBypass if the gateway supports it, or give a stand-alone MediationPool`,
      })),
  ),
  rule('MED-7', Severity.ERROR, 'A Mediation pool\'s next hop is a Front End pool, never a Director', MEDIATION, (m) =>
    m.mediationPools.flatMap((p): Violation[] => {
      const pool = poolByPath(m, p.nextHopPath);
      if (!pool) {
        const director = m.directorPools.some((d) => d.path === p.nextHopPath);
        return [{
          path: p.path,
          message: `nextHop ${p.nextHopPath} is ${director ? 'a Director pool' : 'not a Front End pool of this deployment'}; a Mediation pool routes to a Front End pool or Standard Edition server, never to a Director; set nextHop to a FrontEndPool`,
        }];
      }
      return [];
    }),
  ),
  rule('MED-10', Severity.WARNING, 'A PSTN peer of a stand-alone Mediation pool lies in the pool\'s gatewayPrefixes', `${MEDIATION} (library rule: the warning form of MED-4)`, (m) => {
    const pools = new Map(m.mediationPools.map((p) => [p.path, p]));
    return voiceOf(m).peers.flatMap((peer): Violation[] => {
      const pool = peer.mediation === 'stand-alone' ? pools.get(peer.mediationPath) : undefined;
      // ["VirtualNetwork"] (the default) covers on-premises networks behind VPN or ExpressRoute: nothing to compare.
      const prefixes = (pool?.gatewayPrefixes ?? []).filter((x) => x !== 'VirtualNetwork');
      if (!pool || prefixes.length === 0 || prefixes.some((cidr) => addressInCidr(peer.address, cidr))) return [];
      return [{
        path: peer.path,
        message: `${peer.kind === 'sip-trunk' ? 'SIP trunk' : 'PSTN gateway'} ${peer.fqdn} has address ${peer.address}, outside gatewayPrefixes [${prefixes.join(', ')}] of its Mediation pool ${pool.fqdn}; its own NSG rules admit it, but the pool states where its gateways are (MED-4); correct the address, or add the gateway's network to gatewayPrefixes`,
      }];
    });
  }),
  rule('MED-9', Severity.WARNING, 'A Mediation pool\'s next hop is in its own site', `${MEDIATION} (library rule: the warning form of MED-7)`, (m) =>
    m.mediationPools.flatMap((p): Violation[] => {
      const pool = poolByPath(m, p.nextHopPath);
      return !pool || pool.sitePath === p.sitePath
        ? []
        : [{
            path: p.path,
            message: `nextHop ${shortName(pool.path)} (${pool.fqdn}) is in site ${pool.sitePath}, the Mediation pool in ${p.sitePath}; every call then crosses the WAN and the pool stops with the other site; use a Front End pool of the Mediation pool's own site`,
          }];
    }),
  ),
];

export const MEDIATION_STATUS: RuleStatus[] = [
  status('MED-4', RuleStatusKind.BY_CONSTRUCTION, 'Gateway peers are a property of the MediationPool (gatewayPrefixes), never of one server: one NSG rule lets every gateway reach every member on 5067/5068 and the pool FQDN resolves to every member. Segmenting gateways means creating separate pools.'),
];
