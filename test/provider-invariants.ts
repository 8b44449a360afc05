/**
 * The azurerm provider's own argument checks (lib/model/provider-constraints.ts), run on synthesized
 * Terraform JSON: what `terraform validate` would refuse, found without running terraform.
 */
import {
  adminUsernameProblem,
  APPLICATION_GATEWAY,
  AVAILABILITY_SET,
  SHUTDOWN_SCHEDULE,
  SQL_AG_LISTENER,
  SQL_VM,
  SQL_VM_GROUP,
  WINDOWS_COMPUTER_NAME,
} from '../lib/model/provider-constraints';
import { regionByName } from '../lib/model/regions';
import { containerNameProblems, sqlAutoBackupProblems, storageAccountNameProblems, vaultProblems, vmPolicyProblems } from '../lib/model/backup-constraints';
import type { InvariantViolation } from './invariants';

type Json = any;

function each(json: Json, type: string): [string, Json][] {
  return Object.entries<Json>(json.resource?.[type] ?? {}).map(([k, b]) => [`${type}.${k}`, b]);
}

const literal = (v: unknown): v is string => typeof v === 'string' && !v.includes('${');

export function providerConstraints(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const bad = (invariant: string, address: string, message: string) => out.push({ invariant, address, message });
  for (const [a, g] of each(json, 'azurerm_mssql_virtual_machine_group')) {
    if (!SQL_VM_GROUP.imageOffer.test(g.sql_image_offer)) bad('PROVIDER', a, `sql_image_offer "${g.sql_image_offer}" does not match ${SQL_VM_GROUP.imageOffer} (${SQL_VM_GROUP.source.file})`);
    if (!SQL_VM_GROUP.imageSkus.includes(g.sql_image_sku)) bad('PROVIDER', a, `sql_image_sku "${g.sql_image_sku}" is not one of ${SQL_VM_GROUP.imageSkus.join(', ')}`);
    if (literal(g.name) && g.name.length > SQL_VM_GROUP.nameMaxLength) bad('PROVIDER', a, `name "${g.name}" is longer than ${SQL_VM_GROUP.nameMaxLength}`);
  }
  for (const [a, l] of each(json, 'azurerm_mssql_virtual_machine_availability_group_listener')) {
    if (literal(l.name) && l.name.length > SQL_AG_LISTENER.nameMaxLength) bad('PROVIDER', a, `name "${l.name}" is longer than ${SQL_AG_LISTENER.nameMaxLength}`);
    if (typeof l.port === 'number' && (l.port < SQL_AG_LISTENER.portMin || l.port > SQL_AG_LISTENER.portMax)) bad('PROVIDER', a, `port ${l.port} out of range`);
  }
  const G = APPLICATION_GATEWAY;
  const inRange = (v: unknown, min: number, max: number) => typeof v === 'number' && v >= min && v <= max;
  for (const [a, g] of each(json, 'azurerm_application_gateway')) {
    if (!G.skuNames.includes(g.sku?.name)) bad('PROVIDER', a, `sku.name ${g.sku?.name} is not one of ${G.skuNames.join(', ')} (${G.source.file})`);
    const scale = g.autoscale_configuration;
    if (g.sku?.capacity === undefined && scale === undefined) bad('PROVIDER', a, 'a v2 gateway needs sku.capacity or autoscale_configuration');
    if (g.sku?.capacity !== undefined && !inRange(g.sku.capacity, G.v2CapacityMin, G.v2CapacityMax)) bad('PROVIDER', a, `sku.capacity ${g.sku.capacity} is not ${G.v2CapacityMin}..${G.v2CapacityMax}`);
    if (scale && (!inRange(scale.min_capacity, G.autoscaleMinCapacityMin, G.autoscaleMinCapacityMax) || (scale.max_capacity !== undefined && !inRange(scale.max_capacity, G.autoscaleMaxCapacityMin, G.autoscaleMaxCapacityMax)))) bad('PROVIDER', a, `autoscale ${scale.min_capacity}..${scale.max_capacity} is out of range`);
    for (const r of g.request_routing_rule ?? []) if (!inRange(r.priority, G.priorityMin, G.priorityMax)) bad('PROVIDER', a, `request_routing_rule ${r.name} priority ${r.priority} is not ${G.priorityMin}..${G.priorityMax}`);
    for (const b of g.backend_http_settings ?? []) {
      if (b.request_timeout !== undefined && !inRange(b.request_timeout, G.requestTimeoutMin, G.requestTimeoutMax)) bad('PROVIDER', a, `backend_http_settings ${b.name} request_timeout ${b.request_timeout} out of range`);
      if (b.host_name && b.pick_host_name_from_backend_address) bad('PROVIDER', a, `backend_http_settings ${b.name} sets host_name and pick_host_name_from_backend_address`);
    }
    for (const p of g.probe ?? []) if (!p.host === !p.pick_host_name_from_backend_http_settings) bad('PROVIDER', a, `probe ${p.name} needs exactly one of host or pick_host_name_from_backend_http_settings`);
    for (const c of [...(g.ssl_certificate ?? []), ...(g.trusted_root_certificate ?? [])]) {
      if (literal(c.key_vault_secret_id) && !G.keyVaultSecretId.test(c.key_vault_secret_id)) bad('PROVIDER', a, `${c.name} key_vault_secret_id "${c.key_vault_secret_id}" is no Key Vault secret ID`);
      if (c.key_vault_secret_id && !(g.identity?.identity_ids?.length > 0)) bad('PROVIDER', a, `${c.name} reads Key Vault without a user-assigned identity`);
    }
  }
  for (const [a, v] of each(json, 'azurerm_mssql_virtual_machine')) {
    const p = v.sql_connectivity_port;
    if (typeof p === 'number' && (p < SQL_VM.connectivityPortMin || p > SQL_VM.connectivityPortMax)) bad('PROVIDER', a, `sql_connectivity_port ${p} out of range`);
  }
  for (const [a, vm] of each(json, 'azurerm_windows_virtual_machine')) {
    if (literal(vm.admin_username)) {
      const problem = adminUsernameProblem(vm.admin_username);
      if (problem) bad('PROVIDER', a, `admin_username "${vm.admin_username}" ${problem}`);
    }
    const cn = String(vm.computer_name ?? vm.name);
    if (cn.length > WINDOWS_COMPUTER_NAME.maxLength || !WINDOWS_COMPUTER_NAME.pattern.test(cn) || WINDOWS_COMPUTER_NAME.notOnlyDigits.test(cn) || WINDOWS_COMPUTER_NAME.noTrailingDash.test(cn)) {
      bad('PROVIDER', a, `computer_name "${cn}" breaks ${WINDOWS_COMPUTER_NAME.source.file}`);
    }
    const region = literal(vm.location) ? regionByName(vm.location) : undefined;
    if (literal(vm.location) && !region) bad('PROVIDER', a, `location "${vm.location}" is not a known region`);
    if (region && !region.availabilityZones && vm.zone !== undefined) bad('PROVIDER', a, `zone ${vm.zone} in ${region.name}, which has no availability zones`);
  }
  for (const [a, s] of each(json, 'azurerm_dev_test_global_vm_shutdown_schedule')) {
    if (!SHUTDOWN_SCHEDULE.dailyRecurrenceTime.test(s.daily_recurrence_time)) bad('PROVIDER', a, `daily_recurrence_time "${s.daily_recurrence_time}"`);
    if (!SHUTDOWN_SCHEDULE.timeZones.some((z) => z.toLowerCase() === String(s.timezone).toLowerCase())) bad('PROVIDER', a, `timezone "${s.timezone}" is not a provider time zone`);
  }
  for (const [a, s] of each(json, 'azurerm_availability_set')) {
    const fd = s.platform_fault_domain_count;
    const ud = s.platform_update_domain_count;
    if (fd < AVAILABILITY_SET.faultDomainsMin || fd > AVAILABILITY_SET.faultDomainsMax) bad('PROVIDER', a, `platform_fault_domain_count ${fd}`);
    if (ud < AVAILABILITY_SET.updateDomainsMin || ud > AVAILABILITY_SET.updateDomainsMax) bad('PROVIDER', a, `platform_update_domain_count ${ud}`);
  }
  // Backups (lib/model/backup-constraints.ts, each constraint citing its provider file).
  const report = (a: string, problems: { constraint: string; message: string }[]) => problems.forEach((p) => bad('PROVIDER', a, `[${p.constraint}] ${p.message}`));
  for (const [a, v] of each(json, 'azurerm_recovery_services_vault')) {
    report(a, vaultProblems({ name: v.name, storageModeType: v.storage_mode_type ?? 'GeoRedundant', crossRegionRestore: v.cross_region_restore_enabled === true, softDelete: v.soft_delete_enabled !== false }));
  }
  for (const [a, p] of each(json, 'azurerm_backup_policy_vm')) {
    report(a, vmPolicyProblems({
      name: p.name, frequency: p.backup.frequency, time: p.backup.time, timezone: p.timezone ?? 'UTC', policyType: p.policy_type ?? 'V1',
      dailyRetention: p.retention_daily?.count, weeklyRetention: p.retention_weekly?.count, weeklyRetentionDays: p.retention_weekly?.weekdays,
      weekdays: p.backup.weekdays, hourInterval: p.backup.hour_interval, hourDuration: p.backup.hour_duration, instantRestoreDays: p.instant_restore_retention_days,
    }));
  }
  for (const [a, v] of each(json, 'azurerm_mssql_virtual_machine')) {
    const b = v.auto_backup;
    if (!b) continue;
    if (!b.manual_schedule) {
      if (!(b.retention_period_in_days >= 1 && b.retention_period_in_days <= 30)) bad('PROVIDER', a, `auto_backup.retention_period_in_days ${b.retention_period_in_days}`);
      continue;
    }
    report(a, sqlAutoBackupProblems({
      retentionDays: b.retention_period_in_days, fullBackupFrequency: b.manual_schedule.full_backup_frequency, fullBackupStartHour: b.manual_schedule.full_backup_start_hour,
      fullBackupWindowHours: b.manual_schedule.full_backup_window_in_hours, logBackupMinutes: b.manual_schedule.log_backup_frequency_in_minutes,
      systemDatabases: b.system_databases_backup_enabled === true, fullBackupDays: b.manual_schedule.days_of_week,
    }));
    if (typeof b.storage_account_access_key !== 'string' || !b.storage_account_access_key.includes('${')) bad('PROVIDER', a, 'auto_backup.storage_account_access_key is not a reference');
  }
  for (const [a, st] of each(json, 'azurerm_storage_account')) if (literal(st.name)) report(a, storageAccountNameProblems(st.name));
  for (const [a, c] of each(json, 'azurerm_storage_container')) if (literal(c.name)) report(a, containerNameProblems(c.name));
  return out;
}
