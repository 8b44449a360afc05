import { BackEndMode, PoolEdition, ProductVersion, Severity, validateTopology } from '../../lib';
import { ChatPoolModel, TopologyModel } from '../../lib/model/topology';
import { CHAT_RULES } from '../../lib/rules/chat';
import { chatTopology } from '../chat-helpers';
import { check, findingsOf, ruleIds } from '../helpers';

const rule = (id: string) => CHAT_RULES.find((r) => r.id === id);
const findings = (...args: Parameters<typeof chatTopology>) => validateTopology(chatTopology(...args).deployment);
let reference: TopologyModel | undefined;
/** The model of a chat topology; the default one is built once (rules never mutate it). */
const baseModel = (...args: Parameters<typeof chatTopology>) =>
  args.length === 0 ? (reference ??= chatTopology().deployment._toModel()) : chatTopology(...args).deployment._toModel();
const withPool = (m: TopologyModel, change: Partial<ChatPoolModel>): TopologyModel => ({ ...m, chatPools: [{ ...m.chatPools[0], ...change }] });

describe('the reference layout (2 active in the primary site, 2 idle in the secondary)', () => {
  test('has no chat finding', () => {
    const ids = ruleIds(findings());
    for (const r of CHAT_RULES) expect(ids).not.toContain(r.id);
  });
});

