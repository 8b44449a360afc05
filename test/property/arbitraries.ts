/**
 * Random deployments for property-based tests: a plain, printable spec (so a failing case reads as
 * data and replays from its seed) and the program that builds it from the library's constructs.
 *
 * Extension point: every construct kind is a `ConstructKind` (an arbitrary of specs plus a build
 * function) in `KINDS`, built in that order after the sites. To cover a new construct (EdgePool,
 * PairedPools, MirroredBackEnd, DirectorPool, ...) add a kind here; see the TODOs at the end.
 */
import * as fc from 'fast-check';
import { IConstruct } from 'constructs';
import {
  CentralSite,
  FrontEndPool,
  IBackEnd,
  LoadBalancing,
  PoolEdition,
  ProductVersion,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  StandaloneBackEnd,
  SupportPosture,
  WindowsServerVersion,
} from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack, Testing } from '../../lib/cdktf';
import { VM_SIZES } from '../../lib/model/vm-sizes';

/** What the kinds see when they draw their specs. */
export interface SpecContext {
  readonly siteCount: number;
}

/** Everything built so far, for kinds that reference earlier constructs (by index into these lists). */
export interface BuildContext {
  readonly deployment: SfbDeployment;
  readonly sites: CentralSite[];
  /** Constructs built per kind name, in spec order (`backEnds`, `frontEndPools`, ...). */
  readonly built: Record<string, IConstruct[]>;
  /** Domains the specs choose from. */
  readonly domains: { readonly ad: string; readonly sip: string; readonly other: string };
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

/** Host labels: distinct ones, a shared one so FQDNs clash now and then, and labels that break NAME-1, NAME-2 or NAME-5. */
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

/** TODO(lead): AlwaysOnBackEnd, MirroredBackEnd, FailoverClusterBackEnd as kinds of their own, pushed to `built.backEnds`. */
export const STANDALONE_BACK_ENDS: ConstructKind<StandaloneBackEndSpec> = {
  name: 'backEnds',
  // Mostly one back end per site, in site order; sometimes none or two.
  arbitrary: ({ siteCount }) =>
    fc
      .tuple(
        ...Array.from({ length: siteCount }, (_, site) =>
          perSite(
            fc.record(
              {
                site: fc.constant(site),
                sqlVersion: enumValue(SqlServerVersion),
                sqlEdition: enumValue(SqlEdition),
                serverNamePrefix: mostly(fc.constant(undefined), fc.constantFrom('sql', 'sqlserver-primary'), 1, 20),
              },
              { requiredKeys: ['site', 'sqlVersion', 'sqlEdition'] },
            ),
          ),
        ),
      )
      .map((perSite) => perSite.flat()),
  build: (ctx, spec, i) =>
    new StandaloneBackEnd(ctx.sites[spec.site], `backend${i + 1}`, {
      sqlVersion: spec.sqlVersion,
      sqlEdition: spec.sqlEdition,
      ...(spec.serverNamePrefix ? { serverNamePrefix: spec.serverNamePrefix } : {}),
    }),
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
  readonly operatingSystem: WindowsServerVersion | undefined;
  readonly sipLoadBalancing: LoadBalancing | undefined;
  readonly users: number | undefined;
  readonly vmSize: string | undefined;
  readonly internalWebLabel: string | undefined;
  readonly externalWebLabel: string | undefined;
  readonly collocatedMediation: boolean | undefined;
}

const maybe = <T>(arb: fc.Arbitrary<T>, weight = 1) => mostly(fc.constant(undefined), arb, weight, 3);

function frontEndPoolSpec(site: number): fc.Arbitrary<FrontEndPoolSpec> {
  return mostly(fc.constant(PoolEdition.ENTERPRISE), fc.constant(PoolEdition.STANDARD), 1, 3).chain((edition) =>
    fc.record({
      site: fc.constant(site),
      label: hostLabel,
      domain: mostly(fc.constantFrom('ad' as const, 'other' as const), fc.constant('sip' as const), 1, 6),
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
      backEnd: mostly(fc.constant('same-site' as const), fc.constantFrom('other-site' as const, 'none' as const), 1, 20),
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
  if (spec.backEnd === 'same-site') return backEnds.find((b) => b.site === site);
  if (spec.backEnd === 'other-site') return backEnds.find((b) => b.site !== site);
  return undefined;
}

export const FRONT_END_POOLS: ConstructKind<FrontEndPoolSpec> = {
  name: 'frontEndPools',
  arbitrary: ({ siteCount }) =>
    fc.tuple(...Array.from({ length: siteCount }, (_, site) => perSite(frontEndPoolSpec(site)))).map((perSite) => perSite.flat()),
  build: (ctx, spec, i) => {
    const domain = ctx.domains[spec.domain];
    const backEnd = backEndFor(ctx, spec);
    const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    return new FrontEndPool(ctx.sites[spec.site], `pool${i + 1}`, {
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
      }),
    });
  },
};

// ---- Extension points (TODO(lead) when the constructs land on main) ----------------------------
// EDGE_POOLS:     { site, nextHop: index into frontEndPools (or directorPools), srvPriority: 0..3 (clashes on purpose),
//                  srvWeight, servers: 1..4, loadBalancing, federation, xmppFederation, FQDN labels from hostLabel
//                  under sip/other domains }; built after FRONT_END_POOLS; optionally pool.associateEdgePool(edge).
// PAIRED_POOLS:   { primary, backup: indexes into frontEndPools (same pool, same site, other site) }.
// CHAT_POOLS:     { primarySite, secondarySite, homePool, active/idle servers per site 0..5, compliance, witness }.
// DIRECTOR_POOLS: { site, label, servers: 1..4 } and MEDIATION_POOLS: { site, label, servers, nextHop: pool index }.
// Back ends:      AlwaysOn { replicas 1..3, listenerPort, readableSecondaries }, mirrored { witness }, cluster { nodes }.

/** Every kind, in build order (a kind may reference the kinds before it). */
export const KINDS: readonly ConstructKind<any>[] = [STANDALONE_BACK_ENDS, FRONT_END_POOLS];

/** A random deployment: product version, one to three sites, and specs for every kind. */
export function deploymentSpec(kinds: readonly ConstructKind<any>[] = KINDS): fc.Arbitrary<DeploymentSpec> {
  return siteSpecs().chain((sites) =>
    fc.record({
      productVersion: enumValue(ProductVersion),
      supportPosture: enumValue(SupportPosture),
      sipDomain: mostly(fc.constant('contoso.com'), fc.constant('corp.contoso.com'), 1, 8),
      adDomain: mostly(fc.constant('corp.contoso.com'), fc.constantFrom('contoso', 'ad.contoso.com'), 1, 8),
      sites: fc.constant(sites),
      members: fc.record(Object.fromEntries(kinds.map((k) => [k.name, k.arbitrary({ siteCount: sites.length })]))),
    }),
  );
}

/** One temp directory for every app of a run (Testing.app would create one per app). */
let outdir: string | undefined;

export interface BuiltDeployment {
  readonly stack: TerraformStack;
  readonly deployment: SfbDeployment;
  readonly ctx: BuildContext;
}

/** Builds a spec into a fresh app and stack (with the provider, so validations can run). */
export function buildDeployment(spec: DeploymentSpec, kinds: readonly ConstructKind<any>[] = KINDS): BuiltDeployment {
  outdir ??= require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'sfb-property-'));
  const app: App = Testing.app({ outdir });
  const stack = new TerraformStack(app, 'property');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const deployment = new SfbDeployment(stack, 'contoso', {
    productVersion: spec.productVersion,
    sipDomain: spec.sipDomain,
    adDomain: spec.adDomain,
    supportPosture: spec.supportPosture,
  });
  const sites = spec.sites.map((s, i) => buildSite(deployment, s, i));
  const ctx: BuildContext = {
    deployment,
    sites,
    built: {},
    domains: { ad: deployment.adDomain.includes('.') ? deployment.adDomain : `${deployment.adDomain}.local`, sip: spec.sipDomain, other: 'sfb.contoso.net' },
  };
  for (const kind of kinds) {
    ctx.built[kind.name] = (spec.members[kind.name] ?? []).map((s, i) => kind.build(ctx, s, i));
  }
  return { stack, deployment, ctx };
}
