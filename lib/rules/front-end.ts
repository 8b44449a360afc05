/** Front End pools (FE-*): pool size, quorum over failure domains, load balancing, sites. */
import { PoolEdition, PoolPurpose, Severity } from '../enums';
import { backEndByPath, isEnterprise, productName, serversByFailureDomain } from '../model/queries';
import { FrontEndPoolModel, TopologyModel } from '../model/topology';
import { MAX_FRONT_ENDS, poolQuorum, productProfile } from '../model/versions';
import { alsoReports, reportedAs, rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const FE_HA = 'Front End Pool high availability and management';
const TOPOLOGY_BASICS = 'Topology Basics for Skype for Business Server';

function enterprisePools(m: TopologyModel): FrontEndPoolModel[] {
  return m.frontEndPools.filter(isEnterprise);
}

/** FE-5: losing any one failure domain must leave the pool its quorum. */
function quorumViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const p of enterprisePools(m)) {
    const total = p.servers.length;
    if (total < 2) continue;
    const q = poolQuorum(total);
    const first = new Set(p.servers.slice(0, q.among).map((s) => s.path));
    for (const [domain, lost] of serversByFailureDomain(p.servers)) {
      const lostPaths = new Set(lost.map((s) => s.path));
      const left = p.servers.filter((s) => !lostPaths.has(s.path) && first.has(s.path)).length;
      if (left < q.needed) {
        const among = q.among < total ? ` of the first ${q.among}` : '';
        out.push({
          path: p.path,
          message: `losing failure domain ${domain} takes ${lost.length} of the ${total} Front End servers of ${p.fqdn}, leaving ${left}${among}; the pool needs ${q.needed}${among} running to keep quorum; spread the servers over more availability zones (or fault domains) or change the server count`,
        });
      }
    }
  }
  return out;
}

export const FRONT_END_RULES = [
  // One fact, one finding: VER-6 (the version matrix) states the same limit; FE-1 reports it.
  alsoReports(rule('FE-1', Severity.ERROR, 'Enterprise pool size limit', FE_HA, (m) =>
    enterprisePools(m)
      .filter((p) => p.servers.length > MAX_FRONT_ENDS[m.productVersion])
      .map((p) => ({
        path: p.path,
        message: `frontEndServers is ${p.servers.length}; an Enterprise pool of ${productName(m)} holds at most ${MAX_FRONT_ENDS[m.productVersion]} Front End servers; lower frontEndServers or split the users over another pool`,
      })),
  ), 'VER-6'),
  // A pool of fewer than 3 Front Ends is one fact (FE-3), reported once: VER-5 (2 servers, 2019 and SE,
  // error), FE-2 (2 servers, 2013 and 2015, warning) or FE-4 (1 server, warning).
  alsoReports(rule('FE-2', Severity.WARNING, 'Two-server Enterprise pools (2013, 2015)', FE_HA, (m) =>
    productProfile(m.productVersion).refusesTwoServerPools
      ? []
      : enterprisePools(m)
          // Two Front Ends is what Microsoft's large-meeting topology asks for (FE-16).
          .filter((p) => p.servers.length === 2 && p.purpose !== PoolPurpose.LARGE_MEETINGS)
          .map((p) => ({
            path: p.path,
            message: `frontEndServers is 2; a 2-server Enterprise pool is supported but not recommended (losing the Back End likely stops the pool, and user data wants 3 replicas); use 3 or more, or Standard Edition servers paired for disaster recovery`,
          })),
  ), 'FE-3'),
  alsoReports(rule('FE-4', Severity.WARNING, 'Single-server Enterprise pools give no Front End HA', TOPOLOGY_BASICS, (m) =>
    enterprisePools(m)
      .filter((p) => p.servers.length === 1)
      .map((p) => ({
        path: p.path,
        message: `frontEndServers is 1; a one-server Enterprise pool has no Front End high availability and user data wants 3 replicas${productProfile(m.productVersion).oneServerPoolDocumented ? '' : ` (support for it in ${productName(m)} is UNCONFIRMED)`}; use 3 or more Front End servers or a Standard Edition server`,
      })),
  ), 'FE-3'),
  rule('FE-5', Severity.ERROR, 'Pool quorum survives the loss of any one failure domain', FE_HA, quorumViolations),
  rule('FE-10', Severity.ERROR, 'No stretched Front End pools: the pool and its Back End are in one site', 'Capacity planning user model usage for Skype for Business Server', (m) =>
    m.frontEndPools.flatMap((p) => {
      const be = backEndByPath(m, p.backEndPath);
      return be && be.sitePath !== p.sitePath
        ? [{
            path: p.path,
            message: `the Back End ${be.path} is in site ${be.sitePath} but the pool is in ${p.sitePath}; a Front End pool and its Back End must be in the same site (stretched pools are not supported); create the back end in the pool's CentralSite`,
          }]
        : [];
    }),
  ),
  rule('FE-14', Severity.WARNING, 'Front End capacity for the homed users', 'Capacity planning user model usage for Skype for Business Server', (m) =>
    m.frontEndPools.flatMap((p) => {
      if (p.users === undefined) return [];
      if (p.edition === PoolEdition.STANDARD) return [];
      const max = productProfile(m.productVersion).maxUsersPerPool;
      if (p.users > max) {
        return [{ path: p.path, message: `users is ${p.users}; an Enterprise pool of ${productName(m)} supports at most ${max.toLocaleString('en-US')} users; split the users over more pools` }];
      }
      const needed = Math.ceil(p.users / 6660) + 1;
      return p.servers.length < needed
        ? [{ path: p.path, message: `users is ${p.users}; at about 6,660 users per Front End and one server lost, the pool needs ${needed} Front End servers but has ${p.servers.length}; set frontEndServers to ${needed}` }]
        : [];
    }),
  ),
  rule('FE-21', Severity.ERROR, 'A Standard Edition server is one server with its own SQL Express', 'Capacity planning user model usage for Skype for Business Server (library rule: the error form of FE-15)', (m) =>
    m.frontEndPools
      .filter((p) => p.edition === PoolEdition.STANDARD)
      .flatMap((p) => {
        const out: Violation[] = [];
        if (p.servers.length !== 1) {
          out.push({ path: p.path, message: `frontEndServers is ${p.servers.length}; a Standard Edition "pool" is exactly one server; set frontEndServers to 1, or use PoolEdition.ENTERPRISE for a pool` });
        }
        if (p.backEndPath) {
          out.push({ path: p.path, message: `backEnd ${p.backEndPath} is set; a Standard Edition server keeps its databases in its collocated SQL Express, which cannot be moved; remove backEnd or use PoolEdition.ENTERPRISE` });
        }
        return out;
      }),
  ),
  rule('FE-15', Severity.WARNING, 'A Standard Edition server serves at most 2,500 users', 'Capacity planning user model usage for Skype for Business Server', (m) =>
    m.frontEndPools
      .filter((p) => p.edition === PoolEdition.STANDARD && p.users !== undefined && p.users > 2500)
      .map((p) => ({ path: p.path, message: `users is ${p.users}; a Standard Edition server supports at most 2,500 users; move users to another server or an Enterprise pool` })),
  ),
  rule('TB-3', Severity.ERROR, 'An Enterprise pool has a Back End SQL store', 'Topology Basics for Skype for Business Server (library rule)', (m) =>
    enterprisePools(m)
      .filter((p) => !p.backEndPath)
      .map((p) => ({ path: p.path, message: `Enterprise pool ${p.fqdn} has no backEnd; Topology Builder needs a SQL Server store for every Enterprise pool; pass backEnd (AlwaysOnBackEnd, MirroredBackEnd, FailoverClusterBackEnd or StandaloneBackEnd)` })),
  ),
  // One fact, one finding: TB-2 and VOICE-1 (a site without a Registrar pool) say the same.
  alsoReports(rule('FE-20', Severity.ERROR, 'Every central site has an Enterprise pool or a Standard Edition server', TOPOLOGY_BASICS, (m) => {
    const withPool = new Set(m.frontEndPools.map((p) => p.sitePath));
    return m.sites
      .filter((s) => !withPool.has(s.path))
      .map((s) => ({
        path: s.path,
        message: `central site ${s.name} (${s.location}) has no Enterprise Front End pool and no Standard Edition server, so it has no Registrar pool for its users or as another site's backup Registrar; add a FrontEndPool to the site`,
      }));
  }), 'TB-2', 'VOICE-1'),
];

