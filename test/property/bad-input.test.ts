/**
 * Property test over bad input (issue 12): every class of input a user can get wrong — wrong types
 * from JavaScript, missing or null props, numbers out of range or not finite, empty strings, lists
 * where a string belongs, ids that cannot form Azure names, names that collide after normalization,
 * unknown regions, zones in a region without zones, public address spaces, malformed or unknown VM
 * sizes, reserved admin names, IANA time zones, unknown or unacknowledgeable rule IDs and stale
 * acknowledgements — either throws an Error (never a TypeError) naming the construct and the prop,
 * or yields an error finding naming the prop that stops synthesis. Never a silent synthesis.
 * Fixed seed in `npm test` (FUZZ_SEED overrides, FUZZ_RUNS sets the count).
 */
import * as fc from 'fast-check';
import {
  acknowledgeFinding,
  ALL_RULES,
  CentralSite,
  EdgePool,
  FrontEndPool,
  MediationPool,
  PairedPools,
  ProductVersion,
  Severity,
  SfbDeployment,
  SqlServerVersion,
  StandaloneBackEnd,
  validateTopology,
} from '../../lib/experimental';
import { Testing } from '../../lib/cdktf';
import { describeValue } from '../../lib/constructs/validate-input';
import { REGIONS } from '../../lib/model/regions';
import { SHUTDOWN_SCHEDULE, WINDOWS_ADMIN_USERNAME } from '../../lib/model/provider-constraints';
import { testDeployment, testStack } from '../helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261212);

/** One bad input: how to build it, and the construct and prop the complaint must name. */
interface BadCase {
  readonly kind: string;
  /** Text the error must contain: the construct's name and the prop (or rule) it is about. */
  readonly names: readonly string[];
  /** Builds the program; returns the deployment to validate when nothing was thrown. */
  readonly build: () => SfbDeployment;
  /** A finding of this severity is enough (a stale acknowledgement is a warning: it blocks nothing). */
  readonly severity?: Severity;
  /** The bad value, for the failure message. */
  readonly value?: unknown;
}

const base = { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com' };

function site(deployment: SfbDeployment, props: Record<string, unknown> = {}, id = 'west'): CentralSite {
  return new CentralSite(deployment, id, { location: 'westeurope', addressSpace: '10.10.0.0/16', ...props } as never);
}

function pool(s: CentralSite, props: Record<string, unknown> = {}, id = 'pool'): FrontEndPool {
  const backEnd = new StandaloneBackEnd(s, `${id}-be`, { sqlVersion: SqlServerVersion.SQL_2019 });
  return new FrontEndPool(s, id, { fqdn: `${id}.corp.contoso.com`, backEnd, ...props } as never);
}

/** Values of the wrong JavaScript type for any prop. */
const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, NaN, Infinity, -Infinity, true, 0, [], {}, ['x'], () => 1),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
/**
 * Numbers a count prop can never take, given its largest value (null on an optional prop means "not
 * given", as undefined does): not a whole number, negative, above the maximum, or not a number at all.
 */
const badCountUpTo = (max: number) =>
  fc.oneof(
    fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, 0.5, 2.5, max + 1, 1e9 * max, '3', [3]),
    fc.double({ noInteger: true, noDefaultInfinity: false }),
    fc.integer({ min: max + 1, max: max + 1e7 }),
  );
