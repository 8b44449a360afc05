import {
  AlwaysOnBackEnd,
  CentralSite,
  FailoverClusterBackEnd,
  IBackEnd,
  MirroredBackEnd,
  ProductVersion,
  Severity,
  SqlEdition,
  SqlServerVersion,
  StandaloneBackEnd,
  TopologyModel,
  validateTopology,
} from '../../lib/experimental';
import { ALL_STATUS } from '../../lib/rules';
import { BACK_END_RULES } from '../../lib/rules/back-end';
import { check, findingsOf, modelOf, ruleIds, testDeployment, testPool, testSite } from '../helpers';

const P13 = ProductVersion.LYNC_SERVER_2013;
const P15 = ProductVersion.SKYPE_FOR_BUSINESS_2015;
const P19 = ProductVersion.SKYPE_FOR_BUSINESS_2019;
const rule = (id: string) => BACK_END_RULES.find((r) => r.id === id);

/** Findings of a one-site deployment whose pool uses the back end `make` builds. */
function findings(productVersion: ProductVersion, make: (site: CentralSite) => IBackEnd, frontEndServers = 3) {
  const { deployment } = testDeployment({ productVersion });
  const site = testSite(deployment);
  testPool(site, 'pool', { backEnd: make(site), frontEndServers });
  return validateTopology(deployment);
}

function model(productVersion: ProductVersion, make: (site: CentralSite) => IBackEnd): TopologyModel {
  return modelOf(({ deployment }) => {
    const site = testSite(deployment);
    testPool(site, 'pool', { backEnd: make(site) });
  }, { productVersion });
}

const ag = (props: Partial<ConstructorParameters<typeof AlwaysOnBackEnd>[2]> = {}) => (site: CentralSite) =>
  new AlwaysOnBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2019, ...props });
const mirrored = (props: Partial<ConstructorParameters<typeof MirroredBackEnd>[2]> = {}) => (site: CentralSite) =>
  new MirroredBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2016, ...props });
const fci = (props: Partial<ConstructorParameters<typeof FailoverClusterBackEnd>[2]> = {}) => (site: CentralSite) =>
  new FailoverClusterBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2019, ...props });
const standalone = (sqlVersion = SqlServerVersion.SQL_2019) => (site: CentralSite) => new StandaloneBackEnd(site, 'backend', { sqlVersion });

/** Replaces the first back end of a model. */
function withBackEnd(m: TopologyModel, change: Partial<TopologyModel['backEnds'][number]>): TopologyModel {
  return { ...m, backEnds: [{ ...m.backEnds[0], ...change }, ...m.backEnds.slice(1)] };
}

describe('VER-1: no mirroring in Skype for Business Server 2019', () => {
  test('fails for a mirrored back end in 2019', () => {
    const f = findingsOf(findings(P19, mirrored()), 'VER-1');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/west/backend' });
    expect(f[0].message).toMatch(/does not support.*AlwaysOnBackEnd or FailoverClusterBackEnd/);
  });
  test('passes for a mirrored back end in 2015 and 2013', () => {
    expect(ruleIds(findings(P15, mirrored()))).not.toContain('VER-1');
    expect(ruleIds(findings(P13, mirrored({ sqlVersion: SqlServerVersion.SQL_2012 })))).not.toContain('VER-1');
  });
});

describe('VER-2: no AlwaysOn Availability Groups in Lync Server 2013', () => {
  test('fails for an AlwaysOn back end in 2013', () => {
    const f = findingsOf(findings(P13, ag({ sqlVersion: SqlServerVersion.SQL_2012 })), 'VER-2');
    expect(f[0].message).toMatch(/first supported in Skype for Business Server 2015/);
  });
  test('passes for an AlwaysOn back end in 2015 and 2019', () => {
    expect(ruleIds(findings(P15, ag()))).not.toContain('VER-2');
    expect(ruleIds(findings(P19, ag()))).not.toContain('VER-2');
  });
});

