/**
 * Simple URLs (Meet, Dial-in, Admin: Topology Builder's deployment-wide settings, TB-1) and the
 * Autodiscover names (`lyncdiscover`, `lyncdiscoverinternal`): which web services serve them, the
 * records that publish them, and how they fail over with the pools (PAIR-21). A pure function of the
 * pools, so it is planned once for the DNS records, the Traffic Manager profile, the rules, the
 * reports and the runbook.
 *
 * Sources (MicrosoftDocs/OfficeDocs-SkypeForBusiness):
 * - SURL `Skype/SfbServer/plan-your-deployment/network-requirements/simple-urls.md`: "You are required to
 *   set up simple URLs for Meet and Dial-In, and the Admin simple URL is optional"; one Meet URL per SIP
 *   domain, one Dial-in and one Admin per organization; naming option 1 (`https://meet.contoso.com`,
 *   `https://dialin.contoso.com`, `https://admin.contoso.com`) is what the defaults follow.
 * - DNS `Skype/SfbServer/plan-your-deployment/network-requirements/dns.md` and the mobility DNS page:
 *   `lyncdiscoverinternal.<sipdomain>` resolves to "Internal Web Services IP address (virtual IP (VIP)
 *   address if you use a load balancer) of your Director pool, if you have one, or of your Front End pool
 *   if you do not have a Director"; `lyncdiscover.<sipdomain>`, Meet and Dial-in resolve externally to
 *   the reverse proxy; Admin is internal only (the Control Panel).
 *
 * Decisions:
 * - **Defaults**: Meet `https://meet.<sipDomain>`, Dial-in `https://dialin.<sipDomain>` (option 1, the
 *   form the certificate and DNS tables use); Admin none, because it is optional and, when given, only
 *   ever published internally.
 * - **Which web services**: a Director pool if the deployment has one (in the site of the pool that
 *   hosts the Central Management Store first, then by construct path), else the pool that hosts the
 *   Central Management Store, else the smallest path. The standby is a pool of the same kind in another
 *   site (a Front End pool's paired partner first).
 * - **Failover of the external names: Azure Traffic Manager, priority routing**, rather than a GeoDNS
 *   provider: it is the Azure form of SURL's "connect primarily to one pool ... and use the other pool
 *   only in case of connectivity failure", its HTTPS probe is the monitoring SURL asks for (`GET
 *   <PoolExternalWebFQDN>/autodiscover/autodiscoverservice.svc/root` must return 200 OK), and Meet,
 *   Dial-in and Lyncdiscover are plain host names that may be CNAMEs. Names that cannot use it:
 *   SRV records and their targets (DNS-8: a target must be an A name in the SRV's domain, Traffic
 *   Manager answers with a CNAME), pool and server FQDNs (DNS load balancing), Admin (SURL: "For the
 *   Admin simple URL, use one of the three options listed earlier"), and every internal name: Traffic
 *   Manager probes come from the Internet and cannot reach private addresses. The internal names point
 *   at the primary's internal web services and the runbook moves them to the standby.
 */
import type { ARecordIntent, CnameIntent, DnsValue } from './dns-plan';
import { trafficManagerProfileName } from './names';

export type SimpleUrlKind = 'meet' | 'dialin' | 'admin';

export interface SimpleUrlSettings {
  readonly meet?: string;
  readonly dialIn?: string;
  readonly admin?: string;
  /** Fail over the external names with Azure Traffic Manager. @default true (when pools are paired across sites) */
  readonly trafficManager?: boolean;
}

export interface SimpleUrlModel {
  readonly kind: SimpleUrlKind;
  /** As configured in Topology Builder, e.g. `https://meet.contoso.com`. */
  readonly url: string;
  /** The host part, when the URL has one that is a DNS name (TB-1 reports the others). */
  readonly host?: string;
  /** Whether the library chose it (no prop given). */
  readonly isDefault: boolean;
}

/** A pool whose web services can serve the simple URLs and Autodiscover. */
export interface WebServicesPool {
  readonly path: string;
  readonly sitePath: string;
  readonly fqdn: string;
  readonly kind: 'Director pool' | 'Front End pool' | 'Standard Edition server';
  readonly internalWebFqdn: string;
  readonly externalWebFqdn: string;
  /** Addresses of the internal web services: the load balancer VIP, or the server of a Standard Edition pool. */
  readonly internalAddresses: readonly string[];
}

export interface TrafficManagerPlan {
  /** Azure resource name of the profile. */
  readonly profileName: string;
  /** `<relativeName>.trafficmanager.net`, unique in Azure. */
  readonly relativeName: string;
  readonly fqdn: string;
  readonly routing: 'Priority';
  readonly monitor: { readonly protocol: 'HTTPS'; readonly port: 443; readonly path: string; readonly expectedStatus: string };
  /** External endpoints by priority (1 = primary). */
  readonly endpoints: readonly { readonly name: string; readonly target: string; readonly priority: number; readonly poolPath: string }[];
  /** Public names that are CNAMEs to the profile. */
  readonly names: readonly string[];
}

