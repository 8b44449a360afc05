/** Small lookups over the model that several rule areas share. */
import { PoolEdition } from '../enums';
import { BackEndModel, FrontEndPoolModel, ServerModel, SiteModel, TopologyModel } from './topology';
import { PRODUCT_NAMES } from './versions';
import { planIndex } from './memo';
import { serverGroups } from './roles';

export function productName(model: TopologyModel): string {
  return PRODUCT_NAMES[model.productVersion];
}

/**
 * Lookups by path, built once per model (a model is immutable data; the WeakMap frees the index with
 * it), so a rule that looks something up for every pool stays linear. The first of equal paths wins,
 * as `Array.find` did.
 */
interface PathIndex {
  readonly sites: ReadonlyMap<string, SiteModel>;
  readonly pools: ReadonlyMap<string, FrontEndPoolModel>;
  readonly backEnds: ReadonlyMap<string, BackEndModel>;
}

const pathIndexes = planIndex<PathIndex>('pathIndexes');

function byPath<T extends { readonly path: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of items) if (!map.has(x.path)) map.set(x.path, x);
  return map;
}

function pathIndex(model: TopologyModel): PathIndex {
  let index = pathIndexes.get(model);
  if (!index) {
    index = { sites: byPath(model.sites), pools: byPath(model.frontEndPools), backEnds: byPath(model.backEnds) };
    pathIndexes.set(model, index);
  }
  return index;
}

export function siteOf(model: TopologyModel, sitePath: string): SiteModel | undefined {
  return pathIndex(model).sites.get(sitePath);
}

export function poolByPath(model: TopologyModel, path: string): FrontEndPoolModel | undefined {
  return pathIndex(model).pools.get(path);
}

export function backEndByPath(model: TopologyModel, path: string | undefined): BackEndModel | undefined {
  return path === undefined ? undefined : pathIndex(model).backEnds.get(path);
}

export function isEnterprise(pool: FrontEndPoolModel): boolean {
  return pool.edition === PoolEdition.ENTERPRISE;
}

/** Last segment of a construct path, for messages. */
export function shortName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Servers per failure domain, in first-seen order. */
export function serversByFailureDomain(servers: readonly ServerModel[]): Map<string, ServerModel[]> {
  const byDomain = new Map<string, ServerModel[]>();
  for (const s of servers) {
    const list = byDomain.get(s.failureDomain) ?? [];
    list.push(s);
    byDomain.set(s.failureDomain, list);
  }
  return byDomain;
}

/** Every named pool-like thing with an FQDN, for uniqueness checks (NAME-4, DNS-4). */
export interface NamedFqdn {
  readonly path: string;
  readonly kind: string;
  readonly fqdn: string;
}

export function allFqdns(model: TopologyModel): NamedFqdn[] {
  const out: NamedFqdn[] = [];
  const add = (path: string, kind: string, fqdn: string | undefined) => {
    if (fqdn) out.push({ path, kind, fqdn: fqdn.toLowerCase() });
  };
  for (const p of model.frontEndPools) {
    add(p.path, 'pool FQDN', p.fqdn);
    add(p.path, 'internal web FQDN', p.internalWebFqdn);
    add(p.path, 'external web FQDN', p.externalWebFqdn);
  }
  for (const d of model.directorPools) {
    add(d.path, 'Director pool FQDN', d.fqdn);
    add(d.path, 'internal web FQDN', d.internalWebFqdn);
    add(d.path, 'external web FQDN', d.externalWebFqdn);
  }
  for (const m of model.mediationPools) add(m.path, 'Mediation pool FQDN', m.fqdn);
  for (const c of model.chatPools) add(c.path, 'Persistent Chat pool FQDN', c.fqdn);
  for (const e of model.edgePools) {
    add(e.path, 'Edge internal FQDN', e.internalFqdn);
  }
  for (const s of model.servers) add(s.path, 'server FQDN', s.fqdn);
  return out;
}

/** A records by scope and lower-case name, built once per model (values of equal names concatenated). */
const aRecordIndexes = planIndex<Map<string, string[]>>('aRecordIndexes');

/**
 * The addresses an A name resolves to in a zone scope, or undefined when the name has no A record.
 * One lookup per call, so rules that ask for every server (DNS-2, DNS-5, MED-2, VOICE-1) stay linear.
 */
export function aRecordValues(model: TopologyModel, scope: 'private' | 'public', fqdn: string): readonly string[] | undefined {
  let index = aRecordIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const r of model.dnsRecords) {
      if (r.type !== 'A') continue;
      const key = `${r.scope} ${r.fqdn.toLowerCase()}`;
      const list = index.get(key);
      if (list) list.push(...r.values);
      else index.set(key, [...r.values]);
    }
    aRecordIndexes.set(model, index);
  }
  return index.get(`${scope} ${fqdn.toLowerCase()}`);
}

/**
 * The construct a path belongs to for grouping findings: the longest server group path (every role's
 * pools, back ends, farms ...: `serverGroups`) above it (or equal to it), else the path itself. Built once
 * per call; each lookup walks the path upwards.
 */
export function ownerUnits(model: TopologyModel): (path: string) => string {
  const groups = new Set(serverGroups(model).map((g) => g.path));
  return (path) => {
    for (let cut = path.length; cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
      const above = path.slice(0, cut);
      if (groups.has(above)) return above;
    }
    return path;
  };
}
