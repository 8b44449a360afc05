/** Back End Server HA (BE-*, VER-1, VER-2, FE-8, FE-11): modes per version, mirroring, AlwaysOn, clustering, SQL support. */
import { BackEndMode, PoolEdition, Severity, SqlEdition } from '../enums';
import { backEndByPath, productName, siteOf } from '../model/queries';
import {
  AG_AUTOMATIC_FAILOVER_REPLICAS,
  allowedModes,
  modeName,
  SQL_VERSION_NAMES,
  sqlSupport,
  SqlSupportCell,
  supportedSqlVersions,
} from '../model/sql-support';
import { BackEndModel, TopologyModel } from '../model/topology';
import { rule, RuleStatus, RuleStatusKind, status, Violation, withUnacknowledgeable } from './rule';

const BE_HA = 'Back End Server high availability in Skype for Business Server';
const L_BE_HA = 'Back End Server high availability in Lync Server 2013';
const SERVER_REQ = 'Server requirements for Skype for Business Server 2015';
const DB_SW = 'Database software support in Lync Server 2013';
const AG_DEPLOY = 'Deploy an Always On Availability Group on a Back End Server in Skype for Business Server';
const MIR_DEPLOY = 'Deploy SQL mirroring for Back End Server high availability in Skype for Business Server 2015';
const TOPOLOGY_BASICS = 'Topology Basics for Skype for Business Server';

function cell(m: TopologyModel, b: BackEndModel): SqlSupportCell {
  return sqlSupport(m.productVersion, b.mode, b.sqlVersion, b.sqlEdition);
}

function sqlName(b: BackEndModel): string {
  return `${SQL_VERSION_NAMES[b.sqlVersion]} ${b.sqlEdition}`;
}

/** Back ends whose matrix cell is blocked by `id`, with the message `why` builds. */
function blockedBy(id: string, why: (m: TopologyModel, b: BackEndModel) => string) {
  return (m: TopologyModel): Violation[] =>
    m.backEnds.filter((b) => cell(m, b).blockedBy.includes(id)).map((b) => ({ path: b.path, message: why(m, b) }));
}

const ofMode = (m: TopologyModel, mode: BackEndMode) => m.backEnds.filter((b) => b.mode === mode);

/** BE-8: the AlwaysOn settings Skype for Business supports. */
function availabilityGroupViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const b of ofMode(m, BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP)) {
    const say = (message: string) => out.push({ path: b.path, message });
    if (b.listenerPort !== undefined && b.listenerPort !== 1433) {
      say(`listenerPort is ${b.listenerPort}; Skype for Business supports only 1433 for the availability group listener; set listenerPort to 1433`);
    }
    const replicas = b.replicas ?? [];
    const readable = replicas.filter((r) => r.readableSecondary !== 'No');
    if (b.readableSecondaries || readable.length > 0) {
      say(`readable secondaries are enabled (readable_secondary ${[...new Set(readable.map((r) => r.readableSecondary))].join(', ') || 'on'}); Skype for Business supports no readable secondaries; set readableSecondaries to false`);
    }
    const notSync = replicas.filter((r) => r.commit !== 'Synchronous_Commit' || r.failoverMode !== 'Automatic');
    if (notSync.length > 0) {
      say(`${notSync.length} replica(s) are not Synchronous_Commit with automatic failover (${notSync.map((r) => `${r.commit}/${r.failoverMode}`).join(', ')}); every replica must commit synchronously and fail over automatically`);
    }
    const primaries = replicas.filter((r) => r.role === 'Primary').length;
    if (primaries !== 1) say(`the availability group has ${primaries} primary replicas; it needs exactly one`);
    if (b.endpointPort !== undefined && b.endpointPort !== 5022) {
      say(`the replicas' mirroring endpoint port is ${b.endpointPort}; Skype for Business expects 5022; use 5022`);
    }
    const listener = b.listenerLoadBalancer?.fqdn;
    if (listener && b.storeFqdn !== listener) {
      say(`the pool's SQL store is ${b.storeFqdn}, not the listener ${listener}; Topology Builder must point the SQL store at the listener FQDN`);
    }
  }
  return out;
}

