/**
 * Reachability computed from the synthesized Terraform JSON alone, as Azure enforces it, independent
 * of the library's model and of lib/model/flows.ts: the destination's subnet picks the network security
 * group its association names; the group's inbound `azurerm_network_security_rule`s are evaluated in
 * priority order and the first that matches decides (allow or deny); when none matches, Azure's
 * default rules decide (MicrosoftDocs/azure-docs articles/virtual-network/network-security-groups-overview.md):
 * AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500.
 *
 * Service tags (articles/virtual-network/service-tags-overview.md):
 * - `VirtualNetwork`: the destination's virtual network, the networks it peers with, the networks
 *   connected to it (given as `connected`: on-premises clients, gateways) and the host's virtual IP
 *   168.63.129.16 ("the virtual IP address of the host", network-watcher/diagnose-network-security-rules.md).
 * - `AzureLoadBalancer`: 168.63.129.16, where health probes come from.
 * - `Internet`: every address outside private, shared, link-local and loopback space (and the host IP).
 * - `*`: everything.
 * Application security groups: a rule's `*_application_security_group_ids` stand for every private
 * address of the NICs associated with the group (`azurerm_network_interface_application_security_group_association`).
 * Outbound rules are not evaluated: the library writes none, so Azure's default outbound rules
 * (AllowVnetOutBound, AllowInternetOutBound) admit everything a source sends.
 */
type Json = any;

export const HOST_IP = '168.63.129.16';

const ints = new Map<string, number>();
const ipToInt = (ip: string): number => {
  let n = ints.get(ip);
  if (n === undefined) {
    n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    ints.set(ip, n);
  }
  return n;
};

const parsed = new Map<string, readonly [number, number]>();

/** `[first, end)` of a CIDR or address, parsed once. */
function rangeOf(cidr: string): readonly [number, number] {
  let r = parsed.get(cidr);
  if (!r) {
    const [base, bits] = cidr.split('/');
    const lo = ipToInt(base);
    r = [lo, lo + 2 ** (32 - Number(bits ?? 32))];
    parsed.set(cidr, r);
  }
  return r;
}

function inCidr(cidr: string, ip: string): boolean {
  const [lo, hi] = rangeOf(cidr);
  const x = ipToInt(ip);
  return x >= lo && x < hi;
}

const NOT_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', `${HOST_IP}/32`];

/** `${type.key.attr}` → key. */
function refKey(value: string): string | undefined {
  return /^\$\{[a-z_]+\.([^.}]+)\.[a-z_]+\}$/.exec(value)?.[1];
}

export interface Connection {
  readonly sourceIp: string;
  readonly destinationIp: string;
  readonly protocol: 'Tcp' | 'Udp';
  readonly port: number;
}

export interface Decision {
  readonly access: 'Allow' | 'Deny';
  /** The rule's name (ours) or Azure's default rule name. */
  readonly rule: string;
  readonly priority: number;
  /** NSG resource key, or undefined for a subnet without one. */
  readonly nsg?: string;
}

interface Rule {
  readonly name: string;
  readonly priority: number;
  readonly access: 'Allow' | 'Deny';
  readonly protocol: string;
  readonly ports: readonly string[];
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
}

interface Compiled {
  readonly rule: Rule;
  readonly protocol: string;
  readonly ports: readonly (readonly [number, number])[];
  readonly sources: readonly (readonly [number, number])[];
  readonly destinations: readonly (readonly [number, number])[];
}

/** A compiled view of one synthesized configuration. */
export class NsgEvaluator {
  private readonly subnets: { key: string; prefixes: string[]; vnet: string }[] = [];
  private readonly vnetSpace = new Map<string, string[]>();
  private readonly peers = new Map<string, string[]>();
  private readonly nsgOfSubnet = new Map<string, string>();
  private readonly rules = new Map<string, Rule[]>();

  constructor(json: Json, private readonly connected: readonly string[] = []) {
    const r = json.resource ?? {};
    for (const [key, v] of Object.entries<Json>(r.azurerm_virtual_network ?? {})) this.vnetSpace.set(key, v.address_space);
    for (const [key, s] of Object.entries<Json>(r.azurerm_subnet ?? {})) this.subnets.push({ key, prefixes: s.address_prefixes, vnet: refKey(s.virtual_network_name)! });
    for (const p of Object.values<Json>(r.azurerm_virtual_network_peering ?? {})) {
      const from = refKey(p.virtual_network_name)!;
      if (p.allow_virtual_network_access === false) continue;
      this.peers.set(from, [...(this.peers.get(from) ?? []), refKey(p.remote_virtual_network_id)!]);
    }
    for (const a of Object.values<Json>(r.azurerm_subnet_network_security_group_association ?? {})) this.nsgOfSubnet.set(refKey(a.subnet_id)!, refKey(a.network_security_group_id)!);
    const nicAddresses = new Map<string, string[]>();
    for (const [key, n] of Object.entries<Json>(r.azurerm_network_interface ?? {})) nicAddresses.set(key, (n.ip_configuration ?? []).map((c: Json) => `${c.private_ip_address}/32`));
    const groupMembers = new Map<string, string[]>();
    for (const a of Object.values<Json>(r.azurerm_network_interface_application_security_group_association ?? {})) {
      const asg = refKey(a.application_security_group_id)!;
      groupMembers.set(asg, [...(groupMembers.get(asg) ?? []), ...(nicAddresses.get(refKey(a.network_interface_id)!) ?? [])]);
    }
    for (const x of Object.values<Json>(r.azurerm_network_security_rule ?? {})) {
      if (x.direction !== 'Inbound') continue;
      const nsg = refKey(x.network_security_group_name)!;
      const groups = (ids: string[] | undefined): string[] | undefined => ids?.flatMap((id) => groupMembers.get(refKey(id)!) ?? []);
      const list = (one: string | undefined, many: string[] | undefined, asgs?: string[]): string[] => groups(asgs) ?? many ?? (one !== undefined ? [one] : []);
      this.rules.set(nsg, [
        ...(this.rules.get(nsg) ?? []),
        {
          name: x.name,
          priority: Number(x.priority),
          access: x.access,
          protocol: x.protocol,
          ports: list(x.destination_port_range, x.destination_port_ranges),
          sources: list(x.source_address_prefix, x.source_address_prefixes, x.source_application_security_group_ids),
          destinations: list(x.destination_address_prefix, x.destination_address_prefixes, x.destination_application_security_group_ids),
        },
      ]);
    }
    for (const list of this.rules.values()) list.sort((a, b) => a.priority - b.priority);
  }

