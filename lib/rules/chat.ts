/** Persistent Chat (PCHAT-*, VER-3, BE-10, TOPO-2): pool size, the stretched layout, mirroring and log shipping. */
import { BackEndMode, PoolEdition, Severity } from '../enums';
import { admittingFlow } from '../model/flows';
import { cidrContains } from '../model/network';
import { backEndByPath, poolByPath, productName, siteOf } from '../model/queries';
import { ChatPoolModel, ServerModel, SiteModel, TopologyModel } from '../model/topology';
import { productProfile } from '../model/versions';
import { readonlySet } from '../model/memo';
import { alsoReports, reportedAs, Rule, rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const PC_TOPO = 'Plan Persistent Chat Server topology';
const PC_PLAN = 'Plan for high availability and disaster recovery for Persistent Chat Server';
const PC_MAN = 'Manage high availability and disaster recovery for Persistent Chat Server';
const AG = 'Deploy an Always On Availability Group on a Back End Server';

const MAX_ACTIVE = 4;
const MAX_TOTAL = 8;

/** Whether the NSG flows let `from` reach `to` on a TCP port. */
function allows(m: TopologyModel, from: string, to: string, port: number): boolean {
  return admittingFlow(m, { sourceIp: from, destinationIp: to, protocol: 'Tcp', port }) !== undefined;
}

/** The site whose address space holds a server's primary address. */
function siteOfServer(m: TopologyModel, s: ServerModel): SiteModel | undefined {
  const ip = s.nics[0]?.privateIp;
  return ip ? m.sites.find((site) => cidrContains(site.addressSpace, ip)) : undefined;
}

/** Site path of the current primary chat database: the pool's own primary, or the given back end's site. */
function databaseSitePath(m: TopologyModel, p: ChatPoolModel): string | undefined {
  if (p.backEndPath) return backEndByPath(m, p.backEndPath)?.sitePath;
  return p.databaseServers.find((d) => d.database === 'mgc' && d.function === 'primary')?.sitePath ?? p.primarySitePath;
}

function locationOf(m: TopologyModel, sitePath: string | undefined): string | undefined {
  return sitePath ? siteOf(m, sitePath)?.location : undefined;
}

function stretched(p: ChatPoolModel): boolean {
  return p.primarySitePath !== p.secondarySitePath && p.secondaryActiveServers + p.secondaryIdleServers > 0;
}

/** Where each chat pool's active servers are against its primary database, per pool. */
function activePlacement(m: TopologyModel, p: ChatPoolModel) {
  const dbSite = databaseSitePath(m, p);
  const dbLocation = locationOf(m, dbSite);
  const activeBySite = [
    { sitePath: p.primarySitePath, active: p.primaryActiveServers },
    { sitePath: p.secondarySitePath, active: p.secondaryActiveServers },
  ].filter((a) => a.active > 0);
  const near = activeBySite.filter((a) => locationOf(m, a.sitePath) === dbLocation);
  const far = activeBySite.filter((a) => locationOf(m, a.sitePath) !== dbLocation);
  return { dbSite, dbLocation, near, far };
}

/** PCHAT-4: active servers in the data center of the primary database. */
function layoutViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const p of m.chatPools) {
    const { dbSite, dbLocation, near, far } = activePlacement(m, p);
    if (far.length > 0 && near.length === 0) {
      out.push({ path: p.path, message: `all active chat servers are in ${far.map((a) => a.sitePath).join(', ')} (${far.map((a) => locationOf(m, a.sitePath)).join(', ')}), none in ${dbLocation ?? 'the region'} of the primary chat database (${dbSite}); active servers must be in the data center of the primary database; make the servers in ${dbSite} active and the others idle` });
    }
  }
  return out;
}

