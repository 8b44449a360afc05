/**
 * Product lifecycle (LIFE-*), library rules: the product, SQL Server and Windows Server versions a
 * deployment runs, judged against Microsoft's support dates (lib/model/lifecycle.ts) on the model's
 * evaluation date (`SfbDeployment` prop `evaluationDate`, today by default).
 *
 * One fact, one finding: LIFE-1..3 report a version that is out of support (warning: the topology
 * still builds and runs, but gets no security updates); LIFE-4 reports, as information, a version whose
 * support ends within END_OF_SUPPORT_NOTICE_MONTHS, so that the migration can be planned in time.
 */
import { ProductVersion, Severity } from '../enums';
import {
  END_OF_SUPPORT_NOTICE_MONTHS,
  evaluationDateOf,
  SQL_LIFECYCLE,
  supportStatus,
  SupportState,
  UPGRADE_PATHS,
  VersionInUse,
  versionsInUse,
  WINDOWS_LIFECYCLE,
} from '../model/lifecycle';
import { productName } from '../model/queries';
import { supportedSqlVersions } from '../model/sql-support';
import { TopologyModel } from '../model/topology';
import { PRODUCT_NAMES, SUPPORTED_OS } from '../model/versions';
import { rule, Violation } from './rule';

const PRODUCT_SOURCES = 'Microsoft Lifecycle: Lync Server 2013, Skype for Business Server 2015, 2019 and Subscription Edition; Microsoft Skype for Business blog on the upgrade paths to Subscription Edition (library rule)';
const SQL_SOURCES = 'Microsoft Lifecycle: SQL Server 2008 R2 to 2019 (library rule)';
const WINDOWS_SOURCES = 'Microsoft Lifecycle: Windows Server 2012 R2 to 2022 (library rule)';

/** What to do instead of a version out of support, per kind. */
function fixFor(m: TopologyModel, use: VersionInUse, date: string): string {
  const se = PRODUCT_NAMES[ProductVersion.SKYPE_FOR_BUSINESS_SE];
  if (use.kind === 'product') {
    const path = UPGRADE_PATHS[m.productVersion];
    return `the supported on-premises version is ${se} (Modern Lifecycle Policy); path: ${path?.summary ?? 'none needed'}; see the upgrade report (upgrade.md) for what the topology must change first`;
  }
  if (use.kind === 'sql') {
    const alive = supportedSqlVersions(m.productVersion).filter((v) => supportStatus(SQL_LIFECYCLE[v], date).state === 'supported');
    return alive.length > 0
      ? `choose ${alive.map((v) => SQL_LIFECYCLE[v].name).join(' or ')} (supported by ${productName(m)} and by Microsoft), or cover it with Extended Security Updates until then`
      : `no SQL Server version ${productName(m)} supports is still in support; move to ${se}, or cover it with Extended Security Updates until then`;
  }
  const alive = SUPPORTED_OS[m.productVersion].filter((v) => supportStatus(WINDOWS_LIFECYCLE[v], date).state === 'supported');
  return alive.length > 0
    ? `set operatingSystem to Windows Server ${alive.join(' or ')} (supported by ${productName(m)} and by Microsoft)`
    : `no Windows Server version ${productName(m)} supports is still in support; move to ${se}`;
}

/** Violations of the versions of some kinds that are in one support state on the evaluation date. */
function inState(m: TopologyModel, kinds: readonly VersionInUse['kind'][], state: SupportState): Violation[] {
  const date = evaluationDateOf(m);
  return versionsInUse(m)
    .filter((u) => kinds.includes(u.kind))
    .flatMap((u) => {
      const s = supportStatus(u.entry, date);
      if (s.state !== state) return [];
      const when = state === 'ended'
        ? `out of support since ${s.supportEnd} (end of extended support; evaluated on ${date}), so it gets no more security updates`
        : `its support ends on ${s.supportEnd}, within ${END_OF_SUPPORT_NOTICE_MONTHS} months of ${date}`;
      return [{ path: u.path, message: `${u.prop} is ${u.entry.name}: ${when}; ${fixFor(m, u, date)} (${u.entry.source})` }];
    });
}

export const LIFECYCLE_RULES = [
  rule('LIFE-1', Severity.WARNING, 'The product version is in Microsoft support (Lync Server 2013, Skype for Business Server 2015 and 2019 are not)', PRODUCT_SOURCES, (m) =>
    inState(m, ['product'], 'ended'),
  ),
  rule('LIFE-2', Severity.WARNING, 'Back End and Persistent Chat SQL Server versions are in Microsoft support', SQL_SOURCES, (m) =>
    inState(m, ['sql'], 'ended'),
  ),
  rule('LIFE-3', Severity.WARNING, 'Windows Server versions of every server are in Microsoft support', WINDOWS_SOURCES, (m) =>
    inState(m, ['windows'], 'ended'),
  ),
  rule('LIFE-4', Severity.INFO, `Support of the product, SQL Server or Windows Server version ends within ${END_OF_SUPPORT_NOTICE_MONTHS} months`, `${PRODUCT_SOURCES}; ${SQL_SOURCES}; ${WINDOWS_SOURCES}`, (m) =>
    inState(m, ['product', 'sql', 'windows'], 'ending'),
  ),
];
