/** Runbook sections for Front End pools: failover, failback (RESTORE-5, PAIR-13) and restore (RESTORE-1). */
import { BackEndMode, PoolEdition } from '../enums';
import { partnerOf } from '../model/pairs';
import { backEndByPath, siteOf } from '../model/queries';
import { BackEndModel, EdgePoolModel, FrontEndPoolModel, TopologyModel } from '../model/topology';
import { blocks, bullets, code, steps } from './markdown';

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

/** The SQL server (and mirror) of a pool's store, as Invoke-CsManagementServerFailover names them. */
function cmsFailoverCommand(m: TopologyModel, partner: FrontEndPoolModel): string {
  const be = backEndByPath(m, partner.backEndPath);
  const primary = be ? be.storeFqdn : partner.servers[0]?.fqdn ?? partner.fqdn;
  const instance = 'rtc';
  let cmd = `Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${primary} -BackupSqlInstanceName ${instance}`;
  if (be?.mode === BackEndMode.MIRRORING && be.servers[1]) {
    cmd += ` -BackupMirrorSqlServerFqdn ${be.servers[1].fqdn} -BackupMirrorSqlInstanceName ${instance}`;
  }
  return `${cmd} -Force`;
}

function describe(m: TopologyModel, pool: FrontEndPoolModel, be: BackEndModel | undefined, partner: FrontEndPoolModel | undefined): string {
  const backEnd = pool.edition === PoolEdition.STANDARD ? 'local SQL Express' : be ? `back end ${be.path} (${be.mode})` : 'no back end';
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
  out.push(`Check the Central Management Store: ${code('Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus')} (ActiveMasterFQDN and ActiveFileTransferAgents name the pool that hosts it; empty values mean it is unavailable).`);
  if (pool.hostsCentralManagementStore) {
    out.push(`This pool hosts the Central Management Store: fail it over to the standby in ${partner.fqdn} before the users, from a Front End of ${partner.fqdn}: ${code(cmsFailoverCommand(m, partner))} (${code('Invoke-CsManagementServerFailover -WhatIf')} shows the current host first).`);
    out.push(`Confirm the store moved: ${code('Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus')} names ${partner.fqdn}, and ${code('Get-CsManagementStoreReplicationStatus')} shows every replica True.`);
  } else {
    const host = m.frontEndPools.find((p) => p.hostsCentralManagementStore);
    out.push(`If the check shows the Central Management Store unavailable, fail it over first${host ? ` (see the failover of ${host.fqdn})` : ''}; the users cannot fail over without it.`);
  }
  out.push(`Fail over the users of ${pool.fqdn} to ${partner.fqdn}: ${code(`Invoke-CsPoolFailover -PoolFQDN ${pool.fqdn} -DisasterMode -Verbose`)}.`);
  return out;
}

function failbackSteps(m: TopologyModel, pool: FrontEndPoolModel, partner: FrontEndPoolModel): string[] {
  const out = [
    `Restore ${pool.fqdn} (see Restore below) and confirm its services run.`,
    `Fail back the users: ${code(`Invoke-CsPoolFailback -PoolFQDN ${pool.fqdn} -Verbose`)} (up to 60 minutes for 20,000 users).`,
  ];
  for (const edge of edgesWithNextHop(m, pool)) {
    out.push(`Point Edge pool ${edge.internalFqdn}'s next hop back at ${pool.fqdn} (Topology Builder for a pool of the Edge's site, else ${code(`Set-CsEdgeServer -Identity EdgeServer:${edge.internalFqdn} -Registrar Registrar:${pool.fqdn}`)}).`);
  }
  if (pool.hostsCentralManagementStore) {
    out.push(`The Central Management Store may stay in ${partner.fqdn}; it needs no failback. To move it back later, with both pools running, run ${code('Invoke-CsManagementServerFailover')} from a Front End of ${pool.fqdn}.`);
  }
  return out;
}

function unpairedText(m: TopologyModel, pool: FrontEndPoolModel): string {
  const notes = [
    'The pool is not paired: there is no pool failover. Its users stay in limited resiliency mode or offline until the pool is restored (see Restore below).',
    pool.hostsCentralManagementStore ? 'It hosts the Central Management Store: while it is down the deployment keeps running but no configuration change is possible.' : undefined,
  ].filter((n) => n !== undefined);
  const edgeSteps = edgesWithNextHop(m, pool).map((e) => repointStep(e, pool, nextHopWhileDown(m, e, pool)));
  return blocks(notes.join(' '), edgeSteps.length > 0 ? steps(edgeSteps) : undefined);
}

function startupQuorum(n: number): string {
  const needed = STARTUP_QUORUM[n];
  return needed !== undefined ? `${needed} of the ${n}` : `about 85% of the ${n}`;
}

function restoreSteps(pool: FrontEndPoolModel, be: BackEndModel | undefined): string[] {
  const names = (servers: readonly { computerName: string }[]) => servers.map((s) => s.computerName).join(', ');
  if (pool.edition === PoolEdition.STANDARD) {
    return [`Restore the Standard Edition server ${names(pool.servers)} (its SQL Express holds the pool's databases).`];
  }
  const out: string[] = [];
  if (be) {
    const cms = pool.hostsCentralManagementStore && be.mode === BackEndMode.MIRRORING
      ? ' It holds the Central Management Store on a mirror: back up the mirror that still works and restore both the principal and the mirror (publishing the topology needs the primary store).'
      : '';
    out.push(`Restore the back end first: ${names(be.servers)} (${be.mode}).${cms}`);
  }
  out.push(`Then restore each Front End server, in this order: ${names(pool.servers)}.`);
  out.push(`Start the pool: ${code(`Start-CsPool -PoolFqdn ${pool.fqdn}`)}; ${startupQuorum(pool.servers.length)} Front Ends must run to start it; if they cannot, ${code(`Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery -PoolFQDN ${pool.fqdn}`)}.`);
  return out;
}

function poolSection(m: TopologyModel, pool: FrontEndPoolModel): string {
  const partner = partnerOf(m, pool);
  const be = backEndByPath(m, pool.backEndPath);
  const mirror = be?.mode === BackEndMode.MIRRORING
    ? blocks(
        '### Back End principal failure only',
        `The pool keeps running on the mirror. To switch by hand: ${code(`Invoke-CsDatabaseFailover -PoolFqdn ${pool.fqdn} -DatabaseType User -NewPrincipal Mirror`)}; back with ${code('-NewPrincipal Primary')}.`,
      )
    : undefined;
  return blocks(
    `## Front End pool ${pool.fqdn}`,
    describe(m, pool, be, partner),
    ...(partner
      ? [`### Failover to ${partner.fqdn}`, steps(failoverSteps(m, pool, partner)), `### Failback of ${pool.fqdn}`, steps(failbackSteps(m, pool, partner))]
      : ['### No backup pool', unpairedText(m, pool)]),
    mirror,
    '### Restore',
    'Rebuild failed VMs with `terraform apply`: they keep their computer names and FQDNs. Do not delete the AD computer accounts; restore the certificates before the server roles.',
    steps(restoreSteps(pool, be)),
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

