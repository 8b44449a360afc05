/**
 * What each product version supports: numbers copied from the rule catalog, one profile per version.
 *
 * Skype for Business Server Subscription Edition (SE) is not written out: it is DERIVED from its base
 * version, Skype for Business Server 2019, with explicit overrides (`SE_OVERRIDES`). Microsoft ships SE
 * as the 2019 code base (SE RTM installs in place on top of a 2019 server, SE_SOURCES.inPlace), and the
 * SfB Server Learn pages are tagged "Applies to: 2015, 2019, Subscription Edition" rather than
 * published separately for SE. Every fact SE inherits, and what the stored Microsoft documentation does
 * or does not say about it for SE, is listed in `SE_FACTS` with its source. A table keyed by product
 * version that is not a profile field uses `perVersion`, so SE is derived there too.
 */
import { ProductVersion, WindowsServerVersion } from '../enums';

/** VM-1: physical sizing floor per role family. */
export interface SizingFloor {
  readonly cores: number;
  readonly memoryGb: number;
}

export type SizingFamily = 'pool-core' | 'edge-director-mediation';

/** Everything a rule, default or report needs to know about one product version. */
export interface ProductProfile {
  /** Name as Microsoft's pages write it. */
  readonly name: string;
  /** The version this profile is derived from, when it is derived (SE: 2019). */
  readonly baseVersion?: ProductVersion;
  /** VER-6 / FE-1: largest Enterprise pool. */
  readonly maxFrontEnds: number;
  /** VER-5 / FE-2: Topology Builder refuses to publish a 2-server Enterprise pool. */
  readonly refusesTwoServerPools: boolean;
  /** FE-4: whether a 1-server Enterprise pool is documented (false: UNCONFIRMED). */
  readonly oneServerPoolDocumented: boolean;
  /** FE-14: most users homed on one Enterprise pool. */
  readonly maxUsersPerPool: number;
  /** PAIR-8: most users per Enterprise pool of a pair, so that each can serve both. */
  readonly maxUsersPerPairedPool: number;
  /** DIR-2: concurrent remote users one Director serves. */
  readonly remoteUsersPerDirector: number;
  /** MED-6: calls one stand-alone Mediation server carries without media bypass. */
  readonly callsPerMediationServer: number;
  /** MED-1: a collocated Mediation pool larger than 12 is presumed allowed up to this size (UNCONFIRMED). */
  readonly collocatedMediationPresumedLimit?: number;
  /** VER-3: Persistent Chat Server exists. */
  readonly persistentChat: boolean;
  /** VER-4: XMPP gateway and proxy exist. */
  readonly xmppFederation: boolean;
  /** VM-4: operating systems offered here that the version supports, oldest first. */
  readonly supportedOs: readonly WindowsServerVersion[];
  /** VM-1: physical sizing floors. */
  readonly sizing: Readonly<Record<SizingFamily, SizingFloor>>;
  /** PAIR-15: engineering targets of pool failover and failback. */
  readonly poolFailover: { readonly rto: string; readonly rpo: string };
}

/** The version Subscription Edition is derived from. */
export const SE_BASE_VERSION = ProductVersion.SKYPE_FOR_BUSINESS_2019;

type WrittenOut = Exclude<ProductVersion, ProductVersion.SKYPE_FOR_BUSINESS_SE>;

/**
 * A table keyed by product version in which Subscription Edition is derived from 2019: the three
 * written-out versions, and SE as `derive(table[2019])` (the 2019 value itself when no override).
 */
export function perVersion<T>(written: Readonly<Record<WrittenOut, T>>, derive: (base: T) => T = (base) => base): Readonly<Record<ProductVersion, T>> {
  return { ...written, [ProductVersion.SKYPE_FOR_BUSINESS_SE]: derive(written[SE_BASE_VERSION]) };
}

const S = WindowsServerVersion;

