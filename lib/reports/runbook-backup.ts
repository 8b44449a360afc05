/**
 * The runbook's "Restore from backups" section (issue 18): for each site, where its backups are (the
 * vault and its restore points, the SQL Automated Backup account, the export container in the partner
 * site), the restore in Microsoft's order (the pool hosting the Central Management store first; in
 * every pool the Back End first, then each Front End; the CMS, user data, LIS and Response Group
 * imports; then the file stores), the scheduled export, and the monthly disaster-recovery test. A pure
 * function of the model (lib/reports/backup-runbook.ts renders the text).
 */
import { BACKUP_DOCS } from '../model/backup';
import { backEndSqlBackup, backupLayout, haModeOf } from '../model/backup-topology';
import { backEndByPath, isEnterprise } from '../model/queries';
import { poolSqlStore } from '../model/sql-instance';
import { TopologyModel } from '../model/topology';
import { BackupRunbookInput, exportScript, renderBackupRestore, renderDisasterRecoveryTest, RunbookPool } from './backup-runbook';
import { exportTaskOutputName } from '../model/names';
import { shortName } from '../model/queries';
import { blocks, bullets, code } from './markdown';

/** The runbook inputs of every site with backups, sites by name. */
export function backupRunbookInputs(model: TopologyModel): BackupRunbookInput[] {
  if (!model.backup?.enabled) return [];
  const auto = new Set(model.backup.sqlAutoBackupServerPaths);
  return backupLayout(model).map((l): BackupRunbookInput => {
    const pools = model.frontEndPools.filter((p) => p.sitePath === l.site.path).sort((a, b) => (a.fqdn < b.fqdn ? -1 : 1));
    const runbookPools = pools.flatMap((p): RunbookPool[] => {
      if (!isEnterprise(p)) {
        const store = p.servers[0] ? poolSqlStore(model, p) : undefined;
        return store ? [{ fqdn: p.fqdn, backEnd: { sqlFqdn: store.fqdn, ...(store.instance !== undefined ? { instance: store.instance } : {}), haMode: 'standalone' }, frontEnds: [], responseGroup: true }] : [];
      }
      const be = backEndByPath(model, p.backEndPath);
      if (!be) return [];
      const mode = haModeOf(be.mode);
      const store = poolSqlStore(model, p)!;
      return [{
        fqdn: p.fqdn,
        backEnd: { sqlFqdn: store.fqdn, ...(store.instance !== undefined ? { instance: store.instance } : {}), haMode: mode, ...(mode === 'mirroring' && be.servers[1] ? { mirrorFqdn: be.servers[1].fqdn } : {}) },
        frontEnds: [...p.servers].sort((a, b) => (a.computerName < b.computerName ? -1 : 1)).map((s) => s.computerName),
        responseGroup: true,
      }];
    });
    const sqlHere = model.servers.some((s) => s.sitePath === l.site.path && auto.has(s.path));
    const cms = pools.find((p) => p.hostsCentralManagementStore);
    return {
      site: l.site.name,
      vault: { name: l.names.vault, resourceGroup: l.names.resourceGroup, location: l.site.location, ...(l.pairedRegion ? { pairedRegion: l.pairedRegion } : {}) },
      exports: { storageAccount: l.names.exportStorageAccount, container: l.names.exportContainer },
      ...(sqlHere ? { sqlBackups: { storageAccount: l.names.sqlStorageAccount } } : {}),
      ...(cms ? { cmsPool: cms.fqdn } : {}),
      pools: runbookPools,
      fileStores: model.fileStores.filter((f) => f.sitePath === l.site.path).map((f) => ({ share: f.shareUnc, servers: f.servers.map((s) => s.computerName) })),
      identity: `/subscriptions/<subscription>/resourceGroups/${l.names.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${l.names.identity}`,
    };
  });
}

/** `## Restore from backups`: per site the sources, the restore in Microsoft's order, the export task and the monthly test. */
export function backupRestoreSection(m: TopologyModel): string {
  if (!m.backup) return '';
  if (!m.backup.enabled) {
    return blocks('## Restore from backups', 'This deployment builds no backups (`backup: { enabled: false }`, or a lab without `backup`): a lost server comes back empty from `terraform apply`. Turn them on before production (BACKUP-1, BACKUP-3).');
  }
  const inputs = backupRunbookInputs(m);
  const layouts = backupLayout(m);
  const sites = inputs.map((input) => {
    const l = layouts.find((x) => x.site.name === input.site)!;
    const sqlNotes = m.backEnds
      .filter((be) => be.sitePath === l.site.path)
      .map((be) => ({ be, choice: backEndSqlBackup(m, be) }))
      .filter((x) => x.choice.mechanism !== 'automated-backup')
      .map((x) => `${code(x.be.storeFqdn)}: ${x.choice.reason}.`);
    return blocks(
      renderBackupRestore(input),
      bullets([
        `The exports of ${input.site} are kept in ${l.partner ? `site ${l.partner.name} (${l.exportLocation})` : `${l.exportLocation}, geo-replicated (no other site)`}; its SQL backups in ${code(l.names.sqlStorageAccount)} (${l.site.location}${l.pairedRegion ? `, read-access geo-replicated to ${l.pairedRegion}: while ${l.site.location} is down read them at ${code(`https://${l.names.sqlStorageAccount}-secondary.blob.core.windows.net/`)} or fail the account over with ${code(`az storage account failover --name ${l.names.sqlStorageAccount}`)}` : ''}).`,
        `Automated Backup backs up only databases in the full recovery model: after ${code('Install-CsDatabase')} on a standalone store run ${code('ALTER DATABASE <db> SET RECOVERY FULL')} for each SfB database (AlwaysOn and mirroring set it already).`,
        ...sqlNotes,
      ]),
      `Scheduled export (the Terraform output ${code(exportTaskOutputName(shortName(m.path), l.site.name))} of the site's stack carries this script and the command that installs it: ${code(`terraform output -json ${exportTaskOutputName(shortName(m.path), l.site.name)}`)} in the stack's folder under ${code('cdktf.out/stacks/')}; daily at ${m.backup!.schedule.exports.time}; run it also after every configuration change):`,
      '```powershell\n' + exportScript(input) + '\n```',
      renderDisasterRecoveryTest(input),
    );
  });
  return blocks(
    '## Restore from backups',
    `Restore from these backups when a pool cannot be failed over or failed back (its data is lost, or the "ABC" rebuild of RESTORE-8). Microsoft's order: ${BACKUP_DOCS.restorePool}; ${BACKUP_DOCS.restoreCms}; ${BACKUP_DOCS.restoreFileStore}.`,
    ...sites,
  );
}
