/**
 * Internal automatic sign-in and central-site voice resiliency (VOICE-5): `_sipinternaltls._tcp.<sipDomain>`
 * gets one entry per central site, pointing at the site's first hop: its first Director pool, else its
 * first Front End pool or Standard Edition server ("DNS SRV records ... each of which resolves to a
 * Director pool or Front End pool in each of your central sites").
 *
 * Why equal entries in Azure: the record set lives in the SIP domain's private zone, and Azure private
 * DNS gives every linked network the same answer. Any priority order there would make every site's
 * clients prefer one site. So every entry gets the same priority and weight: clients spread their first
 * hop over the sites, the first hop redirects each user to their home pool, and a client skips a site
 * that does not answer. The per-site preference Microsoft describes (own site first) only works where the
 * users' clients resolve names, in the customer's site-aware DNS (Windows DNS policies with client subnet
 * criteria, or per-site DNS servers); it is computed here as `siteSrvAnswers` and printed by the runbook.
 *
 * Strict DNS name matching: clients accept an SRV target only in the SIP domain itself. A pool whose FQDN
 * is in another domain (the AD domain) gets an alias A record `<pool label>.<sipDomain>` with the pool's
 * addresses; that name must be on the pool's certificate (the runbook says so).
 */
import { Construct } from 'constructs';
import { SiteSrvAnswerModel, SrvEntryModel } from '../model/topology';
import type { SfbDeployment } from './deployment';
import { ITopologyMember, ModelParts } from './model-builder';
import type { CentralSite } from './site';

const ID = 'registrar-discovery';
const SRV_PORT = 5061;
/** Priority of the entries in Azure, and of a site's own first hop in its per-site answer. */
const PREFERRED = 0;
/** Priority of the other sites' first hops in a per-site answer (tried when the own site fails). */
const FALLBACK = 10;
const WEIGHT = 10;

/** A pool that may be a site's first hop for sign-in. */
export interface FirstHopOffer {
  readonly site: CentralSite;
  /** Construct path of the pool. */
  readonly ownerPath: string;
  readonly fqdn: string;
  /** Addresses the pool FQDN resolves to (copied to the SIP-domain alias). */
  readonly addresses: readonly string[];
  /** A Director pool takes the place of a Front End pool as its site's first hop. */
  readonly kind: 'director' | 'registrar';
}

interface FirstHop {
  readonly offer: FirstHopOffer;
  readonly entry: SrvEntryModel;
}

/** One per deployment, created on first use; holds each site's first hop and publishes the SRV record set. */
export class RegistrarDiscovery extends Construct implements ITopologyMember {
  /** The deployment's registrar discovery, created on first use. */
  static of(deployment: SfbDeployment): RegistrarDiscovery {
    return (deployment.node.tryFindChild(ID) as RegistrarDiscovery | undefined) ?? new RegistrarDiscovery(deployment);
  }

  private readonly hops = new Map<string, FirstHop>();
  private readonly aliases = new Map<string, string>();

  private constructor(private readonly deployment: SfbDeployment) {
    super(deployment, ID);
    deployment.register(this);
  }

  /** The SRV name, e.g. `_sipinternaltls._tcp.contoso.com`. */
  get srvName(): string {
    return `_sipinternaltls._tcp.${this.deployment.sipDomain}`;
  }

  /** Offers a pool as its site's first hop: the first Director pool wins, else the first registrar pool. */
  offer(offer: FirstHopOffer): void {
    const sitePath = offer.site.node.path;
    const current = this.hops.get(sitePath);
    if (current && (current.offer.kind === 'director' || offer.kind === 'registrar')) return;
    const entry: SrvEntryModel = {
      name: this.srvName,
      scope: 'private',
      priority: PREFERRED,
      weight: WEIGHT,
      port: SRV_PORT,
      target: this.targetFor(offer),
      ownerPath: offer.ownerPath,
    };
    if (current) this.deployment.dns.replaceSrv(current.entry, entry);
    else this.deployment.dns.addSrv(entry);
    this.hops.set(sitePath, { offer, entry });
  }

  /** The pool FQDN when it is in the SIP domain, else an alias in the SIP domain with the pool's addresses. */
  private targetFor(offer: FirstHopOffer): string {
    const sip = this.deployment.sipDomain;
    if (offer.fqdn.endsWith(`.${sip}`) && offer.fqdn.split('.').length === sip.split('.').length + 1) return offer.fqdn;
    const label = offer.fqdn.split('.')[0];
    let alias = `${label}.${sip}`;
    const owner = this.aliases.get(alias);
    if (owner !== undefined && owner !== offer.ownerPath) alias = `${label}-${offer.site.node.id.toLowerCase()}.${sip}`;
    this.aliases.set(alias, offer.ownerPath);
    this.deployment.dns.addA('private', alias, offer.addresses);
    return alias;
  }

  /** Each site's first hop, in site order. */
  private orderedHops(): { sitePath: string; hop: FirstHop }[] {
    const order = this.deployment.sites.all.map((s) => s.node.path);
    return [...this.hops.entries()]
      .map(([sitePath, hop]) => ({ sitePath, hop }))
      .sort((a, b) => order.indexOf(a.sitePath) - order.indexOf(b.sitePath));
  }

  /** What each site's clients should get from site-aware DNS: their own first hop, then the others. */
  siteAnswers(): SiteSrvAnswerModel[] {
    const hops = this.orderedHops();
    return hops.map(({ sitePath }) => ({
      sitePath,
      name: this.srvName,
      entries: hops.map(({ sitePath: other, hop }) => ({
        ...hop.entry,
        priority: other === sitePath ? PREFERRED : FALLBACK,
      })),
    }));
  }

  contribute(parts: ModelParts): void {
    parts.siteSrvAnswers.push(...this.siteAnswers());
  }
}
