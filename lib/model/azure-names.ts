/**
 * Azure's naming limits per Terraform resource type (NAME-5, NAME-6), from "Naming rules and
 * restrictions for Azure resources" (learn.microsoft.com, azure-resource-manager/management/resource-name-rules).
 * Plain data: rules check the model with it, tests check the synthesized JSON with the same table.
 */

export interface AzureNameLimit {
  /** The Azure entity, for messages (`Microsoft.Network/networkSecurityGroups`). */
  readonly entity: string;
  readonly min: number;
  readonly max: number;
  /** Whole-name pattern (length aside). */
  readonly pattern: RegExp;
  /** The allowed characters in words, for messages. */
  readonly charset: string;
}

/** Alphanumerics, underscores, periods and hyphens; start alphanumeric; end alphanumeric or underscore. */
const NETWORK = /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const NETWORK_CHARSET = 'letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore';

function network(entity: string, min = 1, max = 80): AzureNameLimit {
  return { entity, min, max, pattern: NETWORK, charset: NETWORK_CHARSET };
}

/** Limits of the resource types the library creates (and those the other constructs will create). */
export const AZURE_NAME_LIMITS: Readonly<Record<string, AzureNameLimit>> = {
  azurerm_resource_group: {
    entity: 'Microsoft.Resources/resourceGroups',
    min: 1,
    max: 90,
    pattern: /^[-\w.()]*[-\w()]$/,
    charset: 'letters, digits, underscores, parentheses, hyphens and periods, not ending with a period',
  },
  azurerm_virtual_network: network('Microsoft.Network/virtualNetworks', 2, 64),
  azurerm_subnet: network('Microsoft.Network/virtualNetworks/subnets'),
  azurerm_virtual_network_peering: network('Microsoft.Network/virtualNetworks/virtualNetworkPeerings'),
  azurerm_network_security_group: network('Microsoft.Network/networkSecurityGroups'),
  azurerm_network_security_rule: network('Microsoft.Network/networkSecurityGroups/securityRules'),
  azurerm_application_security_group: network('Microsoft.Network/applicationSecurityGroups'),
  azurerm_network_interface: network('Microsoft.Network/networkInterfaces'),
  azurerm_public_ip: network('Microsoft.Network/publicIPAddresses'),
  azurerm_lb: network('Microsoft.Network/loadBalancers'),
  azurerm_lb_backend_address_pool: network('Microsoft.Network/loadBalancers/backendAddressPools'),
  azurerm_lb_probe: network('Microsoft.Network/loadBalancers/probes'),
  azurerm_lb_rule: network('Microsoft.Network/loadBalancers/loadBalancingRules'),
  azurerm_bastion_host: network('Microsoft.Network/bastionHosts'),
  azurerm_application_gateway: network('Microsoft.Network/applicationGateways'),
  // The portal's rule, stricter than the API's: letters and digits only, so every tool accepts it.
  azurerm_web_application_firewall_policy: {
    entity: 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
    min: 1,
    max: 128,
    pattern: /^[A-Za-z][A-Za-z0-9]*$/,
    charset: 'letters and digits, starting with a letter',
  },
  azurerm_private_endpoint: network('Microsoft.Network/privateEndpoints', 2, 64),
  azurerm_private_dns_zone_virtual_network_link: network('Microsoft.Network/privateDnsZones/virtualNetworkLinks'),
  azurerm_availability_set: network('Microsoft.Compute/availabilitySets'),
  azurerm_managed_disk: {
    entity: 'Microsoft.Compute/disks',
    min: 1,
    max: 80,
    pattern: /^[A-Za-z0-9_.-]+$/,
    charset: 'letters, digits, underscores, periods and hyphens',
  },
  // The resource name of a VM may have 64 characters; its computer name (NAME-1) has at most 15.
  azurerm_windows_virtual_machine: {
    entity: 'Microsoft.Compute/virtualMachines',
    min: 1,
    max: 64,
    pattern: /^[^_\\/"[\]:|<>+=;,?*@&~!#$%^(){}' ]([^\\/"[\]:|<>+=;,?*@&~!#$%^(){}' ]*[^\\/"[\]:|<>+=;,?*@&~!#$%^(){}' .-])?$/,
    charset: 'no spaces and none of \\ / " [ ] : | < > + = ; , ? * @ & ~ ! # $ % ^ ( ) { } \', not starting with an underscore and not ending with a period or hyphen',
  },
  azurerm_user_assigned_identity: {
    entity: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    min: 3,
    max: 128,
    pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    charset: 'letters, digits, hyphens and underscores, starting with a letter or digit',
  },
  azurerm_virtual_machine_extension: network('Microsoft.Compute/virtualMachines/extensions', 1, 64),
  azurerm_storage_account: {
    entity: 'Microsoft.Storage/storageAccounts',
    min: 3,
    max: 24,
    pattern: /^[a-z0-9]+$/,
    charset: 'lowercase letters and digits only',
  },
  azurerm_storage_share: {
    entity: 'Microsoft.Storage/storageAccounts/fileServices/shares',
    min: 3,
    max: 63,
    pattern: /^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/,
    charset: 'lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
  },
  azurerm_mssql_virtual_machine_group: {
    entity: 'Microsoft.SqlVirtualMachine/sqlVirtualMachineGroups',
    min: 1,
    max: 15,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/,
    charset: 'letters, digits and hyphens, starting and ending with a letter or digit (it becomes the cluster name)',
  },
  azurerm_mssql_virtual_machine_availability_group_listener: {
    entity: 'Microsoft.SqlVirtualMachine/sqlVirtualMachineGroups/availabilityGroupListeners',
    min: 1,
    max: 15,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/,
    charset: 'letters, digits and hyphens, starting and ending with a letter or digit (it becomes a NetBIOS name)',
  },
  azurerm_recovery_services_vault: {
    entity: 'Microsoft.RecoveryServices/vaults',
    min: 2,
    max: 50,
    pattern: /^[A-Za-z][A-Za-z0-9-]*$/,
    charset: 'letters, digits and hyphens, starting with a letter',
  },
  azurerm_traffic_manager_profile: {
    entity: 'Microsoft.Network/trafficmanagerprofiles',
    min: 1,
    max: 63,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/,
    charset: 'letters, digits, hyphens and periods, starting and ending with a letter or digit',
  },
};

/** Why an Azure resource name breaks its type's limits, or undefined when it is valid or the type is unknown. */
export function azureNameProblem(type: string, name: string): string | undefined {
  const limit = AZURE_NAME_LIMITS[type];
  if (!limit) return undefined;
  if (name.length < limit.min || name.length > limit.max) {
    return `is ${name.length} characters long; ${limit.entity} names have ${limit.min} to ${limit.max}`;
  }
  if (!limit.pattern.test(name)) return `breaks the ${limit.entity} character rules (${limit.charset})`;
  return undefined;
}

/** NAME-6: why a storage account name is invalid (length and charset), or undefined. */
export function storageAccountNameProblem(name: string): string | undefined {
  return azureNameProblem('azurerm_storage_account', name);
}
