/**
 * Backups wired into the topology (issue 18): a `SiteBackups` under every central site (so it lands
 * in the site's stack) with the site's Recovery Services vault, VM policy and one protected item per
 * server the restore rebuilds (keyed by computer name), the SQL Automated Backup target, the identity
 * the Front Ends upload the exports with, and, rendered once at synthesis when the partner sites are
 * known, the export store of each site in its partner site. Where each copy lives and why:
 * lib/model/backup-topology.ts (DECISIONS) and docs/backups.md.
 */
import { Construct } from 'constructs';
import type { MssqlVirtualMachineAutoBackup, StorageAccount } from '../azurerm';
import { SiteBackup, backupStorageAccount, sqlAutoBackupBlock } from '../azure/backup';
import { BlobPrivateLinkZone, blobContainerId, blobEndpoint, ExportStore, ExportWriter, storageAccountId } from '../azure/backup-storage';
import type { Server } from '../azure/servers';
import { TerraformOutput } from '../cdktf';
import { SqlServerVersion } from '../enums';
import { BACKUP_DEFAULTS, BackupSchedule, backupSchedule, chooseSqlBackupMechanism, SqlHaMode } from '../model/backup';
import { assertNoProblems, SqlAutoBackupSchedule, sqlAutoBackupProblems, vmPolicyProblems, weekdayProblems } from '../model/backup-constraints';
import { backupLayout, EXPORT_WRITER_ROLES, PROTECTED_ROLES, SiteBackupNames, siteBackupNames, sqlYear } from '../model/backup-topology';
import { stableHash } from '../model/keyed-slots';
import { blobEndpointName, dnsLinkName, exportTaskOutputName, siteResourceGroupName } from '../model/names';
import { EXPORT_SCRIPT_PATH } from '../model/export-files';
import { SubnetRole } from '../model/network';
import { ServerRole, TopologyModel } from '../model/topology';
import { backupRunbookInputs } from '../reports/runbook-backup';
import { exportScript } from '../reports/backup-runbook';
import type { CentralSite } from './site';

/**
 * The VM backup policy of every site's vault (`azurerm_backup_policy_vm`). Strings are checked against
 * the provider's values when the deployment is created.
 */
export interface VmBackupOptions {
  /** `Hourly`, `Daily` or `Weekly`. @default "Daily" */
  readonly frequency?: string;
  /** `HH:mm`, on the hour or half past. @default "01:00" */
  readonly time?: string;
  /** A Windows time zone ID (`UTC`, `W. Europe Standard Time`). @default "UTC" */
  readonly timezone?: string;
  /** `V1` or `V2` (enhanced policy; Trusted Launch VMs and Hourly policies need it). @default "V2" */
  readonly policyType?: string;
  /** Daily restore points kept (Hourly and Daily policies), 7-9999. @default 14 */
  readonly dailyRetention?: number;
  /** Weekly restore points kept, taken on `weeklyRetentionDays`. @default 8 */
  readonly weeklyRetention?: number;
  /** Weekdays (`Sunday`, ...) whose restore points the weekly retention keeps. @default ["Sunday"] */
  readonly weeklyRetentionDays?: string[];
  /** Weekly policies: the weekdays backups run on. @default - none (a Daily policy) */
  readonly weekdays?: string[];
  /** Hourly policies: hours between backups (4, 6, 8 or 12). @default - none (a Daily policy) */
  readonly hourInterval?: number;
  /** Hourly policies: the hours of the backup window. @default - none (a Daily policy) */
  readonly hourDuration?: number;
  /** Days instant-restore snapshots are kept (1-5 for V1, 1-30 for V2). @default 2 */
  readonly instantRestoreDays?: number;
}

/** SQL IaaS Automated Backup (`azurerm_mssql_virtual_machine.auto_backup`) of every SQL Server VM. */
export interface SqlBackupOptions {
  /** Days backups are kept, 1-30. @default 14 */
  readonly retentionDays?: number;
  /** `Daily` or `Weekly`. @default "Daily" */
  readonly fullBackupFrequency?: string;
  /** Weekly only: the weekdays of the full backup. @default - none (Daily) */
  readonly fullBackupDays?: string[];
  /** Hour (0-23) the full backup window starts. @default 1 */
  readonly fullBackupStartHour?: number;
  /** Length of the full backup window in hours, 1-23. @default 4 */
  readonly fullBackupWindowHours?: number;
  /** Minutes between log backups, 5-60. @default 15 */
  readonly logBackupMinutes?: number;
  /** Back up the system databases too (logins and jobs come back with the user databases). @default true */
  readonly systemDatabases?: boolean;
}

