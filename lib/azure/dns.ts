/**
 * DNS record sets for the whole deployment: one zone per domain, one record set per name.
 * Several pools may add to one name (DNS load balancing, SRV entries of several Edge pools):
 * the record set is created once and its values are rewritten on every add (SRV-3).
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
import { Roster } from '../constructs/roster';
import { DnsRecordModel, SrvEntryModel } from '../model/topology';

const TTL = 300;

/** Construct-ID-safe form of a DNS name. */
function idOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

type Scope = 'private' | 'public';

export interface ZoneEntry {
  readonly domain: string;
  readonly zone: Construct & { name: string };
  /** The zone's name as one token (read once: every token captures a stack trace). */
  readonly zoneName: string;
}

interface RecordSet {
  readonly scope: Scope;
  readonly fqdn: string;
  readonly values: string[];
  /** What the model shows per value (addresses known only at apply time get a readable label). */
  readonly modelValues: string[];
  readonly resource: PrivateDnsARecord | DnsARecord;
}

interface CnameSet {
  readonly fqdn: string;
  target: string;
  readonly resource: DnsCnameRecord;
}

interface SrvSet {
  readonly scope: Scope;
  readonly name: string;
  readonly entries: SrvEntryModel[];
  readonly resource: PrivateDnsSrvRecord | DnsSrvRecord;
}

export interface DnsRecordsProps {
  /** Resource group that holds the zones (created on first use). */
  readonly resourceGroupName: () => string;
  /** Domains that get a zone of their own first; a name under none of them gets its parent domain's zone. */
  readonly privateDomains: readonly string[];
  readonly publicDomains: readonly string[];
}

export class DnsRecords extends Construct {
  private readonly zones: Record<Scope, ZoneEntry[]> = { private: [], public: [] };
  private readonly aSets = new Map<string, RecordSet>();
  private readonly srvSets = new Map<string, SrvSet>();
  private readonly cnames = new Map<string, CnameSet>();
  private readonly srvEntryList: SrvEntryModel[] = [];
  /** Private zones, as they are created: each is linked to every site's network. */
  readonly privateZones = new Roster<ZoneEntry>();

  constructor(scope: Construct, id: string, private readonly props: DnsRecordsProps) {
    super(scope, id);
  }

  /** The zone that holds a name: the longest known domain it ends with, else its parent domain. */
  private zoneFor(scope: Scope, fqdn: string): ZoneEntry {
    const name = fqdn.toLowerCase();
    const preferred = scope === 'private' ? this.props.privateDomains : this.props.publicDomains;
    const known = [...preferred.map((d) => d.toLowerCase()), ...this.zones[scope].map((z) => z.domain)]
      .filter((d) => name === d || name.endsWith('.' + d))
      .sort((a, b) => b.length - a.length);
    const domain = known[0] ?? name.split('.').slice(1).join('.');
    const existing = this.zones[scope].find((z) => z.domain === domain);
    if (existing) return existing;
    const zoneProps = { name: domain, resourceGroupName: this.props.resourceGroupName() };
    const zone =
      scope === 'private'
        ? new PrivateDnsZone(this, `private-zone-${idOf(domain)}`, zoneProps)
        : new DnsZone(this, `public-zone-${idOf(domain)}`, zoneProps);
    const entry = { domain, zone, zoneName: zone.name };
    this.zones[scope].push(entry);
    if (scope === 'private') this.privateZones.add(entry);
    return entry;
  }

  private relative(zone: ZoneEntry, fqdn: string): string {
    const name = fqdn.toLowerCase();
    return name === zone.domain ? '@' : name.slice(0, name.length - zone.domain.length - 1);
  }

  /**
   * Adds addresses to the A record set of a name. `modelLabels` (one per address) replace the
   * addresses in the model, for addresses known only at apply time (public IPs).
   */
  addA(scope: Scope, fqdn: string, ips: readonly string[], modelLabels?: readonly string[]): void {
    const key = `${scope}|${fqdn.toLowerCase()}`;
    const existing = this.aSets.get(key);
    if (existing) {
      ips.forEach((ip, i) => {
        if (existing.values.includes(ip)) return;
        existing.values.push(ip);
        existing.modelValues.push(modelLabels?.[i] ?? ip);
      });
      existing.resource.records = [...existing.values];
      return;
    }
    const zone = this.zoneFor(scope, fqdn);
    const props = {
      name: this.relative(zone, fqdn),
      zoneName: zone.zoneName,
      resourceGroupName: this.props.resourceGroupName(),
      ttl: TTL,
      records: [...ips],
    };
    const id = `${scope}-a-${idOf(fqdn)}`;
    const resource = scope === 'private' ? new PrivateDnsARecord(this, id, props) : new DnsARecord(this, id, props);
    const modelValues = ips.map((ip, i) => modelLabels?.[i] ?? ip);
    this.aSets.set(key, { scope, fqdn: fqdn.toLowerCase(), values: [...ips], modelValues, resource });
  }