describe('BE-1: back-end modes per version, HA recommended', () => {
  test('a mode the version does not allow is an error', () => {
    const f = findingsOf(findings(P19, mirrored({ sqlVersion: SqlServerVersion.SQL_2019 })), 'BE-1');
    expect(f[0].severity).toBe(Severity.ERROR);
    expect(f[0].message).toMatch(/allowed: .*AlwaysOn Availability Group.*Failover Cluster Instance/);
  });
  test('a stand-alone back end is a BE-20 warning (no Back End HA), not BE-1', () => {
    expect(findingsOf(findings(P15, standalone()), 'BE-1')).toEqual([]);
    const f = findingsOf(findings(P15, standalone()), 'BE-20');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe(Severity.WARNING);
    expect(f[0].message).toMatch(/the pool stops/);
  });
  test('HA back ends allowed by the version pass', () => {
    expect(ruleIds(findings(P15, ag()))).not.toContain('BE-1');
    expect(ruleIds(findings(P13, fci({ sqlVersion: SqlServerVersion.SQL_2012 })))).not.toContain('BE-1');
    expect(ruleIds(findings(P19, fci()))).not.toContain('BE-1');
  });
});

describe('BE-2: mirroring is synchronous (by construction)', () => {
  test('the status says so and the model of every mirrored back end is synchronous', () => {
    expect(ALL_STATUS.find((s) => s.id === 'BE-2')?.note).toMatch(/synchronous/);
    expect(model(P15, mirrored()).backEnds[0].synchronous).toBe(true);
  });
});

describe('BE-3: a mirroring witness', () => {
  test('warns without a witness', () => {
    const f = findingsOf(findings(P15, mirrored({ witness: false })), 'BE-3');
    expect(f[0].severity).toBe(Severity.WARNING);
    expect(f[0].message).toMatch(/Invoke-CsDatabaseFailover/);
  });
  test('passes with the default witness', () => {
    expect(ruleIds(findings(P15, mirrored()))).not.toContain('BE-3');
  });
});

describe('BE-4: principal, mirror and witness versions', () => {
  const m = model(P15, mirrored());
  test('the built back end passes', () => {
    expect(check(rule('BE-4'), m)).toHaveLength(0);
  });
  test('fails when the mirror or the witness runs another version', () => {
    expect(check(rule('BE-4'), withBackEnd(m, { mirrorSqlVersion: SqlServerVersion.SQL_2014 }))[0].message).toMatch(/mirror SQL Server 2014/);
    expect(check(rule('BE-4'), withBackEnd(m, { witnessSqlVersion: SqlServerVersion.SQL_2017 }))[0].message).toMatch(/witness SQL Server 2017/);
  });
  test('fails when principal and mirror editions differ', () => {
    expect(check(rule('BE-4'), withBackEnd(m, { mirrorSqlEdition: SqlEdition.STANDARD }))[0].message).toMatch(/same edition/);
  });
});

describe('BE-8: AlwaysOn settings', () => {
  const m = model(P15, ag());
  test('the built availability group passes', () => {
    expect(check(rule('BE-8'), m)).toHaveLength(0);
  });
  test('fails for a listener port other than 1433', () => {
    expect(findingsOf(findings(P15, ag({ listenerPort: 14330 })), 'BE-8')[0].message).toMatch(/listenerPort is 14330.*only 1433/);
  });
  test('fails for readable secondaries', () => {
    expect(findingsOf(findings(P15, ag({ readableSecondaries: true })), 'BE-8')[0].message).toMatch(/no readable secondaries/);
  });
  test('fails for asynchronous or manual replicas and for two primaries', () => {
    const replicas = m.backEnds[0].replicas!;
    const asyncReplica = withBackEnd(m, { replicas: [replicas[0], { ...replicas[1], commit: 'Asynchronous_Commit', failoverMode: 'Manual' }] });
    expect(check(rule('BE-8'), asyncReplica)[0].message).toMatch(/Asynchronous_Commit\/Manual/);
    const twoPrimaries = withBackEnd(m, { replicas: replicas.map((r) => ({ ...r, role: 'Primary' as const })) });
    expect(check(rule('BE-8'), twoPrimaries)[0].message).toMatch(/2 primary replicas; it needs exactly one/);
  });
  test('fails when the SQL store is not the listener', () => {
    const f = check(rule('BE-8'), withBackEnd(m, { storeFqdn: m.backEnds[0].servers[0].fqdn }));
    expect(f[0].message).toMatch(/point the SQL store at the listener/);
  });
});

