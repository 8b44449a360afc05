/** Global virtual-network peering between two sites, both directions, once per site pair. */
import { Construct } from 'constructs';
import { VirtualNetworkPeering } from '../azurerm';
import type { CentralSite } from '../constructs/site';

export interface SitePeering {
  readonly resources: readonly VirtualNetworkPeering[];
}

const created = new WeakMap<Construct, Map<string, SitePeering>>();

/**
 * Peers two sites' networks (idempotent: a second call for the same pair, in either order, returns
 * the first peering). The construct sits under `scope` with ID `peering-<first>-<second>`, the
 * sites in creation order, so its Terraform address does not depend on who asked first.
 */
export function ensurePeering(scope: Construct, a: CentralSite, b: CentralSite, order: readonly CentralSite[]): SitePeering {
  const [first, second] = order.indexOf(a) <= order.indexOf(b) ? [a, b] : [b, a];
  const key = `${first.node.path}|${second.node.path}`;
  const map = created.get(scope) ?? new Map<string, SitePeering>();
  created.set(scope, map);
  const existing = map.get(key);
  if (existing) return existing;
  const holder = new Construct(scope, `peering-${first.node.id}-${second.node.id}`);
  const peer = (from: CentralSite, to: CentralSite) =>
    new VirtualNetworkPeering(holder, `${from.node.id}-to-${to.node.id}`, {
      name: `peer-${from.node.id}-to-${to.node.id}`,
      resourceGroupName: from.resourceGroup.name,
      virtualNetworkName: from.virtualNetwork.name,
      remoteVirtualNetworkId: to.virtualNetwork.id,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
    });
  const peering = { resources: [peer(first, second), peer(second, first)] };
  map.set(key, peering);
  return peering;
}
