import { acknowledgeFinding, MirroredBackEnd, ProductVersion, SqlServerVersion } from '../../lib';
import { planningReports } from '../../lib/reports/index';
import { changesForSubscriptionEdition, upgradeReport } from '../../lib/reports/upgrade';
import { chatTopology } from '../chat-helpers';
import { testEdge } from '../edge-helpers';
import { modelOf, testDeployment, testPool, testSite } from '../helpers';

/** A plain two-site topology (one pool per site, SQL Server 2019, default Windows). */
const plain = (productVersion: ProductVersion) =>
  modelOf(({ deployment }) => {
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
  }, { productVersion });

/** The documented path per version, restated (Microsoft Skype for Business blog, 2020 and 2025). */
const PATH: Record<ProductVersion, RegExp> = {
  [ProductVersion.LYNC_SERVER_2013]: /In-place upgrade: no; side-by-side migration: yes/,
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: /In-place upgrade: no; side-by-side migration: yes/,
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: /In-place upgrade: yes; side-by-side migration: yes/,
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: /The deployment is on Skype for Business Server Subscription Edition \(Modern Lifecycle Policy\)/,
};

describe.each(Object.values(ProductVersion))('the upgrade report of a %s deployment', (version) => {
  const report = upgradeReport(plain(version));

  test('states the documented path to Subscription Edition', () => {
    expect(report).toMatch(PATH[version]);
  });

  test('lists the product, SQL Server and Windows Server versions with their lifecycle source', () => {
    expect(report).toContain('Support evaluated on 2026-12-01');
    expect(report).toMatch(/\| test\/contoso \| (Lync|Skype)[^|]+\| [^|]+\| (out of support|in support) \| (https:\/\/learn\.microsoft\.com\/lifecycle\/products\/|Microsoft Lifecycle)/);
    expect(report).toContain('| test/contoso/west/pool-backend | SQL Server 2019 | 2030-01-08 | in support | https://learn.microsoft.com/lifecycle/products/sql-server-2019 |');
  });
});

describe('what the topology must change before Subscription Edition', () => {
  test('nothing for a plain 2019 topology (in-place upgrade possible)', () => {
    expect(changesForSubscriptionEdition(plain(ProductVersion.SKYPE_FOR_BUSINESS_2019))).toEqual([]);
    expect(upgradeReport(plain(ProductVersion.SKYPE_FOR_BUSINESS_2019))).toMatch(/## What the topology must change first\n\n[^\n]+\n\n_None._/);
  });

  test('mirrored back ends, Persistent Chat and XMPP federation of a 2015 topology, each with its rule', () => {
    const t = chatTopology({}, { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015 });
    const site = t.deployment._sites.all[0];
    const legacy = testPool(site, 'legacy', { backEnd: new MirroredBackEnd(site, 'mirror', { sqlVersion: SqlServerVersion.SQL_2014 }) });
    testEdge(site, legacy, 'edge', { federation: true, xmppFederation: true });
    const changes = changesForSubscriptionEdition(t.deployment._toModel());
    expect(changes.map((f) => `${f.ruleId} ${f.path}`).sort()).toEqual([
      'BE-12 test/contoso/west/mirror',
      'VER-1 test/contoso/west/mirror',
      'VER-3 test/contoso/chat',
      'VER-4 test/contoso/west/edge',
    ]);
    expect(upgradeReport(t.deployment._toModel())).toMatch(/\| VER-1 \| test\/contoso\/west\/mirror \| the back end uses SQL Server database mirroring, which Skype for Business Server Subscription Edition does not support/);
  });

  test('Windows Server 2012 R2 servers of a Lync Server 2013 topology (VM-4)', () => {
    const changes = changesForSubscriptionEdition(plain(ProductVersion.LYNC_SERVER_2013));
    expect(changes.some((f) => f.ruleId === 'VM-4' && /Windows Server 2012R2/.test(f.message))).toBe(true);
  });
});

describe('planningReports', () => {
  test('includes upgrade.md with the acknowledged lifecycle findings', () => {
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
    testPool(testSite(deployment));
    acknowledgeFinding(deployment, 'LIFE-1', 'in-place upgrade to SE scheduled for Q1');
    const reports = deployment.reports();
    expect(Object.keys(reports)).toContain('upgrade.md');
    expect(reports['upgrade.md']).toMatch(/^# Upgrade to Skype for Business Server Subscription Edition/);
    expect(reports['upgrade.md']).toMatch(/\| LIFE-1 \| test\/contoso \| productVersion is Skype for Business Server 2019: .* \| in-place upgrade to SE scheduled for Q1 \|/);
    expect(planningReports(deployment._toModel())['upgrade.md']).toBe(upgradeReport(deployment._toModel()));
  });
});
