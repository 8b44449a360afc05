/**
 * Runbook text for backups as data: the scheduled export script, the restore procedure in Microsoft's
 * order, and the monthly disaster-recovery test. Pure functions of plain names (vault, storage
 * accounts, pool FQDNs, SQL FQDN and instance): no model, no cdktf.
 *
 * Order and commands follow (MicrosoftDocs/OfficeDocs-SkypeForBusiness):
 * - `Lync/LyncServer/lync-server-2013-restoring-a-lync-server-pool.md`: "For a Front End pool, restore
 *   the Back End Server first, and then restore each Front End Server."
 * - `Lync/LyncServer/lync-server-2013-restoring-the-server-hosting-the-central-management-store.md`
 *   (Install-CsDatabase -CentralManagementDatabase, Set-CsConfigurationStoreLocation,
 *   Import-CsConfiguration, Enable-CsTopology, Import-CsUserData, Import-CsLisConfiguration)
 * - `Lync/LyncServer/lync-server-2013-restoring-an-enterprise-edition-back-end-server.md`
 * - `Lync/LyncServer/lync-server-2013-restoring-response-group-settings.md` (Import-CsRgsConfiguration)
 * - `Lync/LyncServer/lync-server-2013-restoring-a-file-store.md` (same path, then Enable-CsTopology)
 * - `Lync/LyncServer/lync-server-2013-performing-an-abc-front-end-pool-failover.md` (Update-CsUserData -UserFilter)
 * - `Lync/LyncServer/lync-server-2013-backing-up-core-data-and-settings.md` (the Export-Cs* commands)
 * - `Skype/SfbServer/sfbs2019/disaster-recovery-test.md` (monthly test, rotate the failed server)
 * - `Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md`
 *   (Install-CsDatabase -Update on each replica)
 */
import { EXPORT_FILES, EXPORT_FOLDER, RESTORE_FOLDER, rgsService } from '../model/export-files';
import { blocks, code, heading, steps } from './markdown';

const DOC = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness';

/** ` -SqlInstanceName <name>` for a named instance; nothing for the default instance. */
const instanceArg = (be: { readonly instance?: string }) => (be.instance !== undefined ? ` -SqlInstanceName ${be.instance}` : '');

export interface RunbookBackEnd {
  /** The FQDN SfB uses for the store (AG listener, principal, or the server). */
  readonly sqlFqdn: string;
  /** SQL instance name; absent for the default instance (MSSQLSERVER), which cmdlets address without `-SqlInstanceName`. */
  readonly instance?: string;
  readonly haMode: 'standalone' | 'mirroring' | 'always-on' | 'failover-cluster';
  /** Mirror partner FQDN (mirroring). */
  readonly mirrorFqdn?: string;
}

export interface RunbookPool {
  readonly fqdn: string;
  readonly backEnd: RunbookBackEnd;
  /** Front End computer names, in restore order. */
  readonly frontEnds: readonly string[];
  readonly responseGroup?: boolean;
}

export interface BackupRunbookInput {
  readonly site: string;
  readonly vault: { readonly name: string; readonly resourceGroup: string; readonly location: string; readonly pairedRegion?: string };
  readonly exports: { readonly storageAccount: string; readonly container: string };
  readonly sqlBackups?: { readonly storageAccount: string };
  /** The pool whose Back End hosts the Central Management store, when it is in this site. */
  readonly cmsPool?: string;
  /** Whether E9-1-1 location data is exported (`Export-CsLisConfiguration`). @default true */
  readonly lis?: boolean;
  readonly pools: readonly RunbookPool[];
  readonly fileStores?: readonly { readonly share: string; readonly servers: readonly string[] }[];
  /** Local folder the exports are written to and restored from. @default C:\SfbBackup */
  readonly localFolder?: string;
  /**
   * Resource ID of the user-assigned identity the uploads use (`azcopy login --identity
   * --identity-resource-id`). @default the VM's only identity
   */
  readonly identity?: string;
}

