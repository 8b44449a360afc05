/**
 * What to run while a region is down: which Terraform stack to plan and apply, why it touches nothing
 * of the failed region, and what to reconcile when the region returns (issue 16). A pure function of
 * the model: the stack names follow from the deployment and site IDs.
 */
import { TopologyModel } from '../model/topology';
import { blocks, bullets, code, steps, table } from './markdown';

function deploymentId(model: TopologyModel): string {
  return model.path.split('/').pop() ?? model.path;
}

export function outageSection(model: TopologyModel): string {
  if (model.sites.length === 0) return '';
  const id = deploymentId(model);
  if (!model.perSiteStacks) {
    return blocks(
      '## Changing the infrastructure during a regional outage',
      `This deployment is one Terraform stack for every site. While a region is down, \`terraform plan\` must refresh the failed region's resources and cannot complete, so the surviving site cannot be changed through Terraform. Change it in the Azure portal or with the Azure CLI during the outage and bring the code in line afterwards, or move to one stack per site: create the ${code('SfbDeployment')} in the ${code('App')} instead of a ${code('TerraformStack')} (docs/per-site-stacks.md).`,
    );
  }
  const stacks = [
    [`${id}-global`, model.globalLocation ?? '(the region near the smallest site ID)', 'public DNS zone of the SIP domain, the SRV and CNAME record sets no one site owns'],
    ...model.sites.map((s) => [`${id}-${s.name}`, s.location, `site ${s.name}: its network, servers, load balancers, NSGs, its copy of every private zone, the public records of its own Edge addresses`]),
  ];
  return blocks(
    '## Changing the infrastructure during a regional outage',
    `Each site is a Terraform stack of its own, with its own state (in its own region when remote state is configured). A site's stack holds only resources of its region and reads no other stack, so it can be planned and applied while another region is down.`,
    table(['Stack', 'Region', 'Holds'], stacks),
    '### While a region is down',
    steps([
      `Plan and apply only the stacks of the surviving sites, one at a time: ${code(`cdktf diff ${id}-<site>`)} then ${code(`cdktf deploy ${id}-<site>`)} (or ${code(`terraform -chdir=cdktf.out/stacks/${id}-<site> plan`)}). Never ${code('cdktf deploy')} every stack: the failed site's stack cannot be refreshed.`,
      `Nothing in a surviving site's stack touches the failed region: its private DNS zones are its own copies (linked to its own network only), its peering resource is the direction that starts in its own network (it names the remote network by ID, not through the other stack), and its variables are its own.`,
      `Records a failover changes in the private zones (a repointed pool name, a new first hop) are changes to the code: synthesize again and apply the surviving site's stack; its copy of each zone follows the plan.`,
      `Public records: the ${code(`${id}-global`)} stack holds the public zone${model.globalLocation ? ` in ${model.globalLocation}` : ''}; apply it if its region is up (GLOBAL-1 keeps that region apart from the sites). The record sets of a site's Edge addresses are in that site's stack.`,
    ]),
    '### When the region returns',
    steps([
      `Plan the returned site's stack first and read the plan: it shows what the outage changed there (servers Azure restarted or deallocated, peering in the Disconnected state).`,
      `Apply it: its copy of every private zone takes the records changed during the outage, and its peering direction is re-established.`,
      `Re-apply each surviving site's stack once more so both peering directions show Connected, then fail back in the order of the failover sections above.`,
    ]),
    bullets([`State: with the ${code('remoteState')} option each stack keeps its state in a storage account of its own region, created outside these stacks (docs/per-site-stacks.md).`]),
  );
}