/** FrontEndPool's counts and their largest values (frontEndServers up to 100, users up to 10 million). */
const POOL_COUNTS = { frontEndServers: 100, users: 10_000_000 } as const;
const badPoolCount = fc.constantFrom(...(Object.keys(POOL_COUNTS) as (keyof typeof POOL_COUNTS)[])).chain((prop) => fc.tuple(fc.constant(prop), badCountUpTo(POOL_COUNTS[prop])));
/** Strings that are empty or a list where a string belongs. */
const emptyish = fc.constantFrom<unknown>('', ' ', '   ', [], ['westeurope'], ['10.0.0.0/16']);
/** Construct ids Azure names cannot be made of. */
const badId = fc.oneof(
  fc.constantFrom('West_Site', 'west eu', '😀', 'west.eu', '-west', 'west-', 'a b', 'ü'),
  fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), fc.constantFrom('_', ' ', '.', '!', '😀', '/x'.slice(0, 0) + '#'), fc.stringMatching(/^[a-z]{1,5}$/)).map(([a, c, b]) => `${a}${c}${b}`),
);
/** Region names the catalog does not know. */
const unknownRegion = fc.stringMatching(/^[a-z]{3,14}[0-9]?$/).filter((r) => !REGIONS.has(r));
const zonelessRegion = fc.constantFrom(...[...REGIONS.values()].filter((r) => !r.availabilityZones).map((r) => r.name));
/** Public IPv4 CIDRs a site may not use. */
const publicCidr = fc
  .tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 22 }))
  .filter(([a, b]) => a !== 10 && a !== 127 && !(a === 172 && b >= 16 && b < 32) && !(a === 192 && b === 168) && !(a === 100 && b >= 64 && b < 128))
  .map(([a, b, prefix]) => {
    const base = ((a << 24) >>> 0) + (b << 16);
    const size = 2 ** (32 - prefix);
    const net = Math.floor(base / size) * size;
    return `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${prefix}`;
  })
  .filter((c) => !/^(10\.|127\.|0\.)/.test(c));
const malformedSize = fc.oneof(fc.constantFrom('D16s_v5', 'standard_d16s_v5', 'Standard D16s v5', 'Standard_', 'Standard_16', 'big'), fc.stringMatching(/^[a-z ]{1,10}$/));
const unknownSize = fc.tuple(fc.constantFrom('X', 'Q', 'ZZ'), fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 's', 'ms'), fc.constantFrom('', '_v9', '_v12')).map(([f, n, s, v]) => `Standard_${f}${n}${s}${v}`);
const reservedAdmin = fc.oneof(fc.constantFrom(...WINDOWS_ADMIN_USERNAME.disallowed), fc.stringMatching(/^[a-z]{1,10}\.$/), fc.stringMatching(/^[a-z]{21,30}$/));
const ianaZone = fc.tuple(fc.constantFrom('Europe', 'America', 'Asia', 'Africa'), fc.stringMatching(/^[A-Z][a-z]{2,10}$/)).map(([a, b]) => `${a}/${b}`);
const notProviderZone = fc.oneof(ianaZone, fc.stringMatching(/^[A-Za-z]{3,12}$/)).filter((z) => !SHUTDOWN_SCHEDULE.timeZones.some((t) => t.toLowerCase() === z.toLowerCase()));
const unknownRuleId = fc.tuple(fc.constantFrom('FE', 'BE', 'PAIR', 'ZZ', 'NAME'), fc.integer({ min: 90, max: 999 })).map(([a, n]) => `${a}-${n}`);
// Drawn from the rule data, so the generator names no rule (docs/rules.md counts a file that names a rule as its test).
const unacknowledgeableId = fc.constantFrom(...ALL_RULES.filter((r) => r.acknowledgeable === false).map((r) => r.id));
/** Acknowledgeable rules with no finding on the small topology the stale-acknowledgement case builds. */
function quietRuleIds(): string[] {
  const { deployment } = testDeployment();
  pool(site(deployment));
  const present = new Set(validateTopology(deployment).map((f) => f.ruleId));
  return ALL_RULES.filter((r) => r.acknowledgeable !== false && !present.has(r.id)).map((r) => r.id);
}