describe('BE-9: identical instance names', () => {
  const m = model(P15, ag());
  test('the built replicas share the default instance', () => {
    expect(check(rule('BE-9'), m)).toHaveLength(0);
  });
  test('fails when a replica uses a named instance', () => {
    const replicas = m.backEnds[0].replicas!;
    const named = withBackEnd(m, { replicas: [replicas[0], { ...replicas[1], instanceName: 'RTC' }] });
    expect(check(rule('BE-9'), named)[0].message).toMatch(/MSSQLSERVER, RTC/);
  });
});

describe('BE-11: AlwaysOn needs SQL Server Enterprise', () => {
  test('fails for Standard edition', () => {
    expect(findingsOf(findings(P15, ag({ sqlEdition: SqlEdition.STANDARD })), 'BE-11')[0].message).toMatch(/Standard.*use FailoverClusterBackEnd/);
  });
  test('fails for more replicas than the SQL version fails over automatically', () => {
    expect(findingsOf(findings(P15, ag({ sqlVersion: SqlServerVersion.SQL_2014, replicas: 3 })), 'BE-11')[0].message).toMatch(/at most 2 replicas/);
  });
  test('passes for Enterprise within the replica limit', () => {
    expect(ruleIds(findings(P15, ag()))).not.toContain('BE-11');
    expect(ruleIds(findings(P15, ag({ sqlVersion: SqlServerVersion.SQL_2016, replicas: 3 })))).not.toContain('BE-11');
  });
});

describe('BE-12: supported SQL Server versions', () => {
  test('fails for SQL Server 2014 in 2019 and SQL Server 2016 in 2013', () => {
    expect(findingsOf(findings(P19, standalone(SqlServerVersion.SQL_2014)), 'BE-12')[0].message).toMatch(/SQL Server 2014.*supports SQL Server 2016, SQL Server 2017, SQL Server 2019/);
    expect(ruleIds(findings(P13, mirrored({ sqlVersion: SqlServerVersion.SQL_2016 })))).toContain('BE-12');
  });
  test('passes for supported versions', () => {
    expect(ruleIds(findings(P19, standalone(SqlServerVersion.SQL_2019)))).not.toContain('BE-12');
    expect(ruleIds(findings(P13, mirrored({ sqlVersion: SqlServerVersion.SQL_2008_R2 })))).not.toContain('BE-12');
  });
});

describe('BE-13: SQL failover clustering', () => {
  test('fails for 3 nodes on Standard edition', () => {
    expect(findingsOf(findings(P19, fci({ sqlEdition: SqlEdition.STANDARD, nodes: 3 })), 'BE-13')[0].message).toMatch(/at most 2 nodes/);
  });
  test('passes for 2 Standard or 3 Enterprise nodes', () => {
    expect(ruleIds(findings(P19, fci({ sqlEdition: SqlEdition.STANDARD })))).not.toContain('BE-13');
    expect(ruleIds(findings(P19, fci({ nodes: 3 })))).not.toContain('BE-13');
  });
  const m = model(P19, fci());
  test('fails above 16 Enterprise nodes, for active/active, and for a node shared with another back end', () => {
    const servers = m.backEnds[0].servers;
    const many = withBackEnd(m, { servers: Array.from({ length: 17 }, (_, i) => ({ ...servers[0], path: `n${i}` })) });
    expect(check(rule('BE-13'), many)[0].message).toMatch(/nodes is 17.*at most 16/);
    expect(check(rule('BE-13'), withBackEnd(m, { activeNodes: 2 }))[0].message).toMatch(/active\/passive only/);
    const other = { ...m.backEnds[0], path: 'other', servers: [servers[1]] };
    expect(check(rule('BE-13'), { ...m, backEnds: [...m.backEnds, other] })[0].message).toMatch(/also serve back end other/);
    expect(check(rule('BE-13'), m)).toHaveLength(0);
  });
});

