import { acknowledgeFinding, ProductVersion, Severity, SqlServerVersion, StandaloneBackEnd, validateTopology, WindowsServerVersion } from '../../lib';
import { addMonths, isIsoDate, supportStatus, SQL_LIFECYCLE } from '../../lib/model/lifecycle';
import { LIFECYCLE_RULES } from '../../lib/rules/lifecycle';
import { check, EVALUATION_DATE, findingsOf, modelOf, ruleIds, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => LIFECYCLE_RULES.find((r) => r.id === id);
const LIFE = /^LIFE-/;
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** One site, one Enterprise pool on `os` with a stand-alone back end on `sql`. */
function findings(opts: { productVersion?: ProductVersion; evaluationDate?: string; sql?: SqlServerVersion; os?: WindowsServerVersion } = {}) {
  const { deployment } = testDeployment({
    productVersion: opts.productVersion ?? ProductVersion.SKYPE_FOR_BUSINESS_SE,
    ...(opts.evaluationDate ? { evaluationDate: opts.evaluationDate } : {}),
  });
  const site = testSite(deployment);
  testPool(site, 'pool', {
    backEnd: new StandaloneBackEnd(site, 'pool-backend', { sqlVersion: opts.sql ?? SqlServerVersion.SQL_2019 }),
    ...(opts.os ? { operatingSystem: opts.os } : {}),
  });
  return validateTopology(deployment);
}

/*
 * Restated from Microsoft's lifecycle pages (not read from lib/model/lifecycle.ts): the last day of
 * support of each product version (Subscription Edition: Modern policy, no date) and its path to SE.
 */
const PRODUCT_END: Record<ProductVersion, string | undefined> = {
  [ProductVersion.LYNC_SERVER_2013]: '2023-04-11',
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: '2025-10-14',
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: '2025-10-14',
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: undefined,
};
const PATH: Record<ProductVersion, RegExp | undefined> = {
  [ProductVersion.LYNC_SERVER_2013]: /side-by-side migration only.*Lync Server 2013.*no in-place upgrade/,
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: /side-by-side migration only \(mandatory from 2015\)/,
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: /in-place upgrade .* or side-by-side migration/,
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: undefined,
};

describe.each(Object.values(ProductVersion))('LIFE-1: product version %s', (version) => {
  const end = PRODUCT_END[version];
  const m = modelOf(() => undefined, { productVersion: version });

  if (end === undefined) {
    test('is in support (Modern Lifecycle Policy): no product finding on any date', () => {
      expect(check(rule('LIFE-1'), m)).toEqual([]);
      expect(check(rule('LIFE-1'), { ...m, evaluationDate: '2040-01-01' })).toEqual([]);
      expect(check(rule('LIFE-4'), m)).toEqual([]);
    });
    return;
  }

  test(`warns from the day after ${end}, naming the date and the path to Subscription Edition`, () => {
    const f = check(rule('LIFE-1'), { ...m, evaluationDate: nextDay(end) });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'LIFE-1', severity: Severity.WARNING, path: m.path });
    expect(f[0].message).toContain(`out of support since ${end}`);
    expect(f[0].message).toContain('Skype for Business Server Subscription Edition');
    expect(f[0].message).toMatch(PATH[version]!);
  });

  test(`is only information on ${end} itself (support ends within 12 months)`, () => {
    expect(check(rule('LIFE-1'), { ...m, evaluationDate: end })).toEqual([]);
    const f = check(rule('LIFE-4'), { ...m, evaluationDate: end });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.INFO, path: m.path });
    expect(f[0].message).toContain(`ends on ${end}`);
  });

  test('says nothing more than 12 months before the end', () => {
    const before = addMonths(end, -13);
    expect(check(rule('LIFE-1'), { ...m, evaluationDate: before })).toEqual([]);
    expect(check(rule('LIFE-4'), { ...m, evaluationDate: before })).toEqual([]);
  });
});

describe('a Subscription Edition deployment on supported SQL Server and Windows Server', () => {
  test(`has no lifecycle finding on ${EVALUATION_DATE}`, () => {
    expect(ruleIds(findings()).filter((id) => LIFE.test(id))).toEqual([]);
  });
});

