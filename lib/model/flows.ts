/** Whether the model's NSG flows admit a connection: the one meaning of "reachable" every rule uses. */
import { cidrContains, ipToInt, portRange, rangeOf } from './network';
import { FlowModel, SiteModel, TopologyModel } from './topology';

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

/** An address range as numbers, parsed once. */
type Range = readonly [number, number];

/** An inbound flow with its prefixes and ports resolved to numbers, as seen from its site's NSG. */
interface CompiledFlow {
  readonly flow: FlowModel;
  readonly protocol: FlowModel['protocol'];
  readonly ports: readonly Range[];
  readonly sources: readonly Range[];
  readonly destinations: readonly Range[];
}

/** FILE-4 and PAIR-11 ask about every Front End and server pair: compile each model's flows once. */
const compiled = new WeakMap<TopologyModel, Map<string, CompiledFlow[]>>();

function compiledFlows(model: TopologyModel, site: SiteModel): CompiledFlow[] {
  let bySite = compiled.get(model);
  if (!bySite) {
    bySite = new Map();
    compiled.set(model, bySite);
  }
  let flows = bySite.get(site.path);
  if (!flows) {
    const ranges = (prefixes: readonly string[]) =>
      prefixes.flatMap((p) => expand(model, site, p)).flatMap((c) => {
        const r = rangeOf(c);
        return r ? [r] : [];
      });
    flows = model.flows
      .filter((f) => f.direction === 'Inbound' && f.nsg.startsWith(`${site.name}/`))
      .map((f) => ({
        flow: f,
        protocol: f.protocol,
        ports: f.ports.map(portRange),
        sources: ranges(f.sourcePrefixes),
        destinations: ranges(f.destinationPrefixes),
      }));
    bySite.set(site.path, flows);
  }
  return flows;
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

/** The inbound flow of the destination's site that admits a connection, if any. */
export function admittingFlow(model: TopologyModel, c: Connection): FlowModel | undefined {
  const site = model.sites.find((s) => cidrContains(s.addressSpace, c.destinationIp));
  if (!site) return undefined;
  const src = ipToInt(c.sourceIp);
  const dst = ipToInt(c.destinationIp);
  const within = (ranges: readonly Range[], x: number) => ranges.some(([lo, hi]) => x >= lo && x < hi);
  return compiledFlows(model, site).find(
    (f) =>
      (f.protocol === '*' || f.protocol === c.protocol) &&
      f.ports.some(([lo, hi]) => c.port >= lo && c.port <= hi) &&
      within(f.sources, src) &&
      within(f.destinations, dst),
  )?.flow;
}
