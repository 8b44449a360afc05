import {
  blobEndpointProblems,
  containerNameProblems,
  PROVIDER_CONSTRAINTS,
  sqlAutoBackupProblems,
  sqlWorkloadPolicyProblems,
  storageAccountNameProblems,
  timezoneProblems,
  vaultNameProblems,
  vaultProblems,
  VmPolicySettings,
  vmPolicyProblems,
} from '../../lib/model/backup-constraints';
import { BACKUP_DEFAULTS } from '../../lib/model/backup';

const ids = (problems: { constraint: string }[]) => problems.map((p) => p.constraint);
const dailyPolicy: VmPolicySettings = { ...BACKUP_DEFAULTS.vm, name: 'bkpol-vm-daily' };

describe('provider constraints of the backup resources', () => {
  test('every encoded constraint names a Go file of the provider as its source', () => {
    for (const c of PROVIDER_CONSTRAINTS) expect(c.source).toMatch(/^hashicorp\/terraform-provider-azurerm: internal\/services\/.+\.go$/);
    expect(new Set(PROVIDER_CONSTRAINTS.map((c) => c.id)).size).toBe(PROVIDER_CONSTRAINTS.length);
  });

  test('vault names: 2-50 characters, a letter first, letters, digits and hyphens', () => {
    expect(vaultNameProblems('rsv-contoso-west')).toEqual([]);
    expect(vaultNameProblems('a'.repeat(50))).toEqual([]);
    expect(ids(vaultNameProblems('a'.repeat(51)))).toEqual(['VAULT-NAME']);
    expect(ids(vaultNameProblems('1vault'))).toEqual(['VAULT-NAME']);
    expect(ids(vaultNameProblems('rsv_west'))).toEqual(['VAULT-NAME']);
    expect(ids(vaultNameProblems('r'))).toEqual(['VAULT-NAME']);
  });

  test('cross-region restore needs a geo-redundant vault; soft delete cannot be turned off', () => {
    expect(vaultProblems({ name: 'rsv-west', storageModeType: 'GeoRedundant', crossRegionRestore: true, softDelete: true })).toEqual([]);
    expect(vaultProblems({ name: 'rsv-west', storageModeType: 'LocallyRedundant', crossRegionRestore: false, softDelete: true })).toEqual([]);
    expect(ids(vaultProblems({ name: 'rsv-west', storageModeType: 'ZoneRedundant', crossRegionRestore: true, softDelete: true }))).toEqual(['VAULT-CRR']);
    expect(ids(vaultProblems({ name: 'rsv-west', storageModeType: 'GeoRedundant', crossRegionRestore: true, softDelete: false }))).toEqual(['VAULT-SOFT-DELETE']);
  });

  test('the default VM policy is valid', () => {
    expect(vmPolicyProblems(dailyPolicy)).toEqual([]);
  });

  test('backup time must be on the hour or half past, 00:00-23:30', () => {
    expect(vmPolicyProblems({ ...dailyPolicy, time: '23:30' })).toEqual([]);
    for (const time of ['01:15', '24:00', '1:00', '01:00:00']) expect(ids(vmPolicyProblems({ ...dailyPolicy, time }))).toEqual(['POLICY-TIME']);
  });

  test('daily retention: 7 or more restore points (the provider refuses 2-6 at create)', () => {
    expect(ids(vmPolicyProblems({ ...dailyPolicy, dailyRetention: 6 }))).toEqual(['POLICY-RETENTION']);
    expect(vmPolicyProblems({ ...dailyPolicy, dailyRetention: 7 })).toEqual([]);
    expect(ids(vmPolicyProblems({ ...dailyPolicy, dailyRetention: 10000 }))).toEqual(['POLICY-RETENTION']);
  });

  test('a Daily policy needs a daily retention and takes no weekdays; a Weekly one the reverse', () => {
    expect(ids(vmPolicyProblems({ ...dailyPolicy, dailyRetention: undefined }))).toContain('POLICY-RETENTION');
    expect(ids(vmPolicyProblems({ ...dailyPolicy, weekdays: ['Monday'] }))).toContain('POLICY-RETENTION');
    const weekly: VmPolicySettings = { ...dailyPolicy, frequency: 'Weekly', dailyRetention: undefined, weekdays: ['Sunday'] };
    expect(vmPolicyProblems(weekly)).toEqual([]);
    expect(ids(vmPolicyProblems({ ...weekly, dailyRetention: 14 }))).toEqual(['POLICY-RETENTION']);
    expect(ids(vmPolicyProblems({ ...weekly, weekdays: [] }))).toEqual(['POLICY-FREQUENCY']);
    expect(ids(vmPolicyProblems({ ...weekly, weeklyRetention: undefined }))).toEqual(['POLICY-RETENTION']);
  });

  test('Hourly: policy type V2, interval 4/6/8/12, duration a multiple of the interval', () => {
    const hourly: VmPolicySettings = { ...dailyPolicy, frequency: 'Hourly', hourInterval: 4, hourDuration: 12 };
    expect(vmPolicyProblems(hourly)).toEqual([]);
    expect(ids(vmPolicyProblems({ ...hourly, policyType: 'V1', instantRestoreDays: 2 }))).toEqual(['POLICY-FREQUENCY']);
    expect(ids(vmPolicyProblems({ ...hourly, hourInterval: 5 }))).toContain('POLICY-FREQUENCY');
    expect(ids(vmPolicyProblems({ ...hourly, hourDuration: 10 }))).toEqual(['POLICY-FREQUENCY']);
    expect(ids(vmPolicyProblems({ ...dailyPolicy, hourInterval: 4 }))).toEqual(['POLICY-FREQUENCY']);
  });

  test('instant restore: 1-30 days, at most 5 with V1', () => {
    expect(vmPolicyProblems({ ...dailyPolicy, instantRestoreDays: 30 })).toEqual([]);
    expect(ids(vmPolicyProblems({ ...dailyPolicy, instantRestoreDays: 31 }))).toEqual(['POLICY-INSTANT-RESTORE']);
    expect(ids(vmPolicyProblems({ ...dailyPolicy, policyType: 'V1', instantRestoreDays: 6 }))).toEqual(['POLICY-INSTANT-RESTORE']);
    expect(vmPolicyProblems({ ...dailyPolicy, policyType: 'V1', instantRestoreDays: 5 })).toEqual([]);
  });

  test('time zones are Windows IDs, not IANA names', () => {
    expect(timezoneProblems('W. Europe Standard Time')).toEqual([]);
    expect(ids(timezoneProblems('Europe/Berlin'))).toEqual(['POLICY-TIMEZONE']);
    expect(ids(timezoneProblems(' '))).toEqual(['POLICY-TIMEZONE']);
  });

  test('SQL Automated Backup ranges (mssql_virtual_machine_resource.go)', () => {
    expect(sqlAutoBackupProblems(BACKUP_DEFAULTS.sql)).toEqual([]);
    expect(ids(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, retentionDays: 31 }))).toEqual(['SQL-AUTO-BACKUP']);
    expect(ids(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, logBackupMinutes: 4 }))).toEqual(['SQL-AUTO-BACKUP-SCHEDULE']);
    expect(ids(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, logBackupMinutes: 61 }))).toEqual(['SQL-AUTO-BACKUP-SCHEDULE']);
    expect(ids(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, fullBackupStartHour: 24 }))).toEqual(['SQL-AUTO-BACKUP-SCHEDULE']);
    expect(ids(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, fullBackupWindowHours: 0 }))).toEqual(['SQL-AUTO-BACKUP-SCHEDULE']);
    expect(ids(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, fullBackupDays: ['Sunday'] }))).toEqual(['SQL-AUTO-BACKUP-SCHEDULE']);
    expect(sqlAutoBackupProblems({ ...BACKUP_DEFAULTS.sql, fullBackupFrequency: 'Weekly', fullBackupDays: ['Sunday'] })).toEqual([]);
  });

  test('the blob endpoint is an https URL or a reference', () => {
    expect(blobEndpointProblems('https://sfbsqlnorth.blob.core.windows.net/')).toEqual([]);
    expect(blobEndpointProblems('${azurerm_storage_account.x.primary_blob_endpoint}')).toEqual([]);
    expect(ids(blobEndpointProblems('http://sfbsqlnorth.blob.core.windows.net/'))).toEqual(['SQL-AUTO-BACKUP']);
  });

  test('Azure Backup SQL workload policy ranges (backup_policy_vm_workload_resource.go)', () => {
    const ok = { name: 'bkpol-sql', fullBackupTime: '01:00', timezone: 'UTC', dailyRetention: 14, logBackupMinutes: 15, logRetentionDays: 14 };
    expect(sqlWorkloadPolicyProblems(ok)).toEqual([]);
    expect(ids(sqlWorkloadPolicyProblems({ ...ok, logBackupMinutes: 10 }))).toEqual(['WORKLOAD-POLICY']);
    expect(ids(sqlWorkloadPolicyProblems({ ...ok, logRetentionDays: 36 }))).toEqual(['WORKLOAD-POLICY']);
    expect(ids(sqlWorkloadPolicyProblems({ ...ok, name: 'bkpol_sql' }))).toEqual(['WORKLOAD-POLICY']);
    expect(ids(sqlWorkloadPolicyProblems({ ...ok, dailyRetention: 6 }))).toEqual(['WORKLOAD-POLICY']);
  });

  test('storage account and container names', () => {
    expect(storageAccountNameProblems('sfbexportsnorth')).toEqual([]);
    expect(ids(storageAccountNameProblems('SfbExports'))).toEqual(['STORAGE-NAME']);
    expect(ids(storageAccountNameProblems('ab'))).toEqual(['STORAGE-NAME']);
    expect(ids(storageAccountNameProblems('a'.repeat(25)))).toEqual(['STORAGE-NAME']);
    expect(containerNameProblems('sfb-exports')).toEqual([]);
    expect(containerNameProblems('$root')).toEqual([]);
    expect(ids(containerNameProblems('-exports'))).toEqual(['CONTAINER-NAME']);
    expect(ids(containerNameProblems('Exports'))).toEqual(['CONTAINER-NAME']);
    expect(ids(containerNameProblems('ex'))).toEqual(['CONTAINER-NAME']);
  });
});
