/**
 * Runbook section for Persistent Chat pools (PCHAT-8): failover to the secondary data center and
 * failback, with this topology's server names. A pure function of the model, in Markdown.
 */
import { chatSqlOutputName } from '../model/names';
import { shortName, siteOf } from '../model/queries';
import { ChatPoolModel, TopologyModel } from '../model/topology';
import { chatDbServer } from './chat-sql';
import { ruleSource } from './runbook-sources';

function siteLabel(model: TopologyModel, path: string): string {
  const site = siteOf(model, path);
  return site ? `${site.name} (${site.location})` : path;
}

function serversIn(pool: ChatPoolModel, sitePath: string, state?: 'active' | 'idle'): string[] {
  return (pool.serverPlacement ?? [])
    .filter((p) => p.sitePath === sitePath && (!state || p.state === state))
    .map((p) => pool.servers.find((s) => s.path === p.serverPath)?.fqdn)
    .filter((f): f is string => f !== undefined);
}

function activeList(fqdns: string[]): string {
  return fqdns.length === 0 ? '$null' : `@{Replace=${fqdns.map((f) => `"${f}"`).join(',')}}`;
}

function poolSection(model: TopologyModel, pool: ChatPoolModel): string {
  const identity = `PersistentChatServer:${pool.fqdn}`;
  const primary = siteLabel(model, pool.primarySitePath);
  const secondary = siteLabel(model, pool.secondarySitePath);
  const out = [`## Persistent Chat pool ${pool.fqdn}`, ''];
  out.push(
    `- Servers: ${pool.primaryActiveServers} active and ${pool.primaryIdleServers} idle in ${primary}; ${pool.secondaryActiveServers} active and ${pool.secondaryIdleServers} idle in ${secondary}.`,
    `- Next hop: the Front End pool ${model.frontEndPools.find((p) => p.path === pool.homePoolPath)?.fqdn ?? pool.homePoolPath}.`,
  );
  if (pool.backEndPath) {
    out.push(
      `- Databases: on the back end ${model.backEnds.find((b) => b.path === pool.backEndPath)?.storeFqdn ?? pool.backEndPath}. The pool has no log-shipping secondary, so it cannot fail its databases over to ${secondary}; recover them with the back end's own high availability and restore procedure.`,
      '',
    );
    return out.join('\n');
  }
  const secondaryDb = chatDbServer(pool, 'mgc', 'log-shipping-secondary');
  const secondaryMirror = chatDbServer(pool, 'mgc', 'secondary-mirror');
  const primaryDb = chatDbServer(pool, 'mgc', 'primary');
  const primaryMirror = chatDbServer(pool, 'mgc', 'mirror');
  const share = pool.logShippingShare ?? 'the log-shipping share';
  out.push(
    `- mgc: primary ${primaryDb}, mirror ${primaryMirror} in ${primary}; log-shipping secondary ${secondaryDb}, mirror ${secondaryMirror} in ${secondary}. Log-shipping share: \`${share}\`.`,
    '',
    `### Fail over ${pool.fqdn} to ${secondary}`,
    '',
    `Use when ${primary} is down: the primary and mirror mgc databases and the home Front End pool are unavailable ${ruleSource('PCHAT-8', 'persistentChat')}.`,
    '',
    `1. On ${secondaryDb} (query window on master), drop log shipping: \`exec sp_delete_log_shipping_secondary_database mgc\`.`,
    `2. Copy any backup files not yet copied from \`${share}\` to the copy destination folder on ${secondaryDb}.`,
    '3. Apply every unapplied transaction-log backup in sequence: `RESTORE LOG mgc FROM DISK = \'<file>\' WITH NORECOVERY`.',
    '4. End the connections to mgc (`exec sp_who2`, then `kill <spid>`) and bring it online: `RESTORE DATABASE mgc WITH RECOVERY`.',
    `5. \`Set-CsPersistentChatState -Identity "${identity}" -PoolState FailedOver\`: the backup mgc database becomes the primary.`,
    `6. Mirror the new primary onto ${secondaryMirror}: \`Install-CsMirrorDatabase -DatabaseType PersistentChat -SqlServerFqdn ${secondaryDb} -FileShare ${share} -DropExistingDatabasesOnMirror\`.`,
    `7. Make the servers of ${secondary} active (at most 4, all in the new primary database's data center): \`Set-CsPersistentChatActiveServer -Identity "${identity}" -ActiveServers ${activeList(serversIn(pool, pool.secondarySitePath).slice(0, 4))}\`.`,
    '',
  );
  if (pool.compliance) {
    out.push('The compliance database (mgccomp) is not failed over: its content is transient and purged as the compliance adapter processes it; manage the adapter output so that nothing is lost.', '');
  }
  out.push(
    `### Fail back ${pool.fqdn} to ${primary}`,
    '',
    `Use when ${primary} is back and its chat databases have been rebuilt with Topology Builder (\`Install-CsDatabase\`) ${ruleSource('PCHAT-8', 'persistentChat')}.`,
    '',
    `1. Stop every chat server from using the databases: \`Set-CsPersistentChatActiveServer -Identity "${identity}" -ActiveServers $null\`.`,
    `2. On ${secondaryDb}, remove mirroring of mgc${pool.compliance ? ' and mgccomp' : ''} (\`ALTER DATABASE mgc SET PARTNER OFF\`).`,
    `3. Take a full backup of mgc on ${secondaryDb} to \`${share}\` (SQL Server Agent needs read access to the share and write access to its local copy folder).`,
    `4. Restore it on ${primaryDb}, overwriting the database and leaving it ready to use (\`WITH REPLACE, RECOVERY\`), and mirror it again onto ${primaryMirror}: \`Install-CsMirrorDatabase -DatabaseType PersistentChat -SqlServerFqdn ${primaryDb} -FileShare ${share} -DropExistingDatabasesOnMirror\`.`,
    `5. Configure log shipping again from ${primaryDb} (and from its mirror) to ${secondaryDb}, as in the Terraform output \`${chatSqlOutputName(shortName(model.path), shortName(pool.path))}\`.`,
    `6. Make the original active servers active again: \`Set-CsPersistentChatActiveServer -Identity "${identity}" -ActiveServers ${activeList([...new Set([...serversIn(pool, pool.primarySitePath, 'active'), ...serversIn(pool, pool.secondarySitePath, 'active')])])}\`.`,
    `7. Return the pool to its normal state: \`Set-CsPersistentChatState -Identity "${identity}" -PoolState Normal\`.`,
    '',
  );
  return out.join('\n');
}

/**
 * The Persistent Chat section of the runbook: one `##` part per chat pool (failover and failback under
 * it), like every other pool of the runbook; empty when there is none. The runbook has one `#` title.
 */
export function chatRunbook(model: TopologyModel): string {
  if (model.chatPools.length === 0) return '';
  const pools = [...model.chatPools].sort((a, b) => a.path.localeCompare(b.path));
  return pools.map((p) => poolSection(model, p)).join('\n');
}
