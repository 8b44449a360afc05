/**
 * Names the library derives, fitted to Azure's limits by construction (docs/naming.md). Modelled on
 * aws-cdk's `Names.uniqueResourceName(construct, { maxLength })`: a candidate that already fits is
 * kept as is (outputs of valid topologies do not move); one that is too long or has characters its
 * type refuses is sanitized, cut and given a short stable hash of the whole candidate, so two long
 * candidates stay apart and the same candidate always gives the same name. Pure: no constructs.
 */
import { AZURE_NAME_LIMITS, azureNameProblem } from './azure-names';
import { stableHash } from './keyed-slots';
import { SubnetRole } from './network';

/** Pseudo type of DFS namespace (share) names: 80 letters, digits and hyphens. */
export const DFS_NAMESPACE = 'dfs_namespace';

/** Pseudo type of Windows computer (NetBIOS) names: 15 letters, digits and hyphens, not all digits. */
export const COMPUTER_NAME = 'computer_name';
const COMPUTER_NAME_MAX = 15;
/** A derived server prefix leaves room for two digits (`<prefix>-NN`) once it has to be shortened. */
const SERVER_INDEX_DIGITS = 2;

interface Charset {
  /** One character the type refuses. */
  readonly bad: RegExp;
  readonly separator: string;
  readonly lowercase?: boolean;
  /** Characters a name may not start or end with. */
  readonly edges: RegExp;
}

const HYPHENATED: Charset = { bad: /[^A-Za-z0-9-]/g, separator: '-', edges: /^[-]+|[-]+$/g };
const NETWORK: Charset = { bad: /[^A-Za-z0-9_.-]/g, separator: '-', edges: /^[_.-]+|[.-]+$/g };
const CHARSETS: Readonly<Record<string, Charset>> = {
  [COMPUTER_NAME]: HYPHENATED,
  [DFS_NAMESPACE]: HYPHENATED,
  azurerm_windows_virtual_machine: HYPHENATED,
  azurerm_mssql_virtual_machine_group: HYPHENATED,
  azurerm_mssql_virtual_machine_availability_group_listener: HYPHENATED,
  azurerm_recovery_services_vault: HYPHENATED,
  azurerm_user_assigned_identity: { bad: /[^A-Za-z0-9_-]/g, separator: '-', edges: /^[_-]+|[-]+$/g },
  azurerm_traffic_manager_profile: { bad: /[^A-Za-z0-9.-]/g, separator: '-', edges: /^[.-]+|[.-]+$/g },
  azurerm_resource_group: { bad: /[^-\w.()]/g, separator: '-', edges: /[.]+$/g },
  azurerm_managed_disk: { bad: /[^A-Za-z0-9_.-]/g, separator: '-', edges: /^$/g },
  azurerm_storage_account: { bad: /[^a-z0-9]/g, separator: '', lowercase: true, edges: /^$/g },
  azurerm_storage_share: { bad: /[^a-z0-9-]/g, separator: '-', lowercase: true, edges: /^[-]+|[-]+$/g },
  azurerm_storage_container: { bad: /[^a-z0-9-]/g, separator: '-', lowercase: true, edges: /^[-]+|[-]+$/g },
  azurerm_web_application_firewall_policy: { bad: /[^A-Za-z0-9]/g, separator: '', edges: /^[0-9]+/g },
};

function maxOf(type: string): number | undefined {
  if (type === DFS_NAMESPACE) return 80;
  return type === COMPUTER_NAME ? COMPUTER_NAME_MAX : AZURE_NAME_LIMITS[type]?.max;
}

function problemOf(type: string, name: string, max: number): string | undefined {
  if (type !== COMPUTER_NAME) return name.length > max ? 'too long' : azureNameProblem(type, name);
  if (name.length < 1 || name.length > max) return 'length';
  if (!/^[A-Za-z0-9-]+$/.test(name) || /^[0-9]+$/.test(name) || /^-|-$/.test(name)) return 'characters';
  return undefined;
}

/** Base-36 digits of the stable hash of `text`: 4 for short limits, 6 otherwise. */
export function nameHash(text: string, length: number): string {
  return stableHash(text).toString(36).padStart(7, '0').slice(-length);
}

