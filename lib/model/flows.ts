/**
 * Whether the model's NSG rules admit a connection: the one meaning of "reachable" every rule uses,
 * and the one Azure enforces. The destination's subnet picks the NSG; its rules are evaluated in
 * priority order and the first that matches decides, allow or deny; when none matches, Azure's default
 * inbound rules decide (AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound
 * 65500: MicrosoftDocs/azure-docs articles/virtual-network/network-security-groups-overview.md,
 * "Default security rules").
 */
import { cidrContains, ipToInt, parseCidr, portRange, rangeOf, SubnetRole, subnetCidr, cidrToString } from './network';
import { FlowModel, SiteModel, TopologyModel } from './topology';
import { planIndex } from './memo';

export { cidrContains };

/** Sites whose networks peer with `site` in both directions. */
export function peeredSites(model: TopologyModel, sitePath: string): SiteModel[] {
  const peerings = model.peerings ?? [];
  const has = (from: string, to: string) => peerings.some((p) => p.fromSitePath === from && p.toSitePath === to);
  return model.sites.filter((s) => s.path !== sitePath && has(sitePath, s.path) && has(s.path, sitePath));
}

/** Whether two sites are peered both ways (a site reaches itself). */
export function sitesPeered(model: TopologyModel, a: string, b: string): boolean {
  return a === b || peeredSites(model, a).some((s) => s.path === b);
}

/** An address range `[first, end)` as numbers. */
export type Range = readonly [number, number];

/** Where Azure's health probes and the host's services come from (the AzureLoadBalancer tag). */
export const AZURE_HOST_IP = '168.63.129.16';

/** Ranges that are not the Internet tag: private, shared, link-local and loopback space, and the host IP. */
const NOT_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', `${AZURE_HOST_IP}/32`, '0.0.0.0/8', '224.0.0.0/3'];

/** The complement of `holes` in the IPv4 space, as sorted ranges. */
function complement(holes: readonly string[]): Range[] {
  const sorted = holes.map((h) => rangeOf(h)!).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let at = 0;
  for (const [lo, hi] of sorted) {
    if (lo > at) out.push([at, lo]);
    at = Math.max(at, hi);
  }
  if (at < 2 ** 32) out.push([at, 2 ** 32]);
  return out;
}

const INTERNET_RANGES = complement(NOT_INTERNET);

/**
 * The ranges a prefix or service tag stands for, as seen from an NSG. `virtualNetwork` is what the
 * VirtualNetwork tag covers there: the NSG's own and peered sites, the networks connected to them
 * (the model does not know those: none), and the host's virtual IP.
 */
export function tagRanges(prefix: string, virtualNetwork: readonly string[]): Range[] {
  if (prefix === '*' || prefix === 'Any' || prefix === '0.0.0.0/0') return [[0, 2 ** 32]];
  if (prefix === 'Internet') return INTERNET_RANGES;
  if (prefix === 'AzureLoadBalancer') return [rangeOf(`${AZURE_HOST_IP}/32`)!];
  if (prefix === 'VirtualNetwork') return [...virtualNetwork, `${AZURE_HOST_IP}/32`].flatMap((p) => (rangeOf(p) ? [rangeOf(p)!] : []));
  const r = rangeOf(prefix);
  return r ? [r] : [];
}

/** A rule with its prefixes and ports resolved to numbers, as seen from its NSG. */
interface CompiledRule {
  readonly flow: FlowModel;
  readonly ports: readonly (readonly [number, number])[];
  readonly sources: readonly Range[];
  readonly destinations: readonly Range[];
}

/** An NSG's inbound rules compiled, in priority order, and what its VirtualNetwork tag covers. */
interface CompiledNsg {
  readonly rules: readonly CompiledRule[];
  readonly virtualNetwork: readonly Range[];
}

/** FILE-4, PAIR-11 and EDGE-20 ask about many server pairs: compile each model's NSGs once, all at once. */
const compiled = planIndex<Map<string, CompiledNsg>>('compiled');

