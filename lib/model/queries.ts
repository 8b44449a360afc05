/** Small lookups over the model that several rule areas share. */
import { PoolEdition } from '../enums';
import { BackEndModel, FrontEndPoolModel, ServerModel, SiteModel, TopologyModel } from './topology';
import { PRODUCT_NAMES } from './versions';

export function productName(model: TopologyModel): string {
  return PRODUCT_NAMES[model.productVersion];
}

export function siteOf(model: TopologyModel, sitePath: string): SiteModel | undefined {
  return model.sites.find((s) => s.path === sitePath);
}

export function poolByPath(model: TopologyModel, path: string): FrontEndPoolModel | undefined {
  return model.frontEndPools.find((p) => p.path === path);
}

export function backEndByPath(model: TopologyModel, path: string | undefined): BackEndModel | undefined {
  return path === undefined ? undefined : model.backEnds.find((b) => b.path === path);
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