/** PCHAT-13: active servers across regions from the database, and a secondary site that can take the load over. */
function layoutAdvice(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const p of m.chatPools) {
    const { dbLocation, near, far } = activePlacement(m, p);
    if (far.length > 0 && near.length > 0) {
      out.push({ path: p.path, message: `${far.map((a) => `${a.active} active server(s) in ${a.sitePath} (${locationOf(m, a.sitePath)})`).join(', ')} reach the primary chat database in ${dbLocation} across Azure regions; active servers outside the database's data center need a low-latency, high-bandwidth link; measure it, or use the high-latency layout (all active servers in the primary site, idle ones in the secondary)` });
    }
    if (p.primarySitePath !== p.secondarySitePath) {
      const secondaryTotal = p.secondaryActiveServers + p.secondaryIdleServers;
      if (secondaryTotal === 0) {
        out.push({ path: p.path, message: `the secondary site ${p.secondarySitePath} has no chat server, so the pool cannot run there after a failover; add idle servers there (e.g. secondaryIdleServers: ${p.primaryActiveServers})` });
      } else if (secondaryTotal < p.primaryActiveServers) {
        out.push({ path: p.path, message: `the secondary site ${p.secondarySitePath} has ${secondaryTotal} chat server(s), fewer than the ${p.primaryActiveServers} active in ${p.primarySitePath}, so a failover loses capacity; the documented layouts put as many servers in the secondary data center (2 active + 2 idle in each, or 4 active + 4 idle)` });
      }
    }
  }
  return out;
}

/** PCHAT-6: the resource set of each database: which functions sit in which site. */
function resourceSetViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const p of m.chatPools) {
    const home = poolByPath(m, p.homePoolPath);
    if (p.backEndPath) {
      if (stretched(p)) {
        out.push({ path: p.path, message: `the chat databases are on back end ${p.backEndPath}, which has no log-shipping secondary in ${p.secondarySitePath}, yet the pool has servers there for disaster recovery; omit backEnd so the pool builds its mirrored primary, log-shipping secondary and mirror, or keep all servers in one site` });
      }
      continue;
    }
    const homeSite = home?.sitePath ?? p.primarySitePath;
    if (p.primarySitePath === p.secondarySitePath) {
      out.push({ path: p.path, message: `primarySite and secondarySite are both ${p.primarySitePath}; the log-shipping secondary database and its mirror must be in the other data center; give a different secondarySite` });
      continue;
    }
    const otherSite = p.primarySitePath === homeSite ? p.secondarySitePath : p.primarySitePath;
    const required: [string, string][] = [
      ['primary', homeSite],
      ['mirror', homeSite],
      ['log-shipping-secondary', otherSite],
      ['secondary-mirror', otherSite],
    ];
    if (p.witness) required.push(['witness', homeSite], ['secondary-witness', otherSite]);
    for (const db of p.compliance ? ['mgc', 'mgccomp'] : ['mgc']) {
      const problems = required.flatMap(([fn, site]) => {
        const found = p.databaseServers.filter((d) => d.database === db && d.function === fn);
        if (found.length === 0) return [`no ${fn}`];
        return found.some((d) => d.sitePath === site) ? [] : [`the ${fn} is in ${found[0].sitePath}, not ${site}`];
      });
      if (problems.length > 0) {
        out.push({ path: p.path, message: `the ${db} database set is incomplete: ${problems.join('; ')}; the primary and its mirror${p.witness ? ' (and witness)' : ''} belong in the data center of the home pool ${p.homePoolPath} (${homeSite}), the log-shipping secondary and its mirror${p.witness ? ' (and witness)' : ''} in the other (${otherSite}); set primarySite to the home pool's site` });
      }
    }
  }
  return out;
}

/** PCHAT-7: a log-shipping share that is not a file store and that every chat SQL server reaches on SMB. */
function shareViolations(m: TopologyModel): Violation[] {
  const out: Violation[] = [];
  for (const p of m.chatPools) {
    if (p.backEndPath || !p.databaseServers.some((d) => d.function === 'log-shipping-secondary')) continue;
    if (!p.logShippingShare || !p.logShippingServer) {
      out.push({ path: p.path, message: 'the pool log-ships its databases but has no log-shipping share; every chat SQL server in both data centers needs read/write access to one share for the transaction-log backups' });
      continue;
    }
    const server = p.logShippingServer;
    const store = m.fileStores.find((f) => f.shareUnc.toLowerCase() === p.logShippingShare!.toLowerCase() || f.servers.some((s) => s.fqdn === server.fqdn));
    if (store) {
      out.push({ path: p.path, message: `the log-shipping share ${p.logShippingShare} is on the file store ${store.path}; the share for transaction-log backups must not be a pool file store; use a separate file server` });
    }
    const shareIp = server.nics[0]?.privateIp;
    const blocked = p.databaseServers.filter((d) => !shareIp || !allows(m, d.server.nics[0]?.privateIp ?? '', shareIp, 445));
    if (blocked.length > 0) {
      out.push({ path: p.path, message: `SQL servers ${blocked.map((d) => d.server.computerName).join(', ')} cannot reach the log-shipping share ${p.logShippingShare} on SMB 445; every chat SQL server in both data centers must read and write it; allow TCP 445 from them to ${server.computerName}` });
    }
  }
  return out;
}

