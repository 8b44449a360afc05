/** Input checks of CentralSite that look at the deployment's other sites. */
import { IConstruct } from 'constructs';

/**
 * Site IDs become resource-group, network and NSG names, which Azure compares without letter case:
 * `West` and `west` would be one resource group.
 */
export function rejectSiteIdCollision(site: IConstruct, others: readonly IConstruct[]): void {
  const id = site.node.id.toLowerCase();
  const other = others.find((o) => o.node.id.toLowerCase() === id);
  if (other) {
    throw new Error(`CentralSite ${site.node.path}: id ${JSON.stringify(site.node.id)} differs from site ${other.node.path} only in letter case; Azure names (rg-<deployment>-<site>) ignore case, so the two sites would share a resource group; give the site another id`);
  }
}
