/**
 * What the azurerm provider (4.55.0, the version @cdktf/provider-azurerm 14.23.1 is generated from)
 * validates on the arguments the library writes, as plain data. Each constant cites the provider
 * source file it was read from (repository hashicorp/terraform-provider-azurerm). The constructs
 * check user input against these at synthesis, so a user hears about a value the provider refuses
 * before `terraform validate` or `apply`; tests check the synthesized JSON against the same data.
 */

export interface ProviderSource {
  /** Terraform resource type and argument, e.g. `azurerm_windows_virtual_machine.admin_username`. */
  readonly argument: string;
  /** Provider source file holding the check. */
  readonly file: string;
}

/** `azurerm_windows_virtual_machine.admin_username`. */
export const WINDOWS_ADMIN_USERNAME = {
  source: {
    argument: 'azurerm_windows_virtual_machine.admin_username',
    file: 'internal/services/compute/validate/windows_admin_username.go',
  },
  maxLength: 20,
  /** Refused names, compared case-sensitively by the provider (Azure itself also refuses other casings). */
  disallowed: [
    'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a',
    'actuser', 'adm', 'admin2', 'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root',
    'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2', 'test3', 'user4', 'user5',
  ] as readonly string[],
  /** "cannot end with a dot". */
  noTrailingDot: true,
} as const;

/** `azurerm_windows_virtual_machine.computer_name` (and `name` when no computer_name is given). */
export const WINDOWS_COMPUTER_NAME = {
  source: {
    argument: 'azurerm_windows_virtual_machine.computer_name',
    file: 'internal/services/compute/validate/windows_computer_name.go',
  },
  maxLength: 15,
  pattern: /^[a-zA-Z0-9-]+$/,
  notOnlyDigits: /^\d+$/,
  noTrailingDash: /-$/,
} as const;

/** `azurerm_mssql_virtual_machine_group.sql_image_offer` and `.sql_image_sku`, `.name`. */
export const SQL_VM_GROUP = {
  source: {
    argument: 'azurerm_mssql_virtual_machine_group.sql_image_offer, sql_image_sku, name',
    file: 'internal/services/mssql/validate/sql_image_offer_name.go; internal/services/mssql/mssql_virtual_machine_group_resource.go',
  },
  /** Case-sensitive: `SQL2019-WS2022`, never the marketplace spelling `sql2019-ws2022`. */
  imageOffer: /^SQL[A-Za-z0-9]*-WS[A-Za-z0-9]*$/,
  imageSkus: ['Developer', 'Enterprise'] as readonly string[],
  nameMaxLength: 15,
} as const;

/** `azurerm_mssql_virtual_machine_availability_group_listener.name`, `.port`. */
export const SQL_AG_LISTENER = {
  source: {
    argument: 'azurerm_mssql_virtual_machine_availability_group_listener.name, port',
    file: 'internal/services/mssql/mssql_virtual_machine_availability_group_listener_resource.go',
  },
  nameMaxLength: 15,
  portMin: 1,
  portMax: 65535,
} as const;

/** `azurerm_mssql_virtual_machine.sql_connectivity_port`. */
export const SQL_VM = {
  source: {
    argument: 'azurerm_mssql_virtual_machine.sql_connectivity_port',
    file: 'internal/services/mssql/mssql_virtual_machine_resource.go',
  },
  connectivityPortMin: 1024,
  connectivityPortMax: 65535,
} as const;

