/**
 * Random deployments for property-based tests: a plain, printable spec (so a failing case reads as
 * data and replays from its seed) and the program that builds it from the library's constructs.
 *
 * Extension point: every construct kind is a `ConstructKind` (an arbitrary of specs plus a build
 * function) in `KINDS`, built in that order after the sites. To cover a new construct (EdgePool,
 * PairedPools, MirroredBackEnd, DirectorPool, ...) add a kind here. A kind's arbitrary sees the specs
 * drawn before it, so a reference by index always resolves: input that cannot be built at all is never drawn.
 */
import * as fc from 'fast-check';
import { IConstruct } from 'constructs';
import {
  AlwaysOnBackEnd,
  BranchSite,
  CentralSite,
  DirectorPool,
  EdgePool,
  FailoverClusterBackEnd,
  FileStore,
  FrontEndPool,
  IBackEnd,
  IEdgeNextHop,
  LoadBalancing,
  MediationPool,
  MirroredBackEnd,
  PairedPools,
  PoolEdition,
  ProductVersion,
  PstnGateway,
  ReverseProxy,
  ReverseProxyKind,
  SfbDeployment,
  SipTrunk,
  SqlEdition,
  SqlServerVersion,
  StandaloneBackEnd,
  StretchedPersistentChatPool,
  SupportPosture,
  SurvivableBranchServer,
  VoiceRoute,
  WindowsServerVersion,
} from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack, Testing } from '../../lib/cdktf';
import { VM_SIZES } from '../../lib/model/vm-sizes';
import { BackEndMode } from '../../lib/enums';
import { sqlSupport } from '../../lib/model/sql-support';
import { productProfile } from '../../lib/model/versions';

/** What the kinds see when they draw their specs. */
export interface SpecContext {
  readonly productVersion: ProductVersion;
  readonly siteCount: number;
  /** Specs of the kinds drawn before this one (by kind name), so references by index always resolve. */
  readonly members: Readonly<Record<string, readonly unknown[]>>;
}

/** Everything built so far, for kinds that reference earlier constructs (by index into these lists). */
export interface BuildContext {
  readonly deployment: SfbDeployment;
  readonly sites: CentralSite[];
  /** Constructs built per kind name, in spec order (`frontEndPools`, ...); `backEnds` holds every back end, the HA kinds push theirs. */
  readonly built: Record<string, IConstruct[]>;
  /** Domains the specs choose from. */
  readonly domains: { readonly ad: string; readonly sip: string; readonly other: string };
  /** Appended to every member's construct ID (long IDs: names must still fit, docs/naming.md). */
  readonly idSuffix: string;
}

export interface ConstructKind<S> {
  /** Key of the kind in `DeploymentSpec.members` and `BuildContext.built`. */
  readonly name: string;
  arbitrary(ctx: SpecContext): fc.Arbitrary<S[]>;
  build(ctx: BuildContext, spec: S, index: number): IConstruct;
}

export interface SiteSpec {
  readonly id: string;
  readonly location: string;
  readonly availabilityZones: string[];
  readonly faultDomainCount: number;
  /** /16 or /22 (the smallest a site accepts). */
  readonly prefix: 16 | 22;
}

export interface DeploymentSpec {
  readonly productVersion: ProductVersion;
  readonly supportPosture: SupportPosture;
  readonly sipDomain: string;
  readonly adDomain: string;
  readonly sites: SiteSpec[];
  /** Lab mode (the `lab` prop), now and then. */
  readonly lab: { readonly sqlDeveloperEdition: boolean } | undefined;
  /** Specs per construct kind, keyed by `ConstructKind.name`. */
  readonly members: Record<string, unknown[]>;
}

/** A rare choice among common ones: most draws stay valid, some break a rule. */
function mostly<T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, rareWeight = 1, commonWeight = 12): fc.Arbitrary<T> {
  return fc.oneof({ weight: commonWeight, arbitrary: common }, { weight: rareWeight, arbitrary: rare });
}

const enumValue = <T extends string>(e: Record<string, T>) => fc.constantFrom(...Object.values(e));
/** Specs for one site: mostly exactly one, sometimes none or two (a site without a pool breaks FE-20). */
const perSite = <T>(spec: fc.Arbitrary<T>) => mostly(fc.array(spec, { minLength: 1, maxLength: 1 }), fc.array(spec, { minLength: 0, maxLength: 2 }), 1, 10);

/** Host labels: distinct ones, a shared one so FQDNs clash now and then, labels that break NAME-2, and long ones the library shortens (docs/naming.md). */
const hostLabel = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 1, max: 99 }).map((n) => `pool${n}`) },
  { weight: 2, arbitrary: fc.constantFrom('pool', 'sfb') },
  { weight: 1, arbitrary: fc.constantFrom('pool_a', 'skypeforbusinesspool', `p${'o'.repeat(62)}l`, '-pool') },
);

// ---- Sites -------------------------------------------------------------------------------------

