import { FrontEndPool, PoolEdition, ProductVersion, Severity, validateTopology } from '../../lib';
import { FRONT_END_RULES } from '../../lib/rules/front-end';
import { evaluate } from '../../lib/rules/engine';
import { VERSION_RULES } from '../../lib/rules/version';
import { check, findingsOf, modelOf, ruleIds, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => [...FRONT_END_RULES, ...VERSION_RULES].find((r) => r.id === id);

function poolFindings(frontEndServers: number, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015, zones?: string[]) {
  const { deployment } = testDeployment({ productVersion });
  testPool(testSite(deployment, 'west', zones ? { availabilityZones: zones } : {}), 'pool', { frontEndServers });
  return validateTopology(deployment);
}

describe('Front End pool size (FE-1, VER-6, FE-2, VER-5, FE-3, FE-4)', () => {
  test('a 3-server Enterprise pool has no size findings', () => {
    const ids = ruleIds(poolFindings(3));
    for (const id of ['FE-1', 'FE-2', 'FE-3', 'FE-4', 'VER-5', 'VER-6']) expect(ids).not.toContain(id);
  });

  test('13 Front Ends exceed the 2015 limit of 12: one FE-1 error that names VER-6', () => {
    const f = poolFindings(13);
    expect(findingsOf(f, 'FE-1')).toHaveLength(1);
    expect(findingsOf(f, 'FE-1')[0]).toMatchObject({ severity: Severity.ERROR });
    expect(findingsOf(f, 'FE-1')[0].message).toMatch(/13.*at most 12.*also VER-6/);
    expect(ruleIds(f)).not.toContain('VER-6');
  });

  test('12 Front Ends are fine in 2015, 16 in 2019, 17 is not', () => {
    expect(ruleIds(poolFindings(12))).not.toContain('FE-1');
    expect(ruleIds(poolFindings(16, ProductVersion.SKYPE_FOR_BUSINESS_2019))).not.toContain('FE-1');
    expect(ruleIds(poolFindings(17, ProductVersion.SKYPE_FOR_BUSINESS_2019))).toContain('FE-1');
  });

  test('a 2-server pool is an FE-2 warning in 2015 and a VER-5 error in 2019, never both', () => {
    expect(findingsOf(poolFindings(2), 'FE-2')[0].severity).toBe(Severity.WARNING);
    expect(findingsOf(poolFindings(2), 'FE-2')[0].message).toMatch(/also FE-3\)$/);
    expect(ruleIds(poolFindings(2))).not.toContain('VER-5');
    const f2019 = poolFindings(2, ProductVersion.SKYPE_FOR_BUSINESS_2019);
    expect(ruleIds(f2019)).not.toContain('FE-2');
    expect(findingsOf(f2019, 'VER-5')[0].severity).toBe(Severity.ERROR);
    expect(findingsOf(f2019, 'VER-5')[0].message).toMatch(/cannot publish a 2-server pool.*also FE-2, FE-3/);
  });

  test('fewer than 3 Front Ends: FE-3 is reported by FE-2 or FE-4; one server warns about no HA (FE-4)', () => {
    expect(ruleIds(poolFindings(2))).not.toContain('FE-3');
    expect(ruleIds(poolFindings(1))).toContain('FE-4');
    expect(ruleIds(poolFindings(1))).not.toContain('FE-3');
    expect(findingsOf(poolFindings(1), 'FE-4')[0].message).toMatch(/also FE-3\)$/);
    expect(ruleIds(poolFindings(2))).not.toContain('FE-4');
  });

  test('Standard Edition servers are not held to Enterprise pool sizes', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'se', { edition: PoolEdition.STANDARD, backEnd: undefined });
    const ids = ruleIds(validateTopology(deployment));
    for (const id of ['FE-1', 'FE-2', 'FE-3', 'FE-4', 'FE-5']) expect(ids).not.toContain(id);
  });
});

describe('FE-5: quorum survives the loss of any one failure domain', () => {
  test('3 Front Ends over 3 zones keep quorum', () => {
    expect(ruleIds(poolFindings(3))).not.toContain('FE-5');
  });

  test('3 Front Ends over 2 zones lose quorum when the zone with two fails', () => {
    const f = findingsOf(poolFindings(3, undefined, ['1', '2']), 'FE-5');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/losing failure domain 1 takes 2 of the 3.*leaving 1.*needs 2/);
  });

  test('5 Front Ends over 2 zones fail, 6 over 2 zones keep quorum', () => {
    expect(ruleIds(poolFindings(5, undefined, ['1', '2']))).toContain('FE-5');
    expect(ruleIds(poolFindings(6, undefined, ['1', '2']))).not.toContain('FE-5');
  });

  test('12 Front Ends over 3 zones keep 5 of the first 9', () => {
    expect(ruleIds(poolFindings(12))).not.toContain('FE-5');
  });

  test('a single-zone site cannot survive losing its zone', () => {
    expect(ruleIds(poolFindings(3, undefined, ['1']))).toContain('FE-5');
  });

  test('checks the first-N servers for 8 and more (model)', () => {
    const model = modelOf(({ deployment }) => testPool(testSite(deployment), 'pool', { frontEndServers: 8 }));
    const pool = model.frontEndPools[0];
    // Put the first 7 servers mostly in zone 1: losing zone 1 leaves 2 of the first 7 (< 4).
    const domains = ['1', '1', '1', '1', '1', '2', '3', '2'];
    const moved = { ...model, frontEndPools: [{ ...pool, servers: pool.servers.map((s, i) => ({ ...s, failureDomain: domains[i] })) }] };
    expect(check(rule('FE-5'), moved).map((f) => f.message).join()).toMatch(/of the first 7/);
    expect(check(rule('FE-5'), model)).toHaveLength(0);
  });

  test('an availability set is checked on its fault domains', () => {
    expect(ruleIds(poolFindings(3, undefined, []))).not.toContain('FE-5');
  });
});

