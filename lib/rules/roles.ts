/** Collocation, Office Web Apps, simple URLs and Azure maintenance (TOPO-*, AZURE-8; TOPO-3 is in reverse-proxy.ts, OWA-* in office-online.ts, TB-1 in simple-urls.ts). */
import { Severity } from '../enums';
import { productName } from '../model/queries';
import { rule, RuleStatus, RuleStatusKind, status } from './rule';
import { NO_LIVE_MIGRATION_ROLES } from '../model/roles';

export const ROLES_RULES = [
  rule('AZURE-8', Severity.WARNING, 'Azure host maintenance may live-migrate Front End, Edge and Mediation servers', 'Running Lync Server 2013 on virtual servers; Azure VM maintenance and updates', (m) => {
    const exposed = m.servers.filter((s) => NO_LIVE_MIGRATION_ROLES.has(s.role));
    if (exposed.length === 0) return [];
    const roles = [...new Set(exposed.map((s) => s.role))].join(', ');
    return [{
      path: m.path,
      message: `${exposed.length} ${roles} server(s) run on shared Azure hosts, which Azure may pause or live-migrate for host maintenance; ${productName(m)}'s virtualization guidance advises against live migration for these roles; the library does not yet attach maintenance configurations or dedicated hosts, so place the VMs on Azure Dedicated Hosts or a maintenance configuration after deployment, or acknowledge the finding`,
    }];
  }),
];

export const ROLES_STATUS: RuleStatus[] = [
  status('TOPO-1', RuleStatusKind.BY_CONSTRUCTION, 'Every construct builds its own dedicated servers: Director and Edge servers are never shared with another role (checked again by DIR-4 and EDGE-21); Office Online Server farms get their own servers (OWA-1); a ReverseProxy gets its own servers or an Application Gateway; the library builds no Video Interop, Exchange UM or SharePoint servers to collocate.'),
];