const STRETCHABLE_EXEMPT = 'Persistent Chat';

/** TOPO-2: every server of a Front End, Edge, Director or Mediation pool is in its own site's network. */
function stretchedPoolViolations(m: TopologyModel): Violation[] {
  const pools = [
    ...m.frontEndPools.map((p) => ({ ...p, kind: 'Front End pool' })),
    ...m.edgePools.map((p) => ({ ...p, kind: 'Edge pool' })),
    ...m.directorPools.map((p) => ({ ...p, kind: 'Director pool' })),
    ...m.mediationPools.map((p) => ({ ...p, kind: 'Mediation pool' })),
  ];
  return pools.flatMap((p) => {
    const site = siteOf(m, p.sitePath);
    if (!site) return [];
    const away = p.servers.filter((s) => s.nics.some((n) => !cidrContains(site.addressSpace, n.privateIp)));
    return away.length === 0
      ? []
      : [{ path: p.path, message: `${p.kind} servers ${away.map((s) => `${s.computerName} (${s.nics.map((n) => n.privateIp).join(', ')})`).join(', ')} are outside the network of its site ${site.name} (${site.addressSpace}); only ${STRETCHABLE_EXEMPT} pools may be stretched over two data centers; put every server of the pool in one site` }];
  });
}

/** Front End pool a chat pool is collocated with: declared, or sharing a server FQDN. */
function collocatedPool(m: TopologyModel, p: ChatPoolModel) {
  if (p.collocatedWithPoolPath) return poolByPath(m, p.collocatedWithPoolPath);
  const fqdns = new Set(p.servers.map((s) => s.fqdn));
  return m.frontEndPools.find((fe) => fe.servers.some((s) => fqdns.has(s.fqdn)));
}