function sanitize(cs: Charset, text: string): string {
  const cased = cs.lowercase ? text.toLowerCase() : text;
  const swapped = cased.replace(cs.bad, cs.separator);
  return (cs.separator ? swapped.replace(/--+/g, '-') : swapped).replace(cs.edges, '');
}

/**
 * `head + tail` when it is a valid name of `type`, else the sanitized head cut to fit, a stable hash
 * of `head + tail`, then `tail` (a fixed, valid suffix such as `-cl`). `max` tightens the type's limit.
 */
export function fitName(type: string, head: string, tail = '', max = maxOf(type)): string {
  const full = head + tail;
  if (max === undefined || problemOf(type, full, max) === undefined) return full;
  const cs = CHARSETS[type] ?? NETWORK;
  const hash = nameHash(full, max <= 24 ? 4 : 6);
  const room = Math.max(0, max - tail.length - hash.length - cs.separator.length);
  const cut = sanitize(cs, head).slice(0, room).replace(cs.edges, '');
  const name = cut ? `${cut}${cs.separator}${hash}${tail}` : `${hash}${tail}`;
  // A bare hash may be all digits, which a computer name may not be.
  return problemOf(type, name, max) === undefined ? name : `x${name.slice(1)}`;
}

/**
 * The computer-name prefix derived from a pool FQDN label, site and kind, shared by the group's other
 * names (availability set, cluster, listener): kept when `<prefix>-1` fits 15 characters, else cut to
 * 12 with a hash so that servers 1 to 99 fit. It never depends on the server count.
 */
export function derivedServerPrefix(candidate: string): string {
  if (problemOf(COMPUTER_NAME, `${candidate}-1`, COMPUTER_NAME_MAX) === undefined) return candidate;
  return fitName(COMPUTER_NAME, candidate, '', COMPUTER_NAME_MAX - 1 - SERVER_INDEX_DIGITS);
}

/**
 * Computer name of server `n`: `<prefix>-<n>`. A derived prefix (`fit`) is fitted per server, so the
 * name of server n depends on n alone and adding a tenth server to a 13-character label renames none
 * of the first nine; a prefix the user gave is used as given (NAME-1 checks it).
 */
export function serverComputerName(prefix: string, n: number, fit: boolean): string {
  return fit ? fitName(COMPUTER_NAME, prefix, `-${n}`) : `${prefix}-${n}`;
}

/** A server group's naming: the prefix a user gave, used as given, or one derived from `candidate`. */
export function serverNaming(given: string | undefined, candidate: string): { readonly namePrefix: string; readonly fitComputerNames: boolean } {
  return given === undefined ? { namePrefix: derivedServerPrefix(candidate), fitComputerNames: true } : { namePrefix: given, fitComputerNames: false };
}

/** A NetBIOS-style name (cluster, listener, network name): `<prefix><tail>` in 15 characters. */
export function netbiosName(prefix: string, tail: string): string {
  return fitName(COMPUTER_NAME, prefix, tail);
}

// Names used in more than one place come from one function each.

export function siteResourceGroupName(deployment: string, site: string): string {
  return fitName('azurerm_resource_group', `rg-${deployment}-${site}`);
}

/** The deployment-wide resource group (other stacks and the runbook refer to it by this literal). */
export function sharedResourceGroupName(deployment: string): string {
  return fitName('azurerm_resource_group', `rg-${deployment}`, '-shared');
}

export function virtualNetworkName(deployment: string, site: string): string {
  return fitName('azurerm_virtual_network', `vnet-${deployment}-${site}`);
}

export function subnetNsgName(deployment: string, site: string, role: string): string {
  return fitName('azurerm_network_security_group', `nsg-${deployment}-${site}`, `-${role}`);
}

/**
 * A branch site's network in Azure: `rg-` and `vnet-<deployment>-branch-<branch>` and its subnet's
 * `nsg-<deployment>-branch-<branch>-survivable-branch` (a site's names with `branch-<branch>` for the
 * site, so no branch takes a site's), and its DNS-link key `branch-<branch>`.
 */
export function branchNetworkNames(deployment: string, branch: string): { readonly resourceGroup: string; readonly virtualNetwork: string; readonly nsg: string; readonly linkKey: string } {
  return {
    resourceGroup: siteResourceGroupName(deployment, `branch-${branch}`),
    virtualNetwork: virtualNetworkName(deployment, `branch-${branch}`),
    nsg: subnetNsgName(deployment, `branch-${branch}`, SubnetRole.SURVIVABLE_BRANCH),
    linkKey: `branch-${branch}`,
  };
}

