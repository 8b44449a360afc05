/** Lab mode (LAB-*): rules the library adds for deployments built with the `lab` option. */
import { Severity, SupportPosture } from '../enums';
import { ServerRole } from '../model/topology';
import { vmSizeInfo } from '../model/vm-sizes';
import { DOMAIN_JOINING_ROLES } from '../model/roles';
import { rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

/** Windows Server with Desktop Experience (the images the library uses) needs 2 GB. */
const WINDOWS_MIN_GB = 2;
/** SQL Server 2016 and later: 1 GB minimum, at least 4 GB recommended. */
const SQL_RECOMMENDED_GB = 4;

export const LAB_RULES = [
  rule('LAB-1', Severity.ERROR, 'Lab VM sizes meet the documented minimum of the software they run', 'Windows Server hardware requirements; SQL Server hardware and software requirements', (m) =>
    !m.lab
      ? []
      : m.servers.flatMap((s): Violation[] => {
          const size = vmSizeInfo(s.vmSize);
          if (!size) return [];
          if (size.memoryGb < WINDOWS_MIN_GB) {
            return [{ path: s.path, message: `VM size ${s.vmSize} (${size.memoryGb} GB) of ${s.role} server ${s.computerName} is below the ${WINDOWS_MIN_GB} GB Windows Server with Desktop Experience needs; give the lab a size with at least ${WINDOWS_MIN_GB} GB (e.g. Standard_B2s) through LabOptions.vmSizes or the construct's vmSize` }];
          }
          return [];
        }),
  ),
  rule('LAB-6', Severity.WARNING, 'Lab SQL Server VMs have the memory Microsoft recommends', 'SQL Server hardware and software requirements (library rule: the warning form of LAB-1)', (m) =>
    !m.lab
      ? []
      : m.servers.flatMap((s): Violation[] => {
          const size = vmSizeInfo(s.vmSize);
          return size && s.role === ServerRole.BACK_END && size.memoryGb >= WINDOWS_MIN_GB && size.memoryGb < SQL_RECOMMENDED_GB
            ? [{ path: s.path, message: `VM size ${s.vmSize} (${size.memoryGb} GB) of SQL server ${s.computerName} is below the ${SQL_RECOMMENDED_GB} GB Microsoft recommends for SQL Server; use at least ${SQL_RECOMMENDED_GB} GB (e.g. Standard_B2ms)` }]
            : [];
        }),
  ),
  rule('LAB-2', Severity.WARNING, 'A lab deployment has the LAB support posture', 'library: a lab is small and unsupported on purpose (AZURE-1, VM-1)', (m) => {
    const explicit = m.labEnvironment?.explicitSupportPosture;
    return m.lab && explicit !== undefined && explicit !== SupportPosture.LAB
      ? [{ path: m.path, message: `the deployment has the lab option but supportPosture ${explicit}; a lab is SupportPosture.LAB; remove supportPosture (the lab option sets LAB) or remove the lab option` }]
      : [];
  }),
  rule('LAB-3', Severity.ERROR, 'Every lab VM is scheduled to shut down, every site has Bastion, every member server joins the domain', 'library: lab economics and administration through Azure Bastion', (m) => {
    const lab = m.labEnvironment;
    if (!m.lab || !lab) return [];
    const out: Violation[] = [];
    for (const s of m.servers) {
      if (!lab.shutdownPaths.includes(s.path)) {
        out.push({ path: s.path, message: `server ${s.computerName} has no auto-shutdown schedule; in lab mode every VM shuts down daily at ${lab.shutdownTime} (${lab.shutdownTimeZone}); create it through a ServerGroup so the lab sees it` });
      }
      const joins = DOMAIN_JOINING_ROLES.has(s.role);
      if (joins && !lab.domainJoinedPaths.includes(s.path)) {
        out.push({ path: s.path, message: `${s.role} server ${s.computerName} does not join ${m.adDomain}; in lab mode every server except domain controllers and Edge servers joins the domain; create it through a ServerGroup so the lab sees it` });
      }
    }
    for (const site of m.sites) {
      if (!lab.bastionSitePaths.includes(site.path)) {
        out.push({ path: site.path, message: `site ${site.name} has no Azure Bastion; in lab mode Bastion is the only administrative path (no RDP from the Internet, SEC-2)` });
      }
      if (!lab.domainControllers.some((dc) => dc.sitePath === site.path)) {
        out.push({ path: site.path, message: `site ${site.name} has no domain controller; in lab mode each site has one in its infrastructure subnet` });
      }
    }
    return out;
  }),
];

export const LAB_STATUS: RuleStatus[] = [
  status('LAB-4', RuleStatusKind.BY_CONSTRUCTION, 'Domain controllers exist before any server joins: every domain-join extension depends on the forest root\'s and its own site\'s DC setup and on the server\'s prerequisites script, which waits until the domain answers; member VMs are created after their network uses the DCs as DNS servers.'),
  status('LAB-5', RuleStatusKind.NOT_MODELLED, 'Not in the runbook: it is how a lab is first built, not a recovery step. What the lab cannot install without Microsoft media stays manual and docs/lab.md "What stays manual" lists it: Lync/SfB Server from its ISO, Prepare Schema/Forest/Domain, Topology Builder (publishing creates the pools\' databases), the Deployment Wizard, certificates and Windows Update.'),
];
