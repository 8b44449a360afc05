/**
 * GLOBAL-1: with a stack per site, deployment-wide resources (the resource group of the public DNS
 * zone of the SIP domain) belong in a region no site uses. Azure keeps a resource group's metadata in
 * its region: while that region is down, the records a failover must change (the Edge SRV entries,
 * `sip.<domain>`, simple URLs) cannot be changed. In one stack for everything the whole stack cannot
 * be planned during an outage anyway, so the rule speaks to the per-site layout only.
 */
import { Severity } from '../enums';
import { globalLocationFor } from '../model/regions';
import { rule, Violation } from './rule';

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
      const free = m.sites[0] ? globalLocationFor(m.sites[0].location, m.sites.map((s) => s.location)) : undefined;
      return [{
        path: m.path,
        message: `globalLocation ${m.globalLocation} is the region of site ${site.name}: while it is down the public DNS zone of ${m.sipDomain} cannot be changed, although a failover must change its records; set globalLocation to a region no site uses${free ? ` (e.g. ${free})` : ''}`,
      }];
    },
  ),
];
