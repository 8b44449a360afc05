/**
 * Backups of a Lync Server 2013 / Skype for Business Server 2015/2019 deployment on Azure: what each
 * stateful role must have backed up (Microsoft's list), how, how often, for how long, where the copies
 * live, and the RPO that gives. Plain data and pure functions (no cdktf, no provider): the building
 * block `lib/azure/backup.ts` renders the resources, `lib/reports/backup-plan.ts` prints the plan, and
 * rules can read the same notes.
 *
 * Microsoft sources (repository `MicrosoftDocs/OfficeDocs-SkypeForBusiness`):
 * - DATA:      `Skype/SfbServer/sfbs2019/backup-and-restoration-requirements-data.md`
 * - BACKUPS:   `Lync/LyncServer/lync-server-2013-performing-and-monitoring-backups.md`
 * - CORE:      `Lync/LyncServer/lync-server-2013-backing-up-core-data-and-settings.md`
 * - PRACTICES: `Skype/SfbServer/sfbs2019/best-practices-for-backup-and-restoration.md`
 * - AG:        `Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md`
 */
import {
  SqlAutoBackupSchedule,
  StorageReplicationType,
  VaultStorageMode,
  VmPolicySettings,
} from './backup-constraints';
import { sqlStoreLabel } from './sql-instance';

