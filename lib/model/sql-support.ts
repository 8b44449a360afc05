/**
 * The Back End support matrix: product version x back-end mode x SQL Server version x SQL edition.
 * ONE table, written out cell by cell from the rule catalog (VER-1, VER-2, BE-1, BE-11, BE-12,
 * BE-13) so a reviewer can check each cell against the documentation. Subscription Edition is derived:
 * its row is the 2019 row (perVersion; no SE-specific SQL statement was found, see SE_FACTS). Every rule that judges a
 * back end's SQL reads it; a cell lists every rule that forbids it, so one run reports all of them.
 */
import { BackEndMode, ProductVersion, SqlEdition, SqlServerVersion } from '../enums';
import { perVersion } from './versions';

/** What the documentation says about one combination. */
export interface SqlSupportCell {
  /** Rules that forbid the combination; empty when it is supported. */
  readonly blockedBy: readonly string[];
  /** Patch levels the combination needs (service pack, cumulative update). */
  readonly requires?: string;
  /** Failover clustering: most nodes the edition allows (BE-13). */
  readonly maxNodes?: number;
}

type EditionCells = Readonly<Record<SqlEdition, SqlSupportCell>>;
type VersionRow = Readonly<Record<SqlServerVersion, EditionCells>>;

const ok = (requires?: string, maxNodes?: number): SqlSupportCell => ({
  blockedBy: [],
  ...(requires ? { requires } : {}),
  ...(maxNodes ? { maxNodes } : {}),
});
const no = (...blockedBy: string[]): SqlSupportCell => ({ blockedBy });
/** Same cell for both editions. */
const both = (c: SqlSupportCell): EditionCells => ({ [SqlEdition.STANDARD]: c, [SqlEdition.ENTERPRISE]: c });
const ed = (standard: SqlSupportCell, enterprise: SqlSupportCell): EditionCells => ({
  [SqlEdition.STANDARD]: standard,
  [SqlEdition.ENTERPRISE]: enterprise,
});
/** Failover clustering: Standard edition 2 nodes, Enterprise 16 (BE-13). */
const fci = (requires?: string): EditionCells => ed(ok(requires, 2), ok(requires, 16));

const SFB15_CU6 = 'Skype for Business Server 2015 CU6 or later';
const SFB15_CU7 = 'SQL Server 2016 SP1 and Skype for Business Server 2015 CU7 or later';
const SQL12_SP2 = 'SQL Server 2012 SP2 with CU2 or later';

