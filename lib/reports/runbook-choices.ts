/**
 * `## Where the one-of-a-kind roles are, and why`: the pool that hosts the Central Management Store,
 * the web services behind the simple URLs and their Traffic Manager priorities, the region of the
 * deployment-wide resources, the sites that run the configuration exports and the lab's forest root.
 * Each says whether it was given or chosen by key (never by declaration order), so an operator knows
 * what a new pool or site could move. A pure function of the model.
 */
import { CMS_KEY_RULE } from '../model/central-management';
import { partnerOf } from '../model/pairs';
import { siteOf } from '../model/queries';
import { primarySite } from '../model/regions';
import { TopologyModel } from '../model/topology';
import { blocks, bullets, code } from './markdown';

function cmsLine(m: TopologyModel): string | undefined {
  if (m.frontEndPools.length === 0) return undefined;
  const hosts = m.frontEndPools.filter((p) => p.hostsCentralManagementStore);
  if (hosts.length !== 1) return `Central Management Store: ${hosts.length === 0 ? 'no pool hosts it' : `${hosts.length} pools claim it (${hosts.map((h) => h.fqdn).join(', ')})`}; a deployment has exactly one (PAIR-23): fix the topology before deploying.`;
  const host = hosts[0];
  const choice = host.centralManagementStoreChoice;
  const why = choice?.chosenBy === 'key'
    ? `chosen by key: ${CMS_KEY_RULE} (${code(choice.key)}). A pool added with a smaller key would take it over: set ${code('hostsCentralManagementStore: true')} on this pool to keep it here (PAIR-26)`
    : `given: the pool sets ${code('hostsCentralManagementStore: true')}`;
  const partner = partnerOf(m, host);
  const standby = partner ? `; the standby store is in its paired pool ${partner.fqdn}` : '; no standby store (the pool is not paired)';
  return `Central Management Store: ${host.fqdn} (site ${siteOf(m, host.sitePath)?.name ?? host.sitePath}), ${why}${standby}.`;
}

function webLines(m: TopologyModel): string[] {
  const plan = m.simpleUrls;
  if (!plan?.primary) return [];
  const { primary, standby, chosenBecause, trafficManager } = plan;
  return [
    `Simple URLs and Autodiscover (${plan.internalNames.join(', ')}): the web services of ${primary.fqdn} (${primary.kind}), ${chosenBecause?.primary ?? 'chosen by key'}.` +
      (standby ? ` Standby: ${standby.fqdn}, ${chosenBecause?.standby ?? 'chosen by key'}.` : ' No standby in another site.'),
    ...(trafficManager ? [`Traffic Manager ${code(trafficManager.profileName)} priorities: ${trafficManager.endpoints.map((e) => `${e.priority} ${e.target}`).join(', ')} (the primary first, then the standby, as above).`] : []),
  ];
}

function globalLine(m: TopologyModel): string | undefined {
  if (m.globalLocation === undefined) return undefined;
  if (m.globalLocationGiven !== false) return `Deployment-wide resources (the DNS zones): ${m.globalLocation}, given by ${code('globalLocation')}.`;
  const cms = m.frontEndPools.filter((p) => p.hostsCentralManagementStore).map((p) => siteOf(m, p.sitePath)?.name).sort()[0];
  const site = primarySite(m.sites, cms);
  const from = site?.name === cms ? `site ${cms}, the site of the Central Management Store` : `site ${site?.name}, the smallest site ID`;
  return `Deployment-wide resources (the DNS zones): ${m.globalLocation}, chosen from ${from}${m.perSiteStacks ? ' (a region no site uses, near it)' : ''}; give ${code('globalLocation')} so that it never moves (GLOBAL-2).`;
}

function exportsLine(m: TopologyModel): string | undefined {
  if (!m.backup?.enabled || m.sites.length === 0) return undefined;
  return `Configuration exports: every site (${m.sites.map((s) => s.name).join(', ')}) runs its own scheduled export of the configuration, LIS, its pools' user data and Response Group settings into its export container, so a restore in any site finds the configuration while another site is down ("Restore from backups").`;
}

function forestRootLine(m: TopologyModel): string | undefined {
  const root = m.labEnvironment?.domainControllers[0];
  if (!root) return undefined;
  const cmsSite = m.frontEndPools.filter((p) => p.hostsCentralManagementStore).map((p) => p.sitePath).sort()[0];
  const why = cmsSite === root.sitePath ? 'the site of the Central Management Store' : 'the smallest site ID (no pool hosts the store)';
  return `Lab forest root: ${root.server.computerName} in site ${siteOf(m, root.sitePath)?.name ?? root.sitePath}, ${why}; the other sites' domain controllers are replicas.`;
}

export function choicesSection(m: TopologyModel): string {
  const lines = [cmsLine(m), ...webLines(m), globalLine(m), exportsLine(m), forestRootLine(m)].filter((l): l is string => l !== undefined);
  if (lines.length === 0) return '';
  return blocks(
    '## Where the one-of-a-kind roles are, and why',
    'Each is given in the code or chosen by a stable key (construct IDs), never by the order of the declarations.',
    bullets(lines),
  );
}