const SFB_DOCS = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness';
export const BACKUP_DOCS = {
  data: `${SFB_DOCS}: Skype/SfbServer/sfbs2019/backup-and-restoration-requirements-data.md`,
  backups: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-performing-and-monitoring-backups.md`,
  core: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-backing-up-core-data-and-settings.md`,
  practices: `${SFB_DOCS}: Skype/SfbServer/sfbs2019/best-practices-for-backup-and-restoration.md`,
  alwaysOn: `${SFB_DOCS}: Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md`,
  restoreCms: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-restoring-the-server-hosting-the-central-management-store.md`,
  restoreBackEnd: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-restoring-an-enterprise-edition-back-end-server.md`,
  restorePool: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-restoring-a-lync-server-pool.md`,
  restoreFileStore: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-restoring-a-file-store.md`,
  restoreRgs: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-restoring-response-group-settings.md`,
  abcFailover: `${SFB_DOCS}: Lync/LyncServer/lync-server-2013-performing-an-abc-front-end-pool-failover.md`,
  drTest: `${SFB_DOCS}: Skype/SfbServer/sfbs2019/disaster-recovery-test.md`,
  // Azure (learn.microsoft.com; repository MicrosoftDocs/azure-docs, articles/backup/ ...)
  vaultCrr: 'learn.microsoft.com/azure/backup/backup-create-recovery-services-vault (Cross Region Restore restores into the paired secondary region)',
  vmBackupRegion: 'learn.microsoft.com/azure/backup/backup-azure-arm-vms-prepare (the vault must be in the same region as the VMs it protects)',
  sqlAutomatedBackup: 'learn.microsoft.com/azure/azure-sql/virtual-machines/windows/automated-backup (Automated Backup v2: SQL 2016+, target user databases in the full recovery model; v1 for SQL 2014)',
  sqlAzureBackupAg: 'learn.microsoft.com/azure/backup/backup-sql-server-on-availability-groups (full backups from the primary, log backups per the AG backup preference)',
  sqlAzureBackupLimits: 'MicrosoftDocs/azure-docs: articles/backup/backup-sql-server-database-azure-vms.md (FCI not supported; backup and restore of mirror databases not supported)',
  sqlSupportMatrix: 'learn.microsoft.com/azure/backup/sql-support-matrix (SQL Server 2008-2022, cross-region restore supported)',
  fullRecoveryHa: 'learn.microsoft.com/sql/database-engine/availability-groups/windows/prerequisites-restrictions-and-recommendations-always-on-availability (availability databases use the full recovery model; so do mirrored databases)',
  pairedRegions: 'learn.microsoft.com/azure/reliability/cross-region-replication-azure (Azure paired regions)',
} as const;

// ---- what Microsoft says must be backed up ------------------------------------------------------------

/** Where a kind of data lives in the topology. */
export type DataHolder = 'central-management' | 'back-end' | 'archiving' | 'monitoring' | 'persistent-chat' | 'file-store';

export interface SfbDataItem {
  readonly id: string;
  readonly what: string;
  /** Database (`Xds.mdf`) or store. */
  readonly store: string;
  readonly holder: DataHolder;
  /** Microsoft's "when to back up". */
  readonly when: string;
  /** The product's own export and import, when there is one. */
  readonly exportCmdlet?: string;
  readonly importCmdlet?: string;
  readonly source: string;
}

/**
 * The data Microsoft lists as needed to restore service (DATA: "Settings and Configuration Data",
 * "Data Stored in Databases", "File Stores"), with the export cmdlets of CORE.
 */
export const SFB_BACKUP_DATA: readonly SfbDataItem[] = [
  { id: 'topology', what: 'Topology, policies and configuration settings', store: 'Central Management store (Xds.mdf)', holder: 'central-management', when: 'with regular backups and after every change made in Control Panel or with cmdlets', exportCmdlet: 'Export-CsConfiguration', importCmdlet: 'Import-CsConfiguration', source: BACKUP_DOCS.data },
  { id: 'location', what: 'E9-1-1 location information', store: 'Central Management store (Lis.mdf)', holder: 'central-management', when: 'with regular backups (generally static)', exportCmdlet: 'Export-CsLisConfiguration', importCmdlet: 'Import-CsLisConfiguration', source: BACKUP_DOCS.data },
  { id: 'response-group', what: 'Response Group agent groups, queues and workflows', store: 'Back End (RgsConfig.mdf)', holder: 'back-end', when: 'with regular backups and after adding or changing agent groups, queues or workflows', exportCmdlet: 'Export-CsRgsConfiguration', importCmdlet: 'Import-CsRgsConfiguration', source: BACKUP_DOCS.data },
  { id: 'user-data', what: 'Persistent user data: rights, contact lists, scheduled conferences', store: 'Back End (RTCXDS.mdf)', holder: 'back-end', when: 'with regular backups (more often if contact lists are critical)', exportCmdlet: 'Export-CsUserData', importCmdlet: 'Import-CsUserData', source: BACKUP_DOCS.data },
  { id: 'archiving', what: 'Archived IM and meeting content', store: 'Archiving database (LcsLog.mdf)', holder: 'archiving', when: 'as regulation requires', source: BACKUP_DOCS.data },
  { id: 'monitoring', what: 'Call detail records and QoE metrics', store: 'Monitoring databases (LcsCDR.mdf, QoEMetrics.mdf)', holder: 'monitoring', when: 'as the business requires', source: BACKUP_DOCS.data },
  { id: 'persistent-chat', what: 'Persistent Chat room content', store: 'Persistent Chat database (mgc; the page spells the file mgd.mdf)', holder: 'persistent-chat', when: 'SQL Server backup (restores to the last full backup, not to the point of failure) or Export-CsPersistentChatData', exportCmdlet: 'Export-CsPersistentChatData', importCmdlet: 'Import-CsPersistentChatData', source: BACKUP_DOCS.data },
  { id: 'file-store', what: 'Meeting content and compliance logs, application data, device updates, Response Group/Call Park/Announcement audio, Persistent Chat files', store: 'File store share', holder: 'file-store', when: 'with regular backups', source: BACKUP_DOCS.data },
];

/** Databases Microsoft says are not needed for recovery (transient or regenerated) (DATA). */
export const SFB_TRANSIENT_DATABASES: readonly string[] = ['RtcDyn', 'Rtcab', 'Rtcab1', 'CpsDyn', 'RgsDyn', 'MgcComp'];

// ---- schedule and retention defaults --------------------------------------------------------------------

export interface ExportSchedule {
  /** `HH:mm`, when the scheduled export task runs. */
  readonly time: string;
  /** Days an export is kept in the export container (a lifecycle rule deletes older blobs). */
  readonly retentionDays: number;
}

export interface BackupSchedule {
  readonly vm: Omit<VmPolicySettings, 'name'>;
  readonly sql: SqlAutoBackupSchedule;
  readonly exports: ExportSchedule;
}

/**
 * Defaults, each with the reason:
 * - Once a day, at night: "Generally, you should perform full backups every 24 hours" (BACKUPS) and
 *   "Schedule backups when Lync Server usage is typically low" (PRACTICES). 01:00 in the policy time zone.
 * - VM restore points: 14 daily (Azure refuses fewer than 7 daily points, constraint POLICY-RETENTION),
 *   8 weekly (Sunday) so a problem noticed late still has a copy from before it. Enhanced policy (V2):
 *   Trusted Launch VMs need it, and it allows hourly schedules later without replacing the policy
 *   (`policy_type` is ForceNew). Instant restore snapshots 2 days (cost).
 * - SQL: full daily at 01:00 within a 4 hour window, log every 15 minutes ("take regular, periodic
 *   snapshots throughout the day", BACKUPS; 15 minutes is also the Azure Backup SQL RPO), kept 14 days.
 *   System databases included so logins and jobs come back with the user databases.
 * - Exports: daily at 02:00, after the SQL full backup, kept 30 days; and after every configuration
 *   change (PRACTICES: "use Export-CsConfiguration ... after you make the changes").
 */
export const BACKUP_DEFAULTS: BackupSchedule = {
  vm: {
    frequency: 'Daily',
    time: '01:00',
    timezone: 'UTC',
    policyType: 'V2',
    dailyRetention: 14,
    weeklyRetention: 8,
    weeklyRetentionDays: ['Sunday'],
    instantRestoreDays: 2,
  },
  sql: {
    retentionDays: 14,
    fullBackupFrequency: 'Daily',
    fullBackupStartHour: 1,
    fullBackupWindowHours: 4,
    logBackupMinutes: 15,
    systemDatabases: true,
  },
  exports: { time: '02:00', retentionDays: 30 },
};

/** Defaults with overrides applied section by section. */
export function backupSchedule(overrides: { vm?: Partial<BackupSchedule['vm']>; sql?: Partial<SqlAutoBackupSchedule>; exports?: Partial<ExportSchedule> } = {}): BackupSchedule {
  return {
    vm: { ...BACKUP_DEFAULTS.vm, ...overrides.vm },
    sql: { ...BACKUP_DEFAULTS.sql, ...overrides.sql },
    exports: { ...BACKUP_DEFAULTS.exports, ...overrides.exports },
  };
}

// ---- where backups live ---------------------------------------------------------------------------------

/**
 * Azure region pairs (BACKUP_DOCS.pairedRegions) for the regions `regions.ts` knows. A geo-redundant
 * vault replicates to this region and Cross Region Restore restores into it. Regions without a pair
 * (Poland Central, Italy North, ...) are absent: their vaults cannot be geo-redundant.
 */
export const AZURE_PAIRED_REGIONS: Readonly<Record<string, string>> = {
  eastus: 'westus', westus: 'eastus', eastus2: 'centralus', centralus: 'eastus2',
  northcentralus: 'southcentralus', southcentralus: 'northcentralus', westus2: 'westcentralus', westcentralus: 'westus2',
  westus3: 'eastus', canadacentral: 'canadaeast', canadaeast: 'canadacentral',
  brazilsouth: 'southcentralus', brazilsoutheast: 'brazilsouth',
  northeurope: 'westeurope', westeurope: 'northeurope', uksouth: 'ukwest', ukwest: 'uksouth',
  francecentral: 'francesouth', francesouth: 'francecentral', germanywestcentral: 'germanynorth', germanynorth: 'germanywestcentral',
  switzerlandnorth: 'switzerlandwest', switzerlandwest: 'switzerlandnorth', norwayeast: 'norwaywest', norwaywest: 'norwayeast',
  swedencentral: 'swedensouth', swedensouth: 'swedencentral',
  eastasia: 'southeastasia', southeastasia: 'eastasia', australiaeast: 'australiasoutheast', australiasoutheast: 'australiaeast',
  australiacentral: 'australiacentral2', australiacentral2: 'australiacentral', japaneast: 'japanwest', japanwest: 'japaneast',
  koreacentral: 'koreasouth', koreasouth: 'koreacentral', centralindia: 'southindia', southindia: 'centralindia', westindia: 'southindia',
  jioindiawest: 'jioindiacentral', jioindiacentral: 'jioindiawest',
  uaenorth: 'uaecentral', uaecentral: 'uaenorth', southafricanorth: 'southafricawest', southafricawest: 'southafricanorth',
};

export function pairedRegion(location: string): string | undefined {
  return AZURE_PAIRED_REGIONS[location.toLowerCase()];
}

/**
 * DECISION: where the backups of a site live so that they survive the loss of that site's region.
 *
 * - VM restore points: a Recovery Services vault **in the protected site's region**, geo-redundant, with
 *   Cross Region Restore. A vault in the partner site is not an option for VM backups: Azure Backup
 *   protects an Azure VM only into a vault of the VM's own region (BACKUP_DOCS.vmBackupRegion). GRS copies
 *   every restore point to the Azure paired region, and CRR lets the operator restore there while the
 *   primary region is down (BACKUP_DOCS.vaultCrr). The pair is Azure's, not ours: when the partner
 *   site is in another region, the restore lands in the paired region and is moved from there (note
 *   BACKUP-CRR-REGION).
 * - The product's exports: a storage account **in the partner site's region** (issue 18: "a storage
 *   location in the other site"), so the files the restore procedure imports are readable next to the
 *   servers that will import them, whatever happened to the protected region.
 * - SQL backups: when wired into a topology, an RA-GRS account in the site's own region and stack
 *   (Automated Backup needs the account key, which cannot cross stacks; the reasons are in
 *   lib/model/backup-topology.ts). The SiteBackup building block alone still accepts the partner's region.
 */
export const BACKUP_LOCATION_DECISION = {
  vmBackups: 'vault in the protected region, GeoRedundant + Cross Region Restore (restores into the Azure paired region)',
  sqlBackups: 'RA-GRS storage account in the protected site region, its copies in the Azure paired region (SQL IaaS Automated Backup to its blob endpoint)',
  exports: 'private storage account in the partner site region (scheduled Export-Cs* uploads)',
  sources: [BACKUP_DOCS.vmBackupRegion, BACKUP_DOCS.vaultCrr, BACKUP_DOCS.pairedRegions],
} as const;

export const VAULT_STORAGE_MODE: VaultStorageMode = 'GeoRedundant';
export const EXPORT_REPLICATION: StorageReplicationType = 'GRS';

// ---- SQL backup mechanism ---------------------------------------------------------------------------------

export type SqlHaMode = 'standalone' | 'mirroring' | 'always-on' | 'failover-cluster';
export type SqlStoreRole = 'back-end' | 'central-management' | 'archiving' | 'monitoring' | 'persistent-chat';
export type SqlBackupMechanism = 'automated-backup' | 'azure-backup' | 'manual';

export interface SqlMechanismChoice {
  readonly mechanism: SqlBackupMechanism;
  readonly reason: string;
  readonly source: string;
}

/**
 * DECISION: SQL backups use **SQL IaaS Automated Backup** (`auto_backup` on the existing
 * `azurerm_mssql_virtual_machine`) by default, to a storage account in the partner site's region.
 *
 * Why not Azure Backup's SQL workload (`azurerm_backup_policy_vm_workload`)? It is AG-aware and keeps
 * its copies in the vault (GRS + CRR), but (1) azurerm 4.55 can create the policy and nothing else: the
 * bindings have no `azurerm_backup_protected_vm_workload` or `azurerm_backup_container_vm_app`, so the
 * SQL VMs would be registered and the databases protected by hand, outside Terraform, and the
 * synthesized configuration would protect nothing; (2) it refuses mirror databases and FCIs
 * (BACKUP_DOCS.sqlAzureBackupLimits), and mirroring is a supported Back End HA mode here.
 *
 * Automated Backup is fully declarative in 4.55, takes full and log backups (the log chain needs the
 * full recovery model, which AlwaysOn and mirroring require anyway), and configures Managed Backup on
 * every SQL VM, so each AG replica or mirroring partner backs up what it holds as primary/principal.
 * Its limits: SQL 2014 or later (v1 for 2014, v2 for 2016+), not FCIs, and it authenticates to storage
 * with the account key (the block references `primary_access_key`; the key is in Terraform state, never
 * in the JSON). SQL 2012 stores (Lync 2013, SfB 2015) fall back to Azure Backup's workload policy when
 * they are not mirrored; FCIs and mirrored SQL 2012 stores are left to the operator (native backup to URL).
 */
export function chooseSqlBackupMechanism(store: { readonly haMode: SqlHaMode; readonly sqlVersion?: number }): SqlMechanismChoice {
  if (store.haMode === 'failover-cluster') {
    return { mechanism: 'manual', reason: 'neither SQL IaaS Automated Backup nor Azure Backup supports a failover cluster instance; schedule native BACKUP ... TO URL jobs', source: BACKUP_DOCS.sqlAzureBackupLimits };
  }
  if (store.sqlVersion !== undefined && store.sqlVersion < 2014) {
    return store.haMode === 'mirroring'
      ? { mechanism: 'manual', reason: `SQL Server ${store.sqlVersion} has no Automated Backup and Azure Backup refuses mirror databases; schedule native backups`, source: BACKUP_DOCS.sqlAzureBackupLimits }
      : { mechanism: 'azure-backup', reason: `SQL Server ${store.sqlVersion} has no Automated Backup (2014 or later); Azure Backup's SQL workload supports it (register the VM and protect the instance by hand: azurerm 4.55 has no resource for it)`, source: BACKUP_DOCS.sqlSupportMatrix };
  }
  return { mechanism: 'automated-backup', reason: 'SQL IaaS Automated Backup: declarative in azurerm 4.55, full + log backups on every replica or mirroring partner', source: BACKUP_DOCS.sqlAutomatedBackup };
}