const blobUrl = (account: string, container: string) => `https://${account}.blob.core.windows.net/${container}`;
/** File names inside one day's export folder (lib/model/export-files.ts). */
export function exportFileNames(): typeof EXPORT_FILES {
  return EXPORT_FILES;
}

/**
 * The PowerShell of the scheduled export task (run daily on a Front End of the site as a member of
 * RTCUniversalServerAdmins, and after every configuration change). It writes the exports to a dated
 * folder and uploads them with the server's managed identity: no storage key anywhere.
 *
 * Every site runs it, not only the site of the Central Management Store: the configuration and LIS
 * exports read the store wherever it is, so each site's export container holds what a restore in that
 * site imports, even while the other site (or its region, which holds the other container) is down.
 * Safe to run again the same day: `Export-CsLisConfiguration` "will not overwrite an existing file"
 * (its cmdlet reference) and has no -Force, so the run starts from an empty dated folder, and azcopy
 * overwrites the uploaded copies.
 */
export function exportScript(input: BackupRunbookInput): string {
  const folder = input.localFolder ?? EXPORT_FOLDER;
  const f = exportFileNames();
  const lis = input.lis ?? true;
  const lines = [
    '$ErrorActionPreference = "Stop"',
    '$stamp = Get-Date -Format "yyyy-MM-dd"',
    `$dir = Join-Path "${folder}" $stamp`,
    'if (Test-Path $dir) { Remove-Item -Path $dir -Recurse -Force }',
    'New-Item -ItemType Directory -Force -Path $dir | Out-Null',
    `Export-CsConfiguration -FileName (Join-Path $dir "${f.config}") -Force`,
    ...(lis ? [`Export-CsLisConfiguration -FileName (Join-Path $dir "${f.lis}")`] : []),
    ...[...input.pools].sort((a, b) => (a.fqdn < b.fqdn ? -1 : 1)).flatMap((p) => [
      `Export-CsUserData -PoolFqdn "${p.fqdn}" -FileName (Join-Path $dir "${f.userData(p.fqdn)}")`,
      ...(p.responseGroup ? [`Export-CsRgsConfiguration -Source "${rgsService(p.fqdn)}" -FileName (Join-Path $dir "${f.rgs(p.fqdn)}") -Force`] : []),
    ]),
    input.identity ? `azcopy login --identity --identity-resource-id "${input.identity}"` : 'azcopy login --identity',
    `azcopy copy $dir "${blobUrl(input.exports.storageAccount, input.exports.container)}/" --recursive`,
  ];
  return lines.join('\n');
}