describe('LIFE-2: SQL Server versions in support', () => {
  test('warns about a SQL Server 2016 back end after 14 July 2026, suggesting a version in support', () => {
    const f = findingsOf(findings({ sql: SqlServerVersion.SQL_2016 }), 'LIFE-2');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/west/pool-backend' });
    expect(f[0].message).toMatch(/sqlVersion is SQL Server 2016: out of support since 2026-07-14 .*choose SQL Server 2019 \(/);
    expect(f[0].message).toContain('https://learn.microsoft.com/lifecycle/products/sql-server-2016');
  });

  test('passes for SQL Server 2016 before its end, and for SQL Server 2019', () => {
    expect(ruleIds(findings({ sql: SqlServerVersion.SQL_2016, evaluationDate: '2026-07-14' }))).not.toContain('LIFE-2');
    expect(ruleIds(findings({ sql: SqlServerVersion.SQL_2019 }))).not.toContain('LIFE-2');
  });

  test('says when no SQL Server version the product supports is still in support (Lync Server 2013)', () => {
    const f = findingsOf(findings({ productVersion: ProductVersion.LYNC_SERVER_2013, sql: SqlServerVersion.SQL_2012 }), 'LIFE-2');
    expect(f[0].message).toMatch(/out of support since 2022-07-12.*no SQL Server version Lync Server 2013 supports is still in support/);
  });

  test('SQL Server 2017 on 1 December 2026 is information: support ends on 2027-10-12', () => {
    const f = findings({ sql: SqlServerVersion.SQL_2017 });
    expect(ruleIds(f)).not.toContain('LIFE-2');
    expect(findingsOf(f, 'LIFE-4')[0]).toMatchObject({ severity: Severity.INFO, path: 'test/contoso/west/pool-backend' });
    expect(findingsOf(f, 'LIFE-4')[0].message).toMatch(/SQL Server 2017: its support ends on 2027-10-12/);
  });
});

describe('LIFE-3: Windows Server versions in support', () => {
  test('warns once per construct about Windows Server 2016 after 12 January 2027', () => {
    const f = findingsOf(findings({ os: WindowsServerVersion.WINDOWS_SERVER_2016, evaluationDate: '2027-01-13' }), 'LIFE-3');
    expect(f.map((x) => x.path)).toEqual(['test/contoso/west/pool']);
    expect(f[0].message).toMatch(/operatingSystem is Windows Server 2016: out of support since 2027-01-12 .*set operatingSystem to Windows Server 2019 \(/);
  });

  test('is information on 1 December 2026, within 12 months of the end', () => {
    const f = findings({ os: WindowsServerVersion.WINDOWS_SERVER_2016 });
    expect(ruleIds(f)).not.toContain('LIFE-3');
    expect(findingsOf(f, 'LIFE-4').map((x) => x.path)).toEqual(['test/contoso/west/pool']);
  });

  test('warns about Windows Server 2012 R2 in a Lync Server 2013 topology, for every construct running it', () => {
    const f = findingsOf(findings({ productVersion: ProductVersion.LYNC_SERVER_2013, sql: SqlServerVersion.SQL_2012 }), 'LIFE-3');
    expect(f.map((x) => x.path)).toEqual(expect.arrayContaining(['test/contoso/west/pool', 'test/contoso/west/pool-backend']));
    expect(f[0].message).toMatch(/Windows Server 2012 R2: out of support since 2023-10-10.*no Windows Server version Lync Server 2013 supports is still in support/);
  });

  test('passes with Windows Server 2022', () => {
    expect(ruleIds(findings({ os: WindowsServerVersion.WINDOWS_SERVER_2022, evaluationDate: '2027-06-01' }))).not.toContain('LIFE-3');
  });
});

describe('LIFE-4: the 12-month notice', () => {
  const end = SQL_LIFECYCLE[SqlServerVersion.SQL_2017].supportEnd!;
  test('starts exactly 12 months before the last day of support', () => {
    expect(supportStatus(SQL_LIFECYCLE[SqlServerVersion.SQL_2017], addMonths(end, -12)).state).toBe('ending');
    expect(supportStatus(SQL_LIFECYCLE[SqlServerVersion.SQL_2017], '2026-10-11').state).toBe('supported');
    expect(supportStatus(SQL_LIFECYCLE[SqlServerVersion.SQL_2017], end).state).toBe('ending');
    expect(supportStatus(SQL_LIFECYCLE[SqlServerVersion.SQL_2017], '2027-10-13').state).toBe('ended');
  });
});

describe('the evaluation date', () => {
  test('is pinned by the evaluationDate prop, and by SFB_EVALUATION_DATE when the prop is absent', () => {
    expect(testDeployment({ evaluationDate: '2025-01-01' }).deployment._toModel().evaluationDate).toBe('2025-01-01');
    // test/setup.ts pins SFB_EVALUATION_DATE for the whole run.
    expect(testDeployment({ evaluationDate: undefined }).deployment.evaluationDate).toBe(process.env.SFB_EVALUATION_DATE);
  });

  test('a malformed date throws, naming the prop and the format', () => {
    expect(() => testDeployment({ evaluationDate: '2026-13-01' })).toThrow(/evaluationDate "2026-13-01" is not a date; write it as YYYY-MM-DD/);
    expect(() => testDeployment({ evaluationDate: '1 Dec 2026' })).toThrow(/evaluationDate/);
  });

  test('a malformed SFB_EVALUATION_DATE throws', () => {
    const saved = process.env.SFB_EVALUATION_DATE;
    process.env.SFB_EVALUATION_DATE = 'tomorrow';
    try {
      expect(() => testDeployment({ evaluationDate: undefined })).toThrow(/SFB_EVALUATION_DATE is "tomorrow"/);
    } finally {
      // Assigning undefined would leave the text "undefined" for the tests after this one.
      if (saved === undefined) delete process.env.SFB_EVALUATION_DATE;
      else process.env.SFB_EVALUATION_DATE = saved;
    }
  });

  test('dates are checked as calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-10-12', -12)).toBe('2026-10-12');
  });
});

describe('acknowledging a lifecycle finding', () => {
  test('turns LIFE-1 into information with the reason', () => {
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
    testPool(testSite(deployment));
    acknowledgeFinding(deployment, 'LIFE-1', 'in-place upgrade to SE scheduled for Q1');
    expect(findingsOf(validateTopology(deployment), 'LIFE-1')[0]).toMatchObject({ severity: Severity.INFO, acknowledged: 'in-place upgrade to SE scheduled for Q1' });
  });
});
