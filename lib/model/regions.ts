/**
 * The Azure region catalog: name (as `CentralSite.location` takes it), display name, paired region,
 * availability-zone support, geography (AZURE-7: data residency and replication boundary) and world
 * area (PAIR-7: the docs' "world region").
 *
 * Sources: "Azure regions list" (learn.microsoft.com/azure/reliability/regions-list: display names,
 * availability zones, paired regions) and "Cross-region replication in Azure"
 * (learn.microsoft.com/azure/reliability/cross-region-replication-azure). Public regions only, as
 * listed there at the time of writing; a region Microsoft adds later needs a line here.
 */
import { readonlyMap } from './memo';

export enum WorldArea {
  AMERICAS = 'Americas',
  EUROPE = 'Europe',
  ASIA_PACIFIC = 'Asia Pacific',
  MIDDLE_EAST = 'Middle East',
  AFRICA = 'Africa',
}

export interface RegionInfo {
  /** Azure geography, e.g. `Europe`, `United Kingdom`, `United States`. */
  readonly geography: string;
  readonly area: WorldArea;
}

export interface Region extends RegionInfo {
  /** Programmatic name, e.g. `westeurope`. */
  readonly name: string;
  /** Display name, e.g. `West Europe`. */
  readonly displayName: string;
  /** The region Azure pairs it with for cross-region replication; undefined when it has none. */
  readonly pairedRegion?: string;
  /** Whether the region offers availability zones (1, 2, 3). */
  readonly availabilityZones: boolean;
}

/** [name, display name, paired region or '', zones] per geography. */
type Row = readonly [string, string, string, boolean];

const GEOGRAPHIES: readonly [string, WorldArea, readonly Row[]][] = [
  ['United States', WorldArea.AMERICAS, [
    ['centralus', 'Central US', 'eastus2', true],
    ['eastus', 'East US', 'westus', true],
    ['eastus2', 'East US 2', 'centralus', true],
    ['northcentralus', 'North Central US', 'southcentralus', false],
    ['southcentralus', 'South Central US', 'northcentralus', true],
    ['westcentralus', 'West Central US', 'westus2', false],
    ['westus', 'West US', 'eastus', false],
    ['westus2', 'West US 2', 'westcentralus', true],
    ['westus3', 'West US 3', 'eastus', true],
  ]],
  ['Canada', WorldArea.AMERICAS, [
    ['canadacentral', 'Canada Central', 'canadaeast', true],
    ['canadaeast', 'Canada East', 'canadacentral', false],
  ]],
  ['Brazil', WorldArea.AMERICAS, [
    ['brazilsouth', 'Brazil South', 'southcentralus', true],
    ['brazilsoutheast', 'Brazil Southeast', 'brazilsouth', false],
  ]],
  ['Mexico', WorldArea.AMERICAS, [['mexicocentral', 'Mexico Central', '', true]]],
  ['Chile', WorldArea.AMERICAS, [['chilecentral', 'Chile Central', '', true]]],
  ['Europe', WorldArea.EUROPE, [
    ['northeurope', 'North Europe', 'westeurope', true],
    ['westeurope', 'West Europe', 'northeurope', true],
  ]],
  ['United Kingdom', WorldArea.EUROPE, [
    ['uksouth', 'UK South', 'ukwest', true],
    ['ukwest', 'UK West', 'uksouth', false],
  ]],
  ['France', WorldArea.EUROPE, [
    ['francecentral', 'France Central', 'francesouth', true],
    ['francesouth', 'France South', 'francecentral', false],
  ]],
  ['Germany', WorldArea.EUROPE, [
    ['germanynorth', 'Germany North', 'germanywestcentral', false],
    ['germanywestcentral', 'Germany West Central', 'germanynorth', true],
  ]],
  ['Switzerland', WorldArea.EUROPE, [
    ['switzerlandnorth', 'Switzerland North', 'switzerlandwest', true],
    ['switzerlandwest', 'Switzerland West', 'switzerlandnorth', false],
  ]],
  ['Norway', WorldArea.EUROPE, [
    ['norwayeast', 'Norway East', 'norwaywest', true],
    ['norwaywest', 'Norway West', 'norwayeast', false],
  ]],
  ['Sweden', WorldArea.EUROPE, [
    ['swedencentral', 'Sweden Central', 'swedensouth', true],
    ['swedensouth', 'Sweden South', 'swedencentral', false],
  ]],
  ['Poland', WorldArea.EUROPE, [['polandcentral', 'Poland Central', '', true]]],
  ['Italy', WorldArea.EUROPE, [['italynorth', 'Italy North', '', true]]],
  ['Spain', WorldArea.EUROPE, [['spaincentral', 'Spain Central', '', true]]],
  ['Asia Pacific', WorldArea.ASIA_PACIFIC, [
    ['eastasia', 'East Asia', 'southeastasia', true],
    ['southeastasia', 'Southeast Asia', 'eastasia', true],
  ]],
  ['Australia', WorldArea.ASIA_PACIFIC, [
    ['australiacentral', 'Australia Central', 'australiacentral2', false],
    ['australiacentral2', 'Australia Central 2', 'australiacentral', false],
    ['australiaeast', 'Australia East', 'australiasoutheast', true],
    ['australiasoutheast', 'Australia Southeast', 'australiaeast', false],
  ]],
  ['Japan', WorldArea.ASIA_PACIFIC, [
    ['japaneast', 'Japan East', 'japanwest', true],
    ['japanwest', 'Japan West', 'japaneast', true],
  ]],
  ['Korea', WorldArea.ASIA_PACIFIC, [
    ['koreacentral', 'Korea Central', 'koreasouth', true],
    ['koreasouth', 'Korea South', 'koreacentral', false],
  ]],
  ['India', WorldArea.ASIA_PACIFIC, [
    ['centralindia', 'Central India', 'southindia', true],
    ['southindia', 'South India', 'centralindia', false],
    ['westindia', 'West India', 'southindia', false],
    ['jioindiacentral', 'Jio India Central', 'jioindiawest', false],
    ['jioindiawest', 'Jio India West', 'jioindiacentral', false],
  ]],
  ['Indonesia', WorldArea.ASIA_PACIFIC, [['indonesiacentral', 'Indonesia Central', '', true]]],
  ['Malaysia', WorldArea.ASIA_PACIFIC, [['malaysiawest', 'Malaysia West', '', true]]],
  ['New Zealand', WorldArea.ASIA_PACIFIC, [['newzealandnorth', 'New Zealand North', '', true]]],
  ['United Arab Emirates', WorldArea.MIDDLE_EAST, [
    ['uaecentral', 'UAE Central', 'uaenorth', false],
    ['uaenorth', 'UAE North', 'uaecentral', true],
  ]],
  ['Qatar', WorldArea.MIDDLE_EAST, [['qatarcentral', 'Qatar Central', '', true]]],
  ['Israel', WorldArea.MIDDLE_EAST, [['israelcentral', 'Israel Central', '', true]]],
  ['South Africa', WorldArea.AFRICA, [
    ['southafricanorth', 'South Africa North', 'southafricawest', true],
    ['southafricawest', 'South Africa West', 'southafricanorth', false],
  ]],
];

