/** Whether the model's NSG flows admit a connection: what FILE-4 and PAIR-11 check. */
import { FlowModel, SiteModel, TopologyModel } from './topology';

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** Whether an IPv4 CIDR (or a single address) contains an address. */
export function cidrContains(cidr: string, ip: string): boolean {
  const m = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/.exec(cidr);
  if (!m) return false;
  const size = 2 ** (32 - Number(m[2] ?? 32));
  const base = ipToInt(m[1]);
  const x = ipToInt(ip);
  return x >= base && x < base + size;
}

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

/** The address prefixes a prefix or service tag stands for, as seen from an NSG in `site`. */
function expand(model: TopologyModel, site: SiteModel, prefix: string): string[] {
  if (prefix === '*' || prefix === 'Any') return ['0.0.0.0/0'];
  if (prefix === 'VirtualNetwork') return [site, ...peeredSites(model, site.path)].map((s) => s.addressSpace);
  return [prefix];
}

function portMatches(ports: readonly string[], port: number): boolean {
  return ports.some((p) => {
    if (p === '*') return true;
    const [lo, hi] = p.split('-').map(Number);
    return port >= lo && port <= (hi ?? lo);
  });
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
  return model.flows.find(
    (f) =>
      f.direction === 'Inbound' &&
      f.nsg.startsWith(`${site.name}/`) &&
      (f.protocol === '*' || f.protocol === c.protocol) &&
      portMatches(f.ports, c.port) &&
      f.sourcePrefixes.some((p) => expand(model, site, p).some((cidr) => cidrContains(cidr, c.sourceIp))) &&
      f.destinationPrefixes.some((p) => expand(model, site, p).some((cidr) => cidrContains(cidr, c.destinationIp))),
  );
}
