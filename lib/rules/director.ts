/** Director pools (DIR-*): size, capacity, placement, dedication, load balancing, web FQDNs. */
import { ProductVersion, Severity } from '../enums';
import { addressInCidr } from '../model/addresses';
import { productName, shortName, siteOf } from '../model/queries';
import { ServerModel, ServerRole, TopologyModel } from '../model/topology';
import { productProfile } from '../model/versions';
import { branchUsersOfSite } from '../model/voice';
import { reportedAs, rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const TOPOLOGY = 'Topology Basics for Skype for Business Server';
const CAPACITY = 'Capacity planning user model usage for Skype for Business Server';

const MAX_DIRECTORS = 10;

/** Concurrent remote users one Director serves (DIR-2). */
function remoteUsersPerDirector(version: ProductVersion): number {
  return productProfile(version).remoteUsersPerDirector;
}

/** A pool that must stay in one site (DIR-3, MED-3). */
interface SitedPool {
  readonly path: string;
  readonly sitePath: string;
  readonly fqdn: string;
  readonly servers: readonly ServerModel[];
}

/** Servers of a pool whose address lies outside the pool's site: the pool would be stretched. */
export function stretchedPoolViolations(m: TopologyModel, pools: readonly SitedPool[], kind: string): Violation[] {
  return pools.flatMap((p) => {
    const site = siteOf(m, p.sitePath);
    if (!site) return [{ path: p.path, message: `${kind} ${p.fqdn} names site ${p.sitePath}, which is not a central site of the deployment; create the pool in a CentralSite` }];
    const outside = p.servers.filter((s) => !addressInCidr(s.nics[0]?.privateIp ?? '', site.addressSpace));
    return outside.length === 0
      ? []
      : [{
          path: p.path,
          message: `servers ${outside.map((s) => `${s.computerName} (${s.nics[0]?.privateIp})`).join(', ')} of ${kind} ${p.fqdn} are outside site ${site.name} (${site.addressSpace}); ${kind}s cannot be stretched across sites; create a separate pool in the other site`,
        }];
  });
}

/** Servers by FQDN and by the address of any NIC, with their model order (DIR-4 looks every Director up). */
function serverIndex(m: TopologyModel) {
  const byFqdn = new Map<string, { server: ServerModel; index: number }[]>();
  const byIp = new Map<string, { server: ServerModel; index: number }[]>();
  const add = (map: Map<string, { server: ServerModel; index: number }[]>, key: string, entry: { server: ServerModel; index: number }) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  m.servers.forEach((server, index) => {
    add(byFqdn, server.fqdn, { server, index });
    for (const ip of new Set(server.nics.map((n) => n.privateIp))) add(byIp, ip, { server, index });
  });
  return { byFqdn, byIp };
}

export const DIRECTOR_RULES = [
  rule('DIR-1', Severity.ERROR, 'At most 10 Directors per pool', TOPOLOGY, (m) =>
    m.productVersion === ProductVersion.LYNC_SERVER_2013
      ? []
      : m.directorPools
          .filter((d) => d.servers.length > MAX_DIRECTORS)
          .map((d) => ({
            path: d.path,
            message: `servers is ${d.servers.length}; a Director pool of ${productName(m)} holds at most ${MAX_DIRECTORS} Directors; set servers to ${MAX_DIRECTORS} or fewer, or add another Director pool`,
          })),
  ),
  rule('DIR-7', Severity.WARNING, 'At most 10 Directors per pool in Lync Server 2013 (UNCONFIRMED)', `${TOPOLOGY} (library rule: the warning form of DIR-1)`, (m) =>
    m.productVersion !== ProductVersion.LYNC_SERVER_2013
      ? []
      : m.directorPools
          .filter((d) => d.servers.length > MAX_DIRECTORS)
          .map((d) => ({
            path: d.path,
            message: `servers is ${d.servers.length}; the limit of ${MAX_DIRECTORS} Directors per pool is documented for Skype for Business Server 2015 and 2019 (and inherited by Subscription Edition) and UNCONFIRMED for Lync Server 2013; use at most ${MAX_DIRECTORS}, or split the remote users over another Director pool`,
          })),
  ),
  rule('DIR-2', Severity.WARNING, 'At least two Directors, and one per 12,000 (2019, SE: 18,000) concurrent remote users', CAPACITY, (m) =>
    m.directorPools.flatMap((d) => {
      const out: Violation[] = [];
      if (d.servers.length < 2) {
        out.push({ path: d.path, message: `servers is ${d.servers.length}; a single Director gives no high availability; use at least 2 Directors` });
      }
      // Not sized (no remoteUsers): no capacity finding. Sized: the site's branch users count too (Microsoft counts them).
      if (d.remoteUsers === undefined) return out;
      const per = remoteUsersPerDirector(m.productVersion);
      const branch = branchUsersOfSite(m, d.sitePath);
      const needed = Math.ceil((d.remoteUsers + branch) / per);
      if (needed > d.servers.length) {
        const counted = branch > 0 ? `${d.remoteUsers} remote users plus ${branch} users of survivable branches registered in site ${shortName(d.sitePath)}` : `remoteUsers is ${d.remoteUsers}`;
        out.push({ path: d.path, message: `${counted}; at ${per.toLocaleString('en-US')} concurrent remote users per Director (${productName(m)}) the pool needs ${needed} Directors but has ${d.servers.length}; set servers to ${needed}` });
      }
      return out;
    }),
  ),
  rule('DIR-3', Severity.ERROR, 'Director pools are not stretched across sites', CAPACITY, (m) =>
    stretchedPoolViolations(m, m.directorPools, 'Director pool'),
  ),
  rule('DIR-4', Severity.ERROR, 'Directors are dedicated servers (no collocation, no users homed)', TOPOLOGY, (m) => {
    const servers = serverIndex(m);
    return m.directorPools.flatMap((d) => {
      const own = new Set(d.servers.map((s) => s.path));
      return d.servers.flatMap((s) => {
        if (s.role !== ServerRole.DIRECTOR) {
          return [{ path: s.path, message: `server ${s.computerName} of Director pool ${d.fqdn} has role ${s.role}; a Director runs no other role and homes no users; use a dedicated Director server` }];
        }
        // The first other server (in model order) with the Director's FQDN or primary address.
        const shared = [...(servers.byFqdn.get(s.fqdn) ?? []), ...(s.nics[0] ? servers.byIp.get(s.nics[0].privateIp) ?? [] : [])]
          .filter((o) => !own.has(o.server.path))
          .sort((a, b) => a.index - b.index)[0]?.server;
        return shared
          ? [{ path: s.path, message: `Director ${s.computerName} (${s.fqdn}, ${s.nics[0]?.privateIp}) is the same machine as ${shared.role} server ${shared.computerName}; the Director role cannot be collocated; give the Director its own server` }]
          : [];
      });
    });
  }),
];

export const DIRECTOR_STATUS: RuleStatus[] = [
  status('DIR-5', RuleStatusKind.BY_CONSTRUCTION, 'Every Director pool gets an internal load balancer for 80, 443, 8080 and 4443 (and 444 and 5061 when its SIP is hardware balanced), whatever its size. Checked on the rendered load balancers (test/invariants.ts webPoolsBalanced).'),
  reportedAs('DIR-6', 'NAME-4', 'A Director pool\'s web services FQDN that another pool or server also uses is one of the deployment-wide FQDN clashes NAME-4 reports, once per pair of constructs.'),
];