function compiledNsg(model: TopologyModel, site: SiteModel, nsg: string): CompiledNsg {
  let byNsg = compiled.get(model);
  if (!byNsg) {
    byNsg = new Map();
    compiled.set(model, byNsg);
  }
  let entry = byNsg.get(nsg);
  if (!entry) {
    // One pass groups every NSG's flows, so asking about N NSGs costs one walk of the flows, not N.
    let inbound = inboundByNsg.get(model);
    if (!inbound) {
      inbound = new Map();
      for (const f of model.flows) {
        if (f.direction !== 'Inbound') continue;
        const list = inbound.get(f.nsg);
        if (list) list.push(f);
        else inbound.set(f.nsg, [f]);
      }
      inboundByNsg.set(model, inbound);
    }
    const vnet = [site, ...peeredSites(model, site.path)].map((s) => s.addressSpace);
    const ranges = (prefixes: readonly string[]) => prefixes.flatMap((p) => tagRanges(p, vnet));
    const rules = [...(inbound.get(nsg) ?? [])]
      .sort((a, b) => a.priority - b.priority)
      .map((f) => ({ flow: f, ports: f.ports.map(portRange), sources: ranges(f.sourcePrefixes), destinations: ranges(f.destinationPrefixes) }));
    entry = { rules, virtualNetwork: tagRanges('VirtualNetwork', vnet) };
    byNsg.set(nsg, entry);
  }
  return entry;
}
const inboundByNsg = planIndex<Map<string, FlowModel[]>>('inboundByNsg');

function compiledRules(model: TopologyModel, site: SiteModel, nsg: string): readonly CompiledRule[] {
  return compiledNsg(model, site, nsg).rules;
}

/** Whether an address lies in one of the ranges. */
function within(ranges: readonly Range[], x: number): boolean {
  return ranges.some(([lo, hi]) => x >= lo && x < hi);
}

export interface Connection {
  readonly sourceIp: string;
  readonly destinationIp: string;
  readonly protocol: 'Tcp' | 'Udp';
  readonly port: number;
}

interface SubnetRange {
  readonly site: SiteModel;
  readonly role: SubnetRole;
  readonly nsg: string;
  readonly range: Range;
  readonly reach: number;
}

const subnetRanges = planIndex<SubnetRange[]>('subnetRanges');

/** Every subnet of every site as a numeric range, sorted by first address, computed once per model. */
function subnetsOfModel(model: TopologyModel): SubnetRange[] {
  let list = subnetRanges.get(model);
  if (!list) {
    let reach = 0;
    list = model.sites
      .flatMap((site) => {
        const space = parseCidr(site.addressSpace);
        if (typeof space === 'string') return [];
        return Object.values(SubnetRole).map((role) => ({ site, role, nsg: `${site.name}/${role}`, range: rangeOf(cidrToString(subnetCidr(space, role)))! }));
      })
      .sort((a, b) => a.range[0] - b.range[0])
      // reach: the furthest end of this subnet or any before it, so a miss stops scanning early.
      .map((r) => ({ ...r, reach: (reach = Math.max(reach, r.range[1])) }));
    subnetRanges.set(model, list);
  }
  return list;
}

/** The subnet holding an address (as a number): the last subnet starting at or before it, if it ends after it. */
function subnetAt(model: TopologyModel, x: number): SubnetRange | undefined {
  const list = subnetsOfModel(model);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].range[0] <= x) lo = mid + 1;
    else hi = mid;
  }
  // Overlapping site spaces are a finding of their own (ADDR rules); the first match is as good as any.
  for (let i = lo - 1; i >= 0 && x < list[i].reach; i--) if (x < list[i].range[1]) return list[i];
  return undefined;
}

/** The site and subnet role (the NSG label `site/role`) an address belongs to. */
export function subnetOf(model: TopologyModel, ip: string): { site: SiteModel; role: SubnetRole; nsg: string } | undefined {
  const hit = subnetAt(model, ipToInt(ip));
  return hit ? { site: hit.site, role: hit.role, nsg: hit.nsg } : undefined;
}

/** Azure's default inbound rules, as flows of an NSG (what decides when no rule of ours matches). */
function azureDefault(nsg: string, name: string, priority: number, access: 'Allow' | 'Deny', source: string): FlowModel {
  return { path: '', name, source, sourcePrefixes: [source], destination: '*', destinationPrefixes: ['*'], protocol: '*', ports: ['*'], nsg, priority, direction: 'Inbound', access, reference: 'MicrosoftDocs/azure-docs: articles/virtual-network/network-security-groups-overview.md' };
}

const vnetDefault = (nsg: string) => azureDefault(nsg, 'AllowVnetInBound', 65000, 'Allow', 'VirtualNetwork');

/**
 * The rule that decides a connection: the first of the destination subnet's NSG rules (in priority
 * order) that matches it, else Azure's default rule. Undefined for a destination in no site.
 */
