/**
 * Microsoft support lifecycle of the products a deployment runs: Lync/Skype for Business Server, SQL
 * Server and Windows Server. Dates are data, each entry with its Microsoft lifecycle page; the LIFE-*
 * rules (lib/rules/lifecycle.ts) compare them with the model's evaluation date.
 *
 * Dates are the last day of support as Microsoft's lifecycle pages show it (Pacific time; the pages
 * store it as 22:59:59 PT, which is the next day in UTC). A product is out of support from the day
 * after `supportEnd`. Extended Security Updates, where Microsoft sells them (or gives them on Azure),
 * do not move these dates; the messages mention them.
 */
import { ProductVersion, SqlServerVersion, WindowsServerVersion } from '../enums';
import { ServerModel, TopologyModel } from './topology';
import { PRODUCT_NAMES, SE_SOURCES } from './versions';
import { planIndex } from './memo';
import { serverGroups } from './roles';

export interface LifecycleEntry {
  /** Product name as the lifecycle page writes it. */
  readonly name: string;
  /** Fixed: dated mainstream and extended support; Modern: supported while kept current. */
  readonly policy: 'fixed' | 'modern';
  /** Last day of mainstream support (Fixed policy). */
  readonly mainstreamEnd?: string;
  /** Last day of extended support, i.e. of any support (Fixed policy), ISO `YYYY-MM-DD`. */
  readonly supportEnd?: string;
  /** The Microsoft lifecycle page. */
  readonly source: string;
}

const LIFECYCLE = 'https://learn.microsoft.com/lifecycle/products/';

/**
 * Lync Server 2013: the Lync Phone Edition lifecycle entry notes its dates were aligned with Lync
 * Server 2013's, extended end 2023-04-11 (MicrosoftDocs lifecycle-data, microsoft-lync-phone-edition).
 * 2015 and 2019 both end on 2025-10-14; 2019's extended phase was cut short to that date.
 */
export const PRODUCT_LIFECYCLE: Readonly<Record<ProductVersion, LifecycleEntry>> = {
  [ProductVersion.LYNC_SERVER_2013]: { name: 'Lync Server 2013', policy: 'fixed', mainstreamEnd: '2018-04-10', supportEnd: '2023-04-11', source: `${LIFECYCLE}microsoft-lync-server-2013` },
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: { name: 'Skype for Business Server 2015', policy: 'fixed', mainstreamEnd: '2020-10-13', supportEnd: '2025-10-14', source: `${LIFECYCLE}skype-for-business-server-2015` },
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: { name: 'Skype for Business Server 2019', policy: 'fixed', mainstreamEnd: '2024-01-09', supportEnd: '2025-10-14', source: `${LIFECYCLE}skype-for-business-server-2019` },
  // Modern Lifecycle Policy: supported while kept current (cumulative updates applied); no end date.
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: { name: PRODUCT_NAMES[ProductVersion.SKYPE_FOR_BUSINESS_SE], policy: 'modern', source: SE_SOURCES.lifecycle },
};

export const SQL_LIFECYCLE: Readonly<Record<SqlServerVersion, LifecycleEntry>> = {
  [SqlServerVersion.SQL_2008_R2]: { name: 'SQL Server 2008 R2', policy: 'fixed', mainstreamEnd: '2014-07-08', supportEnd: '2019-07-09', source: `${LIFECYCLE}microsoft-sql-server-2008-r2` },
  [SqlServerVersion.SQL_2012]: { name: 'SQL Server 2012', policy: 'fixed', mainstreamEnd: '2017-07-11', supportEnd: '2022-07-12', source: `${LIFECYCLE}microsoft-sql-server-2012` },
  [SqlServerVersion.SQL_2014]: { name: 'SQL Server 2014', policy: 'fixed', mainstreamEnd: '2019-07-09', supportEnd: '2024-07-09', source: `${LIFECYCLE}sql-server-2014` },
  [SqlServerVersion.SQL_2016]: { name: 'SQL Server 2016', policy: 'fixed', mainstreamEnd: '2021-07-13', supportEnd: '2026-07-14', source: `${LIFECYCLE}sql-server-2016` },
  [SqlServerVersion.SQL_2017]: { name: 'SQL Server 2017', policy: 'fixed', mainstreamEnd: '2022-10-11', supportEnd: '2027-10-12', source: `${LIFECYCLE}sql-server-2017` },
  [SqlServerVersion.SQL_2019]: { name: 'SQL Server 2019', policy: 'fixed', mainstreamEnd: '2025-02-28', supportEnd: '2030-01-08', source: `${LIFECYCLE}sql-server-2019` },
};

