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
 * subnet, to an Azure Bastion host, or to a reverse proxy: an Application Gateway in the reverse-proxy
 * subnet, or a public load balancer that carries only 443 and 80 to Reverse Proxy servers.
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
  for (const gw of blocks(json, 'azurerm_application_gateway')) {
    const inProxySubnet = list<Json>(gw.body.gateway_ip_configuration).every((c) => subnets[referenced(c.subnet_id)?.[1] ?? '']?.name === 'snet-reverse-proxy');
    for (const f of list<Json>(gw.body.frontend_ip_configuration)) {
      if (f.public_ip_address_id === undefined) continue;
      if (inProxySubnet) use(f.public_ip_address_id, address(gw));
      else out.push({ invariant: 'SEC-3', address: address(gw), message: `application gateway ${gw.body.name} has a public frontend outside the reverse-proxy subnet` });
    }
  }
  const proxies = new Map(renderedLoadBalancers(json).map((lb) => [lb.address, lb.memberRoles.length > 0 && lb.memberRoles.every((r) => r === 'Reverse Proxy') && lb.rules.every((r) => [80, 443].includes(Number(r.body.frontend_port)))]));
  for (const lb of blocks(json, 'azurerm_lb')) {
    for (const f of list<Json>(lb.body.frontend_ip_configuration)) {
      if (f.public_ip_address_id === undefined) continue;
      if (proxies.get(address(lb))) use(f.public_ip_address_id, address(lb));
      else out.push({ invariant: 'SEC-3', address: address(lb), message: `load balancer ${lb.body.name} has a public frontend and is no reverse proxy's (443 and 80 to Reverse Proxy servers only)` });
    }
  }
  for (const pip of blocks(json, 'azurerm_public_ip')) {
    if (!users.has(pip.key)) out.push({ invariant: 'SEC-3', address: address(pip), message: `public IP ${pip.body.name} is attached to neither an Edge external NIC, a Bastion host nor a reverse proxy` });
  }
  return out;
}

/** A rendered load balancer with its rules, the probe of each rule and the VMs behind it. */
export interface RenderedLoadBalancer {
  readonly address: string;
  readonly name: string;
  readonly rules: readonly { readonly address: string; readonly body: Json; readonly probe?: Json }[];
  /** `sfb-role` tags of the member VMs, one per member NIC. */
  readonly memberRoles: readonly string[];
  /** Logical IDs of the member VMs, one per member NIC. */
  readonly memberKeys: readonly string[];
  /** Whether every member is a SQL Server VM of a back end (`sfb-role = Back End`). */
  readonly sqlOnly: boolean;
}

/** Every load balancer of a configuration, followed through pools and NIC associations to its VMs. */
export function renderedLoadBalancers(json: Json): RenderedLoadBalancer[] {
  const r = json.resource ?? {};
  const vms = blocks(json, 'azurerm_windows_virtual_machine', 'azurerm_linux_virtual_machine');
  const vmOfNic = (nic: string | undefined) => vms.find((vm) => list<string>(vm.body.network_interface_ids).some((id) => referenced(id)?.[1] === nic));
  return blocks(json, 'azurerm_lb').map((lb) => {
    const ofLb = (b: Block) => referenced(b.body.loadbalancer_id)?.[1] === lb.key;
    const pools = new Set(blocks(json, 'azurerm_lb_backend_address_pool').filter(ofLb).map((b) => b.key));
    const members = blocks(json, 'azurerm_network_interface_backend_address_pool_association')
      .filter((a) => pools.has(referenced(a.body.backend_address_pool_id)?.[1] ?? ''))
      .map((a) => vmOfNic(referenced(a.body.network_interface_id)?.[1]));
    const roles = members.map((vm) => String(vm?.body.tags?.['sfb-role'] ?? 'none'));
    return {
      address: address(lb),
      name: String(lb.body.name),
      rules: blocks(json, 'azurerm_lb_rule')
        .filter(ofLb)
        .map((b) => ({ address: address(b), body: b.body, probe: r.azurerm_lb_probe?.[referenced(b.body.probe_id)?.[1] ?? ''] })),
      memberRoles: roles,
      memberKeys: members.flatMap((vm) => (vm ? [vm.key] : [])),
      sqlOnly: roles.length > 0 && roles.every((role) => role === 'Back End'),
    };
  });
}

/**
 * AZURE-2: no load-balancer rule enables Floating IP (direct server return), except in front of SQL
 * Server VMs only (the AlwaysOn listener and the failover-cluster network name need it).
 */
