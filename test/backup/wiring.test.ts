/** Backups wired into the topology (issue 18): the reference in one stack and per site, the rules both ways, the runbook. */
import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { FailoverClusterBackEnd, FrontEndPool, PairedPools, Severity, SqlServerVersion, validateTopology } from '../../lib';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { PROTECTED_ROLES, STATEFUL_ROLES } from '../../lib/model/backup-topology';
import { ALL_RULES } from '../../lib/rules/index';
import { check as checkRule, findingsOf, testDeployment, testPool, testSite } from '../helpers';

const check = (id: string, model: Parameters<typeof checkRule>[1]) => checkRule(ALL_RULES.find((r) => r.id === id), model);
import { formatViolations, noLiteralSecrets } from '../invariants';
import { providerConstraints } from '../provider-invariants';

const resources = (json: any, type: string): [string, any][] => Object.entries(json.resource?.[type] ?? {});
const values = (json: any, type: string): any[] => resources(json, type).map(([, v]) => v);
const at = (text: string, needle: string): number => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i;
};

describe('the reference in one stack', () => {
  const stack = new TerraformStack(Testing.app(), 'one');
  const { deployment } = buildReferenceTopology(stack);
  const json = JSON.parse(Testing.synth(stack));
  const model = deployment._toModel();

  test('one geo-redundant vault with cross-region restore per site, in the site\'s region and resource group', () => {
    expect(values(json, 'azurerm_recovery_services_vault').map((v) => [v.name, v.location, v.storage_mode_type, v.cross_region_restore_enabled]).sort()).toEqual([
      ['rsv-contoso-north', 'northeurope', 'GeoRedundant', true],
      ['rsv-contoso-west', 'westeurope', 'GeoRedundant', true],
    ]);
    expect(values(json, 'azurerm_backup_policy_vm')).toHaveLength(2);
  });

  test('every server the restore rebuilds has a protected item keyed by its computer name, in its own site\'s vault', () => {
    const items = resources(json, 'azurerm_backup_protected_vm');
    const vms = Object.fromEntries(resources(json, 'azurerm_windows_virtual_machine').map(([id, v]) => [id, v]));
    const protectedNames = items.map(([, v]) => vms[v.source_vm_id.match(/azurerm_windows_virtual_machine\.([^.]+)\.id/)[1]].computer_name).sort();
    const expected = model.servers.filter((s) => PROTECTED_ROLES.includes(s.role)).map((s) => s.computerName).sort();
    expect(protectedNames).toEqual(expected);
    // Every stateful server is among them: Front Ends, Back End SQL and file servers (chat: below).
    for (const s of model.servers.filter((x) => STATEFUL_ROLES.includes(x.role))) expect(protectedNames).toContain(s.computerName);
    for (const [id, item] of items) {
      const vm = vms[item.source_vm_id.match(/azurerm_windows_virtual_machine\.([^.]+)\.id/)[1]];
      expect(id).toContain(`vm-${vm.computer_name}`);
      const site = vm.location === 'westeurope' ? 'west' : 'north';
      expect(item.recovery_vault_name).toMatch(new RegExp(`azurerm_recovery_services_vault\\.contoso_${site}_backup`));
    }
  });

  test('SQL Automated Backup with log backups on every Back End SQL VM; none on chat SQL (log shipping) or witnesses', () => {
    const vms = Object.fromEntries(resources(json, 'azurerm_windows_virtual_machine').map(([id, v]) => [`\${azurerm_windows_virtual_machine.${id}.id}`, v]));
    const sqlVms = values(json, 'azurerm_mssql_virtual_machine').map((r) => ({ name: vms[r.virtual_machine_id].computer_name as string, auto: r.auto_backup }));
    const backEndNames = model.backEnds.flatMap((b) => b.servers.map((s) => s.computerName));
    const chatNames = model.chatPools.flatMap((c) => c.databaseServers.map((d) => d.server.computerName));
    expect(backEndNames.length).toBeGreaterThan(0);
    for (const vm of sqlVms) {
      if (backEndNames.includes(vm.name)) {
        expect(vm.auto).toMatchObject({ retention_period_in_days: 14, manual_schedule: { full_backup_frequency: 'Daily', log_backup_frequency_in_minutes: 15 } });
        expect(vm.auto.storage_account_access_key).toMatch(/^\$\{azurerm_storage_account\.[^.]+sql-storage[^.]+\.primary_access_key\}$/);
      }
      if (chatNames.includes(vm.name)) expect(vm.auto).toBeUndefined();
    }
  });

  test('the SQL backup accounts stay in their site\'s region, read-access geo-replicated; the exports live in the other site, keyless', () => {
    const accounts = Object.fromEntries(values(json, 'azurerm_storage_account').filter((a) => a.name.startsWith('sfb')).map((a) => [a.name, a]));
    const names = (site: string) => deployment._sites.all.find((s) => s.node.id === site)!._backups!.names;
    expect(accounts[names('west').sqlStorageAccount]).toMatchObject({ location: 'westeurope', account_replication_type: 'RAGRS', shared_access_key_enabled: true, public_network_access_enabled: false, min_tls_version: 'TLS1_2' });
    expect(accounts[names('west').exportStorageAccount]).toMatchObject({ location: 'northeurope', account_replication_type: 'GRS', shared_access_key_enabled: false, public_network_access_enabled: false, min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: false });
    expect(accounts[names('north').exportStorageAccount]).toMatchObject({ location: 'westeurope' });
    expect(values(json, 'azurerm_storage_container').filter((c) => c.name === 'sfb-exports').map((c) => c.container_access_type)).toEqual(['private', 'private']);
  });

  test('the Front Ends carry the export writer identity, which may write the exports container and nothing else', () => {
    const fes = values(json, 'azurerm_windows_virtual_machine').filter((v) => v.tags['sfb-role'] === 'Front End');
    for (const vm of fes) expect(vm.identity).toMatchObject({ type: 'UserAssigned', identity_ids: [expect.stringMatching(/azurerm_user_assigned_identity\..*export-writer/)] });
    expect(values(json, 'azurerm_windows_virtual_machine').filter((v) => v.tags['sfb-role'] === 'Back End').every((v) => v.identity === undefined)).toBe(true);
    const roles = values(json, 'azurerm_role_assignment').filter((r) => r.role_definition_name === 'Storage Blob Data Contributor');
    expect(roles).toHaveLength(2);
    for (const r of roles) expect(r.scope).toMatch(/resource_manager_id\}$/);
  });

  test('private endpoints in each site\'s own private-endpoint subnet (no planned address there), registered in its private-link zone', () => {
    const endpoints = values(json, 'azurerm_private_endpoint');
    expect(endpoints).toHaveLength(6);
    const subnets = Object.fromEntries(resources(json, 'azurerm_subnet').map(([id, v]) => [`\${azurerm_subnet.${id}.id}`, v]));
    for (const e of endpoints) {
      expect(subnets[e.subnet_id]).toMatchObject({ name: 'snet-private-endpoints', address_prefixes: [e.location === 'westeurope' ? '10.10.144.0/20' : '10.20.144.0/20'] });
      expect(e.private_dns_zone_group.private_dns_zone_ids).toEqual([expect.stringMatching(/private-link_zone/)]);
    }
  });

  test('no secret in the JSON', () => {
    expect(formatViolations(noLiteralSecrets(json))).toBe('');
    expect(JSON.stringify(json)).not.toMatch(/AccountKey=|sig=/);
  });

  test('the provider\'s constraints hold for every backup resource, and the check catches a broken one', () => {
    expect(formatViolations(providerConstraints(json))).toBe('');
    const broken = JSON.parse(JSON.stringify(json));
    const [vaultId] = Object.keys(broken.resource.azurerm_recovery_services_vault);
    broken.resource.azurerm_recovery_services_vault[vaultId].name = 'rsv_bad';
    const [policyId] = Object.keys(broken.resource.azurerm_backup_policy_vm);
    broken.resource.azurerm_backup_policy_vm[policyId].backup.time = '01:15';
    const sqlId = Object.keys(broken.resource.azurerm_mssql_virtual_machine).find((k) => broken.resource.azurerm_mssql_virtual_machine[k].auto_backup)!;
    broken.resource.azurerm_mssql_virtual_machine[sqlId].auto_backup.manual_schedule.log_backup_frequency_in_minutes = 90;
    expect(providerConstraints(broken).map((v) => v.message.slice(0, 26))).toEqual(expect.arrayContaining(['[VAULT-NAME] vault name "r', '[POLICY-TIME] backup time ', '[SQL-AUTO-BACKUP-SCHEDULE]']));
  });

  test('no backup finding for the reference', () => {
    expect(deployment.findings().filter((f) => /^BACKUP-|RESTORE-8/.test(f.ruleId))).toEqual([]);
  });
});

