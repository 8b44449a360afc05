/** Branch-site resiliency (VOICE-6..9): survivable registrars, their backup Registrar, branch users' PSTN usages. */
import { PoolEdition, ProductVersion, Severity } from '../enums';
import { poolByPath, productName, shortName } from '../model/queries';
import { TopologyModel } from '../model/topology';
import { productProfile } from '../model/versions';
import { BranchSiteModel, SurvivableBranchModel, voiceOf } from '../model/voice';
import { overlaps, parseCidr } from '../model/network';
import { rule, Violation, withUnacknowledgeable } from './rule';

const EV = 'Plan for Enterprise Voice resiliency in Skype for Business Server';
const BRANCH = `${EV}; Branch-site resiliency requirements`;

/** Users one Survivable Branch Appliance serves, and the branch sizes VOICE-6 gives guidance for. */
const SBA_USERS = 1000;
const SMALL_BRANCH = 25;
const LARGE_BRANCH = 2000;

/** Survivable registrars of each branch path, in model order. */
function byBranch(m: TopologyModel): Map<string, SurvivableBranchModel[]> {
  const out = new Map<string, SurvivableBranchModel[]>();
  for (const s of voiceOf(m).survivableBranches) out.set(s.branchPath, [...(out.get(s.branchPath) ?? []), s]);
  return out;
}

const usersOf = (list: readonly SurvivableBranchModel[]) => list.reduce((n, s) => n + s.users, 0);
const kindName = (s: SurvivableBranchModel) => (s.kind === 'appliance' ? 'Survivable Branch Appliance' : 'Survivable Branch Server');

