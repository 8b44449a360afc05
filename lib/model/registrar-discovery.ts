/**
 * Internal automatic sign-in and central-site voice resiliency (VOICE-5): `_sipinternaltls._tcp.<sipDomain>`
 * gets one entry per central site, pointing at the site's first hop: a Director pool, else a Front End
 * pool or Standard Edition server ("DNS SRV records ... each of which resolves to a Director pool or
 * Front End pool in each of your central sites"). Where a site has several, the one with the smallest
 * construct path is its first hop: a choice by key, so declaration order never changes it.
 *
 * Why equal entries in Azure: the record set lives in the SIP domain's private zone, and Azure private
 * DNS gives every linked network the same answer. Any priority order there would make every site's
 * clients prefer one site. So every entry gets the same priority and weight: clients spread their first
 * hop over the sites, the first hop redirects each user to their home pool, and a client skips a site
 * that does not answer. The per-site preference Microsoft describes (own site first) only works where the
 * users' clients resolve names, in the customer's site-aware DNS (Windows DNS policies with client subnet
 * criteria, or per-site DNS servers); it is computed here as `siteAnswers` and printed by the runbook.
 *
 * Strict DNS name matching: clients accept an SRV target only in the SIP domain itself. A pool whose FQDN
 * is in another domain (the AD domain) gets an alias A record `<pool label>.<sipDomain>` with the pool's
 * addresses; that name must be on the pool's certificate (the runbook says so). Only first hops get an
 * alias, so no alias outlives the pool that needed it.
 */
import type { ARecordIntent, DnsValue } from './dns-plan';
import { SiteSrvAnswerModel, SrvEntryModel } from './topology';

const SRV_PORT = 5061;
/** Priority of the entries in Azure, and of a site's own first hop in its per-site answer. */
const PREFERRED = 0;
/** Priority of the other sites' first hops in a per-site answer (tried when the own site fails). */
const FALLBACK = 10;
const WEIGHT = 10;

/** A pool that may be a site's first hop for sign-in. */
export interface FirstHopOffer {
  readonly sitePath: string;
  /** Site ID, for a second alias with the same label. */
  readonly siteId: string;
  /** Construct path of the pool. */
  readonly ownerPath: string;
  readonly fqdn: string;
  /** Addresses the pool FQDN resolves to (copied to the SIP-domain alias). */
  readonly addresses: readonly DnsValue[];
  /** A Director pool takes the place of a Front End pool as its site's first hop. */
  readonly kind: 'director' | 'registrar';
}

export interface RegistrarDiscoveryPlan {
  readonly srv: readonly SrvEntryModel[];
  readonly aliases: readonly ARecordIntent[];
  readonly siteAnswers: readonly SiteSrvAnswerModel[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each site's first hop, its SRV entry and alias, from every offer. */
export function planRegistrarDiscovery(sipDomain: string, offers: readonly FirstHopOffer[]): RegistrarDiscoveryPlan {
  const rank = (o: FirstHopOffer) => (o.kind === 'director' ? 0 : 1);
  const hops = new Map<string, FirstHopOffer>();
  for (const o of [...offers].sort((x, y) => rank(x) - rank(y) || byText(x.ownerPath, y.ownerPath))) {
    if (!hops.has(o.sitePath)) hops.set(o.sitePath, o);
  }
  const ordered = [...hops.entries()].sort(([x], [y]) => byText(x, y));
  const aliasOwners = new Map<string, string>();
  const aliases: ARecordIntent[] = [];
  const entries = ordered.map(([sitePath, offer]) => {
    let target = offer.fqdn;
    const inSipDomain = offer.fqdn.endsWith(`.${sipDomain}`) && offer.fqdn.split('.').length === sipDomain.split('.').length + 1;
    if (!inSipDomain) {
      const label = offer.fqdn.split('.')[0];
      target = aliasOwners.has(`${label}.${sipDomain}`) ? `${label}-${offer.siteId.toLowerCase()}.${sipDomain}` : `${label}.${sipDomain}`;
      aliasOwners.set(target, offer.ownerPath);
      aliases.push({ scope: 'private', fqdn: target, values: offer.addresses });
    }
    const entry: SrvEntryModel = {
      name: `_sipinternaltls._tcp.${sipDomain}`,
      scope: 'private',
      priority: PREFERRED,
      weight: WEIGHT,
      port: SRV_PORT,
      target,
      ownerPath: offer.ownerPath,
    };
    return { sitePath, entry };
  });
  const siteAnswers = entries.map(({ sitePath }) => ({
    sitePath,
    name: `_sipinternaltls._tcp.${sipDomain}`,
    entries: entries.map(({ sitePath: other, entry }) => ({ ...entry, priority: other === sitePath ? PREFERRED : FALLBACK })),
  }));
  return { srv: entries.map((e) => e.entry), aliases, siteAnswers };
}