export const FRONT_END_STATUS: RuleStatus[] = [
  reportedAs('FE-3', ['FE-2', 'FE-4', 'VER-5'], 'A pool of fewer than 3 Front Ends is reported once: VER-5 (2 servers in 2019 and Subscription Edition, error), FE-2 (2 servers in 2013 and 2015, warning) or FE-4 (1 server, warning); each message says why 3 are recommended.'),
  reportedAs('TB-2', 'FE-20', 'The same fact as FE-20 (a central site without an Enterprise pool or Standard Edition server), reported once under FE-20.'),
  status('FE-6', RuleStatusKind.IN_RUNBOOK, 'Start-up quorum matters when a pool is first started or restarted, not a topology property: the "Restore" steps of each runbook section "Front End pool <FQDN>" give the number of Front Ends that must run to start the pool and the QuorumLossRecovery reset.'),
  status('FE-7', RuleStatusKind.NOT_MODELLED, 'Routing-group replicas are placed by the product at run time; the library cannot observe them.'),
  status('FE-9', RuleStatusKind.IN_RUNBOOK, 'The "Restore" steps of every 2-server Enterprise pool (runbook section "Front End pool <FQDN>") give the restart order (together, or in reverse shutdown order) and the QuorumLossRecovery reset; the runbook section "Adding or removing Front End servers (FE-18)" points to them when a pool goes to two servers; FE-2 already warns about 2-server pools.'),
  status('FE-13', RuleStatusKind.BY_CONSTRUCTION, 'Every Enterprise Edition pool gets an internal load balancer for its web services (80, 443, 8080, 4443; with hardware SIP balancing also 444, 5061 and the other SIP ports), whatever its size; a Standard Edition server is one server (FE-21). Checked on the rendered load balancers (test/invariants.ts webPoolsBalanced).'),
  status('FE-12', RuleStatusKind.BY_CONSTRUCTION, 'A pool creates all its servers from one server group: same role, image, size and configuration.'),
  status('FE-17', RuleStatusKind.BY_CONSTRUCTION, 'Front End, Back End, Standard Edition, Persistent Chat and Director servers get exactly one NIC (checked again by VM-2).'),
  status('FE-18', RuleStatusKind.IN_RUNBOOK, 'The runbook section "Adding or removing Front End servers (FE-18)" restarts the pool\'s Front Ends one at a time, gives the ServiceReset when the whole pool was down, and says when to remove a failed server from the topology.'),
  status('FE-19', RuleStatusKind.IN_RUNBOOK, 'An operating procedure, not a topology property: the runbook section "After pairing pools" says three Front Ends of each pool must run together once after pairing, and three when users are first moved to a pool.'),
];