/** BE-13: active/passive clustering, node limits per edition, no node shared with another instance. */
function failoverClusterViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const b of ofMode(m, BackEndMode.FAILOVER_CLUSTER)) {
    const max = cell(m, b).maxNodes;
    if (max !== undefined && b.servers.length > max) {
      out.push({ path: b.path, message: `nodes is ${b.servers.length}; a ${b.sqlEdition} edition failover cluster instance has at most ${max} nodes; lower nodes to ${max}${b.sqlEdition === SqlEdition.STANDARD ? ' or use SQL Server Enterprise (up to 16)' : ''}` });
    }
    if (b.activeNodes !== undefined && b.activeNodes !== 1) {
      out.push({ path: b.path, message: `${b.activeNodes} nodes are active; SQL failover clustering for the Back End is active/passive only; run one active instance` });
    }
    const mine = new Set(b.servers.map((s) => s.path));
    for (const other of m.backEnds.filter((o) => o.path !== b.path)) {
      const shared = other.servers.filter((s) => mine.has(s.path));
      if (shared.length > 0) {
        out.push({ path: b.path, message: `node(s) ${shared.map((s) => s.computerName).join(', ')} also serve back end ${other.path}; a passive node must not be shared with another SQL instance; give each back end its own nodes` });
      }
    }
  }
  return out;
}

