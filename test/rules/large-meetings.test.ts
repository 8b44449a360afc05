import {
  AlwaysOnBackEnd,
  BranchSite,
  FrontEndPoolProps,
  MirroredBackEnd,
  PairedPools,
  PoolEdition,
  PoolPurpose,
  ProductVersion,
  Severity,
  SqlServerVersion,
  StandaloneBackEnd,
  SurvivableBranchAppliance,
  validateTopology,
} from '../../lib';
import { hardwareReport } from '../../lib/reports/hardware';
import { findingsOf, modelOf, ruleIds, TestDeployment, testDeployment, testPool, testSite } from '../helpers';

/** Stands for "a StandaloneBackEnd of the large-meeting pool" in `props.backEnd`. */
const STANDALONE = {} as FrontEndPoolProps['backEnd'];

/** A general pool and a large-meeting pool in site west; `props` adjust the large-meeting pool. */
function build(t: TestDeployment, props: Partial<FrontEndPoolProps> = {}, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015) {
  const west = testSite(t.deployment, 'west');
  const general = testPool(west, 'pool');
  const sql = props.backEnd === STANDALONE ? new StandaloneBackEnd(west, 'meet-sql', { sqlVersion: SqlServerVersion.SQL_2019 }) : productVersion === ProductVersion.SKYPE_FOR_BUSINESS_2015 ? new MirroredBackEnd(west, 'meet-sql', { sqlVersion: SqlServerVersion.SQL_2016 }) : new AlwaysOnBackEnd(west, 'meet-sql', { sqlVersion: SqlServerVersion.SQL_2019 });
  const meetings = testPool(west, 'meet', { purpose: PoolPurpose.LARGE_MEETINGS, frontEndServers: productVersion === ProductVersion.SKYPE_FOR_BUSINESS_2015 ? 2 : 3, users: 3, ...props, backEnd: 'backEnd' in props && props.backEnd !== STANDALONE ? props.backEnd : sql });
  return { west, general, meetings };
}

function fe16(props: Partial<FrontEndPoolProps> = {}, extra: (t: TestDeployment, b: ReturnType<typeof build>) => void = () => undefined, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015) {
  const t = testDeployment({ productVersion });
  extra(t, build(t, props, productVersion));
  const all = validateTopology(t.deployment);
  return { all, f: findingsOf(all, 'FE-16') };
}

