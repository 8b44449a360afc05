/** Edge pools for tests: unique FQDNs per site and pool id. */
import { CentralSite, EdgePool, EdgePoolProps, IEdgeNextHop } from '../lib';

export function testEdge(site: CentralSite, nextHop: IEdgeNextHop, id = 'edge', props: Partial<EdgePoolProps> = {}): EdgePool {
  const s = site.node.id;
  return new EdgePool(site, id, {
    internalFqdn: `${id}-${s}.corp.contoso.com`,
    accessEdgeFqdn: `${id}-access-${s}.contoso.com`,
    webConferencingEdgeFqdn: `${id}-webconf-${s}.contoso.com`,
    audioVideoEdgeFqdn: `${id}-av-${s}.contoso.com`,
    nextHop,
    srvPriority: 10 * site.deployment._sites.all.indexOf(site) + 10,
    ...props,
  });
}
