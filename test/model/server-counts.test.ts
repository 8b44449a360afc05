/**
 * Server counts as data: the construct that builds a role's servers takes its count's default and
 * bounds from the role's profile (`serverCounts`, lib/model/roles/), and its prop documents the same
 * default.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { IConstruct } from 'constructs';
import { ALL_ROLES, ROLE_PROFILES, ServerCount } from '../../lib/model/roles';
import { ServerRole } from '../../lib/model/topology';
import {
  AlwaysOnBackEnd, CentralSite, DirectorPool, FailoverClusterBackEnd, FileStore, FrontEndPool, MediationPool, OfficeOnlineServerFarm,
  PoolEdition, ReverseProxy, ReverseProxyKind, SfbDeployment, SqlServerVersion, StretchedPersistentChatPool,
} from '../../lib';
import { testDeployment, testPool, testSite } from '../helpers';
import { testEdge } from '../edge-helpers';

type RoleCount = ServerCount & { readonly role: ServerRole };

const COUNTS: readonly RoleCount[] = ALL_ROLES.flatMap((role) => ROLE_PROFILES[role].serverCounts.map((c) => ({ ...c, role })));

interface Place {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly pool: FrontEndPool;
}

/** Builds `construct` for `role` in `at` with `count` (undefined: not given) for `prop`; returns the construct whose servers are counted. */
const BUILDERS: Record<string, (at: Place, prop: string, count: unknown, role: ServerRole) => IConstruct> = {
  FrontEndPool: (at, prop, count, role) =>
    new FrontEndPool(at.north, 'counted', { fqdn: 'counted.corp.contoso.com', edition: role === ServerRole.STANDARD_EDITION ? PoolEdition.STANDARD : PoolEdition.ENTERPRISE, [prop]: count }),
  EdgePool: (at, prop, count) => testEdge(at.west, at.pool, 'counted', { [prop]: count }),
  DirectorPool: (at, prop, count) => new DirectorPool(at.west, 'counted', { fqdn: 'dir.corp.contoso.com', [prop]: count }),
  MediationPool: (at, prop, count) => new MediationPool(at.west, 'counted', { fqdn: 'med.corp.contoso.com', nextHop: at.pool, [prop]: count }),
  OfficeOnlineServerFarm: (at, prop, count) => new OfficeOnlineServerFarm(at.west, 'counted', { fqdn: 'oos.corp.contoso.com', [prop]: count }),
  ReverseProxy: (at, prop, count) => new ReverseProxy(at.west, 'counted', { kind: ReverseProxyKind.WINDOWS_SERVERS, [prop]: count }),
  FileStore: (at, prop, count) => new FileStore(at.west, 'counted', { shareName: 'counted', [prop]: count }),
  AlwaysOnBackEnd: (at, prop, count) => new AlwaysOnBackEnd(at.north, 'counted', { sqlVersion: SqlServerVersion.SQL_2019, [prop]: count }),
  FailoverClusterBackEnd: (at, prop, count) => new FailoverClusterBackEnd(at.north, 'counted', { sqlVersion: SqlServerVersion.SQL_2019, [prop]: count }),
  // The one required count is given (1) whenever another one is counted.
  StretchedPersistentChatPool: (at, prop, count) =>
    new StretchedPersistentChatPool(at.deployment, 'counted', { fqdn: 'chat.corp.contoso.com', primarySite: at.west, secondarySite: at.north, homePool: at.pool, primaryActiveServers: 1, [prop]: count }),
};

function place(): Place {
  const { deployment } = testDeployment();
  const west = testSite(deployment, 'west');
  const north = testSite(deployment, 'north');
  return { deployment, west, north, pool: testPool(west, 'pool') };
}

/** How many servers of `role` the plan holds under `construct`. */
function serversOf(at: Place, construct: IConstruct, role: ServerRole): number {
  const under = `${construct.node.path}/`;
  return (at.deployment.plan().servers as { path: string; role: ServerRole }[]).filter((s) => s.role === role && s.path.startsWith(under)).length;
}

const label = (c: RoleCount) => `${ROLE_PROFILES[c.role].displayName}: ${c.construct}.${c.prop}`;
const build = (at: Place, c: RoleCount, count: unknown) => BUILDERS[c.construct]!(at, c.prop, count, c.role);
/** The chat pool always has its one required active server: another count adds to it. */
const alwaysThere = (c: RoleCount) => (c.construct === 'StretchedPersistentChatPool' && c.prop !== 'primaryActiveServers' ? 1 : 0);