export const WINDOWS_LIFECYCLE: Readonly<Record<WindowsServerVersion, LifecycleEntry>> = {
  [WindowsServerVersion.WINDOWS_SERVER_2012_R2]: { name: 'Windows Server 2012 R2', policy: 'fixed', mainstreamEnd: '2018-10-09', supportEnd: '2023-10-10', source: `${LIFECYCLE}windows-server-2012-r2` },
  [WindowsServerVersion.WINDOWS_SERVER_2016]: { name: 'Windows Server 2016', policy: 'fixed', mainstreamEnd: '2022-01-11', supportEnd: '2027-01-12', source: `${LIFECYCLE}windows-server-2016` },
  [WindowsServerVersion.WINDOWS_SERVER_2019]: { name: 'Windows Server 2019', policy: 'fixed', mainstreamEnd: '2024-01-09', supportEnd: '2029-01-09', source: `${LIFECYCLE}windows-server-2019` },
  [WindowsServerVersion.WINDOWS_SERVER_2022]: { name: 'Windows Server 2022', policy: 'fixed', mainstreamEnd: '2026-10-13', supportEnd: '2031-10-14', source: `${LIFECYCLE}windows-server-2022` },
};

/**
 * How far ahead an end of support is announced as information (LIFE-4): 12 months, the time a
 * side-by-side migration or an OS/SQL replacement of a pool pair typically needs to be planned and
 * run, and the minimum notice Microsoft's Modern Lifecycle Policy itself promises before ending support.
 */
export const END_OF_SUPPORT_NOTICE_MONTHS = 12;

/** The documented way from a version to Subscription Edition. */
export interface UpgradePath {
  /** In-place upgrade of the existing servers is possible. */
  readonly inPlace: boolean;
  /** Side-by-side: new SE pools next to the old ones, then move users and services. */
  readonly sideBySide: boolean;
  /** One line for messages and the upgrade report. */
  readonly summary: string;
  readonly source: string;
}

