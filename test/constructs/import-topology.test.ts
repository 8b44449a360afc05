/**
 * importTopologyDocument: a real document becomes a deployment whose findings say what HA/DR needs;
 * the exported document of an imported deployment reads back to the same pools and machine counts.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  CentralSite,
  FrontEndPool,
  importTopologyDocument,
  PairedPools,
  PoolEdition,
  ProductVersion,
  readTopologyDocument,
  SupportPosture,
  validateTopology,
} from '../../lib';
import { DocumentPoolRole } from '../../lib/experimental';
import { Testing } from '../../lib/cdktf';
import { EVALUATION_DATE, testStack } from '../helpers';
import { Construct } from 'constructs';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { buildLync2013Topology } from '../../examples/lync2013/topology';
import { buildVoiceTopology } from '../../examples/voice/topology';
import { OfficeOnlineServerFarm } from '../../lib';

const fixture = (name: string) => readTopologyDocument(readFileSync(join(__dirname, '..', 'fixtures', 'topology', name), 'utf8'));
const common = { supportPosture: SupportPosture.ACCEPTED_RISK, evaluationDate: EVALUATION_DATE };
const pools = (doc: ReturnType<typeof readTopologyDocument>) =>
  doc.pools.filter((p) => BUILT.includes(p.role)).map((p) => `${p.role} ${p.fqdn.toLowerCase()} x${p.machines.length}`).sort();
const BUILT = [
  DocumentPoolRole.FRONT_END, DocumentPoolRole.STANDARD_EDITION, DocumentPoolRole.EDGE, DocumentPoolRole.DIRECTOR, DocumentPoolRole.MEDIATION,
  DocumentPoolRole.PERSISTENT_CHAT, DocumentPoolRole.OFFICE_ONLINE_SERVER, DocumentPoolRole.PSTN_GATEWAY, DocumentPoolRole.SURVIVABLE_BRANCH,
];
/** What a document says beyond its pools, with the library's own names (SQL servers) left out. */
const facts = (doc: ReturnType<typeof readTopologyDocument>) => ({
  pairings: doc.pairings.map((p) => [p.primary, p.backup].sort().join(' <-> ')).sort(),
  sites: doc.sites.map((s) => s.name),
  stores: doc.sqlInstances.map((i) => `${i.site} ${i.alwaysOnPrimaryNodeFqdn ? 'AlwaysOn' : i.mirrorFqdn ? `mirrored${i.witnessFqdn ? ' with witness' : ''}` : 'single'} ${i.stores.join(',')}`).sort(),
  officeOnline: doc.pools.filter((p) => p.officeOnlineServer).map((p) => `${p.fqdn} -> ${p.officeOnlineServer}`).sort(),
  gateways: doc.pools.filter((p) => p.role === DocumentPoolRole.PSTN_GATEWAY).map((p) => `${p.site} ${p.fqdn} ${p.mediationPool} ${p.gatewayAddress}:${p.gatewayPort} ${p.gatewayTransport}`).sort(),
  branches: doc.branchSites.map((b) => `${b.name} in ${b.centralSite}`),
  survivable: doc.pools.filter((p) => p.role === DocumentPoolRole.SURVIVABLE_BRANCH).map((p) => `${p.site} ${p.fqdn} backup ${p.backupRegistrar}`).sort(),
  chat: doc.pools.filter((p) => p.role === DocumentPoolRole.PERSISTENT_CHAT).map((p) => `${p.fqdn} home ${p.nextHop}`).sort(),
  edges: doc.pools.filter((p) => p.role === DocumentPoolRole.EDGE).map((p) => `${p.fqdn} next hop ${p.nextHop} federation ${p.federation === true} XMPP ${p.xmppFederation === true} NAT ${p.externalNat === true}`).sort(),
});

