import { backupPlan, BackupSiteInput } from '../../lib/model/backup';
import { BACKUP_PLAN_HEADERS, renderBackupPlan } from '../../lib/reports/backup-plan';
import { BackupRunbookInput, exportScript, renderBackupRestore, renderDisasterRecoveryTest } from '../../lib/reports/backup-runbook';

const site: BackupSiteInput = {
  name: 'west',
  location: 'westeurope',
  partnerLocation: 'uksouth',
  vaultName: 'rsv-contoso-west',
  exportStorageAccount: 'sfbexpwest',
  sqlBackupStorageAccount: 'sfbsqlwest',
  servers: [{ key: 'fe-1', computerName: 'pool-1', role: 'Front End' }],
  sqlStores: [{ key: 'be', fqdn: 'sqlag.corp.contoso.com', instance: 'rtc', haMode: 'always-on', roles: ['back-end'] }],
  pools: [{ fqdn: 'pool-west.corp.contoso.com' }],
};

const runbook: BackupRunbookInput = {
  site: 'west',
  vault: { name: 'rsv-contoso-west', resourceGroup: 'rg-contoso-west', location: 'westeurope', pairedRegion: 'northeurope' },
  exports: { storageAccount: 'sfbexpwest', container: 'sfb-exports' },
  sqlBackups: { storageAccount: 'sfbsqlwest' },
  cmsPool: 'pool-west.corp.contoso.com',
  pools: [
    { fqdn: 'zeta-west.corp.contoso.com', backEnd: { sqlFqdn: 'zeta-be.corp.contoso.com', instance: 'rtc', haMode: 'mirroring', mirrorFqdn: 'zeta-be2.corp.contoso.com' }, frontEnds: ['zeta-1'] },
    { fqdn: 'pool-west.corp.contoso.com', backEnd: { sqlFqdn: 'west-be.corp.contoso.com', instance: 'rtc', haMode: 'always-on' }, frontEnds: ['pool-1', 'pool-2', 'pool-3'], responseGroup: true },
  ],
  fileStores: [{ share: '\\\\corp.contoso.com\\sfb-west', servers: ['west-fs1-1', 'west-fs1-2'] }],
};

const at = (text: string, needle: string): number => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i;
};

describe('renderBackupPlan', () => {
  test('prints the plan rows as a table with every column, then the notes and sources', () => {
    const plan = backupPlan({ sites: [site] });
    const md = renderBackupPlan({ ...plan, decisions: ['VM backups stay in the site region (vault rule)'] });
    expect(md.startsWith('## Backup plan\n')).toBe(true);
    expect(md).toContain(`| ${BACKUP_PLAN_HEADERS.join(' | ')} |`);
    const tableRows = md.split('\n').filter((l) => l.startsWith('| west |'));
    expect(tableRows).toHaveLength(plan.rows.length);
    expect(md).toContain('| west | Front End server (OS and data disks) | pool-1 |');
    expect(md).toContain('[BACKUP-CRR-REGION] info west:');
    expect(md).toContain('### Decisions\n\n- VM backups stay in the site region (vault rule)');
    expect(md).toContain('### Sources\n\n- MicrosoftDocs/OfficeDocs-SkypeForBusiness: Lync/LyncServer/lync-server-2013-backing-up-core-data-and-settings.md');
  });

  test('escapes pipes and says so when there is nothing to print', () => {
    expect(renderBackupPlan({ rows: [{ site: 's', what: 'a|b', from: 'f', how: 'h', where: 'w', frequency: 'q', retention: 'r', rpo: 'p', source: 'x' }] })).toContain('a\\|b');
    expect(renderBackupPlan({ rows: [] })).toContain('_None._');
  });
});