describe('VER-3: Persistent Chat only in 2013 and 2015', () => {
  test('fails when a chat pool is in a 2019 topology', () => {
    const f = findingsOf(findings({}, { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 }), 'VER-3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/chat' });
    expect(f[0].message).toMatch(/Skype for Business Server 2019 topology/);
  });
  test('says which chat rules it stands for, and none of them fires', () => {
    const all = findings({}, { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
    const absorbed = /\(([A-Z0-9, -]+): caused by VER-3\)/.exec(findingsOf(all, 'VER-3')[0].message)![1].split(', ');
    expect(absorbed).toEqual(expect.arrayContaining(['PCHAT-2', 'PCHAT-7']));
    expect(ruleIds(all).filter((id) => absorbed.includes(id))).toEqual([]);
  });
  test('passes in 2013 and 2015', () => {
    expect(ruleIds(findings({}, { productVersion: ProductVersion.LYNC_SERVER_2013 }))).not.toContain('VER-3');
    expect(ruleIds(findings())).not.toContain('VER-3');
  });
});

describe('PCHAT-2: at most 4 active and 8 servers', () => {
  test('fails with 5 active servers', () => {
    expect(findingsOf(findings({ primaryActiveServers: 5 }), 'PCHAT-2')[0].message).toMatch(/5 active servers.*1 to 4/);
  });
  test('fails with 9 servers in total', () => {
    const f = findingsOf(findings({ primaryActiveServers: 4, secondaryIdleServers: 5 }), 'PCHAT-2');
    expect(f.map((x) => x.message).join()).toMatch(/9 servers; .* at most 8/);
  });
  test('fails without an active server', () => {
    expect(ruleIds(findings({ primaryActiveServers: 0, primaryIdleServers: 2 }))).toContain('PCHAT-2');
  });
  test('passes with 4 active and 4 idle', () => {
    expect(ruleIds(findings({ primaryActiveServers: 4, secondaryIdleServers: 4 }))).not.toContain('PCHAT-2');
  });
});

describe('PCHAT-3: at most two data centers', () => {
  test('fails when a chat server sits in a third site', () => {
    const m = baseModel();
    const third = { ...m.sites[0], path: 'test/contoso/east', name: 'east', addressSpace: '10.30.0.0/16' };
    const pool = m.chatPools[0];
    const moved = { ...pool.servers[0], nics: [{ ...pool.servers[0].nics[0], privateIp: '10.30.64.4' }] };
    const broken = withPool({ ...m, sites: [...m.sites, third] }, { servers: [moved, ...pool.servers.slice(1)] });
    expect(check(rule('PCHAT-3'), broken)[0].message).toMatch(/pchat-1 \(test\/contoso\/east\) are outside the pool's two data centers/);
  });
  test('passes when the servers are in the primary and secondary sites', () => {
    expect(check(rule('PCHAT-3'), baseModel())).toHaveLength(0);
  });
});

describe('PCHAT-4 and PCHAT-13: layout', () => {
  test('warns (PCHAT-13) when active servers in the other region reach the database across regions', () => {
    const all = findings({ primaryActiveServers: 2, primaryIdleServers: 2, secondaryActiveServers: 2, secondaryIdleServers: 2 });
    expect(findingsOf(all, 'PCHAT-4')).toEqual([]);
    const f = findingsOf(all, 'PCHAT-13');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe(Severity.WARNING);
    expect(f[0].message).toMatch(/2 active server\(s\) in test\/contoso\/north \(northeurope\).*low-latency/);
  });
  test('fails when every active server is far from the primary database', () => {
    const f = findingsOf(findings({ primaryActiveServers: 0, primaryIdleServers: 2, secondaryActiveServers: 2, secondaryIdleServers: 0 }), 'PCHAT-4');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe(Severity.ERROR);
    expect(f[0].message).toMatch(/all active chat servers are in test\/contoso\/north/);
  });
  test('warns (PCHAT-13) when the secondary site cannot take the active load over', () => {
    expect(findingsOf(findings({ primaryActiveServers: 4, secondaryIdleServers: 2 }), 'PCHAT-13')[0].message).toMatch(/has 2 chat server\(s\), fewer than the 4 active/);
    expect(findingsOf(findings({ primaryActiveServers: 2, secondaryIdleServers: 0 }), 'PCHAT-13')[0].message).toMatch(/has no chat server/);
  });
  test('passes with 4 active in the primary site and 4 idle in the secondary', () => {
    expect(ruleIds(findings({ primaryActiveServers: 4, secondaryIdleServers: 4 }))).not.toContain('PCHAT-4');
    expect(ruleIds(findings({ primaryActiveServers: 4, secondaryIdleServers: 4 }))).not.toContain('PCHAT-13');
  });
});

describe('PCHAT-5 and BE-10: no Availability Group for the chat databases', () => {
  /** The chat databases on the west pool's back end, turned into an AG in the model (no AG construct here). */
  const agModel = () => {
    const { deployment, westPool } = chatTopology(({ westPool: home }) => ({ backEnd: home.backEnd, secondaryIdleServers: 0 }));
    const m = deployment._toModel();
    const path = westPool.backEnd!.node.path;
    return { ...m, backEnds: m.backEnds.map((b) => (b.path === path ? { ...b, mode: BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP } : b)) };
  };
  test('PCHAT-5 fails when the chat databases are on an AlwaysOn back end', () => {
    expect(check(rule('PCHAT-5'), agModel())[0].message).toMatch(/not supported in an AG/);
  });
  test('PCHAT-14 warns for a standalone back end without high availability (not PCHAT-5)', () => {
    const all = findings(({ westPool }) => ({ backEnd: westPool.backEnd, secondaryIdleServers: 0 }));
    expect(findingsOf(all, 'PCHAT-5')).toEqual([]);
    const f = findingsOf(all, 'PCHAT-14');
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/standalone back end .* without high availability/);
  });
  test('PCHAT-5 passes with the pool\'s own mirrored databases or a mirrored back end', () => {
    expect(check(rule('PCHAT-5'), baseModel())).toHaveLength(0);
    const m = agModel();
    expect(check(rule('PCHAT-5'), { ...m, backEnds: m.backEnds.map((b) => ({ ...b, mode: BackEndMode.MIRRORING })) })).toHaveLength(0);
  });
  test('BE-10 fails on the AlwaysOn back end that would hold mgc, and on one holding ReportServer', () => {
    const m = agModel();
    const f = check(rule('BE-10'), m);
    expect(f[0].path).toBe(m.chatPools[0].backEndPath);
    expect(f[0].message).toMatch(/databases mgc would sit in the availability group/);
    const reporting = { ...m, chatPools: [], backEnds: m.backEnds.map((b) => ({ ...b, extraDatabases: ['ReportServer'] })) };
    expect(check(rule('BE-10'), reporting).map((x) => x.message).join()).toMatch(/ReportServer would sit/);
  });
  test('BE-10 passes for a mirrored back end', () => {
    const m = agModel();
    expect(check(rule('BE-10'), { ...m, backEnds: m.backEnds.map((b) => ({ ...b, mode: BackEndMode.MIRRORING })) })).toHaveLength(0);
  });
});

describe('PCHAT-6: disaster-recovery database set', () => {
  test('fails when the primary database is not in the home pool\'s data center', () => {
    const { deployment, northPool } = chatTopology();
    const m = deployment._toModel();
    const f = check(rule('PCHAT-6'), withPool(m, { homePoolPath: northPool.node.path }));
    expect(f[0].message).toMatch(/the primary is in test\/contoso\/west, not test\/contoso\/north/);
  });
  test('fails when a piece is missing', () => {
    const m = baseModel();
    const pool = m.chatPools[0];
    const f = check(rule('PCHAT-6'), withPool(m, { databaseServers: pool.databaseServers.filter((d) => d.function !== 'secondary-mirror') }));
    expect(f[0].message).toMatch(/mgc database set is incomplete: no secondary-mirror/);
  });
  test('fails when both sites are the same', () => {
    const f = findingsOf(findings(({ west }) => ({ secondarySite: west })), 'PCHAT-6');
    expect(f[0].message).toMatch(/primarySite and secondarySite are both test\/contoso\/west/);
  });
  test('fails when the databases are on a given back end but the pool has servers in the secondary site', () => {
    const m = baseModel();
    expect(check(rule('PCHAT-6'), withPool(m, { backEndPath: m.backEnds[0].path, databaseServers: [] }))[0].message).toMatch(/no log-shipping secondary/);
  });
  test('passes for the built set, with compliance and without a witness', () => {
    expect(ruleIds(findings({ compliance: true }))).not.toContain('PCHAT-6');
    expect(ruleIds(findings({ witness: false }))).not.toContain('PCHAT-6');
  });
});

describe('PCHAT-7: log-shipping share', () => {
  test('fails when a SQL server cannot reach the share on SMB 445', () => {
    const m = baseModel();
    const noSmb = { ...m, flows: m.flows.filter((f) => !f.ports.includes('445') || !f.name.includes('log-shipping')) };
    expect(check(rule('PCHAT-7'), noSmb)[0].message).toMatch(/cannot reach the log-shipping share .* on SMB 445/);
  });
  test('fails when the share is on a pool file store', () => {
    const m = baseModel();
    const pool = m.chatPools[0];
    const store = { path: 'test/contoso/west/store', sitePath: 'test/contoso/west', poolPaths: [], kind: 'windows-dfs' as const, servers: [pool.logShippingServer!], shareUnc: '\\\\store\\share' };
    expect(check(rule('PCHAT-7'), { ...m, fileStores: [store] })[0].message).toMatch(/is on the file store/);
  });
  test('fails when there is no share', () => {
    expect(check(rule('PCHAT-7'), withPool(baseModel(), { logShippingShare: undefined }))[0].message).toMatch(/no log-shipping share/);
  });
  test('passes for the built share', () => {
    expect(check(rule('PCHAT-7'), baseModel({ compliance: true }))).toHaveLength(0);
  });
});

describe('PCHAT-9 and PCHAT-10: collocation', () => {
  const m = baseModel();
  const se = { ...m.frontEndPools[0], edition: PoolEdition.STANDARD };
  test('PCHAT-9 fails when the chat servers are collocated with an Enterprise Front End', () => {
    expect(check(rule('PCHAT-9'), withPool(m, { collocatedWithPoolPath: m.frontEndPools[0].path }))[0].message).toMatch(/cannot be collocated with an Enterprise Edition Front End/);
  });
  test('PCHAT-9 fails when a chat server shares a Front End server\'s name', () => {
    const pool = m.chatPools[0];
    const same = { ...pool.servers[0], fqdn: m.frontEndPools[0].servers[0].fqdn };
    expect(check(rule('PCHAT-9'), withPool(m, { servers: [same, ...pool.servers.slice(1)] }))).toHaveLength(1);
  });
  test('PCHAT-9 fails when a pool collocated with Standard Edition has more than one server', () => {
    const model = { ...withPool(m, { collocatedWithPoolPath: se.path }), frontEndPools: [se, ...m.frontEndPools.slice(1)] };
    expect(check(rule('PCHAT-9'), model)[0].message).toMatch(/cannot take more servers/);
    expect(check(rule('PCHAT-10'), model)[0].severity).toBe(Severity.WARNING);
  });
  test('PCHAT-9 passes for one server on Standard Edition (PCHAT-10 still warns), and for dedicated servers', () => {
    const pool = m.chatPools[0];
    const model = { ...withPool(m, { collocatedWithPoolPath: se.path, servers: pool.servers.slice(0, 1) }), frontEndPools: [se, ...m.frontEndPools.slice(1)] };
    expect(check(rule('PCHAT-9'), model)).toHaveLength(0);
    expect(check(rule('PCHAT-10'), model)[0].message).toMatch(/no high availability/);
    expect(check(rule('PCHAT-9'), m)).toHaveLength(0);
    expect(check(rule('PCHAT-10'), m)).toHaveLength(0);
  });
});

describe('PCHAT-11: one AD domain', () => {
  test('warns when the chat servers are in another domain', () => {
    expect(check(rule('PCHAT-11'), withPool(baseModel(), { adDomain: 'chat.contoso.com' }))[0].message).toMatch(/join AD domain chat\.contoso\.com but the Front End servers are in corp\.contoso\.com/);
  });
  test('passes in the deployment\'s domain', () => {
    expect(check(rule('PCHAT-11'), baseModel())).toHaveLength(0);
  });
});

describe('PCHAT-12: chat databases not on a pool Back End', () => {
  test('warns when the chat databases share the home pool\'s back end', () => {
    const f = findingsOf(findings(({ westPool }) => ({ backEnd: westPool.backEnd, secondaryIdleServers: 0 })), 'PCHAT-12');
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/share back end .* with Front End pool\(s\) pool-west\.corp\.contoso\.com/);
  });
  test('passes with the pool\'s own SQL servers', () => {
    expect(ruleIds(findings())).not.toContain('PCHAT-12');
  });
});

describe('TOPO-2: only Persistent Chat pools are stretched', () => {
  test('fails when a Front End server sits in another site\'s network', () => {
    const m = baseModel();
    const pool = m.frontEndPools.find((p) => p.path.endsWith('/west/pool'))!;
    const moved = { ...pool.servers[0], nics: [{ ...pool.servers[0].nics[0], privateIp: '10.20.0.50' }] };
    const broken = { ...m, frontEndPools: m.frontEndPools.map((p) => (p === pool ? { ...pool, servers: [moved, ...pool.servers.slice(1)] } : p)) };
    expect(check(rule('TOPO-2'), broken)[0].message).toMatch(/Front End pool servers pool-west-1 \(10\.20\.0\.50\) are outside the network of its site west/);
  });
  test('passes for pools in one site and a chat pool over two', () => {
    expect(check(rule('TOPO-2'), baseModel())).toHaveLength(0);
  });
});