export function decidingRule(model: TopologyModel, c: Connection): FlowModel | undefined {
  const src = ipToInt(c.sourceIp);
  const dst = ipToInt(c.destinationIp);
  const where = subnetAt(model, dst);
  if (!where) return undefined;
  const { site, nsg } = where;
  const { rules, virtualNetwork } = compiledNsg(model, site, nsg);
  const hit = rules.find(
    (f) =>
      (f.flow.protocol === '*' || f.flow.protocol === c.protocol) &&
      f.ports.some(([lo, hi]) => c.port >= lo && c.port <= hi) &&
      within(f.sources, src) &&
      within(f.destinations, dst),
  );
  if (hit) return hit.flow;
  if (within(virtualNetwork, src)) return vnetDefault(nsg);
  if (within(tagRanges('AzureLoadBalancer', []), src)) return azureDefault(nsg, 'AllowAzureLoadBalancerInBound', 65001, 'Allow', 'AzureLoadBalancer');
  return azureDefault(nsg, 'DenyAllInBound', 65500, 'Deny', '*');
}

/**
 * The rule that admits a connection (one of ours, or Azure's AllowVnetInBound when nothing of ours
 * decides), or undefined when the connection is denied.
 */
export function admittingFlow(model: TopologyModel, c: Connection): FlowModel | undefined {
  const rule = decidingRule(model, c);
  return rule && (rule.access ?? 'Allow') === 'Allow' ? rule : undefined;
}

/**
 * Whether anything at all passes from one address to another: the first rule that admits some port
 * between them (ours in priority order, or Azure's default AllowVnetInBound), or undefined when a rule
 * that denies every port and protocol between them comes first. Our NSGs deny only whole address
 * ranges (no per-port denies), so a rule that admits some port is not shadowed by an earlier partial
 * deny; the answer is exact for them.
 */
export function anyAdmittingFlow(model: TopologyModel, sourceIp: string, destinationIp: string): FlowModel | undefined {
  return anyAdmittingFlowFrom(model, sourceIp)(destinationIp);
}

/** Whether a rule denies every protocol and port (our NSGs deny only whole address ranges). */
function deniesEverything(f: CompiledRule): boolean {
  return (f.flow.access ?? 'Allow') !== 'Allow' && f.flow.protocol === '*' && f.ports.some(([lo, hi]) => lo === 0 && hi === 65535);
}

/** The first of `rules` that `matches` and admits, or undefined when a matching deny-everything comes first. */
function firstAdmitting(rules: readonly CompiledRule[], matches: (f: CompiledRule) => boolean, otherwise: () => FlowModel | undefined): FlowModel | undefined {
  for (const f of rules) {
    if (!matches(f)) continue;
    if ((f.flow.access ?? 'Allow') === 'Allow') return f.flow;
    if (deniesEverything(f)) return undefined;
  }
  return otherwise();
}


/**
 * anyAdmittingFlow from one source to many destinations: each destination NSG's rules are narrowed to
 * those matching the source once, so each further destination walks only those.
 */
export function anyAdmittingFlowFrom(model: TopologyModel, sourceIp: string): (destinationIp: string) => FlowModel | undefined {
  const src = ipToInt(sourceIp);
  const narrowed = new Map<string, { rules: readonly CompiledRule[]; otherwise: FlowModel | undefined }>();
  return (destinationIp) => {
    const dst = ipToInt(destinationIp);
    const where = subnetAt(model, dst);
    if (!where) return undefined;
    let entry = narrowed.get(where.nsg);
    if (!entry) {
      const { rules, virtualNetwork } = compiledNsg(model, where.site, where.nsg);
      entry = { rules: rules.filter((f) => within(f.sources, src)), otherwise: within(virtualNetwork, src) ? vnetDefault(where.nsg) : undefined };
      narrowed.set(where.nsg, entry);
    }
    const otherwise = entry.otherwise;
    return firstAdmitting(entry.rules, (f) => within(f.destinations, dst), () => otherwise);
  };
}

/** anyAdmittingFlow from many sources to one destination: its NSG's rules narrowed to those matching it once. */
export function anyAdmittingFlowTo(model: TopologyModel, destinationIp: string): (sourceIp: string) => FlowModel | undefined {
  const dst = ipToInt(destinationIp);
  const where = subnetAt(model, dst);
  if (!where) return () => undefined;
  const { rules, virtualNetwork } = compiledNsg(model, where.site, where.nsg);
  const narrowed = rules.filter((f) => within(f.destinations, dst));
  return (sourceIp) => {
    const src = ipToInt(sourceIp);
    return firstAdmitting(narrowed, (f) => within(f.sources, src), () => (within(virtualNetwork, src) ? vnetDefault(where.nsg) : undefined));
  };
}