export function siteSpecs(): fc.Arbitrary<SiteSpec[]> {
  const site = fc.record({
    location: fc.constantFrom('westeurope', 'northeurope', 'eastus2', 'westus2'),
    availabilityZones: mostly(fc.constantFrom<string[]>(['1', '2', '3'], []), fc.constantFrom<string[]>(['1', '2'], ['1'], ['1', '1'], ['4']), 1, 8),
    faultDomainCount: mostly(fc.constant(3), fc.integer({ min: 1, max: 2 }), 1, 8),
    prefix: mostly(fc.constant(16 as const), fc.constant(22 as const), 1, 4),
  });
  const ids = fc.uniqueArray(mostly(fc.constantFrom('west', 'north', 'east', 'dublin', 'amsterdam'), fc.constant(`site${'x'.repeat(60)}`), 1, 40), {
    minLength: 1,
    maxLength: 3,
  });
  return ids.chain((names) => fc.tuple(...names.map(() => site)).map((sites) => sites.map((s, i) => ({ ...s, id: names[i] }))));
}

function buildSite(deployment: SfbDeployment, spec: SiteSpec, i: number): CentralSite {
  return new CentralSite(deployment, spec.id, {
    location: spec.location,
    addressSpace: `10.${(i + 1) * 10}.0.0/${spec.prefix}`,
    availabilityZones: spec.availabilityZones,
    faultDomainCount: spec.faultDomainCount,
  });
}

// ---- Back ends ---------------------------------------------------------------------------------

export interface StandaloneBackEndSpec {
  readonly site: number;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  readonly serverNamePrefix?: string;
}

/** SQL version and edition of a back end: mostly a combination the product supports for the mode (the SQL support matrix), sometimes any. */
function sqlFor(product: ProductVersion, mode: BackEndMode): fc.Arbitrary<{ sqlVersion: SqlServerVersion; sqlEdition: SqlEdition }> {
  const all = Object.values(SqlServerVersion).flatMap((sqlVersion) => Object.values(SqlEdition).map((sqlEdition) => ({ sqlVersion, sqlEdition })));
  const supported = all.filter((c) => sqlSupport(product, mode, c.sqlVersion, c.sqlEdition).blockedBy.length === 0);
  return supported.length === 0 ? fc.constantFrom(...all) : mostly(fc.constantFrom(...supported), fc.constantFrom(...all), 1, 10);
}

/** Whether the product supports a mode at all: unsupported modes are drawn rarely. */
const modeAllowed = (product: ProductVersion, mode: BackEndMode) =>
  Object.values(SqlServerVersion).some((v) => Object.values(SqlEdition).some((e) => sqlSupport(product, mode, v, e).blockedBy.length === 0));

export const STANDALONE_BACK_ENDS: ConstructKind<StandaloneBackEndSpec> = {
  name: 'backEnds',
  // Mostly one back end per site, in site order; sometimes none or two.
  arbitrary: ({ siteCount, productVersion }) =>
    fc
      .tuple(
        ...Array.from({ length: siteCount }, (_, site) =>
          perSite(
            fc
              .tuple(
                sqlFor(productVersion, BackEndMode.STANDALONE),
                fc.record({ site: fc.constant(site), serverNamePrefix: mostly(fc.constant(undefined), fc.constantFrom('sql', 'sqlserver-primary'), 1, 20) }, { requiredKeys: ['site'] }),
              )
              .map(([sql, rest]) => ({ ...rest, ...sql })),
          ),
        ),
      )
      .map((perSite) => perSite.flat()),
  build: (ctx, spec, i) =>
    new StandaloneBackEnd(ctx.sites[spec.site], `backend${i + 1}${ctx.idSuffix}`, {
      sqlVersion: spec.sqlVersion,
      sqlEdition: spec.sqlEdition,
      ...(spec.serverNamePrefix ? { serverNamePrefix: spec.serverNamePrefix } : {}),
    }),
};

/** One or two specs at random sites, or (mostly) none: the heavier kinds stay occasional. */
const some = <T>(spec: (site: number) => fc.Arbitrary<T>, siteCount: number, noneWeight = 3, someWeight = 2) =>
  mostly(fc.constant([] as T[]), fc.array(fc.integer({ min: 0, max: siteCount - 1 }).chain(spec), { minLength: 1, maxLength: 2 }), someWeight, noneWeight);
/** A back-end kind: drawn now and then, rarely when the product does not allow its mode. */
const someBackEnds = <T>(ctx: SpecContext, mode: BackEndMode, spec: (site: number, sql: fc.Arbitrary<{ sqlVersion: SqlServerVersion; sqlEdition: SqlEdition }>) => fc.Arbitrary<T>) =>
  some((site) => spec(site, sqlFor(ctx.productVersion, mode)), ctx.siteCount, modeAllowed(ctx.productVersion, mode) ? 3 : 12, modeAllowed(ctx.productVersion, mode) ? 2 : 1);

/** Every back end so far, in build order: the list Front End pools and chat pools pick from. */
const BACK_END_KINDS = ['backEnds', 'alwaysOnBackEnds', 'mirroredBackEnds', 'clusterBackEnds'];
const backEndCount = (members: SpecContext['members']) => BACK_END_KINDS.reduce((n, k) => n + (members[k]?.length ?? 0), 0);
function pushBackEnd<T extends IBackEnd & IConstruct>(ctx: BuildContext, backEnd: T): T {
  (ctx.built.backEnds ??= []).push(backEnd);
  return backEnd;
}

export interface AlwaysOnBackEndSpec {
  readonly site: number;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  readonly replicas: number;
  readonly listenerPort: number;
  readonly readableSecondaries: boolean;
}

