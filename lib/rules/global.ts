/**
 * GLOBAL-1: with a stack per site, deployment-wide resources (the resource group of the public DNS
 * zone of the SIP domain) belong in a region no site uses. Azure keeps a resource group's metadata in
 * its region: while that region is down, the records a failover must change (the Edge SRV entries,
 * `sip.<domain>`, simple URLs) cannot be changed. In one stack for everything the whole stack cannot
 * be planned during an outage anyway, so the rule speaks to the per-site layout only.
 *
 * GLOBAL-2: without `globalLocation` the region is chosen by key (the site of the Central Management
 * Store, else the smallest site ID; never declaration order), so moving the store or adding a site
 * could move the resource group, which Azure cannot move in place.
 */
import { Severity } from '../enums';
import { defaultGlobalLocation, globalLocationFor, primarySite } from '../model/regions';
import { siteOf } from '../model/queries';
import { TopologyModel } from '../model/topology';
import { rule, Violation } from './rule';

/** The name of the site whose pool hosts the Central Management Store (the smallest path when several do: PAIR-23). */
function cmsSiteName(m: TopologyModel): string | undefined {
  const host = m.frontEndPools.filter((p) => p.hostsCentralManagementStore).map((p) => p.sitePath).sort()[0];
  return host === undefined ? undefined : siteOf(m, host)?.name;
}

export const GLOBAL_RULES = [
  rule(
    'GLOBAL-1',
    Severity.WARNING,
    'Deployment-wide resources live in a region no site uses',
    'the library: a resource group\'s metadata lives in its region (Azure Resource Manager: resource group location); Failing over and failing back a pool (DNS changes during a failover)',
    (m): Violation[] => {
      if (!m.perSiteStacks || m.globalLocation === undefined) return [];
      const site = m.sites.find((s) => s.location === m.globalLocation);
      if (!site) return [];
      const key = primarySite(m.sites, cmsSiteName(m));
      const free = key ? globalLocationFor(key.location, m.sites.map((s) => s.location)) : undefined;
      return [{
        path: m.path,
        message: `globalLocation ${m.globalLocation} is the region of site ${site.name}: while it is down the public DNS zone of ${m.sipDomain} cannot be changed, although a failover must change its records; set globalLocation to a region no site uses${free ? ` (e.g. ${free})` : ''}`,
      }];
    },
  ),
  rule(
    'GLOBAL-2',
    Severity.WARNING,
    'The region of deployment-wide resources is given, not chosen by key',
    'the library: a resource group\'s location cannot change (Azure Resource Manager: resource group location), so moving the default recreates the DNS zones',
    (m): Violation[] => {
      if (m.globalLocationGiven !== false || m.sites.length < 2 || m.globalLocation === undefined) return [];
      const cms = cmsSiteName(m);
      const chosen = defaultGlobalLocation(m.sites, m.perSiteStacks === true, cms);
      const why = chosen?.site === cms
        ? 'the site of the Central Management Store; moving the store to another site'
        : `the smallest site ID of ${m.sites.length}; adding a site with a smaller ID`;
      return [{
        path: m.path,
        message: `globalLocation is not given, so the deployment-wide resources (the DNS zones) go to ${m.globalLocation}, chosen from site ${chosen?.site}, ${why} would move the resource group, and Terraform would recreate it and every zone in it; set globalLocation (e.g. "${m.globalLocation}")`,
      }];
    },
  ),
];