export interface SimpleUrlsModel {
  readonly urls: readonly SimpleUrlModel[];
  /** `lyncdiscover.<sipDomain>`: external Autodiscover, on the reverse proxy. */
  readonly lyncdiscover: string;
  /** `lyncdiscoverinternal.<sipDomain>`: internal Autodiscover, on the primary's internal web services. */
  readonly lyncdiscoverInternal: string;
  /** Names resolved in the private zones, all to the primary's internal web services. */
  readonly internalNames: readonly string[];
  /** Names resolved on the Internet (through Traffic Manager, or published by the customer). */
  readonly externalNames: readonly string[];
  readonly primary?: WebServicesPool;
  readonly standby?: WebServicesPool;
  /** Why the primary and the standby were chosen (a choice by key, never by declaration order). */
  readonly chosenBecause?: WebPoolChoice;
  readonly trafficManager?: TrafficManagerPlan;
  /** The user opted out of Traffic Manager (`simpleUrls.trafficManager: false`). */
  readonly trafficManagerDisabled: boolean;
  /** Resource group of the DNS zones and the profile (the runbook's commands name it). */
  readonly resourceGroup?: string;
}

export interface SimpleUrlPlanInput {
  readonly deploymentName: string;
  readonly sipDomain: string;
  /** Resource group of the deployment-wide resources, for the runbook's commands. */
  readonly resourceGroup?: string;
  readonly settings?: SimpleUrlSettings;
  /** Candidate web pools: Director pools first is not required, the planner orders them. */
  readonly pools: readonly (WebServicesPool & { readonly hostsCentralManagementStore?: boolean })[];
  /** Paired Front End pools, by path. */
  readonly pairs: readonly { readonly primaryPath: string; readonly backupPath: string }[];
}

