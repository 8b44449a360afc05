/**
 * The exported Topology Builder document of every example reads back (readTopologyDocument) to the
 * plan's pools, roles, sites, machine counts, stores, Edge next hops and pairings.
 */
import { buildHybridTopology } from '../../examples/hybrid/topology';
import { buildLabTopology } from '../../examples/lab/topology';
import { buildLync2013Topology } from '../../examples/lync2013/topology';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { buildVoiceTopology } from '../../examples/voice/topology';
import { BranchSite, MediationPool, PstnGateway } from '../../lib';
import { BackEndMode, DocumentPoolRole, importTopologyDocument, PoolEdition, readTopologyDocument, SfbDeployment, SipTransport, TopologyModel } from '../../lib/experimental';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Construct } from 'constructs';
import { testStack } from '../helpers';
import { section } from '../runbook-sections';

const EXAMPLES: [string, (scope: Construct) => { deployment: SfbDeployment }][] = [
  ['reference', (s) => buildReferenceTopology(s)],
  ['sfb2015', (s) => buildSfb2015Topology(s)],
  ['lync2013', (s) => buildLync2013Topology(s)],
  ['hybrid', (s) => buildHybridTopology(s)],
  ['lab', (s) => buildLabTopology(s)],
  ['voice', (s) => buildVoiceTopology(s)],
];

const voice = (model: TopologyModel) => model.voice ?? { peers: [], routes: [], branchSites: [], survivableBranches: [] };
/** The mirror and witness of a mirrored back end, and of a chat pool's own databases. */
function partners(model: TopologyModel): { site: string; store: string; mirror?: string; witness?: string }[] {
  const ownChat = (c: TopologyModel['chatPools'][number], fn: string) => c.databaseServers.find((d) => d.function === fn && d.database === 'mgc')?.server.fqdn;
  return [
    ...model.backEnds.filter((b) => b.mode === BackEndMode.MIRRORING).map((b) => ({ site: b.sitePath, store: b.storeFqdn, mirror: b.servers.find((s) => s.fqdn !== b.storeFqdn)?.fqdn, witness: b.witnessServer?.fqdn })),
    ...model.chatPools.filter((c) => !c.backEndPath).map((c) => ({ site: c.primarySitePath, store: ownChat(c, 'primary')!, mirror: ownChat(c, 'mirror'), witness: ownChat(c, 'witness') })),
  ];
}

/** What the document must say, taken from the plan: `site: role fqdn xN`. */
function expectedPools(model: TopologyModel): string[] {
  const site = (path: string) => [...model.sites, ...voice(model).branchSites].find((s) => s.path === path)!.name;
  const rows = [
    ...model.frontEndPools.map((p) => `${site(p.sitePath)}: ${p.edition === PoolEdition.STANDARD ? DocumentPoolRole.STANDARD_EDITION : DocumentPoolRole.FRONT_END} ${p.fqdn} x${p.servers.length}`),
    ...model.backEnds.map((b) => `${site(b.sitePath)}: ${DocumentPoolRole.SQL_STORE} ${b.storeFqdn} x1`),
    ...model.edgePools.map((e) => `${site(e.sitePath)}: ${DocumentPoolRole.EDGE} ${e.internalFqdn} x${e.servers.length}`),
    ...model.directorPools.map((d) => `${site(d.sitePath)}: ${DocumentPoolRole.DIRECTOR} ${d.fqdn} x${d.servers.length}`),
    ...model.mediationPools.map((m) => `${site(m.sitePath)}: ${DocumentPoolRole.MEDIATION} ${m.fqdn} x${m.servers.length}`),
    ...model.chatPools.map((c) => `${site(c.primarySitePath)}: ${DocumentPoolRole.PERSISTENT_CHAT} ${c.fqdn} x${c.servers.length}`),
    ...model.chatPools.filter((c) => !c.backEndPath).map((c) => `${site(c.primarySitePath)}: ${DocumentPoolRole.SQL_STORE} ${c.databaseServers.find((d) => d.function === 'primary')!.server.fqdn} x1`),
    ...partners(model).flatMap((p) => [p.mirror, p.witness].filter((f) => f).map((f) => `${site(p.site)}: ${DocumentPoolRole.SQL_STORE} ${f} x1`)),
    ...(model.officeOnlineFarms ?? []).map((f) => `${site(f.sitePath)}: ${DocumentPoolRole.OFFICE_ONLINE_SERVER} ${f.fqdn} x1`),
    ...voice(model).peers.map((g) => `${site(g.sitePath)}: ${DocumentPoolRole.PSTN_GATEWAY} ${g.fqdn} x1`),
    ...voice(model).survivableBranches.map((b) => `${site(b.branchPath)}: ${DocumentPoolRole.SURVIVABLE_BRANCH} ${b.fqdn} x1`),
  ];
  // A file server or DFS namespace is one pool, in the site of the first file store on it.
  const hosts = new Map<string, string>();
  for (const fs of model.fileStores) {
    const host = fs.shareUnc.replace(/^\\\\/, '').split('\\')[0];
    if (!hosts.has(host)) hosts.set(host, `${site(fs.sitePath)}: ${DocumentPoolRole.FILE_STORE} ${host} x1`);
  }
  return [...rows, ...hosts.values()].sort();
}

