/**
 * Product lifecycle (LIFE-*), library rules: the product, SQL Server and Windows Server versions a
 * deployment runs, judged against Microsoft's support dates (lib/model/lifecycle.ts) on the model's
 * evaluation date (`SfbDeployment` prop `evaluationDate`, today by default).
 *
 * One fact, one finding: LIFE-1..3 report a version that is out of support (warning: the topology
 * still builds and runs, but gets no security updates); LIFE-4 reports, as information, a version whose
 * support ends within END_OF_SUPPORT_NOTICE_MONTHS, so that the migration can be planned in time.
 */
import { ProductVersion, Severity, SqlServerVersion, WindowsServerVersion } from '../enums';
import {
  END_OF_SUPPORT_NOTICE_MONTHS,
  evaluationDateOf,
  LifecycleEntry,
  PRODUCT_LIFECYCLE,
  SQL_LIFECYCLE,
  supportStatus,
  SupportState,
  UPGRADE_PATHS,
  WINDOWS_LIFECYCLE,
} from '../model/lifecycle';
import { productName } from '../model/queries';
import { supportedSqlVersions } from '../model/sql-support';
import { ServerModel, TopologyModel } from '../model/topology';
import { PRODUCT_NAMES, SUPPORTED_OS } from '../model/versions';
import { rule, Violation } from './rule';

const PRODUCT_SOURCES = 'Microsoft Lifecycle: Lync Server 2013, Skype for Business Server 2015, 2019 and Subscription Edition; Microsoft Skype for Business blog on the upgrade paths to Subscription Edition (library rule)';
const SQL_SOURCES = 'Microsoft Lifecycle: SQL Server 2008 R2 to 2019 (library rule)';
const WINDOWS_SOURCES = 'Microsoft Lifecycle: Windows Server 2012 R2 to 2022 (library rule)';

/** A version in use somewhere in the topology: where, what, and its lifecycle entry. */
interface Usage {
  readonly path: string;
  /** The prop that sets it, for the message. */
  readonly prop: string;
  readonly entry: LifecycleEntry;
  /** What to do instead. */
  readonly fix: string;
}

function productUsage(m: TopologyModel): Usage[] {
  const path = UPGRADE_PATHS[m.productVersion];
  if (!path) return [];
  const se = PRODUCT_NAMES[ProductVersion.SKYPE_FOR_BUSINESS_SE];
  return [{
    path: m.path,
    prop: 'productVersion',
    entry: PRODUCT_LIFECYCLE[m.productVersion],
    fix: `the supported on-premises version is ${se} (Modern Lifecycle Policy); path: ${path.summary}; see the upgrade report (upgrade.md) for what the topology must change first`,
  }];
}

function sqlFix(m: TopologyModel, date: string): string {
  const alive = supportedSqlVersions(m.productVersion).filter((v) => supportStatus(SQL_LIFECYCLE[v], date).state === 'supported');
  return alive.length > 0
    ? `choose ${alive.map((v) => SQL_LIFECYCLE[v].name).join(' or ')} (supported by ${productName(m)} and by Microsoft), or cover it with Extended Security Updates until then`
    : `no SQL Server version ${productName(m)} supports is still in support; move to ${PRODUCT_NAMES[ProductVersion.SKYPE_FOR_BUSINESS_SE]}, or cover it with Extended Security Updates until then`;
}

function sqlUsage(m: TopologyModel, date: string): Usage[] {
  const use = (path: string, v: SqlServerVersion): Usage => ({ path, prop: 'sqlVersion', entry: SQL_LIFECYCLE[v], fix: sqlFix(m, date) });
  return [
    ...m.backEnds.map((b) => use(b.path, b.sqlVersion)),
    ...m.chatPools.filter((c) => c.sqlVersion !== undefined).map((c) => use(c.path, c.sqlVersion as SqlServerVersion)),
  ];
}

/** The construct that owns a server (pool, back end, file store ...): the longest known path above it. */
function ownerOf(m: TopologyModel, server: ServerModel): string {
  const owners = [
    ...m.frontEndPools, ...m.backEnds, ...m.edgePools, ...m.directorPools, ...m.mediationPools, ...m.chatPools, ...m.fileStores,
  ].map((c) => c.path);
  const above = owners.filter((p) => server.path.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return above ?? server.path.replace(/\/servers\/[^/]+$/, '');
}

function windowsUsage(m: TopologyModel, date: string): Usage[] {
  const byOwner = new Map<string, WindowsServerVersion>();
  for (const s of m.servers) {
    const owner = ownerOf(m, s);
    if (!byOwner.has(`${owner}\n${s.os}`)) byOwner.set(`${owner}\n${s.os}`, s.os);
  }
  const alive = SUPPORTED_OS[m.productVersion].filter((v) => supportStatus(WINDOWS_LIFECYCLE[v], date).state === 'supported');
  const fix = alive.length > 0
    ? `set operatingSystem to Windows Server ${alive.join(' or ')} (supported by ${productName(m)} and by Microsoft)`
    : `no Windows Server version ${productName(m)} supports is still in support; move to ${PRODUCT_NAMES[ProductVersion.SKYPE_FOR_BUSINESS_SE]}`;
  return [...byOwner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, os]) => ({ path: key.split('\n')[0], prop: 'operatingSystem', entry: WINDOWS_LIFECYCLE[os], fix }));
}

/** Violations of usages in one support state. */
function inState(usages: readonly Usage[], date: string, state: SupportState): Violation[] {
  return usages.flatMap((u) => {
    const s = supportStatus(u.entry, date);
    if (s.state !== state) return [];
    const when = state === 'ended'
      ? `out of support since ${s.supportEnd} (end of extended support; evaluated on ${date}), so it gets no more security updates`
      : `its support ends on ${s.supportEnd}, within ${END_OF_SUPPORT_NOTICE_MONTHS} months of ${date}`;
    return [{ path: u.path, message: `${u.prop} is ${u.entry.name}: ${when}; ${u.fix} (${u.entry.source})` }];
  });
}

export const LIFECYCLE_RULES = [
  rule('LIFE-1', Severity.WARNING, 'The product version is in Microsoft support (Lync Server 2013, Skype for Business Server 2015 and 2019 are not)', PRODUCT_SOURCES, (m) =>
    inState(productUsage(m), evaluationDateOf(m), 'ended'),
  ),
  rule('LIFE-2', Severity.WARNING, 'Back End and Persistent Chat SQL Server versions are in Microsoft support', SQL_SOURCES, (m) => {
    const date = evaluationDateOf(m);
    return inState(sqlUsage(m, date), date, 'ended');
  }),
  rule('LIFE-3', Severity.WARNING, 'Windows Server versions of every server are in Microsoft support', WINDOWS_SOURCES, (m) => {
    const date = evaluationDateOf(m);
    return inState(windowsUsage(m, date), date, 'ended');
  }),
  rule('LIFE-4', Severity.INFO, `Support of the product, SQL Server or Windows Server version ends within ${END_OF_SUPPORT_NOTICE_MONTHS} months`, `${PRODUCT_SOURCES}; ${SQL_SOURCES}; ${WINDOWS_SOURCES}`, (m) => {
    const date = evaluationDateOf(m);
    return inState([...productUsage(m), ...sqlUsage(m, date), ...windowsUsage(m, date)], date, 'ending');
  }),
];