describe('BE-14: one back end per pool', () => {
  test('fails when two pools share a back end', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const backEnd = ag()(site);
    testPool(site, 'pool1', { backEnd });
    testPool(site, 'pool2', { backEnd });
    const f = findingsOf(validateTopology(deployment), 'BE-14');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/serves 2 Front End pools/);
  });
  test('passes with a back end per pool', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'pool1');
    testPool(site, 'pool2');
    expect(ruleIds(validateTopology(deployment))).not.toContain('BE-14');
  });
});

describe('BE-15: the back end is local to its pool', () => {
  test('warns when the back end is in another region', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    testPool(north, 'pool');
    testPool(west, 'pool', { backEnd: ag()(north) });
    const f = findingsOf(validateTopology(deployment), 'BE-15');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/west/pool' });
  });
  test('passes for a back end in the pool\'s site', () => {
    expect(ruleIds(findings(P15, ag()))).not.toContain('BE-15');
  });
});

describe('FE-8: even-sized pools with a single or mirrored back end', () => {
  test('warns for 4 Front Ends on a stand-alone or mirrored back end', () => {
    expect(findingsOf(findings(P15, standalone(), 4), 'FE-8')[0].message).toMatch(/4 Front End servers/);
    expect(ruleIds(findings(P15, mirrored(), 4))).toContain('FE-8');
  });
  test('passes for 3 Front Ends, or 4 on an availability group', () => {
    expect(ruleIds(findings(P15, standalone(), 3))).not.toContain('FE-8');
    expect(ruleIds(findings(P15, ag(), 4))).not.toContain('FE-8');
  });
});

describe('FE-11: pool and back end in one AD domain (by construction)', () => {
  test('pool and back end take the deployment\'s domain', () => {
    for (const make of [ag(), mirrored(), fci(), standalone()]) {
      const m = model(P15, make);
      expect(m.backEnds[0].adDomain).toBe(m.frontEndPools[0].adDomain);
    }
    expect(ALL_STATUS.find((s) => s.id === 'FE-11')?.status).toBe('satisfied by construction');
  });
});

describe('BE-19: SQL data disks are protected', () => {
  test('warns when protectDataDisks is false', () => {
    const f = findingsOf(findings(P15, ag({ protectDataDisks: false })), 'BE-19');
    expect(f[0].severity).toBe(Severity.WARNING);
  });
  test('passes by default', () => {
    expect(ruleIds(findings(P15, ag()))).not.toContain('BE-19');
  });
});

describe('every back-end catalog ID has a rule or a status', () => {
  test.each(['VER-1', 'VER-2', 'FE-8', 'FE-11', 'BE-1', 'BE-2', 'BE-3', 'BE-4', 'BE-5', 'BE-6', 'BE-7', 'BE-8', 'BE-9', 'BE-11', 'BE-12', 'BE-13', 'BE-14', 'BE-15', 'BE-16', 'BE-17', 'BE-18'])('%s', (id) => {
    const st = ALL_STATUS.find((s) => s.id === id);
    expect(Boolean(rule(id)) !== Boolean(st)).toBe(true);
    if (st) expect(st.note).not.toMatch(/Planned/);
  });
});
