/**
 * Azure regions by geography (AZURE-7: data residency and replication boundary) and by world area
 * (PAIR-7: the docs' "world region"). Region names as `CentralSite.location` takes them.
 */

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

const GEOGRAPHIES: readonly [string, WorldArea, readonly string[]][] = [
  ['United States', WorldArea.AMERICAS, ['centralus', 'eastus', 'eastus2', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3']],
  ['Canada', WorldArea.AMERICAS, ['canadacentral', 'canadaeast']],
  ['Brazil', WorldArea.AMERICAS, ['brazilsouth', 'brazilsoutheast']],
  ['Mexico', WorldArea.AMERICAS, ['mexicocentral']],
  ['Europe', WorldArea.EUROPE, ['northeurope', 'westeurope']],
  ['United Kingdom', WorldArea.EUROPE, ['uksouth', 'ukwest']],
  ['France', WorldArea.EUROPE, ['francecentral', 'francesouth']],
  ['Germany', WorldArea.EUROPE, ['germanynorth', 'germanywestcentral']],
  ['Switzerland', WorldArea.EUROPE, ['switzerlandnorth', 'switzerlandwest']],
  ['Norway', WorldArea.EUROPE, ['norwayeast', 'norwaywest']],
  ['Sweden', WorldArea.EUROPE, ['swedencentral', 'swedensouth']],
  ['Poland', WorldArea.EUROPE, ['polandcentral']],
  ['Italy', WorldArea.EUROPE, ['italynorth']],
  ['Spain', WorldArea.EUROPE, ['spaincentral']],
  ['Asia Pacific', WorldArea.ASIA_PACIFIC, ['eastasia', 'southeastasia']],
  ['Australia', WorldArea.ASIA_PACIFIC, ['australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast']],
  ['Japan', WorldArea.ASIA_PACIFIC, ['japaneast', 'japanwest']],
  ['Korea', WorldArea.ASIA_PACIFIC, ['koreacentral', 'koreasouth']],
  ['India', WorldArea.ASIA_PACIFIC, ['centralindia', 'southindia', 'westindia', 'jioindiacentral', 'jioindiawest']],
  ['New Zealand', WorldArea.ASIA_PACIFIC, ['newzealandnorth']],
  ['United Arab Emirates', WorldArea.MIDDLE_EAST, ['uaecentral', 'uaenorth']],
  ['Qatar', WorldArea.MIDDLE_EAST, ['qatarcentral']],
  ['Israel', WorldArea.MIDDLE_EAST, ['israelcentral']],
  ['South Africa', WorldArea.AFRICA, ['southafricanorth', 'southafricawest']],
];

const REGIONS: ReadonlyMap<string, RegionInfo> = new Map(
  GEOGRAPHIES.flatMap(([geography, area, regions]) => regions.map((r) => [r, { geography, area }] as const)),
);

/** Geography and world area of an Azure region; undefined when the library does not know the region. */
export function regionInfo(location: string): RegionInfo | undefined {
  return REGIONS.get(location.toLowerCase());
}