describe('restore runbook', () => {
  const md = renderBackupRestore(runbook);

  test('names the real sources: vault, restore points, export container, SQL backup account', () => {
    expect(md).toContain('vault `rsv-contoso-west` (resource group `rg-contoso-west`, westeurope; copies in northeurope, restorable there with Cross Region Restore)');
    expect(md).toContain('az backup recoverypoint list --vault-name rsv-contoso-west --resource-group rg-contoso-west --backup-management-type AzureIaasVM --container-name <vm> --item-name <vm> --use-secondary-region');
    expect(md).toContain('https://sfbexpwest.blob.core.windows.net/sfb-exports/<yyyy-MM-dd>/');
    expect(md).toContain('storage account `sfbsqlwest`');
  });

  test('restores the CMS pool first, and in every pool the Back End before each Front End', () => {
    expect(at(md, '#### Pool pool-west')).toBeLessThan(at(md, '#### Pool zeta-west'));
    const pool = md.slice(at(md, '#### Pool pool-west'), at(md, '#### Pool zeta-west'));
    expect(at(pool, 'Rebuild the Back End `west-be.corp.contoso.com`')).toBeLessThan(at(pool, 'Front End `pool-1`'));
    expect(at(pool, 'Front End `pool-1`')).toBeLessThan(at(pool, 'Front End `pool-2`'));
    expect(at(pool, 'Front End `pool-3`')).toBeLessThan(at(pool, 'Start-CsPool -PoolFqdn pool-west.corp.contoso.com'));
  });

  test("follows Microsoft's CMS order: create the store, point AD at it, import, enable, then user data, LIS and Response Groups", () => {
    const order = [
      'Install-CsDatabase -CentralManagementDatabase -Clean -SqlServerFqdn west-be.corp.contoso.com -SqlInstanceName rtc -Verbose',
      'Set-CsConfigurationStoreLocation -SqlServerFqdn west-be.corp.contoso.com -SqlInstanceName rtc -Verbose',
      'Import-CsConfiguration -FileName "C:\\SfbBackup\\restore\\config.zip"',
      'Enable-CsTopology',
      'Install-CsDatabase -ConfiguredDatabases -SqlServerFqdn west-be.corp.contoso.com -Verbose',
      'Install-CsDatabase -Update',
      'Stop-CsWindowsService',
      'Import-CsUserData -PoolFqdn pool-west.corp.contoso.com -FileName "C:\\SfbBackup\\restore\\userdata-pool-west-corp-contoso-com.zip"',
      'Start-CsWindowsService',
      'Import-CsLisConfiguration -FileName "C:\\SfbBackup\\restore\\lis.zip"',
      'Import-CsRgsConfiguration -Destination "service:ApplicationServer:pool-west.corp.contoso.com" -OverwriteOwner -FileName "C:\\SfbBackup\\restore\\rgs-pool-west-corp-contoso-com.zip"',
    ];
    const positions = order.map((c) => at(md, c));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('a pool that does not host the CMS gets no CMS or LIS import; a mirrored one re-creates its mirror', () => {
    const zeta = md.slice(at(md, '#### Pool zeta-west'));
    expect(zeta).not.toContain('Import-CsConfiguration');
    expect(zeta).not.toContain('Import-CsLisConfiguration');
    expect(zeta).toContain('Install-CsMirrorDatabase -ConfiguredDatabases -FileShare <share> -SqlServerFqdn zeta-be.corp.contoso.com -Verbose');
    expect(zeta).toContain('Update-CsUserData -FileName "C:\\SfbBackup\\restore\\userdata-zeta-west-corp-contoso-com.zip" -UserFilter <sip address>');
  });

  test('file stores come back to the same path, then Enable-CsTopology resets the ACLs', () => {
    const files = md.slice(at(md, '#### File stores'));
    expect(at(files, '`\\\\corp.contoso.com\\sfb-west`')).toBeLessThan(at(files, 'Enable-CsTopology'));
  });

  test('the export script exports what the restore imports, and uploads with the managed identity', () => {
    const script = exportScript(runbook);
    expect(script.split('\n')).toEqual([
      '$ErrorActionPreference = "Stop"',
      '$stamp = Get-Date -Format "yyyy-MM-dd"',
      '$dir = Join-Path "C:\\SfbBackup" $stamp',
      // Export-CsLisConfiguration never overwrites a file: a second run the same day starts afresh.
      'if (Test-Path $dir) { Remove-Item -Path $dir -Recurse -Force }',
      'New-Item -ItemType Directory -Force -Path $dir | Out-Null',
      'Export-CsConfiguration -FileName (Join-Path $dir "config.zip") -Force',
      'Export-CsLisConfiguration -FileName (Join-Path $dir "lis.zip")',
      'Export-CsUserData -PoolFqdn "pool-west.corp.contoso.com" -FileName (Join-Path $dir "userdata-pool-west-corp-contoso-com.zip")',
      'Export-CsRgsConfiguration -Source "service:ApplicationServer:pool-west.corp.contoso.com" -FileName (Join-Path $dir "rgs-pool-west-corp-contoso-com.zip") -Force',
      'Export-CsUserData -PoolFqdn "zeta-west.corp.contoso.com" -FileName (Join-Path $dir "userdata-zeta-west-corp-contoso-com.zip")',
      'azcopy login --identity',
      'azcopy copy $dir "https://sfbexpwest.blob.core.windows.net/sfb-exports/" --recursive',
    ]);
    expect(script).not.toMatch(/AccountKey|sig=/);
  });

  test('a site without the CMS exports the configuration and LIS too (its own restore imports them), LIS only when asked', () => {
    const script = exportScript({ ...runbook, cmsPool: undefined });
    expect(script).toContain('Export-CsConfiguration -FileName (Join-Path $dir "config.zip") -Force');
    expect(script).toContain('Export-CsLisConfiguration -FileName (Join-Path $dir "lis.zip")');
    expect(exportScript({ ...runbook, lis: false })).not.toContain('Export-CsLisConfiguration');
  });

  test('is safe to run twice a day: the dated folder is emptied before Export-CsLisConfiguration, which never overwrites', () => {
    const lines = exportScript(runbook).split('\n');
    const clear = lines.findIndex((l) => l.startsWith('if (Test-Path $dir) { Remove-Item -Path $dir -Recurse -Force }'));
    expect(clear).toBeGreaterThan(-1);
    expect(clear).toBeLessThan(lines.findIndex((l) => l.startsWith('Export-CsLisConfiguration')));
    // The cmdlets that can overwrite are told to.
    for (const l of lines.filter((x) => /^Export-Cs(Configuration|RgsConfiguration)/.test(x))) expect(l).toMatch(/ -Force$/);
  });
});

describe('disaster-recovery test', () => {
  const md = renderDisasterRecoveryTest(runbook);

  test('rotates the failed server each month over every server of the site', () => {
    expect(md).toContain('month 1: `zeta-be`, month 2: `zeta-1`, month 3: `west-be`, month 4: `pool-1`');
    expect(md).toContain('month 8: `west-fs1-2`');
    expect(md).toContain('Skype/SfbServer/sfbs2019/disaster-recovery-test.md');
  });

  test('restores into an isolated network in the paired region and verifies, then cleans up', () => {
    expect(md).toContain('in northeurope, which also proves Cross Region Restore');
    expect(md).toContain('--use-secondary-region');
    expect(at(md, 'Check the backups exist')).toBeLessThan(at(md, 'Restore the server into an isolated'));
    expect(at(md, 'Verify:')).toBeLessThan(at(md, 'Delete the test resource group'));
  });

  test('without a paired region there is no secondary-region restore', () => {
    const text = renderDisasterRecoveryTest({ ...runbook, vault: { ...runbook.vault, pairedRegion: undefined } });
    expect(text).not.toContain('--use-secondary-region');
  });
});
