/**
 * Invariants every synthesized configuration must satisfy, checked on the Terraform JSON itself
 * (not the model), so they catch a building block that writes something the rules never saw.
 * Each checker returns violations; `checkInvariants` runs them all.
 */
import { ADMIN_PORTS, portCovers } from '../lib/rules/security';
import { computerNameProblem } from '../lib/rules/naming';
import { azureNameProblem, storageAccountNameProblem } from '../lib/model/azure-names';
import { providerConstraints } from './provider-invariants';

export interface InvariantViolation {
  /** Invariant ID: the rule it backs up (SEC-1, NAME-5, ...) or NSG-PRIORITY, DNS-SET. */
  readonly invariant: string;
  /** Terraform address (`type.name`) of the offending block. */
  readonly address: string;
  readonly message: string;
}

type Json = any;
interface Block {
  readonly type: string;
  readonly key: string;
  readonly body: Json;
}

function blocks(json: Json, ...types: string[]): Block[] {
  return types.flatMap((type) => Object.entries(json.resource?.[type] ?? {}).map(([key, body]) => ({ type, key, body })));
}

function address(b: Block): string {
  return `${b.type}.${b.key}`;
}

/** `${type.key.attr}` → [type, key], for following references between blocks. */
function referenced(value: unknown): [string, string] | undefined {
  const m = typeof value === 'string' ? /^\$\{([a-z0-9_]+)\.([^.}]+)\.[a-z_]+\}$/.exec(value) : null;
  return m ? [m[1], m[2]] : undefined;
}

function list<T>(x: T | readonly T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? [...x] : [x as T];
}

const isLiteral = (s: string) => !s.includes('${');

/** Attribute names that hold a secret (password, key, token, connection string, SAS). */
const SECRET_ATTRIBUTE = /(password|passwd|secret|passphrase|access_key|primary_key|secondary_key|(^|_)key$|token|connection_string|(^|_)sas(_|$))/i;
const NOT_SECRET = /(public_key|_id$|_ids$|_name$|_url$|_uri$|_enabled$|_type$|key_vault)/i;
const VARIABLE_REF = /^\$\{var\.([A-Za-z0-9_-]+)\}$/;
const KEY_VAULT_REF = /^\$\{data\.azurerm_key_vault_secret\.[^.}]+\.value\}$/;
const RESOURCE_KEY_REF = /^\$\{azurerm_[a-z0-9_]+\.[^.}]+\.(primary|secondary)_[a-z_]*key\}$/;

/**
 * SEC-1: every password-like attribute is a `${var.…}` reference to a sensitive variable without a
 * default (or a Key Vault secret; keys may also come from the resource that owns them).
 */
export function noLiteralSecrets(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const variables = json.variable ?? {};
  const visit = (where: string, node: Json, attr: string) => {
    if (attr === 'tags') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(where, n, attr));
    if (node !== null && typeof node === 'object') {
      return Object.entries(node).forEach(([k, v]) => visit(where, v, k));
    }
    if (typeof node !== 'string' || !SECRET_ATTRIBUTE.test(attr) || NOT_SECRET.test(attr)) return;
    const variable = VARIABLE_REF.exec(node);
    if (variable) {
      const decl = variables[variable[1]];
      if (!decl || decl.sensitive !== true || decl.default !== undefined) {
        out.push({ invariant: 'SEC-1', address: where, message: `${attr} comes from variable ${variable[1]}, which is not declared sensitive without a default` });
      }
    } else if (!KEY_VAULT_REF.test(node) && !(attr.endsWith('key') && RESOURCE_KEY_REF.test(node))) {
      out.push({ invariant: 'SEC-1', address: where, message: `${attr} is ${isLiteral(node) ? 'a literal' : `"${node}"`}, not a sensitive variable reference` });
    }
  };
  for (const section of ['resource', 'data', 'provider', 'output', 'locals'] as const) {
    for (const [type, byKey] of Object.entries(json[section] ?? {})) {
      const entries = section === 'locals' || typeof byKey !== 'object' ? [[type, byKey]] : Object.entries(byKey as object);
      for (const [key, body] of entries) visit(`${section === 'resource' ? '' : section + '.'}${type}.${key}`, body, '');
    }
  }
  for (const [name, decl] of Object.entries<any>(variables)) {
    if (SECRET_ATTRIBUTE.test(name) && !NOT_SECRET.test(name) && (decl.sensitive !== true || decl.default !== undefined)) {
      out.push({ invariant: 'SEC-1', address: `var.${name}`, message: `variable ${name} holds a secret but is ${decl.sensitive !== true ? 'not sensitive' : 'given a default value'}` });
    }
  }
  return out;
}