const CHAT_CHECKS = [
  alsoReports(rule('VER-3', Severity.ERROR, 'Persistent Chat exists only in Lync Server 2013 and Skype for Business Server 2015', PC_TOPO, (m) =>
    productProfile(m.productVersion).persistentChat
      ? []
      : m.chatPools.map((p) => ({
          path: p.path,
          message: `Persistent Chat pool ${p.fqdn} is in a ${productName(m)} topology; Persistent Chat Server exists only in Lync Server 2013 and Skype for Business Server 2015 (its successor is Teams); remove the pool or use ProductVersion.SKYPE_FOR_BUSINESS_2015. The pool's layout is not judged while it cannot exist (${absorbedByVer3().join(', ')}: caused by VER-3)`,
        })),
  ), 'PCHAT-1'),
  rule('PCHAT-2', Severity.ERROR, 'At most 4 active and 8 servers in a Persistent Chat pool', PC_TOPO, (m) =>
    m.chatPools.flatMap((p) => {
      const active = p.primaryActiveServers + p.secondaryActiveServers;
      const total = active + p.primaryIdleServers + p.secondaryIdleServers;
      const out: Violation[] = [];
      if (active > MAX_ACTIVE || active === 0) {
        out.push({ path: p.path, message: `the pool has ${active} active servers (${p.primaryActiveServers} in the primary site, ${p.secondaryActiveServers} in the secondary); a Persistent Chat pool has 1 to ${MAX_ACTIVE} active servers (about 20,000 users each); make the others idle` });
      }
      if (total > MAX_TOTAL) {
        out.push({ path: p.path, message: `the pool has ${total} servers; a Persistent Chat pool holds at most ${MAX_TOTAL} (${MAX_ACTIVE} active + ${MAX_ACTIVE} idle); remove idle servers` });
      }
      return out;
    }),
  ),
  rule('PCHAT-3', Severity.ERROR, 'A Persistent Chat pool is stretched over at most two data centers', PC_PLAN, (m) =>
    m.chatPools.flatMap((p) => {
      const own = new Set([p.primarySitePath, p.secondarySitePath]);
      const away = p.servers.filter((s) => {
        const site = siteOfServer(m, s);
        return !site || !own.has(site.path);
      });
      return away.length === 0
        ? []
        : [{ path: p.path, message: `chat servers ${away.map((s) => `${s.computerName} (${siteOfServer(m, s)?.path ?? 'no site'})`).join(', ')} are outside the pool's two data centers ${[...own].join(' and ')}; a stretched pool is one logical pool over at most two data centers; place every server in the primary or the secondary site` }];
    }),
  ),
  rule('PCHAT-4', Severity.ERROR, 'Stretched layout: active servers in the data center of the primary database', `${PC_PLAN}; ${PC_MAN}`, layoutViolations),
  rule('PCHAT-13', Severity.WARNING, 'Stretched layout: active servers near the primary database, enough servers to fail over', `${PC_PLAN}; ${PC_MAN} (library rule: the warning form of PCHAT-4)`, layoutAdvice),
  rule('PCHAT-5', Severity.ERROR, 'Chat databases use mirroring and log shipping, not AlwaysOn Availability Groups', PC_PLAN, (m) =>
    m.chatPools.flatMap((p) => {
      const be = backEndByPath(m, p.backEndPath);
      if (!be) return [];
      if (be.mode === BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP) {
        return [{ path: p.path, message: `the chat databases are on back end ${be.path}, an AlwaysOn Availability Group; Persistent Chat databases are not supported in an AG (high availability is SQL mirroring, disaster recovery is log shipping); omit backEnd so the pool builds its own mirrored SQL servers, or use a MirroredBackEnd` }];
      }
      return [];
    }),
  ),
  rule('PCHAT-14', Severity.WARNING, 'Chat databases have SQL mirroring for high availability', `${PC_PLAN} (library rule: the warning form of PCHAT-5)`, (m) =>
    m.chatPools.flatMap((p) => {
      const be = backEndByPath(m, p.backEndPath);
      return be && be.mode === BackEndMode.STANDALONE
        ? [{ path: p.path, message: `the chat databases are on the standalone back end ${be.path}, without high availability; Persistent Chat high availability is SQL mirroring; omit backEnd so the pool builds its own mirrored SQL servers, or use a MirroredBackEnd` }]
        : [];
    }),
  ),
  rule('BE-10', Severity.ERROR, 'No Persistent Chat or Reporting databases in an Availability Group', `${AG}; ${PC_PLAN}`, (m) =>
    m.backEnds
      .filter((b) => b.mode === BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP)
      .flatMap((b) => {
        const dbs = [
          ...m.chatPools.filter((p) => p.backEndPath === b.path).flatMap((p) => (p.compliance ? ['mgc', 'mgccomp'] : ['mgc'])),
          ...(b.extraDatabases ?? []).filter((d) => ['mgc', 'mgccomp', 'ReportServer', 'ReportServerTempDB'].includes(d)),
        ];
        const unique = [...new Set(dbs)].sort();
        return unique.length === 0
          ? []
          : [{ path: b.path, message: `databases ${unique.join(', ')} would sit in the availability group of ${b.path}; Persistent Chat (mgc, mgccomp) and Reporting (ReportServer, ReportServerTempDB) databases are not supported in an AG; host them on a mirrored or standalone SQL server` }];
      }),
  ),
  rule('PCHAT-6', Severity.ERROR, 'Disaster-recovery set: mirrored primary near the home pool, mirrored log-shipping secondary in the other data center', PC_PLAN, resourceSetViolations),
  rule('PCHAT-7', Severity.ERROR, 'A log-shipping share, not a file store, that every chat SQL server can read and write', `${PC_PLAN}; Configure high availability and disaster recovery for Persistent Chat Server`, shareViolations),
  rule('PCHAT-9', Severity.ERROR, 'Persistent Chat is not collocated with an Enterprise Front End; collocated with Standard Edition it cannot grow', PC_TOPO, (m) =>
    m.chatPools.flatMap((p) => {
      const fe = collocatedPool(m, p);
      if (!fe) return [];
      if (fe.edition === PoolEdition.ENTERPRISE) {
        return [{ path: p.path, message: `chat servers are collocated with the Enterprise Front End pool ${fe.path}; Persistent Chat Server cannot be collocated with an Enterprise Edition Front End; use dedicated chat servers` }];
      }
      return p.servers.length > 1
        ? [{ path: p.path, message: `the pool is collocated with the Standard Edition server ${fe.fqdn} but has ${p.servers.length} servers; a Persistent Chat pool collocated with Standard Edition cannot take more servers; use dedicated chat servers` }]
        : [];
    }),
  ),
  rule('PCHAT-10', Severity.WARNING, 'Persistent Chat on Standard Edition has no high availability', PC_TOPO, (m) =>
    m.chatPools.flatMap((p) => {
      const fe = collocatedPool(m, p);
      return fe && fe.edition === PoolEdition.STANDARD
        ? [{ path: p.path, message: `the pool is collocated with the Standard Edition server ${fe.fqdn}, which gives Persistent Chat no high availability (proof of concept or evaluation use); use dedicated chat servers` }]
        : [];
    }),
  ),
  rule('PCHAT-11', Severity.WARNING, 'Chat servers are in the AD domain of the Lync/SfB servers', PC_TOPO, (m) =>
    m.chatPools.flatMap((p) => {
      const domains = [...new Set([m.adDomain, ...m.frontEndPools.map((fe) => fe.adDomain)].map((d) => d.toLowerCase()))];
      return domains.every((d) => d === p.adDomain.toLowerCase())
        ? []
        : [{ path: p.path, message: `chat servers join AD domain ${p.adDomain} but the Front End servers are in ${domains.join(', ')}; Persistent Chat servers should be in the same domain as the Lync/SfB servers and the compliance service; join them to ${m.adDomain}` }];
    }),
  ),
  rule('PCHAT-12', Severity.WARNING, 'Chat databases are not collocated with a pool Back End', PC_TOPO, (m) =>
    m.chatPools.flatMap((p) => {
      const pools = m.frontEndPools.filter((fe) => p.backEndPath && fe.backEndPath === p.backEndPath);
      return pools.length === 0
        ? []
        : [{ path: p.path, message: `the chat databases share back end ${p.backEndPath} with Front End pool(s) ${pools.map((fe) => fe.fqdn).join(', ')}; this is possible but not recommended because chat databases grow; omit backEnd so the pool builds its own SQL servers` }];
    }),
  ),
  rule('TOPO-2', Severity.ERROR, 'Only Persistent Chat pools may be stretched', 'Capacity planning; Plan for high availability and disaster recovery for Persistent Chat Server', stretchedPoolViolations),
];