export const BACK_END_RULES = withUnacknowledgeable([
  rule('VER-1', Severity.ERROR, 'No Back End database mirroring in Skype for Business Server 2019 and Subscription Edition', BE_HA, blockedBy('VER-1', (m) =>
    `the back end uses SQL Server database mirroring, which ${productName(m)} does not support (it supports AlwaysOn Availability Groups, failover cluster instances and SQL failover clustering); use AlwaysOnBackEnd or FailoverClusterBackEnd`,
  )),
  rule('VER-2', Severity.ERROR, 'No AlwaysOn Availability Groups in Lync Server 2013', SERVER_REQ, blockedBy('VER-2', (m) =>
    `the back end is an AlwaysOn Availability Group, first supported in Skype for Business Server 2015; ${productName(m)} offers synchronous mirroring or SQL failover clustering; use MirroredBackEnd or FailoverClusterBackEnd`,
  )),
  rule('BE-1', Severity.ERROR, 'Back End HA mode allowed by the product version; HA recommended', BE_HA, (m) =>
    m.backEnds.flatMap((b) => {
      if (cell(m, b).blockedBy.includes('BE-1')) {
        return [{ path: b.path, message: `the back end uses ${modeName(b.mode, m.productVersion)}, which ${productName(m)} does not allow; allowed: ${allowedModes(m.productVersion).map((x) => modeName(x, m.productVersion)).join(', ')}` }];
      }
      return [];
    }),
  ),
  rule('BE-20', Severity.WARNING, 'Back End high availability is recommended', `${BE_HA} (library rule: the warning form of BE-1)`, (m) =>
    ofMode(m, BackEndMode.STANDALONE).map((b) => ({
      path: b.path,
      message: `the back end is ${modeName(b.mode)}: if its SQL Server fails, the pool stops; Back End HA is optional but recommended; use ${allowedModes(m.productVersion).filter((x) => x !== BackEndMode.STANDALONE).map((x) => modeName(x, m.productVersion)).join(' or ')}`,
    })),
  ),
  rule('BE-3', Severity.WARNING, 'Mirroring with a witness for automatic failover', L_BE_HA, (m) =>
    ofMode(m, BackEndMode.MIRRORING)
      .filter((b) => b.witness !== true)
      .map((b) => ({ path: b.path, message: `the mirrored back end has no witness: failover is manual (Invoke-CsDatabaseFailover) and users fall into resiliency mode after about 30 minutes; set witness to true` })),
  ),
  rule('BE-4', Severity.ERROR, 'Principal, mirror and witness run the same SQL Server version', MIR_DEPLOY, (m) =>
    ofMode(m, BackEndMode.MIRRORING).flatMap((b) => {
      const out: Violation[] = [];
      const mirror = b.mirrorSqlVersion ?? b.sqlVersion;
      const witness = b.witness ? b.witnessSqlVersion ?? b.sqlVersion : b.sqlVersion;
      if (mirror !== b.sqlVersion || witness !== b.sqlVersion) {
        out.push({ path: b.path, message: `principal runs ${SQL_VERSION_NAMES[b.sqlVersion]}, mirror ${SQL_VERSION_NAMES[mirror]}${b.witness ? `, witness ${SQL_VERSION_NAMES[witness]}` : ''}; principal, mirror and witness must run the same SQL Server version` });
      }
      if ((b.mirrorSqlEdition ?? b.sqlEdition) !== b.sqlEdition) {
        out.push({ path: b.path, message: `principal runs SQL Server ${b.sqlEdition}, mirror ${b.mirrorSqlEdition}; principal and mirror must be the same edition (the witness may differ)` });
      }
      return out;
    }),
  ),
  rule('BE-8', Severity.ERROR, 'AlwaysOn: synchronous commit, automatic failover, no readable secondaries, listener on 1433', `${BE_HA}; ${AG_DEPLOY}`, availabilityGroupViolations),
  rule('BE-9', Severity.ERROR, 'AlwaysOn instance names identical on every replica', BE_HA, (m) =>
    ofMode(m, BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP).flatMap((b) => {
      const names = [...new Set((b.replicas ?? []).map((r) => r.instanceName.toUpperCase()))];
      return names.length > 1
        ? [{ path: b.path, message: `the replicas run SQL instances named ${names.join(', ')}; every replica of the availability group must use the same instance name` }]
        : [];
    }),
  ),
  rule('BE-11', Severity.ERROR, 'AlwaysOn needs SQL Server Enterprise 2012 SP2 CU2 or later', BE_HA, (m) => [
    ...blockedBy('BE-11', (_m, b) =>
      `sqlEdition/sqlVersion is ${sqlName(b)}; Skype for Business supports AlwaysOn Availability Groups only on SQL Server 2012 SP2 CU2, 2014, 2016, 2017 or 2019 Enterprise (Standard edition: use FailoverClusterBackEnd)`,
    )(m),
    ...ofMode(m, BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP).flatMap((b) => {
      const limit = AG_AUTOMATIC_FAILOVER_REPLICAS[b.sqlVersion];
      return limit > 0 && b.servers.length > limit
        ? [{ path: b.path, message: `replicas is ${b.servers.length}; ${SQL_VERSION_NAMES[b.sqlVersion]} fails over automatically between at most ${limit} replicas, and every replica must fail over automatically (BE-8); the Skype for Business pages state no limit of their own (UNCONFIRMED), so SQL Server's applies; set replicas to ${limit} or fewer` }]
        : [];
    }),
  ]),
  rule('BE-12', Severity.ERROR, 'Supported Back End SQL Server versions', `${DB_SW}; ${SERVER_REQ}`, blockedBy('BE-12', (m, b) =>
    `sqlVersion is ${SQL_VERSION_NAMES[b.sqlVersion]}; ${productName(m)} supports ${supportedSqlVersions(m.productVersion).map((v) => SQL_VERSION_NAMES[v]).join(', ')} for its Back End; choose one of them`,
  )),
  rule('BE-13', Severity.ERROR, 'SQL failover clustering: active/passive, 2 nodes on Standard, 16 on Enterprise', `${DB_SW}; ${BE_HA}`, failoverClusterViolations),
  rule('BE-14', Severity.ERROR, 'A Back End serves one Front End pool', TOPOLOGY_BASICS, (m) => {
    const byBackEnd = new Map<string, string[]>();
    for (const p of m.frontEndPools.filter((x) => x.backEndPath && x.edition === PoolEdition.ENTERPRISE)) {
      byBackEnd.set(p.backEndPath!, [...(byBackEnd.get(p.backEndPath!) ?? []), p.path]);
    }
    return [...byBackEnd.entries()]
      .filter(([, pools]) => pools.length > 1)
      .map(([backEnd, pools]) => ({ path: backEnd, message: `the back end serves ${pools.length} Front End pools (${pools.join(', ')}); a SQL instance holds the Back End databases of one pool only; give each pool its own back end` }));
  }),
  rule('BE-15', Severity.WARNING, 'The Back End is local to its Front End pool', SERVER_REQ, (m) =>
    m.frontEndPools.flatMap((p) => {
      const b = backEndByPath(m, p.backEndPath);
      const poolSite = siteOf(m, p.sitePath);
      const backEndSite = b && siteOf(m, b.sitePath);
      return poolSite && backEndSite && poolSite.location !== backEndSite.location
        ? [{ path: p.path, message: `the pool is in ${poolSite.location} but its back end ${b!.path} is in ${backEndSite.location}; the Back End should be local to the pool, without a low-speed or long-distance link; create the back end in the pool's region` }]
        : [];
    }),
  ),
  rule('FE-8', Severity.WARNING, 'Even-sized pools and a single or mirrored Back End', 'Front End Pool high availability and management', (m) =>
    m.frontEndPools.flatMap((p) => {
      const b = backEndByPath(m, p.backEndPath);
      const n = p.servers.length;
      return p.edition === PoolEdition.ENTERPRISE && n % 2 === 0 && b && (b.mode === BackEndMode.STANDALONE || b.mode === BackEndMode.MIRRORING)
        ? [{ path: p.path, message: `the pool has ${n} Front End servers (an even number), so its primary SQL database acts as a quorum witness; with ${modeName(b.mode)} a Back End failure can stop the whole pool; use an odd number of Front End servers` }]
        : [];
    }),
  ),
  rule('BE-19', Severity.WARNING, 'SQL data and log disks survive terraform destroy', 'library: SQL Server data protection', (m) =>
    m.backEnds
      .filter((b) => b.dataProtected === false)
      .map((b) => ({
        path: b.path,
        message: `protectDataDisks is false: terraform destroy deletes the SQL data and log disks with every user and conference record; set protectDataDisks to true outside labs`,
        ...(m.lab ? { acknowledged: 'lab mode: lab data is disposable' } : {}),
      })),
  ),
], {
  'BE-11':
    'the SQL VM group of an AlwaysOn back end takes only the Developer or Enterprise image SKU (azurerm_mssql_virtual_machine_group.sql_image_sku, internal/services/mssql/mssql_virtual_machine_group_resource.go), so Standard edition cannot be applied',
  'BE-12':
    "no marketplace SQL image pairs this SQL Server version with a Windows Server version the product supports, so the SQL VMs, their SQL IaaS registration and an AlwaysOn group's sql_image_offer cannot be built as the topology describes",
});