describe('FE-10: a pool and its back end are in one site', () => {
  test('a back end in another site is an error', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const otherSiteBackEnd = testPool(north, 'pool').backEnd!;
    testPool(west, 'pool', { backEnd: otherSiteBackEnd });
    const f = findingsOf(validateTopology(deployment), 'FE-10');
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe('test/contoso/west/pool');
  });

  test('a back end in the pool\'s site is fine', () => {
    expect(ruleIds(poolFindings(3))).not.toContain('FE-10');
  });
});

describe('FE-21: a multi-server Standard Edition "pool" is one finding', () => {
  const model = modelOf(({ deployment }) => testPool(testSite(deployment)));
  test('FE-21 alone: no load-balancer finding follows from it', () => {
    const se = { ...model.frontEndPools[0], edition: PoolEdition.STANDARD, webLoadBalancer: undefined };
    const ids = evaluate({ ...model, frontEndPools: [se] }).map((f) => f.ruleId);
    expect(ids).toContain('FE-21');
    expect(ids.filter((id) => ['FE-13', 'DNS-1', 'DIR-5'].includes(id))).toEqual([]);
  });
});

describe('FE-14: capacity', () => {
  test('20,000 users need 5 Front Ends (one lost)', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { users: 20000 });
    expect(findingsOf(validateTopology(deployment), 'FE-14')[0].message).toMatch(/needs 5 Front End servers but has 3/);
  });
  test('10,000 users fit 3 Front Ends', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { users: 10000 });
    expect(ruleIds(validateTopology(deployment))).not.toContain('FE-14');
  });
});

describe('FE-20 (also TB-2, VOICE-1): every central site has a pool', () => {
  test('a site without a pool is one FE-20 error that names TB-2 and VOICE-1', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testSite(deployment, 'north');
    const f = validateTopology(deployment);
    expect(findingsOf(f, 'FE-20').map((x) => x.path)).toEqual(['test/contoso/north']);
    expect(findingsOf(f, 'FE-20')[0].message).toMatch(/also TB-2, VOICE-1\)$/);
    expect(findingsOf(f, 'TB-2')).toEqual([]);
    expect(findingsOf(f, 'VOICE-1')).toEqual([]);
  });
  test('sites with pools are fine', () => {
    expect(ruleIds(poolFindings(3))).not.toContain('FE-20');
  });
});

describe('FE-21 and FE-15: a Standard Edition server is one server with SQL Express, for 2,500 users', () => {
  const se = (props: object, id = 'FE-15') => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'se', { edition: PoolEdition.STANDARD, backEnd: undefined, ...props });
    return findingsOf(validateTopology(deployment), id);
  };
  test('one server, no back end, 2,000 users is fine', () => {
    expect(se({ users: 2000 })).toEqual([]);
    expect(se({ users: 2000 }, 'FE-21')).toEqual([]);
  });
  test('two servers is an FE-21 error', () => {
    expect(se({ frontEndServers: 2 }, 'FE-21')[0]).toMatchObject({ severity: Severity.ERROR });
    expect(se({ frontEndServers: 2 })).toEqual([]);
  });
  test('a back end is an FE-21 error', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const backEnd = testPool(site, 'pool').backEnd;
    testPool(site, 'se', { edition: PoolEdition.STANDARD, backEnd });
    expect(findingsOf(validateTopology(deployment), 'FE-21')[0].message).toMatch(/SQL Express/);
  });
  test('3,000 users is a warning', () => {
    expect(se({ users: 3000 })[0]).toMatchObject({ severity: Severity.WARNING });
  });
});

describe('TB-3: an Enterprise pool has a back end', () => {
  test('a pool without backEnd is an error, not a throw', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    expect(() => new FrontEndPool(site, 'pool', { fqdn: 'pool.corp.contoso.com' })).not.toThrow();
    expect(findingsOf(validateTopology(deployment), 'TB-3')[0].message).toMatch(/has no backEnd/);
  });
  test('a pool with a back end is fine', () => {
    expect(ruleIds(poolFindings(3))).not.toContain('TB-3');
  });
});
