/**
 * Backups of a whole topology (issue 18): which servers each site protects, where each kind of copy
 * lives, the names the library gives (known at synthesis, so a stack per site refers to the other
 * site's storage by name, never by reference), and the plan and runbook inputs derived from the model.
 * Plain data and pure functions: the constructs record what they built (`BackupModel`), rules and
 * reports read it.
 *
 * DECISIONS (docs/backups.md says the same for operators):
 *
 * 1. VM restore points: a Recovery Services vault per site, in the site's own region and stack (Azure
 *    Backup protects a VM only into a vault of the VM's region, BACKUP_DOCS.vmBackupRegion),
 *    GeoRedundant with Cross Region Restore, so every restore point also lives in the Azure paired
 *    region and can be restored there while the site's region is down (BACKUP_DOCS.vaultCrr).
 *
 * 2. SQL backups: SQL IaaS Automated Backup (`auto_backup` of `azurerm_mssql_virtual_machine`) into a
 *    storage account **in the site's own region and stack, RA-GRS** (read-access geo-redundant): Azure
 *    copies every backup file to the paired region, readable there at `<account>-secondary` while the
 *    primary region is down, or after a customer-initiated account failover. Why not an account in the
 *    partner site's region? `auto_backup` needs `storage_account_access_key`. With a stack per site,
 *    an account in the partner's stack would reach this stack only as an operator-held secret
 *    (a sensitive variable nobody can know at synthesis), each site's first apply would need the
 *    other site's key (a cycle between the two stacks), and a rotated key would silently stop the
 *    backups. Creating the account in the partner's region inside this stack breaks "a site's stack
 *    holds only its own region's resources" (test/stacks/per-site.test.ts). Azure Backup's SQL
 *    workload (copies in the GRS vault) cannot be declared with azurerm 4.55 (no protected-workload
 *    resource) and refuses mirror databases (BACKUP_DOCS.sqlAzureBackupLimits). So the key stays a
 *    reference inside the stack (in state, never in the JSON) and the off-region copy is Azure's geo
 *    replication, as for the vault. The same account is used in one stack, so moving to a stack per
 *    site changes nothing.
 *
 * 3. The product's exports (Export-CsConfiguration, -CsLisConfiguration, -CsRgsConfiguration,
 *    -CsUserData): a private storage account **in the partner site's region and stack**, GRS, TLS 1.2,
 *    no public network access, no shared keys. It needs no secret: the protected site's Front Ends
 *    write with a user-assigned managed identity that gets Storage Blob Data Contributor on the
 *    container, and reach it through a private endpoint in their own network; both name the account
 *    by the resource ID built from the names below (as a peering names the remote network). The files
 *    the restore imports are then next to the servers that import them, whatever happened to the
 *    protected region. Without a partner site (one region only) they stay in the site's region with
 *    RA-GRS and BACKUP-2 warns.
 */
import { BackEndMode, SqlServerVersion } from '../enums';
import { BACKUP_DOCS, BackupPlan, backupPlan, BackupSchedule, BackupSiteInput, BackupSqlStoreInput, chooseSqlBackupMechanism, pairedRegion, SqlHaMode, SqlMechanismChoice } from './backup';
import { stableHash } from './keyed-slots';
import { backupVaultName, fitName, siteResourceGroupName } from './names';
import { partnerOf, resolvedPairs } from './pairs';
import { ServerModel, ServerRole, SiteModel, TopologyModel } from './topology';
import { planIndex } from './memo';
import { rolesWhere } from './roles';
import { backEndInstance } from './sql-instance';

/** What the deployment recorded about its backups (the constructs fill it; rules and reports read it). */
export interface BackupModel {
  /** False when the deployment turned backups off (`backup: { enabled: false }`, or a lab without `backup`). */
  readonly enabled: boolean;
  /** Lower-case deployment name used in Azure names (`rg-<name>-<site>`). */
  readonly deploymentName: string;
  readonly schedule: BackupSchedule;
  /** Vaults GeoRedundant with Cross Region Restore, SQL storage RA-GRS, exports GRS. @default true */
  readonly geoRedundant: boolean;
  /** Servers with an `azurerm_backup_protected_vm` item (construct paths). */
  readonly protectedServerPaths: readonly string[];
  /** SQL servers whose registration carries an `auto_backup` block (construct paths). */
  readonly sqlAutoBackupServerPaths: readonly string[];
}

/** Server roles whose VMs a site's vault protects: every server the restore procedure rebuilds (lib/model/roles/). */
export const PROTECTED_ROLES: readonly ServerRole[] = rolesWhere((p) => p.protectedByBackup);