export const BACK_END_STATUS: RuleStatus[] = [
  status('FE-11', RuleStatusKind.BY_CONSTRUCTION, 'Front End pools and back ends take the AD domain of their SfbDeployment (there is one adDomain per deployment, and FE-10 keeps a pool\'s back end in its own site); the clustered back ends join that domain with the JsonADDomainExtension.'),
  status('BE-2', RuleStatusKind.BY_CONSTRUCTION, 'MirroredBackEnd always models synchronous (high-safety) mirroring: it has no asynchronous option, and the generated Topology Builder values and Install-CsMirrorDatabase command set up high-safety mirroring.'),
  status('BE-5', RuleStatusKind.BY_CONSTRUCTION, 'Principal, mirror and witness of a MirroredBackEnd are all created in the deployment\'s AD domain (one adDomain per deployment); joining them to it is an operator step listed in docs/back-end.md.'),
  status('BE-6', RuleStatusKind.BY_CONSTRUCTION, 'MirroredBackEnd opens the default endpoints, 5022 between principal and mirror and 7022 to the witness, and each VM runs one SQL instance, so no two instances share a port. The mirroring file share (read/write for the SQL service accounts) is an operator step in the generated mirroring_setup output.'),
  status('BE-7', RuleStatusKind.NOT_MODELLED, 'Operating guidance, not topology: mirroring covers every database of the pool, the Full recovery model needs transaction-log backups, and all Front Ends restart after a mirroring change; docs/back-end.md lists these operator steps.'),
  status('BE-16', RuleStatusKind.BY_CONSTRUCTION, 'Every back end gets SQL Server VMs of its own; the library never places other databases on them.'),
  status('BE-17', RuleStatusKind.NOT_MODELLED, 'The library describes the target topology, not a migration: converting a mirrored CMS pool to an AG (Move-CsManagementServer first, Install-CsDatabase -Update on each replica) is listed in docs/back-end.md.'),
  status('BE-18', RuleStatusKind.NOT_MODELLED, 'RTO and RPO of 5 minutes for automatic mirror failover are engineering targets of the product, not properties of the topology; docs/back-end.md quotes them.'),
];
