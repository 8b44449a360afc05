/**
 * Microsoft 365 as the other end of Skype for Business hybrid (Teams hybrid, "shared SIP address
 * space"): its published address ranges, the Edge flows to and from it, and the hosting provider the
 * on-premises deployment points at. Plain data with sources; no cdktf.
 *
 * Address ranges. Microsoft publishes them in "Microsoft 365 URLs and IP address ranges" (worldwide
 * instance), service area "Skype for Business Online and Microsoft Teams":
 * - endpoint set 11 (Optimize, Required): the media relays, UDP 3478-3481;
 * - endpoint set 12 (Allow, Required): `*.lync.com` (so `sipfed.online.lync.com`, the hosting
 *   provider's proxy), `*.teams.microsoft.com`, `teams.microsoft.com`, TCP 443 and 80.
 * Source: learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges (MicrosoftDocs/
 * microsoft-365-docs, `microsoft-365/enterprise/urls-and-ip-address-ranges.md`, which includes the
 * generated table `microsoft-365/includes/office-365-worldwide-endpoints.md`); the machine-readable list
 * is https://endpoints.office.com/endpoints/worldwide. The values below are the sets as Microsoft
 * restates them in MicrosoftDocs/azure-docs `articles/communication-services/how-tos/call-automation/
 * secure-webhook-endpoint.md` (2025), recorded here on 2026-12-01 without access to the live web service.
 *
 * They change. Microsoft updates the list at the beginning of each month and publishes new addresses
 * 30 days before they are used (urls-and-ip-address-ranges.md, "Endpoints data is updated as needed at
 * the beginning of each month"). The stored 2022 table (worldwide endpoints version 2022072800) had
 * `13.107.64.0/18, 52.112.0.0/14, 52.120.0.0/14` for sets 11 and 12; later revisions list
 * `52.112.0.0/14, 52.122.0.0/15`. Check the list before applying, and give `EdgePool` prop
 * `microsoft365AddressPrefixes` when it differs from the data here.
 *
 * Service tags: Azure network security groups have none for these ranges. The NSG service tag list
 * (MicrosoftDocs/azure-docs `articles/virtual-network/service-tags-overview.md`) has no Microsoft 365,
 * Teams or Skype for Business tag; the Microsoft 365 tags (`Microsoft365.Skype...`) exist only in
 * Azure Firewall policy, for outbound rules (`articles/firewall/protect-office-365.md`: "Azure Firewall
 * policy supports Microsoft 365 service tags and FQDN tags. Classic rules don't support them."). So the
 * NSG rules list the prefixes themselves.
 *
 * Flows. The hybrid port table ("Port and protocol requirements", Skype for Business Server 2015
 * `Skype/SfbServer/skype-for-business-hybrid-solutions/plan-hybrid-connectivity.md` in
 * MicrosoftDocs/OfficeDocs-SkypeForBusiness): SIP (MTLS) TCP 5061 from the Access Edge to Microsoft 365
 * and back; STUN TCP from the A/V Edge (source 50000-59999) to Microsoft 365 443 and 50000-59999, and
 * from Microsoft 365 (source 443) to the A/V Edge 50000-59999; STUN UDP 3478 both ways. The current
 * page (`Skype/SfbHybrid/hybrid/plan-hybrid-connectivity.md`, "Firewall considerations") dropped the
 * table and refers to the URLs and IP address ranges page for ports; the flows in
 * lib/model/roles/edge.ts (`when: ['teams-hybrid']`) restate the table.
 */

/** One of Microsoft's published endpoint sets, as recorded. */
export interface Microsoft365EndpointSet {
  /** The set's ID in the Microsoft 365 endpoint web service. */
  readonly id: number;
  readonly category: string;
  readonly names: readonly string[];
  readonly ipv4: readonly string[];
  readonly ipv6: readonly string[];
  readonly ports: string;
}

/** Where the ranges come from and when they were recorded. */
export const MICROSOFT_365_RANGES_SOURCE = {
  page: 'Microsoft 365 URLs and IP address ranges (worldwide), "Skype for Business Online and Microsoft Teams", endpoint sets 11 and 12: learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges',
  webService: 'https://endpoints.office.com/endpoints/worldwide',
  restatedIn: 'MicrosoftDocs/azure-docs: articles/communication-services/how-tos/call-automation/secure-webhook-endpoint.md (2025)',
  recorded: '2026-12-01',
  changes: 'Microsoft updates the list monthly and publishes new addresses 30 days before use; check it before applying',
} as const;

/** Endpoint sets 11 and 12 (worldwide instance), as recorded on MICROSOFT_365_RANGES_SOURCE.recorded. */
export const TEAMS_ENDPOINT_SETS: readonly Microsoft365EndpointSet[] = [
  {
    id: 11,
    category: 'Optimize, Required',
    names: [],
    ipv4: ['52.112.0.0/14', '52.122.0.0/15'],
    ipv6: ['2603:1063::/38'],
    ports: 'UDP 3478, 3479, 3480, 3481',
  },
  {
    id: 12,
    category: 'Allow, Required',
    names: ['*.lync.com', '*.teams.microsoft.com', 'teams.microsoft.com'],
    ipv4: ['52.112.0.0/14', '52.122.0.0/15', '52.238.119.141/32', '52.244.160.207/32'],
    ipv6: ['2603:1027::/48', '2603:1037::/48', '2603:1047::/48', '2603:1057::/48', '2603:1063::/38', '2620:1ec:6::/48', '2620:1ec:40::/42'],
    ports: 'TCP 443, 80',
  },
];