const ANY_SOURCE = new Set(['*', '0.0.0.0/0', '0.0.0.0', 'internet', 'any', '::/0']);

/** Every security rule, standalone or inline, with the NSG it belongs to. */
function securityRules(json: Json): { where: string; nsg: string; rule: Json }[] {
  return [
    ...blocks(json, 'azurerm_network_security_rule').map((b) => ({ where: address(b), nsg: String(b.body.network_security_group_name), rule: b.body })),
    ...blocks(json, 'azurerm_network_security_group').flatMap((b) =>
      list<Json>(b.body.security_rule).map((rule) => ({ where: address(b), nsg: `\${azurerm_network_security_group.${b.key}.name}`, rule })),
    ),
  ];
}

/** SEC-2: no inbound allow rule from the Internet to 22, 3389, 5985 or 5986. */
export function noInternetAdminPorts(json: Json): InvariantViolation[] {
  return securityRules(json).flatMap(({ where, rule }) => {
    if (rule.direction !== 'Inbound' || rule.access !== 'Allow') return [];
    const sources = [...list<string>(rule.source_address_prefix), ...list<string>(rule.source_address_prefixes)];
    if (!sources.some((s) => ANY_SOURCE.has(String(s).toLowerCase()))) return [];
    const ranges = [...list<string>(rule.destination_port_range), ...list<string>(rule.destination_port_ranges)].map(String);
    const open = ADMIN_PORTS.filter((p) => ranges.some((r) => portCovers(r, p)));
    return open.length === 0
      ? []
      : [{ invariant: 'SEC-2', address: where, message: `rule ${rule.name} allows port(s) ${open.join(', ')} from ${sources.join(', ')}` }];
  });
}

/**
 * SEC-3: a public IP is attached only to the first (external) NIC of an Edge server in a perimeter
 * subnet, or to an Azure Bastion host.
 */
export function publicIpsOnlyOnEdge(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const users = new Map<string, string[]>();
  const use = (pipRef: unknown, user: string) => {
    const ref = referenced(pipRef);
    if (ref && ref[0] === 'azurerm_public_ip') users.set(ref[1], [...(users.get(ref[1]) ?? []), user]);
  };
  const vms = blocks(json, 'azurerm_windows_virtual_machine', 'azurerm_linux_virtual_machine');
  const subnets = json.resource?.azurerm_subnet ?? {};
  for (const nic of blocks(json, 'azurerm_network_interface')) {
    const configs = list<Json>(nic.body.ip_configuration).filter((c) => c.public_ip_address_id !== undefined);
    if (configs.length === 0) continue;
    const owner = vms.find((vm) => list<string>(vm.body.network_interface_ids).some((id) => referenced(id)?.[1] === nic.key));
    const first = owner && referenced(list<string>(owner.body.network_interface_ids)[0])?.[1] === nic.key;
    const edge = owner?.body.tags?.['sfb-role'] === 'Edge';
    for (const c of configs) {
      const subnet = referenced(c.subnet_id);
      const perimeter = subnet !== undefined && subnets[subnet[1]]?.name === 'snet-perimeter';
      use(c.public_ip_address_id, address(nic));
      if (!(edge && first && perimeter)) {
        out.push({
          invariant: 'SEC-3',
          address: address(nic),
          message: `NIC ${nic.body.name} carries a public IP but is ${!owner ? 'attached to no VM' : !edge ? `on a ${owner.body.tags?.['sfb-role'] ?? 'non-Edge'} server` : !first ? 'not the first (external) NIC' : 'not in the perimeter subnet'}`,
        });
      }
    }
  }
  for (const b of blocks(json, 'azurerm_bastion_host')) for (const c of list<Json>(b.body.ip_configuration)) use(c.public_ip_address_id, address(b));
  for (const pip of blocks(json, 'azurerm_public_ip')) {
    if (!users.has(pip.key)) out.push({ invariant: 'SEC-3', address: address(pip), message: `public IP ${pip.body.name} is attached to neither an Edge external NIC nor a Bastion host` });
  }
  for (const lb of blocks(json, 'azurerm_lb')) {
    if (list<Json>(lb.body.frontend_ip_configuration).some((f) => f.public_ip_address_id !== undefined)) {
      out.push({ invariant: 'SEC-3', address: address(lb), message: `load balancer ${lb.body.name} has a public frontend` });
    }
  }
  return out;
}