function backEndSteps(pool: RunbookPool, input: BackupRunbookInput, restoreDir: string): string[] {
  const f = exportFileNames();
  const be = pool.backEnd;
  const cms = input.cmsPool === pool.fqdn;
  const lis = input.lis ?? true;
  const out: string[] = [];
  out.push(
    `Rebuild the Back End ${code(be.sqlFqdn)} with the same FQDN and SQL instance (${be.instance !== undefined ? code(be.instance) : 'the default instance'}) (${code('terraform apply')} recreates the VM; or restore its disks from vault ${code(input.vault.name)}, see "Backup sources"). Reinstall or reenroll the certificates.`,
  );
  if (be.haMode === 'failover-cluster') {
    out.push('The store is a failover cluster instance: restore its databases from your native SQL backups before continuing (no automated backup covers FCIs).');
  }
  if (cms) {
    out.push(
      `This Back End hosts the Central Management store. From a Front End: ${code(`Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn ${be.sqlFqdn}${instanceArg(be)} -Verbose`)}`,
      `${code(`Set-CsConfigurationStoreLocation -SqlServerFqdn ${be.sqlFqdn}${instanceArg(be)} -Verbose`)}`,
      `${code(`Import-CsConfiguration -FileName "${restoreDir}\\${f.config}"`)}, then ${code('Enable-CsTopology')}`,
    );
  }
  out.push(
    `Recreate the pool's databases: ${code(`Install-CsDatabase -ConfiguredDatabases -SqlServerFqdn ${be.sqlFqdn} -Verbose`)} (or Topology Builder, Install Database)` +
      (be.haMode === 'mirroring' && be.mirrorFqdn ? `, then ${code(`Install-CsMirrorDatabase -ConfiguredDatabases -FileShare <share> -SqlServerFqdn ${be.sqlFqdn} -Verbose`)} to re-create the mirror on ${code(be.mirrorFqdn)}` : ''),
  );
  if (be.haMode === 'always-on') {
    out.push(`Add the databases back to the availability group (full recovery model, initial synchronization Full), then on each replica in turn fail the group over and run ${code('Install-CsDatabase -Update')}.`);
  }
  out.push(
    `${code('Stop-CsWindowsService')}, then ${code(`Import-CsUserData -PoolFqdn ${pool.fqdn} -FileName "${restoreDir}\\${f.userData(pool.fqdn)}"`)}, then ${code('Start-CsWindowsService')}`,
  );
  if (cms && lis) out.push(code(`Import-CsLisConfiguration -FileName "${restoreDir}\\${f.lis}"`));
  if (pool.responseGroup) {
    out.push(code(`Import-CsRgsConfiguration -Destination "${rgsService(pool.fqdn)}" -OverwriteOwner -FileName "${restoreDir}\\${f.rgs(pool.fqdn)}"`));
  }
  if (input.sqlBackups) {
    out.push(
      `Archiving, Monitoring or Persistent Chat databases on this server: restore them with SQL Server (${code('RESTORE DATABASE ... FROM URL')}, last full then the log chain, ${code('WITH NORECOVERY')} until the last log) from the Automated Backup files in storage account ${code(input.sqlBackups.storageAccount)}.`,
    );
  }
  return out;
}

/** The restore section of one site, Back End first, then each Front End, then the file stores. */
export function renderBackupRestore(input: BackupRunbookInput): string {
  const restoreDir = input.localFolder === undefined ? RESTORE_FOLDER : `${input.localFolder}\\restore`;
  const exportsUrl = blobUrl(input.exports.storageAccount, input.exports.container);
  const crr = input.vault.pairedRegion ? ` --use-secondary-region` : '';
  const pools = [...input.pools].sort((a, b) => (a.fqdn === input.cmsPool ? -1 : b.fqdn === input.cmsPool ? 1 : a.fqdn < b.fqdn ? -1 : 1));
  const sources = [
    `VM restore points: vault ${code(input.vault.name)} (resource group ${code(input.vault.resourceGroup)}, ${input.vault.location}${input.vault.pairedRegion ? `; copies in ${input.vault.pairedRegion}, restorable there with Cross Region Restore` : ''}). List them: ${code(`az backup recoverypoint list --vault-name ${input.vault.name} --resource-group ${input.vault.resourceGroup} --backup-management-type AzureIaasVM --container-name <vm> --item-name <vm>${crr}`)}`,
    `Exports: ${code(exportsUrl + '/<yyyy-MM-dd>/')} (the newest folder taken before the failure). Fetch: ${code('azcopy login --identity')} then ${code(`azcopy copy "${exportsUrl}/<yyyy-MM-dd>/*" "${restoreDir}" --recursive`)}`,
    ...(input.sqlBackups ? [`SQL backups: storage account ${code(input.sqlBackups.storageAccount)} (SQL IaaS Automated Backup, full + log)`] : []),
  ];
  const poolSections = pools.map((pool) =>
    blocks(
      heading(4, `Pool ${pool.fqdn}`),
      `Back End first, then each Front End (${DOC}: Lync/LyncServer/lync-server-2013-restoring-a-lync-server-pool.md).`,
      steps([
        ...backEndSteps(pool, input, restoreDir),
        ...pool.frontEnds.map(
          (fe) =>
            `Front End ${code(fe)}: restore its disks from vault ${code(input.vault.name)} (${code(`az backup restore restore-disks --vault-name ${input.vault.name} --resource-group ${input.vault.resourceGroup} --container-name ${fe} --item-name ${fe} --rp-name <restore point> --storage-account <staging account> --target-resource-group <rg>${crr}`)}) or rebuild it, then run the Deployment Wizard: install the local configuration store, set up the components, assign certificates, start services.`,
        ),
        `When every Front End was down: ${code(`Start-CsPool -PoolFqdn ${pool.fqdn}`)}.`,
        `Users whose data is older than the export (ABC rebuild): ${code(`Update-CsUserData -FileName "${restoreDir}\\${exportFileNames().userData(pool.fqdn)}" -UserFilter <sip address>`)}.`,
      ]),
    ),
  );
  const files = (input.fileStores ?? []).map((s) =>
    steps([
      `Restore the file server(s) ${s.servers.map(code).join(', ')} from vault ${code(input.vault.name)} (or their files: ${code('az backup restore files mount-rp')}), and put the content back under exactly ${code(s.share)}.`,
      `Reset the ACLs: ${code('Enable-CsTopology')} (${DOC}: Lync/LyncServer/lync-server-2013-restoring-a-file-store.md).`,
    ]),
  );
  return (
    blocks(
      heading(3, `Restore ${input.site} from backups`),
      heading(4, 'Backup sources') + '\n' + sources.map((s) => `- ${s}`).join('\n'),
      ...poolSections,
      files.length > 0 ? blocks(heading(4, 'File stores'), ...files) : undefined,
    ) + '\n'
  );
}

