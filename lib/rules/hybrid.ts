/**
 * Teams hybrid (HYB-*), library rules: what Microsoft requires of an on-premises deployment in hybrid
 * with Microsoft Teams / Skype for Business Online ("shared SIP address space"), for the Edge pool that
 * sets `teamsHybrid` (lib/model/microsoft-365.ts holds the sources and the Microsoft 365 data).
 *
 * - HYB-1: hybrid runs through the federation Edge pool (EDGE-15: one).
 * - HYB-2: a single on-premises deployment is in hybrid with the tenant.
 * - HYB-3: the on-premises federation settings match the tenant's (when declared).
 * - HYB-4 (status): the federation Edge pool and its Director run the newest version in the topology.
 */
import { Severity } from '../enums';
import { EDGE_SRV } from '../model/edge';
import { federationMismatches, HYBRID_SOURCES, hybridEdges, MICROSOFT_365_HOSTING_PROVIDER } from '../model/microsoft-365';
import { TopologyModel } from '../model/topology';
import { rule, RuleStatusKind, status, Violation } from './rule';

const PLAN = `Plan hybrid connectivity between Skype for Business Server and Microsoft 365 (${HYBRID_SOURCES.plan})`;
const CONFIGURE = `Configure Skype for Business hybrid (${HYBRID_SOURCES.configure})`;

function edgeOf(m: TopologyModel, path: string) {
  return m.edgePools.find((e) => e.path === path);
}

/** HYB-1: the Edge pool in hybrid is the federation Edge pool (of which EDGE-15 allows one). */
function hybridOnFederationEdge(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const h of hybridEdges(m)) {
    const edge = edgeOf(m, h.path);
    if (edge && !edge.federation) {
      const fed = m.edgePools.find((e) => e.federation);
      out.push({
        path: h.path,
        message: `Edge pool ${edge.internalFqdn} sets teamsHybrid but not federation: Microsoft 365 (${MICROSOFT_365_HOSTING_PROVIDER.proxyFqdn}) is reached over the SIP federation route, and ${EDGE_SRV.federation.name}.${m.sipDomain} must resolve to the federation Edge pool's Access Edge; ${fed ? `move teamsHybrid to the federation Edge pool ${fed.internalFqdn}` : 'set federation: true on this Edge pool'}`,
      });
    }
  }
  return out;
}

/** HYB-2: no other deployment in the same construct tree is in hybrid. */
function singleDeployment(m: TopologyModel): Violation[] {
  const others = [...new Set(hybridEdges(m).flatMap((h) => h.otherHybridDeployments))].sort();
  if (others.length === 0) return [];
  return [{
    path: m.path,
    message: `deployment ${m.path} is in Teams hybrid, and so is ${others.join(', ')}: Microsoft supports hybrid with a single on-premises deployment and a single tenant, and only one on-premises Skype for Business forest in hybrid (shared SIP address space) at a time; keep teamsHybrid on one deployment, migrate it, disable hybrid, then enable it on the next (acknowledge only when each deployment is in hybrid with its own tenant)`,
  }];
}

/** HYB-3: declared federation settings match. */
function matchingFederation(m: TopologyModel): Violation[] {
  return hybridEdges(m).flatMap((h) => {
    if (!h.federationSettings) return [];
    const problems = federationMismatches(h.federationSettings);
    if (problems.length === 0) return [];
    return [{
      path: h.path,
      message: `hybridFederation does not match the tenant: ${problems.join('; ')}; make the on-premises Access Edge configuration (Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery, New-/Remove-CsAllowedDomain, New-/Remove-CsBlockedDomain) and the tenant's external access (Set-CsTenantFederationConfiguration) agree, then update hybridFederation`,
    }];
  });
}

export const HYBRID_RULES = [
  rule('HYB-1', Severity.ERROR, 'Teams hybrid goes through the federation Edge pool', `${PLAN}: DNS settings (${EDGE_SRV.federation.name} to the Access Edge) and Server version requirements; ${CONFIGURE}`, hybridOnFederationEdge),
  rule('HYB-2', Severity.ERROR, 'A single on-premises deployment is in hybrid with the tenant', `${PLAN}: Infrastructure requirements ("A single on-premises deployment", "only a single tenant") and Multi-forest support`, singleDeployment),
  rule('HYB-3', Severity.ERROR, 'On-premises federation and partner discovery match the tenant', `${PLAN}: Federation requirements`, matchingFederation),
];

export const HYBRID_STATUS = [
  status(
    'HYB-4',
    RuleStatusKind.BY_CONSTRUCTION,
    `The federation Edge pool, the Director or pool that is its next hop, and at least one Front End pool must run the newest version in the topology (${HYBRID_SOURCES.planPorts2015}, Topology requirements; ${HYBRID_SOURCES.plan}, Server version requirements). A deployment has one product version (SfbDeployment productVersion), so every pool runs it.`,
  ),
];