  /** Points a public name at another name (created once, retargeted on later calls). */
  setPublicCname(fqdn: string, target: string): void {
    const name = fqdn.toLowerCase();
    const existing = this.cnames.get(name);
    if (existing) {
      existing.target = target.toLowerCase();
      existing.resource.record = existing.target;
      return;
    }
    const zone = this.zoneFor('public', name);
    const resource = new DnsCnameRecord(this, `public-cname-${idOf(name)}`, {
      name: this.relative(zone, name),
      zoneName: zone.zone.name,
      resourceGroupName: this.props.resourceGroupName(),
      ttl: TTL,
      record: target.toLowerCase(),
    });
    this.cnames.set(name, { fqdn: name, target: target.toLowerCase(), resource });
  }

  /** Removes a public CNAME set with `setPublicCname` (a name cannot hold a CNAME and an A record). */
  removePublicCname(fqdn: string): void {
    const name = fqdn.toLowerCase();
    if (!this.cnames.delete(name)) return;
    this.node.tryRemoveChild(`public-cname-${idOf(name)}`);
  }

  /** Whether an A record set exists for a name. */
  hasA(scope: Scope, fqdn: string): boolean {
    return this.aSets.has(`${scope}|${fqdn.toLowerCase()}`);
  }

  /** Adds one entry to the SRV record set of a name; entries are kept in priority order. */
  addSrv(entry: SrvEntryModel): void {
    const key = `${entry.scope}|${entry.name.toLowerCase()}`;
    let set = this.srvSets.get(key);
    if (!set) {
      const zone = this.zoneFor(entry.scope, entry.name.split('.').slice(2).join('.'));
      const props = {
        name: this.relative(zone, entry.name),
        zoneName: zone.zoneName,
        resourceGroupName: this.props.resourceGroupName(),
        ttl: TTL,
        record: [],
      };
      const id = `${entry.scope}-srv-${idOf(entry.name)}`;
      const resource = entry.scope === 'private' ? new PrivateDnsSrvRecord(this, id, props) : new DnsSrvRecord(this, id, props);
      set = { scope: entry.scope, name: entry.name.toLowerCase(), entries: [], resource };
      this.srvSets.set(key, set);
    }
    set.entries.push(entry);
    set.entries.sort((a, b) => a.priority - b.priority || b.weight - a.weight || a.target.localeCompare(b.target));
    set.resource.putRecord(set.entries.map(({ priority, weight, port, target }) => ({ priority, weight, port, target })));
    this.srvEntryList.push(entry);
  }

  /**
   * Replaces an entry added earlier with another for the same name (a site's first hop moving from its
   * Front End pool to a Director pool); the record set keeps its resource, so its address is stable.
   */
  replaceSrv(previous: SrvEntryModel, entry: SrvEntryModel): void {
    const set = this.srvSets.get(`${previous.scope}|${previous.name.toLowerCase()}`);
    const i = set ? set.entries.indexOf(previous) : -1;
    if (!set || i < 0 || set.name !== entry.name.toLowerCase() || set.scope !== entry.scope) {
      throw new Error(`DnsRecords: cannot replace SRV entry ${previous.name} -> ${previous.target}: it was not added, or the replacement has another name`);
    }
    set.entries.splice(i, 1);
    this.srvEntryList.splice(this.srvEntryList.indexOf(previous), 1);
    this.addSrv(entry);
  }

  /** Links a private zone to a site's virtual network so the site's servers resolve its names. */
  linkPrivateZone(zone: ZoneEntry, networkKey: string, networkId: string): void {
    new PrivateDnsZoneVirtualNetworkLink(this, `link-${idOf(zone.domain)}-${networkKey}`, {
      name: `link-${networkKey}`,
      resourceGroupName: this.props.resourceGroupName(),
      privateDnsZoneName: zone.zoneName,
      virtualNetworkId: networkId,
      registrationEnabled: false,
    });
  }

  /** Ensures a private zone exists for a domain (the AD domain is linked even before it has records). */
  ensurePrivateZone(domain: string): void {
    this.zoneFor('private', `x.${domain}`);
  }

  get records(): DnsRecordModel[] {
    return [
      ...[...this.aSets.values()].map((s): DnsRecordModel => ({ fqdn: s.fqdn, scope: s.scope, type: 'A', values: [...s.modelValues] })),
      ...[...this.cnames.values()].map((c): DnsRecordModel => ({ fqdn: c.fqdn, scope: 'public', type: 'CNAME', values: [c.target] })),
    ];
  }

  get srvEntries(): SrvEntryModel[] {
    return [...this.srvEntryList];
  }
}