export const ALWAYS_ON_BACK_ENDS: ConstructKind<AlwaysOnBackEndSpec> = {
  name: 'alwaysOnBackEnds',
  arbitrary: (ctx) =>
    someBackEnds(ctx, BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP, (site, sql) =>
      fc
        .record({
          site: fc.constant(site),
          sql,
          replicas: mostly(fc.constant(2), fc.integer({ min: 3, max: 4 }), 1, 3),
          listenerPort: mostly(fc.constant(1433), fc.constant(1533), 1, 10),
          readableSecondaries: mostly(fc.constant(false), fc.constant(true), 1, 10),
        })
        .map(({ sql, ...rest }) => ({ ...rest, ...sql })),
    ),
  build: (ctx, spec, i) =>
    pushBackEnd(
      ctx,
      new AlwaysOnBackEnd(ctx.sites[spec.site], `ag${i + 1}${ctx.idSuffix}`, {
        sqlVersion: spec.sqlVersion,
        sqlEdition: spec.sqlEdition,
        replicas: spec.replicas,
        listenerPort: spec.listenerPort,
        readableSecondaries: spec.readableSecondaries,
      }),
    ),
};

export interface MirroredBackEndSpec {
  readonly site: number;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  readonly witness: boolean;
}

export const MIRRORED_BACK_ENDS: ConstructKind<MirroredBackEndSpec> = {
  name: 'mirroredBackEnds',
  arbitrary: (ctx) =>
    someBackEnds(ctx, BackEndMode.MIRRORING, (site, sql) =>
      fc.tuple(sql, mostly(fc.constant(true), fc.constant(false), 1, 3)).map(([sql, witness]) => ({ site, ...sql, witness })),
    ),
  build: (ctx, spec, i) =>
    pushBackEnd(ctx, new MirroredBackEnd(ctx.sites[spec.site], `mirror${i + 1}${ctx.idSuffix}`, { sqlVersion: spec.sqlVersion, sqlEdition: spec.sqlEdition, witness: spec.witness })),
};

export interface FailoverClusterBackEndSpec {
  readonly site: number;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  /** 2 to 4: every count a shared disk can attach to (more than 10 cannot be built at all). */
  readonly nodes: number;
}

export const CLUSTER_BACK_ENDS: ConstructKind<FailoverClusterBackEndSpec> = {
  name: 'clusterBackEnds',
  arbitrary: (ctx) =>
    someBackEnds(ctx, BackEndMode.FAILOVER_CLUSTER, (site, sql) =>
      fc.tuple(sql, mostly(fc.constant(2), fc.integer({ min: 3, max: 4 }), 1, 3)).map(([sql, nodes]) => ({ site, ...sql, nodes })),
    ),
  build: (ctx, spec, i) =>
    pushBackEnd(ctx, new FailoverClusterBackEnd(ctx.sites[spec.site], `fci${i + 1}${ctx.idSuffix}`, { sqlVersion: spec.sqlVersion, sqlEdition: spec.sqlEdition, nodes: spec.nodes })),
};

// ---- File stores -------------------------------------------------------------------------------

export interface FileStoreSpec {
  readonly site: number;
  /** 1 is not a DFS pair. */
  readonly servers: number;
}

/** Explicit file stores; pools without one use their site's shared store. */
export const FILE_STORES: ConstructKind<FileStoreSpec> = {
  name: 'fileStores',
  arbitrary: ({ siteCount }) =>
    some((site) => fc.record({ site: fc.constant(site), servers: mostly(fc.constant(2), fc.constantFrom(1, 3), 1, 6) }), siteCount, 6),
  build: (ctx, spec, i) => new FileStore(ctx.sites[spec.site], `files${i + 1}${ctx.idSuffix}`, { servers: spec.servers }),
};

// ---- Front End pools ---------------------------------------------------------------------------

export interface FrontEndPoolSpec {
  readonly site: number;
  readonly label: string;
  readonly domain: 'ad' | 'sip' | 'other';
  readonly edition: PoolEdition;
  readonly frontEndServers: number | undefined;
  /** The first back end of the pool's own site, of another site (FE-10), or none. */
  readonly backEnd: 'same-site' | 'other-site' | 'none';
  /** Which of the matching back ends (modulo their count), so pools use every mode. */
  readonly backEndPick: number;
  /** An explicit file store (index into `fileStores`), or the site's shared one. */
  readonly fileStore: number | undefined;
  readonly operatingSystem: WindowsServerVersion | undefined;
  readonly sipLoadBalancing: LoadBalancing | undefined;
  readonly users: number | undefined;
  readonly vmSize: string | undefined;
  readonly internalWebLabel: string | undefined;
  readonly externalWebLabel: string | undefined;
  readonly collocatedMediation: boolean | undefined;
}

const maybe = <T>(arb: fc.Arbitrary<T>, weight = 1) => mostly(fc.constant(undefined), arb, weight, 3);