/** The address range of the subnet holding an address, or undefined outside every site. */
export function subnetRangeOf(model: TopologyModel, ip: string): Range | undefined {
  return subnetAt(model, ipToInt(ip))?.range;
}

const meets = (ranges: readonly Range[], [lo, hi]: Range) => ranges.some(([a, b]) => a < hi && lo < b);
const covers = (ranges: readonly Range[], [lo, hi]: Range) => ranges.some(([a, b]) => a <= lo && hi <= b);

/**
 * Whether provably nothing passes from any address of `sources` to any of `destinations` (a range
 * inside one subnet): a rule that denies everything between them comes before any rule that could
 * admit some of it, and Azure's AllowVnetInBound does not cover them. False means "maybe": ask
 * anyAdmittingFlow per address. Lets a many-to-many question skip whole subnets at once.
 */
export function nothingPasses(model: TopologyModel, sources: Range, destinations: Range): boolean {
  const where = subnetAt(model, destinations[0]);
  if (!where) return true;
  const { rules, virtualNetwork } = compiledNsg(model, where.site, where.nsg);
  for (const f of rules) {
    if (!meets(f.sources, sources) || !meets(f.destinations, destinations)) continue;
    if ((f.flow.access ?? 'Allow') === 'Allow') return false;
    if (deniesEverything(f) && covers(f.sources, sources) && covers(f.destinations, destinations)) return true;
  }
  return !meets(virtualNetwork, sources);
}

/** The site whose address space holds an address. */
export function siteOfAddress(model: TopologyModel, ip: string): SiteModel | undefined {
  return subnetOf(model, ip)?.site ?? model.sites.find((s) => cidrContains(s.addressSpace, ip));
}

/** Sorts and merges ranges `[first, end)`. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The ranges two sorted, merged range lists have in common. */
export function intersectRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo < hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** What of `a` (sorted, merged) is not in `b` (sorted, merged). */
function subtractRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const [lo0, hi] of a) {
    let lo = lo0;
    for (const [blo, bhi] of b) {
      if (bhi <= lo || blo >= hi) continue;
      if (blo > lo) out.push([lo, blo]);
      lo = Math.max(lo, bhi);
      if (lo >= hi) break;
    }
    if (lo < hi) out.push([lo, hi]);
  }
  return out;
}

/** Whether sorted, merged ranges hold every address of `[lo, hi)` (binary search). */
export function rangesCover(ranges: readonly Range[], lo: number, hi: number): boolean {
  let a = 0;
  let b = ranges.length - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (lo < ranges[mid][0]) b = mid - 1;
    else if (lo >= ranges[mid][1]) a = mid + 1;
    else return hi <= ranges[mid][1];
  }
  return false;
}

const admittedCache = planIndex<Map<string, readonly Range[]>>('admittedCache');

/**
 * Every source address admitted to a destination, protocol and port, as sorted, merged ranges: what
 * `admittingFlow` answers for a whole set of sources at once (rules in priority order, the first match
 * decides; then Azure's defaults), computed once per model and question.
 */
export function admittedSources(model: TopologyModel, destinationIp: string, protocol: Connection['protocol'], port: number): readonly Range[] {
  let cache = admittedCache.get(model);
  if (!cache) {
    cache = new Map();
    admittedCache.set(model, cache);
  }
  const key = `${destinationIp}|${protocol}|${port}`;
  const known = cache.get(key);
  if (known) return known;
  const where = subnetOf(model, destinationIp);
  let admitted: Range[] = [];
  if (where) {
    const dst = ipToInt(destinationIp);
    let decided: Range[] = [];
    const consider = (sources: readonly Range[], allow: boolean) => {
      const fresh = subtractRanges(mergeRanges(sources), decided);
      if (allow) admitted = mergeRanges([...admitted, ...fresh]);
      decided = mergeRanges([...decided, ...fresh]);
    };
    for (const f of compiledRules(model, where.site, where.nsg)) {
      if (!(f.flow.protocol === '*' || f.flow.protocol === protocol)) continue;
      if (!f.ports.some(([lo, hi]) => port >= lo && port <= hi)) continue;
      if (!f.destinations.some(([lo, hi]) => dst >= lo && dst < hi)) continue;
      consider(f.sources, (f.flow.access ?? 'Allow') === 'Allow');
    }
    const vnet = [where.site, ...peeredSites(model, where.site.path)].map((s) => s.addressSpace);
    consider(tagRanges('VirtualNetwork', vnet), true);
    consider(tagRanges('AzureLoadBalancer', vnet), true);
  }
  cache.set(key, admitted);
  return admitted;
}
