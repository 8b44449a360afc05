/** Edge lookups shared by the Edge rules and reports: pure functions of the model. */
import { EdgePoolModel, FrontEndPoolModel, TopologyModel } from './topology';

/** The SRV names an Edge pool publishes, with their ports (SRV records table). */
export const EDGE_SRV = {
  remoteAccess: { name: '_sip._tls', port: 443 },
  federation: { name: '_sipfederationtls._tcp', port: 5061 },
  xmpp: { name: '_xmpp-server._tcp', port: 5269 },
} as const;

/** Whether the deployment uses SIP federation (some Edge pool is enabled for it). */
export function usesFederation(m: TopologyModel): boolean {
  return m.edgePools.some((e) => e.federation);
}

/** Whether the deployment uses XMPP federation (some Edge pool carries the XMPP route). */
export function usesXmpp(m: TopologyModel): boolean {
  return m.edgePools.some((e) => e.xmppFederation);
}

export type MediaEdge =
  | { readonly kind: 'explicit'; readonly edge: EdgePoolModel }
  | { readonly kind: 'derived'; readonly edge: EdgePoolModel }
  | { readonly kind: 'dangling'; readonly path: string }
  | { readonly kind: 'none' };

/**
 * The Edge pool a Front End pool uses for media (EDGE-18): the one set with `associateEdgePool`,
 * else the Edge pool of the pool's own site whose next hop it is.
 */
export function mediaEdgePool(m: TopologyModel, pool: FrontEndPoolModel): MediaEdge {
  if (pool.associatedEdgePath !== undefined) {
    const edge = m.edgePools.find((e) => e.path === pool.associatedEdgePath);
    return edge ? { kind: 'explicit', edge } : { kind: 'dangling', path: pool.associatedEdgePath };
  }
  const derived = m.edgePools.find((e) => e.sitePath === pool.sitePath && e.nextHopPath === pool.path);
  return derived ? { kind: 'derived', edge: derived } : { kind: 'none' };
}

/** The Edge pool clients try first: lowest SRV priority, then highest weight, then Access Edge FQDN (never declaration order). */
export function preferredEdgePool<T extends { srvPriority: number; srvWeight: number; accessEdgeFqdn: string }>(pools: readonly T[]): T | undefined {
  return [...pools].sort((a, b) => a.srvPriority - b.srvPriority || b.srvWeight - a.srvWeight || (a.accessEdgeFqdn < b.accessEdgeFqdn ? -1 : a.accessEdgeFqdn > b.accessEdgeFqdn ? 1 : 0))[0];
}
