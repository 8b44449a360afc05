/**
 * What the azurerm provider (4.55.0, inside @cdktf/provider-azurerm 14.23.1) accepts for the backup
 * resources, as data with the Go source that enforces it, and small checks that turn a bad value into a
 * message before `terraform plan` would. Plain data: no cdktf, no provider import.
 *
 * Sources are files of `hashicorp/terraform-provider-azurerm` (read from the stored versions; the
 * argument names are cross-checked against the 4.55 bindings' `.d.ts`):
 * - `internal/services/recoveryservices/validate/recovery_services_vault_name.go`
 * - `internal/services/recoveryservices/recovery_services_vault_resource.go`
 * - `internal/services/recoveryservices/backup_policy_vm_resource.go`
 * - `internal/services/recoveryservices/validate/backup_policy_name.go`
 * - `internal/services/recoveryservices/backup_policy_vm_workload_resource.go`
 * - `internal/services/recoveryservices/backup_protected_vm_resource.go`
 * - `internal/services/mssql/mssql_virtual_machine_resource.go`
 * - `internal/services/storage/validate/storage_account_name.go`, `.../validate/storage_container.go`
 */

const REPO = 'hashicorp/terraform-provider-azurerm';
const RS = `${REPO}: internal/services/recoveryservices`;

export const CONSTRAINT_SOURCES = {
  vaultName: `${RS}/validate/recovery_services_vault_name.go`,
  vault: `${RS}/recovery_services_vault_resource.go`,
  vmPolicy: `${RS}/backup_policy_vm_resource.go`,
  workloadPolicyName: `${RS}/validate/backup_policy_name.go`,
  workloadPolicy: `${RS}/backup_policy_vm_workload_resource.go`,
  protectedVm: `${RS}/backup_protected_vm_resource.go`,
  sqlVm: `${REPO}: internal/services/mssql/mssql_virtual_machine_resource.go`,
  storageAccountName: `${REPO}: internal/services/storage/validate/storage_account_name.go`,
  storageContainerName: `${REPO}: internal/services/storage/validate/storage_container.go`,
} as const;

/** One provider rule: where it applies, what it allows, and the Go file that enforces it. */
export interface ProviderConstraint {
  readonly id: string;
  readonly resource: string;
  readonly argument: string;
  readonly allowed: string;
  readonly source: string;
}

/** A value the provider would reject: the constraint ID and a message that names the value. */
export interface ConstraintProblem {
  readonly constraint: string;
  readonly message: string;
}

// ---- the rules as data ----------------------------------------------------------------------------

/** `^[a-zA-Z][-a-zA-Z0-9]{1,49}$`: 2 to 50 characters, a letter first, then letters, digits, hyphens. */
export const VAULT_NAME = /^[a-zA-Z][-a-zA-Z0-9]{1,49}$/;
/** `azurerm_backup_policy_vm.name`: `^[a-zA-Z][-_!a-zA-Z0-9]{2,149}$`. */
export const VM_POLICY_NAME = /^[a-zA-Z][-_!a-zA-Z0-9]{2,149}$/;
/** `azurerm_backup_policy_vm_workload.name` (validate.BackupPolicyName): `^[a-zA-Z][-\da-zA-Z]{2,149}$`. */
export const WORKLOAD_POLICY_NAME = /^[a-zA-Z][-\da-zA-Z]{2,149}$/;
/** `backup.time` of both policy kinds: `HH:mm` on the hour or half past (`^([01][0-9]|[2][0-3]):([03][0])$`). */
export const BACKUP_TIME = /^([01][0-9]|2[0-3]):(00|30)$/;
/** validate.StorageAccountName: `\A([a-z0-9]{3,24})\z`. */
export const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
/** validate.StorageContainerName: `^\$root$|^\$web$|^[0-9a-z-]+$`, 3 to 63 characters, no leading hyphen. */
export const STORAGE_CONTAINER_NAME = /^(\$root|\$web|[0-9a-z][0-9a-z-]{2,62})$/;