const badCase: fc.Arbitrary<BadCase> = fc.oneof(
  wrongType.map((v) => ({ kind: 'backEnd of a wrong type', value: v, names: ['FrontEndPool', 'backEnd'], build: () => { const { deployment } = testDeployment(); new FrontEndPool(site(deployment), 'pool', { fqdn: 'pool.corp.contoso.com', backEnd: v as never }); return deployment; } })),
  wrongType.map((v) => ({ kind: 'nextHop of a wrong type', value: v, names: ['MediationPool', 'nextHop'], build: () => { const { deployment } = testDeployment(); new MediationPool(site(deployment), 'med', { fqdn: 'med.corp.contoso.com', nextHop: v as never }); return deployment; } })),
  wrongType.map((v) => ({ kind: 'edge nextHop of a wrong type', value: v, names: ['EdgePool', 'nextHop'], build: () => {
    const { deployment } = testDeployment();
    new EdgePool(site(deployment), 'edge', { internalFqdn: 'edge.corp.contoso.com', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'wc.contoso.com', audioVideoEdgeFqdn: 'av.contoso.com', srvPriority: 0, nextHop: v as never });
    return deployment;
  } })),
  fc.tuple(fc.constantFrom('primary', 'backup'), wrongType).map(([prop, v]) => ({ kind: 'paired pool of a wrong type', value: v, names: ['PairedPools', prop], build: () => {
    const { deployment } = testDeployment();
    const p = pool(site(deployment));
    new PairedPools(deployment, 'pair', { primary: p, backup: p, [prop]: v } as never);
    return deployment;
  } })),
  fc.tuple(fc.constantFrom<unknown>(undefined, null, 'props', 7, [], true), fc.constantFrom('SfbDeployment', 'CentralSite', 'FrontEndPool', 'StandaloneBackEnd')).map(([props, construct]) => ({ kind: 'props missing or not an object', names: [construct, 'props'], build: () => {
    const { deployment } = testDeployment();
    if (construct === 'SfbDeployment') new SfbDeployment(testStack(), 'x', props as never);
    if (construct === 'CentralSite') new CentralSite(deployment, 'west', props as never);
    const s = construct === 'FrontEndPool' || construct === 'StandaloneBackEnd' ? site(deployment) : undefined;
    if (construct === 'FrontEndPool') new FrontEndPool(s!, 'pool', props as never);
    if (construct === 'StandaloneBackEnd') new StandaloneBackEnd(s!, 'be', props as never);
    return deployment;
  } })),
  fc.constantFrom('productVersion', 'sipDomain', 'adDomain').map((prop) => ({ kind: 'missing required deployment prop', names: ['SfbDeployment', prop], build: () => {
    const props: Record<string, unknown> = { ...base };
    delete props[prop];
    return new SfbDeployment(testStack(), 'contoso', props as never);
  } })),
  fc.constantFrom('location', 'addressSpace').map((prop) => ({ kind: 'missing required site prop', names: ['CentralSite', prop, 'is missing'], build: () => { const { deployment } = testDeployment(); site(deployment, { [prop]: undefined }); return deployment; } })),
  badPoolCount.map(([prop, v]) => ({ kind: 'count out of range or not a number', value: v, names: ['FrontEndPool', prop], build: () => { const { deployment } = testDeployment(); pool(site(deployment), { [prop]: v }); return deployment; } })),
  fc.tuple(fc.constantFrom('fqdn', 'vmSize', 'serverNamePrefix'), emptyish).map(([prop, v]) => ({ kind: 'empty string or list', value: v, names: ['FrontEndPool', prop], build: () => { const { deployment } = testDeployment(); pool(site(deployment), { [prop]: v }); return deployment; } })),
  fc.tuple(fc.constantFrom('location', 'addressSpace'), emptyish).map(([prop, v]) => ({ kind: 'empty site string or list', value: v, names: ['CentralSite', prop], build: () => { const { deployment } = testDeployment(); site(deployment, { [prop]: v }); return deployment; } })),
  badId.map((id) => ({ kind: 'site id that cannot form Azure names', names: ['CentralSite', 'id', JSON.stringify(id)], build: () => { const { deployment } = testDeployment(); site(deployment, {}, id); return deployment; } })),
  badId.map((id) => ({ kind: 'deployment id that cannot form Azure names', names: ['SfbDeployment', 'id', JSON.stringify(id)], build: () => new SfbDeployment(testStack(), id, base) })),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/).filter((id) => id !== id.toUpperCase()).map((id) => ({ kind: 'site ids that collide in letter case', names: ['CentralSite', 'id', 'letter case'], build: () => {
    const { deployment } = testDeployment();
    site(deployment, {}, id);
    site(deployment, { addressSpace: '10.20.0.0/16' }, id.toUpperCase());
    return deployment;
  } })),
  unknownRegion.map((r) => ({ kind: 'unknown region', names: ['CentralSite', 'location', JSON.stringify(r), 'did you mean'], build: () => { const { deployment } = testDeployment(); site(deployment, { location: r }); return deployment; } })),
  zonelessRegion.map((r) => ({ kind: 'zones in a region without zones', names: ['AZ-3', 'availabilityZones'], build: () => { const { deployment } = testDeployment(); pool(site(deployment, { location: r, availabilityZones: ['1', '2', '3'] })); return deployment; } })),
  publicCidr.map((c) => ({ kind: 'public address space', names: ['CentralSite', 'addressSpace', 'not a private address range'], build: () => { const { deployment } = testDeployment(); site(deployment, { addressSpace: c }); return deployment; } })),
  malformedSize.map((v) => ({ kind: 'malformed VM size', value: v, names: ['FrontEndPool', 'vmSize'], build: () => { const { deployment } = testDeployment(); pool(site(deployment), { vmSize: v }); return deployment; } })),
  unknownSize.map((v) => ({ kind: 'unknown VM size', value: v, names: ['VM-6', 'vmSize', v], build: () => { const { deployment } = testDeployment(); pool(site(deployment), { vmSize: v }); return deployment; } })),
  reservedAdmin.map((v) => ({ kind: 'admin name the provider refuses', value: v, names: ['SfbDeployment', 'adminUsername'], build: () => new SfbDeployment(testStack(), 'contoso', { ...base, adminUsername: v }) })),
  notProviderZone.map((z) => ({ kind: 'time zone the provider refuses', names: ['SfbDeployment lab', 'shutdownTimeZone'], build: () => new SfbDeployment(testStack(), 'contoso', { ...base, lab: { shutdownTimeZone: z } }) })),
  unknownRuleId.map((id) => ({ kind: 'unknown rule ID', names: ['acknowledgeFinding', id], build: () => { const { deployment } = testDeployment(); acknowledgeFinding(deployment, id, 'a reason that is long enough'); return deployment; } })),
  fc.constantFrom(...quietRuleIds()).map((id) => ({ kind: 'stale acknowledgement', value: id, severity: Severity.WARNING, names: ['ACK-1', id, 'matches no'], build: () => {
    const { deployment } = testDeployment();
    acknowledgeFinding(pool(site(deployment)), id, 'a reason that is long enough');
    return deployment;
  } })),
  unacknowledgeableId.map((id) => ({ kind: 'unacknowledgeable rule', names: ['acknowledgeFinding', id, 'cannot be acknowledged'], build: () => { const { deployment } = testDeployment(); acknowledgeFinding(deployment, id, 'a reason that is long enough'); return deployment; } })),
);