/**
 * The recovery model each store's SfB databases need. AlwaysOn and mirroring require FULL
 * (BACKUP_DOCS.fullRecoveryHa); Automated Backup and Azure Backup log backups need FULL too
 * (BACKUP_DOCS.sqlAutomatedBackup). Only a store left to manual backups may stay SIMPLE, at a 24 h RPO.
 */
export function recoveryModel(store: { readonly haMode: SqlHaMode }, mechanism: SqlBackupMechanism): 'FULL' | 'SIMPLE' {
  if (store.haMode === 'always-on' || store.haMode === 'mirroring') return 'FULL';
  return mechanism === 'manual' ? 'SIMPLE' : 'FULL';
}

/** The SfB data a SQL store holds, by the roles it serves. */
export function dataOfSqlStore(roles: readonly SqlStoreRole[]): SfbDataItem[] {
  return SFB_BACKUP_DATA.filter((d) => d.holder !== 'file-store' && roles.includes(d.holder as SqlStoreRole));
}

// ---- the plan --------------------------------------------------------------------------------------------

export interface BackupServerInput {
  /** Stable key (the protected item's construct ID). */
  readonly key: string;
  readonly computerName: string;
  /** Role for the report (`Front End`, `Back End`, `File server`, ...). */
  readonly role: string;
}

