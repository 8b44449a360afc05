/**
 * What a site's reverse proxy publishes and how it forwards each name (TOPO-3, OWA-3): a pure function
 * of the site's web pools and farms and the deployment's external simple-URL names.
 *
 * Sources (MicrosoftDocs/OfficeDocs-SkypeForBusiness):
 * - `Skype/SfbServer/sfbs2019/configuration-requirements-for-reverse-proxy.md`: the proxy publishes the
 *   external web services of the Director and Front End pools (and the Office Web Apps / Office Online
 *   Server farm for conferencing) over TLS with a public certificate.
 * - `Lync/LyncServer/lync-server-2013-port-summary-reverse-proxy.md`: listeners 443 and 80, forwarded to
 *   the external web site of the next hop on 4443 and 8080; the Office Web Apps Server on 443.
 * - `Skype/SfbServer/plan-your-deployment/network-requirements/dns.md`: Meet, Dial-in and
 *   `lyncdiscover` resolve externally to the reverse proxy, whose next hop is the Director pool when
 *   there is one, else the Front End pool.
 */
import { PublishedNameModel } from './topology';

/** External 443 to 4443 (HTTPS) and 80 to 8080 (HTTP) on the next hop's external web site. */
export const SFB_BRIDGING: PublishedNameModel['bridging'] = Object.freeze([
  Object.freeze({ listenerPort: 443, protocol: 'Https' as const, backendPort: 4443 }),
  Object.freeze({ listenerPort: 80, protocol: 'Http' as const, backendPort: 8080 }),
]);

/** An Office Online Server farm is HTTPS only, on its own port 443. */
export const FARM_BRIDGING: PublishedNameModel['bridging'] = Object.freeze([Object.freeze({ listenerPort: 443, protocol: 'Https' as const, backendPort: 443 })]);

/** A web pool of the proxy's site as the proxy sees it. */
export interface ProxiedWebPool {
  readonly path: string;
  readonly kind: 'Director pool' | 'Front End pool';
  readonly externalWebFqdn: string;
  /** Its web VIP, or its one server (Standard Edition). */
  readonly address: string;
}

/** An Office Online Server farm of the proxy's site. */
export interface ProxiedFarm {
  readonly path: string;
  readonly fqdn: string;
  readonly externalFqdn?: string;
  readonly address: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every name the proxy of one site publishes: each pool's external web FQDN to that pool, the shared
 * external names (Meet, Dial-in, `lyncdiscover`) to the site's first Director pool (by path), else its
 * first Front End pool, and each farm's external FQDN to the farm. Sorted by FQDN; a name claimed
 * twice is published once, to its first claimant by path (NAME-4 reports the clash).
 */
export function publishedNames(pools: readonly ProxiedWebPool[], farms: readonly ProxiedFarm[], sharedNames: readonly string[]): PublishedNameModel[] {
  const sorted = [...pools].sort((a, b) => byText(a.path, b.path));
  const out = new Map<string, PublishedNameModel>();
  const add = (p: PublishedNameModel) => {
    const fqdn = p.fqdn.toLowerCase();
    if (!out.has(fqdn)) out.set(fqdn, { ...p, fqdn });
  };
  const web = (fqdn: string, purpose: PublishedNameModel['purpose'], pool: ProxiedWebPool): PublishedNameModel => ({
    fqdn,
    purpose,
    nextHopPath: pool.path,
    nextHopAddress: pool.address,
    nextHopFqdn: pool.externalWebFqdn.toLowerCase(),
    bridging: SFB_BRIDGING,
    hostHeader: 'forwarded',
  });
  for (const p of sorted) add(web(p.externalWebFqdn, 'external web services', p));
  const hop = sorted.find((p) => p.kind === 'Director pool') ?? sorted[0];
  if (hop) {
    for (const name of sharedNames) add(web(name, name.startsWith('lyncdiscover.') ? 'Autodiscover' : 'simple URL', hop));
  }
  for (const f of [...farms].sort((a, b) => byText(a.path, b.path))) {
    if (f.externalFqdn === undefined) continue;
    // The farm answers on its external URL too (its certificate carries it: certificates.md), so the proxy probes by that name.
    add({ fqdn: f.externalFqdn, purpose: 'Office Online Server', nextHopPath: f.path, nextHopAddress: f.address, nextHopFqdn: f.externalFqdn.toLowerCase(), bridging: FARM_BRIDGING, hostHeader: 'forwarded' });
  }
  return [...out.values()].sort((a, b) => byText(a.fqdn, b.fqdn));
}
