/** Runbook sections for Front End pools: failover, failback (RESTORE-5, PAIR-13) and restore (RESTORE-1). */
import { BackEndMode, PoolEdition } from '../enums';
import { partnerOf } from '../model/pairs';
import { backEndByPath, siteOf } from '../model/queries';
import { BackEndModel, EdgePoolModel, FrontEndPoolModel, TopologyModel } from '../model/topology';
import { blocks, bullets, code, steps } from './markdown';
import { osUpdateRequirement } from '../model/versions';
import { EXPORT_FILES, RESTORE_FOLDER, rgsService } from '../model/export-files';
import { backEndInstance, STANDARD_EDITION_SQL_INSTANCE } from '../model/sql-instance';
import { userExperience, webFailbackStep, webFailoverStep } from './runbook-web';
import { reverseProxyFailoverStep } from './runbook-reverse-proxy';
import { pageSource, ruleSource } from './runbook-sources';
import { productProfile } from '../model/versions';

/** FE-6: Front Ends that must run to start a pool (routing-group quorum), where the docs give a number. */
const STARTUP_QUORUM: Record<number, number> = { 1: 1, 2: 1, 3: 3, 4: 3, 5: 4, 6: 5, 7: 5, 8: 6, 9: 7, 10: 8, 11: 9, 12: 10, 16: 12 };