export const BRANCH_RULES = withUnacknowledgeable([
  rule('VOICE-6', Severity.ERROR, 'At most two Survivable Branch Appliances or Servers per branch site', BRANCH, (m) => {
    const groups = byBranch(m);
    return voiceOf(m).branchSites.flatMap((b): Violation[] => {
      const list = groups.get(b.path) ?? [];
      return list.length <= 2
        ? []
        : [{ path: b.path, message: `branch site ${b.name} has ${list.length} survivable registrars (${list.map((s) => s.fqdn).join(', ')}); a branch site holds at most two Survivable Branch Appliances or Servers; remove ${list.length - 2}, or make the branch a central site` }];
    });
  }),
  rule('VOICE-13', Severity.WARNING, 'A branch\'s survivable registrars fit its users', `${BRANCH} (library rule: the warning form of VOICE-6)`, (m) => {
    const groups = byBranch(m);
    return voiceOf(m).branchSites.flatMap((b): Violation[] => {
      const list = groups.get(b.path) ?? [];
      const users = usersOf(list);
      const out: Violation[] = list
        .filter((s) => s.kind === 'appliance' && s.users > SBA_USERS)
        .map((s) => ({ path: s.path, message: `users is ${s.users}; a Survivable Branch Appliance serves up to ${SBA_USERS.toLocaleString('en-US')} users; use a Survivable Branch Server or two appliances for 1,000 to 2,000 users` }));
      if (list.length > 0 && users > LARGE_BRANCH) {
        out.push({ path: b.path, message: `branch site ${b.name} homes ${users.toLocaleString('en-US')} users on survivable registrars; above ${LARGE_BRANCH.toLocaleString('en-US')} users (up to 5,000 with presence and conferencing) make it a central site with a Standard Edition server` });
      } else if (list.length > 0 && users > 0 && users < SMALL_BRANCH) {
        out.push({ path: b.path, message: `branch site ${b.name} homes ${users} users on survivable registrars; below ${SMALL_BRANCH} users branch resiliency is usually not worth its cost; home them on the central site's pool, or acknowledge the finding` });
      }
      return out;
    });
  }),
  rule('VOICE-7', Severity.ERROR, 'Every Survivable Branch Appliance or Server has a backup Registrar in its central site', `${EV}; Front End pool disaster recovery`, (m) => {
    const branches = new Map(voiceOf(m).branchSites.map((b) => [b.path, b]));
    return voiceOf(m).survivableBranches.flatMap((s): Violation[] => {
      const branch = branches.get(s.branchPath);
      if (!s.backupRegistrarPath) {
        return [{ path: s.path, message: `${kindName(s)} ${s.fqdn} has no backupRegistrar; when it or the WAN fails its users cannot sign in; set backupRegistrar to a FrontEndPool of central site ${branch ? shortName(branch.centralSitePath) : 'the branch depends on'}` }];
      }
      const pool = poolByPath(m, s.backupRegistrarPath);
      if (!pool) return [{ path: s.path, message: `backupRegistrar ${s.backupRegistrarPath} is not a Front End pool of this deployment; set it to a FrontEndPool of the branch's central site` }];
      return branch && pool.sitePath !== branch.centralSitePath
        ? [{ path: s.path, message: `backupRegistrar ${pool.fqdn} is in site ${shortName(pool.sitePath)}, not in central site ${shortName(branch.centralSitePath)} the branch ${branch.name} belongs to; Topology Builder associates a branch's survivable registrar with a pool of its central site; use a pool of ${shortName(branch.centralSitePath)}, or tie the branch to ${shortName(pool.sitePath)}` }]
        : [];
    });
  }),
  rule('VOICE-14', Severity.WARNING, 'A backup Registrar pool has room for the branch users it backs up', `${EV}; Capacity planning user model usage for Skype for Business Server (library rule: the warning form of VOICE-7)`, (m) => {
    const backed = new Map<string, number>();
    for (const s of voiceOf(m).survivableBranches) if (s.backupRegistrarPath) backed.set(s.backupRegistrarPath, (backed.get(s.backupRegistrarPath) ?? 0) + s.users);
    return [...backed.keys()].sort().flatMap((path): Violation[] => {
      const pool = poolByPath(m, path);
      const branchUsers = backed.get(path) ?? 0;
      if (!pool || branchUsers === 0) return [];
      const homed = pool.users ?? 0;
      const total = homed + branchUsers;
      const standard = pool.edition === PoolEdition.STANDARD;
      const max = standard ? 2500 : productProfile(m.productVersion).maxUsersPerPool;
      const needed = Math.ceil(total / 6660) + 1;
      // Only what the branch users add: a pool full on its own is FE-14's or FE-15's finding.
      if (homed <= max && total > max) {
        return [{ path: pool.path, message: `pool ${pool.fqdn} homes ${homed.toLocaleString('en-US')} users and backs up ${branchUsers.toLocaleString('en-US')} branch users, ${total.toLocaleString('en-US')} in all; a ${standard ? 'Standard Edition server' : `pool of ${productName(m)}`} supports at most ${max.toLocaleString('en-US')}; back some branches up with another pool` }];
      }
      if (!standard && Math.ceil(homed / 6660) + 1 <= pool.servers.length && pool.servers.length < needed) {
        return [{ path: pool.path, message: `pool ${pool.fqdn} homes ${homed.toLocaleString('en-US')} users and backs up ${branchUsers.toLocaleString('en-US')} branch users; at about 6,660 users per Front End and one server lost it needs ${needed} Front End servers but has ${pool.servers.length}; set frontEndServers to ${needed}` }];
      }
      return [];
    });
  }),
  rule('VOICE-8', Severity.WARNING, 'Branch users have two PSTN usages (branch route, then central route) and find their registrar during a WAN outage', EV, (m) => {
    const voice = voiceOf(m);
    const groups = byBranch(m);
    const peerSite = new Map(voice.peers.map((p) => [p.path, p.sitePath]));
    const centralSites = new Set(m.sites.map((s) => s.path));
    const routesByUsage = new Map<string, (typeof voice.routes)[number][]>();
    for (const r of voice.routes) for (const u of r.usages) routesByUsage.set(u, [...(routesByUsage.get(u) ?? []), r]);
    const reaches = (usage: string, where: (site: string) => boolean) =>
      (routesByUsage.get(usage) ?? []).some((r) => [...r.gatewayPaths, ...r.failoverGatewayPaths].some((g) => where(peerSite.get(g) ?? '')));
    return voice.branchSites.flatMap((b: BranchSiteModel): Violation[] => {
      if ((groups.get(b.path) ?? []).length === 0) return [];
      const problems: string[] = [];
      const [first, ...rest] = b.voiceUsages;
      if (b.voiceUsages.length < 2) problems.push(`voiceUsages is [${b.voiceUsages.join(', ')}]; branch users need two PSTN usages: first one routed through the branch gateway, then one routed through a central-site gateway`);
      else {
        if (!reaches(first, (site) => site === b.path)) problems.push(`the first usage ${first} has no route through a gateway of the branch; route it through the branch's gateway (a PstnGateway in the branch)`);
        if (!rest.some((u) => reaches(u, (site) => centralSites.has(site)))) problems.push(`no later usage (${rest.join(', ')}) has a route through a central-site gateway; add one so calls leave through the central site when the branch gateway fails`);
      }
      if (!b.localRegistrarDiscovery) problems.push('localRegistrarDiscovery is false; without branch DNS caching or DHCP option 120 phones cannot find the survivable registrar while the WAN is down; configure one and set localRegistrarDiscovery');
      return problems.length === 0 ? [] : [{ path: b.path, message: `branch site ${b.name}: ${problems.join('; ')}` }];
    });
  }),
  rule('VOICE-9', Severity.INFO, 'Users homed on a survivable registrar cannot use XMPP federation', EV, (m) => {
    if (m.productVersion !== ProductVersion.LYNC_SERVER_2013 && m.productVersion !== ProductVersion.SKYPE_FOR_BUSINESS_2015) return [];
    if (!m.edgePools.some((e) => e.xmppFederation)) return [];
    return voiceOf(m).survivableBranches.map((s) => ({
      path: s.path,
      message: `${kindName(s)} ${s.fqdn}: the deployment federates over XMPP, but users homed on a survivable registrar cannot send IM to or see the presence of XMPP contacts; home users who need XMPP on a central-site pool`,
    }));
  }),
  rule('VOICE-15', Severity.ERROR, 'A branch\'s address space is apart from every central site\'s and every other branch\'s', `${BRANCH}; Azure virtual network peering (library rule: peered and routed networks need distinct ranges)`, (m) => {
    const ranges = [
      ...m.sites.map((s) => ({ path: s.path, what: `site ${s.name}`, cidr: s.addressSpace })),
      ...voiceOf(m).branchSites.flatMap((b) => (b.addressSpace ? [{ path: b.path, what: `branch ${b.name}`, cidr: b.addressSpace }] : [])),
    ].flatMap((r) => {
      const c = parseCidr(r.cidr);
      return typeof c === 'string' ? [] : [{ ...r, c }];
    });
    // Each branch against the sites and the branches after it (ranges are few: a branch's own list).
    return ranges.flatMap((b, i): Violation[] => {
      if (!b.what.startsWith('branch ')) return [];
      const clashes = ranges.filter((o, j) => o.path !== b.path && (o.what.startsWith('site ') || j > i) && overlaps(b.c, o.c));
      if (clashes.length === 0) return [];
      return [{ path: b.path, message: `${b.what}'s addressSpace ${b.cidr} overlaps ${clashes.map((o) => `${o.what} (${o.cidr})`).join(', ')}; Azure refuses to peer overlapping networks and the WAN cannot route to both; give the branch a range of its own` }];
    });
  }),
  rule('VOICE-16', Severity.WARNING, 'A branch network in Azure can receive the Central Management store\'s replication', `${BRANCH}; Port and protocol requirements for servers (Master Replicator Agent, 445)`, (m) => {
    const cmsSites = [...new Set(m.frontEndPools.filter((p) => p.hostsCentralManagementStore).map((p) => p.sitePath))];
    if (cmsSites.length === 0) return [];
    const servers = byBranch(m);
    return voiceOf(m).branchSites.flatMap((b): Violation[] =>
      b.location === undefined || cmsSites.includes(b.centralSitePath) || !(servers.get(b.path) ?? []).some((s) => s.kind === 'server')
        ? []
        : [{ path: b.path, message: `branch ${b.name} in Azure is peered with central site ${shortName(b.centralSitePath)} only, but the Central Management store is in ${cmsSites.map(shortName).join(', ')}; its Master Replicator cannot push configuration (445) to the Survivable Branch Server, which then runs on stale configuration; tie the branch to the store's site, or route the store's site to the branch network yourself and acknowledge the finding` }],
    );
  }),
], {
  'VOICE-15': 'Azure refuses to peer virtual networks whose address spaces overlap',
});
