/**
 * The DNS plan: zones and record sets as a pure function of what the constructs asked for. One record
 * set per name (SRV-3, DNS load balancing), values and entries sorted, zones chosen from the whole set
 * of names: nothing depends on the order in which pools were declared.
 */
import { DnsRecordModel, SrvEntryModel } from './topology';

export type DnsScope = 'private' | 'public';

/** An address (or a reference known at apply time) and what reports show for it. */
export interface DnsValue {
  readonly value: string;
  /** Shown in the model and reports instead of `value` (public IPs are known only at apply time). */
  readonly label?: string;
  /** The site whose resource the value references (a public IP): its record set lives in that site's stack. */
  readonly site?: string;
}

export interface ARecordIntent {
  readonly scope: DnsScope;
  readonly fqdn: string;
  readonly values: readonly DnsValue[];
}

export interface CnameIntent {
  readonly fqdn: string;
  readonly target: string;
}

export interface DnsIntents {
  /** Domains that hold their names in a zone of their own; a name under none of them gets its parent domain's zone. */
  readonly privateDomains: readonly string[];
  readonly publicDomains: readonly string[];
  /** Private zones that exist even without records (the AD domain, which the sites resolve). */
  readonly requiredPrivateZones?: readonly string[];
  readonly a: readonly ARecordIntent[];
  readonly srv: readonly SrvEntryModel[];
  /** Public CNAMEs; a name that also has an A record keeps the A record (a name cannot hold both). */
  readonly cname: readonly CnameIntent[];
}

export interface PlannedZone {
  readonly scope: DnsScope;
  readonly domain: string;
}

interface PlannedSet {
  readonly scope: DnsScope;
  readonly fqdn: string;
  /** The zone's domain and the name relative to it (`@` for the apex). */
  readonly zone: string;
  readonly relativeName: string;
}

export interface PlannedARecord extends PlannedSet {
  readonly values: readonly DnsValue[];
  /** The one site every value references, when there is one (a stack per site renders the set there). */
  readonly site?: string;
}

export interface PlannedSrvRecord extends PlannedSet {
  readonly entries: readonly SrvEntryModel[];
}

export interface PlannedCname extends PlannedSet {
  readonly target: string;
}