describe('the reference per site', () => {
  const app = Testing.app();
  buildReferenceTopology(app, { globalLocation: 'francecentral' });
  const stack = (id: string) => JSON.parse(Testing.synth(app.node.findChild(id) as TerraformStack));
  const west = stack('contoso-west');
  const north = stack('contoso-north');

  test('west\'s exports account is created by north\'s stack; west names it by ID for its endpoint and its writer role', () => {
    const westExports = values(north, 'azurerm_storage_account').find((a) => a.name.startsWith('sfbxcontosowest'));
    expect(westExports).toMatchObject({ location: 'northeurope' });
    expect(values(west, 'azurerm_storage_account').some((a) => a.name === westExports.name)).toBe(false);
    const id = `/resourceGroups/rg-contoso-north/providers/Microsoft.Storage/storageAccounts/${westExports.name}`;
    expect(values(west, 'azurerm_private_endpoint').some((e) => e.private_service_connection.private_connection_resource_id.endsWith(id))).toBe(true);
    expect(values(west, 'azurerm_role_assignment').map((r) => r.scope)).toEqual([expect.stringMatching(new RegExp(`${id.replace(/\//g, '\\/')}/blobServices/default/containers/sfb-exports$`))]);
  });

  test('the export task is an output of the site\'s stack: the four exports, uploaded with the managed identity', () => {
    const out = west.output.contoso_west_backup_export_task.value;
    for (const cmdlet of ['Export-CsConfiguration', 'Export-CsLisConfiguration', 'Export-CsRgsConfiguration', 'Export-CsUserData']) expect(out.script).toContain(cmdlet);
    expect(out.script).toMatch(/azcopy login --identity --identity-resource-id "\$\{azurerm_user_assigned_identity\./);
    expect(out.install).toMatch(/^schtasks \/Create .*\/SC DAILY \/ST 02:00 /);
  });
});

describe('options', () => {
  test('backup: { enabled: false } builds nothing; BACKUP-1 warns per site and RESTORE-8 per paired pool', () => {
    const { stack, deployment } = testDeployment({ backup: { enabled: false } });
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    new PairedPools(deployment, 'pair', { primary: testPool(west), backup: testPool(north) });
    const json = JSON.parse(Testing.synth(stack));
    expect(values(json, 'azurerm_recovery_services_vault')).toEqual([]);
    const findings = validateTopology(deployment);
    // Sites in key (path) order, not declaration order.
    expect(findingsOf(findings, 'BACKUP-1').map((f) => [f.path, f.severity])).toEqual([[north.node.path, Severity.WARNING], [west.node.path, Severity.WARNING]]);
    expect(findingsOf(findings, 'BACKUP-1')[1].message).toMatch(/backups are turned off.*pool-west-1.*remove backup: \{ enabled: false \}/);
    expect(findingsOf(findings, 'RESTORE-8')).toHaveLength(2);
    expect(findingsOf(findings, 'RESTORE-8')[0].message).toMatch(/Export-CsLisConfiguration and Export-CsRgsConfiguration/);
    expect(deployment.runbook()).toContain('This deployment builds no backups');
  });

  test('with backups (the default) neither BACKUP-1 nor RESTORE-8 fires for the same topology', () => {
    const { deployment } = testDeployment();
    new PairedPools(deployment, 'pair', { primary: testPool(testSite(deployment, 'west')), backup: testPool(testSite(deployment, 'north')) });
    const findings = validateTopology(deployment);
    expect(findingsOf(findings, 'BACKUP-1')).toEqual([]);
    expect(findingsOf(findings, 'RESTORE-8')).toEqual([]);
    expect(findingsOf(findings, 'BACKUP-2')).toEqual([]);
  });

  test('BACKUP-1: a failover cluster instance has no SQL backup (only restore points)', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    testSite(deployment, 'north');
    const fci = new FailoverClusterBackEnd(west, 'fci', { sqlVersion: SqlServerVersion.SQL_2019 });
    new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.contoso.com', backEnd: fci });
    const [finding] = findingsOf(validateTopology(deployment), 'BACKUP-1');
    expect(finding).toMatchObject({ path: fci.node.path, severity: Severity.WARNING });
    expect(finding.message).toMatch(/failover cluster instance/);
  });

  test('BACKUP-1: a stateful server without a protected item (model check)', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testSite(deployment, 'north');
    const model = deployment._toModel();
    expect(check('BACKUP-1', model)).toEqual([]);
    const fe = model.servers.find((s) => s.role === 'Front End')!;
    const broken = { ...model, backup: { ...model.backup!, protectedServerPaths: model.backup!.protectedServerPaths.filter((p) => p !== fe.path) } };
    expect(check('BACKUP-1', broken).map((v) => v.path)).toEqual([fe.path]);
  });

  test('BACKUP-2: one region only, or geoRedundant false, keeps the copies in the protected region', () => {
    const one = testDeployment();
    testPool(testSite(one.deployment, 'west'));
    const [single] = findingsOf(validateTopology(one.deployment), 'BACKUP-2');
    expect(single.severity).toBe(Severity.WARNING);
    expect(single.message).toMatch(/no other site in another region keeps the exports of west/);
    const local = testDeployment({ backup: { geoRedundant: false } });
    testPool(testSite(local.deployment, 'west'));
    testSite(local.deployment, 'north');
    expect(findingsOf(validateTopology(local.deployment), 'BACKUP-2').map((f) => f.message)).toEqual([expect.stringMatching(/geoRedundant is false/), expect.stringMatching(/geoRedundant is false/)]);
    const json = JSON.parse(Testing.synth(local.stack));
    expect(values(json, 'azurerm_recovery_services_vault').map((v) => v.storage_mode_type)).toEqual(['LocallyRedundant', 'LocallyRedundant']);
  });

  test('lab mode: no backups unless asked (BACKUP-3 info); backup: {} builds them', () => {
    const lab = testDeployment({ lab: {}, supportPosture: undefined });
    testPool(testSite(lab.deployment, 'west'));
    const findings = validateTopology(lab.deployment);
    expect(findingsOf(findings, 'BACKUP-3').map((f) => f.severity)).toEqual([Severity.INFO]);
    expect(findingsOf(findings, 'BACKUP-1')).toEqual([]);
    expect(values(JSON.parse(Testing.synth(lab.stack)), 'azurerm_recovery_services_vault')).toEqual([]);
    const asked = testDeployment({ lab: {}, supportPosture: undefined, backup: {} });
    testPool(testSite(asked.deployment, 'west'));
    expect(findingsOf(validateTopology(asked.deployment), 'BACKUP-3')).toEqual([]);
    const vault = values(JSON.parse(Testing.synth(asked.stack)), 'azurerm_recovery_services_vault');
    expect(vault.map((v) => v.lifecycle.prevent_destroy)).toEqual([false]);
  });

  test('schedule options reach the policy, the SQL block and the plan; values the provider refuses throw', () => {
    const { stack, deployment } = testDeployment({ backup: { vm: { time: '23:30', dailyRetention: 30 }, sql: { logBackupMinutes: 30, retentionDays: 7 }, exports: { time: '03:00', retentionDays: 90 } } });
    testPool(testSite(deployment, 'west'));
    testSite(deployment, 'north');
    const json = JSON.parse(Testing.synth(stack));
    expect(values(json, 'azurerm_backup_policy_vm')[0]).toMatchObject({ backup: { time: '23:30' }, retention_daily: { count: 30 } });
    expect(values(json, 'azurerm_mssql_virtual_machine')[0].auto_backup).toMatchObject({ retention_period_in_days: 7, manual_schedule: { log_backup_frequency_in_minutes: 30 } });
    expect(deployment.reports()['backup.md']).toMatch(/\| 30 min \|/);
    expect(() => testDeployment({ backup: { vm: { time: '01:15' } } })).toThrow(/\[POLICY-TIME\] backup time "01:15"/);
    expect(() => testDeployment({ backup: { sql: { retentionDays: 31 } } })).toThrow(/\[SQL-AUTO-BACKUP\]/);
    expect(() => testDeployment({ backup: { schedule: {} } as any })).toThrow(/unknown option\(s\) schedule/);
  });
});

