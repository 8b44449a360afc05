import {
  AZURE_PAIRED_REGIONS,
  BACKUP_DEFAULTS,
  backupPlan,
  BackupSiteInput,
  backupSchedule,
  chooseSqlBackupMechanism,
  dataOfSqlStore,
  recoveryModel,
  SFB_BACKUP_DATA,
  SFB_TRANSIENT_DATABASES,
} from '../../lib/model/backup';
import { vmPolicyProblems, sqlAutoBackupProblems } from '../../lib/model/backup-constraints';
import { regionInfo } from '../../lib/model/regions';

const west: BackupSiteInput = {
  name: 'west',
  location: 'westeurope',
  partnerLocation: 'northeurope',
  vaultName: 'rsv-contoso-west',
  exportStorageAccount: 'sfbexpwest',
  sqlBackupStorageAccount: 'sfbsqlwest',
  servers: [
    { key: 'pool-fe-2', computerName: 'pool-2', role: 'Front End' },
    { key: 'pool-fe-1', computerName: 'pool-1', role: 'Front End' },
    { key: 'pool-be-1', computerName: 'west-be-1', role: 'Back End' },
  ],
  sqlStores: [{ key: 'pool-be', fqdn: 'west-be-1.corp.contoso.com', instance: 'rtc', haMode: 'always-on', roles: ['back-end', 'central-management'], sqlVersion: 2019 }],
  pools: [{ fqdn: 'pool-west.corp.contoso.com', responseGroup: true }],
  fileStores: [{ key: 'fs', share: '\\\\corp.contoso.com\\sfb-west' }],
};

const rowsOf = (site: BackupSiteInput) => backupPlan({ sites: [site] }).rows;
const notesOf = (site: BackupSiteInput) => backupPlan({ sites: [site] }).notes.map((n) => n.id);

describe('what Microsoft says must be backed up', () => {
  test('the catalog names the CMS, LIS, Response Group, user data, archiving, monitoring, chat and file store, each with the data page as source', () => {
    expect(SFB_BACKUP_DATA.map((d) => d.id)).toEqual(['topology', 'location', 'response-group', 'user-data', 'archiving', 'monitoring', 'persistent-chat', 'file-store']);
    for (const d of SFB_BACKUP_DATA) expect(d.source).toContain('backup-and-restoration-requirements-data.md');
    expect(SFB_BACKUP_DATA.filter((d) => d.exportCmdlet).map((d) => d.exportCmdlet)).toEqual([
      'Export-CsConfiguration', 'Export-CsLisConfiguration', 'Export-CsRgsConfiguration', 'Export-CsUserData', 'Export-CsPersistentChatData',
    ]);
    expect(SFB_TRANSIENT_DATABASES).toEqual(['RtcDyn', 'Rtcab', 'Rtcab1', 'CpsDyn', 'RgsDyn', 'MgcComp']);
  });

  test('a store gets the data of the roles it serves', () => {
    expect(dataOfSqlStore(['back-end']).map((d) => d.id)).toEqual(['response-group', 'user-data']);
    expect(dataOfSqlStore(['back-end', 'central-management']).map((d) => d.id)).toEqual(['topology', 'location', 'response-group', 'user-data']);
    expect(dataOfSqlStore(['persistent-chat']).map((d) => d.id)).toEqual(['persistent-chat']);
  });
});

describe('defaults', () => {
  test('the default VM and SQL schedules pass the provider constraints', () => {
    expect(vmPolicyProblems({ ...BACKUP_DEFAULTS.vm, name: 'bkpol-vm-daily' })).toEqual([]);
    expect(sqlAutoBackupProblems(BACKUP_DEFAULTS.sql)).toEqual([]);
  });

  test('overrides replace one field and keep the others', () => {
    const s = backupSchedule({ sql: { logBackupMinutes: 5 }, exports: { retentionDays: 90 } });
    expect(s.sql).toEqual({ ...BACKUP_DEFAULTS.sql, logBackupMinutes: 5 });
    expect(s.exports).toEqual({ time: '02:00', retentionDays: 90 });
    expect(s.vm).toEqual(BACKUP_DEFAULTS.vm);
  });
});

describe('SQL backup mechanism and recovery model', () => {
  test('Automated Backup by default; FCIs and mirrored SQL 2012 are manual; SQL 2012 otherwise uses Azure Backup', () => {
    expect(chooseSqlBackupMechanism({ haMode: 'always-on', sqlVersion: 2019 }).mechanism).toBe('automated-backup');
    expect(chooseSqlBackupMechanism({ haMode: 'mirroring', sqlVersion: 2014 }).mechanism).toBe('automated-backup');
    expect(chooseSqlBackupMechanism({ haMode: 'standalone' }).mechanism).toBe('automated-backup');
    expect(chooseSqlBackupMechanism({ haMode: 'failover-cluster', sqlVersion: 2019 }).mechanism).toBe('manual');
    expect(chooseSqlBackupMechanism({ haMode: 'mirroring', sqlVersion: 2012 }).mechanism).toBe('manual');
    expect(chooseSqlBackupMechanism({ haMode: 'standalone', sqlVersion: 2012 }).mechanism).toBe('azure-backup');
  });

  test('AlwaysOn and mirroring need FULL; log backups need FULL; only a manual standalone store may stay SIMPLE', () => {
    expect(recoveryModel({ haMode: 'always-on' }, 'manual')).toBe('FULL');
    expect(recoveryModel({ haMode: 'mirroring' }, 'manual')).toBe('FULL');
    expect(recoveryModel({ haMode: 'standalone' }, 'automated-backup')).toBe('FULL');
    expect(recoveryModel({ haMode: 'failover-cluster' }, 'manual')).toBe('SIMPLE');
  });
});

