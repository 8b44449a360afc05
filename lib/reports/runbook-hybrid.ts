/**
 * Runbook section for Teams hybrid (shared SIP address space): configuring hybrid through the
 * federation Edge pool (Microsoft's "Configure Skype for Business hybrid"), and what changes when the
 * federation Edge pool fails over and fails back. Empty when no Edge pool sets `teamsHybrid`.
 */
import { EDGE_SRV } from '../model/edge';
import { federationMismatches, HYBRID_SOURCES, hybridEdges, HybridEdgeModel, MICROSOFT_365_HOSTING_PROVIDER, MICROSOFT_365_RANGES_SOURCE } from '../model/microsoft-365';
import { shortName } from '../model/queries';
import { EdgePoolModel, TopologyModel } from '../model/topology';
import { blocks, bullets, code, steps } from './markdown';

/** The NSG rules (`<edge id>-<name>-from-microsoft-365`) EdgePool renders for hybrid. */
const M365_RULES = ['m365-sip', 'm365-av-tcp', 'm365-av-udp'] as const;

/** The Edge pool that takes over from `edge`: another site's first, by SRV priority, then path. */
function survivorOf(m: TopologyModel, edge: EdgePoolModel): EdgePoolModel | undefined {
  return m.edgePools
    .filter((e) => e.path !== edge.path)
    .sort((a, b) => Number(a.sitePath === edge.sitePath) - Number(b.sitePath === edge.sitePath) || a.srvPriority - b.srvPriority || (a.path < b.path ? -1 : 1))[0];
}

/** The `New-CsHostingProvider` command of Microsoft's page, for Microsoft 365. */
export function hostingProviderCommand(): string {
  const p = MICROSOFT_365_HOSTING_PROVIDER;
  return `New-CsHostingProvider -Identity ${p.identity} -Enabled $true -EnabledSharedAddressSpace $true -HostsOCSUsers $true -ProxyFqdn "${p.proxyFqdn}" -IsLocal $false -VerificationLevel UseSourceVerification -AutodiscoverUrl ${p.autodiscoverUrl}`;
}

function federationCheck(h: HybridEdgeModel): string {
  const s = h.federationSettings;
  const compare = `compare ${code('Get-CsAccessEdgeConfiguration')} (EnablePartnerDiscovery), ${code('Get-CsAllowedDomain')} and ${code('Get-CsBlockedDomain')} with the tenant's ${code('Get-CsTenantFederationConfiguration')} (AllowFederatedUsers, AllowedDomains, BlockedDomains)`;
  if (!s) {
    return `Make the federation settings match the tenant (HYB-3; not declared in the program, so not checked): partner discovery on premises needs open federation online, no partner discovery needs closed federation, and the allowed and blocked domain lists must be identical; ${compare}.`;
  }
  const mismatches = federationMismatches(s);
  const declared = `declared: on-premises partner discovery ${s.onPremisesPartnerDiscovery ? 'enabled' : 'disabled'}, ${s.tenantFederation} federation in the tenant`;
  return mismatches.length === 0
    ? `Check that the federation settings still match the tenant (HYB-3, ${declared}): ${compare}.`
    : `Fix the federation settings before enabling shared SIP address space (HYB-3 fails, ${declared}): ${mismatches.join('; ')}.`;
}

function configureSteps(m: TopologyModel, edge: EdgePoolModel, h: HybridEdgeModel): string[] {
  const discovery = h.federationSettings ? (h.federationSettings.onPremisesPartnerDiscovery ? '$True' : '$False') : '<$True with open federation in the tenant, $False with closed>';
  const p = MICROSOFT_365_HOSTING_PROVIDER;
  return [
    `DNS: ${code(`${EDGE_SRV.federation.name}.${m.sipDomain}`)} (port ${EDGE_SRV.federation.port}) resolves to ${edge.accessEdgeFqdn}, and ${edge.webConferencingEdgeFqdn} to the Web Conferencing Edge addresses; the deployment publishes both in the public zone of ${m.sipDomain}, and in its private zone too, with the same public addresses (${m.perSiteStacks ? 'each site\'s copy of the zone holds the records of its own Edge pools' : 'with the Access Edge A records the SRV targets'}): the private zone hides the public one inside the networks, and the Edge servers must resolve the SRV record, internal users the Web Conferencing Edge (${HYBRID_SOURCES.plan}, DNS settings). Strict name matching: every SIP domain shared with the tenant needs its own record.`,
    `Firewall: the Edge NSGs admit Microsoft 365 (${h.microsoft365Prefixes.join(', ')}) on 5061/TCP to the Access Edge and 3478/UDP and 50000-59999/TCP to the A/V Edge; outbound to Microsoft 365 passes Azure's default outbound rule. The ranges were recorded on ${MICROSOFT_365_RANGES_SOURCE.recorded} and change: compare them with ${MICROSOFT_365_RANGES_SOURCE.webService} (Skype for Business Online and Microsoft Teams) and set microsoft365AddressPrefixes when they differ.`,
    `Federation on premises: ${code(`Set-CsAccessEdgeConfiguration -AllowOutsideUsers $True -AllowFederatedUsers $True -EnablePartnerDiscovery ${discovery} -UseDnsSrvRouting`)}.`,
    federationCheck(h),
    `Remove an existing hosting provider for Microsoft 365: ${code(`Get-CsHostingProvider | ?{ $_.ProxyFqdn -eq "${p.proxyFqdn}" } | Remove-CsHostingProvider`)}.`,
    `Create it with shared SIP address space: ${code(hostingProviderCommand())}.`,
    `In the tenant (Teams PowerShell, ${code('Connect-MicrosoftTeams')}): ${code('Set-CsTenantFederationConfiguration -SharedSipAddressSpace $true')}. Keep it true until every user is homed online and no user remains on premises.`,
    `Check: ${code(`Get-CsHostingProvider -Identity ${p.identity}`)} shows Enabled and EnabledSharedAddressSpace True, and ${code('Get-CsTenantFederationConfiguration')} shows SharedSipAddressSpace True.`,
  ];
}