/** A back end's Windows failover cluster: the AlwaysOn SQL VM group (whose name becomes the cluster's) or the FCI's `New-Cluster -Name`. */
export function sqlClusterName(prefix: string): string {
  return fitName('azurerm_mssql_virtual_machine_group', prefix, '-cl', COMPUTER_NAME_MAX);
}

/** The availability group listener (a NetBIOS name; its FQDN is `<name>.<AD domain>`). */
export function sqlListenerName(prefix: string): string {
  return fitName('azurerm_mssql_virtual_machine_availability_group_listener', prefix, '-ag', COMPUTER_NAME_MAX);
}

export function publicIpName(computerName: string, label: string): string {
  return fitName('azurerm_public_ip', `pip-${computerName}`, `-${label}`);
}

export function bastionNames(deployment: string, site: string): { readonly publicIp: string; readonly host: string } {
  return { publicIp: fitName('azurerm_public_ip', `pip-${deployment}-${site}`, '-bastion'), host: fitName('azurerm_bastion_host', `bas-${deployment}-${site}`) };
}

/** The Azure names of a site's reverse proxy `id` (docs/naming.md). */
export function reverseProxyNames(deployment: string, site: string, id: string): { readonly publicIp: string; readonly gateway: string; readonly identity: string; readonly wafPolicy: string; readonly loadBalancer: string } {
  const base = `${deployment}-${site}-${id}`;
  return {
    publicIp: fitName('azurerm_public_ip', `pip-${base}`),
    gateway: fitName('azurerm_application_gateway', `agw-${base}`),
    identity: fitName('azurerm_user_assigned_identity', `id-${base}`, '-agw'),
    // Letters and digits only: the hyphens of the other names are dropped.
    wafPolicy: fitName('azurerm_web_application_firewall_policy', `waf${base.replace(/[^A-Za-z0-9]/g, '')}`),
    loadBalancer: fitName('azurerm_lb', `lbe-${base}`),
  };
}

export function peeringName(from: string, to: string): string {
  return fitName('azurerm_virtual_network_peering', `peer-${from}-to-${to}`);
}

export function trafficManagerProfileName(deploymentLabel: string): string {
  return fitName('azurerm_traffic_manager_profile', `tm-${deploymentLabel}`, '-web');
}

/** The DFS namespace of a site's file store: `sfb-<site>`, or `sfb-<site>-<store>` for an explicit store. */
export function dfsShareName(site: string, store?: string): string {
  return fitName(DFS_NAMESPACE, `sfb-${site}${store === undefined ? '' : `-${store}`}`);
}

/** A private DNS zone's link to a site's network (the key is the site's construct ID). */
export function dnsLinkName(key: string): string {
  return fitName('azurerm_private_dns_zone_virtual_network_link', `link-${key}`);
}

/** The private endpoint of a storage account's blob service, in `site` when the account has several. */
export function blobEndpointName(account: string, site?: string): string {
  return fitName('azurerm_private_endpoint', `pe-${account}-blob${site === undefined ? '' : `-${site}`}`);
}

export function backupVaultName(deployment: string, site: string): string {
  return fitName('azurerm_recovery_services_vault', `rsv-${deployment}-${site}`);
}

// Terraform output and variable names: the runbook cites exactly the names the stacks define.

/** A Terraform output or variable name: the parts joined by `_`, lower case, `[a-z0-9_]` only. */
export function terraformName(...parts: string[]): string {
  return parts.join('_').toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** The output of a site's stack that carries the scheduled export script and its install command. */
export function exportTaskOutputName(deployment: string, site: string): string {
  return terraformName(deployment, site, 'backup_export_task');
}

/** An output of a back end (`sql_store_fqdn`, `cluster_setup`, `mirroring_setup`). */
export function backEndOutputName(deployment: string, site: string, backEnd: string, what: string): string {
  return terraformName(deployment, site, backEnd, what);
}

/** The output with a Persistent Chat pool's SQL stores and log-shipping script. */
export function chatSqlOutputName(deployment: string, pool: string): string {
  return terraformName(deployment, pool, 'sql_configuration');
}