const WRITTEN: Readonly<Record<WrittenOut, ProductProfile>> = {
  [ProductVersion.LYNC_SERVER_2013]: {
    name: 'Lync Server 2013',
    maxFrontEnds: 12,
    refusesTwoServerPools: false,
    oneServerPoolDocumented: true,
    maxUsersPerPool: 80000,
    maxUsersPerPairedPool: 40000,
    remoteUsersPerDirector: 12000,
    callsPerMediationServer: 1500,
    persistentChat: true,
    xmppFederation: true,
    supportedOs: [S.WINDOWS_SERVER_2012_R2],
    sizing: { 'pool-core': { cores: 12, memoryGb: 32 }, 'edge-director-mediation': { cores: 8, memoryGb: 16 } },
    poolFailover: { rto: '30 minutes', rpo: '30 minutes' },
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: {
    name: 'Skype for Business Server 2015',
    maxFrontEnds: 12,
    refusesTwoServerPools: false,
    oneServerPoolDocumented: true,
    maxUsersPerPool: 80000,
    maxUsersPerPairedPool: 40000,
    remoteUsersPerDirector: 12000,
    callsPerMediationServer: 1500,
    persistentChat: true,
    xmppFederation: true,
    supportedOs: [S.WINDOWS_SERVER_2012_R2, S.WINDOWS_SERVER_2016, S.WINDOWS_SERVER_2019],
    sizing: { 'pool-core': { cores: 12, memoryGb: 32 }, 'edge-director-mediation': { cores: 8, memoryGb: 16 } },
    poolFailover: { rto: '15 to 20 minutes', rpo: '5 minutes' },
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: {
    name: 'Skype for Business Server 2019',
    maxFrontEnds: 16,
    refusesTwoServerPools: true,
    oneServerPoolDocumented: false,
    maxUsersPerPool: 106000,
    maxUsersPerPairedPool: 53000,
    remoteUsersPerDirector: 18000,
    callsPerMediationServer: 2000,
    collocatedMediationPresumedLimit: 16,
    persistentChat: false,
    xmppFederation: false,
    supportedOs: [S.WINDOWS_SERVER_2016, S.WINDOWS_SERVER_2019, S.WINDOWS_SERVER_2022],
    sizing: { 'pool-core': { cores: 12, memoryGb: 64 }, 'edge-director-mediation': { cores: 8, memoryGb: 32 } },
    poolFailover: { rto: '15 to 20 minutes', rpo: '5 minutes' },
  },
};

/**
 * What Subscription Edition changes from 2019: its name and nothing else. No Microsoft page in reach
 * documents a topology, capacity, OS or SQL fact of SE that differs from 2019 (SE_FACTS). SQL Server
 * 2022 and Windows Server 2025 are NOT added: no Microsoft source for them was found (see SE_FACTS).
 */
const SE_OVERRIDES: Partial<ProductProfile> = {
  name: 'Skype for Business Server Subscription Edition',
};

/** Every version's profile; SE = 2019's profile plus SE_OVERRIDES. */
export const PRODUCT_PROFILES: Readonly<Record<ProductVersion, ProductProfile>> = perVersion(WRITTEN, (base) => ({
  ...base,
  ...SE_OVERRIDES,
  baseVersion: SE_BASE_VERSION,
}));

export function productProfile(version: ProductVersion): ProductProfile {
  return PRODUCT_PROFILES[version];
}

/** Sources of the SE derivation. */
export const SE_SOURCES = {
  inPlace:
    'Microsoft Skype for Business blog, "Why in-place upgrade from Skype for Business Server 2019 to Subscription Edition (SE) is low risk", 26 June 2025 (mirrored at https://azurefeeds.com/2025/06/26/why-in-place-upgrade-from-skype-for-business-server-2019-to-subscription-edition-se-is-low-risk): SE RTM installs on top of Skype for Business Server 2019; side-by-side migration is mandatory from 2015 and optional from 2019',
  nextVersion:
    'Microsoft Skype for Business blog, "The Next Version of Skype for Business Server", September 2020 (https://techcommunity.microsoft.com/t5/skype-for-business-blog/the-next-version-of-skype-for-business-server/ba-p/1713765): in-place upgrade from 2019, side-by-side deployment and migration from earlier versions',
  lifecycle: 'Microsoft Lifecycle, Skype for Business Server Subscription Edition (https://learn.microsoft.com/lifecycle/products/skype-for-business-server-subscription-edition): Modern Lifecycle Policy, released 1 July 2025',
} as const;

/** One fact of Subscription Edition: whether it is inherited from 2019 or overridden, and the source. */
export interface DerivedFact {
  /** The rule or default the fact feeds. */
  readonly ruleIds: readonly string[];
  readonly fact: string;
  /** inherited: the 2019 value, no SE-specific statement found; overridden: SE has its own value. */
  readonly status: 'inherited' | 'overridden';
  readonly source: string;
}

const INHERITED_NOTE = 'no SE-specific statement found in MicrosoftDocs/OfficeDocs-SkypeForBusiness (the stored Skype/SfBServer2019 pages predate SE); inherited from 2019 because SE is the 2019 code base';

/** Subscription Edition, fact by fact, with the source of each (shown in the upgrade report). */
export const SE_FACTS: readonly DerivedFact[] = [
  { ruleIds: [], fact: 'Product name: Skype for Business Server Subscription Edition', status: 'overridden', source: SE_SOURCES.lifecycle },
  { ruleIds: ['VER-1', 'BE-1'], fact: 'No Back End database mirroring: AlwaysOn Availability Groups (active/passive), AlwaysOn failover cluster instances and SQL failover clustering only', status: 'inherited', source: `Back End Server high availability in Skype for Business Server; System requirements for Skype for Business Server 2019; ${INHERITED_NOTE}` },
  { ruleIds: ['VER-3'], fact: 'No Persistent Chat Server', status: 'inherited', source: `Plan Persistent Chat Server topology; Topology Basics; ${INHERITED_NOTE}` },
  { ruleIds: ['VER-4'], fact: 'No XMPP gateway or proxy', status: 'inherited', source: `Migrating XMPP federation (deprecated in Skype for Business Server 2019); ${INHERITED_NOTE}` },
  { ruleIds: ['VER-5', 'VER-6', 'FE-1', 'FE-2'], fact: 'Enterprise pools of 3 to 16 Front End servers; a 2-server pool cannot be published', status: 'inherited', source: `Front End Pool high availability and management; ${INHERITED_NOTE}` },
  { ruleIds: ['FE-14', 'PAIR-8', 'DIR-2', 'MED-6'], fact: '106,000 users per pool, 53,000 per paired pool, 18,000 remote users per Director, 2,000 calls per Mediation server', status: 'inherited', source: `Capacity planning for Skype for Business Server 2019; ${INHERITED_NOTE}` },
  { ruleIds: ['PAIR-1', 'PAIR-15'], fact: 'Pool pairing for disaster recovery; pool failover RTO 15 to 20 minutes, RPO 5 minutes', status: 'inherited', source: `Front End pool disaster recovery in Skype for Business Server; ${INHERITED_NOTE}` },
  { ruleIds: ['BE-12'], fact: 'Back End SQL Server 2016, 2017, 2019 (SQL Server 2022 not accepted: no Microsoft source found for SE)', status: 'inherited', source: `System requirements for Skype for Business Server 2019; ${INHERITED_NOTE}` },
  { ruleIds: ['VM-4'], fact: 'Windows Server 2016, 2019, 2022 (Windows Server 2025 not accepted: no Microsoft source found for SE)', status: 'inherited', source: `System requirements for Skype for Business Server 2019; ${INHERITED_NOTE}` },
  { ruleIds: ['VM-1'], fact: 'Front End and Back End 12 cores / 64 GB; Edge, Director, Mediation 8 cores / 32 GB', status: 'inherited', source: `System requirements for Skype for Business Server 2019; ${INHERITED_NOTE}` },
];

export const PRODUCT_NAMES: Readonly<Record<ProductVersion, string>> = mapVersions((p) => p.name);

/** VER-6 / FE-1: largest Enterprise pool. */
export const MAX_FRONT_ENDS: Readonly<Record<ProductVersion, number>> = mapVersions((p) => p.maxFrontEnds);

/** VM-4: operating systems offered here that each product version supports, oldest first. */
export const SUPPORTED_OS: Readonly<Record<ProductVersion, readonly WindowsServerVersion[]>> = mapVersions((p) => p.supportedOs);

function mapVersions<T>(f: (p: ProductProfile) => T): Readonly<Record<ProductVersion, T>> {
  return Object.fromEntries((Object.keys(PRODUCT_PROFILES) as ProductVersion[]).map((v) => [v, f(PRODUCT_PROFILES[v])])) as Record<ProductVersion, T>;
}

/** The default operating system: the newest the product version supports. */
export function newestSupportedOs(version: ProductVersion): WindowsServerVersion {
  const list = SUPPORTED_OS[version];
  return list[list.length - 1];
}

export interface QuorumRequirement {
  /** Servers that must stay up. */
  readonly needed: number;
  /** ... out of the first `among` servers in topology order (all servers when equal to the pool size). */
  readonly among: number;
}

/** FE-5: pool-level quorum, servers that must keep running for the pool to run at all. */
export function poolQuorum(total: number): QuorumRequirement {
  if (total <= 1) return { needed: total, among: total };
  if (total === 2) return { needed: 1, among: 2 };
  if (total <= 4) return { needed: 2, among: total };
  if (total <= 6) return { needed: 3, among: total };
  if (total === 7) return { needed: 4, among: 7 };
  if (total <= 9) return { needed: 4, among: 7 };
  if (total <= 12) return { needed: 5, among: 9 };
  return { needed: 7, among: 12 };
}

export function sizingFloor(version: ProductVersion, family: SizingFamily): SizingFloor {
  return PRODUCT_PROFILES[version].sizing[family];
}