export const VAULT_SKUS = ['RS0', 'Standard'] as const;
/** `storage_mode_type` (default GeoRedundant). */
export const VAULT_STORAGE_MODES = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'] as const;
export type VaultStorageMode = (typeof VAULT_STORAGE_MODES)[number];
export const VM_POLICY_FREQUENCIES = ['Hourly', 'Daily', 'Weekly'] as const;
export type VmPolicyFrequency = (typeof VM_POLICY_FREQUENCIES)[number];
export const VM_POLICY_TYPES = ['V1', 'V2'] as const;
export const HOUR_INTERVALS = [4, 6, 8, 12] as const;
/** `frequency_in_minutes` of a workload (SQL) Log sub-policy. */
export const WORKLOAD_LOG_FREQUENCIES = [15, 30, 60, 120, 240, 480, 720, 1440] as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const SQL_FULL_BACKUP_FREQUENCIES = ['Daily', 'Weekly'] as const;
export type SqlFullBackupFrequency = (typeof SQL_FULL_BACKUP_FREQUENCIES)[number];
/** `account_replication_type` of azurerm_storage_account (shared/reference/cdktf-and-azurerm-notes.md D.2). */
export const STORAGE_REPLICATION_TYPES = ['LRS', 'GRS', 'RAGRS', 'ZRS', 'GZRS', 'RAGZRS'] as const;
export type StorageReplicationType = (typeof STORAGE_REPLICATION_TYPES)[number];

