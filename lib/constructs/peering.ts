/**
 * Virtual network peering between two sites: both directions, created once per site pair however
 * many constructs ask for it (paired pools, stretched chat pools, cross-site Edge). The registry is
 * per deployment and keyed by the sorted pair of site IDs, so the Terraform addresses do not depend
 * on which construct asked first.
 */
import { Construct } from 'constructs';
import { VirtualNetworkPeering } from '../azurerm';
import { PeeringModel } from '../model/topology';
import { peeringName } from '../model/names';
import type { ModelParts } from './model-builder';
import type { CentralSite } from './site';

/** The peering of two sites' networks in both directions. */
export class SitePeering extends Construct {
  readonly sites: readonly [CentralSite, CentralSite];
  /** Both directions, for `depends_on` of resources that need the sites to reach each other. */
  readonly resources: readonly VirtualNetworkPeering[];

  constructor(scope: Construct, id: string, a: CentralSite, b: CentralSite) {
    super(scope, id);
    this.sites = [a, b];
    // With a stack per site each direction lives in its own site's stack and names the remote network
    // by its ID, built from names the plan fixed: no stack reads another's state.
    const perSite = a.deployment._perSiteStacks;
    this.resources = [[a, b], [b, a]].map(([from, to]) =>
      new VirtualNetworkPeering(perSite ? from : this, perSite ? `peering-to-${to.node.id}` : `${from.node.id}-to-${to.node.id}`, {
        name: peeringName(from.node.id, to.node.id),
        resourceGroupName: from.resourceGroupName,
        virtualNetworkName: from._virtualNetwork.name,
        remoteVirtualNetworkId: perSite ? from._virtualNetworkIdOf(to) : to._virtualNetwork.id,
        allowVirtualNetworkAccess: true,
        // Sites reach each other directly; no transit through another site or gateway.
        allowForwardedTraffic: false,
        allowGatewayTransit: false,
        useRemoteGateways: false,
      }),
    );
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    const [a, b] = this.sites;
    const record = (from: CentralSite, to: CentralSite): PeeringModel => ({
      path: `${this.node.path}/${from.node.id}-to-${to.node.id}`,
      fromSitePath: from.node.path,
      toSitePath: to.node.path,
    });
    parts.peerings.push(record(a, b), record(b, a));
  }
}

/**
 * Peers two sites of one deployment both ways, once per pair: `peering-<site>-<site>` under the
 * deployment, site IDs sorted. Returns the existing peering on later calls; nothing for one site.
 */
export function peerSites(a: CentralSite, b: CentralSite): SitePeering | undefined {
  if (a === b) return undefined;
  const deployment = a.deployment;
  if (b.deployment !== deployment) {
    throw new Error(`cannot peer site ${a.node.path} with ${b.node.path}: they belong to different deployments`);
  }
  const [x, y] = [a, b].sort((p, q) => (p.node.id < q.node.id ? -1 : p.node.id > q.node.id ? 1 : 0));
  const key = `${x.node.id}\u0000${y.node.id}`;
  const registry = deployment._peerings;
  let peering = registry.get(key);
  if (!peering) {
    peering = new SitePeering(deployment, `peering-${x.node.id}-${y.node.id}`, x, y);
    registry.set(key, peering);
    deployment._register(peering);
  }
  return peering;
}
