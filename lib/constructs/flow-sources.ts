/**
 * Sources and destinations of NSG flows, given as functions the firewall calls at planning time
 * (lib/azure/firewall.ts `Prefixes`), so a rule asked for once covers what the program declares later:
 * every site's subnet of a role, the pools that host the Central Management store and their standbys.
 */
import { IConstruct } from 'constructs';
import { ProductVersion } from '../enums';
import { documentedFlow } from '../model/documented-flows';
import { SubnetRole } from '../model/network';
import { ServerRole } from '../model/topology';
import type { Server } from '../azure/servers';
import type { SfbDeployment } from './deployment';
import type { CentralSite } from './site';

/** `/32` prefixes of servers. */
export function hosts(servers: readonly { readonly privateIp: string }[]): string[] {
  return servers.map((s) => `${s.privateIp}/32`);
}

/**
 * The address blocks (lib/model/address-plan.ts) that hold `servers`, at planning time: a source that
 * names the owner's servers without listing them, so scaling the owner changes no rule. A block holds
 * only its owner's servers (and its load-balancer frontends, which originate nothing).
 */
export function blocksOf(deployment: SfbDeployment, servers: readonly { readonly privateIp: string }[]): () => string[] {
  return () => [...new Set(servers.map((s) => deployment._addresses.blockOf(s.privateIp)).filter((b): b is string => b !== undefined))];
}

/**
 * How a rule in an NSG of `site` names the servers of `owner` as its source: their application
 * security group when they are in that site (a rule's groups must be in its virtual network), their
 * address blocks otherwise. The prefixes of a group source still list the servers, for the model.
 */
export function serversAsSource(site: CentralSite, owner: IConstruct & { readonly _servers: { readonly servers: readonly Server[] } }): { readonly sourcePrefixes: () => string[]; readonly sourceGroup?: string } {
  const servers = owner._servers.servers;
  if (servers.length > 0 && servers.every((s) => s.site === site)) {
    const members = hosts(servers);
    return { sourcePrefixes: () => members, sourceGroup: site._serverGroup(owner, servers) };
  }
  return { sourcePrefixes: blocksOf(site.deployment, servers) };
}

/**
 * The `subnet` prefix of every site of the deployment where a server (of one of `roles`, when given)
 * has a NIC, in site order.
 */
export function subnetsWithServers(deployment: SfbDeployment, subnet: SubnetRole, roles?: readonly ServerRole[]): () => string[] {
  return shared(deployment, `subnets|${subnet}|${roles?.join(',') ?? '*'}`, () => {
    const withServers = new Set<unknown>();
    for (const s of deployment._servers.all) {
      if ((!roles || roles.includes(s.model.role)) && s.model.nics.some((n) => n.subnet === subnet)) withServers.add(s.site);
    }
    return deployment._sites.all.filter((site) => withServers.has(site)).map((site) => site._subnetPrefix(subnet));
  });
}

/**
 * Sources are asked for by the NSG intents of every pool at planning time: one computation per change
 * for each (deployment, key), shared by every intent that asks the same.
 */
function shared(deployment: SfbDeployment, key: string, compute: () => string[]): () => string[] {
  const byKey = deployment._sharedSources;
  let source = byKey.get(key);
  if (!source) byKey.set(key, (source = deployment._revision.memo(compute)));
  return source;
}

interface CmsCandidate extends IConstruct {
  readonly hostsCentralManagementStore: boolean;
  /** @internal */
  readonly _servers: { readonly servers: readonly { readonly privateIp: string }[] };
}

interface Pair extends IConstruct {
  readonly primary: IConstruct;
  readonly backup: IConstruct;
}

const isCmsCandidate = (m: IConstruct): m is CmsCandidate => typeof (m as Partial<CmsCandidate>).hostsCentralManagementStore === 'boolean' && Array.isArray((m as Partial<CmsCandidate>)._servers?.servers);
const isPair = (m: IConstruct): m is Pair => (m as Partial<Pair>).primary !== undefined && (m as Partial<Pair>).backup !== undefined;

/**
 * The address blocks of every pool that hosts the Central Management store and of its partner (PairedPools),
 * which holds the standby and becomes the master after `Invoke-CsManagementServerFailover`
 * (disaster-recovery.md, "Central Management store failover"; edge-environmental-requirements.md:
 * 4443 "from the Front End pool that holds the Central Management store").
 */
export function cmsServers(deployment: SfbDeployment): () => string[] {
  return shared(deployment, 'cms', () => {
    const members: readonly IConstruct[] = deployment._members.all;
    const pools = members.filter(isCmsCandidate);
    const hostsCms = new Set<IConstruct>(pools.filter((p) => p.hostsCentralManagementStore));
    const standbys = new Set<IConstruct>(members.filter(isPair).flatMap((p) => (hostsCms.has(p.primary) ? [p.backup] : hostsCms.has(p.backup) ? [p.primary] : [])));
    // Their blocks, not their addresses: the source spans sites (so no group can name it) and must
    // not change when one of these pools scales.
    return blocksOf(deployment, pools.filter((p) => hostsCms.has(p) || standbys.has(p)).flatMap((p) => p._servers.servers))();
  });
}

/** The documented flows among `keys` that apply to a product version. */
export function forVersion(version: ProductVersion, keys: readonly string[]): string[] {
  return keys.filter((k) => {
    const versions = documentedFlow(k).versions;
    return !versions || versions.includes(version);
  });
}

/** Why a rule admits Azure Load Balancer health probes (no product flow: Azure's own need). */
export const LOAD_BALANCER_PROBES = 'MicrosoftDocs/azure-docs: articles/load-balancer/load-balancer-custom-probe-overview.md (probes come from the AzureLoadBalancer tag, 168.63.129.16)';