function byPath<T extends { path: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function siteLabel(m: TopologyModel, sitePath: string): string {
  const site = siteOf(m, sitePath);
  return site ? `${site.name} (${site.location})` : sitePath;
}

/** Edge pools whose next hop is the pool. */
export function edgesWithNextHop(m: TopologyModel, pool: FrontEndPoolModel): EdgePoolModel[] {
  return byPath(m.edgePools.filter((e) => e.nextHopPath === pool.path));
}

/** The pool an Edge pool should use as next hop while `failed` is down: same site first, then the partner. */
function nextHopWhileDown(m: TopologyModel, edge: EdgePoolModel, failed: FrontEndPoolModel): FrontEndPoolModel | undefined {
  const others = m.frontEndPools.filter((p) => p.path !== failed.path);
  return others.find((p) => p.sitePath === edge.sitePath) ?? partnerOf(m, failed) ?? others[0];
}

function repointStep(edge: EdgePoolModel, failed: FrontEndPoolModel, target: FrontEndPoolModel | undefined): string {
  if (!target) {
    return `Edge pool ${edge.internalFqdn} uses ${failed.fqdn} as its next hop and no other Front End pool exists: remote access and federation through it stop until ${failed.fqdn} is restored.`;
  }
  if (target.sitePath === edge.sitePath) {
    return `Repoint the next hop of Edge pool ${edge.internalFqdn} to ${target.fqdn} (same site): in Topology Builder, Edge pool, Edit Properties, Next Hop, select ${target.fqdn}, then publish. ${code('Invoke-CsPoolFailover')} refuses to run while the failed pool is an Edge next hop.`;
  }
  return `Repoint the next hop of Edge pool ${edge.internalFqdn} to ${target.fqdn} (another site): ${code(`Set-CsEdgeServer -Identity EdgeServer:${edge.internalFqdn} -Registrar Registrar:${target.fqdn}`)}. ${code('Invoke-CsPoolFailover')} refuses to run while the failed pool is an Edge next hop.`;
}

const CMS_CMDLET = 'office-docs-powershell skype/skype-ps/skype/Invoke-CsManagementServerFailover.md';

/**
 * The steps that fail the Central Management Store over to `partner`'s store, every argument from the
 * model (FAILOVER step 5; CMS_CMDLET). `-BackupSqlServerFqdn` is the store as Topology Builder publishes
 * it: the AlwaysOn listener, the failover cluster's network name, the primary of a mirror, the server.
 * A default instance gets no instance parameter (the parameter has no default in CMS_CMDLET; Install-
 * CsDatabase documents the omission as "the default SQL Server instance"); a Standard Edition server's
 * store is its SQL Express instance RTC.
 */
function cmsFailoverSteps(m: TopologyModel, partner: FrontEndPoolModel): string[] {
  const be = backEndByPath(m, partner.backEndPath);
  if (partner.edition === PoolEdition.STANDARD || !be) {
    const server = partner.servers[0]?.fqdn ?? partner.fqdn;
    return [`Fail the Central Management Store over to the standby on ${partner.fqdn}, from that server: ${code(`Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${server} -BackupSqlInstanceName ${STANDARD_EDITION_SQL_INSTANCE} -Force`)} (a Standard Edition server holds it in its SQL Express instance ${STANDARD_EDITION_SQL_INSTANCE}).`];
  }
  const instance = backEndInstance(be);
  const inst = (param: string) => (instance ? ` -${param} ${instance}` : '');
  const omitted = instance ? '' : ` No instance parameter: ${be.storeFqdn} runs the default SQL Server instance (MSSQLSERVER), which the library builds.`;
  if (be.mode === BackEndMode.MIRRORING && be.servers[1]) {
    const [primary, mirror] = [be.servers[0].fqdn, be.servers[1].fqdn];
    const both = `Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${primary}${inst('BackupSqlInstanceName')} -BackupMirrorSqlServerFqdn ${mirror}${inst('BackupMirrorSqlInstanceName')} -Force`;
    return [
      `Find which back-end server of ${partner.fqdn} runs the principal of the Central Management store: ${code(`Get-CsDatabaseMirrorState -DatabaseType Centralmgmt -PoolFqdn ${partner.fqdn}`)}.`,
      `From a Front End of ${partner.fqdn}, fail the store over naming both servers of the mirrored back end (cmdlet reference form, ${CMS_CMDLET}): ${code(both)}.${omitted} If the mirror ${mirror} is the principal, failing-over-and-failing-back-a-pool.md writes ${code(`Invoke-CsManagementServerFailover -MirrorSqlServerFqdn ${mirror}${inst('MirrorSqlInstanceName')}`)}, parameters the cmdlet reference does not list: confirm the form with ${code('Get-Help Invoke-CsManagementServerFailover -Full')} on your cumulative update before the night.`,
    ];
  }
  const what = be.mode === BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP ? 'the availability group listener' : be.mode === BackEndMode.FAILOVER_CLUSTER ? 'the failover cluster instance\'s network name' : 'the back-end server';
  return [`From a Front End of ${partner.fqdn}, fail the store over to ${what} ${be.storeFqdn}: ${code(`Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${be.storeFqdn}${inst('BackupSqlInstanceName')} -Force`)}.${omitted}`];
}

function describe(m: TopologyModel, pool: FrontEndPoolModel, be: BackEndModel | undefined, partner: FrontEndPoolModel | undefined): string {
  const backEnd = pool.edition === PoolEdition.STANDARD ? 'local SQL Express' : be ? `back end ${be.storeFqdn} (${be.mode}: ${be.servers.map((s) => s.fqdn).join(', ')})` : 'no back end';
  const facts = [
    `Site ${siteLabel(m, pool.sitePath)}, ${pool.edition} Edition, ${pool.servers.length} Front End server(s), ${backEnd}.`,
    partner ? `Backup pool: ${partner.fqdn} in ${siteLabel(m, partner.sitePath)}.` : 'No backup pool.',
    pool.hostsCentralManagementStore ? `Hosts the active Central Management Store${partner ? `; the standby is in ${partner.fqdn}` : ''}.` : undefined,
    ...edgesWithNextHop(m, pool).map((e) => `Next hop of Edge pool ${e.internalFqdn}.`),
  ];
  return facts.filter((f) => f !== undefined).join(' ');
}

function failoverSteps(m: TopologyModel, pool: FrontEndPoolModel, partner: FrontEndPoolModel): string[] {
  const out: string[] = [];
  for (const edge of edgesWithNextHop(m, pool)) out.push(repointStep(edge, pool, nextHopWhileDown(m, edge, pool)));
  out.push(`Confirm the pairing: ${code(`Get-CsPoolBackupRelationship -PoolFQDN ${pool.fqdn}`)} names ${partner.fqdn}.`);
  out.push(`Find the pool that hosts the Central Management Store, on a Front End of ${partner.fqdn}: ${code('Invoke-CsManagementServerFailover -WhatIf')}; check it: ${code('Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus')} (ActiveMasterFQDN and ActiveFileTransferAgents name the pool that hosts it; empty values mean it is unavailable and must be failed over first).`);
  const confirm = (to: string) => `Confirm the store moved: ${code('Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus')} names ${to} for ActiveMasterFQDN and ActiveFileTransferAgents, and ${code('Get-CsManagementStoreReplicationStatus')} shows every replica True.`;
  if (pool.hostsCentralManagementStore) {
    out.push(`This pool hosts the Central Management Store: it must be failed over before the users ${ruleSource('PAIR-13', 'disasterRecovery', 'failover')}.`);
    out.push(...cmsFailoverSteps(m, partner));
    out.push(confirm(partner.fqdn));
  } else {
    const host = m.frontEndPools.find((p) => p.hostsCentralManagementStore);
    const hostPartner = host ? partnerOf(m, host) : undefined;
    if (host && host.path === partner.path) {
      out.push(`The Central Management Store is hosted by ${partner.fqdn}, the pool the users fail over to: it must be available. If the check shows it unavailable, ${partner.fqdn} is not healthy enough to take the users: restore it (its own section) before going on.`);
    } else if (host && hostPartner && hostPartner.path !== pool.path) {
      const [first, ...rest] = cmsFailoverSteps(m, hostPartner);
      out.push(`Only if the check shows the Central Management Store unavailable (its host ${host.fqdn} is down too): ${first[0].toLowerCase()}${first.slice(1)}`, ...rest, confirm(hostPartner.fqdn));
    } else {
      out.push(`If the check shows the Central Management Store unavailable, it cannot be failed over here${host ? ` (${host.fqdn} has no backup pool that is still running)` : ''}: restore its pool first; the users cannot fail over without it.`);
    }
  }
  out.push(`Fail over the users of ${pool.fqdn} to ${partner.fqdn}, only after the Edge next hop and the Central Management Store steps above: ${code(`Invoke-CsPoolFailover -PoolFQDN ${pool.fqdn} -DisasterMode -Verbose`)}. If it fails because the Central Management Store is not fully failed over, fix the store from the error message and run it again ${ruleSource('RESTORE-5', 'failover')}.`);
  out.push(
    `Restore the Location Information Server database in ${partner.fqdn} (it is not replicated)${pool.hostsCentralManagementStore ? '; required, because the failed pool hosted the Central Management Store' : ''}: ${code(`Import-CsLisConfiguration -FileName ${RESTORE_FOLDER}\\${EXPORT_FILES.lis}`)} from the newest export (see "Routine backups"), then ${code('Publish-CsLisConfiguration')}.`,
  );
  out.push(`Response groups of ${pool.fqdn}: import the newest export into ${partner.fqdn} (${code(`Import-CsRgsConfiguration -Destination "${rgsService(partner.fqdn)}" -OverwriteOwner -FileName ${RESTORE_FOLDER}\\${EXPORT_FILES.rgs(pool.fqdn)}`)}).`);
  const web = webFailoverStep(m, pool);
  if (web) out.push(web);
  const proxy = reverseProxyFailoverStep(m, pool.sitePath);
  if (proxy) out.push(proxy);
  return out;
}

function failbackSteps(m: TopologyModel, pool: FrontEndPoolModel, partner: FrontEndPoolModel): string[] {
  const out = [
    `Restore ${pool.fqdn} (see "Restore" below) and confirm its services run.`,
    `Fail back the users: ${code(`Invoke-CsPoolFailback -PoolFQDN ${pool.fqdn} -Verbose`)} (up to 60 minutes for 20,000 users) ${ruleSource('RESTORE-5', 'failover')}.`,
    // The Backup Service does not copy the meeting content back by itself after a failback.
    `Copy the conference content of the failed-back users back from ${partner.fqdn}: ${code(`Invoke-CsBackupServiceSync -PoolFqdn ${partner.fqdn} -BackupModule ConfServices.DataConf`)}; it is done when ${code(`Get-CsBackupServiceStatus -PoolFqdn ${partner.fqdn} -BackupModule ConfServices.DataConf`)} shows Steady State for the data conference module ${pageSource('backupService')}.`,
  ];
  for (const edge of edgesWithNextHop(m, pool)) {
    out.push(`Point Edge pool ${edge.internalFqdn}'s next hop back at ${pool.fqdn} (Topology Builder for a pool of the Edge's site, else ${code(`Set-CsEdgeServer -Identity EdgeServer:${edge.internalFqdn} -Registrar Registrar:${pool.fqdn}`)}).`);
  }
  const web = webFailbackStep(m, pool);
  if (web) out.push(web);
  if (pool.hostsCentralManagementStore) {
    out.push(`The Central Management Store may stay in ${partner.fqdn}; it needs no failback ${ruleSource('PAIR-13', 'disasterRecovery')}. To move it back later, with both pools running, run ${code('Invoke-CsManagementServerFailover')} from a Front End of ${pool.fqdn}.`);
  }
  return out;
}

function unpairedText(m: TopologyModel, pool: FrontEndPoolModel): string {
  const notes = [
    'The pool is not paired: there is no pool failover. Its users stay in limited resiliency mode or offline until the pool is restored (see "Restore" below).',
    pool.hostsCentralManagementStore ? `It hosts the Central Management Store: while it is down the deployment keeps running but no configuration change is possible ${ruleSource('RESTORE-4', 'restorePrepare')}.` : undefined,
  ].filter((n) => n !== undefined);
  const edgeSteps = edgesWithNextHop(m, pool).map((e) => repointStep(e, pool, nextHopWhileDown(m, e, pool)));
  return blocks(notes.join(' '), edgeSteps.length > 0 ? steps(edgeSteps) : undefined);
}

function startupQuorum(n: number): string {
  const needed = STARTUP_QUORUM[n];
  return needed !== undefined ? `${needed} of the ${n}` : `about 85% of the ${n}`;
}

function restoreSteps(m: TopologyModel, pool: FrontEndPoolModel, be: BackEndModel | undefined): string[] {
  const names = (servers: readonly { computerName: string }[]) => servers.map((s) => s.computerName).join(', ');
  const update = osUpdateRequirement(m.productVersion, pool.os);
  const cu = update ? ` On Windows Server ${pool.os} install ${update.update} or later of the product before the roles (VM-7).` : '';
  if (pool.edition === PoolEdition.STANDARD) {
    return [`Restore the Standard Edition server ${names(pool.servers)} (its SQL Express holds the pool's databases).${cu}`];
  }
  const out: string[] = [];
  if (be) {
    // RESTORE-4: what the loss stops, and (a mirrored store holding the CMS) what must be restored.
    const holdsCms = pool.hostsCentralManagementStore ? ' and, because it holds the Central Management Store, no configuration change is possible (the rest of the deployment keeps running)' : '';
    const stops = ` Until it runs the pool is down${holdsCms} ${ruleSource('RESTORE-4', 'restorePrepare')}.`;
    const cms = pool.hostsCentralManagementStore && be.mode === BackEndMode.MIRRORING
      ? ` It holds the Central Management Store on a mirror: back up the mirror that still works and restore both the principal and the mirror (publishing the topology needs the primary store) ${ruleSource('RESTORE-4', 'restoreCms')}.`
      : '';
    out.push(`Restore the back end first: ${names(be.servers)} (${be.mode}, store ${be.storeFqdn}) ${ruleSource('RESTORE-1', 'restorePool')}.${stops}${cms}`);
  }
  out.push(`Then restore each Front End server, in this order: ${names(pool.servers)}.${cu}`);
  out.push(`Start the pool: ${code(`Start-CsPool -PoolFqdn ${pool.fqdn}`)}; ${startupQuorum(pool.servers.length)} Front Ends must run to start it; if they cannot, ${code(`Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery -PoolFQDN ${pool.fqdn}`)} ${ruleSource('FE-6', 'frontEndHa')}.`);
  if (pool.servers.length === 2) out.push(twoServerRestart(pool));
  return out;
}

const FE_HA = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness: Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md, Front End pool high availability';
const ADD_REMOVE = 'Skype/SfbServer/sfbs2019/add-or-remove-a-front-end-server.md';

/** FE-9: a two-server pool restarts as a pair. */
function twoServerRestart(pool: FrontEndPoolModel): string {
  const [first, second] = pool.servers.map((s) => s.computerName);
  return `Two Front End servers (FE-9): losing the back end is likely to take this pool down. Restart both servers together, or in the reverse order of their shutdown (if ${first} stopped first, start ${second} first); if the pool still does not start, ${code(`Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery -PoolFQDN ${pool.fqdn}`)} (${FE_HA}).`;
}

/** FE-18: after Front End servers are added to or removed from an Enterprise pool. */
export function frontEndChangesSection(m: TopologyModel): string {
  const pools = byPath(m.frontEndPools.filter((p) => p.edition === PoolEdition.ENTERPRISE));
  if (pools.length === 0) return '';
  return blocks(
    '## Adding or removing Front End servers (FE-18)',
    `When \`frontEndServers\` changes (${FE_HA}; ${ADD_REMOVE}):`,
    steps([
      `Before removing servers (lowering the count removes the highest-numbered ones): stop new connections to them with ${code('Stop-CsWindowsService -Graceful')} and, once they hold no sessions, stop their services.`,
      `${code('terraform apply')} creates or destroys the servers; bring new ones to the cumulative update of the pool, publish the topology with the new servers (\`topology.tbxml\`, see "Publishing the topology") and run the Deployment Wizard on each new server.`,
      `If the pool went from two Front Ends to more, or from more to exactly two: ${pools.map((p) => code(`Reset-CsPoolRegistrarState -ResetType FullReset -PoolFqdn ${p.fqdn}`)).join(', ')} (with three or more servers, at least three must run).${productProfile(m.productVersion).refusesTwoServerPools ? '' : ' A pool of two then restarts as a pair, as its "Restore" steps say (FE-9).'}`,
      `Restart the Front End servers of the pool one at a time, each only once the previous one runs again (${code('Get-CsWindowsService')}): ${pools.map((p) => `${p.fqdn}: ${p.servers.map((s) => s.computerName).join(', ')}`).join('; ')}.`,
      `If every Front End of the pool was down during the change: ${pools.map((p) => code(`Reset-CsPoolRegistrarState -ResetType ServiceReset -PoolFQDN ${p.fqdn}`)).join(', ')}.`,
      'A Front End that failed and will not return for days: remove it from the topology (Topology Builder, then publish) rather than leave the pool waiting for it; lowering frontEndServers removes the highest-numbered server, so rebuild a failed server of another number instead (see "Restore").',
    ]),
  );
}

function poolSection(m: TopologyModel, pool: FrontEndPoolModel): string {
  const partner = partnerOf(m, pool);
  const be = backEndByPath(m, pool.backEndPath);
  const mirror = be?.mode === BackEndMode.MIRRORING
    ? blocks(
        '### Back End principal failure only',
        `The pool keeps running on the mirror ${ruleSource('RESTORE-7', 'mirroredDatabase')}. To switch by hand: ${code(`Invoke-CsDatabaseFailover -PoolFqdn ${pool.fqdn} -DatabaseType User -NewPrincipal Mirror`)}${pool.hostsCentralManagementStore ? ` and, because the pool hosts the Central Management Store, ${code(`Invoke-CsDatabaseFailover -PoolFqdn ${pool.fqdn} -DatabaseType CentralMgmt -NewPrincipal Mirror`)}` : ''}; back with ${code('-NewPrincipal Primary')}.`,
      )
    : undefined;
  return blocks(
    `## Front End pool ${pool.fqdn}`,
    describe(m, pool, be, partner),
    ...(partner
      ? [
          `### Failover to ${partner.fqdn}`,
          steps(failoverSteps(m, pool, partner)),
          `### What users see`,
          userExperience(pool, partner),
          `### Failback of ${pool.fqdn}`,
          steps(failbackSteps(m, pool, partner)),
        ]
      : ['### No backup pool', unpairedText(m, pool)]),
    mirror,
    '### Restore',
    'Rebuild failed VMs with `terraform apply`: they keep their computer names and FQDNs. Do not delete the AD computer accounts; restore the certificates before the server roles.',
    steps(restoreSteps(m, pool, be)),
  );
}

/** One section per Front End pool, in path order. */
export function frontEndPoolsSection(m: TopologyModel): string {
  return blocks(...byPath(m.frontEndPools).map((p) => poolSection(m, p)));
}

/** RESTORE-2: every other pool and store is restored member by member. */
export function otherPoolsRestoreSection(m: TopologyModel): string {
  const groups = [
    ...m.edgePools.map((e) => ({ path: e.path, what: `Edge pool ${e.internalFqdn}`, servers: e.servers })),
    // Director and Mediation pools have sections of their own (runbook-roles.ts).
    ...m.chatPools.map((c) => ({ path: c.path, what: `Persistent Chat pool ${c.fqdn}`, servers: c.servers })),
    ...m.fileStores.map((f) => ({ path: f.path, what: `file store ${code(f.shareUnc)} (DFS replication resynchronises the share)`, servers: f.servers })),
  ];
  if (groups.length === 0) return '';
  return blocks(
    '## Restoring other pools',
    'Other pools have no back end of their own: restore each member server, in turn.',
    bullets(byPath(groups).map((g) => `${g.what}: ${g.servers.map((s) => s.computerName).join(', ')}`)),
  );
}

