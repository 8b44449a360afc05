/**
 * The one network module: subnets of a site, IPv4 CIDRs, containment and port ranges. Pure functions,
 * no cdktf: flows, rules, reports and the address plan all use these, so "reachable" means one thing.
 */

/** Subnets every site gets. Slot numbers are fixed so adding a role never moves another's addresses. */
export enum SubnetRole {
  FRONT_END = 'front-end',
  BACK_END = 'back-end',
  EDGE_INTERNAL = 'edge-internal',
  PERIMETER = 'perimeter',
  PERSISTENT_CHAT = 'persistent-chat',
  DIRECTOR = 'director',
  MEDIATION = 'mediation',
  INFRASTRUCTURE = 'infrastructure',
  BASTION = 'AzureBastionSubnet',
  /** Private endpoints (the backups' storage accounts): created on first use; Azure assigns their addresses. */
  PRIVATE_ENDPOINTS = 'private-endpoints',
  /** Office Online Server farms: created on first use, so sites without a farm keep their resources. */
  OFFICE_ONLINE = 'office-online',
  /** A ReverseProxy's (Application Gateway's dedicated subnet, or its Windows servers): created on first use. */
  REVERSE_PROXY = 'reverse-proxy',
  /** The subnet of a branch site in Azure (its whole network): never created in a central site. */
  SURVIVABLE_BRANCH = 'survivable-branch',
}

const SLOTS: Record<SubnetRole, number> = {
  [SubnetRole.FRONT_END]: 0,
  [SubnetRole.BACK_END]: 1,
  [SubnetRole.EDGE_INTERNAL]: 2,
  [SubnetRole.PERIMETER]: 3,
  [SubnetRole.PERSISTENT_CHAT]: 4,
  [SubnetRole.DIRECTOR]: 5,
  [SubnetRole.MEDIATION]: 6,
  [SubnetRole.INFRASTRUCTURE]: 7,
  [SubnetRole.BASTION]: 8,
  [SubnetRole.PRIVATE_ENDPOINTS]: 9,
  [SubnetRole.OFFICE_ONLINE]: 10,
  [SubnetRole.REVERSE_PROXY]: 11,
  // The last slot: a central site never creates it, and the roles to come keep the free slots between.
  [SubnetRole.SURVIVABLE_BRANCH]: 15,
};

/** The address space is cut into 16 equal slots; a /22 gives /26 subnets, the smallest Azure Bastion accepts. */
const SLOT_BITS = 4;
export const MAX_PREFIX = 22;
export const MIN_PREFIX = 8;

export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Parses an IPv4 CIDR; returns a reason string when it is malformed. */
export function parseCidr(text: string): Cidr | string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return 'is not an IPv4 CIDR like 10.1.0.0/16';
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return 'has an octet above 255';
  const prefix = Number(m[5]);
  if (prefix > 32) return 'has a prefix length above 32';
  const base = ipToInt(octets.join('.'));
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return `has host bits set (the network address is ${intToIp(base - (base % size))}/${prefix})`;
  return { base, prefix };
}

export function cidrToString(c: Cidr): string {
  return `${intToIp(c.base)}/${c.prefix}`;
}

/** The CIDR of a role's subnet inside a site's address space. */
export function subnetCidr(space: Cidr, role: SubnetRole): Cidr {
  const prefix = space.prefix + SLOT_BITS;
  return { base: space.base + SLOTS[role] * 2 ** (32 - prefix), prefix };
}

/** Whether a CIDR contains another one or an address. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  const size = 2 ** (32 - outer.prefix);
  return inner.base >= outer.base && inner.base < outer.base + size;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** An address range `[first, end)` as numbers, or undefined for a prefix that is not an IPv4 address or CIDR. */
export function rangeOf(prefix: string): readonly [number, number] | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/.exec(prefix);
  if (!m) return undefined;
  const base = ipToInt(m[1]);
  return [base, base + 2 ** (32 - Number(m[2] ?? 32))];
}

/** Whether an IPv4 CIDR (or a single address) contains an address. */
export function cidrContains(prefix: string, ip: string): boolean {
  const r = rangeOf(prefix);
  const x = ipToInt(ip);
  return r !== undefined && x >= r[0] && x < r[1];
}

/** A port or range of a flow (`443`, `50000-59999`, `*`) as `[low, high]`, both included. */
export function portRange(text: string): readonly [number, number] {
  if (text === '*') return [0, 65535];
  const [lo, hi] = text.split('-').map(Number);
  return [lo, hi ?? lo];
}

/** Whether a flow's port list covers a port. */
export function portsCover(ranges: readonly string[], port: number): boolean {
  return ranges.some((r) => {
    const [lo, hi] = portRange(r);
    return port >= lo && port <= hi;
  });
}