/** The scheduled export of the configuration, LIS, Response Group configuration and user data. */
export interface ExportScheduleOptions {
  /** `HH:mm`, when the scheduled export task runs. @default "02:00" */
  readonly time?: string;
  /** Days an export is kept in the export container. @default 30 */
  readonly retentionDays?: number;
}

/** Backups of a deployment (the `backup` prop of SfbDeployment). */
export interface BackupOptions {
  /**
   * Build the backups.
   * @default true - false in lab mode unless `backup` is given (cost; BACKUP-3 notes it)
   */
  readonly enabled?: boolean;
  /**
   * The VM backup policy of every site's vault.
   * @default daily at 01:00 UTC, 14 daily and 8 weekly (Sunday) restore points, enhanced policy (V2), 2 days of instant restore
   */
  readonly vm?: VmBackupOptions;
  /**
   * SQL IaaS Automated Backup of every SQL Server VM of the pools' back ends.
   * @default full backups daily from 01:00 within 4 hours, log backups every 15 minutes, kept 14 days, system databases included
   */
  readonly sql?: SqlBackupOptions;
  /**
   * The scheduled export of the configuration, LIS, Response Group configuration and user data.
   * @default daily at 02:00, exports kept 30 days
   */
  readonly exports?: ExportScheduleOptions;
  /**
   * Keep a copy in another region: vaults GeoRedundant with Cross Region Restore, SQL backups RA-GRS,
   * exports GRS. False keeps every copy locally redundant (BACKUP-2 warns).
   * @default true
   */
  readonly geoRedundant?: boolean;
}

const KNOWN = ['enabled', 'vm', 'sql', 'exports', 'geoRedundant'];

/** The backup settings of a deployment, defaults applied and checked against the provider's limits. */
export interface ResolvedBackup {
  readonly enabled: boolean;
  readonly schedule: BackupSchedule;
  readonly geoRedundant: boolean;
}

export function resolveBackupOptions(path: string, given: BackupOptions | false | undefined, lab: boolean): ResolvedBackup {
  const where = `SfbDeployment ${path}: backup`;
  if (given === false || given === undefined) return { enabled: given === undefined && !lab, schedule: BACKUP_DEFAULTS, geoRedundant: true };
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(`${where} ${JSON.stringify(given)} is not an object; give false or an object with ${KNOWN.join(', ')}`);
  }
  const unknown = Object.keys(given).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0) throw new Error(`${where} has unknown option(s) ${unknown.join(', ')}; known: ${KNOWN.join(', ')}`);
  for (const k of ['enabled', 'geoRedundant'] as const) {
    if (given[k] !== undefined && typeof given[k] !== 'boolean') throw new Error(`${where}.${k} ${JSON.stringify(given[k])} is not a boolean; give true or false`);
  }
  assertNoProblems(where, [...weekdayProblems('vm.weeklyRetentionDays', given.vm?.weeklyRetentionDays), ...weekdayProblems('vm.weekdays', given.vm?.weekdays), ...weekdayProblems('sql.fullBackupDays', given.sql?.fullBackupDays)]);
  if (given.vm?.policyType !== undefined && !['V1', 'V2'].includes(given.vm.policyType)) {
    throw new Error(`${where}.vm.policyType ${JSON.stringify(given.vm.policyType)} is not V1 or V2; give "V2" (enhanced policy)`);
  }
  // The strings are checked here and by vmPolicyProblems/sqlAutoBackupProblems below (frequency).
  const schedule = backupSchedule({ vm: given.vm as Partial<BackupSchedule['vm']>, sql: given.sql as Partial<SqlAutoBackupSchedule>, exports: given.exports });
  assertNoProblems(where, [...vmPolicyProblems({ ...schedule.vm, name: 'bkpol-vm-daily' }), ...sqlAutoBackupProblems(schedule.sql)]);
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(schedule.exports.time)) throw new Error(`${where}.exports.time ${JSON.stringify(schedule.exports.time)} is not HH:mm; give e.g. "02:00"`);
  if (!Number.isInteger(schedule.exports.retentionDays) || schedule.exports.retentionDays < 1) {
    throw new Error(`${where}.exports.retentionDays ${JSON.stringify(schedule.exports.retentionDays)} is not a whole number of days, 1 or more`);
  }
  return { enabled: given.enabled ?? true, schedule, geoRedundant: given.geoRedundant ?? true };
}

/** What the deployment offers a site's backups (no construct import cycle: plain members). */
interface DeploymentLike {
  readonly name: string;
  readonly sipDomain: string;
  /** @internal */
  readonly _perSiteStacks: boolean;
  /** @internal */
  readonly _revision: { bump(): void };
  /** @internal */
  readonly _backupSettings: ResolvedBackup;
  /** @internal */
  readonly _lab?: unknown;
  /** @internal */
  readonly _servers: { forEach(f: (s: Server) => void): void };
  /** @internal */
  readonly _sites: { readonly all: readonly CentralSite[] };
  /** @internal */
  _variablePrefix(): string;
}

