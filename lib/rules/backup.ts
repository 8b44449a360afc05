/**
 * Backups (BACKUP-*, RESTORE-8): rules the library adds for issue 18. They read what the constructs
 * built (`model.backup`, lib/model/backup-topology.ts), never the Terraform JSON.
 *
 * Severity decision: a stateful role without backups is a WARNING everywhere, the Back End of a
 * paired pool included. The Backup Service keeps a live copy of the pool's user and conference data
 * and of the Central Management store in the paired pool (Front End pool disaster recovery), so that
 * Back End is not the only copy of its data; but the replica follows every deletion and corruption,
 * it does not hold LIS (PAIR-17), Archiving, Monitoring or file-store content, and Microsoft lists
 * backups as a requirement for every pool ("Backup and restoration requirements: data"). Missing
 * backups are an operational risk the owner may accept, not a topology Azure or the product refuses,
 * so they warn (and can be acknowledged with a reason) rather than stop synthesis.
 */
import { Severity } from '../enums';
import { BACKUP_DOCS, pairedRegion } from '../model/backup';
import { backEndSqlBackup, backupLayout, pairedPools, STATEFUL_ROLES } from '../model/backup-topology';
import { rule, Violation } from './rule';

const sorted = (xs: string[]) => [...xs].sort();

export const BACKUP_RULES = [
  rule(
    'BACKUP-1',
    Severity.WARNING,
    'Every server that holds state, and every Back End\'s databases, is backed up',
    `${BACKUP_DOCS.data}; ${BACKUP_DOCS.backups}`,
    (m): Violation[] => {
      const b = m.backup;
      if (!b) return [];
      const stateful = m.servers.filter((s) => STATEFUL_ROLES.includes(s.role));
      if (!b.enabled) {
        if (m.lab) return [];
        return m.sites.flatMap((site) => {
          const here = stateful.filter((s) => s.sitePath === site.path).map((s) => s.computerName);
          return here.length === 0 ? [] : [{ path: site.path, message: `backups are turned off (backup: { enabled: false }), so the ${here.length} server(s) of site ${site.name} that hold data (${sorted(here).join(', ')}) have no restore point and no SQL backup, and no export of the configuration, LIS, Response Group or user data exists; remove backup: { enabled: false } (Microsoft: back up the Central Management store, the Back End databases and the file stores regularly)` }];
        });
      }
      const protectedPaths = new Set(b.protectedServerPaths);
      const unprotected = stateful.filter((s) => !protectedPaths.has(s.path)).map((s): Violation => ({
        path: s.path,
        message: `${s.role} server ${s.computerName} holds data but no Recovery Services vault protects it; create it through a ServerGroup in a CentralSite, whose vault protects every server the restore rebuilds`,
      }));
      const sql = m.backEnds.flatMap((be): Violation[] => {
        const choice = backEndSqlBackup(m, be);
        return choice.mechanism === 'automated-backup'
          ? []
          : [{ path: be.path, message: `the databases of back end ${be.storeFqdn} (${be.mode}, SQL Server ${be.sqlVersion}) have no SQL backup, only VM restore points (no point-in-time restore, no log backups): ${choice.reason}; or acknowledge with the job you run (source: ${choice.source})` }];
      });
      return [...unprotected, ...sql];
    },
  ),
  rule(
    'BACKUP-2',
    Severity.WARNING,
    'Backups are also kept outside the region they protect',
    `${BACKUP_DOCS.practices}; ${BACKUP_DOCS.vaultCrr}; ${BACKUP_DOCS.pairedRegions}`,
    (m): Violation[] => {
      const b = m.backup;
      if (!b?.enabled) return [];
      return backupLayout(m).flatMap((l): Violation[] => {
        const out: string[] = [];
        if (!b.geoRedundant) out.push('geoRedundant is false: the vault, the SQL backups and the exports are locally redundant; set geoRedundant true');
        else if (!pairedRegion(l.site.location)) out.push(`${l.site.location} has no Azure paired region: vault ${l.names.vault} and SQL account ${l.names.sqlStorageAccount} cannot be geo-replicated; keep copies elsewhere (native backups copied to the partner site)`);
        if (!l.partner) out.push(`no other site in another region keeps the exports of ${l.site.name} (account ${l.names.exportStorageAccount} stays in ${l.site.location}); add a central site in another region`);
        return out.length === 0 ? [] : [{ path: l.site.path, message: `backups of site ${l.site.name} (${l.site.location}) would be lost with its region: ${out.join('; ')}` }];
      });
    },
  ),
  rule(
    'BACKUP-3',
    Severity.INFO,
    'A lab builds no backups unless asked',
    'library: lab economics (vaults, backup storage and protected instances are billed per month)',
    (m): Violation[] =>
      m.lab && m.backup && !m.backup.enabled
        ? [{ path: m.path, message: 'lab without backups (cost): a lost server comes back empty; give backup: {} to build the vaults, SQL backups and exports as in production' }]
        : [],
  ),
  rule(
    'RESTORE-8',
    Severity.WARNING,
    'Paired pools keep the LIS and Response Group exports an "ABC" failover starts from',
    `${BACKUP_DOCS.abcFailover}; MicrosoftDocs/OfficeDocs-SkypeForBusiness: Lync/LyncServer/lync-server-2013-backup-prerequisites-for-abc-pool-failover.md`,
    (m): Violation[] => {
      if (m.backup?.enabled !== false || m.lab) return [];
      return [...new Map(pairedPools(m).map((p) => [p.path, p])).values()].map((p) => ({
        path: p.path,
        message: `pool ${p.fqdn} is paired, but backups are off, so no scheduled Export-CsLisConfiguration and Export-CsRgsConfiguration exist: if the pool is lost for good, the "ABC" failover (pool C built from A's data, paired with B) has no LIS and Response Group configuration to import; remove backup: { enabled: false }, or run both exports regularly yourself and acknowledge`,
      }));
    },
  ),
];