/**
 * Roles that hold data a restore needs (Microsoft's "Backup and restoration requirements: data"):
 * BACKUP-1 warns when one has no backup. Directors, Mediation, Edge and chat servers hold only what
 * the Central Management store gives them back.
 */
export const STATEFUL_ROLES: readonly ServerRole[] = rolesWhere((p) => p.holdsRestoreData);

/** Roles whose servers run the scheduled export task (members of the pool the exports read). */
export const EXPORT_WRITER_ROLES: readonly ServerRole[] = rolesWhere((p) => p.writesConfigExports);

export const EXPORT_CONTAINER = 'sfb-exports';

/** Azure names of one site's backups: literals, so another stack can name them. */
export interface SiteBackupNames {
  readonly vault: string;
  readonly resourceGroup: string;
  readonly sqlStorageAccount: string;
  /** Export storage account of this site's exports (it lives in the partner site). */
  readonly exportStorageAccount: string;
  readonly exportContainer: string;
  /** User-assigned identity of the site's Front Ends (export writers). */
  readonly identity: string;
}

function shortHash(text: string): string {
  return stableHash(text).toString(36).padStart(6, '0').slice(-6);
}

/** Storage account names: `<kind><deployment><site>` cut to fit, and a hash of the whole so names differ per deployment. */
function accountName(kind: string, deploymentName: string, site: string, salt: string): string {
  const body = `${deploymentName}${site}`.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${kind}${body.slice(0, 24 - kind.length - 6)}${shortHash(`${salt}/${deploymentName}/${site}/${kind}`)}`;
}

/** The names of a site's backups (`salt`: the SIP domain, so two deployments named alike differ). */
export function siteBackupNames(deploymentName: string, siteName: string, salt: string): SiteBackupNames {
  return {
    vault: backupVaultName(deploymentName, siteName),
    resourceGroup: siteResourceGroupName(deploymentName, siteName),
    sqlStorageAccount: accountName('sfbq', deploymentName, siteName, salt),
    exportStorageAccount: accountName('sfbx', deploymentName, siteName, salt),
    exportContainer: EXPORT_CONTAINER,
    identity: fitName('azurerm_user_assigned_identity', `id-${deploymentName}-${siteName}`, '-backup'),
  };
}

const byName = (a: SiteModel, b: SiteModel) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The site that keeps a site's exports: the site of the pool paired with one of its pools (the site a
 * restore runs from), else the first other site by name in another region; none with one region only.
 */
export function backupPartnerSite(model: TopologyModel, site: SiteModel): SiteModel | undefined {
  const other = (s: SiteModel | undefined) => (s && s.path !== site.path && s.location !== site.location ? s : undefined);
  const pools = [...model.frontEndPools].filter((p) => p.sitePath === site.path).sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const pool of pools) {
    const partner = partnerOf(model, pool);
    const s = other(model.sites.find((x) => x.path === partner?.sitePath));
    if (s) return s;
  }
  return [...model.sites].sort(byName).find((s) => other(s) !== undefined);
}

/** SQL Server version as a year (2008 R2 counts as 2008). */
export function sqlYear(version: SqlServerVersion | undefined): number | undefined {
  return version === undefined ? undefined : parseInt(version, 10);
}

export function haModeOf(mode: BackEndMode): SqlHaMode {
  switch (mode) {
    case BackEndMode.MIRRORING: return 'mirroring';
    case BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP: return 'always-on';
    case BackEndMode.FAILOVER_CLUSTER: return 'failover-cluster';
    default: return 'standalone';
  }
}

/** Chat database servers kept by log shipping: a second log-backup chain would break it (no Automated Backup). */
export function logShippedSqlPaths(model: TopologyModel): Set<string> {
  return new Set(model.chatPools.flatMap((c) => c.databaseServers.map((d) => d.server.path)));
}

export interface SiteBackupLayout {
  readonly site: SiteModel;
  readonly names: SiteBackupNames;
  /** Where the exports of this site live (the partner site), if any. */
  readonly partner?: SiteModel;
  /** Region of the export storage account. */
  readonly exportLocation: string;
  /** The Azure pair of the site's region (vault GRS + CRR, SQL RA-GRS), if any. */
  readonly pairedRegion?: string;
  readonly protectedServers: readonly ServerModel[];
}

/** Each site's backups as the library builds them, sites by name. */
export function backupLayout(model: TopologyModel): readonly SiteBackupLayout[] {
  // Asked per site by rendering and by the runbook: computed once per model.
  let layout = layouts.get(model);
  if (!layout) layouts.set(model, (layout = computeLayout(model)));
  return layout;
}
const layouts = planIndex<readonly SiteBackupLayout[]>('layouts');

function computeLayout(model: TopologyModel): SiteBackupLayout[] {
  const b = model.backup;
  if (!b) return [];
  const protectedPaths = new Set(b.protectedServerPaths);
  const bySite = new Map<string, ServerModel[]>();
  for (const s of model.servers) {
    if (!protectedPaths.has(s.path) || s.sitePath === undefined) continue;
    const list = bySite.get(s.sitePath);
    if (list) list.push(s);
    else bySite.set(s.sitePath, [s]);
  }
  return [...model.sites].sort(byName).map((site) => {
    const partner = backupPartnerSite(model, site);
    return {
      site,
      names: siteBackupNames(b.deploymentName, site.name, model.sipDomain),
      ...(partner ? { partner } : {}),
      exportLocation: partner?.location ?? site.location,
      ...(b.geoRedundant && pairedRegion(site.location) ? { pairedRegion: pairedRegion(site.location) } : {}),
      protectedServers: [...(bySite.get(site.path) ?? [])].sort((x, y) => (x.computerName < y.computerName ? -1 : 1)),
    };
  });
}

/** The mechanism of a back end's SQL backups, given what the constructs rendered. */
export function backEndSqlBackup(model: TopologyModel, backEnd: TopologyModel['backEnds'][number]): SqlMechanismChoice & { readonly rendered: boolean } {
  const choice = chooseSqlBackupMechanism({ haMode: haModeOf(backEnd.mode), sqlVersion: sqlYear(backEnd.sqlVersion) });
  const auto = new Set(model.backup?.sqlAutoBackupServerPaths ?? []);
  const rendered = backEnd.servers.some((s) => auto.has(s.path));
  if (choice.mechanism === 'automated-backup' && !rendered) {
    return { mechanism: 'manual', reason: 'no SQL IaaS registration carries auto_backup (SQL Server installed by the operator, or backups turned off); schedule native BACKUP ... TO URL jobs', source: BACKUP_DOCS.sqlAutomatedBackup, rendered };
  }
  return { ...choice, rendered };
}

/** The plan inputs of every site, from the model (sites by name). */
export function backupSiteInputs(model: TopologyModel): BackupSiteInput[] {
  return backupLayout(model).map((l): BackupSiteInput => {
    const pools = model.frontEndPools.filter((p) => p.sitePath === l.site.path);
    const stores: BackupSqlStoreInput[] = model.backEnds
      .filter((be) => be.sitePath === l.site.path)
      .map((be) => {
        const hosts = pools.filter((p) => p.backEndPath === be.path);
        return {
          key: be.path,
          fqdn: be.storeFqdn,
          ...(backEndInstance(be) !== undefined ? { instance: backEndInstance(be) } : {}),
          haMode: haModeOf(be.mode),
          roles: [...(hosts.some((p) => p.hostsCentralManagementStore) ? (['central-management'] as const) : []), 'back-end' as const],
          sqlVersion: sqlYear(be.sqlVersion),
        };
      });
    return {
      name: l.site.name,
      location: l.site.location,
      ...(l.partner ? { partnerLocation: l.partner.location } : {}),
      vaultName: l.names.vault,
      exportStorageAccount: l.names.exportStorageAccount,
      sqlBackupStorageAccount: l.names.sqlStorageAccount,
      sqlBackupRegion: { location: l.site.location, ...(l.pairedRegion ? { replicatedTo: l.pairedRegion } : {}) },
      servers: l.protectedServers.map((s) => ({ key: s.computerName, computerName: s.computerName, role: s.role })),
      sqlStores: stores,
      pools: pools.map((p) => ({ fqdn: p.fqdn, responseGroup: true })),
      fileStores: model.fileStores.filter((f) => f.sitePath === l.site.path).map((f) => ({ key: f.path, share: f.shareUnc })),
    };
  });
}

/** The backup plan of the topology; empty when backups are off. */
export function topologyBackupPlan(model: TopologyModel): BackupPlan | undefined {
  if (!model.backup?.enabled) return undefined;
  return backupPlan({ sites: backupSiteInputs(model), schedule: model.backup.schedule });
}

/** Paired pools (both sides), for RESTORE-8. */
export function pairedPools(model: TopologyModel) {
  return resolvedPairs(model).flatMap((p) => [p.primary, p.backup]);
}