export interface BackupSqlStoreInput {
  readonly key: string;
  /** The FQDN SfB uses (AG listener, principal, or the server). */
  readonly fqdn: string;
  /** Named instance; absent for the default instance (lib/model/sql-instance.ts). */
  readonly instance?: string;
  readonly haMode: SqlHaMode;
  readonly roles: readonly SqlStoreRole[];
  /** SQL Server major version as a year (2012, 2014, 2016, ...). */
  readonly sqlVersion?: number;
}

export interface BackupPoolInput {
  readonly fqdn: string;
  readonly responseGroup?: boolean;
}

export interface BackupSiteInput {
  readonly name: string;
  readonly location: string;
  /** Region of the partner site, where SQL backups and exports go. */
  readonly partnerLocation?: string;
  readonly vaultName: string;
  readonly exportStorageAccount: string;
  readonly sqlBackupStorageAccount?: string;
  /**
   * Where the SQL backup account is, when not in the partner site's region: its region and the region
   * it is geo-replicated to. @default the partner site's region
   */
  readonly sqlBackupRegion?: { readonly location: string; readonly replicatedTo?: string };
  /** VMs the site's vault protects. */
  readonly servers: readonly BackupServerInput[];
  readonly sqlStores?: readonly BackupSqlStoreInput[];
  readonly pools?: readonly BackupPoolInput[];
  readonly fileStores?: readonly { readonly key: string; readonly share: string }[];
}