/** The path to Subscription Edition per version; SE has none. */
export const UPGRADE_PATHS: Readonly<Record<ProductVersion, UpgradePath | undefined>> = {
  [ProductVersion.LYNC_SERVER_2013]: {
    inPlace: false,
    sideBySide: true,
    summary: 'side-by-side migration only: deploy Subscription Edition pools next to the Lync Server 2013 pools, move users and services, then decommission the Lync pools (no in-place upgrade)',
    source: SE_SOURCES.nextVersion,
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: {
    inPlace: false,
    sideBySide: true,
    summary: 'side-by-side migration only (mandatory from 2015): deploy Subscription Edition pools next to the 2015 pools, move users and services, then decommission the 2015 pools',
    source: SE_SOURCES.inPlace,
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: {
    inPlace: true,
    sideBySide: true,
    summary: 'in-place upgrade (install Subscription Edition RTM on the existing 2019 servers) or side-by-side migration',
    source: SE_SOURCES.inPlace,
  },
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: undefined,
};

export type SupportState = 'supported' | 'ending' | 'ended';

export interface SupportStatus {
  readonly state: SupportState;
  /** Last day of support, when the entry has one. */
  readonly supportEnd?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Environment variable that pins the default evaluation date (the test setup sets it). */
export const EVALUATION_DATE_ENV = 'SFB_EVALUATION_DATE';

/**
 * The evaluation date when none is given: `SFB_EVALUATION_DATE` when set (so a whole test run or a
 * CI build is pinned), else today (UTC), as `YYYY-MM-DD`.
 */
export function defaultEvaluationDate(): string {
  const pinned = process.env[EVALUATION_DATE_ENV];
  if (pinned !== undefined && pinned !== '') {
    if (!isIsoDate(pinned)) throw new Error(`${EVALUATION_DATE_ENV} is "${pinned}", not a date; write it as YYYY-MM-DD, e.g. "2026-12-01"`);
    return pinned;
  }
  return new Date().toISOString().slice(0, 10);
}

/** The date the lifecycle rules evaluate against: the model's, else the default (a model built by hand). */
export function evaluationDateOf(model: TopologyModel): string {
  return model.evaluationDate ?? defaultEvaluationDate();
}

/** `date` plus `months` calendar months, as `YYYY-MM-DD` (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * Support on `date`: ended after the last day of support, ending when that day falls within the
 * notice period, else supported (and always supported under the Modern policy).
 */
export function supportStatus(entry: LifecycleEntry, date: string): SupportStatus {
  if (entry.supportEnd === undefined) return { state: 'supported' };
  if (date > entry.supportEnd) return { state: 'ended', supportEnd: entry.supportEnd };
  if (addMonths(date, END_OF_SUPPORT_NOTICE_MONTHS) >= entry.supportEnd) return { state: 'ending', supportEnd: entry.supportEnd };
  return { state: 'supported', supportEnd: entry.supportEnd };
}

/** A version the topology runs somewhere: where (construct path), which prop sets it, and its lifecycle. */
export interface VersionInUse {
  readonly path: string;
  readonly kind: 'product' | 'sql' | 'windows';
  /** The prop that sets it: productVersion, sqlVersion or operatingSystem. */
  readonly prop: string;
  readonly entry: LifecycleEntry;
}

/**
 * The construct that owns a server (pool, back end, file store ...): the longest known path above it.
 * Looked up by walking the server's own path upwards through a set of owner paths, so finding every
 * server's owner is linear in the servers, not servers x owners.
 */
function ownerFinder(m: TopologyModel): (server: ServerModel) => string {
  const owners = new Set(serverGroups(m).map((g) => g.path));
  return (server) => {
    for (let cut = server.path.lastIndexOf('/'); cut > 0; cut = server.path.lastIndexOf('/', cut - 1)) {
      const above = server.path.slice(0, cut);
      if (owners.has(above)) return above;
    }
    return server.path.replace(/\/servers\/[^/]+$/, '');
  };
}

const inUse = planIndex<VersionInUse[]>('inUse');

/**
 * Every product, SQL Server and Windows Server version the topology runs: the product once (on the
 * deployment), SQL once per back end or chat pool with its own SQL servers, Windows once per
 * construct and version (a pool of 12 servers on one version is one entry), in path order.
 */
export function versionsInUse(m: TopologyModel): VersionInUse[] {
  const cached = inUse.get(m);
  if (cached) return [...cached];
  const ownerOf = ownerFinder(m);
  const product: VersionInUse = { path: m.path, kind: 'product', prop: 'productVersion', entry: PRODUCT_LIFECYCLE[m.productVersion] };
  const sql: VersionInUse[] = [
    ...m.backEnds.map((b) => ({ path: b.path, v: b.sqlVersion })),
    ...m.chatPools.flatMap((c) => (c.sqlVersion === undefined ? [] : [{ path: c.path, v: c.sqlVersion }])),
  ].map(({ path, v }) => ({ path, kind: 'sql', prop: 'sqlVersion', entry: SQL_LIFECYCLE[v] }));
  const windows = new Map<string, VersionInUse>();
  for (const s of m.servers) {
    const path = ownerOf(s);
    const key = `${path}\n${s.os}`;
    if (!windows.has(key)) windows.set(key, { path, kind: 'windows', prop: 'operatingSystem', entry: WINDOWS_LIFECYCLE[s.os] });
  }
  const byPath = (a: VersionInUse, b: VersionInUse) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.entry.name < b.entry.name ? -1 : 1);
  const all = [product, ...sql.sort(byPath), ...[...windows.values()].sort(byPath)];
  inUse.set(m, all);
  return [...all];
}