function frontEndPoolSpec(site: number, fileStores: number): fc.Arbitrary<FrontEndPoolSpec> {
  return mostly(fc.constant(PoolEdition.ENTERPRISE), fc.constant(PoolEdition.STANDARD), 1, 3).chain((edition) =>
    fc.record({
      site: fc.constant(site),
      label: hostLabel,
      domain: mostly(fc.constant('ad' as const), fc.constantFrom('sip' as const, 'other' as const), 1, 6),
      edition: fc.constant(edition),
      frontEndServers:
        edition === PoolEdition.STANDARD
          ? mostly(fc.constant(undefined), fc.integer({ min: 1, max: 3 }), 1, 10)
          : fc.oneof(
              { weight: 3, arbitrary: fc.constant(undefined) },
              { weight: 10, arbitrary: fc.integer({ min: 3, max: 4 }) },
              { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }) },
              { weight: 1, arbitrary: fc.integer({ min: 5, max: 17 }) },
            ),
      // Enterprise pools need a back end (FE-10 when it is in another site); Standard Edition keeps its SQL Express.
      backEnd:
        edition === PoolEdition.STANDARD
          ? mostly(fc.constant('none' as const), fc.constant('same-site' as const), 1, 20)
          : mostly(fc.constant('same-site' as const), fc.constantFrom('other-site' as const, 'none' as const), 1, 20),
      backEndPick: fc.nat(5),
      fileStore: fileStores === 0 ? fc.constant(undefined) : maybe(fc.nat(fileStores - 1), 2),
      operatingSystem: mostly(fc.constant(undefined), enumValue(WindowsServerVersion), 1, 10),
      sipLoadBalancing: maybe(enumValue(LoadBalancing)),
      users: maybe(fc.integer({ min: 0, max: 120_000 })),
      vmSize: maybe(fc.constantFrom(...Object.keys(VM_SIZES), 'Standard_X99s_v9')),
      internalWebLabel: mostly(fc.constant(undefined), hostLabel, 1, 6),
      externalWebLabel: mostly(fc.constant(undefined), hostLabel, 1, 6),
      collocatedMediation: maybe(fc.boolean()),
    }),
  );
}

function backEndFor(ctx: BuildContext, spec: FrontEndPoolSpec): IBackEnd | undefined {
  const backEnds = (ctx.built.backEnds ?? []) as unknown as IBackEnd[];
  const site = ctx.sites[spec.site];
  const matching = spec.backEnd === 'none' ? [] : backEnds.filter((b) => (b.site === site) === (spec.backEnd === 'same-site'));
  return matching.length === 0 ? undefined : matching[spec.backEndPick % matching.length];
}

export const FRONT_END_POOLS: ConstructKind<FrontEndPoolSpec> = {
  name: 'frontEndPools',
  arbitrary: ({ siteCount, members }) =>
    fc
      .tuple(...Array.from({ length: siteCount }, (_, site) => perSite(frontEndPoolSpec(site, members.fileStores?.length ?? 0))))
      .map((perSite) => perSite.flat()),
  build: (ctx, spec, i) => {
    const domain = ctx.domains[spec.domain];
    const backEnd = backEndFor(ctx, spec);
    return new FrontEndPool(ctx.sites[spec.site], `pool${i + 1}${ctx.idSuffix}`, {
      fqdn: `${spec.label}.${domain}`,
      edition: spec.edition,
      ...defined({
        frontEndServers: spec.frontEndServers,
        backEnd,
        operatingSystem: spec.operatingSystem,
        sipLoadBalancing: spec.sipLoadBalancing,
        users: spec.users,
        vmSize: spec.vmSize,
        internalWebFqdn: spec.internalWebLabel && `${spec.internalWebLabel}-int.${domain}`,
        externalWebFqdn: spec.externalWebLabel && `${spec.externalWebLabel}-ext.${ctx.domains.sip}`,
        collocatedMediation: spec.collocatedMediation,
        fileStore: spec.fileStore === undefined ? undefined : (ctx.built.fileStores[spec.fileStore] as FileStore),
      }),
    });
  },
};

// ---- Director and Mediation pools --------------------------------------------------------------

export interface DirectorPoolSpec {
  readonly site: number;
  readonly label: string;
  readonly domain: 'ad' | 'sip' | 'other';
  /** 1 has no high availability. */
  readonly servers: number;
  readonly sipLoadBalancing: LoadBalancing | undefined;
  readonly remoteUsers: number | undefined;
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const DIRECTOR_POOLS: ConstructKind<DirectorPoolSpec> = {
  name: 'directorPools',
  arbitrary: ({ siteCount }) =>
    some(
      (site) =>
        fc.record({
          site: fc.constant(site),
          label: hostLabel.map((l) => `dir${l}`),
          domain: mostly(fc.constant('ad' as const), fc.constantFrom('sip' as const, 'other' as const), 1, 6),
          servers: mostly(fc.integer({ min: 2, max: 3 }), fc.constantFrom(1, 5), 1, 6),
          sipLoadBalancing: maybe(enumValue(LoadBalancing)),
          remoteUsers: maybe(fc.integer({ min: 0, max: 60_000 })),
        }),
      siteCount,
    ),
  build: (ctx, spec, i) =>
    new DirectorPool(ctx.sites[spec.site], `director${i + 1}${ctx.idSuffix}`, {
      fqdn: `${spec.label}.${ctx.domains[spec.domain]}`,
      servers: spec.servers,
      ...defined({ sipLoadBalancing: spec.sipLoadBalancing, remoteUsers: spec.remoteUsers }),
    }),
};

export interface MediationPoolSpec {
  readonly site: number;
  readonly label: string;
  readonly servers: number;
  /** Index into `frontEndPools` (another site's pool now and then). */
  readonly nextHop: number;
  readonly loadBalancing: LoadBalancing | undefined;
  readonly concurrentCalls: number | undefined;
}

export const MEDIATION_POOLS: ConstructKind<MediationPoolSpec> = {
  name: 'mediationPools',
  arbitrary: ({ siteCount, members }) => {
    const pools = members.frontEndPools?.length ?? 0;
    if (pools === 0) return fc.constant([]);
    return some(
      (site) =>
        fc.record({
          site: fc.constant(site),
          label: hostLabel.map((l) => `med${l}`),
          servers: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(6), 1, 10),
          nextHop: fc.nat(pools - 1),
          loadBalancing: maybe(enumValue(LoadBalancing)),
          concurrentCalls: maybe(fc.integer({ min: 0, max: 3_000 })),
        }),
      siteCount,
    );
  },
  build: (ctx, spec, i) =>
    new MediationPool(ctx.sites[spec.site], `mediation${i + 1}${ctx.idSuffix}`, {
      fqdn: `${spec.label}.${ctx.domains.ad}`,
      servers: spec.servers,
      nextHop: ctx.built.frontEndPools[spec.nextHop] as FrontEndPool,
      ...defined({ loadBalancing: spec.loadBalancing, concurrentCalls: spec.concurrentCalls }),
    }),
};