export function noFloatingIp(json: Json): InvariantViolation[] {
  return renderedLoadBalancers(json).flatMap((lb) =>
    lb.sqlOnly
      ? []
      : lb.rules
          .filter((rule) => rule.body.floating_ip_enabled === true)
          .map((rule) => ({ invariant: 'AZURE-2', address: rule.address, message: `rule ${rule.body.name} of ${lb.name} (in front of ${[...new Set(lb.memberRoles)].join(', ')}) enables Floating IP` })),
  );
}

const WEB_ROLES = new Set(['Front End', 'Standard Edition', 'Director']);
/** Web-services ports and the distribution each needs (DNS-10): affinity inside, none for the reverse proxy. */
const WEB_DISTRIBUTION: Readonly<Record<number, string>> = { 80: 'SourceIP', 443: 'SourceIP', 8080: 'Default', 4443: 'Default' };

/** The load balancers in front of Front End, Standard Edition or Director servers. */
export function webLoadBalancers(json: Json): RenderedLoadBalancer[] {
  return renderedLoadBalancers(json).filter((lb) => lb.memberRoles.length > 0 && lb.memberRoles.every((role) => WEB_ROLES.has(role)));
}

/**
 * AZURE-4 (DNS-10): a web load balancer balances 80, 443, 8080 and 4443; 80/443 with SourceIP,
 * 8080/4443 with Default distribution (the provider's default when absent); every rule idles at least 30
 * minutes and probes TCP 5061.
 */
export function webLoadBalancing(json: Json): InvariantViolation[] {
  return webLoadBalancers(json).flatMap((lb) => {
    const out: InvariantViolation[] = [];
    const ports = lb.rules.map((rule) => Number(rule.body.frontend_port));
    const missing = Object.keys(WEB_DISTRIBUTION).map(Number).filter((p) => !ports.includes(p));
    if (missing.length > 0) out.push({ invariant: 'AZURE-4', address: lb.address, message: `${lb.name} has no rule for web port(s) ${missing.join(', ')}` });
    for (const { address: where, body, probe } of lb.rules) {
      const wanted = WEB_DISTRIBUTION[Number(body.frontend_port)];
      const distribution = body.load_distribution ?? 'Default';
      if (wanted !== undefined && distribution !== wanted) {
        out.push({ invariant: 'AZURE-4', address: where, message: `rule ${body.name} on port ${body.frontend_port} uses ${distribution} distribution, not ${wanted}` });
      }
      if (!(Number(body.idle_timeout_in_minutes) >= 30)) {
        out.push({ invariant: 'AZURE-4', address: where, message: `rule ${body.name} idles out after ${body.idle_timeout_in_minutes ?? 4} minutes, not at least 30` });
      }
      if (probe?.protocol !== 'Tcp' || probe?.port !== 5061) {
        out.push({ invariant: 'AZURE-4', address: where, message: `rule ${body.name} probes ${probe ? `${probe.protocol} ${probe.port}` : 'nothing'}, not TCP 5061` });
      }
    }
    return out;
  });
}

/**
 * FE-13, DIR-5 (DNS-1): every Enterprise Edition Front End and every Director sits behind a web load
 * balancer (DNS load balancing cannot carry HTTP), and a balancer that takes SIP in hardware (5061)
 * takes 444 too. A Standard Edition server is one server and has none.
 */