/**
 * The IPv4 prefixes the Edge NSG rules admit from Microsoft 365: the union of sets 11 and 12, sorted
 * and without repeats. IPv4 only: the Edge public addresses the library builds are IPv4, and an Azure
 * NSG rule cannot mix IPv4 and IPv6 prefixes.
 */
export const MICROSOFT_365_IPV4: readonly string[] = [...new Set(TEAMS_ENDPOINT_SETS.flatMap((s) => s.ipv4))].sort(comparePrefixes);

function comparePrefixes(a: string, b: string): number {
  const key = (p: string) => {
    const [ip, len] = p.split('/');
    return [...ip.split('.').map(Number), Number(len)];
  };
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The hosting provider an on-premises deployment in hybrid points at (configure-federation-with-skype-for-business-online.md). */
export const MICROSOFT_365_HOSTING_PROVIDER = {
  identity: 'Office365',
  proxyFqdn: 'sipfed.online.lync.com',
  autodiscoverUrl: 'https://webdir.online.lync.com/Autodiscover/AutodiscoverService.svc/root',
} as const;

/** Microsoft's pages the hybrid rules, flows and runbook steps cite (MicrosoftDocs/OfficeDocs-SkypeForBusiness). */
export const HYBRID_SOURCES = {
  plan: 'Skype/SfbHybrid/hybrid/plan-hybrid-connectivity.md',
  planPorts2015: 'Skype/SfbServer/skype-for-business-hybrid-solutions/plan-hybrid-connectivity.md',
  configure: 'Skype/SfbHybrid/hybrid/configure-federation-with-skype-for-business-online.md',
} as const;

/**
 * The on-premises and tenant federation settings Microsoft requires to match for hybrid
 * (plan-hybrid-connectivity.md, "Federation requirements"): partner discovery on premises with open
 * federation online (and no partner discovery with closed federation), and identical allowed and
 * blocked domain lists.
 */
export interface HybridFederationSettings {
  /** `Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery` of the on-premises deployment. */
  readonly onPremisesPartnerDiscovery: boolean;
  /** The tenant's external access: open (any domain not blocked) or closed (allowed domains only). */
  readonly tenantFederation: 'open' | 'closed';
  /** The on-premises allowed domains (`Get-CsAllowedDomain`). @default - none */
  readonly onPremisesAllowedDomains?: string[];
  /** The tenant's allowed domains (`Get-CsTenantFederationConfiguration`). @default - none */
  readonly tenantAllowedDomains?: string[];
  /** The on-premises blocked domains (`Get-CsBlockedDomain`). @default - none */
  readonly onPremisesBlockedDomains?: string[];
  /** The tenant's blocked domains. @default - none */
  readonly tenantBlockedDomains?: string[];
}

function sameDomains(a: readonly string[] | undefined, b: readonly string[] | undefined): { onlyA: string[]; onlyB: string[] } {
  const x = new Set((a ?? []).map((d) => d.toLowerCase()));
  const y = new Set((b ?? []).map((d) => d.toLowerCase()));
  return { onlyA: [...x].filter((d) => !y.has(d)).sort(), onlyB: [...y].filter((d) => !x.has(d)).sort() };
}

/** The mismatches of declared settings, one sentence each. */
export function federationMismatches(s: HybridFederationSettings): string[] {
  const out: string[] = [];
  if (s.onPremisesPartnerDiscovery && s.tenantFederation !== 'open') {
    out.push('partner discovery is enabled on premises but the tenant\'s federation is closed (partner discovery needs open federation online)');
  }
  if (!s.onPremisesPartnerDiscovery && s.tenantFederation !== 'closed') {
    out.push('partner discovery is off on premises but the tenant\'s federation is open (no partner discovery needs closed federation online)');
  }
  for (const [kind, onPrem, tenant] of [
    ['allowed', s.onPremisesAllowedDomains, s.tenantAllowedDomains],
    ['blocked', s.onPremisesBlockedDomains, s.tenantBlockedDomains],
  ] as const) {
    const { onlyA, onlyB } = sameDomains(onPrem, tenant);
    if (onlyA.length > 0 || onlyB.length > 0) {
      const parts = [onlyA.length > 0 ? `${onlyA.join(', ')} only on premises` : '', onlyB.length > 0 ? `${onlyB.join(', ')} only in the tenant` : ''].filter((p) => p);
      out.push(`the ${kind} domain lists differ (${parts.join('; ')}); they must match exactly`);
    }
  }
  return out;
}

/** What an Edge pool enabled for Teams hybrid records in the model (`model.extra.teamsHybrid`). */
export interface HybridEdgeModel {
  /** Path of the Edge pool with `teamsHybrid: true`. */
  readonly path: string;
  readonly federationSettings?: HybridFederationSettings;
  /** Paths of other SfbDeployments in the same construct tree that are also in hybrid (HYB-2). */
  readonly otherHybridDeployments: readonly string[];
  /** The IPv4 prefixes the Edge NSGs admit from Microsoft 365. */
  readonly microsoft365Prefixes: readonly string[];
}

/** The key under `TopologyModel.extra` where Edge pools record Teams hybrid. */
export const TEAMS_HYBRID_EXTRA_KEY = 'teamsHybrid';

/** The Edge pools of a model that are enabled for Teams hybrid, in path order. */
export function hybridEdges(m: { readonly extra?: Readonly<Record<string, unknown>> }): readonly HybridEdgeModel[] {
  const list = (m.extra?.[TEAMS_HYBRID_EXTRA_KEY] ?? []) as readonly HybridEdgeModel[];
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