/**
 * The monthly disaster-recovery test (Microsoft: simulate the complete loss of one server, rotate the
 * server each month, restore it from the backups, and verify). Restores go to an isolated test network:
 * a restored server keeps its FQDN and must not meet the production one.
 */
export function renderDisasterRecoveryTest(input: BackupRunbookInput): string {
  const servers = [
    ...input.pools.flatMap((p) => [p.backEnd.sqlFqdn.split('.')[0], ...p.frontEnds]),
    ...(input.fileStores ?? []).flatMap((s) => s.servers),
  ];
  const rotation = servers.map((s, i) => `month ${i + 1}: ${code(s)}`).join(', ');
  const crr = input.vault.pairedRegion ? ` --use-secondary-region` : '';
  return (
    blocks(
      heading(3, `Monthly disaster-recovery test: ${input.site}`),
      `Simulate the complete failure of one server and restore it from the backups; rotate the server each month (${rotation}). Source: ${DOC}: Skype/SfbServer/sfbs2019/disaster-recovery-test.md.`,
      steps([
        `Check the backups exist: the newest restore point of the server in vault ${code(input.vault.name)}, today's folder in ${code(blobUrl(input.exports.storageAccount, input.exports.container))}${input.sqlBackups ? `, and last night's full and this hour's log backups in ${code(input.sqlBackups.storageAccount)}` : ''}.`,
        `Restore the server into an isolated test resource group and network${input.vault.pairedRegion ? ` in ${input.vault.pairedRegion}, which also proves Cross Region Restore` : ''}: ${code(`az backup restore restore-disks --vault-name ${input.vault.name} --resource-group ${input.vault.resourceGroup} --container-name <vm> --item-name <vm> --rp-name <restore point> --storage-account <staging account> --target-resource-group <test rg>${crr}`)}.`,
        'Run the restore steps of this runbook for that server against the test copy (for a Back End: the configuration, user data, LIS and Response Group imports from the newest exports).',
        `Verify: ${code('Get-CsPool')}, ${code('Test-CsDatabase -ConfiguredDatabases')}, ${code('Get-CsUser | Measure-Object')} against the production count, and a test sign-in.`,
        'Record how long the restore took and how old the restored data was, against the recovery targets in this runbook; fix what failed.',
        'Delete the test resource group and the staging copies.',
      ]),
    ) + '\n'
  );
}