export interface BackupPlanInput {
  readonly sites: readonly BackupSiteInput[];
  readonly schedule?: BackupSchedule;
}

export interface BackupPlanRow {
  readonly site: string;
  readonly what: string;
  readonly from: string;
  readonly how: string;
  readonly where: string;
  readonly frequency: string;
  readonly retention: string;
  readonly rpo: string;
  readonly source: string;
}

export interface BackupPlanNote {
  /** Library finding ID the rules can map (BACKUP-REGION-UNPAIRED, ...). */
  readonly id: string;
  readonly severity: 'warning' | 'info';
  readonly site: string;
  readonly message: string;
  readonly source: string;
}

export interface BackupPlan {
  readonly schedule: BackupSchedule;
  readonly rows: readonly BackupPlanRow[];
  readonly notes: readonly BackupPlanNote[];
}

const byKey = <T extends { key: string }>(xs: readonly T[] = []): T[] => [...xs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const byName = <T extends { name: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function vmFrequency(s: BackupSchedule['vm']): string {
  if (s.frequency === 'Hourly') return `every ${s.hourInterval} h for ${s.hourDuration} h from ${s.time} ${s.timezone}`;
  if (s.frequency === 'Weekly') return `weekly (${(s.weekdays ?? []).join(', ')}) at ${s.time} ${s.timezone}`;
  return `daily at ${s.time} ${s.timezone}`;
}

function vmRetention(s: BackupSchedule['vm']): string {
  const parts = [
    s.dailyRetention !== undefined ? `${s.dailyRetention} daily` : undefined,
    s.weeklyRetention !== undefined ? `${s.weeklyRetention} weekly (${(s.weeklyRetentionDays ?? []).join(', ')})` : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.join(', ');
}

function vmRpo(s: BackupSchedule['vm']): string {
  if (s.frequency === 'Hourly') return `${s.hourInterval} h`;
  return s.frequency === 'Weekly' ? '7 days' : '24 h';
}

function sqlFull(s: SqlAutoBackupSchedule): string {
  const when = s.fullBackupFrequency === 'Weekly' ? `weekly (${(s.fullBackupDays ?? []).join(', ') || 'any day'})` : 'daily';
  return `full ${when} from ${String(s.fullBackupStartHour).padStart(2, '0')}:00 (${s.fullBackupWindowHours} h window)`;
}

/** Minutes as "15 min" / "2 h". */
function minutes(m: number): string {
  return m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}

/**
 * The backup plan: one row per thing backed up (VM, SQL store, product export, file store), and the
 * notes a reviewer must see. Deterministic: sites by name, everything else by key.
 */
export function backupPlan(input: BackupPlanInput): BackupPlan {
  const schedule = input.schedule ?? BACKUP_DEFAULTS;
  const rows: BackupPlanRow[] = [];
  const notes: BackupPlanNote[] = [];
  for (const site of byName(input.sites)) {
    const pair = pairedRegion(site.location);
    const partner = site.partnerLocation?.toLowerCase();
    const vaultWhere = pair
      ? `vault ${site.vaultName} (${site.location}), geo-replicated to ${pair} (Cross Region Restore)`
      : `vault ${site.vaultName} (${site.location}) only`;
    const offSite = partner && partner !== site.location.toLowerCase() ? partner : undefined;
    const exportWhere = `storage ${site.exportStorageAccount} (${offSite ?? site.location})`;

    if (!pair) {
      notes.push({ id: 'BACKUP-REGION-UNPAIRED', severity: 'warning', site: site.name, message: `${site.location} has no Azure paired region: the vault ${site.vaultName} cannot be geo-redundant, so its VM restore points stay in the region they protect; rebuild from the SQL backups and exports in the partner site instead`, source: BACKUP_DOCS.pairedRegions });
    }
    if (!offSite) {
      notes.push({ id: 'BACKUP-SAME-REGION', severity: 'warning', site: site.name, message: `no partner site region outside ${site.location}: SQL backups and exports of ${site.name} would be stored in the region they protect; give the partner site's region`, source: BACKUP_DOCS.practices });
    } else if (pair && pair !== offSite) {
      notes.push({ id: 'BACKUP-CRR-REGION', severity: 'info', site: site.name, message: `Cross Region Restore of ${site.vaultName} restores into ${pair} (Azure's pair of ${site.location}), not into the partner site's region ${offSite}; restored disks must be moved or the VMs rebuilt in ${offSite}`, source: BACKUP_DOCS.vaultCrr });
    }

    for (const server of byKey(site.servers)) {
      rows.push({ site: site.name, what: `${server.role} server (OS and data disks)`, from: server.computerName, how: `Azure Backup VM policy (${schedule.vm.policyType}), application-consistent snapshot`, where: vaultWhere, frequency: vmFrequency(schedule.vm), retention: vmRetention(schedule.vm), rpo: vmRpo(schedule.vm), source: BACKUP_DOCS.vmBackupRegion });
    }

    for (const store of byKey(site.sqlStores)) {
      const choice = chooseSqlBackupMechanism(store);
      const model = recoveryModel(store, choice.mechanism);
      const data = dataOfSqlStore(store.roles);
      const what = `SQL databases: ${data.map((d) => d.store.replace(/^.*\((.*)\)$/, '$1')).join(', ') || 'all user databases'} (recovery model ${model})`;
      const from = `${sqlStoreLabel(store)} (${store.haMode})`;
      const sqlWhere = site.sqlBackupRegion
        ? `${site.sqlBackupRegion.location}${site.sqlBackupRegion.replicatedTo ? `, read-access geo-replicated to ${site.sqlBackupRegion.replicatedTo}` : ''}`
        : offSite ?? site.location;
      if (choice.mechanism === 'manual') {
        notes.push({ id: 'BACKUP-SQL-MANUAL', severity: 'warning', site: site.name, message: `${from}: ${choice.reason}`, source: choice.source });
        rows.push({ site: site.name, what, from, how: 'native SQL Server backup jobs (operator)', where: site.sqlBackupStorageAccount ? `storage ${site.sqlBackupStorageAccount} (${sqlWhere})` : 'operator-defined', frequency: 'operator-defined', retention: 'operator-defined', rpo: 'operator-defined', source: choice.source });
        continue;
      }
      if (choice.mechanism === 'azure-backup') {
        notes.push({ id: 'BACKUP-SQL-AZURE-BACKUP', severity: 'info', site: site.name, message: `${from}: ${choice.reason}`, source: choice.source });
        rows.push({ site: site.name, what, from, how: 'Azure Backup SQL workload policy (full + log)', where: vaultWhere, frequency: `${sqlFull(schedule.sql)}; log every ${minutes(Math.max(15, schedule.sql.logBackupMinutes))}`, retention: `${Math.max(7, schedule.sql.retentionDays)} days`, rpo: minutes(Math.max(15, schedule.sql.logBackupMinutes)), source: choice.source });
        continue;
      }
      if (!site.sqlBackupStorageAccount) {
        notes.push({ id: 'BACKUP-SQL-TARGET', severity: 'warning', site: site.name, message: `${from}: no SQL backup storage account is given, so Automated Backup has no target`, source: BACKUP_DOCS.sqlAutomatedBackup });
      }
      rows.push({ site: site.name, what, from, how: `SQL IaaS Automated Backup (${store.sqlVersion !== undefined && store.sqlVersion < 2016 ? 'v1' : 'v2'}), full + log`, where: `storage ${site.sqlBackupStorageAccount ?? '(none)'} (${sqlWhere})`, frequency: `${sqlFull(schedule.sql)}; log every ${minutes(schedule.sql.logBackupMinutes)}`, retention: `${schedule.sql.retentionDays} days`, rpo: minutes(schedule.sql.logBackupMinutes), source: choice.source });
    }

    const exportsEvery = `daily at ${schedule.exports.time} and after every change`;
    const exportRetention = `${schedule.exports.retentionDays} days`;
    // Every site exports the store's configuration and LIS data (lib/reports/backup-runbook.ts
    // exportScript), so each site's container holds what its own restore imports.
    for (const item of SFB_BACKUP_DATA.filter((d) => d.holder === 'central-management')) {
      rows.push({ site: site.name, what: item.what, from: item.store, how: `${item.exportCmdlet} (scheduled task)`, where: exportWhere, frequency: exportsEvery, retention: exportRetention, rpo: '24 h (export after each change to lose none)', source: BACKUP_DOCS.core });
    }
    for (const pool of [...(site.pools ?? [])].sort((a, b) => (a.fqdn < b.fqdn ? -1 : 1))) {
      rows.push({ site: site.name, what: 'Persistent user data', from: pool.fqdn, how: 'Export-CsUserData (scheduled task)', where: exportWhere, frequency: `daily at ${schedule.exports.time}`, retention: exportRetention, rpo: '24 h', source: BACKUP_DOCS.core });
      if (pool.responseGroup) {
        rows.push({ site: site.name, what: 'Response Group configuration', from: pool.fqdn, how: 'Export-CsRgsConfiguration (scheduled task)', where: exportWhere, frequency: exportsEvery, retention: exportRetention, rpo: '24 h (export after each change to lose none)', source: BACKUP_DOCS.core });
      }
    }
    for (const store of byKey(site.fileStores)) {
      rows.push({ site: site.name, what: 'File store content', from: store.share, how: 'Azure Backup of the file servers (application-consistent VSS snapshot)', where: vaultWhere, frequency: vmFrequency(schedule.vm), retention: vmRetention(schedule.vm), rpo: vmRpo(schedule.vm), source: BACKUP_DOCS.data });
    }
  }
  return { schedule, rows, notes };
}