// ---- Edge pools --------------------------------------------------------------------------------

export interface EdgePoolSpec {
  readonly site: number;
  readonly label: string;
  /** Domain of the three external FQDNs (`other` is outside the SIP domain). */
  readonly externalDomain: 'sip' | 'other';
  readonly nextHop: { readonly kind: 'frontEndPools' | 'directorPools'; readonly index: number };
  /** 0..3 so that pools clash on purpose (equal SRV priorities). */
  readonly srvPriority: number;
  readonly srvWeight: number;
  readonly servers: number;
  readonly loadBalancing: LoadBalancing | undefined;
  readonly federation: boolean;
  readonly xmppFederation: boolean;
  /** Teams hybrid through this pool (HYB-1 when it is not the federation pool). */
  readonly teamsHybrid: boolean;
  /** Front End pool (index) that names this Edge pool for its media with `associateEdgePool`. */
  readonly associatedBy: number | undefined;
}

export const EDGE_POOLS: ConstructKind<EdgePoolSpec> = {
  name: 'edgePools',
  arbitrary: ({ siteCount, members }) => {
    const pools = members.frontEndPools?.length ?? 0;
    const directors = members.directorPools?.length ?? 0;
    if (pools + directors === 0) return fc.constant([]);
    const hops: fc.Arbitrary<EdgePoolSpec['nextHop']>[] = [];
    if (pools > 0) hops.push(fc.record({ kind: fc.constant('frontEndPools' as const), index: fc.nat(pools - 1) }));
    if (directors > 0) hops.push(fc.record({ kind: fc.constant('directorPools' as const), index: fc.nat(directors - 1) }));
    return some(
      (site) =>
        fc.record({
          site: fc.constant(site),
          label: hostLabel.map((l) => `edge${l}`),
          externalDomain: mostly(fc.constant('sip' as const), fc.constant('other' as const), 1, 8),
          nextHop: fc.oneof(...hops),
          srvPriority: fc.integer({ min: 0, max: 3 }),
          srvWeight: fc.integer({ min: 0, max: 2 }),
          servers: mostly(fc.constant(2), fc.constantFrom(1, 3, 4), 1, 3),
          loadBalancing: mostly(fc.constant(undefined), fc.constantFrom(LoadBalancing.DNS, LoadBalancing.HARDWARE), 1, 6),
          federation: mostly(fc.constant(false), fc.constant(true), 1, 2),
          xmppFederation: mostly(fc.constant(false), fc.constant(true), 1, 5),
          teamsHybrid: mostly(fc.constant(false), fc.constant(true), 1, 4),
          associatedBy: pools === 0 ? fc.constant(undefined) : maybe(fc.nat(pools - 1)),
        }),
      siteCount,
      2,
    );
  },
  build: (ctx, spec, i) => {
    const external = ctx.domains[spec.externalDomain];
    const edge = new EdgePool(ctx.sites[spec.site], `edge${i + 1}${ctx.idSuffix}`, {
      internalFqdn: `${spec.label}.${ctx.domains.ad}`,
      accessEdgeFqdn: `${spec.label}-access.${external}`,
      webConferencingEdgeFqdn: `${spec.label}-webconf.${external}`,
      audioVideoEdgeFqdn: `${spec.label}-av.${external}`,
      nextHop: ctx.built[spec.nextHop.kind][spec.nextHop.index] as unknown as IEdgeNextHop,
      srvPriority: spec.srvPriority,
      srvWeight: spec.srvWeight,
      servers: spec.servers,
      federation: spec.federation,
      xmppFederation: spec.xmppFederation,
      teamsHybrid: spec.teamsHybrid,
      ...defined({ loadBalancing: spec.loadBalancing }),
    });
    if (spec.associatedBy !== undefined) (ctx.built.frontEndPools[spec.associatedBy] as FrontEndPool).associateEdgePool(edge);
    return edge;
  },
};

// ---- Paired pools ------------------------------------------------------------------------------

export interface PairedPoolsSpec {
  /** Indexes into `frontEndPools`: mostly pools of two sites, sometimes the same site or the same pool. */
  readonly primary: number;
  readonly backup: number;
}