describe('backupPlan', () => {
  test('one row per protected server (sorted by key), per SQL store, per export and per file store', () => {
    const rows = rowsOf(west);
    expect(rows.map((r) => [r.what, r.from])).toEqual([
      ['Back End server (OS and data disks)', 'west-be-1'],
      ['Front End server (OS and data disks)', 'pool-1'],
      ['Front End server (OS and data disks)', 'pool-2'],
      ['SQL databases: Xds.mdf, Lis.mdf, RgsConfig.mdf, RTCXDS.mdf (recovery model FULL)', 'west-be-1.corp.contoso.com\\rtc (always-on)'],
      ['Topology, policies and configuration settings', 'Central Management store (Xds.mdf)'],
      ['E9-1-1 location information', 'Central Management store (Lis.mdf)'],
      ['Persistent user data', 'pool-west.corp.contoso.com'],
      ['Response Group configuration', 'pool-west.corp.contoso.com'],
      ['File store content', '\\\\corp.contoso.com\\sfb-west'],
    ]);
  });

  test('VM copies live in the vault of the site, geo-replicated to the Azure pair; SQL backups and exports in the partner region', () => {
    const rows = rowsOf(west);
    expect(rows[0]).toMatchObject({ where: 'vault rsv-contoso-west (westeurope), geo-replicated to northeurope (Cross Region Restore)', frequency: 'daily at 01:00 UTC', retention: '14 daily, 8 weekly (Sunday)', rpo: '24 h' });
    expect(rows[3]).toMatchObject({ where: 'storage sfbsqlwest (northeurope)', rpo: '15 min', retention: '14 days' });
    expect(rows[3].how).toBe('SQL IaaS Automated Backup (v2), full + log');
    expect(rows[4]).toMatchObject({ how: 'Export-CsConfiguration (scheduled task)', where: 'storage sfbexpwest (northeurope)', retention: '30 days' });
    expect(notesOf(west)).toEqual([]);
  });

  test('the RPO follows the schedule', () => {
    const schedule = backupSchedule({ sql: { logBackupMinutes: 60 }, vm: { frequency: 'Hourly', hourInterval: 4, hourDuration: 24 } });
    const rows = backupPlan({ sites: [west], schedule }).rows;
    expect(rows[0].rpo).toBe('4 h');
    expect(rows[3].rpo).toBe('1 h');
  });

  test('warns when the site region has no Azure pair', () => {
    expect(notesOf({ ...west, location: 'polandcentral', partnerLocation: 'germanywestcentral' })).toEqual(['BACKUP-REGION-UNPAIRED']);
  });

  test('warns when there is no partner region outside the protected one', () => {
    expect(notesOf({ ...west, partnerLocation: undefined })).toEqual(['BACKUP-SAME-REGION']);
    expect(notesOf({ ...west, partnerLocation: 'WestEurope' })).toEqual(['BACKUP-SAME-REGION']);
  });

  test('tells where Cross Region Restore lands when the partner site is not the Azure pair', () => {
    const plan = backupPlan({ sites: [{ ...west, partnerLocation: 'uksouth' }] });
    expect(plan.notes).toEqual([expect.objectContaining({ id: 'BACKUP-CRR-REGION', severity: 'info', message: expect.stringContaining('restores into northeurope') })]);
  });

  test('an FCI store has no automated SQL backup (warning) and stays in the plan', () => {
    const site = { ...west, sqlStores: [{ key: 'fci', fqdn: 'sqlfci.corp.contoso.com', instance: 'rtc', haMode: 'failover-cluster' as const, roles: ['back-end' as const] }] };
    const plan = backupPlan({ sites: [site] });
    expect(plan.notes.map((n) => [n.id, n.severity])).toEqual([['BACKUP-SQL-MANUAL', 'warning']]);
    expect(plan.rows.find((r) => r.from.startsWith('sqlfci'))).toMatchObject({ how: 'native SQL Server backup jobs (operator)', what: expect.stringContaining('recovery model SIMPLE') });
  });

  test('an Automated Backup store without a target account is a warning', () => {
    expect(notesOf({ ...west, sqlBackupStorageAccount: undefined })).toEqual(['BACKUP-SQL-TARGET']);
  });

  test('deterministic: site and server order do not change the plan', () => {
    const north: BackupSiteInput = { ...west, name: 'north', location: 'northeurope', partnerLocation: 'westeurope', vaultName: 'rsv-contoso-north' };
    const a = backupPlan({ sites: [west, north] });
    const b = backupPlan({ sites: [north, { ...west, servers: [...west.servers].reverse() }] });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.rows[0].site).toBe('north');
  });

  test('every paired region is a region the library knows, in the same geography as its pair where Azure pairs within one', () => {
    for (const [region, pair] of Object.entries(AZURE_PAIRED_REGIONS)) {
      expect(regionInfo(region)).toBeDefined();
      expect(regionInfo(pair)).toBeDefined();
      if (!['brazilsouth', 'westus3'].includes(region)) expect(regionInfo(pair)!.geography).toBe(regionInfo(region)!.geography);
    }
  });
});
