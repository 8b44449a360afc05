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

const fixture = (name: string) => readTopologyDocument(readFileSync(join(__dirname, '..', 'fixtures', 'topology', name), 'utf8'));
const common = { supportPosture: SupportPosture.ACCEPTED_RISK, evaluationDate: EVALUATION_DATE };
const pools = (doc: ReturnType<typeof readTopologyDocument>) =>
  doc.pools.filter((p) => [DocumentPoolRole.FRONT_END, DocumentPoolRole.STANDARD_EDITION, DocumentPoolRole.EDGE, DocumentPoolRole.DIRECTOR, DocumentPoolRole.MEDIATION].includes(p.role)).map((p) => `${p.role} ${p.fqdn.toLowerCase()} x${p.machines.length}`).sort();

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
      expect.stringMatching(/Office Online Server pool xOffice1.contoso.com \(line \d+\) is not imported/),
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
])('the %s example, exported, imported and exported again', (_name, build) => {
  test('reads back to the same pools, machine counts and pairings', () => {
    const original = readTopologyDocument(build(testStack()).topologyDocument());
    const locations = ['westeurope', 'northeurope', 'swedencentral'];
    const sites = Object.fromEntries(original.sites.map((s, i) => [s.name, { location: locations[i], addressSpace: `10.${(i + 1) * 10}.0.0/16` }]));
    const imported = importTopologyDocument(testStack(), 'contoso', original, { ...common, sites });
    const again = readTopologyDocument(imported.topologyDocument());
    const pairs = (doc: typeof original) => doc.pairings.map((p) => [p.primary, p.backup].sort().join(' <-> ')).sort();
    expect(pools(again)).toEqual(pools(original));
    expect(pairs(again)).toEqual(pairs(original));
    expect(again.sites.map((s) => s.name)).toEqual(original.sites.map((s) => s.name));
  });
});
