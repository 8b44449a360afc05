/**
 * The configuration exports as files: one table the export script, the routine-backup list, the
 * failover steps and the restore steps all read, so the file a restore imports is always one the
 * export wrote (issue 28: the failover steps restored `CsLisConfiguration.zip`, the script wrote
 * `lis.zip`). Commands follow MicrosoftDocs/OfficeDocs-SkypeForBusiness:
 * Lync/LyncServer/lync-server-2013-backing-up-core-data-and-settings.md.
 */

/** Where the scheduled export writes (one dated folder a day) and where the restore steps fetch to. */
export const EXPORT_FOLDER = 'C:\\SfbBackup';
export const RESTORE_FOLDER = `${EXPORT_FOLDER}\\restore`;
/** Where the operator saves the export script the site's Terraform output carries. */
export const EXPORT_SCRIPT_PATH = `${EXPORT_FOLDER}\\Export-SfbBackup.ps1`;

const slug = (fqdn: string) => fqdn.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** File names inside one day's export folder. */
export const EXPORT_FILES = Object.freeze({
  /** Export-CsConfiguration: topology, policies and settings (the Central Management store). */
  config: 'config.zip',
  /** Export-CsLisConfiguration: E9-1-1 locations, which the Backup Service does not replicate. */
  lis: 'lis.zip',
  /** Export-CsUserData of one pool. */
  userData: (pool: string) => `userdata-${slug(pool)}.zip`,
  /** Export-CsRgsConfiguration of one pool. */
  rgs: (pool: string) => `rgs-${slug(pool)}.zip`,
});

/** The Response Group application of a pool, as Export- and Import-CsRgsConfiguration take it (-Source, -Destination). */
export function rgsService(poolFqdn: string): string {
  return `service:ApplicationServer:${poolFqdn}`;
}