describe('FE-16: a large-meeting pool is two Front Ends with an HA back end homing only the meeting-host accounts', () => {
  test('the recommended pool has no FE-16 finding and no FE-2 two-server warning (2015), nor in 2019 with 3 servers', () => {
    const { all, f } = fe16();
    expect(f).toEqual([]);
    expect(findingsOf(all, 'FE-2').map((x) => x.path)).not.toContain('test/contoso/west/meet');
    expect(fe16({}, undefined, ProductVersion.SKYPE_FOR_BUSINESS_2019).f).toEqual([]);
  });

  test('a general 2-server pool still gets FE-2', () => {
    const t = testDeployment();
    testPool(testSite(t.deployment, 'west'), 'pool', { frontEndServers: 2 });
    expect(ruleIds(validateTopology(t.deployment))).toContain('FE-2');
  });

  test('warns with more Front Ends than the topology asks for', () => {
    const { f } = fe16({ frontEndServers: 4 });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/west/meet' });
    expect(f[0].message).toMatch(/has 4 Front End servers; Microsoft's large-meeting topology is a pool of two Front Ends.*set frontEndServers to 2/);
    expect(fe16({ frontEndServers: 4 }, undefined, ProductVersion.SKYPE_FOR_BUSINESS_2019).f[0].message).toMatch(/publishes no pool smaller than 3 \(VER-5\); one large meeting at a time uses no more; set frontEndServers to 3/);
  });

  test('fewer Front Ends are left to FE-4 and VER-5 (one fact, one finding)', () => {
    const one = fe16({ frontEndServers: 1 });
    expect(one.f).toEqual([]);
    expect(findingsOf(one.all, 'FE-4').map((x) => x.path)).toContain('test/contoso/west/meet');
    const two2019 = fe16({ frontEndServers: 2 }, undefined, ProductVersion.SKYPE_FOR_BUSINESS_2019);
    expect(two2019.f).toEqual([]);
    expect(ruleIds(two2019.all)).toContain('VER-5');
  });

  test('warns without a high-availability back end', () => {
    const { f } = fe16({ backEnd: STANDALONE });
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/back end .*meet-sql is a standalone SQL Server; .* use AlwaysOnBackEnd, MirroredBackEnd or FailoverClusterBackEnd/)]);
  });

  test('warns when it homes more than the meeting-host accounts', () => {
    expect(fe16({ users: 5000 }).f[0].message).toMatch(/users is 5000; a large-meeting pool homes only the accounts that host or schedule large meetings \(the library's line: 20\)/);
    expect(fe16({ users: 20 }).f).toEqual([]);
  });

  test('warns when it carries voice', () => {
    expect(fe16({ collocatedMediation: true }).f[0].message).toMatch(/collocatedMediation is true; .* no Enterprise Voice or other workload/);
    expect(fe16({ enterpriseVoice: true }).f[0].message).toMatch(/enterpriseVoice is true/);
  });

  test('warns when paired with a general pool or used as a backup Registrar, not when paired with another large-meeting pool', () => {
    const paired = fe16({}, (t, b) => {
      const north = testSite(t.deployment, 'north');
      new PairedPools(t.deployment, 'pair', { primary: b.meetings, backup: testPool(north, 'pool') });
    });
    expect(paired.f[0].message).toMatch(/is paired with general pool pool-north\.corp\.contoso\.com .*pair a large-meeting pool only with another large-meeting pool/);
    const twoLarge = fe16({}, (t, b) => {
      const north = testSite(t.deployment, 'north');
      testPool(north, 'pool');
      const backup = testPool(north, 'meet', { purpose: PoolPurpose.LARGE_MEETINGS, frontEndServers: 2, backEnd: new MirroredBackEnd(north, 'meet-backend', { sqlVersion: SqlServerVersion.SQL_2016 }) });
      new PairedPools(t.deployment, 'pair', { primary: b.meetings, backup });
    });
    expect(twoLarge.f).toEqual([]);
    const registrar = fe16({}, (t, b) => {
      const branch = new BranchSite(t.deployment, 'redmond', { centralSite: b.west });
      new SurvivableBranchAppliance(branch, 'sba', { fqdn: 'sba-redmond.corp.contoso.com', users: 100, backupRegistrar: b.meetings });
    });
    expect(registrar.f[0].message).toMatch(/is the backup Registrar of sba-redmond\.corp\.contoso\.com/);
  });

  test('warns for a Standard Edition server', () => {
    expect(fe16({ edition: PoolEdition.STANDARD, frontEndServers: 1, backEnd: undefined }).f[0].message).toMatch(/is a Standard Edition server; .*use PoolEdition.ENTERPRISE/);
  });

  test('refuses a purpose that is not a PoolPurpose', () => {
    const t = testDeployment();
    expect(() => testPool(testSite(t.deployment, 'west'), 'pool', { purpose: 'meetings' as PoolPurpose })).toThrow(/FrontEndPool .*pool: purpose "meetings" is not a PoolPurpose; use one of PoolPurpose.GENERAL, PoolPurpose.LARGE_MEETINGS/);
  });

  test('the model records the purpose of a large-meeting pool only, and the hardware report shows it', () => {
    const model = modelOf((t) => build(t));
    expect(model.frontEndPools.map((p) => [p.path, p.purpose]).sort()).toEqual([
      ['test/contoso/west/meet', PoolPurpose.LARGE_MEETINGS],
      ['test/contoso/west/pool', undefined],
    ]);
    expect(hardwareReport(model)).toMatch(/\| test\/contoso\/west\/meet \(large-meeting pool, FE-16\) \|/);
  });
});