describe.each(EXAMPLES)('the %s example exported as a Topology Builder document', (_name, build) => {
  const { deployment } = build(testStack());
  const model = deployment.plan() as TopologyModel;
  const xml = deployment.topologyDocument();
  const doc = readTopologyDocument(xml);

  test('reads back as a Topology Builder file with the same sites and nothing unknown', () => {
    expect(doc.format).toBe('topology-builder');
    expect(doc.sites.map((s) => s.name)).toEqual(model.sites.map((s) => s.name));
    expect(doc.defaultSipDomain).toBe(model.sipDomain);
    expect([doc.unknown, doc.warnings]).toEqual([[], []]);
  });

  test('reads back to the same pools, roles, sites and machine counts', () => {
    expect(doc.pools.map((p) => `${p.site}: ${p.role} ${p.fqdn} x${p.machines.length}`).sort()).toEqual(expectedPools(model));
  });

  test('machines are the servers of the plan, by FQDN', () => {
    const servers = [...model.frontEndPools, ...model.edgePools, ...model.directorPools, ...model.mediationPools, ...model.chatPools].flatMap((p) => p.servers.map((s) => s.fqdn)).sort();
    const notServers = [DocumentPoolRole.FILE_STORE, DocumentPoolRole.SQL_STORE, DocumentPoolRole.OFFICE_ONLINE_SERVER, DocumentPoolRole.PSTN_GATEWAY, DocumentPoolRole.SURVIVABLE_BRANCH];
    expect(doc.pools.flatMap((p) => (notServers.includes(p.role) ? [] : p.machines)).sort()).toEqual(servers);
  });

  test('reads back the pairings, back ends, Edge next hops and external FQDNs', () => {
    const fqdn = new Map([...model.frontEndPools, ...model.directorPools].map((p) => [p.path, p.fqdn]));
    const pair = (a: string, b: string) => [a, b].sort().join(' <-> ');
    expect(doc.pairings.map((p) => pair(p.primary, p.backup)).sort()).toEqual(model.pairs.map((p) => pair(fqdn.get(p.primaryPath)!, fqdn.get(p.backupPath)!)).sort());
    for (const pool of model.frontEndPools) {
      const store = model.backEnds.find((b) => b.path === pool.backEndPath)?.storeFqdn;
      expect(doc.pools.find((p) => p.fqdn === pool.fqdn)!.backEnd).toBe(store);
    }
    for (const edge of model.edgePools) {
      const read = doc.pools.find((p) => p.fqdn === edge.internalFqdn)!;
      expect([read.nextHop, read.accessEdgeFqdn, read.webConferencingEdgeFqdn, read.audioVideoEdgeFqdn]).toEqual([fqdn.get(edge.nextHopPath), edge.accessEdgeFqdn, edge.webConferencingEdgeFqdn, edge.audioVideoEdgeFqdn]);
    }
    const cms = model.frontEndPools.filter((p) => p.hostsCentralManagementStore).map((p) => p.fqdn);
    expect(doc.pools.filter((p) => p.centralManagement).map((p) => p.fqdn)).toEqual(cms);
  });

  test('reads back the mirrors and witnesses of mirrored stores', () => {
    const read = doc.sqlInstances.filter((i) => i.mirrorFqdn || i.witnessFqdn).map((i) => `${i.fqdn} ${i.mirrorFqdn} ${i.witnessFqdn}`).sort();
    expect(read).toEqual(partners(model).filter((p) => p.mirror).map((p) => `${p.store} ${p.mirror} ${p.witness}`).sort());
  });

  test('reads back Edge federation and NAT', () => {
    expect(doc.pools.filter((p) => p.role === DocumentPoolRole.EDGE).map((p) => `${p.fqdn} ${p.federation === true} ${p.xmppFederation === true} ${p.externalNat === true}`).sort()).toEqual(
      model.edgePools.map((e) => `${e.internalFqdn} ${e.federation} ${e.xmppFederation} ${e.externalNat === true}`).sort(),
    );
  });

  test('reads back the gateways, the Mediation that uses each, branch sites and survivable branches', () => {
    const mediationFqdn = new Map([...model.frontEndPools, ...model.mediationPools].map((p) => [p.path, p.fqdn]));
    for (const b of voice(model).survivableBranches) mediationFqdn.set(b.path, b.fqdn);
    const gateways = doc.pools.filter((p) => p.role === DocumentPoolRole.PSTN_GATEWAY).map((p) => `${p.fqdn} ${p.mediationPool} ${p.gatewayAddress}:${p.gatewayPort} ${p.gatewayTransport}`).sort();
    expect(gateways).toEqual(voice(model).peers.map((g) => `${g.fqdn} ${mediationFqdn.get(g.mediationPath)} ${g.address}:${g.listeningPort} ${g.transport === SipTransport.TLS ? 'Tls' : 'Tcp'}`).sort());
    const central = (path: string) => model.sites.find((s) => s.path === path)!.name;
    expect(doc.branchSites.map((b) => `${b.name} in ${b.centralSite}`)).toEqual(voice(model).branchSites.map((b) => `${b.name} in ${central(b.centralSitePath)}`));
    const fqdn = new Map(model.frontEndPools.map((p) => [p.path, p.fqdn]));
    expect(doc.pools.filter((p) => p.role === DocumentPoolRole.SURVIVABLE_BRANCH).map((p) => `${p.fqdn} ${p.backupRegistrar}`)).toEqual(
      voice(model).survivableBranches.map((b) => `${b.fqdn} ${b.backupRegistrarPath && fqdn.get(b.backupRegistrarPath)}`),
    );
  });

  test('is the same document every time', () => {
    expect(build(testStack()).deployment.topologyDocument()).toBe(xml);
  });
});