function failoverSteps(m: TopologyModel, edge: EdgePoolModel, to: EdgePoolModel): string[] {
  const srv = code(`${EDGE_SRV.federation.name}.${m.sipDomain}`);
  return [
    `Move the federation route to ${to.internalFqdn} (Edge pool section above), and set federation and teamsHybrid on ${to.internalFqdn} in the program at the next change, so that the model matches the published topology.`,
    `Point ${srv} at ${to.accessEdgeFqdn} only: in the public zone of ${m.sipDomain} remove the entry that targets ${edge.accessEdgeFqdn}. Microsoft 365 routes to the on-premises users through this record, and federated partners do not fail over by SRV priority (EDGE-16). The next apply of the stack that holds the record puts the entry back: apply it at failback.`,
    `The hosting provider needs no change: it names Microsoft's proxy ${MICROSOFT_365_HOSTING_PROVIDER.proxyFqdn}, not an Edge server, and shared SIP address space stays enabled in the tenant.`,
    `${to.internalFqdn} already admits Microsoft 365 (NSG rules ${M365_RULES.map((r) => code(`${shortName(to.path)}-${r}-from-microsoft-365`)).join(', ')}) and publishes ${srv}; its Access Edge certificate must be from a public certification authority, as for any federation.`,
    'Check from the tenant: a user homed online sees the presence of, and can send an instant message to, a user homed on premises. Until the route is back, users homed online and on premises cannot reach each other; each side keeps working on its own.',
  ];
}

function failbackSteps(m: TopologyModel, edge: EdgePoolModel): string[] {
  return [
    `Move the federation route back to ${edge.internalFqdn} (Edge pool section above) and restore teamsHybrid and federation on it in the program.`,
    `Put the ${code(`${EDGE_SRV.federation.name}.${m.sipDomain}`)} entry for ${edge.accessEdgeFqdn} back: apply the stack that holds the public zone of ${m.sipDomain}.`,
  ];
}

function hybridEdgeSection(m: TopologyModel, h: HybridEdgeModel): string {
  const edge = m.edgePools.find((e) => e.path === h.path);
  if (!edge) return '';
  const to = survivorOf(m, edge);
  return blocks(
    `## Teams hybrid through ${edge.internalFqdn}`,
    `Users of ${m.sipDomain} are split between this deployment and Microsoft Teams / Skype for Business Online (shared SIP address space); Microsoft 365 reaches them through the federation Edge pool ${edge.internalFqdn} (${edge.accessEdgeFqdn}). Sources: ${HYBRID_SOURCES.plan}, ${HYBRID_SOURCES.configure}.`,
    '### Configure hybrid',
    steps(configureSteps(m, edge, h)),
    to ? `### When ${edge.internalFqdn} fails over to ${to.internalFqdn}` : undefined,
    to ? steps(failoverSteps(m, edge, to)) : bullets([`There is no other Edge pool: while ${edge.internalFqdn} is down, users homed online and on premises cannot reach each other.`]),
    to ? `### Failback of ${edge.internalFqdn}` : undefined,
    to ? steps(failbackSteps(m, edge)) : undefined,
  );
}

/** The Teams hybrid section of the runbook (one per Edge pool in hybrid; HYB-1 allows one). */
export function hybridSection(m: TopologyModel): string {
  return blocks(...hybridEdges(m).map((h) => hybridEdgeSection(m, h)));
}