/** The HTTPS request SURL names for monitoring the external web services of a pool. */
export const AUTODISCOVER_PROBE_PATH = '/autodiscover/autodiscoverservice.svc/root';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The host of an `https://host[/path]` URL, lower case, when it is a DNS name (no port, no user). */
export function simpleUrlHost(url: string): string | undefined {
  const m = /^https?:\/\/([^/?#]*)/i.exec(url.trim());
  if (!m) return undefined;
  const host = m[1].toLowerCase();
  return DOMAIN.test(host) ? host : undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function unique(names: readonly (string | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/** Every simple URL of the deployment, defaults filled in. */
export function simpleUrlsOf(sipDomain: string, settings: SimpleUrlSettings = {}): SimpleUrlModel[] {
  const url = (kind: SimpleUrlKind, given: string | undefined, fallback: string | undefined): SimpleUrlModel[] => {
    const value = given ?? fallback;
    return value === undefined ? [] : [{ kind, url: value, host: simpleUrlHost(value), isDefault: given === undefined }];
  };
  return [
    ...url('meet', settings.meet, `https://meet.${sipDomain}`),
    ...url('dialin', settings.dialIn, `https://dialin.${sipDomain}`),
    ...url('admin', settings.admin, undefined),
  ];
}

/** Why the planner chose each web pool (the runbook quotes it). */
export interface WebPoolChoice {
  readonly primary?: string;
  readonly standby?: string;
}

/** Primary and standby web services: a Director pool first (the CMS site's first), then the CMS pool, then by path. */
function chooseWebPools(input: SimpleUrlPlanInput): { primary?: WebServicesPool; standby?: WebServicesPool; why: WebPoolChoice } {
  const cmsSite = [...input.pools].filter((p) => p.hostsCentralManagementStore).sort((a, b) => byText(a.path, b.path))[0]?.sitePath;
  const rank = (p: SimpleUrlPlanInput['pools'][number]) =>
    p.kind === 'Director pool' ? (p.sitePath === cmsSite ? 0 : 1) : p.hostsCentralManagementStore ? 2 : 3;
  const ordered = [...input.pools].sort((a, b) => rank(a) - rank(b) || byText(a.path, b.path));
  const primary = ordered[0];
  if (!primary) return { why: {} };
  const primaryWhy = [
    'the Director pool in the site of the pool that hosts the Central Management Store',
    'the Director pool with the smallest construct path (no Director pool in the site of the Central Management Store)',
    'the pool that hosts the Central Management Store (no Director pool)',
    'the web pool with the smallest construct path (no Director pool, and no pool hosts the Central Management Store)',
  ][rank(primary)];
  const partnerPath = input.pairs
    .map((p) => (p.primaryPath === primary.path ? p.backupPath : p.backupPath === primary.path ? p.primaryPath : undefined))
    .find((p) => p !== undefined && p !== primary.path);
  const elsewhere = ordered.filter((p) => p.sitePath !== primary.sitePath);
  const sameKind = (p: WebServicesPool) => (p.kind === 'Director pool') === (primary.kind === 'Director pool');
  const standby = elsewhere.find((p) => p.path === partnerPath) ?? elsewhere.find(sameKind) ?? elsewhere[0];
  const standbyWhy = !standby
    ? undefined
    : standby.path === partnerPath
      ? 'the paired pool of the primary'
      : `the ${sameKind(standby) ? 'pool of the same kind' : 'web pool'} in another site that ranks first (Director pools, the Central Management Store's site first; then the pool that hosts the store; then by construct path)`;
  return { primary, standby, why: { primary: primaryWhy, ...(standbyWhy ? { standby: standbyWhy } : {}) } };
}

function dnsLabel(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The simple URLs, Autodiscover names and their failover for a deployment. */
export function planSimpleUrls(input: SimpleUrlPlanInput): SimpleUrlsModel {
  const settings = input.settings ?? {};
  const urls = simpleUrlsOf(input.sipDomain, settings);
  const lyncdiscover = `lyncdiscover.${input.sipDomain}`.toLowerCase();
  const lyncdiscoverInternal = `lyncdiscoverinternal.${input.sipDomain}`.toLowerCase();
  const host = (kind: SimpleUrlKind) => urls.find((u) => u.kind === kind)?.host;
  const internalNames = unique([lyncdiscoverInternal, host('meet'), host('dialin'), host('admin')]);
  // Admin is internal only (the Control Panel); Meet, Dial-in and Autodiscover are published outside.
  const externalNames = unique([lyncdiscover, host('meet'), host('dialin')]);
  const { primary, standby, why } = chooseWebPools(input);
  const disabled = settings.trafficManager === false;
  // Only paired pools fail over (PAIR-21); two unpaired sites get no profile they did not ask for.
  const siteOf = new Map(input.pools.map((p) => [p.path, p.sitePath]));
  const crossSitePair = input.pairs.some((p) => siteOf.has(p.primaryPath) && siteOf.has(p.backupPath) && siteOf.get(p.primaryPath) !== siteOf.get(p.backupPath));
  let trafficManager: TrafficManagerPlan | undefined;
  if (!disabled && crossSitePair && primary && standby && primary.externalWebFqdn.toLowerCase() !== standby.externalWebFqdn.toLowerCase()) {
    const relativeName = `${dnsLabel(input.deploymentName)}-${dnsLabel(input.sipDomain)}-web`.slice(0, 63).replace(/-+$/, '');
    trafficManager = {
      profileName: trafficManagerProfileName(dnsLabel(input.deploymentName)),
      relativeName,
      fqdn: `${relativeName}.trafficmanager.net`,
      routing: 'Priority',
      monitor: { protocol: 'HTTPS', port: 443, path: AUTODISCOVER_PROBE_PATH, expectedStatus: '200-200' },
      // Two pools whose web FQDNs give one label are a naming finding (NAME-*); the names stay unique so
      // that rendering never fails before synthesis can report it.
      endpoints: [primary, standby].map((p, i, both) => {
        const label = dnsLabel(p.externalWebFqdn);
        const clash = both.some((q, j) => j !== i && dnsLabel(q.externalWebFqdn) === label);
        return { name: clash ? `${label}-${i + 1}` : label, target: p.externalWebFqdn.toLowerCase(), priority: i + 1, poolPath: p.path };
      }),
      names: externalNames,
    };
  }
  return { urls, lyncdiscover, lyncdiscoverInternal, internalNames, externalNames, primary, standby, chosenBecause: why, trafficManager, trafficManagerDisabled: disabled, resourceGroup: input.resourceGroup };
}

/**
 * The records the plan asks for: the internal names in the private zones (A records to the primary's
 * internal web services), and the external names as public CNAMEs to the Traffic Manager profile when
 * there is one (otherwise the customer publishes them: the DNS report lists them).
 */
export function simpleUrlDnsIntents(plan: SimpleUrlsModel): { a: ARecordIntent[]; cname: CnameIntent[] } {
  const values: DnsValue[] = (plan.primary?.internalAddresses ?? []).map((value) => ({ value }));
  const a = values.length === 0 ? [] : plan.internalNames.map((fqdn): ARecordIntent => ({ scope: 'private', fqdn, values }));
  const cname = plan.trafficManager ? plan.trafficManager.names.map((fqdn): CnameIntent => ({ fqdn, target: plan.trafficManager!.fqdn })) : [];
  return { a, cname };
}