describe('the exported document', () => {
  const { deployment } = buildReferenceTopology(testStack());
  const xml = deployment.topologyDocument();

  test('has Topology Builder\'s root, namespaces and shape', () => {
    expect(xml.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<TopologyBuilder IsFreeFromChanges="false" xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008">',
      '  <NewTopology>',
      '    <PartialTopology IsPublished="false" Signature="00000000-0000-0000-0000-000000000000" xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008">',
    ]);
  });

  test('Mediation servers have a PSTN interface, Front End servers without Mediation none', () => {
    const machine = (fqdn: string) => xml.slice(xml.indexOf(`<Machine Fqdn="${fqdn}"`), xml.indexOf('</Machine>', xml.indexOf(`<Machine Fqdn="${fqdn}"`)));
    expect(machine('med-west-1.corp.contoso.com')).toContain('InterfaceSide="Pstn"');
    expect(machine('pool-west-1.corp.contoso.com')).not.toContain('InterfaceSide="Pstn"');
  });

  test('names the AlwaysOn primary replica of each back end', () => {
    const doc = readTopologyDocument(xml);
    const model = deployment.plan() as TopologyModel;
    expect(doc.sqlInstances.map((i) => `${i.fqdn} ${i.alwaysOnPrimaryNodeFqdn}`)).toEqual(
      model.backEnds.map((b) => `${b.storeFqdn} ${b.servers.find((s) => s.path === b.replicas!.find((r) => r.role === 'Primary')!.serverPath)!.fqdn}`),
    );
  });

  test('a day-2 change (a fourth Front End server) changes only that pool\'s lines', () => {
    const scaled = buildReferenceTopology(testStack(), { westFrontEndServers: 4 }).deployment.topologyDocument();
    const before = new Set(xml.split('\n'));
    const added = scaled.split('\n').filter((l) => !before.has(l));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((l) => /pool-west-4|UpgradeDomain4|NetInterface|<\/Machine>/.test(l))).toBe(true);
  });
});

