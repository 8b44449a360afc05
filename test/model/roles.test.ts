/**
 * Roles as data (lib/model/roles/): one profile file per ServerRole, and the lists the code reads are
 * derived from them, so a rule, the lab and the backups agree on what a role is.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { ServerRole, TopologyModel } from '../../lib/model/topology';
import { SubnetRole } from '../../lib/model/network';
import { DOCUMENTED_FLOWS, ENDPOINTS, Endpoint } from '../../lib/model/documented-flows';
import { ALL_ROLES, DOMAIN_SUBNETS, GROUP_COLLECTIONS, LAB_VM_SIZES, ROLE_PROFILES, RoleProfile, serverGroups } from '../../lib/model/roles';
import { PROTECTED_ROLES, STATEFUL_ROLES } from '../../lib/model/backup-topology';
import { recommendedVmSize, sizingFloor } from '../../lib/model/versions';
import { physicalCores, VM_SIZES, vmSizeInfo } from '../../lib/model/vm-sizes';
import { groupSites } from '../../lib/rules/azure';
import { hardwareReport } from '../../lib/reports/hardware';
import { LIB, tsFilesUnder } from '../lib-sources';
import { ProductVersion } from '../../lib/enums';
import { BranchSite, SurvivableBranchServer } from '../../lib';
import { chatTopology } from '../chat-helpers';
import { check, findingsOf, testDeployment, testPool, testSite } from '../helpers';
import { MirroredBackEnd, SqlServerVersion, validateTopology } from '../../lib/experimental';
import { ALL_RULES } from '../../lib/rules';
import { memberPrerequisitesScript } from '../../lib/azure/lab-scripts';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildLabTopology } from '../../examples/lab/topology';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { ownerUnits } from '../../lib/model/queries';

const FOLDER = join(__dirname, '..', '..', 'lib', 'model', 'roles');
/** Files of the folder that are not a role: the interface, the index, shared feature sets, flow pages and directory flows. */
const SUPPORT_FILES = ['directory-flows.ts', 'features.ts', 'flow-pages.ts', 'index.ts', 'profile.ts'];

const kebab = (key: string) => key.toLowerCase().replace(/_/g, '-');
const isProfile = (v: unknown): v is RoleProfile => typeof v === 'object' && v !== null && 'role' in v && 'domain' in v;

describe('one profile file per ServerRole', () => {
  const files = readdirSync(FOLDER).filter((f) => f.endsWith('.ts') && !SUPPORT_FILES.includes(f)).sort();

  test('every enum member has its file (named after its key) and every file a member', () => {
    expect(files).toEqual(Object.keys(ServerRole).map((k) => `${kebab(k)}.ts`).sort());
  });

  test.each(Object.entries(ServerRole))('%s.ts exports exactly one frozen profile, of its own role', (key, role) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(join(FOLDER, kebab(key)))).filter(isProfile);
    expect(exported.map((p) => p.role)).toEqual([role]);
    expect(Object.isFrozen(exported[0])).toBe(true);
    expect(Object.isFrozen(exported[0].windowsFeatures)).toBe(true);
    expect(ROLE_PROFILES[role]).toBe(exported[0]);
  });
});