/** Every encoded provider rule, for the report and the docs. */
export const PROVIDER_CONSTRAINTS: readonly ProviderConstraint[] = [
  { id: 'VAULT-NAME', resource: 'azurerm_recovery_services_vault', argument: 'name', allowed: '2-50 characters, a letter first, then letters, digits and hyphens', source: CONSTRAINT_SOURCES.vaultName },
  { id: 'VAULT-SKU', resource: 'azurerm_recovery_services_vault', argument: 'sku', allowed: 'RS0 or Standard', source: CONSTRAINT_SOURCES.vault },
  { id: 'VAULT-STORAGE', resource: 'azurerm_recovery_services_vault', argument: 'storage_mode_type', allowed: 'GeoRedundant (default), LocallyRedundant or ZoneRedundant', source: CONSTRAINT_SOURCES.vault },
  { id: 'VAULT-CRR', resource: 'azurerm_recovery_services_vault', argument: 'cross_region_restore_enabled', allowed: 'true only with storage_mode_type GeoRedundant (create fails otherwise); turning it off again replaces the vault', source: CONSTRAINT_SOURCES.vault },
  { id: 'VAULT-SOFT-DELETE', resource: 'azurerm_recovery_services_vault', argument: 'soft_delete_enabled', allowed: 'true (false is refused at create and cannot be set once true; deprecated for 5.0, always on)', source: CONSTRAINT_SOURCES.vault },
  { id: 'POLICY-NAME', resource: 'azurerm_backup_policy_vm', argument: 'name', allowed: '3-150 characters, a letter first, then letters, digits, -, _ or !', source: CONSTRAINT_SOURCES.vmPolicy },
  { id: 'POLICY-TIME', resource: 'azurerm_backup_policy_vm / azurerm_backup_policy_vm_workload', argument: 'backup.time', allowed: 'HH:mm, HH 00-23, mm 00 or 30', source: CONSTRAINT_SOURCES.vmPolicy },
  { id: 'POLICY-TIMEZONE', resource: 'azurerm_backup_policy_vm', argument: 'timezone', allowed: 'any string, default UTC (no provider validation; Azure expects a Windows time zone ID such as "W. Europe Standard Time", not an IANA name)', source: CONSTRAINT_SOURCES.vmPolicy },
  { id: 'POLICY-FREQUENCY', resource: 'azurerm_backup_policy_vm', argument: 'backup.frequency', allowed: 'Hourly, Daily or Weekly; Hourly needs policy_type V2 with hour_interval (4, 6, 8, 12) and hour_duration (4-24, a multiple of the interval)', source: CONSTRAINT_SOURCES.vmPolicy },
  { id: 'POLICY-RETENTION', resource: 'azurerm_backup_policy_vm', argument: 'retention_daily / retention_weekly', allowed: 'Hourly and Daily need retention_daily and no backup.weekdays; Weekly needs retention_weekly and no retention_daily; retention_daily.count 7-9999 (2-6 refused at create); retention_weekly.count 1-9999 with weekdays', source: CONSTRAINT_SOURCES.vmPolicy },
  { id: 'POLICY-INSTANT-RESTORE', resource: 'azurerm_backup_policy_vm', argument: 'instant_restore_retention_days', allowed: '1-30, at most 5 with policy_type V1', source: CONSTRAINT_SOURCES.vmPolicy },
  { id: 'WORKLOAD-POLICY', resource: 'azurerm_backup_policy_vm_workload', argument: 'name, protection_policy, settings', allowed: 'name ^[a-zA-Z][-\\da-zA-Z]{2,149}$; Log frequency_in_minutes 15, 30, 60, 120, 240, 480, 720 or 1440; retention_daily 7-9999, weekly 1-5163, monthly 1-1188, yearly 1-99, simple_retention 7-35; settings.time_zone non-empty; workload_type SQLDataBase or SAPHanaDatabase', source: CONSTRAINT_SOURCES.workloadPolicy },
  { id: 'PROTECTED-VM', resource: 'azurerm_backup_protected_vm', argument: 'source_vm_id, backup_policy_id', allowed: 'both required at create; changing source_vm_id to another VM replaces the item', source: CONSTRAINT_SOURCES.protectedVm },
  { id: 'SQL-AUTO-BACKUP', resource: 'azurerm_mssql_virtual_machine', argument: 'auto_backup', allowed: 'retention_period_in_days 1-30; storage_blob_endpoint an https URL; storage_account_access_key non-empty; encryption_password exactly when encryption_enabled; removing the block replaces the SQL VM registration', source: CONSTRAINT_SOURCES.sqlVm },
  { id: 'SQL-AUTO-BACKUP-SCHEDULE', resource: 'azurerm_mssql_virtual_machine', argument: 'auto_backup.manual_schedule', allowed: 'full_backup_frequency Daily or Weekly; full_backup_start_hour 0-23; full_backup_window_in_hours 1-23; log_backup_frequency_in_minutes 5-60; days_of_week only with Weekly', source: CONSTRAINT_SOURCES.sqlVm },
  { id: 'STORAGE-NAME', resource: 'azurerm_storage_account', argument: 'name', allowed: '3-24 lower-case letters and digits', source: CONSTRAINT_SOURCES.storageAccountName },
  { id: 'CONTAINER-NAME', resource: 'azurerm_storage_container', argument: 'name', allowed: '3-63 lower-case letters, digits and hyphens, not starting with a hyphen ($root and $web aside)', source: CONSTRAINT_SOURCES.storageContainerName },
];

// ---- checks -----------------------------------------------------------------------------------------

function problem(constraint: string, message: string): ConstraintProblem {
  return { constraint, message };
}