test('an Office Online Server farm reads back with its discovery URL and the pools it serves', () => {
  // The reference example has a farm in each site, each associated with its site's pool.
  const example = buildReferenceTopology(testStack());
  const doc = readTopologyDocument(example.deployment.topologyDocument());
  const oos = doc.pools.filter((p) => p.role === DocumentPoolRole.OFFICE_ONLINE_SERVER);
  expect(oos.map((p) => `${p.site} ${p.fqdn} ${p.discoveryUrl}`)).toEqual([
    'north oos-north.corp.contoso.com https://oos-north.corp.contoso.com/hosting/discovery/',
    'west oos-west.corp.contoso.com https://oos-west.corp.contoso.com/hosting/discovery/',
  ]);
  expect(doc.pools.filter((p) => p.officeOnlineServer).map((p) => `${p.fqdn} -> ${p.officeOnlineServer}`).sort()).toEqual([
    'pool-north.corp.contoso.com -> oos-north.corp.contoso.com',
    'pool-west.corp.contoso.com -> oos-west.corp.contoso.com',
  ]);
  expect(doc.warnings).toEqual([]);
});

test('day 2: a new gateway and a new branch site add lines and remove none (but the empty RemoteSites that now holds the branch)', () => {
  const lines = (xml: string) => xml.split('\n').reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const before = lines(buildVoiceTopology(testStack()).deployment.topologyDocument());
  const example = buildVoiceTopology(testStack());
  new PstnGateway(example.west, 'gateway-2', { fqdn: 'gw-west-2.corp.fabrikam.com', address: '192.168.10.6', mediationPool: example.west.node.findChild('mediation') as MediationPool });
  new BranchSite(example.deployment, 'oslo', { centralSite: example.north });
  const after = lines(example.deployment.topologyDocument());
  expect([...before].filter(([l, n]) => (after.get(l) ?? 0) < n)).toEqual([['          <RemoteSites />', 1]]);
  const added = [...after.keys()].filter((l) => !before.has(l)).join('\n');
  for (const text of ['Fqdn="gw-west-2.corp.fabrikam.com"', 'IPAddress="192.168.10.6"', 'RoleName="PstnGateway"', '<BranchSite SiteId="4">', '>oslo</Name>']) expect(added).toContain(text);
});

describe('the runbook', () => {
  test('tells how to publish topology.tbxml, naming the Central Management Store', () => {
    const { deployment } = buildReferenceTopology(testStack());
    const text = section(deployment.runbook(), 'Publishing the topology');
    const model = deployment.plan() as TopologyModel;
    const cmsStore = model.backEnds.find((b) => b.path === model.frontEndPools.find((p) => p.hostsCentralManagementStore)!.backEndPath)!.storeFqdn;
    expect(text).toContain('`Publish-CsTopology -FileName topology.tbxml`');
    expect(text).toContain(`Install-CsDatabase -CentralManagementDatabase -SqlServerFqdn ${cmsStore}`);
    // Azure's public IPs are NAT'd: the admin enters each A/V public address the document cannot know.
    expect(text).toContain(`public A/V address of each Edge server of ${model.edgePools.map((e) => e.internalFqdn).join(', ')} (the Edge pool's \`av_public_ips\` Terraform output`);
  });
});

test('the runbook names the local rtc instance when a Standard Edition server holds the CMS', () => {
  const stack = testStack();
  const deployment = importTopologyDocument(stack, 'otc', readTopologyDocument(readFileSync(join(__dirname, '..', 'fixtures', 'topology', 'otc.tbxml'), 'utf8')), {
    sites: { OTC: { location: 'westeurope', addressSpace: '10.10.0.0/16' } },
  });
  expect(section(deployment.runbook(), 'Publishing the topology')).toContain('`Install-CsDatabase -CentralManagementDatabase -SqlServerFqdn oct-exh-002.otc.lab -SqlInstanceName rtc`');
});
