/** Front End pool pairing and disaster recovery (PAIR-*, AZURE-7, VOICE-2, DR-1, RESTORE-*). */
import { PoolEdition, Severity } from '../enums';
import { addressOf, partnerOf, resolvedPairs, ResolvedPair } from '../model/pairs';
import { backEndByPath, productName, siteOf } from '../model/queries';
import { regionInfo } from '../model/regions';
import { admittingFlow, sitesPeered } from '../model/flows';
import { CMS_KEY_RULE } from '../model/central-management';
import { FrontEndPoolModel, TopologyModel } from '../model/topology';
import { productProfile } from '../model/versions';
import { alsoReports, reportedAs, rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const FE_DR = 'Front End pool disaster recovery in Skype for Business Server';
const PAIRING_OPTIONS = 'Supported pool pairing options and best practices for Lync Server 2013';
const BACKUP_REGISTRAR = 'Backup Registrar relationships in Lync Server 2013';
const CMS = 'Central Management store failover in Lync Server 2013';

/** The inter-pool ports the Front Ends of one pool need on the other's (catalog ports table). */
const INTER_POOL_PORTS = [5061, 444, 443];

function pairs(m: TopologyModel): ResolvedPair[] {
  return resolvedPairs(m).filter((p) => p.primary.path !== p.backup.path);
}

function names(p: ResolvedPair): string {
  return `${p.primary.fqdn} and ${p.backup.fqdn}`;
}

function location(m: TopologyModel, pool: FrontEndPoolModel): string {
  return siteOf(m, pool.sitePath)?.location ?? '';
}

/** Violations for each pair whose two regions differ in `key` (geography or world area). */
function regionViolations(m: TopologyModel, key: 'geography' | 'area', what: string, fix: string): Violation[] {
  return pairs(m).flatMap((p) => {
    const [a, b] = [location(m, p.primary), location(m, p.backup)];
    const [ia, ib] = [regionInfo(a), regionInfo(b)];
    // An unknown region is PAIR-22's finding, once for both checks.
    if (!ia || !ib) return [];
    return ia[key] !== ib[key]
      ? [{ path: p.pair.path, message: `${names(p)} are paired across ${what}s (${a}: ${ia[key]}, ${b}: ${ib[key]}); replication over that distance lags more and loses more data on failover; ${fix}` }]
      : [];
  });
}

/** PAIR-8: each pool of a pair serves the users of both. */
function capacityViolations(m: TopologyModel): Violation[] {
  const perPool = productProfile(m.productVersion).maxUsersPerPairedPool;
  return pairs(m).flatMap((p) => {
    const out: Violation[] = [];
    const standard = p.primary.edition === PoolEdition.STANDARD && p.backup.edition === PoolEdition.STANDARD;
    const limit = standard ? 2500 : perPool;
    for (const pool of [p.primary, p.backup]) {
      if (pool.users !== undefined && pool.users > limit) {
        out.push({ path: pool.path, message: `users is ${pool.users}; a paired ${standard ? 'Standard Edition server' : `Enterprise pool of ${productName(m)}`} holds at most ${limit.toLocaleString('en-US')} users so that it can also serve its partner's after a failover; move users to another pool pair` });
      }
    }
    if (!standard && p.primary.users !== undefined && p.backup.users !== undefined) {
      const total = p.primary.users + p.backup.users;
      const needed = Math.ceil(total / 6660);
      for (const pool of [p.primary, p.backup]) {
        if (pool.servers.length < needed) {
          out.push({ path: pool.path, message: `after a failover ${pool.fqdn} serves the ${total} users of both pools, which needs ${needed} Front End servers at about 6,660 users each, but it has ${pool.servers.length}; set frontEndServers to ${needed}` });
        }
      }
    }
    return out;
  });
}

/** PAIR-11: the Backup Service and the pools reach each other over the peered networks. */
function linkViolations(m: TopologyModel): Violation[] {
  return pairs(m).flatMap((p) => {
    if (!sitesPeered(m, p.primary.sitePath, p.backup.sitePath)) {
      return [{ path: p.pair.path, message: `the sites of ${names(p)} (${p.primary.sitePath}, ${p.backup.sitePath}) are not peered both ways; the Backup Service replicates unencrypted and needs a private network path (also for SMB 445 to the partner's file store, FILE-4), and a backup Registrar needs a resilient link; peer the two virtual networks (PairedPools does)` }];
    }
    const out: Violation[] = [];
    for (const [from, to] of [[p.primary, p.backup], [p.backup, p.primary]]) {
      const target = to.servers[0];
      const missing = INTER_POOL_PORTS.filter((port) =>
        from.servers.some((s) => !admittingFlow(m, { sourceIp: addressOf(s) ?? '', destinationIp: (target && addressOf(target)) ?? '', protocol: 'Tcp', port })),
      );
      if (target && missing.length > 0) {
        out.push({ path: p.pair.path, message: `the network security groups do not let every Front End of ${from.fqdn} reach ${to.fqdn} on TCP ${missing.join(', ')}; paired pools talk SIP and HTTPS to each other; allow those ports from ${from.sitePath}'s Front End subnet` });
      }
    }
    return out;
  });
}

/** PAIR-23: exactly one Central Management Store. */
function cmsCountViolations(m: TopologyModel): Violation[] {
  if (m.frontEndPools.length === 0) return [];
  const hosts = m.frontEndPools.filter((p) => p.hostsCentralManagementStore);
  if (hosts.length === 0) {
    return [{ path: m.path, message: `no Front End pool hosts the Central Management Store; a deployment has exactly one; set hostsCentralManagementStore: true on one pool` }];
  }
  return hosts.length > 1
    ? hosts.map((h) => ({ path: h.path, message: `${hosts.length} pools host the Central Management Store (${hosts.map((x) => x.fqdn).join(', ')}); a deployment has exactly one; set hostsCentralManagementStore: false on all pools but one` }))
    : [];
}

/** PAIR-12: where the one Central Management Store is, and its standby in the paired pool. */
function cmsViolations(m: TopologyModel): Violation[] {
  const hosts = m.frontEndPools.filter((p) => p.hostsCentralManagementStore);
  // None or several: PAIR-23's error.
  if (hosts.length !== 1) return [];
  const host = hosts[0];
  const partner = partnerOf(m, host);
  return [{
    path: host.path,
    message: partner
      ? `${host.fqdn} hosts the active Central Management Store; its paired pool ${partner.fqdn} holds the standby, replicated by the Backup Service (fail over with Invoke-CsManagementServerFailover)`
      : `${host.fqdn} hosts the Central Management Store and has no paired pool, so there is no standby store; losing the pool stops configuration changes until it is restored; pair it with a pool in another site`,
  }];
}

/** PAIR-26: the store's host was chosen by key among several pools; a pool added with a smaller key would move it. */
function cmsByKeyViolations(m: TopologyModel): Violation[] {
  if (m.frontEndPools.length < 2) return [];
  return m.frontEndPools
    .filter((p) => p.hostsCentralManagementStore && p.centralManagementStoreChoice?.chosenBy === 'key')
    .map((p) => ({
      path: p.path,
      message: `${p.fqdn} hosts the Central Management Store because ${CMS_KEY_RULE} (${p.centralManagementStoreChoice?.key}) among ${m.frontEndPools.length} Front End pools; a pool added later with a smaller key would take it over, and moving the store takes Move-CsManagementServer; set hostsCentralManagementStore: true on the pool that should hold it`,
    }));
}

function sameSite(p: ResolvedPair): boolean {
  return p.primary.sitePath === p.backup.sitePath;
}

export const PAIRING_RULES = [
  rule('PAIR-1', Severity.ERROR, 'Paired pools have the same edition', PAIRING_OPTIONS, (m) =>
    pairs(m)
      .filter((p) => p.primary.edition !== p.backup.edition)
      .map((p) => ({ path: p.pair.path, message: `${p.primary.fqdn} is ${p.primary.edition} Edition but ${p.backup.fqdn} is ${p.backup.edition} Edition; Enterprise pools pair only with Enterprise pools and Standard Edition servers only with Standard Edition servers (Topology Builder does not block it); pair pools of one edition` })),
  ),
  rule('PAIR-3', Severity.ERROR, 'Paired pools run the same operating system', PAIRING_OPTIONS, (m) =>
    pairs(m)
      .filter((p) => p.primary.os !== p.backup.os)
      .map((p) => ({ path: p.pair.path, message: `${p.primary.fqdn} runs Windows Server ${p.primary.os} but ${p.backup.fqdn} runs ${p.backup.os}; paired pools must run the same operating system; set the same operatingSystem on both pools` })),
  ),
  rule('PAIR-4', Severity.ERROR, 'Pairing is one to one', BACKUP_REGISTRAR, (m) => {
    const out: Violation[] = [];
    const seen = new Map<string, string>();
    for (const p of resolvedPairs(m)) {
      if (p.primary.path === p.backup.path) {
        out.push({ path: p.pair.path, message: `${p.primary.fqdn} is paired with itself; a pool's backup pool is another Front End pool; pass a pool of another site as backup` });
        continue;
      }
      for (const pool of [p.primary, p.backup]) {
        const earlier = seen.get(pool.path);
        if (earlier) {
          out.push({ path: p.pair.path, message: `${pool.fqdn} is already paired in ${earlier}; a pool has exactly one backup pool and backs up no third pool (Lync Server 2010 allowed many-to-one, later versions do not); remove one of the pairs` });
        } else {
          seen.set(pool.path, p.pair.path);
        }
      }
    }
    return out;
  }),
  // One fact, one finding: VOICE-2 (the backup Registrar is in another central site) says the same.
  alsoReports(rule('PAIR-6', Severity.ERROR, 'Paired pools are in different sites', FE_DR, (m) =>
    pairs(m)
      .filter(sameSite)
      .map((p) => ({ path: p.pair.path, message: `${names(p)} are both in site ${p.primary.sitePath}; one disaster would take both, and a backup Registrar pool must be in a different central site; pair pools of different central sites` })),
  ), 'VOICE-2'),
  rule('PAIR-24', Severity.WARNING, 'Paired pools are in different Azure regions', `${FE_DR} (library rule: the warning form of PAIR-6)`, (m) =>
    pairs(m).flatMap((p) => {
      if (sameSite(p)) return [];
      const [a, b] = [location(m, p.primary), location(m, p.backup)];
      return a === b
        ? [{ path: p.pair.path, message: `${names(p)} are in different sites but the same Azure region ${a}; a regional outage takes both; put the backup pool's site in another region` }]
        : [];
    }),
  ),
  rule('PAIR-7', Severity.WARNING, 'Paired pools are in the same world region', PAIRING_OPTIONS, (m) =>
    regionViolations(m, 'area', 'world region', 'prefer two regions of one world region with fast links'),
  ),
  rule('PAIR-22', Severity.INFO, 'The regions of paired pools are known to the library', `${PAIRING_OPTIONS} (library rule: PAIR-7 and AZURE-7 need the regions)`, (m) =>
    pairs(m).flatMap((p) => {
      const unknown = [location(m, p.primary), location(m, p.backup)].filter((r) => !regionInfo(r));
      return unknown.length === 0
        ? []
        : [{ path: p.pair.path, message: `the geography and world region of region(s) ${unknown.join(', ')} are unknown to the library, so the pairing of ${names(p)} could not be checked against PAIR-7 and AZURE-7` }];
    }),
  ),
  rule('AZURE-7', Severity.WARNING, 'Paired pools are in one Azure geography', PAIRING_OPTIONS, (m) =>
    regionViolations(m, 'geography', 'Azure geography', 'prefer two regions of the same Azure geography (e.g. westeurope and northeurope)'),
  ),
  rule('PAIR-8', Severity.WARNING, 'Each pool of a pair can serve the users of both', FE_DR, capacityViolations),
  rule('PAIR-9', Severity.WARNING, 'Paired pools use the same Back End high availability', 'Back End Server high availability in Skype for Business Server', (m) =>
    pairs(m).flatMap((p) => {
      const [a, b] = [backEndByPath(m, p.primary.backEndPath), backEndByPath(m, p.backup.backEndPath)];
      return a && b && a.mode !== b.mode
        ? [{ path: p.pair.path, message: `${p.primary.fqdn} uses a ${a.mode} back end but ${p.backup.fqdn} uses ${b.mode}; use the same Back End high-availability technology in both pools of a pair` }]
        : [];
    }),
  ),
  rule('PAIR-10', Severity.INFO, 'Standard Edition pairs get pool-level disaster recovery only', PAIRING_OPTIONS, (m) =>
    pairs(m)
      .filter((p) => p.primary.edition === PoolEdition.STANDARD && p.backup.edition === PoolEdition.STANDARD)
      .map((p) => ({ path: p.pair.path, message: `${names(p)} are Standard Edition servers: the pair gives pool-level disaster recovery, but neither server has Back End high availability` })),
  ),
  // One fact, one finding: VOICE-2's resilient WAN link between the sites is this private link.
  alsoReports(rule('PAIR-11', Severity.ERROR, 'The paired pools reach each other over a private link', FE_DR, linkViolations), 'VOICE-2'),
  rule('PAIR-23', Severity.ERROR, 'Exactly one Central Management Store', `${CMS} (library rule: the error form of PAIR-12)`, cmsCountViolations),
  rule('PAIR-12', Severity.INFO, 'The Central Management Store has its standby in the paired pool', CMS, cmsViolations),
  rule('PAIR-26', Severity.WARNING, 'The pool that hosts the Central Management Store is given, not chosen by key', `${CMS} (library rule: with several pools the default host is the smallest key, docs/ARCHITECTURE.md "Keys, not order"; a new pool could move it)`, cmsByKeyViolations),
  rule('DR-1', Severity.INFO, 'A pool without a paired pool has no pool-level disaster recovery', FE_DR, (m) =>
    m.frontEndPools
      .filter((pool) => !partnerOf(m, pool))
      .map((pool) => ({ path: pool.path, message: `${pool.fqdn} has no paired pool: if it fails, its users stay in limited resiliency mode (or offline) until it is restored; to fail over instead, pair it with a pool in another site (PairedPools)` })),
  ),
];

export const PAIRING_STATUS: RuleStatus[] = [
  reportedAs('VOICE-2', ['PAIR-6', 'PAIR-11'], 'A pool\'s backup Registrar is its paired pool: a pair in one central site is PAIR-6\'s error, sites without the private (peered) link between them are PAIR-11\'s; each is reported once there.'),
  status('PAIR-2', RuleStatusKind.BY_CONSTRUCTION, 'Every server the library builds is an Azure virtual machine, so paired pools are always virtual and virtual.'),
  status('PAIR-5', RuleStatusKind.NOT_MODELLED, 'Survivable Branch Appliances and Servers are not modelled; they would not count against PAIR-4.'),
  status('PAIR-13', RuleStatusKind.IN_RUNBOOK, 'The failover steps of the runbook section "Front End pool <FQDN>" fail the Central Management Store over before the users (Invoke-CsManagementServerFailover, then Invoke-CsPoolFailover) and its failback steps leave it on the partner.'),
  status('PAIR-14', RuleStatusKind.IN_RUNBOOK, 'The runbook section "Recovery targets" says pool failover and failback are manual and that the Topology Builder option for automatic voice failover governs only the backup Registrar; the pool sections list the cmdlets.'),
  status('PAIR-15', RuleStatusKind.IN_RUNBOOK, 'The runbook section "Recovery targets" states the RTO/RPO targets of the deployment\'s product version and of CMS failover.'),
  status('PAIR-16', RuleStatusKind.IN_RUNBOOK, 'The runbook section "Recovery targets" notes that users are not re-homed by a failover and that users homed on Survivable Branch Appliances are not covered.'),
  status('PAIR-17', RuleStatusKind.IN_RUNBOOK, 'The runbook section "Routine backups" exports the Location Information Server configuration (Export-CsLisConfiguration), which the Backup Service does not replicate; the failover steps of each runbook section "Front End pool <FQDN>" import it into the backup pool.'),
  status('PAIR-18', RuleStatusKind.IN_RUNBOOK, 'The runbook section "After pairing pools" lists the steps after pairing pools that already run (Bootstrapper, LYNCBACKUP service, Invoke-CsBackupServiceSync, Get-CsBackupServiceStatus).'),
  status('PAIR-19', RuleStatusKind.NOT_MODELLED, 'Response Group objects are not part of the topology, so name uniqueness cannot be checked; the runbook includes the Export-/Import-CsRgsConfiguration steps.'),
  status('PAIR-20', RuleStatusKind.BY_CONSTRUCTION, 'UNCONFIRMED in the docs, so the library takes the conservative side: an SfbDeployment has one product version and PairedPools throws for a pool of another deployment, so a cross-version pair cannot be built.'),
  status('RESTORE-1', RuleStatusKind.IN_RUNBOOK, 'The "Restore" steps of each runbook section "Front End pool <FQDN>" restore the pool\'s back end first, then each Front End server in order.'),
  status('RESTORE-2', RuleStatusKind.IN_RUNBOOK, 'The runbook sections "Restore Director pools, member by member (RESTORE-2, RESTORE-3)", "Restore Mediation pools, member by member (RESTORE-2, RESTORE-3)" and "Restoring other pools" restore Edge, Director, Mediation and Persistent Chat pools and file stores member by member.'),
  status('RESTORE-3', RuleStatusKind.BY_CONSTRUCTION, 'Computer names and FQDNs derive from stable props (prefix and index), so a rebuilt VM keeps the failed server\'s FQDN; the runbook adds: keep the AD computer account, restore certificates before roles.'),
  status('RESTORE-4', RuleStatusKind.IN_RUNBOOK, 'The "Restore" steps of each runbook section "Front End pool <FQDN>" say what a Back End loss and a Central Management Store loss stop, and how to restore a mirrored back end that holds the store; an unpaired pool\'s "No backup pool" note repeats it.'),
  status('RESTORE-5', RuleStatusKind.IN_RUNBOOK, 'The failover steps of each runbook section "Front End pool <FQDN>" come in order: repoint the Edge next hop, fail over the CMS, then Invoke-CsPoolFailover -DisasterMode; its failback steps use Invoke-CsPoolFailback.'),
  status('RESTORE-6', RuleStatusKind.IN_RUNBOOK, 'The failback steps of each runbook section "Edge pool <FQDN>" come in order: services, federation route, XMPP route and DNS, Front End associations, then the local pool\'s failback.'),
  status('RESTORE-7', RuleStatusKind.IN_RUNBOOK, 'For mirrored back ends the runbook section "Front End pool <FQDN>" has a subsection "Back End principal failure only" with Invoke-CsDatabaseFailover -NewPrincipal.'),
];

