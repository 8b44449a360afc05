import { ProductVersion } from '../../lib';
import { TopologyModel } from '../../lib/experimental';
import { BRANCH_RULES } from '../../lib/rules/branch';
import { BranchSite, SurvivableBranchAppliance, SurvivableBranchServer, validateTopology } from '../../lib';
import { check, findingsOf, testDeployment, testPool, testSite } from '../helpers';
import { branchTopology } from '../voice-helpers';

describe('the branch topology', () => {
  test('satisfies every branch rule and records the branch, the appliance and its gateway in the plan, with no Azure resource for them', () => {
    const { deployment } = branchTopology();
    const findings = validateTopology(deployment);
    for (const id of ['VOICE-4', 'VOICE-6', 'VOICE-7', 'VOICE-8', 'VOICE-13', 'VOICE-14', 'MED-5']) expect(findingsOf(findings, id)).toEqual([]);
    const voice = deployment.plan().voice;
    expect(voice.branchSites).toEqual([{ path: 'test/contoso/redmond', name: 'redmond', centralSitePath: 'test/contoso/west', addressSpace: '192.168.50.0/24', voiceUsages: ['Redmond local', 'Central'], localRegistrarDiscovery: true }]);
    expect(voice.survivableBranches).toEqual([{ path: 'test/contoso/redmond/sba', kind: 'appliance', branchPath: 'test/contoso/redmond', fqdn: 'sba-redmond.corp.contoso.com', backupRegistrarPath: 'test/contoso/west/pool', users: 200 }]);
    expect(voice.peers.find((p: any) => p.path === 'test/contoso/redmond/gateway')).toMatchObject({ sitePath: 'test/contoso/redmond', mediation: 'branch' });
    expect(deployment.plan().flows.filter((f: any) => JSON.stringify(f).includes('192.168.50.5'))).toEqual([]);
  });
});

describe('VOICE-6: at most two survivable registrars per branch', () => {
  test('three are an error naming the branch', () => {
    const { deployment, branch, sites } = branchTopology();
    new SurvivableBranchAppliance(branch, 'sba2', { fqdn: 'sba2-redmond.corp.contoso.com', backupRegistrar: sites.west.pool });
    expect(findingsOf(validateTopology(deployment), 'VOICE-6')).toEqual([]);
    new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-redmond.corp.contoso.com', backupRegistrar: sites.west.pool });
    const f = findingsOf(validateTopology(deployment), 'VOICE-6');
    expect(f.map((x) => [x.path, x.severity])).toEqual([['test/contoso/redmond', 'error']]);
    expect(f[0].message).toMatch(/branch site redmond has 3 survivable registrars .* at most two/);
  });
});

describe('VOICE-13: sizing guidance', () => {
  test('an appliance above 1,000 users, a branch above 2,000 and one below 25 are warnings', () => {
    const over = branchTopology({ users: 1500 });
    expect(findingsOf(validateTopology(over.deployment), 'VOICE-13').map((f) => f.message)).toEqual([expect.stringMatching(/users is 1500; a Survivable Branch Appliance serves up to 1,000 users/)]);
    const large = branchTopology({ users: 900 });
    new SurvivableBranchServer(large.branch, 'sbs', { fqdn: 'sbs-redmond.corp.contoso.com', users: 1500, backupRegistrar: large.sites.west.pool });
    expect(findingsOf(validateTopology(large.deployment), 'VOICE-13').map((f) => f.message)).toEqual([expect.stringMatching(/homes 2,400 users .* make it a central site with a Standard Edition server/)]);
    const small = branchTopology({ users: 10 });
    expect(findingsOf(validateTopology(small.deployment), 'VOICE-13').map((f) => f.message)).toEqual([expect.stringMatching(/homes 10 users .* usually not worth/)]);
  });
});

describe('VOICE-7: a backup Registrar in the central site', () => {
  test('no backup Registrar is an error naming the appliance and the fix', () => {
    const { deployment } = branchTopology({ backup: 'none' });
    const f = findingsOf(validateTopology(deployment), 'VOICE-7');
    expect(f.map((x) => [x.path, x.severity])).toEqual([['test/contoso/redmond/sba', 'error']]);
    expect(f[0].message).toMatch(/Survivable Branch Appliance sba-redmond.corp.contoso.com has no backupRegistrar; .*FrontEndPool of central site west/);
  });

  test('a backup Registrar in another central site is an error', () => {
    const { deployment } = branchTopology({ backup: 'north' });
    expect(findingsOf(validateTopology(deployment), 'VOICE-7')[0].message).toMatch(/backupRegistrar pool-north.corp.contoso.com is in site north, not in central site west/);
  });
});