/** The rules that still apply when VER-3 reports a chat pool: VER-3 itself and TOPO-2, which covers every pool kind. */
const KEPT_WITH_VER_3 = readonlySet(['VER-3', 'TOPO-2']);

/**
 * One mistake, one error: in a version without Persistent Chat, VER-3 is the finding, and the chat
 * rules that would judge the pool's layout (PCHAT-7 on flows the library never opens there) are moot.
 */
function unlessVer3(r: Rule): Rule {
  return KEPT_WITH_VER_3.has(r.id) ? r : { ...r, check: (m) => (productProfile(m.productVersion).persistentChat ? r.check(m) : []) };
}

export const CHAT_RULES = CHAT_CHECKS.map(unlessVer3);

/** The chat rules VER-3 stands for in a version without Persistent Chat, for its message. */
function absorbedByVer3(): string[] {
  return CHAT_CHECKS.map((r) => r.id).filter((id) => !KEPT_WITH_VER_3.has(id));
}

export const CHAT_STATUS: RuleStatus[] = [
  reportedAs('PCHAT-1', 'VER-3', 'The same fact as VER-3 (no Persistent Chat in 2019 or Subscription Edition), reported once under VER-3.'),
  status('PCHAT-8', RuleStatusKind.IN_RUNBOOK, 'The runbook section "Persistent Chat pool <FQDN>" (chatRunbook) fails each chat pool over and back: drop log shipping, restore WITH RECOVERY, Set-CsPersistentChatState, Install-CsMirrorDatabase, Set-CsPersistentChatActiveServer.'),
];
