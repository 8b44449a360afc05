/** SiteBackup in a bare stack: no construct of the topology, only plain inputs. */
import { SiteBackup, SiteBackupProps, sqlAutoBackupBlock } from '../../lib/azure/backup';
import { AzurermProvider, MssqlVirtualMachine } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { BACKUP_DEFAULTS } from '../../lib/model/backup';
import { azureNameLimits, formatViolations, noLiteralSecrets } from '../invariants';

const VM = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-west/providers/Microsoft.Compute/virtualMachines/${name}`;

const props = (over: Partial<SiteBackupProps> = {}): SiteBackupProps => ({
  location: 'westeurope',
  resourceGroupName: 'rg-contoso-west',
  vaultName: 'rsv-contoso-west',
  protectedVms: [
    { key: 'pool-fe-1', vmId: VM('pool-1') },
    { key: 'west-be-1', vmId: VM('west-be-1') },
  ],
  exports: {
    location: 'northeurope',
    resourceGroupName: 'rg-contoso-north',
    storageAccountName: 'sfbexpwest',
    writers: [{ key: 'pool-fe-1', principalId: '11111111-1111-1111-1111-111111111111' }],
    privateEndpoints: [
      { key: 'west', location: 'westeurope', resourceGroupName: 'rg-contoso-west', subnetId: '/subscriptions/x/resourceGroups/rg-contoso-west/providers/Microsoft.Network/virtualNetworks/vnet-west/subnets/snet-infra', privateDnsZoneId: '/subscriptions/x/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net' },
      { key: 'north', location: 'northeurope', resourceGroupName: 'rg-contoso-north', subnetId: '/subscriptions/x/resourceGroups/rg-contoso-north/providers/Microsoft.Network/virtualNetworks/vnet-north/subnets/snet-infra' },
    ],
  },
  sql: { storageAccountName: 'sfbsqlwest' },
  ...over,
});

function synth(build: (stack: TerraformStack) => void): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

const resources = (json: any, type: string): [string, any][] => Object.entries(json.resource?.[type] ?? {});
const one = (json: any, type: string): any => {
  const rs = resources(json, type);
  expect(rs).toHaveLength(1);
  return rs[0][1];
};

describe('SiteBackup', () => {
  test('creates a geo-redundant vault with cross-region restore and soft delete, kept on destroy', () => {
    const json = synth((s) => new SiteBackup(s, 'backup', props()));
    expect(one(json, 'azurerm_recovery_services_vault')).toMatchObject({
      name: 'rsv-contoso-west',
      location: 'westeurope',
      sku: 'Standard',
      storage_mode_type: 'GeoRedundant',
      cross_region_restore_enabled: true,
      soft_delete_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('creates the daily VM policy with daily and weekly retention in the policy time zone', () => {
    const json = synth((s) => new SiteBackup(s, 'backup', props({ vmPolicy: { timezone: 'W. Europe Standard Time' } })));
    expect(one(json, 'azurerm_backup_policy_vm')).toEqual(expect.objectContaining({
      name: 'bkpol-vm-daily',
      recovery_vault_name: expect.stringMatching(/^\$\{azurerm_recovery_services_vault\.[^.]+\.name\}$/),
      timezone: 'W. Europe Standard Time',
      policy_type: 'V2',
      instant_restore_retention_days: 2,
      backup: { frequency: 'Daily', time: '01:00' },
      retention_daily: { count: 14 },
      retention_weekly: { count: 8, weekdays: ['Sunday'] },
    }));
  });

  test('protects each VM under an address made of its key, whatever the input order', () => {
    const a = synth((s) => new SiteBackup(s, 'backup', props()));
    const items = resources(a, 'azurerm_backup_protected_vm');
    expect(items.map(([k]) => k)).toEqual([expect.stringMatching(/^backup_vm-pool-fe-1_/), expect.stringMatching(/^backup_vm-west-be-1_/)]);
    expect(items.map(([, v]) => v.source_vm_id)).toEqual([VM('pool-1'), VM('west-be-1')]);
    for (const [, v] of items) expect(v.backup_policy_id).toMatch(/^\$\{azurerm_backup_policy_vm\.[^.]+\.id\}$/);
    const b = synth((s) => new SiteBackup(s, 'backup', props({ protectedVms: [...props().protectedVms].reverse() })));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  test('adding a VM leaves the existing protected items byte-identical', () => {
    const before = synth((s) => new SiteBackup(s, 'backup', props()));
    const after = synth((s) => new SiteBackup(s, 'backup', props({ protectedVms: [{ key: 'a-first', vmId: VM('a') }, ...props().protectedVms] })));
    for (const [key, body] of resources(before, 'azurerm_backup_protected_vm')) expect(after.resource.azurerm_backup_protected_vm[key]).toEqual(body);
    expect(resources(after, 'azurerm_backup_protected_vm')).toHaveLength(3);
  });

  test('the export storage is private, TLS 1.2, keyless, in the partner region, with a private container and a retention rule', () => {
    const json = synth((s) => new SiteBackup(s, 'backup', props()));
    const accounts = Object.fromEntries(resources(json, 'azurerm_storage_account').map(([, v]) => [v.name, v]));
    expect(accounts.sfbexpwest).toMatchObject({
      location: 'northeurope',
      resource_group_name: 'rg-contoso-north',
      account_replication_type: 'GRS',
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
    });
    expect(one(json, 'azurerm_storage_container')).toMatchObject({ name: 'sfb-exports', container_access_type: 'private' });
    const rule = one(json, 'azurerm_storage_management_policy').rule[0];
    expect(rule).toMatchObject({ filters: { blob_types: ['blockBlob'], prefix_match: ['sfb-exports/'] }, actions: { base_blob: { delete_after_days_since_modification_greater_than: 30 } } });
    expect(one(json, 'azurerm_role_assignment')).toMatchObject({ role_definition_name: 'Storage Blob Data Contributor', principal_id: '11111111-1111-1111-1111-111111111111' });
    expect(one(json, 'azurerm_role_assignment').scope).toMatch(/\.resource_manager_id\}$/);
  });

  test('private endpoints to the blob service from both sites, keyed', () => {
    const json = synth((s) => new SiteBackup(s, 'backup', props()));
    const endpoints = resources(json, 'azurerm_private_endpoint').map(([, v]) => v);
    expect(endpoints.map((e) => [e.name, e.location, e.private_service_connection.subresource_names])).toEqual([
      ['pe-sfbexpwest-blob-north', 'northeurope', ['blob']],
      ['pe-sfbexpwest-blob-west', 'westeurope', ['blob']],
    ]);
    expect(endpoints[1].private_dns_zone_group.private_dns_zone_ids).toHaveLength(1);
    expect(endpoints[0].private_dns_zone_group).toBeUndefined();
  });

  test('SQL backups: a separate account in the partner region and an auto_backup block that references its key', () => {
    let block: any;
    const json = synth((s) => {
      const backup = new SiteBackup(s, 'backup', props());
      block = backup.sqlAutoBackup;
      new MssqlVirtualMachine(s, 'sql', { virtualMachineId: VM('west-be-1'), autoBackup: backup.sqlAutoBackup });
    });
    const sqlAccount = resources(json, 'azurerm_storage_account').map(([, v]) => v).find((a) => a.name === 'sfbsqlwest');
    expect(sqlAccount).toMatchObject({ location: 'northeurope', shared_access_key_enabled: true, public_network_access_enabled: false, min_tls_version: 'TLS1_2' });
    expect(block).toBeDefined();
    const auto = one(json, 'azurerm_mssql_virtual_machine').auto_backup;
    expect(auto).toMatchObject({
      retention_period_in_days: 14,
      system_databases_backup_enabled: true,
      manual_schedule: { full_backup_frequency: 'Daily', full_backup_start_hour: 1, full_backup_window_in_hours: 4, log_backup_frequency_in_minutes: 15 },
    });
    expect(auto.storage_account_access_key).toMatch(/^\$\{azurerm_storage_account\.[^.]+\.primary_access_key\}$/);
    expect(auto.storage_blob_endpoint).toMatch(/^\$\{azurerm_storage_account\.[^.]+\.primary_blob_endpoint\}$/);
  });

  test('no secret and no invalid Azure name in the JSON', () => {
    const json = synth((s) => {
      const backup = new SiteBackup(s, 'backup', props({ sql: { storageAccountName: 'sfbsqlwest', workloadPolicy: {} } }));
      new MssqlVirtualMachine(s, 'sql', { virtualMachineId: VM('west-be-1'), autoBackup: backup.sqlAutoBackup });
    });
    const violations = [...noLiteralSecrets(json), ...azureNameLimits(json)];
    expect(formatViolations(violations)).toBe('');
    expect(JSON.stringify(json)).not.toMatch(/AccountKey=|[A-Za-z0-9+/]{80,}==/);
  });

  test('the optional SQL workload policy: Full daily and Log every 15 minutes', () => {
    const json = synth((s) => new SiteBackup(s, 'backup', props({ sql: { storageAccountName: 'sfbsqlwest', workloadPolicy: {} } })));
    const policy = one(json, 'azurerm_backup_policy_vm_workload');
    expect(policy).toMatchObject({ name: 'bkpol-sql', workload_type: 'SQLDataBase', settings: { time_zone: 'UTC', compression_enabled: true } });
    expect(policy.protection_policy.map((p: any) => [p.policy_type, p.backup])).toEqual([
      ['Full', { frequency: 'Daily', time: '01:00' }],
      ['Log', { frequency_in_minutes: 15 }],
    ]);
  });

  test('without SQL input there is no SQL storage and no block', () => {
    let backup: SiteBackup | undefined;
    const json = synth((s) => (backup = new SiteBackup(s, 'backup', props({ sql: undefined }))));
    expect(resources(json, 'azurerm_storage_account')).toHaveLength(1);
    expect(backup!.sqlAutoBackup).toBeUndefined();
  });

  test('lab mode: protectData false lets destroy remove the vault and accounts', () => {
    const json = synth((s) => new SiteBackup(s, 'backup', props({ protectData: false })));
    expect(one(json, 'azurerm_recovery_services_vault').lifecycle.prevent_destroy).toBe(false);
    for (const [, a] of resources(json, 'azurerm_storage_account')) expect(a.lifecycle.prevent_destroy).toBe(false);
  });

  test.each([
    ['a vault name the provider refuses', { vaultName: 'rsv_contoso' }, /\[VAULT-NAME\] vault name "rsv_contoso"/],
    ['cross-region restore on a locally redundant vault', { storageModeType: 'LocallyRedundant' as const, crossRegionRestore: true }, /\[VAULT-CRR\]/],
    ['a backup time off the half hour', { vmPolicy: { time: '01:15' } }, /\[POLICY-TIME\] backup time "01:15"/],
    ['daily retention below 7', { vmPolicy: { dailyRetention: 3 } }, /\[POLICY-RETENTION\] daily retention 3/],
    ['an IANA time zone', { vmPolicy: { timezone: 'Europe/Paris' } }, /\[POLICY-TIMEZONE\]/],
    ['a duplicate VM key', { protectedVms: [{ key: 'fe', vmId: VM('a') }, { key: 'fe', vmId: VM('b') }] }, /protected VM key "fe" is given twice/],
    ['an upper-case VM key', { protectedVms: [{ key: 'FE1', vmId: VM('a') }] }, /protected VM key "FE1"/],
    ['exports in the protected region', { exports: { ...props().exports, location: 'WestEurope' } }, /\[OFF-SITE\] the export storage is in WestEurope/],
    ['a storage name with capitals', { exports: { ...props().exports, storageAccountName: 'SfbExports' } }, /\[STORAGE-NAME\]/],
    ['SQL log backups every 90 minutes', { sql: { storageAccountName: 'sfbsqlwest', schedule: { logBackupMinutes: 90 } } }, /\[SQL-AUTO-BACKUP-SCHEDULE\] log backup interval 90/],
    ['one account for SQL and exports', { sql: { storageAccountName: 'sfbexpwest' } }, /both sfbexpwest/],
  ])('fails on %s', (_what, over, message) => {
    expect(() => synth((s) => new SiteBackup(s, 'backup', props(over as Partial<SiteBackupProps>)))).toThrow(message);
  });
});

describe('sqlAutoBackupBlock', () => {
  test('refuses a literal storage key', () => {
    expect(() => sqlAutoBackupBlock({ storageBlobEndpoint: 'https://sfbsqlwest.blob.core.windows.net/', storageAccountAccessKey: 'abc123==' })).toThrow(/literal/);
  });

  test('weekly full backups carry their days; daily ones none', () => {
    const ref = { storageBlobEndpoint: 'https://sfbsqlwest.blob.core.windows.net/', storageAccountAccessKey: '${var.sql_backup_key}' };
    expect(sqlAutoBackupBlock(ref).manualSchedule).not.toHaveProperty('daysOfWeek');
    expect(sqlAutoBackupBlock(ref, { ...BACKUP_DEFAULTS.sql, fullBackupFrequency: 'Weekly', fullBackupDays: ['Sunday'] }).manualSchedule).toMatchObject({ fullBackupFrequency: 'Weekly', daysOfWeek: ['Sunday'] });
  });
});