describe('VOICE-14: the backup Registrar has room for the branch users', () => {
  test('branch users that push a pool past its servers are a warning on the pool', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const pool = testPool(site, 'pool', { users: 12000, frontEndServers: 3 });
    const branch = new BranchSite(deployment, 'redmond', { centralSite: site });
    new SurvivableBranchAppliance(branch, 'sba', { fqdn: 'sba-redmond.corp.contoso.com', users: 400, backupRegistrar: pool });
    expect(findingsOf(validateTopology(deployment), 'VOICE-14')).toEqual([]);
    new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-redmond.corp.contoso.com', users: 1500, backupRegistrar: pool });
    const f = findingsOf(validateTopology(deployment), 'VOICE-14');
    expect(f.map((x) => x.path)).toEqual([pool.node.path]);
    expect(f[0].message).toMatch(/homes 12,000 users and backs up 1,900 branch users; .* needs 4 Front End servers but has 3/);
  });
});

describe('VOICE-8: branch users\' two usages and registrar discovery', () => {
  test('one usage is a warning', () => {
    const { deployment } = branchTopology({ usages: ['Redmond local'] });
    expect(findingsOf(validateTopology(deployment), 'VOICE-8')[0].message).toMatch(/voiceUsages is \[Redmond local\]; branch users need two PSTN usages/);
  });

  test('usages in the wrong order (central first) are a warning', () => {
    const { deployment } = branchTopology({ usages: ['Central', 'Redmond local'] });
    expect(findingsOf(validateTopology(deployment), 'VOICE-8')[0].message).toMatch(/the first usage Central has no route through a gateway of the branch; route it through the branch's gateway/);
  });

  test('a second usage with no route at all is a warning', () => {
    const { deployment } = branchTopology({ usages: ['Redmond local', 'Nowhere'] });
    expect(findingsOf(validateTopology(deployment), 'VOICE-8')[0].message).toMatch(/no later usage \(Nowhere\) has a route through a central-site gateway/);
  });

  test('no DNS caching or DHCP option 120 is a warning', () => {
    const { deployment } = branchTopology({ discovery: false });
    expect(findingsOf(validateTopology(deployment), 'VOICE-8')[0].message).toMatch(/localRegistrarDiscovery is false; .*DHCP option 120/);
  });
});

describe('branch input errors throw', () => {
  test('a survivable registrar outside a branch, a branch without a central site, a bad range', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    expect(() => new SurvivableBranchAppliance(site as any, 'sba', { fqdn: 'sba.corp.contoso.com' })).toThrow(/SurvivableBranchAppliance .*sba: scope must be a BranchSite/);
    expect(() => new BranchSite(deployment, 'b1', {} as any)).toThrow(/BranchSite .*b1: centralSite is missing; give the CentralSite/);
    expect(() => new BranchSite(deployment, 'b2', { centralSite: site, addressSpace: '192.168.50.0/33' })).toThrow(/addressSpace "192.168.50.0\/33" is not an IPv4 CIDR/);
  });
});

describe('VOICE-9: survivable-registrar users cannot federate over XMPP', () => {
  const rule = BRANCH_RULES.find((r) => r.id === 'VOICE-9');
  const xmppEdge = { xmppFederation: true } as unknown as TopologyModel['edgePools'][number];
  test('an info per appliance when an Edge pool federates over XMPP in 2015, none without XMPP or in 2019', () => {
    const model = branchTopology().deployment._toModel();
    expect(check(rule, model)).toEqual([]);
    const f = check(rule, { ...model, edgePools: [xmppEdge] });
    expect(f.map((x) => [x.path, x.severity])).toEqual([['test/contoso/redmond/sba', 'info']]);
    expect(f[0].message).toMatch(/cannot send IM to or see the presence of XMPP contacts/);
    expect(check(rule, { ...model, edgePools: [xmppEdge], productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 })).toEqual([]);
  });
});