describe('importTopologyDocument on the one-site Contoso.tbxml', () => {
  const doc = fixture('contoso.tbxml');
  const stack = testStack();
  const deployment = importTopologyDocument(stack, 'contoso', doc, { ...common, sites: { Contoso: { location: 'westeurope', addressSpace: '10.10.0.0/16' } } });

  test('builds the site and the pools with the document\'s FQDNs and server counts', () => {
    const plan = deployment.plan();
    expect(deployment.productVersion).toBe(ProductVersion.SKYPE_FOR_BUSINESS_2015);
    expect(plan.sites.map((s: { name: string; location: string }) => `${s.name} ${s.location}`)).toEqual(['contoso westeurope']);
    expect(plan.frontEndPools.map((p: { fqdn: string; servers: unknown[]; collocatedMediation: boolean }) => `${p.fqdn} x${p.servers.length} ${p.collocatedMediation}`)).toEqual(['frontendpool.contoso.com x4 true']);
    expect(plan.edgePools.map((p: { internalFqdn: string; servers: unknown[] }) => `${p.internalFqdn} x${p.servers.length}`)).toEqual(['edgepool.contoso.com x3']);
  });

  test('its findings name what HA/DR needs: a paired pool, a standby CMS, Back End HA, a second Edge next hop', () => {
    const findings = validateTopology(stack);
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['DR-1', 'PAIR-12', 'BE-20', 'EDGE-30']));
    expect(findings.find((f) => f.ruleId === 'DR-1')!.message).toMatch(/^frontendpool.contoso.com has no paired pool/);
  });

  test('what it does not build is a warning annotation, never dropped silently', () => {
    const warnings = deployment.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/Office Online Server xOffice1.contoso.com is built as a farm of the library's default size/),
      expect.stringMatching(/SQL store xSQL1.contoso.com is built as test\/contoso\/contoso\/backend-xsql1 \(stand-alone\)/),
      expect.stringMatching(/File store pool xFile2.contoso.com \(line \d+\) is not imported/),
    ]));
  });

  test('round trip: the exported document reads back to the same pools and machine counts', () => {
    expect(pools(readTopologyDocument(deployment.topologyDocument()))).toEqual(pools(doc));
  });
});

describe('importTopologyDocument then adding what DR needs', () => {
  test('a second site and a pairing clear DR-1 for the pools', () => {
    const stack = testStack();
    const deployment = importTopologyDocument(stack, 'otc', fixture('otc.tbxml'), { ...common, sites: { OTC: { location: 'westeurope', addressSpace: '10.10.0.0/16' } } });
    expect(validateTopology(stack).map((f) => f.ruleId)).toContain('DR-1');
    const imported = deployment.node.findChild('otc').node.findChild('oct-exh-002') as FrontEndPool;
    expect(imported.fqdn).toBe('oct-exh-002.otc.lab');
    const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });
    const backup = new FrontEndPool(north, 'pool', { fqdn: 'se-north.otc.lab', edition: PoolEdition.STANDARD, frontEndServers: 1 });
    new PairedPools(deployment, 'pair', { primary: imported, backup });
    expect(validateTopology(stack).filter((f) => f.ruleId === 'DR-1')).toEqual([]);
    const pairings = readTopologyDocument(deployment.topologyDocument()).pairings.map((p) => [p.primary, p.backup].sort().join(' <-> '));
    expect(pairings).toEqual(['oct-exh-002.otc.lab <-> se-north.otc.lab']);
  });

  test('a published topology imports too (its AlwaysOn store becomes an AlwaysOn back end)', () => {
    const stack = testStack();
    const deployment = importTopologyDocument(stack, 'tenant', fixture('rlevchenko-default-topology.xml'), { ...common, productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sites: { Tenant: { location: 'westeurope', addressSpace: '10.30.0.0/16' } } });
    expect(deployment.plan().backEnds.map((b: { mode: string }) => b.mode)).toEqual(['always-on-availability-group']);
  });
});

test('pools whose FQDNs share a first label get distinct construct IDs', () => {
  const xml = readFileSync(join(__dirname, '..', 'fixtures', 'topology', 'contoso.tbxml'), 'utf8').replace(/edgepool\.contoso\.com/g, 'frontendpool.edge.contoso.com');
  const deployment = importTopologyDocument(testStack(), 'contoso', readTopologyDocument(xml), { ...common, sites: { Contoso: { location: 'westeurope', addressSpace: '10.10.0.0/16' } } });
  expect(deployment.node.findChild('contoso').node.children.map((c) => c.node.id)).toEqual(expect.arrayContaining(['frontendpool', 'frontendpool-2']));
});

