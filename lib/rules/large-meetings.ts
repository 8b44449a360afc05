/**
 * Large-meeting pools (FE-16): a Front End pool with `purpose: PoolPurpose.LARGE_MEETINGS` hosts one
 * meeting of 250 to 1,000 participants at a time and nothing else ("Plan for large meetings in Skype
 * for Business Server"; "Plan your conferencing topology for Skype for Business Server", topology
 * requirements for large meetings).
 */
import { BackEndMode, PoolEdition, PoolPurpose, Severity } from '../enums';
import { backEndByPath, productName } from '../model/queries';
import { FrontEndPoolModel, TopologyModel } from '../model/topology';
import { productProfile } from '../model/versions';
import { voiceOf } from '../model/voice';
import { rule, Violation } from './rule';

const SOURCES = 'Plan your conferencing topology for Skype for Business Server; Plan for large meetings in Skype for Business Server';

/**
 * Microsoft gives no number for the accounts homed on a large-meeting pool: "a special user account in
 * this pool to be used only to host large meetings", or the accounts of the staff who schedule them.
 * This is the library's line between such accounts and a pool that homes ordinary users.
 */
export const MEETING_HOST_ACCOUNTS_LINE = 20;

const isLargeMeetings = (p: FrontEndPoolModel) => p.purpose === PoolPurpose.LARGE_MEETINGS;

/**
 * The pool size Microsoft's large-meeting topology asks for: two Front Ends; where Topology Builder
 * refuses a 2-server pool (2019, SE: VER-5), the smallest it publishes.
 */
function recommendedServers(m: TopologyModel): number {
  return productProfile(m.productVersion).refusesTwoServerPools ? 3 : 2;
}

function poolViolations(m: TopologyModel, p: FrontEndPoolModel): Violation[] {
  const out: Violation[] = [];
  const at = (message: string) => out.push({ path: p.path, message: `large-meeting pool ${p.fqdn}: ${message}` });
  if (p.edition === PoolEdition.STANDARD) {
    at('is a Standard Edition server; a large-meeting pool is an Enterprise pool of two Front Ends with a high-availability back end; use PoolEdition.ENTERPRISE');
    return out;
  }
  // Fewer servers is one fact reported elsewhere: FE-4 (one server) or VER-5 (two in 2019 and SE).
  const recommended = recommendedServers(m);
  if (p.servers.length > recommended) {
    const why = recommended === 2 ? 'Microsoft\'s large-meeting topology is a pool of two Front Ends' : `Microsoft's large-meeting topology is a pool of two Front Ends, and ${productName(m)} publishes no pool smaller than 3 (VER-5)`;
    at(`has ${p.servers.length} Front End servers; ${why}; one large meeting at a time uses no more; set frontEndServers to ${recommended}`);
  }
  const be = backEndByPath(m, p.backEndPath);
  if (be && be.mode === BackEndMode.STANDALONE) {
    at(`its back end ${be.path} is a standalone SQL Server; Microsoft's large-meeting topology has a high-availability back end (mirroring, AlwaysOn); use AlwaysOnBackEnd, MirroredBackEnd or FailoverClusterBackEnd`);
  }
  if (p.users !== undefined && p.users > MEETING_HOST_ACCOUNTS_LINE) {
    at(`users is ${p.users}; a large-meeting pool homes only the accounts that host or schedule large meetings (the library's line: ${MEETING_HOST_ACCOUNTS_LINE}); home other users on a general pool`);
  }
  if (p.collocatedMediation || p.enterpriseVoice) {
    at(`${p.collocatedMediation ? 'collocatedMediation' : 'enterpriseVoice'} is true; the Front Ends of a large-meeting pool host no Enterprise Voice or other workload; move voice to a general pool`);
  }
  for (const c of m.chatPools.filter((x) => x.collocatedWithPoolPath === p.path)) {
    at(`Persistent Chat pool ${c.fqdn} is collocated on its Front Ends; a large-meeting pool hosts no other workload; give the chat pool its own servers or a general pool`);
  }
  for (const pair of m.pairs.filter((x) => x.primaryPath === p.path || x.backupPath === p.path)) {
    const otherPath = pair.primaryPath === p.path ? pair.backupPath : pair.primaryPath;
    const other = m.frontEndPools.find((x) => x.path === otherPath);
    if (other && !isLargeMeetings(other)) {
      at(`is paired with general pool ${other.fqdn} (${pair.path}); after a failover it would home that pool's users; pair a large-meeting pool only with another large-meeting pool in a different site`);
    }
  }
  for (const b of voiceOf(m).survivableBranches.filter((x) => x.backupRegistrarPath === p.path)) {
    at(`is the backup Registrar of ${b.fqdn}; its branch users would register here in a WAN outage; choose a general pool as backupRegistrar`);
  }
  return out;
}

export const LARGE_MEETING_RULES = [
  rule('FE-16', Severity.WARNING, 'A large-meeting pool: two Front Ends, a high-availability back end, only the meeting-host accounts', SOURCES, (m) =>
    m.frontEndPools.filter(isLargeMeetings).flatMap((p) => poolViolations(m, p)),
  ),
];