/** The matrix. Columns: SQL 2008 R2, 2012, 2014, 2016, 2017, 2019; each cell: Standard, Enterprise. */
export const SQL_SUPPORT: Readonly<Record<ProductVersion, Readonly<Record<BackEndMode, VersionRow>>>> = perVersion({
  [ProductVersion.LYNC_SERVER_2013]: {
    [BackEndMode.STANDALONE]: {
      '2008R2': both(ok()), '2012': both(ok()),
      '2014': both(no('BE-12')), '2016': both(no('BE-12')), '2017': both(no('BE-12')), '2019': both(no('BE-12')),
    },
    [BackEndMode.MIRRORING]: {
      '2008R2': both(ok()), '2012': both(ok()),
      '2014': both(no('BE-12')), '2016': both(no('BE-12')), '2017': both(no('BE-12')), '2019': both(no('BE-12')),
    },
    [BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP]: {
      '2008R2': both(no('VER-2', 'BE-1', 'BE-11')),
      '2012': ed(no('VER-2', 'BE-1', 'BE-11'), no('VER-2', 'BE-1')),
      '2014': ed(no('VER-2', 'BE-1', 'BE-12', 'BE-11'), no('VER-2', 'BE-1', 'BE-12')),
      '2016': ed(no('VER-2', 'BE-1', 'BE-12', 'BE-11'), no('VER-2', 'BE-1', 'BE-12')),
      '2017': ed(no('VER-2', 'BE-1', 'BE-12', 'BE-11'), no('VER-2', 'BE-1', 'BE-12')),
      '2019': ed(no('VER-2', 'BE-1', 'BE-12', 'BE-11'), no('VER-2', 'BE-1', 'BE-12')),
    },
    [BackEndMode.FAILOVER_CLUSTER]: {
      '2008R2': fci(), '2012': fci(),
      '2014': both(no('BE-12')), '2016': both(no('BE-12')), '2017': both(no('BE-12')), '2019': both(no('BE-12')),
    },
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: {
    [BackEndMode.STANDALONE]: {
      '2008R2': both(no('BE-12')), '2012': both(ok()), '2014': both(ok(SFB15_CU6)), '2016': both(ok(SFB15_CU7)),
      '2017': both(ok()), '2019': both(ok()),
    },
    [BackEndMode.MIRRORING]: {
      '2008R2': both(no('BE-12')), '2012': both(ok(SQL12_SP2)), '2014': both(ok(SFB15_CU6)), '2016': both(ok(SFB15_CU7)),
      '2017': both(ok()), '2019': both(ok()),
    },
    [BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP]: {
      '2008R2': both(no('BE-12', 'BE-11')),
      '2012': ed(no('BE-11'), ok(SQL12_SP2)),
      '2014': ed(no('BE-11'), ok(SFB15_CU6)),
      '2016': ed(no('BE-11'), ok(SFB15_CU7)),
      '2017': ed(no('BE-11'), ok()),
      '2019': ed(no('BE-11'), ok()),
    },
    [BackEndMode.FAILOVER_CLUSTER]: {
      '2008R2': both(no('BE-12')), '2012': fci(), '2014': fci(SFB15_CU6), '2016': fci(SFB15_CU7), '2017': fci(), '2019': fci(),
    },
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: {
    [BackEndMode.STANDALONE]: {
      '2008R2': both(no('BE-12')), '2012': both(no('BE-12')), '2014': both(no('BE-12')),
      '2016': both(ok()), '2017': both(ok()), '2019': both(ok()),
    },
    [BackEndMode.MIRRORING]: {
      '2008R2': both(no('VER-1', 'BE-1', 'BE-12')), '2012': both(no('VER-1', 'BE-1', 'BE-12')), '2014': both(no('VER-1', 'BE-1', 'BE-12')),
      '2016': both(no('VER-1', 'BE-1')), '2017': both(no('VER-1', 'BE-1')), '2019': both(no('VER-1', 'BE-1')),
    },
    [BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP]: {
      '2008R2': both(no('BE-12', 'BE-11')),
      '2012': ed(no('BE-12', 'BE-11'), no('BE-12')),
      '2014': ed(no('BE-12', 'BE-11'), no('BE-12')),
      '2016': ed(no('BE-11'), ok()),
      '2017': ed(no('BE-11'), ok()),
      '2019': ed(no('BE-11'), ok()),
    },
    [BackEndMode.FAILOVER_CLUSTER]: {
      '2008R2': both(no('BE-12')), '2012': both(no('BE-12')), '2014': both(no('BE-12')), '2016': fci(), '2017': fci(), '2019': fci(),
    },
  },
});

/** The cell of one combination. */
export function sqlSupport(product: ProductVersion, mode: BackEndMode, version: SqlServerVersion, edition: SqlEdition): SqlSupportCell {
  return SQL_SUPPORT[product][mode][version][edition];
}

/** Back-end modes a product version allows at all (BE-1), read from the matrix. */
export function allowedModes(product: ProductVersion): BackEndMode[] {
  return (Object.values(BackEndMode) as BackEndMode[]).filter((mode) =>
    Object.values(SQL_SUPPORT[product][mode]).some((row) => Object.values(row).some((c) => !c.blockedBy.includes('BE-1'))),
  );
}

/** SQL Server versions a product version supports for its back ends (BE-12), read from the matrix. */
export function supportedSqlVersions(product: ProductVersion): SqlServerVersion[] {
  const row = SQL_SUPPORT[product][BackEndMode.STANDALONE];
  return (Object.values(SqlServerVersion) as SqlServerVersion[]).filter((v) => !row[v][SqlEdition.ENTERPRISE].blockedBy.includes('BE-12'));
}

export const SQL_VERSION_NAMES: Record<SqlServerVersion, string> = {
  [SqlServerVersion.SQL_2008_R2]: 'SQL Server 2008 R2',
  [SqlServerVersion.SQL_2012]: 'SQL Server 2012',
  [SqlServerVersion.SQL_2014]: 'SQL Server 2014',
  [SqlServerVersion.SQL_2016]: 'SQL Server 2016',
  [SqlServerVersion.SQL_2017]: 'SQL Server 2017',
  [SqlServerVersion.SQL_2019]: 'SQL Server 2019',
};

/** The name Microsoft's pages use for each mode, per product version. */
export function modeName(mode: BackEndMode, product?: ProductVersion): string {
  switch (mode) {
    case BackEndMode.STANDALONE: return 'a stand-alone SQL Server (no Back End HA)';
    case BackEndMode.MIRRORING: return 'SQL Server database mirroring';
    case BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP: return 'an AlwaysOn Availability Group';
    case BackEndMode.FAILOVER_CLUSTER:
      return product === ProductVersion.LYNC_SERVER_2013 ? 'SQL Server failover clustering' : 'an AlwaysOn Failover Cluster Instance';
  }
}

/**
 * SQL Server's own limit on availability-group replicas that fail over automatically (the primary
 * included): 2 in SQL Server 2012 and 2014, 3 in 2016 and 2017, 5 in 2019. BE-8 wants every replica
 * to fail over automatically, so this caps `replicas` (BE-11: SfB states no limit of its own).
 */
export const AG_AUTOMATIC_FAILOVER_REPLICAS: Record<SqlServerVersion, number> = {
  [SqlServerVersion.SQL_2008_R2]: 0,
  [SqlServerVersion.SQL_2012]: 2,
  [SqlServerVersion.SQL_2014]: 2,
  [SqlServerVersion.SQL_2016]: 3,
  [SqlServerVersion.SQL_2017]: 3,
  [SqlServerVersion.SQL_2019]: 5,
};
