import { BackEndMode, ProductVersion, SqlEdition, SqlServerVersion } from '../../lib';
import { allowedModes, SQL_SUPPORT, sqlSupport, supportedSqlVersions } from '../../lib/model/sql-support';

/*
 * The catalog, restated on its own (not read from the table under test):
 * BE-1  modes: 2013 none/mirroring/clustering; 2015 all four; 2019 none/AG/clustering.
 * VER-1 no mirroring in 2019.   VER-2 no AG in 2013.
 * BE-12 SQL: 2013 2008 R2, 2012; 2015 2012, 2014, 2016, 2017, 2019; 2019 2016, 2017, 2019.
 * BE-11 AG only on Enterprise, and only SQL 2012 (SP2 CU2), 2014, 2016, 2017, 2019.
 * BE-13 clustering: Standard 2 nodes, Enterprise 16.
 * SE    Subscription Edition states no SQL facts of its own: it has those of 2019 (SE_FACTS).
 */
const P13 = ProductVersion.LYNC_SERVER_2013;
const P15 = ProductVersion.SKYPE_FOR_BUSINESS_2015;
const P19 = ProductVersion.SKYPE_FOR_BUSINESS_2019;
/** The catalog row a version follows: its own, or 2019's for Subscription Edition. */
const row = (p: ProductVersion) => (p === ProductVersion.SKYPE_FOR_BUSINESS_SE ? P19 : p);
const { STANDALONE, MIRRORING, ALWAYS_ON_AVAILABILITY_GROUP: AG, FAILOVER_CLUSTER: FCI } = BackEndMode;
const S = SqlServerVersion;

const MODES: Record<typeof P13 | typeof P15 | typeof P19, BackEndMode[]> = {
  [P13]: [STANDALONE, MIRRORING, FCI],
  [P15]: [STANDALONE, MIRRORING, AG, FCI],
  [P19]: [STANDALONE, AG, FCI],
};
const SQL_VERSIONS: Record<typeof P13 | typeof P15 | typeof P19, SqlServerVersion[]> = {
  [P13]: [S.SQL_2008_R2, S.SQL_2012],
  [P15]: [S.SQL_2012, S.SQL_2014, S.SQL_2016, S.SQL_2017, S.SQL_2019],
  [P19]: [S.SQL_2016, S.SQL_2017, S.SQL_2019],
};
const AG_SQL = [S.SQL_2012, S.SQL_2014, S.SQL_2016, S.SQL_2017, S.SQL_2019];

function expectedBlockers(product: ProductVersion, mode: BackEndMode, v: SqlServerVersion, e: SqlEdition): string[] {
  const p = row(product) as typeof P13 | typeof P15 | typeof P19;
  const out: string[] = [];
  if (mode === MIRRORING && p === P19) out.push('VER-1');
  if (mode === AG && p === P13) out.push('VER-2');
  if (!MODES[p].includes(mode)) out.push('BE-1');
  if (!SQL_VERSIONS[p].includes(v)) out.push('BE-12');
  if (mode === AG && (e !== SqlEdition.ENTERPRISE || !AG_SQL.includes(v))) out.push('BE-11');
  return out.sort();
}

const cells: [ProductVersion, BackEndMode, SqlServerVersion, SqlEdition][] = [];
for (const p of Object.values(ProductVersion)) {
  for (const mode of Object.values(BackEndMode)) {
    for (const v of Object.values(SqlServerVersion)) {
      for (const e of Object.values(SqlEdition)) cells.push([p, mode, v, e]);
    }
  }
}

describe('the SQL support matrix', () => {
  test('covers every product x mode x SQL version x edition (192 cells)', () => {
    expect(cells).toHaveLength(4 * 4 * 6 * 2);
    for (const [p, mode, v, e] of cells) expect(SQL_SUPPORT[p][mode][v][e]).toBeDefined();
  });

  test.each(cells)('%s %s SQL %s %s is blocked by exactly the catalog rules', (p, mode, v, e) => {
    expect([...sqlSupport(p, mode, v, e).blockedBy].sort()).toEqual(expectedBlockers(p, mode, v, e));
  });

  test.each(cells.filter(([, mode]) => mode === FCI))('%s clustering SQL %s %s allows 2 nodes on Standard, 16 on Enterprise (BE-13)', (p, mode, v, e) => {
    const c = sqlSupport(p, mode, v, e);
    if (c.blockedBy.length > 0) return expect(c.maxNodes).toBeUndefined();
    expect(c.maxNodes).toBe(e === SqlEdition.STANDARD ? 2 : 16);
  });

  test('records the patch levels Skype for Business 2015 needs', () => {
    expect(sqlSupport(P15, STANDALONE, S.SQL_2014, SqlEdition.STANDARD).requires).toMatch(/CU6/);
    expect(sqlSupport(P15, AG, S.SQL_2016, SqlEdition.ENTERPRISE).requires).toMatch(/SP1.*CU7/);
    expect(sqlSupport(P15, AG, S.SQL_2012, SqlEdition.ENTERPRISE).requires).toMatch(/SP2 with CU2/);
    expect(sqlSupport(P15, MIRRORING, S.SQL_2012, SqlEdition.ENTERPRISE).requires).toMatch(/SP2 with CU2/);
    expect(sqlSupport(P19, AG, S.SQL_2019, SqlEdition.ENTERPRISE).requires).toBeUndefined();
  });

  test.each(Object.values(ProductVersion))('derives the allowed modes and SQL versions of %s', (p) => {
    const r = row(p) as typeof P13 | typeof P15 | typeof P19;
    expect(allowedModes(p).sort()).toEqual([...MODES[r]].sort());
    expect(supportedSqlVersions(p).sort()).toEqual([...SQL_VERSIONS[r]].sort());
  });

  test('Subscription Edition has no mirroring and accepts exactly the SQL Server versions of 2019', () => {
    const SE = ProductVersion.SKYPE_FOR_BUSINESS_SE;
    expect(allowedModes(SE)).not.toContain(MIRRORING);
    expect(supportedSqlVersions(SE)).toEqual([S.SQL_2016, S.SQL_2017, S.SQL_2019]);
    expect(SQL_SUPPORT[SE]).toEqual(SQL_SUPPORT[P19]);
  });
});