describe('importTopologyDocument refuses what it cannot build, naming the fix', () => {
  const doc = fixture('contoso.tbxml');
  test('a document site without an Azure mapping', () => {
    expect(() => importTopologyDocument(Testing.app(), 'x', doc, { sites: {} })).toThrow(/options.sites has no entry for document site "Contoso"; add sites: \{ 'Contoso': \{ location/);
  });
  test('a mapping for a site the document does not have', () => {
    expect(() => importTopologyDocument(Testing.app(), 'x', doc, { sites: { Contoso: { location: 'westeurope', addressSpace: '10.10.0.0/16' }, Fabrikam: { location: 'northeurope', addressSpace: '10.20.0.0/16' } } })).toThrow(
      /options.sites names "Fabrikam", which the document has no site of; its sites are "Contoso"/,
    );
  });
  test('an option or site option it does not know', () => {
    const sites = { Contoso: { location: 'westeurope', addressSpace: '10.10.0.0/16' } };
    expect(() => importTopologyDocument(Testing.app(), 'x', doc, { sites, productVersoin: '2015' } as never)).toThrow(/options.productVersoin is not an option; the options are sites, productVersion/);
    expect(() => importTopologyDocument(Testing.app(), 'x', doc, { sites: { Contoso: { ...sites.Contoso, zones: ['1'] } } } as never)).toThrow(/options.sites\['Contoso'\].zones is not an option; the options are location, addressSpace, availabilityZones/);
  });
  test('a document that does not say its product version', () => {
    expect(() => importTopologyDocument(Testing.app(), 'x', { ...doc, serviceVersion: 0 }, { sites: { Contoso: { location: 'westeurope', addressSpace: '10.10.0.0/16' } } })).toThrow(/give options.productVersion/);
  });
});

describe.each([
  ['reference', (s: Construct) => buildReferenceTopology(s).deployment],
  ['sfb2015', (s: Construct) => buildSfb2015Topology(s).deployment],
  ['lync2013', (s: Construct) => buildLync2013Topology(s).deployment],
  ['voice', (s: Construct) => buildVoiceTopology(s).deployment],
  ['reference with an Office Online Server farm', (s: Construct) => {
    const example = buildReferenceTopology(s);
    example.westPool.associateOfficeOnlineServer(new OfficeOnlineServerFarm(example.west, 'oos', { fqdn: 'oos-west.corp.contoso.com' }));
    return example.deployment;
  }],
])('the %s example, exported, imported and exported again', (_name, build) => {
  const deployment = build(testStack());
  const original = readTopologyDocument(deployment.topologyDocument());
  const locations = ['westeurope', 'northeurope', 'swedencentral'];
  const sites = Object.fromEntries(original.sites.map((s, i) => [s.name, { location: locations[i], addressSpace: `10.${(i + 1) * 10}.0.0/16` }]));
  const imported = importTopologyDocument(testStack(), 'contoso', original, { ...common, productVersion: deployment.productVersion, sites });
  const again = readTopologyDocument(imported.topologyDocument());

  test('reads back to the same pools and machine counts', () => {
    expect(pools(again)).toEqual(pools(original));
  });

  test('reads back to the same pairings, stores and their HA, Office Online associations, gateways, branches and Edge options', () => {
    expect(facts(again)).toEqual(facts(original));
  });

  test('reads back with nothing unknown', () => {
    expect([again.unknown, again.warnings]).toEqual([[], []]);
  });
});

describe('importTopologyDocument on what the library exports for mirroring, chat and voice', () => {
  const sites = (doc: ReturnType<typeof readTopologyDocument>) => Object.fromEntries(doc.sites.map((s, i) => [s.name, { location: ['westeurope', 'northeurope'][i], addressSpace: `10.${(i + 1) * 10}.0.0/16` }]));
  const warnings = (d: { node: { metadata: { type: string; data: unknown }[] } }) => d.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));

  test('a mirrored store becomes a MirroredBackEnd with a witness', () => {
    const doc = readTopologyDocument(buildLync2013Topology(testStack()).deployment.topologyDocument());
    const deployment = importTopologyDocument(testStack(), 'x', doc, { ...common, productVersion: ProductVersion.LYNC_SERVER_2013, sites: sites(doc) });
    expect(deployment.plan().backEnds.map((b: { mode: string; witnessServer?: unknown }) => `${b.mode} ${b.witnessServer !== undefined}`)).toEqual(['mirroring true', 'mirroring true']);
    expect(warnings(deployment)).toEqual(expect.arrayContaining([expect.stringMatching(/SQL store \S+ is built as \S+ \(mirrored with \S+, witness \S+\)/)]));
  });

  test('a gateway the document gives no address is a warning, not a guess', () => {
    const xml = buildVoiceTopology(testStack()).deployment.topologyDocument().replace('IPAddress="192.168.10.5"', 'IPAddress="0.0.0.0"');
    const doc = readTopologyDocument(xml);
    const deployment = importTopologyDocument(testStack(), 'x', doc, { ...common, sites: sites(doc) });
    expect(deployment.plan().voice.peers.map((p: { fqdn: string }) => p.fqdn)).not.toContain('gw-west.corp.fabrikam.com');
    expect(warnings(deployment)).toContainEqual(expect.stringMatching(/PSTN gateway gw-west.corp.fabrikam.com \(line \d+\) is not imported: the document gives it no address; add it with new PstnGateway/));
  });

  test('a survivable branch is an appliance with no users, and says so', () => {
    const doc = readTopologyDocument(buildVoiceTopology(testStack()).deployment.topologyDocument());
    const deployment = importTopologyDocument(testStack(), 'x', doc, { ...common, sites: sites(doc) });
    expect(deployment.plan().voice.survivableBranches.map((b: { kind: string; users: number; fqdn: string }) => `${b.fqdn} ${b.kind} ${b.users}`)).toEqual(['sba-redmond.corp.fabrikam.com appliance 0']);
    expect(warnings(deployment)).toContainEqual(expect.stringMatching(/survivable branch sba-redmond.corp.fabrikam.com is built as a Survivable Branch Appliance with 0 users/));
  });
});
