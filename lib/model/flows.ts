/** Whether the model's NSG flows admit a connection: the one meaning of "reachable" every rule uses. */
import { cidrContains, ipToInt, portRange, rangeOf } from './network';
import { FlowModel, SiteModel, TopologyModel } from './topology';

export { cidrContains };

/**
 * Indexes built once per model (the model is immutable; WeakMaps keyed by it): the directed peerings
 * as a set, the sites by address range for a binary search, and per destination/protocol/port the
 * flows that admit it. Every query is then O(log sites + candidates), so the rules that ask about
 * every server pair (EDGE-5, PAIR-11, FILE-4, PCHAT-7) stay linear in the model.
 */
interface FlowIndex {
  readonly peered: ReadonlySet<string>;
  /** Sites sorted by the first address of their space, with the range `[first, end)`. */
  readonly sites: readonly { readonly lo: number; readonly hi: number; readonly site: SiteModel }[];
  readonly bySitePath: ReadonlyMap<string, SiteModel>;
  /** Compiled inbound flows per site path, built on first use. */
  readonly compiled: Map<string, CompiledFlow[]>;
  /** Inbound flows by the site name their NSG belongs to (`<site>/<subnet>`), in model order. */
  readonly inboundBySiteName: ReadonlyMap<string, readonly FlowModel[]>;
  /** Flows that admit a destination, protocol and port, in model order; key `ip|protocol|port`. */
  readonly candidates: Map<string, CompiledFlow[]>;
  /** Merged source ranges admitted to a destination, protocol and port; same key. */
  readonly sources: Map<string, Range[]>;
}

const indexes = new WeakMap<TopologyModel, FlowIndex>();

function indexOf(model: TopologyModel): FlowIndex {
  let index = indexes.get(model);
  if (!index) {
    const sites = model.sites.flatMap((site) => {
      const r = rangeOf(site.addressSpace);
      return r ? [{ lo: r[0], hi: r[1], site }] : [];
    });
    sites.sort((a, b) => a.lo - b.lo);
    const inboundBySiteName = new Map<string, FlowModel[]>();
    for (const f of model.flows) {
      if (f.direction !== 'Inbound') continue;
      const slash = f.nsg.indexOf('/');
      if (slash < 0) continue;
      const name = f.nsg.slice(0, slash);
      const list = inboundBySiteName.get(name);
      if (list) list.push(f);
      else inboundBySiteName.set(name, [f]);
    }
    index = {
      inboundBySiteName,
      peered: new Set((model.peerings ?? []).map((p) => `${p.fromSitePath}\n${p.toSitePath}`)),
      sites,
      bySitePath: new Map(model.sites.map((s) => [s.path, s])),
      compiled: new Map(),
      candidates: new Map(),
      sources: new Map(),
    };
    indexes.set(model, index);
  }
  return index;
}

/** Sites whose networks peer with `site` in both directions. */
export function peeredSites(model: TopologyModel, sitePath: string): SiteModel[] {
  const { peered } = indexOf(model);
  const has = (from: string, to: string) => peered.has(`${from}\n${to}`);
  return model.sites.filter((s) => s.path !== sitePath && has(sitePath, s.path) && has(s.path, sitePath));
}

/** Whether two sites are peered both ways (a site reaches itself). */
export function sitesPeered(model: TopologyModel, a: string, b: string): boolean {
  if (a === b) return true;
  const { peered, bySitePath } = indexOf(model);
  return bySitePath.has(a) && bySitePath.has(b) && peered.has(`${a}\n${b}`) && peered.has(`${b}\n${a}`);
}

/** The site whose address space holds an address (site spaces never overlap: CentralSite refuses it). */
export function siteOfAddress(model: TopologyModel, ip: string): SiteModel | undefined {
  const { sites } = indexOf(model);
  const x = ipToInt(ip);
  let lo = 0;
  let hi = sites.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (x < sites[mid].lo) hi = mid - 1;
    else if (x >= sites[mid].hi) lo = mid + 1;
    else return sites[mid].site;
  }
  return undefined;
}

/** An address range as numbers, parsed once. */
export type Range = readonly [number, number];

/** An inbound flow with its prefixes and ports resolved to numbers, as seen from its site's NSG. */
interface CompiledFlow {
  /** Position in the site's list: candidates are returned in model order. */
  readonly order: number;
  readonly flow: FlowModel;
  readonly protocol: FlowModel['protocol'];
  readonly ports: readonly Range[];
  readonly sources: readonly Range[];
  readonly destinations: readonly Range[];
}

/**
 * A site's compiled flows, indexed by destination: flows whose destinations are single addresses
 * (most NSG rules name servers) under each address, the others (subnets, tags) in `wide`. A lookup
 * then scans the flows that name the address plus the wide ones, not every flow of the site.
 */
