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
import { ServerRole } from './topology';
import { ROLE_PROFILES, SIZING_FAMILY } from './roles';

/** VM-1: physical sizing floor per role family: physical cores (not vCPUs) and memory. */
export interface SizingFloor {
  /** Physical cores ("dual processor, hex-core" = 12); compared with `physicalCores` of the VM size. */
  readonly cores: number;
  readonly memoryGb: number;
}

/** Role families with one documented hardware recommendation each. */
export type SizingFamily = 'pool-core' | 'standard-edition' | 'edge-director-mediation';

/**
 * An operating system the product supports only from a cumulative update on (VM-7), with the page
 * that says so.
 */
export interface OsUpdateRequirement {
  /** The update, as Microsoft names it ("Cumulative Update 5"). */
  readonly update: string;
  readonly source: string;
}

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
  /** EDGE-2: concurrent remote users one Edge server serves. */
  readonly remoteUsersPerEdgeServer: number;
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
  /**
   * Default Azure VM size per family: the smallest size of the catalog (lib/model/vm-sizes.ts) whose
   * physical cores and memory meet the floor, so a default never draws a VM-1 finding.
   */
  readonly defaultVmSizes: Readonly<Record<SizingFamily, string>>;
  /** VM-7: supported operating systems that need a minimum cumulative update of the product. */
  readonly osUpdateRequirements?: Partial<Readonly<Record<WindowsServerVersion, OsUpdateRequirement>>>;
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

/** Server requirements for Skype for Business Server 2015 (MicrosoftDocs/OfficeDocs-SkypeForBusiness). */
export const S15_REQ = 'Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md';
/** System requirements for Skype for Business Server 2019 (MicrosoftDocs/OfficeDocs-SkypeForBusiness). */
export const S19_REQ = 'Skype/SfBServer2019/plan/system-requirements.md';

/** Server hardware platforms for Lync Server 2013 (MicrosoftDocs/OfficeDocs-SkypeForBusiness). */
export const L13_HW = 'Lync/LyncServer/lync-server-2013-server-hardware-platforms.md';

/**
 * Lync Server 2013 (L13_HW) and Skype for Business Server 2015 (S15_REQ, Hardware): Front End, Back End,
 * Standard Edition and Persistent Chat "64-bit dual processor, hex-core" (12 cores) with 32 GB; Edge,
 * standalone Mediation and Director "64-bit dual processor, quad-core" (8 cores; 2013 also "4-way
 * processor, dual-core") with 16 GB. Checked against both pages in December 2026 (issue 28).
 */
const LYNC_2015_SIZING: Readonly<Record<SizingFamily, SizingFloor>> = {
  'pool-core': { cores: 12, memoryGb: 32 },
  'standard-edition': { cores: 12, memoryGb: 32 },
  'edge-director-mediation': { cores: 8, memoryGb: 16 },
};

/**
 * Dv5 sizes are hyperthreaded (2 vCPUs per core) and have no 24-vCPU size, so 12 cores take
 * Standard_D32s_v5 (16 cores, 128 GB); 8 cores take Standard_D16s_v5 (8 cores, 64 GB).
 */
const LYNC_2015_VM_SIZES: Readonly<Record<SizingFamily, string>> = {
  'pool-core': 'Standard_D32s_v5',
  'standard-edition': 'Standard_D32s_v5',
  'edge-director-mediation': 'Standard_D16s_v5',
};

