/**
 * DNS for the whole deployment. Constructs only ask for records (`addA`, `addSrv`, `setPublicCname`);
 * the record sets are planned from every request at once (lib/model/dns-plan.ts) and rendered once,
 * at synthesis: a record set is never created and then rewritten, and no record outlives its reason.
 */
import { Construct } from 'constructs';
import {
  DnsARecord,
  DnsCnameRecord,
  DnsSrvRecord,
  DnsZone,
  PrivateDnsARecord,
  PrivateDnsSrvRecord,
  PrivateDnsZone,
  PrivateDnsZoneVirtualNetworkLink,
} from '../azurerm';
import { ARecordIntent, CnameIntent, DnsIntents, DnsPlan, DnsScope, planDns } from '../model/dns-plan';
import { SrvEntryModel } from '../model/topology';
import { dnsLinkName } from '../model/names';
import type { Revision } from '../model/revision';

const TTL = 300;

/** Construct-ID-safe form of a DNS name. */
function idOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** Records derived from the whole topology (a site's first hop, the legacy `sip` name), asked for at planning time. */
export type DnsDerivation = () => Partial<Pick<DnsIntents, 'a' | 'srv' | 'cname'>>;

export interface DnsRecordsProps {
  /** Domains that get a zone of their own first; a name under none of them gets its parent domain's zone. */
  readonly privateDomains: readonly string[];
  readonly publicDomains: readonly string[];
  /** Private zones that exist even without records. */
  readonly requiredPrivateZones?: readonly string[];
  /** The owning deployment's change counter: every record asked for bumps it. */
  readonly revision: Revision;
}

/** A virtual network every private zone is linked to. */
export interface ZoneLinkTarget {
  /** Stable key (the site ID): the link's name and construct ID. */
  readonly key: string;
  readonly networkId: string;
}

export class DnsRecords extends Construct {
  private readonly a: ARecordIntent[] = [];
  private readonly srv: SrvEntryModel[] = [];
  private readonly cnames: CnameIntent[] = [];
  private readonly derivations: DnsDerivation[] = [];
  private rendered = false;

  constructor(scope: Construct, id: string, private readonly props: DnsRecordsProps) {
    super(scope, id);
  }

  /**
   * Asks for addresses in the A record set of a name. `labels` (one per address) replace the addresses
   * in the model and reports, for addresses known only at apply time (public IPs).
   */
  addA(scope: DnsScope, fqdn: string, ips: readonly string[], labels?: readonly string[], site?: string): void {
    this.a.push({ scope, fqdn, values: ips.map((value, i) => ({ value, ...(labels?.[i] !== undefined ? { label: labels[i] } : {}), ...(site !== undefined ? { site } : {}) })) });
    this.props.revision.bump();
  }

  /** Asks for one entry in the SRV record set of a name. */
  addSrv(entry: SrvEntryModel): void {
    this.srv.push(entry);
    this.props.revision.bump();
  }

  /** Adds records computed from the whole topology when the plan is made. */
  derive(derivation: DnsDerivation): void {
    this.derivations.push(derivation);
    this.props.revision.bump();
  }

  /** The plan of every record asked for so far; `resolve` puts planned addresses in place of their tokens. */
  plan(resolve: (text: string) => string = (t) => t): DnsPlan {
    const derived = this.derivations.map((d) => d());
    const a = [...this.a, ...derived.flatMap((d) => d.a ?? [])].map((r) => ({ ...r, values: r.values.map((v) => ({ ...v, value: resolve(v.value) })) }));
    return planDns({
      privateDomains: this.props.privateDomains,
      publicDomains: this.props.publicDomains,
      requiredPrivateZones: this.props.requiredPrivateZones ?? [],
      a,
      srv: [...this.srv, ...derived.flatMap((d) => d.srv ?? [])],
      cname: [...this.cnames, ...derived.flatMap((d) => d.cname ?? [])],
    });
  }

  /**
   * Creates the zones, record sets and zone links of a plan under this construct; once (later calls
   * do nothing). One stack holds every zone (`renderDns` places them when each site has a stack).
   */
  render(plan: DnsPlan, resourceGroupName: string, links: readonly ZoneLinkTarget[]): void {
    if (this.rendered) return;
    this.rendered = true;
    renderDns(this, plan, { resourceGroupName, links, privateZones: true, publicZones: true, records: () => true });
  }
}

export interface DnsRenderOptions {
  /** Resource group of the zones this scope creates (and of every zone it refers to by name). */
  readonly resourceGroupName: string;
  /** Networks the private zones are linked to. */
  readonly links: readonly ZoneLinkTarget[];
  /** Create the private zones (with their records) here. */
  readonly privateZones: boolean;
  /** Create the public zones here; public records rendered elsewhere refer to them by name. */
  readonly publicZones: boolean;
  /** Resource group of the public zones, when they live in another stack. @default resourceGroupName */
  readonly publicZoneResourceGroupName?: string;
  /** Which public record sets to create here (private ones follow `privateZones`). */
  records(record: { readonly scope: DnsScope; readonly site?: string }): boolean;
}

/**
 * Renders a DNS plan, or the part of it one stack holds. With a stack per site, each site renders its
 * own copy of every private zone (linked to its own network) and the public record sets of its own
 * public IPs, and the global stack renders the public zones and the record sets no one site owns:
 * no stack refers to another's resources, only to names the plan fixed.
 */
export function renderDns(scope: Construct, plan: DnsPlan, options: DnsRenderOptions): void {
  const zoneNames = new Map<string, string>();
  const publicGroup = options.publicZoneResourceGroupName ?? options.resourceGroupName;
  for (const z of plan.zones) {
    const mine = z.scope === 'private' ? options.privateZones : options.publicZones;
    if (!mine) {
      if (z.scope === 'public') zoneNames.set(`public|${z.domain}`, z.domain);
      continue;
    }
    const props = { name: z.domain, resourceGroupName: options.resourceGroupName };
    const zone = z.scope === 'private' ? new PrivateDnsZone(scope, `private-zone-${idOf(z.domain)}`, props) : new DnsZone(scope, `public-zone-${idOf(z.domain)}`, props);
    const zoneName = zone.name;
    zoneNames.set(`${z.scope}|${z.domain}`, zoneName);
    if (z.scope !== 'private') continue;
    for (const link of [...options.links].sort((x, y) => (x.key < y.key ? -1 : 1))) {
      new PrivateDnsZoneVirtualNetworkLink(scope, `link-${idOf(z.domain)}-${link.key}`, {
        name: dnsLinkName(link.key),
        resourceGroupName: options.resourceGroupName,
        privateDnsZoneName: zoneName,
        virtualNetworkId: link.networkId,
        registrationEnabled: false,
      });
    }
  }
  // A private record of a site's public IPs (Teams hybrid) goes only into the copies of that site's stack.
  const here = (r: { readonly scope: DnsScope; readonly site?: string }) => (r.scope === 'private' ? options.privateZones && (r.site === undefined || options.records(r)) : options.records(r));
  const groupOf = (scope: DnsScope) => (scope === 'public' ? publicGroup : options.resourceGroupName);
  const zoneOf = (scope: DnsScope, domain: string) => zoneNames.get(`${scope}|${domain}`)!;
  for (const r of plan.a.filter(here)) {
    const props = { name: r.relativeName, zoneName: zoneOf(r.scope, r.zone), resourceGroupName: groupOf(r.scope), ttl: TTL, records: r.values.map((v) => v.value) };
    const id = `${r.scope}-a-${idOf(r.fqdn)}`;
    if (r.scope === 'private') new PrivateDnsARecord(scope, id, props);
    else new DnsARecord(scope, id, props);
  }
  for (const r of plan.srv.filter(here)) {
    const props = {
      name: r.relativeName,
      zoneName: zoneOf(r.scope, r.zone),
      resourceGroupName: groupOf(r.scope),
      ttl: TTL,
      record: r.entries.map(({ priority, weight, port, target }) => ({ priority, weight, port, target })),
    };
    const id = `${r.scope}-srv-${idOf(r.fqdn)}`;
    if (r.scope === 'private') new PrivateDnsSrvRecord(scope, id, props);
    else new DnsSrvRecord(scope, id, props);
  }
  for (const c of plan.cname.filter(() => options.records({ scope: 'public' }))) {
    new DnsCnameRecord(scope, `public-cname-${idOf(c.fqdn)}`, { name: c.relativeName, zoneName: zoneOf('public', c.zone), resourceGroupName: publicGroup, ttl: TTL, record: c.target });
  }
}