export const PAIRED_POOLS: ConstructKind<PairedPoolsSpec> = {
  name: 'pairedPools',
  arbitrary: ({ members }) => {
    const pools = (members.frontEndPools ?? []) as FrontEndPoolSpec[];
    if (pools.length === 0) return fc.constant([]);
    const all = pools.flatMap((_, primary) => pools.map((__, backup) => ({ primary, backup })));
    // Mostly pools of two sites and one edition; sometimes same site, same pool or mismatched editions and operating systems.
    const good = all.filter((p) => pools[p.primary].site !== pools[p.backup].site && pools[p.primary].edition === pools[p.backup].edition);
    const any = fc.array(fc.constantFrom(...all), { minLength: 1, maxLength: 2 });
    const none = fc.constant([] as PairedPoolsSpec[]);
    if (good.length === 0) return mostly(none, any, 1, 8);
    return fc.oneof({ weight: 4, arbitrary: none }, { weight: 5, arbitrary: fc.constantFrom(...good).map((p) => [p]) }, { weight: 1, arbitrary: any });
  },
  build: (ctx, spec, i) =>
    new PairedPools(ctx.deployment, `pair${i + 1}${ctx.idSuffix}`, {
      primary: ctx.built.frontEndPools[spec.primary] as FrontEndPool,
      backup: ctx.built.frontEndPools[spec.backup] as FrontEndPool,
    }),
};

// ---- Stretched Persistent Chat pools -----------------------------------------------------------

export interface ChatPoolSpec {
  readonly label: string;
  readonly primarySite: number;
  readonly secondarySite: number;
  readonly homePool: number;
  /** Servers per site and state; sometimes over the limits (4 active, 8 in all); never all zero (cannot be built). */
  readonly primaryActiveServers: number;
  readonly primaryIdleServers: number;
  readonly secondaryActiveServers: number;
  readonly secondaryIdleServers: number;
  readonly compliance: boolean;
  readonly witness: boolean;
  /** Index into the back ends, to host the chat databases there (never supported on AlwaysOn), or the pool's own SQL servers. */
  readonly backEnd: number | undefined;
}

type ChatLayout = Pick<ChatPoolSpec, 'primaryActiveServers' | 'primaryIdleServers' | 'secondaryActiveServers' | 'secondaryIdleServers'>;
const layoutOf = (primaryActiveServers: number, primaryIdleServers: number, secondaryActiveServers: number, secondaryIdleServers: number): ChatLayout => ({
  primaryActiveServers,
  primaryIdleServers,
  secondaryActiveServers,
  secondaryIdleServers,
});
/** The documented layouts (2 active + 2 idle per data center; 4 active + 4 idle) and small ones. */
const CHAT_LAYOUTS = [layoutOf(2, 2, 2, 2), layoutOf(4, 0, 0, 4), layoutOf(2, 0, 0, 2), layoutOf(1, 0, 0, 1), layoutOf(1, 1, 0, 2)];
const chatServers = mostly(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 3, max: 5 }), 1, 4);
/** Any layout, over the pool limits (4 active, 8 in all) now and then. */
const chatLayout = fc.tuple(mostly(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 5), 1, 6), chatServers, mostly(fc.constant(0), chatServers, 1, 2), chatServers).map((c) => layoutOf(...c));

export const CHAT_POOLS: ConstructKind<ChatPoolSpec> = {
  name: 'chatPools',
  arbitrary: ({ productVersion, siteCount, members }) => {
    const pools = (members.frontEndPools ?? []) as FrontEndPoolSpec[];
    const backEnds = backEndCount(members);
    if (pools.length === 0) return fc.constant([]);
    const otherSite = (site: number) => (siteCount === 1 ? fc.constant(site) : mostly(fc.integer({ min: 1, max: siteCount - 1 }).map((d) => (site + d) % siteCount), fc.constant(site), 1, 8));
    // Mostly the home pool's site as primary (the DR set) and another site as secondary (a stretched pool).
    const layout = fc.nat(pools.length - 1).chain((homePool) =>
      mostly(fc.constant(pools[homePool].site), fc.integer({ min: 0, max: siteCount - 1 }), 1, 8).chain((primarySite) =>
        otherSite(primarySite).map((secondarySite) => ({ homePool, primarySite, secondarySite })),
      ),
    );
    const chat = fc
      .record({
        layout,
        label: mostly(fc.constant('pchat'), hostLabel, 1, 3),
        servers: mostly(fc.constantFrom(...CHAT_LAYOUTS), chatLayout, 1, 2),
        compliance: fc.boolean(),
        witness: mostly(fc.constant(true), fc.constant(false), 1, 3),
        backEnd: backEnds === 0 ? fc.constant(undefined) : mostly(fc.constant(undefined), fc.nat(backEnds - 1), 1, 10),
      })
      .map(({ layout, servers, ...c }) => ({ ...c, ...layout, ...servers }))
      .map((c) => (c.primaryActiveServers + c.primaryIdleServers + c.secondaryActiveServers + c.secondaryIdleServers === 0 ? { ...c, primaryActiveServers: 1 } : c));
    // Skype for Business Server 2019 and Subscription Edition have no Persistent Chat: drawn rarely there.
    // A single site cannot hold the DR set: drawn rarely there too.
    const rare = !productProfile(productVersion).persistentChat || siteCount === 1;
    return mostly(fc.constant([]), fc.array(chat, { minLength: 1, maxLength: 1 }), 1, rare ? 12 : 2);
  },
  build: (ctx, spec, i) =>
    new StretchedPersistentChatPool(ctx.deployment, `chat${i + 1}${ctx.idSuffix}`, {
      fqdn: `${spec.label}.${ctx.domains.ad}`,
      primarySite: ctx.sites[spec.primarySite],
      secondarySite: ctx.sites[spec.secondarySite],
      homePool: ctx.built.frontEndPools[spec.homePool] as FrontEndPool,
      primaryActiveServers: spec.primaryActiveServers,
      primaryIdleServers: spec.primaryIdleServers,
      secondaryActiveServers: spec.secondaryActiveServers,
      secondaryIdleServers: spec.secondaryIdleServers,
      compliance: spec.compliance,
      witness: spec.witness,
      ...defined({ backEnd: spec.backEnd === undefined ? undefined : (ctx.built.backEnds[spec.backEnd] as unknown as IBackEnd) }),
    }),
};

