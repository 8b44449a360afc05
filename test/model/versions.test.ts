import { MirroredBackEnd, PoolEdition, ProductVersion, Severity, SqlServerVersion, validateTopology } from '../../lib';
import { PRODUCT_PROFILES, productProfile, SE_BASE_VERSION, SE_FACTS, newestSupportedOs } from '../../lib/model/versions';
import { renderRunbook } from '../../lib/reports/runbook';
import { chatTopology } from '../chat-helpers';
import { testEdge } from '../edge-helpers';
import { findingsOf, modelOf, ruleIds, testDeployment, testPool, testSite } from '../helpers';

/*
 * The catalog restated per written-out version (not read from lib/model/versions.ts). Subscription
 * Edition follows the 2019 column (issue 17: SE's configurations are those of 2019; SE_FACTS).
 */
const CATALOG = {
  '2013': { maxFrontEnds: 12, refusesTwoServerPools: false, persistentChat: true, xmpp: true, mirroring: true, rto: '30 minutes', rpo: '30 minutes', defaultOs: '2012R2' },
  '2015': { maxFrontEnds: 12, refusesTwoServerPools: false, persistentChat: true, xmpp: true, mirroring: true, rto: '15 to 20 minutes', rpo: '5 minutes', defaultOs: '2019' },
  '2019': { maxFrontEnds: 16, refusesTwoServerPools: true, persistentChat: false, xmpp: false, mirroring: false, rto: '15 to 20 minutes', rpo: '5 minutes', defaultOs: '2019' },
} as const;
const expected = (v: ProductVersion) => CATALOG[v === ProductVersion.SKYPE_FOR_BUSINESS_SE ? '2019' : v];

describe('Subscription Edition is derived from 2019', () => {
  test('its profile is the 2019 profile with its own name and the base version recorded', () => {
    const { name, baseVersion, ...se } = PRODUCT_PROFILES[ProductVersion.SKYPE_FOR_BUSINESS_SE];
    const { name: name2019, ...p2019 } = PRODUCT_PROFILES[ProductVersion.SKYPE_FOR_BUSINESS_2019];
    expect(name).toBe('Skype for Business Server Subscription Edition');
    expect(name2019).toBe('Skype for Business Server 2019');
    expect(baseVersion).toBe(SE_BASE_VERSION);
    expect(se).toEqual(p2019);
  });

  test('every SE fact names its rules and a source', () => {
    for (const f of SE_FACTS) expect(f.source.length).toBeGreaterThan(20);
    const covered = SE_FACTS.flatMap((f) => f.ruleIds);
    for (const id of ['VER-1', 'VER-3', 'VER-4', 'VER-5', 'VER-6', 'BE-12', 'VM-4', 'VM-1', 'PAIR-15']) expect(covered).toContain(id);
  });
});

describe.each(Object.values(ProductVersion))('product version %s', (version) => {
  const c = expected(version);

  test(`holds at most ${c.maxFrontEnds} Front End servers per Enterprise pool (VER-6)`, () => {
    const build = (n: number) => {
      const { deployment } = testDeployment({ productVersion: version });
      testPool(testSite(deployment), 'pool', { frontEndServers: n });
      return ruleIds(validateTopology(deployment));
    };
    // VER-6 is reported as FE-1 (one fact, one finding).
    expect(build(c.maxFrontEnds)).not.toContain('FE-1');
    expect(build(c.maxFrontEnds + 1)).toContain('FE-1');
    expect(build(c.maxFrontEnds + 1)).not.toContain('VER-6');
  });

  test(`${c.refusesTwoServerPools ? 'refuses' : 'discourages'} a 2-server Enterprise pool (VER-5, FE-2)`, () => {
    const { deployment } = testDeployment({ productVersion: version });
    testPool(testSite(deployment), 'pool', { frontEndServers: 2, edition: PoolEdition.ENTERPRISE });
    const f = validateTopology(deployment);
    // One finding either way: the VER-5 error where the version refuses it, else the FE-2 warning.
    expect(findingsOf(f, 'VER-5').map((x) => x.severity)).toEqual(c.refusesTwoServerPools ? [Severity.ERROR] : []);
    expect(findingsOf(f, 'FE-2').map((x) => x.severity)).toEqual(c.refusesTwoServerPools ? [] : [Severity.WARNING]);
  });

  test(`${c.persistentChat ? 'has' : 'has no'} Persistent Chat (VER-3)`, () => {
    expect(ruleIds(validateTopology(chatTopology({}, { productVersion: version }).deployment)).includes('VER-3')).toBe(!c.persistentChat);
  });

  test(`${c.xmpp ? 'has' : 'has no'} XMPP federation (VER-4)`, () => {
    const { deployment } = testDeployment({ productVersion: version });
    const site = testSite(deployment);
    testEdge(site, testPool(site), 'edge', { federation: true, xmppFederation: true });
    expect(ruleIds(validateTopology(deployment)).includes('VER-4')).toBe(!c.xmpp);
  });

  test(`${c.mirroring ? 'allows' : 'forbids'} Back End database mirroring (VER-1)`, () => {
    const { deployment } = testDeployment({ productVersion: version });
    const site = testSite(deployment);
    testPool(site, 'pool', { backEnd: new MirroredBackEnd(site, 'mirror', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    expect(ruleIds(validateTopology(deployment)).includes('VER-1')).toBe(!c.mirroring);
  });

  test(`defaults to Windows Server ${c.defaultOs} and states pool failover RTO ${c.rto} / RPO ${c.rpo} (PAIR-15)`, () => {
    expect(newestSupportedOs(version)).toBe(c.defaultOs);
    expect(productProfile(version).poolFailover).toEqual({ rto: c.rto, rpo: c.rpo });
    const runbook = renderRunbook(modelOf(({ deployment }) => testPool(testSite(deployment)), { productVersion: version }));
    expect(runbook).toContain(`| Pool failover and failback | ${c.rto} | ${c.rpo} |`);
  });
});