const seen = new Map<string, number>();

describe('bad input', () => {
  it('throws an Error naming the construct and the prop, or yields an error finding naming it; never a TypeError, never a silent synthesis', () => {
    fc.assert(
      fc.property(badCase, (c) => {
        seen.set(c.kind, (seen.get(c.kind) ?? 0) + 1);
        let deployment: SfbDeployment | undefined;
        try {
          deployment = c.build();
        } catch (e) {
          if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) throw new Error(`${c.kind}: crashed with ${String(e)}`);
          const missing = c.names.filter((n) => !e.message.includes(n));
          if (missing.length > 0) throw new Error(`${c.kind} (${describeValue(c.value)}): the error does not name ${missing.join(', ')}: ${e.message}`);
          return;
        }
        const severity = c.severity ?? Severity.ERROR;
        const findings = validateTopology(deployment).filter((f) => f.severity === severity);
        const text = findings.map((f) => `[${f.ruleId}] ${f.message}`).join('\n');
        const missing = c.names.filter((n) => !text.includes(n));
        if (missing.length > 0) throw new Error(`${c.kind} (${describeValue(c.value)}): built without a ${severity} finding naming ${missing.join(', ')}; findings: ${text || 'none'}`);
        if (severity === Severity.ERROR) expect(() => Testing.synth(deployment!.node.scope as never, true)).toThrow();
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    if (RUNS >= 100) {
      // Every class must be drawn, or the property says nothing about it.
      expect([...seen.keys()].length).toBeGreaterThanOrEqual(20);
    }
  }, 120_000);
});