// ---- Voice: PSTN gateways, SIP trunks, a voice route ------------------------------------------

export interface PstnPeerSpec {
  /** A stand-alone Mediation pool, or a Front End pool drawn with collocated Mediation (by index). */
  readonly mediation: { readonly kind: 'mediationPools' | 'frontEndPools'; readonly index: number };
  readonly trunk: boolean;
  readonly mediaBypass: boolean;
}

export const PSTN_PEERS: ConstructKind<PstnPeerSpec> = {
  name: 'pstnPeers',
  arbitrary: ({ members }) => {
    const targets: { kind: 'mediationPools' | 'frontEndPools'; index: number }[] = [
      ...((members.mediationPools ?? []) as MediationPoolSpec[]).map((_, index) => ({ kind: 'mediationPools' as const, index })),
      ...((members.frontEndPools ?? []) as FrontEndPoolSpec[]).flatMap((p, index) => (p.collocatedMediation ? [{ kind: 'frontEndPools' as const, index }] : [])),
    ];
    if (targets.length === 0) return fc.constant([]);
    const peer = fc.record({ mediation: fc.constantFrom(...targets), trunk: mostly(fc.constant(false), fc.constant(true), 1, 3), mediaBypass: fc.boolean() });
    return mostly(fc.constant([]), fc.array(peer, { minLength: 1, maxLength: 2 }), 1, 4);
  },
  build: (ctx, spec, i) => {
    const target = ctx.built[spec.mediation.kind][spec.mediation.index] as MediationPool | FrontEndPool;
    const props = {
      fqdn: `gw${i + 1}.${ctx.domains.ad}`,
      address: `192.168.200.${i + 1}`,
      mediaBypass: spec.mediaBypass,
      ...(target instanceof MediationPool ? { mediationPool: target } : { frontEndPool: target }),
    };
    const id = `peer${i + 1}${ctx.idSuffix}`;
    return spec.trunk ? new SipTrunk(target.site, id, props) : new PstnGateway(target.site, id, props);
  },
};

/** Now and then one route over the first peer, its failover route over the last (in the same site now and then). */
export const VOICE_ROUTES: ConstructKind<{ readonly failover: boolean }> = {
  name: 'voiceRoutes',
  arbitrary: ({ members }) =>
    (members.pstnPeers?.length ?? 0) === 0 ? fc.constant([]) : mostly(fc.constant([]), fc.array(fc.record({ failover: fc.boolean() }), { minLength: 1, maxLength: 1 }), 1, 1),
  build: (ctx, spec, i) => {
    const peers = ctx.built.pstnPeers as (PstnGateway | SipTrunk)[];
    return new VoiceRoute(ctx.deployment, `route${i + 1}${ctx.idSuffix}`, {
      usages: ['national'],
      gateways: [peers[0]],
      ...(spec.failover && peers.length > 1 ? { failoverGateways: [peers[peers.length - 1]] } : {}),
    });
  },
};

// ---- Reverse proxies ---------------------------------------------------------------------------

export interface ReverseProxySpec {
  readonly site: number;
  readonly kind: ReverseProxyKind;
  /** Application Gateway only. */
  readonly wafEnabled: boolean | undefined;
  /** Windows servers only. */
  readonly servers: number | undefined;
}

/** At most one proxy per site (a second is refused), of either kind; drawn last, so it publishes what the site has. */
export const REVERSE_PROXIES: ConstructKind<ReverseProxySpec> = {
  name: 'reverseProxies',
  arbitrary: ({ siteCount }) =>
    fc
      .tuple(...Array.from({ length: siteCount }, (_, site) => maybe(enumValue(ReverseProxyKind).chain((kind) =>
        fc.record({
          site: fc.constant(site),
          kind: fc.constant(kind),
          wafEnabled: kind === ReverseProxyKind.APPLICATION_GATEWAY ? maybe(fc.boolean()) : fc.constant(undefined),
          servers: kind === ReverseProxyKind.WINDOWS_SERVERS ? maybe(fc.integer({ min: 1, max: 3 })) : fc.constant(undefined),
        }),
      ), 2)))
      .map((specs) => specs.filter((x): x is ReverseProxySpec => x !== undefined)),
  build: (ctx, spec, i) =>
    new ReverseProxy(ctx.sites[spec.site], `rp${i + 1}${ctx.idSuffix}`, {
      kind: spec.kind,
      ...(spec.kind === ReverseProxyKind.APPLICATION_GATEWAY ? { certificateSecretId: 'https://kv-sfb.vault.azure.net/secrets/sfb-external' } : {}),
      ...defined({ wafEnabled: spec.wafEnabled, servers: spec.servers }),
    }),
};

// ---- A branch site in Azure with a Survivable Branch Server (and its gateway now and then) --------

export interface AzureBranchSpec {
  /** Index of the Front End pool that is the server's backup Registrar (the branch belongs to its site). */
  readonly pool: number;
  readonly location: string;
  readonly gateway: boolean;
}