interface SiteFlows {
  readonly byAddress: ReadonlyMap<number, readonly CompiledFlow[]>;
  readonly wide: readonly CompiledFlow[];
}

const siteFlowIndexes = new WeakMap<TopologyModel, Map<string, SiteFlows>>();

function siteFlows(model: TopologyModel, site: SiteModel): SiteFlows {
  let bySite = siteFlowIndexes.get(model);
  if (!bySite) {
    bySite = new Map();
    siteFlowIndexes.set(model, bySite);
  }
  let index = bySite.get(site.path);
  if (!index) {
    const byAddress = new Map<number, CompiledFlow[]>();
    const wide: CompiledFlow[] = [];
    for (const f of compiledFlows(model, site)) {
      if (f.destinations.length > 0 && f.destinations.every(([lo, hi]) => hi === lo + 1)) {
        for (const [lo] of f.destinations) {
          const list = byAddress.get(lo);
          if (!list) byAddress.set(lo, [f]);
          else if (list[list.length - 1] !== f) list.push(f);
        }
      } else {
        wide.push(f);
      }
    }
    index = { byAddress, wide };
    bySite.set(site.path, index);
  }
  return index;
}

function compiledFlows(model: TopologyModel, site: SiteModel): CompiledFlow[] {
  const { compiled, inboundBySiteName } = indexOf(model);
  let flows = compiled.get(site.path);
  if (!flows) {
    let virtualNetwork: Range[] | undefined;
    const ranges = (prefixes: readonly string[]) =>
      prefixes.flatMap((p) => {
        if (p === 'VirtualNetwork') return (virtualNetwork ??= rangesOf(expand(model, site, p)));
        return rangesOf(expand(model, site, p));
      });
    flows = (inboundBySiteName.get(site.name) ?? [])
      .map((f, order) => ({
        order,
        flow: f,
        protocol: f.protocol,
        ports: f.ports.map(portRange),
        sources: ranges(f.sourcePrefixes),
        destinations: ranges(f.destinationPrefixes),
      }));
    compiled.set(site.path, flows);
  }
  return flows;
}

function rangesOf(prefixes: readonly string[]): Range[] {
  return prefixes.flatMap((c) => {
    const r = rangeOf(c);
    return r ? [r] : [];
  });
}

/** The address prefixes a prefix or service tag stands for, as seen from an NSG in `site`. */
function expand(model: TopologyModel, site: SiteModel, prefix: string): string[] {
  if (prefix === '*' || prefix === 'Any') return ['0.0.0.0/0'];
  if (prefix === 'VirtualNetwork') return [site, ...peeredSites(model, site.path)].map((s) => s.addressSpace);
  return [prefix];
}

export interface Connection {
  readonly sourceIp: string;
  readonly destinationIp: string;
  readonly protocol: 'Tcp' | 'Udp';
  readonly port: number;
}

const within = (ranges: readonly Range[], x: number) => ranges.some(([lo, hi]) => x >= lo && x < hi);

/** The flows of the destination's site that admit its address, protocol and port, in model order. */
function admitting(model: TopologyModel, destinationIp: string, protocol: Connection['protocol'], port: number): CompiledFlow[] {
  const index = indexOf(model);
  const key = `${destinationIp}|${protocol}|${port}`;
  let list = index.candidates.get(key);
  if (!list) {
    const site = siteOfAddress(model, destinationIp);
    const dst = ipToInt(destinationIp);
    if (site) {
      const { byAddress, wide } = siteFlows(model, site);
      const named = byAddress.get(dst) ?? [];
      const merged = named.length === 0 ? wide : wide.length === 0 ? named : [...named, ...wide].sort((a, b) => a.order - b.order);
      list = merged.filter(
        (f) => (f.protocol === '*' || f.protocol === protocol) && f.ports.some(([lo, hi]) => port >= lo && port <= hi) && within(f.destinations, dst),
      );
    } else {
      list = [];
    }
    index.candidates.set(key, list);
  }
  return list;
}

/** The inbound flow of the destination's site that admits a connection, if any. */
export function admittingFlow(model: TopologyModel, c: Connection): FlowModel | undefined {
  const src = ipToInt(c.sourceIp);
  return admitting(model, c.destinationIp, c.protocol, c.port).find((f) => within(f.sources, src))?.flow;
}

/**
 * Every source address the flows admit to a destination, protocol and port, as sorted, merged
 * ranges `[first, end)`: `admittingFlow` for a whole set of sources at once.
 */
export function admittedSources(model: TopologyModel, destinationIp: string, protocol: Connection['protocol'], port: number): readonly Range[] {
  const index = indexOf(model);
  const key = `${destinationIp}|${protocol}|${port}`;
  let merged = index.sources.get(key);
  if (!merged) {
    merged = mergeRanges(admitting(model, destinationIp, protocol, port).flatMap((f) => f.sources));
    index.sources.set(key, merged);
  }
  return merged;
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
