/**
 * Backups of one central site, from plain inputs (no construct of lib/constructs is imported): a
 * Recovery Services vault with a VM backup policy and one protected item per VM (keyed by a stable key,
 * so addresses never depend on order), the storage account in the partner site for the product's
 * exports (`Export-CsConfiguration`, `Export-CsLisConfiguration`, `Export-CsRgsConfiguration`,
 * `Export-CsUserData`), and, when asked, the storage account SQL IaaS Automated Backup writes to, with
 * the `auto_backup` block to render on the existing `azurerm_mssql_virtual_machine`.
 *
 * Where the copies live and why, and why Automated Backup for SQL: `lib/model/backup.ts`
 * (BACKUP_LOCATION_DECISION, chooseSqlBackupMechanism). Provider limits: `lib/model/backup-constraints.ts`.
 */
import { Construct } from 'constructs';
import {
  BackupPolicyVm,
  BackupPolicyVmWorkload,
  BackupProtectedVm,
  MssqlVirtualMachineAutoBackup,
  PrivateEndpoint,
  RecoveryServicesVault,
  RoleAssignment,
  StorageAccount,
  StorageContainer,
  StorageManagementPolicy,
} from '../azurerm';
import {
  assertNoProblems,
  blobEndpointProblems,
  ConstraintProblem,
  containerNameProblems,
  SqlAutoBackupSchedule,
  sqlAutoBackupProblems,
  SqlWorkloadPolicySettings,
  sqlWorkloadPolicyProblems,
  storageAccountNameProblems,
  StorageReplicationType,
  STORAGE_REPLICATION_TYPES,
  vaultProblems,
  VaultStorageMode,
  VmPolicySettings,
  vmPolicyProblems,
} from '../model/backup-constraints';
import { BACKUP_DEFAULTS, EXPORT_REPLICATION, VAULT_STORAGE_MODE } from '../model/backup';
import { blobEndpointName } from '../model/names';

/** A VM the vault protects. `key` becomes the construct ID `vm-<key>`: keep it stable. */
export interface ProtectedVmInput {
  readonly key: string;
  /** `azurerm_windows_virtual_machine.id` (a reference is fine). The VM must be in the vault's region. */
  readonly vmId: string;
}

/** A private endpoint to a storage account's blob service from one site's network. */
export interface BlobPrivateEndpointInput {
  /** Stable key: the construct ID becomes `<account>-endpoint-<key>`. */
  readonly key: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subnetId: string;
  /** `privatelink.blob.core.windows.net` zone ID, for the DNS record. @default no zone group */
  readonly privateDnsZoneId?: string;
}

export interface ExportStorageInput {
  /** Region of the partner site (not the protected one). */
  readonly location: string;
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  /** @default `sfb-exports` */
  readonly containerName?: string;
  /** @default GRS */
  readonly replicationType?: StorageReplicationType;
  /**
   * Accept the protected site's own region when the account is geo-replicated (a deployment with one
   * region only; BACKUP-2 warns). @default false
   */
  readonly allowProtectedRegion?: boolean;
  /** Exports older than this are deleted by a lifecycle rule. @default 30 */
  readonly retentionDays?: number;
  /**
   * Managed identities that upload the exports (the servers running the scheduled task): each gets
   * Storage Blob Data Contributor on the container, so no account key is ever needed. @default none
   */
  readonly writers?: readonly { readonly key: string; readonly principalId: string }[];
  /**
   * Public network access is off; the servers reach the account through these endpoints. Give one in
   * the protected site AND one in the partner site, or the restore side cannot read. @default none
   */
  readonly privateEndpoints?: readonly BlobPrivateEndpointInput[];
}