/** The backups of one central site (construct ID `backup` under the site). */
export class SiteBackups extends Construct {
  readonly names: SiteBackupNames;
  /** Vault, VM policy and protected items. */
  readonly restorePoints: SiteBackup;
  readonly writer: ExportWriter;
  readonly privateLink: BlobPrivateLinkZone;
  /** Server paths with a protected item, SQL server paths with auto_backup (for the model). */
  readonly protectedServerPaths: string[] = [];
  readonly sqlAutoBackupServerPaths: string[] = [];
  private sqlStorage?: StorageAccount;
  private readonly protectData: boolean;

  constructor(private readonly site: CentralSite, private readonly deployment: DeploymentLike) {
    super(site, 'backup');
    const settings = deployment._backupSettings;
    this.names = siteBackupNames(deployment.name, site.node.id, deployment.sipDomain);
    this.protectData = deployment._lab === undefined;
    this.restorePoints = new SiteBackup(this, 'restore-points', {
      location: site.location,
      resourceGroupName: site.resourceGroupName,
      vaultName: this.names.vault,
      storageModeType: settings.geoRedundant ? 'GeoRedundant' : 'LocallyRedundant',
      vmPolicy: settings.schedule.vm,
      protectedVms: [],
      protectData: this.protectData,
    });
    this.writer = new ExportWriter(this, 'export-writer', { name: this.names.identity, location: site.location, resourceGroupName: site.resourceGroupName });
    // The private endpoints' own subnet, created before the NSGs are rendered (its NSG allows nothing extra).
    site._subnet(SubnetRole.PRIVATE_ENDPOINTS);
    this.privateLink = new BlobPrivateLinkZone(this, 'private-link', { resourceGroupName: site.resourceGroupName, linkName: dnsLinkName(site.node.id), virtualNetworkId: site._virtualNetwork.id });
    deployment._servers.forEach((server) => {
      if (server.site._path !== site._path || !PROTECTED_ROLES.includes(server.model.role)) return;
      this.restorePoints.protect(this.protectedKey(server), server.vm.id);
      this.protectedServerPaths.push(server.model.path);
    });
  }

  private readonly keys = new Set<string>();

  /**
   * A protected item's key: the computer name (lower case). A name that cannot be a key, or one
   * given twice (NAME-* report those), gets a hash of the server's path instead of failing here.
   */
  private protectedKey(server: Server): string {
    const name = server.model.computerName.toLowerCase();
    const key = /^[a-z0-9][a-z0-9-]{0,62}$/.test(name) && !this.keys.has(name) ? name : `${name.replace(/[^a-z0-9-]/g, '').slice(0, 50)}-${stableHash(server.model.path).toString(36)}`.replace(/^-+/, '');
    this.keys.add(key);
    return key;
  }

  /** The identities a server of `role` carries: the export writer's on Front Ends and Standard Edition servers. */
  identityIdsFor(role: ServerRole): string[] | undefined {
    return EXPORT_WRITER_ROLES.includes(role) ? [this.writer.identity.id] : undefined;
  }

  /**
   * The `auto_backup` block of one SQL Server VM of this site, or none when Automated Backup cannot
   * serve it (failover cluster instances, SQL Server 2012: BACKUP-1 reports them). The target account
   * is created with the first SQL server: in this site's region, RA-GRS (lib/model/backup-topology.ts).
   */
  sqlAutoBackup(server: { readonly path: string; readonly haMode: SqlHaMode; readonly sqlVersion: SqlServerVersion }): MssqlVirtualMachineAutoBackup | undefined {
    const year = sqlYear(server.sqlVersion);
    if (chooseSqlBackupMechanism({ haMode: server.haMode, sqlVersion: year }).mechanism !== 'automated-backup') return undefined;
    const account = this.sqlTarget();
    this.sqlAutoBackupServerPaths.push(server.path);
    this.deployment._revision.bump();
    return sqlAutoBackupBlock({ storageBlobEndpoint: account.primaryBlobEndpoint, storageAccountAccessKey: account.primaryAccessKey }, this.deployment._backupSettings.schedule.sql, { v1: year !== undefined && year < 2016 });
  }