export interface DnsPlan {
  readonly zones: readonly PlannedZone[];
  readonly a: readonly PlannedARecord[];
  readonly srv: readonly PlannedSrvRecord[];
  readonly cname: readonly PlannedCname[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts values by what they show: addresses numerically, labels as text. */
function valueKey(v: DnsValue): string {
  const text = v.label ?? v.value;
  return /^\d+\.\d+\.\d+\.\d+$/.test(text) ? text.split('.').map((o) => o.padStart(3, '0')).join('.') : `~${text}`;
}

/** The zone that holds a name: the longest zone domain it ends with. */
function zoneOf(domains: readonly string[], fqdn: string): string {
  return domains.filter((d) => fqdn === d || fqdn.endsWith('.' + d)).sort((a, b) => b.length - a.length)[0];
}

function relative(zone: string, fqdn: string): string {
  return fqdn === zone ? '@' : fqdn.slice(0, fqdn.length - zone.length - 1);
}

/** Plans zones and record sets from every intent. */
export function planDns(intents: DnsIntents): DnsPlan {
  const lower = (s: string) => s.toLowerCase();
  const srvOwner = (name: string) => name.split('.').slice(2).join('.');
  const names: Record<DnsScope, string[]> = {
    private: [...intents.a.filter((a) => a.scope === 'private').map((a) => lower(a.fqdn)), ...intents.srv.filter((s) => s.scope === 'private').map((s) => srvOwner(lower(s.name)))],
    public: [...intents.a.filter((a) => a.scope === 'public').map((a) => lower(a.fqdn)), ...intents.srv.filter((s) => s.scope === 'public').map((s) => srvOwner(lower(s.name))), ...intents.cname.map((c) => lower(c.fqdn))],
  };
  const domains: Record<DnsScope, string[]> = { private: [], public: [] };
  for (const scope of ['private', 'public'] as const) {
    const preferred = (scope === 'private' ? intents.privateDomains : intents.publicDomains).map(lower);
    const set = new Set(scope === 'private' ? (intents.requiredPrivateZones ?? []).map(lower) : []);
    for (const n of names[scope]) {
      const home = preferred.filter((d) => n === d || n.endsWith('.' + d)).sort((x, y) => y.length - x.length)[0];
      set.add(home ?? n.split('.').slice(1).join('.'));
    }
    domains[scope] = [...set].sort(byText);
  }
  const zones: PlannedZone[] = (['private', 'public'] as const).flatMap((scope) => domains[scope].map((domain) => ({ scope, domain })));
  const place = (scope: DnsScope, fqdn: string) => {
    const zone = zoneOf(domains[scope], fqdn);
    return { scope, fqdn, zone, relativeName: relative(zone, fqdn) };
  };

  const aSets = new Map<string, { scope: DnsScope; fqdn: string; values: Map<string, DnsValue> }>();
  for (const a of intents.a) {
    const fqdn = lower(a.fqdn);
    const key = `${a.scope}|${fqdn}`;
    const set = aSets.get(key) ?? { scope: a.scope, fqdn, values: new Map<string, DnsValue>() };
    for (const v of a.values) if (!set.values.has(v.value)) set.values.set(v.value, v);
    aSets.set(key, set);
  }
  const a = [...aSets.values()]
    .map((s): PlannedARecord => {
      const values = [...s.values.values()].sort((x, y) => byText(valueKey(x), valueKey(y)));
      const sites = new Set(values.map((v) => v.site));
      const site = sites.size === 1 ? values[0].site : undefined;
      return { ...place(s.scope, s.fqdn), values, ...(site !== undefined ? { site } : {}) };
    })
    .sort((x, y) => byText(`${x.scope}|${x.fqdn}`, `${y.scope}|${y.fqdn}`));

  const srvSets = new Map<string, SrvEntryModel[]>();
  for (const e of intents.srv) {
    const key = `${e.scope}|${lower(e.name)}`;
    const list = srvSets.get(key) ?? [];
    if (!list.some((x) => x.target === e.target && x.port === e.port && x.priority === e.priority && x.weight === e.weight)) list.push(e);
    srvSets.set(key, list);
  }
  const srv = [...srvSets.entries()]
    .sort(([x], [y]) => byText(x, y))
    .map(([, entries]): PlannedSrvRecord => {
      const name = lower(entries[0].name);
      const zone = zoneOf(domains[entries[0].scope], srvOwner(name));
      return {
        scope: entries[0].scope,
        fqdn: name,
        zone,
        relativeName: relative(zone, name),
        entries: [...entries].sort((p, q) => p.priority - q.priority || q.weight - p.weight || byText(p.target, q.target) || p.port - q.port),
      };
    });

  const taken = new Set(a.filter((r) => r.scope === 'public').map((r) => r.fqdn));
  const cnameByName = new Map<string, CnameIntent>();
  for (const c of intents.cname) if (!taken.has(lower(c.fqdn))) cnameByName.set(lower(c.fqdn), c);
  const cname = [...cnameByName.entries()]
    .sort(([x], [y]) => byText(x, y))
    .map(([fqdn, c]): PlannedCname => ({ ...place('public', fqdn), target: lower(c.target) }));
  return { zones, a, srv, cname };
}

/** The records of a plan as the topology model shows them. */
export function dnsRecordModels(plan: DnsPlan): DnsRecordModel[] {
  return [
    ...plan.a.map((r): DnsRecordModel => ({ fqdn: r.fqdn, scope: r.scope, type: 'A', values: r.values.map((v) => v.label ?? v.value) })),
    ...plan.cname.map((c): DnsRecordModel => ({ fqdn: c.fqdn, scope: 'public', type: 'CNAME', values: [c.target] })),
  ];
}