/** NSG rule priorities are whole numbers from 100 to 4096, unique per NSG and direction. */
export function nsgPriorities(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const seen = new Map<string, string>();
  for (const { where, nsg, rule } of securityRules(json)) {
    const p = rule.priority;
    if (!Number.isInteger(p) || p < 100 || p > 4096) {
      out.push({ invariant: 'NSG-PRIORITY', address: where, message: `rule ${rule.name} has priority ${p}; Azure accepts 100 to 4096` });
    }
    const key = `${nsg}|${rule.direction}|${p}`;
    const other = seen.get(key);
    if (other) out.push({ invariant: 'NSG-PRIORITY', address: where, message: `rule ${rule.name} repeats priority ${p} of ${other} in ${nsg}` });
    else seen.set(key, `rule ${rule.name}`);
  }
  return out;
}

/** SRV-3 (and the same for A and CNAME sets): one record set per zone, name and type. */
export function oneRecordSetPerName(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const groups: [string, string[]][] = [
    ['SRV-3', ['azurerm_dns_srv_record', 'azurerm_private_dns_srv_record']],
    ['DNS-SET', ['azurerm_dns_a_record', 'azurerm_private_dns_a_record', 'azurerm_dns_cname_record', 'azurerm_private_dns_cname_record']],
  ];
  for (const [invariant, types] of groups) {
    for (const type of types) {
      const seen = new Map<string, string>();
      for (const b of blocks(json, type)) {
        const key = `${b.body.zone_name}|${b.body.resource_group_name}|${String(b.body.name).toLowerCase()}`;
        const other = seen.get(key);
        if (other) out.push({ invariant, address: address(b), message: `${type} "${b.body.name}" in ${b.body.zone_name} is already defined by ${other}; merge the entries into one record set` });
        else seen.set(key, address(b));
      }
    }
  }
  return out;
}

/**
 * Names: Windows computer names (NAME-1, NAME-7), storage accounts (NAME-6) and every other
 * resource name within its type's limits (NAME-5).
 */
export function azureNameLimits(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const computers = new Map<string, string>();
  for (const vm of blocks(json, 'azurerm_windows_virtual_machine')) {
    const name = String(vm.body.computer_name ?? vm.body.name);
    const problem = computerNameProblem(name);
    if (problem) out.push({ invariant: 'NAME-1', address: address(vm), message: `computer name "${name}" ${problem}` });
    const other = computers.get(name.toLowerCase());
    if (other) out.push({ invariant: 'NAME-7', address: address(vm), message: `computer name "${name}" is also the name of ${other}` });
    else computers.set(name.toLowerCase(), address(vm));
  }
  const accounts = new Map<string, string>();
  for (const sa of blocks(json, 'azurerm_storage_account')) {
    const name = String(sa.body.name);
    const problem = storageAccountNameProblem(name);
    if (problem) out.push({ invariant: 'NAME-6', address: address(sa), message: `storage account name "${name}" ${problem}` });
    const other = accounts.get(name.toLowerCase());
    if (other) out.push({ invariant: 'NAME-6', address: address(sa), message: `storage account name "${name}" is also used by ${other}` });
    else accounts.set(name.toLowerCase(), address(sa));
  }
  for (const [type, byKey] of Object.entries<Json>(json.resource ?? {})) {
    if (type === 'azurerm_storage_account') continue;
    for (const [key, body] of Object.entries<Json>(byKey)) {
      if (typeof body.name !== 'string' || !isLiteral(body.name)) continue;
      const problem = azureNameProblem(type, body.name);
      if (problem) out.push({ invariant: 'NAME-5', address: `${type}.${key}`, message: `name "${body.name}" ${problem}` });
    }
  }
  return out;
}

/** Every invariant checker on synthesized JSON. Re-synthesis determinism needs the program: see `resynthesizes`. */
export const INVARIANTS: readonly ((json: Json) => InvariantViolation[])[] = [
  noLiteralSecrets,
  noInternetAdminPorts,
  publicIpsOnlyOnEdge,
  nsgPriorities,
  oneRecordSetPerName,
  azureNameLimits,
  providerConstraints,
];

/** Every violation of every invariant on one synthesized stack (parsed JSON). */
export function checkInvariants(json: Json): InvariantViolation[] {
  return INVARIANTS.flatMap((check) => check(json));
}

/** Readable form of violations, for assertion messages. */
export function formatViolations(violations: readonly InvariantViolation[]): string {
  return violations.map((v) => `[${v.invariant}] ${v.address}: ${v.message}`).join('\n');
}

/** Re-synthesis is byte-identical: `synth` builds the program afresh and returns its JSON text. */
export function resynthesizes(synth: () => string): InvariantViolation[] {
  const first = synth();
  const second = synth();
  if (first === second) return [];
  const a = first.split('\n');
  const b = second.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  return [{ invariant: 'DETERMINISM', address: `line ${line + 1}`, message: `re-synthesis differs: "${a[line]?.trim()}" became "${b[line]?.trim()}"` }];
}