/** Every region of the catalog, by name. */
export const REGIONS: ReadonlyMap<string, Region> = readonlyMap(
  GEOGRAPHIES.flatMap(([geography, area, rows]) =>
    rows.map(([name, displayName, paired, zones]): [string, Region] => [
      name,
      { name, displayName, geography, area, availabilityZones: zones, ...(paired ? { pairedRegion: paired } : {}) },
    ]),
  ),
);

const key = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** A region by its name or display name (`westeurope`, `West Europe`); undefined when unknown. */
export function regionByName(location: string): Region | undefined {
  return REGIONS.get(key(location));
}

/** Geography and world area of an Azure region; undefined when the library does not know the region. */
export function regionInfo(location: string): RegionInfo | undefined {
  return regionByName(location);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The known region names closest to a misspelt one (edit distance), best first, at most `count`. */
export function closestRegions(location: string, count = 3): string[] {
  const k = key(location);
  const scored = [...REGIONS.keys()].map((name) => ({ name, d: editDistance(k, name) }));
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  const best = scored[0].d;
  return scored.filter((s) => s.d <= best + 1).slice(0, count).map((s) => s.name);
}

/**
 * Where deployment-wide resources go when `globalLocation` is not given, chosen by key, never by
 * declaration order: the region of the primary site (`primarySite`: the site that hosts the Central
 * Management Store, else the smallest site ID) in one stack, or with a stack per site a region no site
 * uses, found from the primary site's region (`globalLocationFor`). GLOBAL-2 asks to give it.
 */
export function defaultGlobalLocation(sites: readonly { readonly name: string; readonly location: string }[], perSiteStacks: boolean, primary?: string): { readonly site: string; readonly location: string } | undefined {
  const site = primarySite(sites, primary);
  if (!site) return undefined;
  const location = perSiteStacks ? globalLocationFor(site.location, sites.map((s) => s.location)) ?? site.location : site.location;
  return { site: site.name, location };
}

/** The site named `primary` (the site of the Central Management Store) when there is one, else the smallest site name. */
export function primarySite<T extends { readonly name: string }>(sites: readonly T[], primary?: string): T | undefined {
  return sites.find((s) => s.name === primary) ?? [...sites].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

/**
 * A region for deployment-wide resources that no site uses: the given site's paired region when free,
 * else the first free region of its geography (by name), else undefined. A resource group keeps its
 * metadata in its region, so deployment-wide records must not share a site's fate.
 */
export function globalLocationFor(firstSite: string, siteLocations: readonly string[]): string | undefined {
  const used = new Set(siteLocations.map(key));
  const first = regionByName(firstSite);
  if (!first) return undefined;
  if (first.pairedRegion && !used.has(first.pairedRegion)) return first.pairedRegion;
  const free = (same: (r: Region) => boolean) => [...REGIONS.values()].filter((r) => same(r) && !used.has(r.name)).map((r) => r.name).sort()[0];
  return free((r) => r.geography === first.geography) ?? free((r) => r.area === first.area);
}