/** Hand-written role lists: an array or set literal of two or more roles, a table keyed by role, two role tests in one condition, a filter of the enum (not in a one-line template text: a message may show an example). */
export function roleLists(text: string): string[] {
  return [...text.replace(/`[^`\n]*`/g, '``').matchAll(/\[\s*ServerRole\.\w+\s*,\s*ServerRole\.\w+|\[ServerRole\.\w+\]\s*:|[!=]==\s*ServerRole\.\w+\s*(&&|\|\|)\s*[\w.]+\s*[!=]==\s*ServerRole\.\w+|Object\.values\(ServerRole\)\.filter/g)].map((m) => m[0].replace(/\s+/g, ' '));
}

describe('no role list outside lib/model/roles/', () => {
  test('the scan finds the shapes it looks for', () => {
    expect(roleLists('const A = readonlySet([ServerRole.EDGE, ServerRole.MEDIATION]);\nconst B = [\n  ServerRole.FRONT_END,\n  ServerRole.BACK_END,\n];\nconst C = { [ServerRole.EDGE]: 1 };\nif (s.role === ServerRole.EDGE) f([ServerRole.EDGE]);\nthrow new Error(`give e.g. { [ServerRole.EDGE]: "Standard_B2ms" }`);\nconst j = s.role !== ServerRole.DOMAIN_CONTROLLER && s.role !== ServerRole.EDGE;\nconst m = Object.values(ServerRole).filter((r) => r !== ServerRole.EDGE);')).toEqual([
      '[ServerRole.EDGE, ServerRole.MEDIATION',
      '[ ServerRole.FRONT_END, ServerRole.BACK_END',
      '[ServerRole.EDGE]:',
      '!== ServerRole.DOMAIN_CONTROLLER && s.role !== ServerRole.EDGE',
      'Object.values(ServerRole).filter',
    ]);
  });

  test('no file of lib/ but the role profiles and the enum holds one', () => {
    const found = tsFilesUnder(LIB)
      .filter((path) => !path.startsWith(FOLDER) && !path.endsWith(join('model', 'topology.ts')))
      .flatMap((path) => roleLists(readFileSync(path, 'utf8')).map((hit) => `${relative(LIB, path)}: ${hit}`));
    expect(found).toEqual([]);
  });
});

describe('profile facts', () => {
  test.each(ALL_ROLES)('%s: a display name, a lab size and a production size of the catalog', (role) => {
    const p = ROLE_PROFILES[role];
    expect(p.displayName.length).toBeGreaterThan(0);
    expect(VM_SIZES[p.labVmSize]).toBeDefined();
    // Exactly one source of the production default: a documented family, or the role's own size.
    expect(p.sizingFamily === undefined).toBe(p.productionVmSize !== undefined);
    for (const v of Object.values(ProductVersion)) expect(VM_SIZES[recommendedVmSize(v, role)]).toBeDefined();
  });

  test('a role with a sizing family gets a default that meets its floor (VM-1)', () => {
    for (const role of ALL_ROLES.filter((r) => ROLE_PROFILES[r].sizingFamily)) {
      for (const v of Object.values(ProductVersion)) {
        const size = vmSizeInfo(recommendedVmSize(v, role))!;
        const floor = sizingFloor(v, ROLE_PROFILES[role].sizingFamily!);
        expect(physicalCores(size)).toBeGreaterThanOrEqual(floor.cores);
        expect(size.memoryGb).toBeGreaterThanOrEqual(floor.memoryGb);
      }
    }
  });

  test('what a restore needs is protected by the vault', () => {
    for (const role of STATEFUL_ROLES) expect(PROTECTED_ROLES).toContain(role);
  });

  test('only a domain member writes configuration exports (they need the domain to read the store)', () => {
    for (const role of ALL_ROLES.filter((r) => ROLE_PROFILES[r].writesConfigExports)) expect(ROLE_PROFILES[role].domain).toBe('member');
  });
});

describe('the Azure rules see every pooled server (derived server groups)', () => {
  const { deployment, west, north } = chatTopology();
  const model = deployment._toModel();

  test('every server of a role with pools is in exactly one server group: chat servers too', () => {
    const grouped = serverGroups(model).flatMap((g) => g.servers.map((s) => s.path));
    const pooled = model.servers.filter((s) => ROLE_PROFILES[s.role].groups && !isChatAuxiliary(model, s.path)).map((s) => s.path);
    expect(model.servers.some((s) => s.role === ServerRole.PERSISTENT_CHAT)).toBe(true);
    expect([...grouped].sort()).toEqual([...pooled].sort());
    expect(GROUP_COLLECTIONS).toContain('chatPools');
  });

  test('findings on a pooled server group under its server group, for every role list', () => {
    const stack = new TerraformStack(Testing.app(), 'ref');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const reference = buildReferenceTopology(stack).deployment._toModel();
    // The reference example has a group in every collection but the chat pools (the chat topology above).
    for (const m of [reference, model]) {
      const owner = ownerUnits(m);
      for (const g of serverGroups(m)) for (const s of g.servers) expect(owner(s.path)).toBe(g.path);
    }
    expect(GROUP_COLLECTIONS.filter((c) => ![reference, model].some((m) => (m[c] ?? []).length > 0))).toEqual([]);
  });

  test('a stretched chat pool is one group, placed per site (sites sorted)', () => {
    const chat = serverGroups(model).filter((g) => g.path === model.chatPools[0].path);
    expect(chat).toHaveLength(1);
    const sites = groupSites(chat[0]);
    expect(sites.map((x) => x.sitePath)).toEqual([north.node.path, west.node.path].sort());
    for (const x of sites) expect(x.servers.every((s) => s.sitePath === x.sitePath)).toBe(true);
  });

  test('AZ-2 finds chat servers of one site stacked in one zone', () => {
    const rule = ALL_RULES.find((r) => r.id === 'AZ-2')!;
    expect(check(rule, model).filter((f) => f.path === model.chatPools[0].path)).toEqual([]);
    const stacked = withChatServers(model, (s) => ({ ...s, failureDomain: '1' }));
    expect(check(rule, stacked).filter((f) => f.path === model.chatPools[0].path).map((f) => f.message)).toEqual([
      expect.stringMatching(/^in site north, servers per failure domain .*round-robin/),
      expect.stringMatching(/^in site west, servers per failure domain .*round-robin/),
    ]);
  });

  test('VM-8 compares the whole stretched chat pool, across its sites', () => {
    const rule = ALL_RULES.find((r) => r.id === 'VM-8')!;
    const chatPath = model.chatPools[0].path;
    expect(check(rule, model).filter((f) => f.path === chatPath)).toEqual([]);
    const last = model.chatPools[0].servers[model.chatPools[0].servers.length - 1].path;
    const mixed = withChatServers(model, (s) => (s.path === last ? { ...s, vmSize: 'Standard_D8s_v5' } : s));
    expect(check(rule, mixed).filter((f) => f.path === chatPath).map((f) => f.message)).toEqual([expect.stringMatching(/different VM sizes/)]);
  });

  test('VM-8 accepts a stretched chat pool zonal in one site and in availability sets in the other', () => {
    const rule = ALL_RULES.find((r) => r.id === 'VM-8')!;
    const split = withChatServers(model, (s) => (s.sitePath === north.node.path ? { ...s, failureDomain: 'fd0' } : s));
    expect(check(rule, split).filter((f) => f.path === model.chatPools[0].path)).toEqual([]);
    const mixed = withChatServers(model, (s, i) => (i === 0 ? { ...s, failureDomain: 'fd0' } : s));
    expect(check(rule, mixed).filter((f) => f.path === model.chatPools[0].path).map((f) => f.message)).toEqual([expect.stringMatching(/mix placement/)]);
  });

  test('every server sits in the subnets its profile names, primary NIC first', () => {
    for (const s of model.servers) expect([s.role, s.nics.map((n) => n.subnet)]).toEqual([s.role, ROLE_PROFILES[s.role].subnets]);
  });

  test('the domain subnets are those of the domain roles, the perimeter is not one', () => {
    expect(DOMAIN_SUBNETS).toEqual([SubnetRole.FRONT_END, SubnetRole.BACK_END, SubnetRole.DIRECTOR, SubnetRole.MEDIATION, SubnetRole.PERSISTENT_CHAT, SubnetRole.INFRASTRUCTURE, SubnetRole.OFFICE_ONLINE, SubnetRole.SURVIVABLE_BRANCH]);
  });

  test('the hardware report names roles by their display name', () => {
    const report = hardwareReport(model);
    for (const role of new Set(model.servers.map((s) => s.role))) expect(report).toContain(`| ${ROLE_PROFILES[role].displayName} |`);
  });
});

/** A chat pool's own SQL servers and log-shipping share: single servers of the pool, not a placement group. */
describe('lab sizes apply to every role (LabOptions.vmSizes)', () => {
  function labModels(vmSizes: Record<string, string> = {}): TopologyModel[] {
    const stack = new TerraformStack(Testing.app(), 'lab');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const example = buildLabTopology(stack, { vmSizes });
    // Nor a branch in Azure: add one with a Survivable Branch Server.
    const branch = new BranchSite(example.deployment, 'oslo', { centralSite: example.west, location: 'norwayeast', addressSpace: '10.250.0.0/24' });
    new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-oslo.corp.contoso.com', backupRegistrar: example.westPool });
    return [example.deployment._toModel(), chatTopology({}, { lab: { vmSizes }, supportPosture: undefined }).deployment._toModel()];
  }

  test('a server given no size gets the lab size of its role, whatever its role', () => {
    const servers = labModels().flatMap((m) => m.servers);
    const roles = new Set(servers.map((s) => s.role));
    // The lab example and the chat topology together build every role but the witness (a mirrored back end).
    expect([...roles].sort()).toEqual(ALL_ROLES.filter((r) => r !== ServerRole.SQL_WITNESS && r !== ServerRole.STANDARD_EDITION).sort());
    for (const s of servers) expect([s.role, s.vmSize, s.nics.map((n) => n.subnet)]).toEqual([s.role, LAB_VM_SIZES[s.role], ROLE_PROFILES[s.role].subnets]);
  });

  test('a size the lab options give for a role reaches the servers of that role', () => {
    const given = Object.fromEntries(ALL_ROLES.map((r) => [r, r === ServerRole.DOMAIN_CONTROLLER ? 'Standard_B4ms' : 'Standard_D8s_v5']));
    for (const s of labModels(given).flatMap((m) => m.servers)) expect([s.role, s.vmSize]).toEqual([s.role, given[s.role]]);
  });
});

describe('the lab reads the profiles', () => {
  test('a mirroring witness gets the witness lab size, its partners the Back End one', () => {
    const { deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    const site = testSite(deployment);
    testPool(site, 'pool', { backEnd: new MirroredBackEnd(site, 'mirror', { sqlVersion: SqlServerVersion.SQL_2016 }) });
    const sizes = deployment._toModel().servers.filter((s) => s.path.includes('/mirror/')).map((s) => [s.role, s.vmSize]);
    expect(sizes).toContainEqual([ServerRole.SQL_WITNESS, LAB_VM_SIZES[ServerRole.SQL_WITNESS]]);
    expect(sizes).toContainEqual([ServerRole.BACK_END, LAB_VM_SIZES[ServerRole.BACK_END]]);
  });

  test.each(ALL_ROLES.filter((r) => ROLE_PROFILES[r].domain !== 'controller'))('the %s prerequisites script installs the profile features', (role) => {
    const script = memberPrerequisitesScript(role, 'corp.contoso.com', ROLE_PROFILES[role].domain === 'member');
    for (const f of ROLE_PROFILES[role].windowsFeatures) expect(script).toContain(`'${f}'`);
    expect(script.includes('Install-WindowsFeature')).toBe(ROLE_PROFILES[role].windowsFeatures.length > 0);
  });

  test('exactly the servers of member roles join the domain (LAB-3 judges the same set)', () => {
    const { deployment } = chatTopology({}, { lab: {}, supportPosture: undefined });
    const model = deployment._toModel();
    const members = model.servers.filter((s) => ROLE_PROFILES[s.role].domain === 'member').map((s) => s.path);
    expect(members.length).toBeGreaterThan(0);
    expect([...model.labEnvironment!.domainJoinedPaths].sort()).toEqual([...members].sort());
    expect(findingsOf(validateTopology(deployment), 'LAB-3')).toEqual([]);
  });
});

describe('each role file holds its flows (lib/model/documented-flows.ts derives the list)', () => {
  /** Endpoints outside the deployment's servers: no role file speaks for them. */
  const OUTSIDE: readonly Endpoint[] = ['internal-clients', 'internet', 'microsoft-365', 'pstn-gateway'];

  test.each(ALL_ROLES)('%s: every flow of its file starts or ends at one of its endpoints', (role) => {
    const { endpoints, flows } = ROLE_PROFILES[role];
    const stray = flows.filter((f) => !endpoints.includes(f.from) && !endpoints.includes(f.to)).map((f) => f.key);
    expect(stray).toEqual([]);
  });

  test('every endpoint of the deployment is some role\'s, and the outside ones none', () => {
    const claimed = new Set(ALL_ROLES.flatMap((r) => ROLE_PROFILES[r].endpoints));
    expect(ENDPOINTS.filter((e) => !OUTSIDE.includes(e) && !claimed.has(e))).toEqual([]);
    expect(OUTSIDE.filter((e) => claimed.has(e))).toEqual([]);
  });

  test('the documented list is exactly the role files\' flows, each once', () => {
    const fromFiles = ALL_ROLES.flatMap((r) => ROLE_PROFILES[r].flows.map((f) => f.key));
    expect(new Set(fromFiles).size).toBe(fromFiles.length);
    expect(DOCUMENTED_FLOWS.map((f) => f.key)).toEqual(fromFiles);
  });

  test('every domain member role reaches the lab domain controllers; a workgroup role at most for DNS', () => {
    for (const role of ALL_ROLES) {
      const { domain, flows } = ROLE_PROFILES[role];
      const toDc = flows.filter((f) => f.to === 'domain-controller' && f.from !== 'internal-clients');
      if (domain === 'workgroup') for (const f of toDc) expect(f.ports).toEqual(['53']);
      // Standard Edition and the witness are front-end and back-end-sql endpoints: those files carry them.
      if (domain === 'member' && !ROLE_PROFILES[role].endpoints.every((e) => e === 'front-end' || e === 'back-end-sql')) expect(toDc.length).toBeGreaterThan(0);
    }
  });

  test('the lab admits every member file\'s directory flows in its members rule', () => {
    const memberKeys = DOCUMENTED_FLOWS.filter((f) => f.to === 'domain-controller' && f.protocol === 'Tcp' && ALL_ROLES.some((r) => ROLE_PROFILES[r].domain !== 'workgroup' && ROLE_PROFILES[r].endpoints.includes(f.from)) && f.from !== 'survivable-branch').map((f) => f.key);
    const { deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    testPool(testSite(deployment), 'pool');
    const rule = deployment._toModel().flows.find((f) => f.name === 'lab-dc-from-members-tcp');
    expect(rule?.flowKeys).toEqual(expect.arrayContaining(memberKeys));
    expect(memberKeys).toEqual(expect.arrayContaining(['fe-to-dc-tcp', 'oos-to-dc-tcp', 'dc-to-dc-tcp']));
  });
});

function isChatAuxiliary(m: TopologyModel, path: string): boolean {
  return m.chatPools.some((c) => path.startsWith(`${c.path}/`) && !c.servers.some((s) => s.path === path));
}

function withChatServers(m: TopologyModel, f: (s: TopologyModel['servers'][number], i: number) => TopologyModel['servers'][number]): TopologyModel {
  return { ...m, chatPools: m.chatPools.map((c) => ({ ...c, servers: c.servers.map(f) })) };
}