export function webPoolsBalanced(json: Json): InvariantViolation[] {
  const lbs = webLoadBalancers(json);
  const behind = new Set(lbs.flatMap((lb) => lb.memberKeys));
  const out: InvariantViolation[] = [];
  for (const vm of blocks(json, 'azurerm_windows_virtual_machine')) {
    const role = String(vm.body.tags?.['sfb-role'] ?? '');
    if ((role === 'Front End' || role === 'Director') && !behind.has(vm.key)) {
      out.push({ invariant: role === 'Director' ? 'DIR-5' : 'FE-13', address: address(vm), message: `${role} server ${vm.body.computer_name} is behind no web load balancer` });
    }
  }
  for (const lb of lbs) {
    const ports = new Set(lb.rules.map((rule) => Number(rule.body.frontend_port)));
    if (ports.has(5061) && !ports.has(444)) out.push({ invariant: lb.memberRoles.includes('Director') ? 'DIR-5' : 'FE-13', address: lb.address, message: `${lb.name} balances SIP 5061 in hardware but not 444` });
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

/**
 * ASG-1, Azure's rules for application security groups in NSG rules
 * (azure-docs articles/virtual-network/application-security-groups.md): a side names groups or
 * addresses, not both; a group a rule names exists and is in the NSG's region; every NIC of a group
 * is in one virtual network, the one whose subnet the rule's NSG filters.
 */
export function securityGroupPlacement(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const r = json.resource ?? {};
  const vnetOfNic = (nic: string) => list<Json>(r.azurerm_network_interface?.[nic]?.ip_configuration).map((c) => referenced(r.azurerm_subnet?.[referenced(c.subnet_id)?.[1] ?? '']?.virtual_network_name)?.[1])[0];
  const vnetsOfGroup = new Map<string, Set<string | undefined>>();
  for (const a of blocks(json, 'azurerm_network_interface_application_security_group_association')) {
    const asg = referenced(a.body.application_security_group_id)?.[1] ?? '';
    vnetsOfGroup.set(asg, (vnetsOfGroup.get(asg) ?? new Set()).add(vnetOfNic(referenced(a.body.network_interface_id)?.[1] ?? '')));
  }
  for (const [asg, vnets] of vnetsOfGroup) {
    if (vnets.size > 1) out.push({ invariant: 'ASG-1', address: `azurerm_application_security_group.${asg}`, message: `holds NICs of ${vnets.size} virtual networks; Azure requires one` });
  }
  const vnetOfNsg = new Map<string, string | undefined>();
  for (const a of blocks(json, 'azurerm_subnet_network_security_group_association')) {
    vnetOfNsg.set(referenced(a.body.network_security_group_id)?.[1] ?? '', referenced(r.azurerm_subnet?.[referenced(a.body.subnet_id)?.[1] ?? '']?.virtual_network_name)?.[1]);
  }
  for (const b of blocks(json, 'azurerm_network_security_rule')) {
    const nsg = referenced(b.body.network_security_group_name)?.[1] ?? '';
    for (const side of ['source', 'destination']) {
      const ids = list<string>(b.body[`${side}_application_security_group_ids`]);
      if (ids.length === 0) continue;
      if (b.body[`${side}_address_prefix`] !== undefined || b.body[`${side}_address_prefixes`] !== undefined) {
        out.push({ invariant: 'ASG-1', address: address(b), message: `rule ${b.body.name} names both addresses and groups as its ${side}` });
      }
      for (const id of ids) {
        const asg = referenced(id)?.[1] ?? '';
        const group = r.azurerm_application_security_group?.[asg];
        if (!group) out.push({ invariant: 'ASG-1', address: address(b), message: `rule ${b.body.name} names ${id}, which the configuration does not create` });
        else if (group.location !== r.azurerm_network_security_group?.[nsg]?.location) out.push({ invariant: 'ASG-1', address: address(b), message: `rule ${b.body.name} names group ${group.name} of ${group.location}; its NSG is in ${r.azurerm_network_security_group?.[nsg]?.location}` });
        else if (![...(vnetsOfGroup.get(asg) ?? [])].every((v) => v === vnetOfNsg.get(nsg))) out.push({ invariant: 'ASG-1', address: address(b), message: `rule ${b.body.name} names group ${group.name}, whose NICs are in another virtual network than the NSG's subnet` });
      }
    }
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

/** The domain of a DNS zone reference: a literal zone name, or `${azurerm_*dns_zone.key.name}`. */
function zoneDomain(json: Json, zone: unknown): string {
  const ref = referenced(zone);
  return String(ref ? json.resource?.[ref[0]]?.[ref[1]]?.name : zone).toLowerCase();
}

const fqdnOf = (json: Json, body: Json) => {
  const zone = zoneDomain(json, body.zone_name);
  return body.name === '@' ? zone : `${String(body.name).toLowerCase()}.${zone}`;
};

/** Every SRV record set of a configuration, public and private, with its FQDN. */
export function srvRecordSets(json: Json): { address: string; fqdn: string; body: Json }[] {
  return blocks(json, 'azurerm_dns_srv_record', 'azurerm_private_dns_srv_record').map((b) => ({ address: address(b), fqdn: fqdnOf(json, b.body), body: b.body }));
}

/**
 * The Access Edge public IP of every Edge server: the first IP configuration of the first NIC of a VM
 * tagged `sfb-role = Edge` (EdgePool orders the services access, webconf, av).
 */
export function edgeAccessIps(json: Json): { vm: string; publicIp: string }[] {
  const nics = json.resource?.azurerm_network_interface ?? {};
  return blocks(json, 'azurerm_windows_virtual_machine')
    .filter((vm) => vm.body.tags?.['sfb-role'] === 'Edge')
    .map((vm) => {
      const nic = nics[referenced(list<string>(vm.body.network_interface_ids)[0])?.[1] ?? ''];
      return { vm: address(vm), publicIp: referenced(list<Json>(nic?.ip_configuration)[0]?.public_ip_address_id)?.[1] ?? '' };
    });
}

/**
 * SRV-3: each SRV record set holds one entry per pool (no target twice), and every Edge server's Access
 * Edge address is behind a target of the public `_sip._tls` set, so every Edge pool has its entry.
 * Give it a whole deployment: with a stack per site, merge the stacks first (the SRV sets live in the
 * global stack, the Edge servers in their sites').
 */
export function srvEntryPerPool(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const sets = srvRecordSets(json);
  for (const set of sets) {
    const targets = list<Json>(set.body.record).map((e) => String(e.target).toLowerCase());
    targets.forEach((t, i) => {
      if (targets.indexOf(t) < i) out.push({ invariant: 'SRV-3', address: set.address, message: `${set.fqdn} holds ${t} ${targets.filter((x) => x === t).length} times; one entry per pool` });
    });
  }
  const edges = edgeAccessIps(json);
  if (edges.length === 0) return out;
  const sip = sets.filter((s) => s.address.startsWith('azurerm_dns_srv_record.') && s.fqdn.startsWith('_sip._tls.'));
  if (sip.length === 0) return [...out, { invariant: 'SRV-3', address: edges[0].vm, message: 'there are Edge servers but no public _sip._tls record set' }];
  const targets = new Set(sip.flatMap((s) => list<Json>(s.body.record).map((e) => String(e.target).toLowerCase())));
  const reached = new Set(
    blocks(json, 'azurerm_dns_a_record')
      .filter((a) => targets.has(fqdnOf(json, a.body)))
      .flatMap((a) => list<string>(a.body.records).map((v) => referenced(v)?.[1])),
  );
  for (const e of edges) {
    if (!reached.has(e.publicIp)) out.push({ invariant: 'SRV-3', address: e.vm, message: `the Access Edge address of Edge server ${e.vm} is behind no _sip._tls target; its pool has no entry` });
  }
  return out;
}

/** The resources of several stacks as one configuration (a deployment with a stack per site). */
export function mergeStacks(jsons: readonly Json[]): Json {
  const resource: Record<string, Record<string, Json>> = {};
  for (const j of jsons) {
    for (const [type, byKey] of Object.entries<Record<string, Json>>(j.resource ?? {})) {
      for (const [key, body] of Object.entries(byKey)) {
        if (resource[type]?.[key] !== undefined) throw new Error(`mergeStacks: ${type}.${key} is in two stacks`);
        (resource[type] ??= {})[key] = body;
      }
    }
  }
  return { resource };
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
/**
 * TOPO-3 (satisfied by construction): every Application Gateway is v2, keeps the Host header (no host
 * override, nothing picked from the backend), forwards each HTTPS listener to 4443 (a farm: 443) and
 * each HTTP listener to 8080, and gives every routing rule its own priority in 1..20000.
 */
export function reverseProxyBridging(json: Json): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  for (const gw of blocks(json, 'azurerm_application_gateway')) {
    const where = address(gw);
    const say = (message: string) => out.push({ invariant: 'TOPO-3', address: where, message: `${gw.body.name}: ${message}` });
    if (!/_v2$/.test(String(gw.body.sku?.tier))) say(`tier ${gw.body.sku?.tier} is not v2`);
    const settings = new Map(list<Json>(gw.body.backend_http_settings).map((b) => [b.name, b]));
    for (const b of settings.values()) {
      if (b.pick_host_name_from_backend_address !== false || b.host_name !== undefined) say(`backend settings ${b.name} rewrite the Host header`);
    }
    const listeners = new Map(list<Json>(gw.body.http_listener).map((l) => [l.name, l]));
    // An Office Online Server farm (probed on its discovery document) is the one HTTPS next hop on 443.
    const farmProbes = new Set(list<Json>(gw.body.probe).filter((p) => p.path === '/hosting/discovery').map((p) => p.name));
    const priorities = new Set<number>();
    for (const r of list<Json>(gw.body.request_routing_rule)) {
      const p = Number(r.priority);
      if (!(p >= 1 && p <= 20000) || priorities.has(p)) say(`routing rule ${r.name} has priority ${r.priority}, not a unique 1..20000`);
      priorities.add(p);
      const l = listeners.get(r.http_listener_name);
      const b = settings.get(r.backend_http_settings_name);
      const allowed = l?.protocol !== 'Https' ? [8080] : farmProbes.has(b?.probe_name) ? [443] : [4443];
      if (!l || !b || b.protocol !== l.protocol || !allowed.includes(Number(b.port))) say(`listener ${r.http_listener_name} (${l?.protocol}) goes to ${b?.protocol} ${b?.port}, not 443 to 4443 / 80 to 8080`);
    }
  }
  return out;
}

export const INVARIANTS: readonly ((json: Json) => InvariantViolation[])[] = [
  noLiteralSecrets,
  noInternetAdminPorts,
  publicIpsOnlyOnEdge,
  nsgPriorities,
  securityGroupPlacement,
  oneRecordSetPerName,
  srvEntryPerPool,
  noFloatingIp,
  webLoadBalancing,
  webPoolsBalanced,
  azureNameLimits,
  providerConstraints,
  reverseProxyBridging,
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