describe('every role count has a construct that reads it', () => {
  test('each construct named by a profile is built here, and each count once', () => {
    expect([...new Set(COUNTS.map((c) => c.construct))].sort()).toEqual(Object.keys(BUILDERS).sort());
    const keys = COUNTS.map((c) => `${c.role} ${c.construct}.${c.prop}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(COUNTS.filter((c) => c.default !== undefined).map((c) => [label(c), c] as const))('%s: not given, the profile default', (_l, c) => {
    const at = place();
    expect(serversOf(at, build(at, c, undefined), c.role)).toBe(c.default! + alwaysThere(c));
  });

  test.each(COUNTS.filter((c) => c.default === undefined).map((c) => [label(c), c] as const))('%s: required, and not given the construct says so', (_l, c) => {
    const at = place();
    const build = () => new StretchedPersistentChatPool(at.deployment, 'counted', { fqdn: 'chat.corp.contoso.com', primarySite: at.west, secondarySite: at.north, homePool: at.pool } as never);
    expect(c.construct).toBe('StretchedPersistentChatPool');
    expect(build).toThrow(new RegExp(`${c.construct} .*${c.prop} is missing`));
  });

  test.each(COUNTS.map((c) => [label(c), c] as const))('%s: the profile bounds are the construct bounds', (_l, c) => {
    for (const outside of [c.min - 1, c.max + 1]) {
      expect(() => build(place(), c, outside)).toThrow(new RegExp(`${c.construct} .*${c.prop} ${outside} is out of range; allowed are whole numbers from ${c.min} to ${c.max}`));
    }
    // Inside them, the count given is built (at least one: a chat pool of no server at all is refused).
    const at = place();
    const inside = Math.max(c.min, 1);
    expect(serversOf(at, build(at, c, inside), c.role)).toBe(inside + alwaysThere(c));
  });

  test('a Standard Edition pool reads the Standard Edition count, an Enterprise pool the Front End one', () => {
    const at = place();
    const se = new FrontEndPool(at.west, 'se', { fqdn: 'se.corp.contoso.com', edition: PoolEdition.STANDARD });
    expect(serversOf(at, se, ServerRole.STANDARD_EDITION)).toBe(ROLE_PROFILES[ServerRole.STANDARD_EDITION].serverCounts[0]!.default);
    expect(serversOf(at, at.pool, ServerRole.FRONT_END)).toBe(ROLE_PROFILES[ServerRole.FRONT_END].serverCounts[0]!.default);
  });
});

describe('the props document the profile defaults', () => {
  const CONSTRUCT_FILES: Record<string, string> = {
    FrontEndPool: 'front-end-pool', EdgePool: 'edge-pool', DirectorPool: 'director-pool', MediationPool: 'mediation-pool',
    OfficeOnlineServerFarm: 'office-online-server-farm', ReverseProxy: 'reverse-proxy', FileStore: 'file-store',
    AlwaysOnBackEnd: 'always-on-back-end', FailoverClusterBackEnd: 'failover-cluster-back-end', StretchedPersistentChatPool: 'persistent-chat-pool',
  };

  /** The doc comment of `readonly <prop>` in the construct's props interface. */
  function docOf(construct: string, prop: string): string {
    const text = readFileSync(join(__dirname, '..', '..', 'lib', 'constructs', `${CONSTRUCT_FILES[construct]}.ts`), 'utf8');
    const body = text.slice(text.indexOf(`export interface ${construct}Props`));
    const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*readonly ${prop}\\??:`).exec(body);
    if (!m) throw new Error(`${construct}Props has no documented prop ${prop}`);
    return m[1]!;
  }

  test.each(COUNTS.filter((c) => c.role !== ServerRole.STANDARD_EDITION).map((c) => [label(c), c] as const))('%s', (_l, c) => {
    const doc = docOf(c.construct, c.prop);
    if (c.default === undefined) expect(doc).not.toMatch(/@default/);
    else expect(doc).toMatch(new RegExp(`@default ${c.default}\\b`));
  });

  test('frontEndServers documents both editions', () => {
    const doc = docOf('FrontEndPool', 'frontEndServers');
    expect(doc).toMatch(new RegExp(`@default ${ROLE_PROFILES[ServerRole.FRONT_END].serverCounts[0]!.default} for Enterprise, ${ROLE_PROFILES[ServerRole.STANDARD_EDITION].serverCounts[0]!.default} for Standard Edition`));
  });
});