describe('runbook and report of the reference', () => {
  const stack = new TerraformStack(Testing.app(), 'one');
  const { deployment } = buildReferenceTopology(stack);
  const runbook = deployment.runbook();
  const section = runbook.slice(at(runbook, '## Restore from backups'));

  test('the restore section names the real sources: vaults, restore points, SQL and export accounts', () => {
    const west = deployment._sites.all.find((s) => s.node.id === 'west')!._backups!.names;
    expect(section).toContain('vault `rsv-contoso-west` (resource group `rg-contoso-west`, westeurope; copies in northeurope, restorable there with Cross Region Restore)');
    expect(section).toContain('az backup recoverypoint list --vault-name rsv-contoso-west --resource-group rg-contoso-west');
    expect(section).toContain(`https://${west.exportStorageAccount}.blob.core.windows.net/sfb-exports/<yyyy-MM-dd>/`);
    expect(section).toContain(`storage account \`${west.sqlStorageAccount}\``);
    expect(section).toContain(`https://${west.sqlStorageAccount}-secondary.blob.core.windows.net/`);
  });

  test("Microsoft's order: the CMS pool first; in each pool the Back End, the CMS and user-data imports, then each Front End; then the file stores", () => {
    const model = deployment._toModel();
    const cms = model.frontEndPools.find((p) => p.hostsCentralManagementStore)!;
    const cmsSite = model.sites.find((s) => s.path === cms.sitePath)!.name;
    const site = section.slice(at(section, `### Restore ${cmsSite} from backups`));
    const pool = site.slice(at(site, `#### Pool ${cms.fqdn}`));
    const fes = [...cms.servers].map((s) => s.computerName).sort();
    expect(at(pool, 'Rebuild the Back End')).toBeLessThan(at(pool, 'Install-CsDatabase -CentralManagementDatabase'));
    expect(at(pool, 'Import-CsConfiguration')).toBeLessThan(at(pool, 'Import-CsUserData'));
    expect(at(pool, 'Import-CsUserData')).toBeLessThan(at(pool, 'Import-CsLisConfiguration'));
    expect(at(pool, 'Import-CsLisConfiguration')).toBeLessThan(at(pool, `Front End \`${fes[0]}\``));
    for (let i = 1; i < fes.length; i++) expect(at(pool, `Front End \`${fes[i - 1]}\``)).toBeLessThan(at(pool, `Front End \`${fes[i]}\``));
    expect(at(site, `Front End \`${fes[fes.length - 1]}\``)).toBeLessThan(at(site, '#### File stores'));
    expect(site).toContain('Enable-CsTopology');
  });

  test('the monthly disaster-recovery test and the export script are there for every site', () => {
    expect(section).toContain('### Monthly disaster-recovery test: west');
    expect(section).toContain('### Monthly disaster-recovery test: north');
    expect(section).toContain('Skype/SfbServer/sfbs2019/disaster-recovery-test.md');
    expect(section).toMatch(/```powershell\n\$ErrorActionPreference = "Stop"[\s\S]*Export-CsConfiguration/);
  });

  test('backup.md: what, where, how often, retention and RPO of every site', () => {
    const md = deployment.reports()['backup.md'];
    expect(md).toMatch(/^# Backup plan/);
    expect(md).toContain('| west | Front End server (OS and data disks) |');
    expect(md).toMatch(/\| north \| SQL databases: .* \| SQL IaaS Automated Backup \(v2\), full \+ log \|/);
    expect(md).toContain('### Decisions');
    const west = deployment._sites.all.find((site) => site.node.id === 'west')!._backups!.names;
    expect(md).toContain(`storage ${west.sqlStorageAccount} (westeurope, read-access geo-replicated to northeurope)`);
    expect(md).toContain(`storage ${west.exportStorageAccount} (northeurope)`);
    // Every protected item of the configuration is a row of the report.
    for (const s of deployment._toModel().servers.filter((x) => PROTECTED_ROLES.includes(x.role))) expect(md).toContain(`server (OS and data disks) | ${s.computerName} |`);
  });
});

describe('the 2015 legacy example (Persistent Chat)', () => {
  test('the chat SQL servers and the log-shipping share are protected in their own site\'s vault', () => {
    const stack = new TerraformStack(Testing.app(), 'sfb2015');
    const { deployment } = buildSfb2015Topology(stack);
    const json = JSON.parse(Testing.synth(stack));
    const vms = Object.fromEntries(resources(json, 'azurerm_windows_virtual_machine').map(([id, v]) => [id, v]));
    const names = resources(json, 'azurerm_backup_protected_vm').map(([, v]) => vms[v.source_vm_id.match(/azurerm_windows_virtual_machine\.([^.]+)\.id/)[1]].computer_name);
    const chat = deployment._toModel().chatPools[0];
    expect(chat.databaseServers.length).toBeGreaterThan(0);
    for (const d of chat.databaseServers) expect(names).toContain(d.server.computerName);
    expect(names).toEqual(expect.arrayContaining(['north-pcfwr-1']));
  });
});