/** `azurerm_dev_test_global_vm_shutdown_schedule.daily_recurrence_time` and `.timezone`. */
export const SHUTDOWN_SCHEDULE = {
  source: {
    argument: 'azurerm_dev_test_global_vm_shutdown_schedule.daily_recurrence_time, timezone',
    file: 'internal/services/devtestlabs/dev_test_global_vm_shutdown_schedule_resource.go; internal/services/compute/validate/compute.go (VirtualMachineTimeZoneCaseInsensitive)',
  },
  dailyRecurrenceTime: /^(0[0-9]|1[0-9]|2[0-3]|[0-9])[0-5][0-9]$/,
  /** Windows time-zone IDs the provider accepts (case-insensitively); IANA names such as Europe/Amsterdam are refused. */
  timeZones: [
    'Afghanistan Standard Time', 'Alaskan Standard Time', 'Arab Standard Time', 'Arabian Standard Time',
    'Arabic Standard Time', 'Argentina Standard Time', 'Atlantic Standard Time', 'AUS Central Standard Time',
    'AUS Eastern Standard Time', 'Azerbaijan Standard Time', 'Azores Standard Time', 'Bahia Standard Time',
    'Bangladesh Standard Time', 'Belarus Standard Time', 'Canada Central Standard Time', 'Cape Verde Standard Time',
    'Caucasus Standard Time', 'Cen. Australia Standard Time', 'Central America Standard Time',
    'Central Asia Standard Time', 'Central Brazilian Standard Time', 'Central Europe Standard Time',
    'Central European Standard Time', 'Central Pacific Standard Time', 'Central Standard Time (Mexico)',
    'Central Standard Time', 'China Standard Time', 'Dateline Standard Time', 'E. Africa Standard Time',
    'E. Australia Standard Time', 'E. Europe Standard Time', 'E. South America Standard Time',
    'Eastern Standard Time (Mexico)', 'Eastern Standard Time', 'Egypt Standard Time', 'Ekaterinburg Standard Time',
    'Fiji Standard Time', 'FLE Standard Time', 'Georgian Standard Time', 'GMT Standard Time',
    'Greenland Standard Time', 'Greenwich Standard Time', 'GTB Standard Time', 'Hawaiian Standard Time',
    'India Standard Time', 'Iran Standard Time', 'Israel Standard Time', 'Jordan Standard Time',
    'Kaliningrad Standard Time', 'Korea Standard Time', 'Libya Standard Time', 'Line Islands Standard Time',
    'Magadan Standard Time', 'Mauritius Standard Time', 'Middle East Standard Time', 'Montevideo Standard Time',
    'Morocco Standard Time', 'Mountain Standard Time (Mexico)', 'Mountain Standard Time', 'Myanmar Standard Time',
    'N. Central Asia Standard Time', 'Namibia Standard Time', 'Nepal Standard Time', 'New Zealand Standard Time',
    'Newfoundland Standard Time', 'North Asia East Standard Time', 'North Asia Standard Time',
    'Pacific SA Standard Time', 'Pacific Standard Time (Mexico)', 'Pacific Standard Time', 'Pakistan Standard Time',
    'Paraguay Standard Time', 'Romance Standard Time', 'Russia Time Zone 10', 'Russia Time Zone 11',
    'Russia Time Zone 3', 'Russian Standard Time', 'SA Eastern Standard Time', 'SA Pacific Standard Time',
    'SA Western Standard Time', 'Samoa Standard Time', 'SE Asia Standard Time', 'Singapore Standard Time',
    'South Africa Standard Time', 'Sri Lanka Standard Time', 'Syria Standard Time', 'Taipei Standard Time',
    'Tasmania Standard Time', 'Tokyo Standard Time', 'Tonga Standard Time', 'Turkey Standard Time',
    'Ulaanbaatar Standard Time', 'US Eastern Standard Time', 'US Mountain Standard Time', 'UTC', 'UTC+12',
    'UTC-02', 'UTC-11', 'Venezuela Standard Time', 'Vladivostok Standard Time', 'W. Australia Standard Time',
    'W. Central Africa Standard Time', 'W. Europe Standard Time', 'West Asia Standard Time',
    'West Pacific Standard Time', 'Yakutsk Standard Time',
  ] as readonly string[],
} as const;