const WRITTEN: Readonly<Record<WrittenOut, ProductProfile>> = {
  [ProductVersion.LYNC_SERVER_2013]: {
    name: 'Lync Server 2013',
    maxFrontEnds: 12,
    refusesTwoServerPools: false,
    oneServerPoolDocumented: true,
    maxUsersPerPool: 80000,
    maxUsersPerPairedPool: 40000,
    remoteUsersPerDirector: 12000,
    remoteUsersPerEdgeServer: 12000,
    callsPerMediationServer: 1500,
    persistentChat: true,
    xmppFederation: true,
    supportedOs: [S.WINDOWS_SERVER_2012_R2],
    sizing: LYNC_2015_SIZING,
    defaultVmSizes: LYNC_2015_VM_SIZES,
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
    remoteUsersPerEdgeServer: 12000,
    callsPerMediationServer: 1500,
    persistentChat: true,
    xmppFederation: true,
    supportedOs: [S.WINDOWS_SERVER_2012_R2, S.WINDOWS_SERVER_2016, S.WINDOWS_SERVER_2019],
    sizing: LYNC_2015_SIZING,
    defaultVmSizes: LYNC_2015_VM_SIZES,
    osUpdateRequirements: {
      [S.WINDOWS_SERVER_2016]: { update: 'Cumulative Update 5', source: `${S15_REQ}: "Windows Server 2016 (You need Skype for Business Cumulative Update 5 or later. For more information check KB4015888)"` },
      [S.WINDOWS_SERVER_2019]: { update: 'Cumulative Update 9', source: `${S15_REQ}: "Windows Server 2019 (You need Skype for Business Cumulative Update 9 or later)"` },
    },
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
    remoteUsersPerEdgeServer: 18000,
    callsPerMediationServer: 2000,
    collocatedMediationPresumedLimit: 16,
    persistentChat: false,
    xmppFederation: false,
    // Windows Server 2022 is not listed: "Windows Server 2019, Windows Server 2016. Anything other than
    // the operating systems listed here won't work properly; please don't try it" (S19_REQ), and no
    // stored Microsoft page names a cumulative update that adds 2022 (docs/research/issue-15-audit.md S3).
    supportedOs: [S.WINDOWS_SERVER_2016, S.WINDOWS_SERVER_2019],
    // S19_REQ, Hardware (checked December 2026): every role "Intel Xeon E5-2673 v3 dual processor, 6-core"
    // (12 cores); memory 64 GB for Front End and Back End servers, 32 GB for Standard Edition, Edge,
    // standalone Mediation and Director. Subscription Edition inherits it (SE_FACTS).
    sizing: {
      'pool-core': { cores: 12, memoryGb: 64 },
      'standard-edition': { cores: 12, memoryGb: 32 },
      'edge-director-mediation': { cores: 12, memoryGb: 32 },
    },
    defaultVmSizes: { 'pool-core': 'Standard_D32s_v5', 'standard-edition': 'Standard_D32s_v5', 'edge-director-mediation': 'Standard_D32s_v5' },
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
  { ruleIds: ['FE-14', 'PAIR-8', 'DIR-2', 'EDGE-2', 'MED-6'], fact: '106,000 users per pool, 53,000 per paired pool, 18,000 remote users per Director and per Edge server, 2,000 calls per Mediation server', status: 'inherited', source: `Capacity planning for Skype for Business Server 2019; ${INHERITED_NOTE}` },
  { ruleIds: ['PAIR-1', 'PAIR-15'], fact: 'Pool pairing for disaster recovery; pool failover RTO 15 to 20 minutes, RPO 5 minutes', status: 'inherited', source: `Front End pool disaster recovery in Skype for Business Server; ${INHERITED_NOTE}` },
  { ruleIds: ['BE-12'], fact: 'Back End SQL Server 2016, 2017, 2019 (SQL Server 2022 not accepted: no Microsoft source found for SE)', status: 'inherited', source: `System requirements for Skype for Business Server 2019; ${INHERITED_NOTE}` },
  { ruleIds: ['VM-4'], fact: 'Windows Server 2016 and 2019 (Windows Server 2022 and 2025 not accepted: the 2019 page lists 2019 and 2016 only, and no Microsoft source for either was found for SE)', status: 'inherited', source: `System requirements for Skype for Business Server 2019 (${S19_REQ}); ${INHERITED_NOTE}` },
  { ruleIds: ['VM-1'], fact: 'Every role 12 physical cores (dual processor, 6-core); Front End and Back End 64 GB; Standard Edition, Edge, Director, Mediation 32 GB', status: 'inherited', source: `System requirements for Skype for Business Server 2019 (${S19_REQ}); ${INHERITED_NOTE}` },
];

export const PRODUCT_NAMES: Readonly<Record<ProductVersion, string>> = mapVersions((p) => p.name);

/** VER-6 / FE-1: largest Enterprise pool. */
export const MAX_FRONT_ENDS: Readonly<Record<ProductVersion, number>> = mapVersions((p) => p.maxFrontEnds);

/** VM-4: operating systems offered here that each product version supports, oldest first. */
export const SUPPORTED_OS: Readonly<Record<ProductVersion, readonly WindowsServerVersion[]>> = mapVersions((p) => p.supportedOs);

function mapVersions<T>(f: (p: ProductProfile) => T): Readonly<Record<ProductVersion, T>> {
  return Object.fromEntries((Object.keys(PRODUCT_PROFILES) as ProductVersion[]).map((v) => [v, f(PRODUCT_PROFILES[v])])) as Record<ProductVersion, T>;
}

/** VM-1: the sizing family of each role with a documented hardware recommendation (from lib/model/roles/). */
export { SIZING_FAMILY };

/**
 * The production default VM size of a role: its family's default for the product version, or the
 * role's own `productionVmSize` for roles without a documented recommendation (witness, file server,
 * domain controller).
 */
export function recommendedVmSize(version: ProductVersion, role: ServerRole): string {
  const profile = ROLE_PROFILES[role];
  if (profile.sizingFamily) return PRODUCT_PROFILES[version].defaultVmSizes[profile.sizingFamily];
  if (profile.productionVmSize) return profile.productionVmSize;
  throw new Error(`ServerRole ${role} has neither a sizingFamily nor a productionVmSize in lib/model/roles/; give it one`);
}

/** The default Azure VM size of a sizing family for a product version (VM-1 floor met). */
export function defaultVmSizeOf(version: ProductVersion, family: SizingFamily): string {
  return PRODUCT_PROFILES[version].defaultVmSizes[family];
}

/** The cumulative update a supported operating system needs, if any (VM-7). */
export function osUpdateRequirement(version: ProductVersion, os: WindowsServerVersion): OsUpdateRequirement | undefined {
  return PRODUCT_PROFILES[version].osUpdateRequirements?.[os];
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