export interface SqlBackupStorageInput {
  readonly storageAccountName: string;
  /** @default the export account's location */
  readonly location?: string;
  /** @default the export account's resource group */
  readonly resourceGroupName?: string;
  /** @default GRS */
  readonly replicationType?: StorageReplicationType;
  /** @default BACKUP_DEFAULTS.sql */
  readonly schedule?: Partial<SqlAutoBackupSchedule>;
  /** @default none (see ExportStorageInput.privateEndpoints) */
  readonly privateEndpoints?: readonly BlobPrivateEndpointInput[];
  /**
   * Also create an Azure Backup SQL workload policy in the vault, for stores Automated Backup cannot
   * serve (SQL 2012). azurerm 4.55 cannot register the VM or protect the databases: the operator does
   * (runbook). @default no workload policy
   */
  readonly workloadPolicy?: Partial<SqlWorkloadPolicySettings>;
}

export interface SiteBackupProps {
  /** Region of the protected site: the vault must be where its VMs are. */
  readonly location: string;
  readonly resourceGroupName: string;
  readonly vaultName: string;
  /** @default GeoRedundant */
  readonly storageModeType?: VaultStorageMode;
  /** @default true when GeoRedundant */
  readonly crossRegionRestore?: boolean;
  /** @default `bkpol-vm-<frequency, lower case>` */
  readonly vmPolicyName?: string;
  /** @default BACKUP_DEFAULTS.vm (daily 01:00 UTC, 14 daily + 8 weekly, V2) */
  readonly vmPolicy?: Partial<Omit<VmPolicySettings, 'name'>>;
  /** VMs protected from the start; more with `protect()`. */
  readonly protectedVms: readonly ProtectedVmInput[];
  /**
   * The export storage, when it is built with the vault (one stack). With a stack per site the
   * partner site builds it (`ExportStore`, lib/azure/backup-storage.ts). @default none
   */
  readonly exports?: ExportStorageInput;
  /** @default no SQL backup storage */
  readonly sql?: SqlBackupStorageInput;
  /** `prevent_destroy` on the vault and storage accounts. @default true (pass false in lab mode) */
  readonly protectData?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

function keyProblems(what: string, keys: readonly string[]): ConstraintProblem[] {
  const out: ConstraintProblem[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (!KEY.test(key)) out.push({ constraint: 'KEY', message: `${what} key ${JSON.stringify(key)} is not 1-63 lower-case letters, digits and hyphens` });
    if (seen.has(key)) out.push({ constraint: 'KEY', message: `${what} key ${JSON.stringify(key)} is given twice` });
    seen.add(key);
  }
  return out;
}

function sortedByKey<T extends { readonly key: string }>(xs: readonly T[] = []): T[] {
  return [...xs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Replication types that keep a copy in the Azure paired region. */
export const GEO_REPLICATED: readonly StorageReplicationType[] = ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'];

export interface BackupStorageAccountInput {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly replicationType: StorageReplicationType;
  /** Shared keys stay on only where the consumer needs a key (SQL Automated Backup). */
  readonly sharedKeys: boolean;
  readonly protect: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A backup storage account: private (no public network access), TLS 1.2, HTTPS only, soft delete 7 days. */
export function backupStorageAccount(scope: Construct, id: string, o: BackupStorageAccountInput): StorageAccount {
  return new StorageAccount(scope, id, {
    name: o.name,
    location: o.location,
    resourceGroupName: o.resourceGroupName,
    accountTier: 'Standard',
    accountKind: 'StorageV2',
    accountReplicationType: o.replicationType,
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    allowNestedItemsToBePublic: false,
    publicNetworkAccessEnabled: false,
    sharedAccessKeyEnabled: o.sharedKeys,
    defaultToOauthAuthentication: !o.sharedKeys,
    crossTenantReplicationEnabled: false,
    blobProperties: { deleteRetentionPolicy: { days: 7 }, containerDeleteRetentionPolicy: { days: 7 } },
    lifecycle: { preventDestroy: o.protect },
    ...(o.tags ? { tags: { ...o.tags } } : {}),
  });
}

/** What the provider and the off-site rule refuse in an export storage input. */
export function exportStoreProblems(e: ExportStorageInput & { readonly containerName: string; readonly retentionDays: number }, protectedLocation: string): ConstraintProblem[] {
  const problems: ConstraintProblem[] = [
    ...storageAccountNameProblems(e.storageAccountName),
    ...containerNameProblems(e.containerName),
    ...(e.replicationType === undefined || (STORAGE_REPLICATION_TYPES as readonly string[]).includes(e.replicationType) ? [] : [{ constraint: 'STORAGE-REPLICATION', message: `export storage replication ${JSON.stringify(e.replicationType)} is not one of ${STORAGE_REPLICATION_TYPES.join(', ')}` }]),
    ...keyProblems('export writer', (e.writers ?? []).map((w) => w.key)),
    ...keyProblems('export private endpoint', (e.privateEndpoints ?? []).map((x) => x.key)),
    ...(Number.isInteger(e.retentionDays) && e.retentionDays >= 1 ? [] : [{ constraint: 'EXPORT-RETENTION', message: `export retention ${e.retentionDays} days is not a whole number of days, 1 or more` }]),
  ];
  const geo = GEO_REPLICATED.includes(e.replicationType ?? EXPORT_REPLICATION);
  if (protectedLocation.toLowerCase() === e.location.toLowerCase() && !(e.allowProtectedRegion === true && geo)) {
    problems.push({ constraint: 'OFF-SITE', message: `the export storage is in ${e.location}, the region it protects; put it in the partner site's region` });
  }
  return problems;
}

/** Whether a value is a Terraform reference (resolved at apply time), not a literal. */
function isReference(value: string): boolean {
  return value.includes('${') || value.includes('TfToken');
}

/**
 * The `auto_backup` block for an `azurerm_mssql_virtual_machine` (SQL IaaS Automated Backup: full +
 * log backups to the storage account's blob endpoint). The access key must be a reference
 * (`primary_access_key` of the account, or a sensitive variable): a literal key would land in the JSON.
 * Note (mssql_virtual_machine_resource.go): removing the block later replaces the SQL VM registration.
 */
export function sqlAutoBackupBlock(
  target: { readonly storageBlobEndpoint: string; readonly storageAccountAccessKey: string },
  schedule: SqlAutoBackupSchedule = BACKUP_DEFAULTS.sql,
  options: { readonly v1?: boolean } = {},
): MssqlVirtualMachineAutoBackup {
  const problems = [...sqlAutoBackupProblems(schedule), ...blobEndpointProblems(target.storageBlobEndpoint)];
  if (!isReference(target.storageAccountAccessKey)) {
    problems.push({ constraint: 'SQL-AUTO-BACKUP', message: 'the storage account access key is a literal; pass a reference (the account\'s primary_access_key or a sensitive variable) so no key is written to the configuration' });
  }
  assertNoProblems('sqlAutoBackupBlock', problems);
  // Automated Backup v1 (SQL Server 2014) has no manual schedule and no system database backups: it
  // takes its full backups by log growth and time, logs by activity (BACKUP_DOCS.sqlAutomatedBackup).
  if (options.v1) {
    return { retentionPeriodInDays: schedule.retentionDays, storageBlobEndpoint: target.storageBlobEndpoint, storageAccountAccessKey: target.storageAccountAccessKey };
  }
  return {
    retentionPeriodInDays: schedule.retentionDays,
    storageBlobEndpoint: target.storageBlobEndpoint,
    storageAccountAccessKey: target.storageAccountAccessKey,
    systemDatabasesBackupEnabled: schedule.systemDatabases,
    manualSchedule: {
      fullBackupFrequency: schedule.fullBackupFrequency,
      fullBackupStartHour: schedule.fullBackupStartHour,
      fullBackupWindowInHours: schedule.fullBackupWindowHours,
      logBackupFrequencyInMinutes: schedule.logBackupMinutes,
      ...(schedule.fullBackupFrequency === 'Weekly' && (schedule.fullBackupDays ?? []).length > 0 ? { daysOfWeek: [...schedule.fullBackupDays!] } : {}),
    },
  };
}

/** The VM policy settings with defaults applied. */
export function vmPolicySettings(name: string | undefined, given: Partial<Omit<VmPolicySettings, 'name'>> = {}): VmPolicySettings {
  const merged = { ...BACKUP_DEFAULTS.vm, ...given };
  // A Weekly policy takes no daily retention unless the caller gives one (and is then told it is wrong).
  const dailyRetention = merged.frequency === 'Weekly' && given.dailyRetention === undefined ? undefined : merged.dailyRetention;
  return { ...merged, dailyRetention, name: name ?? `bkpol-vm-${merged.frequency.toLowerCase()}` };
}

/** Recovery Services vault, VM policy, protected VMs and the off-site storage of one site. */
export class SiteBackup extends Construct {
  readonly vault: RecoveryServicesVault;
  readonly vmPolicy: BackupPolicyVm;
  /** Protected items by key. */
  readonly protectedVms: Readonly<Record<string, BackupProtectedVm>>;
  readonly exportStorage?: StorageAccount;
  readonly exportContainer?: StorageContainer;
  readonly sqlStorage?: StorageAccount;
  /** Render on each SQL VM of the site: `new MssqlVirtualMachine(..., { autoBackup: backup.sqlAutoBackup })`. */
  readonly sqlAutoBackup?: MssqlVirtualMachineAutoBackup;
  readonly sqlWorkloadPolicy?: BackupPolicyVmWorkload;
  /** The settings actually rendered (for the plan and the runbook). */
  readonly settings: { readonly vmPolicy: VmPolicySettings; readonly sql?: SqlAutoBackupSchedule; readonly exportContainerName: string; readonly exportRetentionDays: number };
  private readonly items: Record<string, BackupProtectedVm> = {};
  private readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: SiteBackupProps) {
    super(scope, id);
    const where = `SiteBackup ${this.node.path}`;
    const storageModeType = props.storageModeType ?? VAULT_STORAGE_MODE;
    const crossRegionRestore = props.crossRegionRestore ?? storageModeType === 'GeoRedundant';
    const policy = vmPolicySettings(props.vmPolicyName, props.vmPolicy);
    const exportContainerName = props.exports?.containerName ?? 'sfb-exports';
    const exportRetentionDays = props.exports?.retentionDays ?? BACKUP_DEFAULTS.exports.retentionDays;
    const sqlSchedule = props.sql ? { ...BACKUP_DEFAULTS.sql, ...props.sql.schedule } : undefined;
    const replication = (what: string, r: string | undefined): ConstraintProblem[] =>
      r === undefined || (STORAGE_REPLICATION_TYPES as readonly string[]).includes(r) ? [] : [{ constraint: 'STORAGE-REPLICATION', message: `${what} replication ${JSON.stringify(r)} is not one of ${STORAGE_REPLICATION_TYPES.join(', ')}` }];

    const problems: ConstraintProblem[] = [
      ...vaultProblems({ name: props.vaultName, storageModeType, crossRegionRestore, softDelete: true }),
      ...vmPolicyProblems(policy),
      ...keyProblems('protected VM', props.protectedVms.map((v) => v.key)),
      ...props.protectedVms.filter((v) => typeof v.vmId !== 'string' || v.vmId.trim() === '').map((v) => ({ constraint: 'PROTECTED-VM', message: `protected VM ${v.key} has no VM ID` })),
      ...(props.exports ? exportStoreProblems({ ...props.exports, containerName: exportContainerName, retentionDays: exportRetentionDays }, props.location) : []),
    ];
    if (props.sql) {
      problems.push(...storageAccountNameProblems(props.sql.storageAccountName), ...sqlAutoBackupProblems(sqlSchedule!), ...replication('SQL backup storage', props.sql.replicationType));
      problems.push(...keyProblems('SQL private endpoint', (props.sql.privateEndpoints ?? []).map((e) => e.key)));
      if (props.sql.storageAccountName === props.exports?.storageAccountName) {
        problems.push({ constraint: 'STORAGE-NAME', message: `the SQL backup and export storage accounts are both ${props.sql.storageAccountName}; Automated Backup needs account keys, the exports account has none` });
      }
      if ((props.sql.location ?? props.exports?.location ?? props.location).toLowerCase() === props.location.toLowerCase() && !GEO_REPLICATED.includes(props.sql.replicationType ?? EXPORT_REPLICATION)) {
        problems.push({ constraint: 'OFF-SITE', message: `the SQL backup storage is in ${props.location}, the region it protects, and not geo-replicated; put it in the partner site's region or make it RAGRS` });
      }
    }
    const workload = props.sql?.workloadPolicy
      ? {
          name: props.sql.workloadPolicy.name ?? 'bkpol-sql',
          fullBackupTime: props.sql.workloadPolicy.fullBackupTime ?? policy.time,
          timezone: props.sql.workloadPolicy.timezone ?? policy.timezone,
          dailyRetention: props.sql.workloadPolicy.dailyRetention ?? Math.max(7, sqlSchedule!.retentionDays),
          logBackupMinutes: props.sql.workloadPolicy.logBackupMinutes ?? 15,
          logRetentionDays: props.sql.workloadPolicy.logRetentionDays ?? Math.min(35, Math.max(7, sqlSchedule!.retentionDays)),
        }
      : undefined;
    if (workload) problems.push(...sqlWorkloadPolicyProblems(workload));
    assertNoProblems(where, problems);

    const protect = props.protectData ?? true;
    const tags = props.tags ? { tags: { ...props.tags } } : {};
    this.settings = { vmPolicy: policy, ...(sqlSchedule ? { sql: sqlSchedule } : {}), exportContainerName, exportRetentionDays };

    this.vault = new RecoveryServicesVault(this, 'vault', {
      name: props.vaultName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: 'Standard',
      storageModeType,
      crossRegionRestoreEnabled: crossRegionRestore,
      softDeleteEnabled: true,
      lifecycle: { preventDestroy: protect },
      ...tags,
    });

    this.vmPolicy = new BackupPolicyVm(this, 'vm-policy', {
      name: policy.name,
      resourceGroupName: props.resourceGroupName,
      recoveryVaultName: this.vault.name,
      timezone: policy.timezone,
      policyType: policy.policyType,
      ...(policy.instantRestoreDays !== undefined ? { instantRestoreRetentionDays: policy.instantRestoreDays } : {}),
      backup: {
        frequency: policy.frequency,
        time: policy.time,
        ...(policy.frequency === 'Weekly' ? { weekdays: [...(policy.weekdays ?? [])] } : {}),
        ...(policy.frequency === 'Hourly' ? { hourInterval: policy.hourInterval, hourDuration: policy.hourDuration } : {}),
      },
      ...(policy.dailyRetention !== undefined ? { retentionDaily: { count: policy.dailyRetention } } : {}),
      ...(policy.weeklyRetention !== undefined ? { retentionWeekly: { count: policy.weeklyRetention, weekdays: [...(policy.weeklyRetentionDays ?? [])] } } : {}),
    });

    this.resourceGroupName = props.resourceGroupName;
    this.protectedVms = this.items;
    for (const vm of sortedByKey(props.protectedVms)) this.protect(vm.key, vm.vmId);
    if (!props.exports) return;

    // Exports: no account key at all. Uploads authenticate with the servers' managed identities
    // (azcopy login --identity), so shared-key access is off and every client uses Entra ID.
    const exports = props.exports;
    this.exportStorage = this.storageAccount('exports', {
      name: exports.storageAccountName,
      location: exports.location,
      resourceGroupName: exports.resourceGroupName,
      replicationType: exports.replicationType ?? EXPORT_REPLICATION,
      sharedKeys: false,
      protect,
      tags: props.tags,
    });
    this.exportContainer = new StorageContainer(this, 'exports-container', {
      name: exportContainerName,
      storageAccountId: this.exportStorage.id,
      containerAccessType: 'private',
    });
    new StorageManagementPolicy(this, 'exports-retention', {
      storageAccountId: this.exportStorage.id,
      rule: [
        {
          name: 'expire-exports',
          enabled: true,
          filters: { blobTypes: ['blockBlob'], prefixMatch: [`${exportContainerName}/`] },
          actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: exportRetentionDays } },
        },
      ],
    });
    for (const writer of sortedByKey(exports.writers)) {
      new RoleAssignment(this, `exports-writer-${writer.key}`, {
        scope: this.exportContainer.resourceManagerId,
        roleDefinitionName: 'Storage Blob Data Contributor',
        principalId: writer.principalId,
        principalType: 'ServicePrincipal',
      });
    }
    this.privateEndpoints('exports', exports.storageAccountName, this.exportStorage, exports.privateEndpoints, props.tags);

    if (props.sql) {
      // Automated Backup authenticates with the account key (the provider requires
      // storage_account_access_key), so this account keeps shared keys; it holds nothing else.
      this.sqlStorage = this.storageAccount('sql-backups', {
        name: props.sql.storageAccountName,
        location: props.sql.location ?? exports.location,
        resourceGroupName: props.sql.resourceGroupName ?? exports.resourceGroupName,
        replicationType: props.sql.replicationType ?? EXPORT_REPLICATION,
        sharedKeys: true,
        protect,
        tags: props.tags,
      });
      this.privateEndpoints('sql-backups', props.sql.storageAccountName, this.sqlStorage, props.sql.privateEndpoints, props.tags);
      this.sqlAutoBackup = sqlAutoBackupBlock(
        { storageBlobEndpoint: this.sqlStorage.primaryBlobEndpoint, storageAccountAccessKey: this.sqlStorage.primaryAccessKey },
        sqlSchedule,
      );
      if (workload) {
        this.sqlWorkloadPolicy = new BackupPolicyVmWorkload(this, 'sql-policy', {
          name: workload.name,
          resourceGroupName: props.resourceGroupName,
          recoveryVaultName: this.vault.name,
          workloadType: 'SQLDataBase',
          settings: { timeZone: workload.timezone, compressionEnabled: true },
          protectionPolicy: [
            { policyType: 'Full', backup: { frequency: 'Daily', time: workload.fullBackupTime }, retentionDaily: { count: workload.dailyRetention } },
            { policyType: 'Log', backup: { frequencyInMinutes: workload.logBackupMinutes }, simpleRetention: { count: workload.logRetentionDays } },
          ],
        });
      }
    }
  }

  /**
   * Protects one more VM under `vm-<key>` (keys, not order: adding a VM leaves every other item as it
   * is). A key given twice is refused.
   */
  protect(key: string, vmId: string): BackupProtectedVm {
    assertNoProblems(`SiteBackup ${this.node.path}`, [
      ...keyProblems('protected VM', [key]),
      ...(this.items[key] ? [{ constraint: 'KEY', message: `protected VM key ${JSON.stringify(key)} is given twice` }] : []),
      ...(typeof vmId !== 'string' || vmId.trim() === '' ? [{ constraint: 'PROTECTED-VM', message: `protected VM ${key} has no VM ID` }] : []),
    ]);
    this.items[key] = new BackupProtectedVm(this, `vm-${key}`, {
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      sourceVmId: vmId,
      backupPolicyId: this.vmPolicy.id,
    });
    return this.items[key];
  }

  private storageAccount(id: string, o: BackupStorageAccountInput): StorageAccount {
    return backupStorageAccount(this, id, o);
  }

  private privateEndpoints(prefix: string, accountName: string, account: StorageAccount, endpoints: readonly BlobPrivateEndpointInput[] = [], tags?: Readonly<Record<string, string>>): void {
    for (const e of sortedByKey(endpoints)) {
      new PrivateEndpoint(this, `${prefix}-endpoint-${e.key}`, {
        name: blobEndpointName(accountName, e.key),
        location: e.location,
        resourceGroupName: e.resourceGroupName,
        subnetId: e.subnetId,
        privateServiceConnection: {
          name: `${accountName}-blob`,
          isManualConnection: false,
          privateConnectionResourceId: account.id,
          subresourceNames: ['blob'],
        },
        ...(e.privateDnsZoneId ? { privateDnsZoneGroup: { name: 'blob', privateDnsZoneIds: [e.privateDnsZoneId] } } : {}),
        ...(tags ? { tags: { ...tags } } : {}),
      });
    }
  }
}