/** `azurerm_availability_set.platform_fault_domain_count` / `platform_update_domain_count`. */
export const AVAILABILITY_SET = {
  source: {
    argument: 'azurerm_availability_set.platform_fault_domain_count, platform_update_domain_count',
    file: 'internal/services/compute/availability_set_resource.go',
  },
  faultDomainsMin: 1,
  faultDomainsMax: 3,
  updateDomainsMin: 1,
  updateDomainsMax: 20,
} as const;

/** `azurerm_resource_group.name` (go-azure-helpers resourcegroups.ValidateName, used by the provider's resource group schema). */
export const RESOURCE_GROUP_NAME = {
  source: {
    argument: 'azurerm_resource_group.name',
    file: 'internal/services/resource/resource_group_resource.go (resourcegroups.ValidateName)',
  },
  maxLength: 90,
  pattern: /^[-\w.()]+$/,
  noTrailingPeriod: true,
} as const;

/** `azurerm_application_gateway` (a reverse proxy's gateway): the ranges and exclusive pairs its schema and CustomizeDiff check. */
export const APPLICATION_GATEWAY = {
  source: {
    argument: 'azurerm_application_gateway.sku, autoscale_configuration, request_routing_rule.priority, backend_http_settings, probe, ssl_certificate.key_vault_secret_id',
    file: 'internal/services/network/application_gateway_resource.go',
  },
  skuNames: ['Basic', 'Standard_Small', 'Standard_Medium', 'Standard_Large', 'Standard_v2', 'WAF_Large', 'WAF_Medium', 'WAF_v2'] as readonly string[],
  /** CustomizeDiff: a v2 tier has 1 to 125 instances when fixed. */
  v2CapacityMin: 1,
  v2CapacityMax: 125,
  autoscaleMinCapacityMin: 0,
  autoscaleMinCapacityMax: 100,
  autoscaleMaxCapacityMin: 2,
  autoscaleMaxCapacityMax: 125,
  priorityMin: 1,
  priorityMax: 20000,
  requestTimeoutMin: 1,
  requestTimeoutMax: 86400,
  /** keyVaultValidate.NestedItemIdWithOptionalVersion: `https://<vault>.<vault DNS suffix>/secrets/<name>[/<version>]`. */
  keyVaultSecretId: /^https:\/\/[A-Za-z0-9-]{3,24}\.vault\.[a-z0-9.]+\/secrets\/[A-Za-z0-9-]{1,127}(\/[A-Za-z0-9]{32})?$/,
} as const;

/** Every constraint source, for the docs and the consistency tests. */
export const PROVIDER_CONSTRAINT_SOURCES: readonly ProviderSource[] = [
  WINDOWS_ADMIN_USERNAME.source,
  WINDOWS_COMPUTER_NAME.source,
  SQL_VM_GROUP.source,
  SQL_AG_LISTENER.source,
  SQL_VM.source,
  SHUTDOWN_SCHEDULE.source,
  AVAILABILITY_SET.source,
  RESOURCE_GROUP_NAME.source,
  APPLICATION_GATEWAY.source,
];

/** Why the provider refuses an admin username, or undefined. */
export function adminUsernameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  if (name.length > WINDOWS_ADMIN_USERNAME.maxLength) return `is ${name.length} characters long; at most ${WINDOWS_ADMIN_USERNAME.maxLength} are allowed`;
  if (name.endsWith('.')) return 'ends with a dot';
  if (WINDOWS_ADMIN_USERNAME.disallowed.includes(name.toLowerCase())) {
    return `is a name Azure reserves (${WINDOWS_ADMIN_USERNAME.disallowed.join(', ')})`;
  }
  return undefined;
}

/** The provider's time-zone ID matching `tz` case-insensitively, or undefined. */
export function shutdownTimeZone(tz: string): string | undefined {
  return SHUTDOWN_SCHEDULE.timeZones.find((z) => z.toLowerCase() === tz.toLowerCase());
}