function between(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function vaultNameProblems(name: string): ConstraintProblem[] {
  return VAULT_NAME.test(name) ? [] : [problem('VAULT-NAME', `vault name ${JSON.stringify(name)} is not 2-50 characters of letters, digits and hyphens starting with a letter`)];
}

export function storageAccountNameProblems(name: string): ConstraintProblem[] {
  return STORAGE_ACCOUNT_NAME.test(name) ? [] : [problem('STORAGE-NAME', `storage account name ${JSON.stringify(name)} is not 3-24 lower-case letters and digits`)];
}

export function containerNameProblems(name: string): ConstraintProblem[] {
  return STORAGE_CONTAINER_NAME.test(name) ? [] : [problem('CONTAINER-NAME', `container name ${JSON.stringify(name)} is not 3-63 lower-case letters, digits and hyphens starting with a letter or digit`)];
}

export interface VaultSettings {
  readonly name: string;
  readonly storageModeType: VaultStorageMode;
  readonly crossRegionRestore: boolean;
  readonly softDelete: boolean;
}

export function vaultProblems(v: VaultSettings): ConstraintProblem[] {
  const out = vaultNameProblems(v.name);
  if (!(VAULT_STORAGE_MODES as readonly string[]).includes(v.storageModeType)) {
    out.push(problem('VAULT-STORAGE', `storage mode ${JSON.stringify(v.storageModeType)} is not one of ${VAULT_STORAGE_MODES.join(', ')}`));
  }
  if (v.crossRegionRestore && v.storageModeType !== 'GeoRedundant') {
    out.push(problem('VAULT-CRR', `cross-region restore needs storage mode GeoRedundant, not ${v.storageModeType}`));
  }
  if (!v.softDelete) out.push(problem('VAULT-SOFT-DELETE', 'soft delete cannot be disabled on a new Recovery Services vault'));
  return out;
}

/** Settings of an Azure VM backup policy (`azurerm_backup_policy_vm`). */
export interface VmPolicySettings {
  readonly name: string;
  readonly frequency: VmPolicyFrequency;
  /** `HH:mm`, on the hour or half past. */
  readonly time: string;
  /** A Windows time zone ID (`UTC`, `W. Europe Standard Time`). */
  readonly timezone: string;
  readonly policyType: 'V1' | 'V2';
  /** Daily restore points kept (Hourly/Daily). */
  readonly dailyRetention?: number;
  /** Weekly restore points kept, taken on `weeklyRetentionDays`. */
  readonly weeklyRetention?: number;
  readonly weeklyRetentionDays?: readonly Weekday[];
  /** Weekly backups run on these days. */
  readonly weekdays?: readonly Weekday[];
  readonly hourInterval?: number;
  readonly hourDuration?: number;
  readonly instantRestoreDays?: number;
}

/** Weekday names as the provider spells them (`Sunday`, ...). */
export function weekdayProblems(what: string, days: readonly string[] | undefined): ConstraintProblem[] {
  const bad = (days ?? []).filter((d) => !(WEEKDAYS as readonly string[]).includes(d));
  return bad.length === 0 ? [] : [problem('POLICY-WEEKDAYS', `${what} ${JSON.stringify(bad)} are not weekdays; give ${WEEKDAYS.join(', ')}`)];
}

export function timezoneProblems(timezone: string, constraint = 'POLICY-TIMEZONE'): ConstraintProblem[] {
  if (timezone.trim() === '') return [problem(constraint, 'the backup time zone is empty')];
  if (timezone.includes('/')) {
    return [problem(constraint, `time zone ${JSON.stringify(timezone)} looks like an IANA name; Azure Backup expects a Windows time zone ID such as "UTC" or "W. Europe Standard Time"`)];
  }
  return [];
}

export function vmPolicyProblems(p: VmPolicySettings): ConstraintProblem[] {
  const out: ConstraintProblem[] = [];
  if (!VM_POLICY_NAME.test(p.name)) out.push(problem('POLICY-NAME', `policy name ${JSON.stringify(p.name)} is not 3-150 characters of letters, digits, -, _ or ! starting with a letter`));
  if (!BACKUP_TIME.test(p.time)) out.push(problem('POLICY-TIME', `backup time ${JSON.stringify(p.time)} is not HH:mm on the hour or half past (00:00-23:30)`));
  out.push(...timezoneProblems(p.timezone));
  if (!(VM_POLICY_FREQUENCIES as readonly string[]).includes(p.frequency)) {
    out.push(problem('POLICY-FREQUENCY', `frequency ${JSON.stringify(p.frequency)} is not Hourly, Daily or Weekly`));
  }
  const daily = p.dailyRetention !== undefined;
  const weekly = p.weeklyRetention !== undefined;
  if (p.frequency === 'Hourly' || p.frequency === 'Daily') {
    if (!daily) out.push(problem('POLICY-RETENTION', `a ${p.frequency} policy needs a daily retention`));
    if ((p.weekdays ?? []).length > 0) out.push(problem('POLICY-RETENTION', `a ${p.frequency} policy takes no backup weekdays`));
  }
  if (p.frequency === 'Weekly') {
    if (daily) out.push(problem('POLICY-RETENTION', 'a Weekly policy takes no daily retention'));
    if (!weekly) out.push(problem('POLICY-RETENTION', 'a Weekly policy needs a weekly retention'));
    if ((p.weekdays ?? []).length === 0) out.push(problem('POLICY-FREQUENCY', 'a Weekly policy needs backup weekdays'));
  }
  if (p.frequency === 'Hourly') {
    if (p.policyType !== 'V2') out.push(problem('POLICY-FREQUENCY', 'an Hourly policy needs policy type V2 (enhanced policy)'));
    if (p.hourInterval === undefined || !(HOUR_INTERVALS as readonly number[]).includes(p.hourInterval)) {
      out.push(problem('POLICY-FREQUENCY', `hour interval ${p.hourInterval} is not one of ${HOUR_INTERVALS.join(', ')}`));
    }
    if (p.hourDuration === undefined || !between(p.hourDuration, 4, 24) || (p.hourInterval !== undefined && p.hourDuration % p.hourInterval !== 0)) {
      out.push(problem('POLICY-FREQUENCY', `hour duration ${p.hourDuration} is not 4-24 hours and a multiple of the interval ${p.hourInterval}`));
    }
  } else if (p.hourInterval !== undefined || p.hourDuration !== undefined) {
    out.push(problem('POLICY-FREQUENCY', `hour interval and duration apply to Hourly policies only, not ${p.frequency}`));
  }
  // The schema allows 1-9999, but creating or changing a policy with 2-6 daily points fails in the
  // provider ("the Azure API ... can no longer be less than 7 days"); we ask for 7 or more.
  if (daily && !between(p.dailyRetention!, 7, 9999)) {
    out.push(problem('POLICY-RETENTION', `daily retention ${p.dailyRetention} is not 7-9999 restore points`));
  }
  if (weekly) {
    if (!between(p.weeklyRetention!, 1, 9999)) out.push(problem('POLICY-RETENTION', `weekly retention ${p.weeklyRetention} is not 1-9999 restore points`));
    if ((p.weeklyRetentionDays ?? []).length === 0) out.push(problem('POLICY-RETENTION', 'a weekly retention needs the weekdays whose restore points it keeps'));
  }
  if (p.instantRestoreDays !== undefined) {
    const max = p.policyType === 'V1' ? 5 : 30;
    if (!between(p.instantRestoreDays, 1, max)) {
      out.push(problem('POLICY-INSTANT-RESTORE', `instant restore retention ${p.instantRestoreDays} days is not 1-${max} for policy type ${p.policyType}`));
    }
  }
  return out;
}

/** SQL IaaS Automated Backup (`azurerm_mssql_virtual_machine.auto_backup`) settings, storage aside. */
export interface SqlAutoBackupSchedule {
  readonly retentionDays: number;
  readonly fullBackupFrequency: SqlFullBackupFrequency;
  /** Only with Weekly. */
  readonly fullBackupDays?: readonly Weekday[];
  readonly fullBackupStartHour: number;
  readonly fullBackupWindowHours: number;
  readonly logBackupMinutes: number;
  readonly systemDatabases: boolean;
}

export function sqlAutoBackupProblems(s: SqlAutoBackupSchedule): ConstraintProblem[] {
  const out: ConstraintProblem[] = [];
  if (!between(s.retentionDays, 1, 30)) out.push(problem('SQL-AUTO-BACKUP', `SQL backup retention ${s.retentionDays} days is not 1-30`));
  if (!(SQL_FULL_BACKUP_FREQUENCIES as readonly string[]).includes(s.fullBackupFrequency)) {
    out.push(problem('SQL-AUTO-BACKUP-SCHEDULE', `full backup frequency ${JSON.stringify(s.fullBackupFrequency)} is not Daily or Weekly`));
  }
  if ((s.fullBackupDays ?? []).length > 0 && s.fullBackupFrequency !== 'Weekly') {
    out.push(problem('SQL-AUTO-BACKUP-SCHEDULE', `full backup days apply to a Weekly schedule only, not ${s.fullBackupFrequency}`));
  }
  if (!between(s.fullBackupStartHour, 0, 23)) out.push(problem('SQL-AUTO-BACKUP-SCHEDULE', `full backup start hour ${s.fullBackupStartHour} is not 0-23`));
  if (!between(s.fullBackupWindowHours, 1, 23)) out.push(problem('SQL-AUTO-BACKUP-SCHEDULE', `full backup window ${s.fullBackupWindowHours} hours is not 1-23`));
  if (!between(s.logBackupMinutes, 5, 60)) out.push(problem('SQL-AUTO-BACKUP-SCHEDULE', `log backup interval ${s.logBackupMinutes} minutes is not 5-60`));
  return out;
}

/** `storage_blob_endpoint` must be an https URL (or a Terraform reference resolved at apply time). */
export function blobEndpointProblems(endpoint: string): ConstraintProblem[] {
  if (endpoint.includes('${') || endpoint.includes('TfToken')) return [];
  return /^https:\/\/[^\s/]+/.test(endpoint) ? [] : [problem('SQL-AUTO-BACKUP', `storage blob endpoint ${JSON.stringify(endpoint)} is not an https URL`)];
}

/** Settings of an Azure Backup SQL workload policy (`azurerm_backup_policy_vm_workload`). */
export interface SqlWorkloadPolicySettings {
  readonly name: string;
  readonly fullBackupTime: string;
  readonly timezone: string;
  readonly dailyRetention: number;
  readonly logBackupMinutes: number;
  readonly logRetentionDays: number;
}

export function sqlWorkloadPolicyProblems(p: SqlWorkloadPolicySettings): ConstraintProblem[] {
  const out: ConstraintProblem[] = [];
  if (!WORKLOAD_POLICY_NAME.test(p.name)) out.push(problem('WORKLOAD-POLICY', `policy name ${JSON.stringify(p.name)} is not 3-150 letters, digits and hyphens starting with a letter`));
  if (!BACKUP_TIME.test(p.fullBackupTime)) out.push(problem('POLICY-TIME', `backup time ${JSON.stringify(p.fullBackupTime)} is not HH:mm on the hour or half past (00:00-23:30)`));
  out.push(...timezoneProblems(p.timezone, 'WORKLOAD-POLICY'));
  if (!between(p.dailyRetention, 7, 9999)) out.push(problem('WORKLOAD-POLICY', `daily retention ${p.dailyRetention} is not 7-9999`));
  if (!(WORKLOAD_LOG_FREQUENCIES as readonly number[]).includes(p.logBackupMinutes)) {
    out.push(problem('WORKLOAD-POLICY', `log backup interval ${p.logBackupMinutes} minutes is not one of ${WORKLOAD_LOG_FREQUENCIES.join(', ')}`));
  }
  if (!between(p.logRetentionDays, 7, 35)) out.push(problem('WORKLOAD-POLICY', `log retention ${p.logRetentionDays} days is not 7-35`));
  return out;
}

/** Throws one error listing every problem (a building block cannot render such input). */
export function assertNoProblems(where: string, problems: readonly ConstraintProblem[]): void {
  if (problems.length === 0) return;
  throw new Error(`${where}: ${problems.map((p) => `[${p.constraint}] ${p.message}`).join('; ')}`);
}