  private sqlTarget(): StorageAccount {
    if (this.sqlStorage) return this.sqlStorage;
    // Automated Backup authenticates with the account key: this account keeps shared keys and holds nothing else.
    this.sqlStorage = backupStorageAccount(this, 'sql-storage', {
      name: this.names.sqlStorageAccount,
      location: this.site.location,
      resourceGroupName: this.site.resourceGroupName,
      replicationType: this.deployment._backupSettings.geoRedundant ? 'RAGRS' : 'LRS',
      sharedKeys: true,
      protect: this.protectData,
    });
    blobEndpoint(this, 'sql-endpoint', {
      name: blobEndpointName(this.names.sqlStorageAccount),
      location: this.site.location,
      resourceGroupName: this.site.resourceGroupName,
      subnetId: this.site._subnetId(SubnetRole.PRIVATE_ENDPOINTS),
      storageAccountId: this.sqlStorage.id,
      storageAccountName: this.names.sqlStorageAccount,
      privateDnsZoneId: this.privateLink.zone.id,
    });
    return this.sqlStorage;
  }

  /**
   * Renders the export side once the topology is complete (the deployment calls it at synthesis): the
   * export store of this site in its partner site (or here, geo-replicated, without one), the private
   * endpoints of both sites, the writer's role, and the export script as an output for the operator.
   */
  render(model: TopologyModel): void {
    const layout = backupLayout(model).find((l) => l.site.path === this.site._path);
    if (!layout) return;
    const settings = this.deployment._backupSettings;
    const partnerSite = layout.partner ? this.deployment._sites.all.find((s) => s._path === layout.partner!.path) : undefined;
    const holder = partnerSite?._backups ?? this;
    const holderSite = partnerSite ?? this.site;
    const siteId = this.site.node.id;
    const store = new ExportStore(holder, `exports-of-${siteId}`, {
      storageAccountName: this.names.exportStorageAccount,
      location: holderSite.location,
      resourceGroupName: holderSite.resourceGroupName,
      protectedLocation: this.site.location,
      containerName: this.names.exportContainer,
      replicationType: settings.geoRedundant ? (partnerSite ? 'GRS' : 'RAGRS') : 'LRS',
      retentionDays: settings.schedule.exports.retentionDays,
      allowProtectedRegion: partnerSite === undefined,
      protectData: this.protectData,
    });
    const sameStack = !this.deployment._perSiteStacks || holder === this;
    const accountId = sameStack ? store.account.id : storageAccountId(this.site._subscriptionId, siteResourceGroupName(this.deployment.name, holderSite.node.id), this.names.exportStorageAccount);
    blobEndpoint(this, 'exports-endpoint', {
      name: blobEndpointName(this.names.exportStorageAccount, siteId),
      location: this.site.location,
      resourceGroupName: this.site.resourceGroupName,
      subnetId: this.site._subnetId(SubnetRole.PRIVATE_ENDPOINTS),
      storageAccountId: accountId,
      storageAccountName: this.names.exportStorageAccount,
      privateDnsZoneId: this.privateLink.zone.id,
    });
    if (partnerSite && holder !== this) {
      // The partner reads the exports where the restore runs.
      blobEndpoint(holder, `exports-endpoint-of-${siteId}`, {
        name: blobEndpointName(this.names.exportStorageAccount, partnerSite.node.id),
        location: partnerSite.location,
        resourceGroupName: partnerSite.resourceGroupName,
        subnetId: partnerSite._subnetId(SubnetRole.PRIVATE_ENDPOINTS),
        storageAccountId: store.account.id,
        storageAccountName: this.names.exportStorageAccount,
        privateDnsZoneId: (holder as SiteBackups).privateLink.zone.id,
      });
    }
    this.writer.allowWrite(sameStack ? store.container.resourceManagerId : blobContainerId(accountId, this.names.exportContainer));
    const input = backupRunbookInputs(model).find((i) => i.site === this.site.node.id);
    if (input) {
      const script = exportScript({ ...input, identity: this.writer.identity.id });
      const output = new TerraformOutput(this, 'export-task', {
        description: `Scheduled export of site ${siteId} (Export-CsConfiguration, Export-CsLisConfiguration, Export-CsRgsConfiguration, Export-CsUserData): save "script" as ${EXPORT_SCRIPT_PATH} on one Front End of the site and run "install" there as a member of RTCUniversalServerAdmins`,
        value: { script, install: exportTaskCommand(settings.schedule.exports.time) },
      });
      output.overrideLogicalId(exportTaskOutputName(this.deployment._variablePrefix(), siteId));
    }
  }
}

/** The command that installs the daily export task (it prompts for the account's password). */
export function exportTaskCommand(time: string): string {
  return `schtasks /Create /TN "SfB backup exports" /SC DAILY /ST ${time} /RU <DOMAIN\\account in RTCUniversalServerAdmins> /RP /RL HIGHEST /TR "powershell.exe -NoProfile -ExecutionPolicy Bypass -File ${EXPORT_SCRIPT_PATH}"`;
}