export const AZURE_BRANCHES: ConstructKind<AzureBranchSpec> = {
  name: 'azureBranches',
  arbitrary: ({ members }) => {
    const pools = (members.frontEndPools ?? []) as FrontEndPoolSpec[];
    if (pools.length === 0) return fc.constant([]);
    const branch = fc.record({ pool: fc.nat(pools.length - 1), location: fc.constantFrom('norwayeast', 'uksouth', 'eastus'), gateway: fc.boolean() });
    return mostly(fc.constant([]), fc.array(branch, { minLength: 1, maxLength: 1 }), 1, 6);
  },
  build: (ctx, spec, i) => {
    const pool = ctx.built.frontEndPools[spec.pool] as FrontEndPool;
    // 100.64/10 is a private range no drawn site uses (they are 10.x).
    const branch = new BranchSite(ctx.deployment, `branch${i + 1}${ctx.idSuffix}`, { centralSite: pool.site, location: spec.location, addressSpace: `100.64.${i}.0/24` });
    const server = new SurvivableBranchServer(branch, 'sbs', { fqdn: `sbs${i + 1}.${ctx.domains.ad}`, backupRegistrar: pool, users: 100 });
    if (spec.gateway) new PstnGateway(branch, 'gateway', { fqdn: `gw-branch${i + 1}.${ctx.domains.ad}`, address: `192.168.210.${i + 1}`, survivableBranch: server });
    return branch;
  },
};

/** Every kind, in build order (a kind may reference the kinds before it; HA back ends join `backEnds`). */
export const KINDS: readonly ConstructKind<any>[] = [
  STANDALONE_BACK_ENDS,
  ALWAYS_ON_BACK_ENDS,
  MIRRORED_BACK_ENDS,
  CLUSTER_BACK_ENDS,
  FILE_STORES,
  FRONT_END_POOLS,
  DIRECTOR_POOLS,
  MEDIATION_POOLS,
  EDGE_POOLS,
  PAIRED_POOLS,
  CHAT_POOLS,
  // Last: their draws come after every other kind's, so the other kinds' cases stay as they were.
  PSTN_PEERS,
  VOICE_ROUTES,
  REVERSE_PROXIES,
  AZURE_BRANCHES,
];

/** A random deployment: product version, one to three sites, lab mode now and then, and specs for every kind (each drawn knowing the ones before). */
export function deploymentSpec(kinds: readonly ConstructKind<any>[] = KINDS): fc.Arbitrary<DeploymentSpec> {
  return fc.tuple(siteSpecs(), enumValue(ProductVersion)).chain(([sites, productVersion]) => {
    const members = kinds.reduce<fc.Arbitrary<Record<string, unknown[]>>>(
      (sofar, kind) => sofar.chain((m) => kind.arbitrary({ productVersion, siteCount: sites.length, members: m }).map((list) => ({ ...m, [kind.name]: list }))),
      fc.constant({}),
    );
    return fc.record({
      productVersion: fc.constant(productVersion),
      supportPosture: enumValue(SupportPosture),
      sipDomain: mostly(fc.constant('contoso.com'), fc.constant('corp.contoso.com'), 1, 8),
      adDomain: mostly(fc.constant('corp.contoso.com'), fc.constantFrom('contoso', 'ad.contoso.com'), 1, 8),
      sites: fc.constant(sites),
      lab: mostly(fc.constant(undefined), fc.record({ sqlDeveloperEdition: fc.boolean() }), 1, 12),
      members,
    });
  });
}

/** One temp directory for every app of a run (Testing.app would create one per app). */
let outdir: string | undefined;

export interface BuiltDeployment {
  readonly stack: TerraformStack;
  readonly deployment: SfbDeployment;
  readonly ctx: BuildContext;
}

/** Builds a spec into a fresh app and stack (with the provider, so validations can run); `limit` builds only the first members. */
export function buildDeployment(spec: DeploymentSpec, kinds: readonly ConstructKind<any>[] = KINDS, limit = Infinity, options: { readonly idSuffix?: string } = {}): BuiltDeployment {
  const idSuffix = options.idSuffix ?? '';
  outdir ??= require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'sfb-property-'));
  const app: App = Testing.app({ outdir });
  const stack = new TerraformStack(app, 'property');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const deployment = new SfbDeployment(stack, `contoso${idSuffix}`, {
    productVersion: spec.productVersion,
    sipDomain: spec.sipDomain,
    adDomain: spec.adDomain,
    supportPosture: spec.supportPosture,
    ...(spec.lab ? { lab: spec.lab } : {}),
  });
  const sites = spec.sites.map((s, i) => buildSite(deployment, { ...s, id: `${s.id}${idSuffix}` }, i));
  const ctx: BuildContext = {
    deployment,
    sites,
    built: {},
    domains: { ad: deployment.adDomain.includes('.') ? deployment.adDomain : `${deployment.adDomain}.local`, sip: spec.sipDomain, other: 'sfb.contoso.net' },
    idSuffix,
  };
  // A limit stops the program part-way, in program order: the tree as it stands while it still runs.
  let budget = limit;
  for (const kind of kinds) {
    const list = (ctx.built[kind.name] ??= []);
    const specs = spec.members[kind.name] ?? [];
    for (let i = 0; i < specs.length && budget-- > 0; i++) list.push(kind.build(ctx, specs[i], i));
  }
  return { stack, deployment, ctx };
}