  /** The subnet resource key an address is in. */
  subnetOf(ip: string): string | undefined {
    return this.subnets.find((s) => s.prefixes.some((p) => inCidr(p, ip)))?.key;
  }

  private readonly vnetCache = new Map<string, string[]>();

  private virtualNetwork(vnet: string): string[] {
    const cached = this.vnetCache.get(vnet);
    if (cached) return cached;
    const tag = this.computeVirtualNetwork(vnet);
    this.vnetCache.set(vnet, tag);
    return tag;
  }

  private computeVirtualNetwork(vnet: string): string[] {
    // A peering in the destination's direction makes the remote network part of its VirtualNetwork tag.
    const peered = (this.peers.get(vnet) ?? []).filter((remote) => (this.peers.get(remote) ?? []).includes(vnet));
    return [...(this.vnetSpace.get(vnet) ?? []), ...peered.flatMap((p) => this.vnetSpace.get(p) ?? []), ...this.connected, `${HOST_IP}/32`];
  }

  /** The ranges a prefix or tag stands for in a virtual network's NSGs. */
  private ranges(prefix: string, vnet: string): (readonly [number, number])[] {
    if (prefix === '*' || prefix === '0.0.0.0/0' || prefix === 'Any') return [[0, 2 ** 32]];
    if (prefix === 'VirtualNetwork') return this.virtualNetwork(vnet).map(rangeOf);
    if (prefix === 'AzureLoadBalancer') return [rangeOf(`${HOST_IP}/32`)];
    if (prefix === 'Internet') {
      const holes = NOT_INTERNET.map(rangeOf).sort((a, b) => a[0] - b[0]);
      const out: (readonly [number, number])[] = [];
      let at = 0;
      for (const [lo, hi] of holes) {
        if (lo > at) out.push([at, lo]);
        at = Math.max(at, hi);
      }
      out.push([at, 2 ** 32]);
      return out;
    }
    if (/^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(prefix)) return [rangeOf(prefix.includes('/') ? prefix : `${prefix}/32`)];
    throw new Error(`the evaluator does not know the prefix or tag "${prefix}"`);
  }

  private readonly compiled = new Map<string, Compiled[]>();

  private compiledRules(nsg: string, vnet: string): Compiled[] {
    let list = this.compiled.get(nsg);
    if (!list) {
      list = (this.rules.get(nsg) ?? []).map((r) => ({
        rule: r,
        protocol: r.protocol.toLowerCase(),
        ports: r.ports.map((p): [number, number] => {
          if (p === '*') return [0, 65535];
          const [lo, hi] = p.split('-').map(Number);
          return [lo, hi ?? lo];
        }),
        sources: r.sources.flatMap((p) => this.ranges(p, vnet)),
        destinations: r.destinations.flatMap((p) => this.ranges(p, vnet)),
      }));
      this.compiled.set(nsg, list);
    }
    return list;
  }

  /** What Azure decides for an inbound connection; undefined when the destination is in no subnet of the configuration. */
  decide(c: Connection): Decision | undefined {
    const subnet = this.subnets.find((s) => s.prefixes.some((p) => inCidr(p, c.destinationIp)));
    if (!subnet) return undefined;
    const nsg = this.nsgOfSubnet.get(subnet.key);
    const x = ipToInt(c.sourceIp);
    const y = ipToInt(c.destinationIp);
    const within = (ranges: readonly (readonly [number, number])[], v: number) => ranges.some(([lo, hi]) => v >= lo && v < hi);
    const protocol = c.protocol.toLowerCase();
    for (const r of nsg ? this.compiledRules(nsg, subnet.vnet) : []) {
      if (r.protocol !== '*' && r.protocol !== protocol) continue;
      if (!r.ports.some(([lo, hi]) => c.port >= lo && c.port <= hi)) continue;
      if (!within(r.sources, x) || !within(r.destinations, y)) continue;
      return { access: r.rule.access, rule: r.rule.name, priority: r.rule.priority, nsg };
    }
    if (within(this.ranges('VirtualNetwork', subnet.vnet), x)) return { access: 'Allow', rule: 'AllowVnetInBound', priority: 65000, nsg };
    if (c.sourceIp === HOST_IP) return { access: 'Allow', rule: 'AllowAzureLoadBalancerInBound', priority: 65001, nsg };
    return { access: 'Deny', rule: 'DenyAllInBound', priority: 65500, nsg };
  }

  allows(c: Connection): boolean {
    return this.decide(c)?.access === 'Allow';
  }
}
