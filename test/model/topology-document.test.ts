/**
 * Reading real topology documents (test/fixtures/topology/README.md says where each comes from) and
 * refusing bad ones with a message that names the line and the element.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DocumentPoolRole, readTopologyDocument, TopologyDocument } from '../../lib';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'topology', name), 'utf8');
const summary = (doc: TopologyDocument) => doc.pools.map((p) => `${p.site}: ${p.role} ${p.fqdn} x${p.machines.length}`);

describe('readTopologyDocument on a Topology Builder file (AutomatedLab Contoso.tbxml)', () => {
  const doc = readTopologyDocument(fixture('contoso.tbxml'));

  test('reads the site and every cluster as a pool with its role and machine count', () => {
    expect(doc.format).toBe('topology-builder');
    expect(doc.sites).toEqual([{ name: 'Contoso', siteId: '1' }]);
    expect(summary(doc)).toEqual([
      'Contoso: Front End frontendpool.contoso.com x4',
      'Contoso: Edge edgepool.contoso.com x3',
      'Contoso: Office Online Server xOffice1.contoso.com x1',
      'Contoso: SQL store xSQL1.contoso.com x1',
      'Contoso: File store xFile1.contoso.com x1',
      'Contoso: File store xFile2.contoso.com x1',
    ]);
  });

  test('a single-machine cluster whose Machine has no FQDN is the cluster FQDN', () => {
    expect(doc.pools.find((p) => p.fqdn === 'xSQL1.contoso.com')!.machines).toEqual(['xSQL1.contoso.com']);
  });

  test('follows the dependencies: back end, file store, Edge for media, Edge next hop, collocated Mediation', () => {
    const pool = doc.pools[0];
    expect([pool.backEnd, pool.fileStore, pool.edgePool]).toEqual(['xSQL1.contoso.com', 'xFile1.contoso.com', 'edgepool.contoso.com']);
    expect(pool.services).toContain('MediationServer');
    const edge = doc.pools[1];
    expect(edge.nextHop).toBe('frontendpool.contoso.com');
    expect([edge.accessEdgeFqdn, edge.webConferencingEdgeFqdn, edge.audioVideoEdgeFqdn, edge.accessEdgePort]).toEqual(['ExternalEdge.contoso.com', 'ExternalEdge.contoso.com', 'ExternalEdge.contoso.com', 5061]);
    expect(doc.dependencies).toContainEqual({ service: 'EdgeServer', pool: 'edgepool.contoso.com', dependsOn: 'Registrar', onPool: 'frontendpool.contoso.com', usage: 'Default' });
  });

  test('reads the Edge pool\'s federation port and NAT, the Office Web Apps Server and its pool association', () => {
    const edge = doc.pools[1];
    // The external interfaces carry ConfiguredIPAddress (NAT) and the Access Edge has its external 5061 SipServer port.
    expect([edge.federation, edge.externalNat]).toEqual([true, true]);
    expect(doc.pools[2].discoveryUrl).toBe('https://xOffice1.contoso.com/hosting/discovery/');
    expect(doc.pools[0].officeOnlineServer).toBe('xOffice1.contoso.com');
  });

  test('reads SQL instances, file shares, simple URLs and SIP domains, with nothing unknown', () => {
    expect(doc.sqlInstances).toEqual([{ fqdn: 'xSQL1.contoso.com', instance: '', site: 'Contoso', stores: ['ApplicationStore', 'ArchivingStore', 'MonitoringStore', 'UserStore'] }]);
    expect(doc.fileShares.map((s) => `${s.fqdn}\\${s.shareName}`)).toEqual(['xFile1.contoso.com\\Data1', 'xFile2.contoso.com\\Data2']);
    expect(doc.simpleUrls.map((u) => `${u.component} ${u.domain} ${u.url}`)).toEqual(['Dialin * https://dialin.contoso.com', 'Meet contoso.com https://meet.contoso.com']);
    expect([doc.defaultSipDomain, doc.sipDomains]).toEqual(['contoso.com', ['contoso.com']]);
    expect([doc.unknown, doc.warnings, doc.pairings]).toEqual([[], [], []]);
  });
});

describe('readTopologyDocument on a Standard Edition Topology Builder file (OTC.tbxml)', () => {
  test('one Standard Edition pool: its SQL instance, file share and Mediation are on the same machine', () => {
    const doc = readTopologyDocument(fixture('otc.tbxml'));
    expect(summary(doc)).toEqual(['OTC: Standard Edition OCT-EXH-002.otc.lab x1']);
    expect(doc.sqlInstances).toEqual([{ fqdn: 'OCT-EXH-002.otc.lab', instance: 'rtc', site: 'OTC', stores: ['ApplicationStore', 'UserStore'] }]);
    expect(doc.fileShares).toEqual([{ fqdn: 'OCT-EXH-002.otc.lab', shareName: 'csshare', site: 'OTC' }]);
    expect(doc.pools[0].backEnd).toBeUndefined();
  });
});

describe('readTopologyDocument on a published topology (rlevchenko DefaultTopology.xml)', () => {
  const doc = readTopologyDocument(fixture('rlevchenko-default-topology.xml'));

  test('resolves ClusterId and ServiceId references into the same pools', () => {
    expect(doc.format).toBe('published');
    expect(doc.sites).toEqual([{ name: 'Tenant', siteId: '1' }]);
    expect(summary(doc)).toEqual([
      'Tenant: Front End poolfe.tenant.rlevchenko.com x1',
      'Tenant: SQL store srv-sql-01.tenant.rlevchenko.com x1',
      'Tenant: File store tenant.rlevchenko.com x1',
      'Tenant: Office Online Server srv-owa-01.tenant.rlevchenko.com x1',
    ]);
    expect(doc.pools[0].machines).toEqual(['SKYPE-FE-01.tenant.rlevchenko.com']);
  });

  test('reads the Office Web Apps Server with its discovery URL and the pool\'s ConfServices dependency on it', () => {
    expect(doc.pools.find((p) => p.role === DocumentPoolRole.OFFICE_ONLINE_SERVER)!.discoveryUrl).toBe('https://srv-owa-01.tenant.rlevchenko.com/hosting/discover/');
    expect(doc.pools[0].officeOnlineServer).toBe('srv-owa-01.tenant.rlevchenko.com');
  });

  test('reads the mirroring attributes of a SQL instance as in a Topology Builder file', () => {
    const xml = fixture('rlevchenko-default-topology.xml').replace('<SqlInstance AlwaysOnPrimaryNodeFqdn="srv-sql-01.tenant.rlevchenko.com">', '<SqlInstance MirrorSqlServerFqdn="srv-sql-02.tenant.rlevchenko.com" WitnessSqlServerFqdn="srv-sqlw-01.tenant.rlevchenko.com">');
    expect(readTopologyDocument(xml).sqlInstances.map((i) => [i.mirrorFqdn, i.witnessFqdn, i.alwaysOnPrimaryNodeFqdn])).toEqual([['srv-sql-02.tenant.rlevchenko.com', 'srv-sqlw-01.tenant.rlevchenko.com', undefined]]);
  });

  test('reads the AlwaysOn primary, the CMS location and the pool\'s stores', () => {
    expect(doc.sqlInstances).toEqual([
      { fqdn: 'srv-sql-01.tenant.rlevchenko.com', instance: '', site: 'Tenant', stores: ['ApplicationStore', 'CentralMgmtStore', 'UserStore'], alwaysOnPrimaryNodeFqdn: 'srv-sql-01.tenant.rlevchenko.com' },
    ]);
    const pool = doc.pools[0];
    expect([pool.centralManagement, pool.backEnd, pool.fileStore]).toEqual([true, 'srv-sql-01.tenant.rlevchenko.com', 'tenant.rlevchenko.com']);
    expect(doc.fileShares).toEqual([{ fqdn: 'tenant.rlevchenko.com', shareName: 'skype', site: 'Tenant' }]);
  });
});

describe('readTopologyDocument refuses bad documents with the line and the element', () => {
  const contoso = fixture('contoso.tbxml');

  test('a truncated file names the element it ends in', () => {
    const cut = contoso.slice(0, contoso.indexOf('<Service UniqueId="206387dd'));
    expect(() => readTopologyDocument(cut)).toThrow(/malformed XML, line \d+: the document ends inside <Services> opened on line \d+: it is truncated/);
  });

  test('a file cut inside a tag says so', () => {
    expect(() => readTopologyDocument(contoso.slice(0, contoso.indexOf('Fqdn="edgepool')))).toThrow(/<Cluster> never closed: the document is truncated/);
  });

  test('a wrong root names the root and the two that are allowed', () => {
    expect(() => readTopologyDocument('<?xml version="1.0"?>\n<Configuration xmlns="urn:other"/>')).toThrow(
      /the root element is <Configuration> in namespace urn:other \(line 2\); a topology document's root is <TopologyBuilder> .* or <Topology>/,
    );
  });

  test('mismatched tags, unknown entities, duplicate attributes and a DOCTYPE fail with their line', () => {
    expect(() => readTopologyDocument('<Topology>\n<Sites></Clusters>\n</Topology>')).toThrow('line 2: </Clusters> does not close <Sites> opened on line 2');
    expect(() => readTopologyDocument('<Topology>\n<Name>a &nbsp; b</Name></Topology>')).toThrow(/line 2: unknown entity &nbsp; inside <Name>/);
    expect(() => readTopologyDocument('<Topology a="1" a="2"/>')).toThrow('line 1: <Topology>: attribute a given twice');
    expect(() => readTopologyDocument('<!DOCTYPE x [<!ENTITY e "boom">]>\n<Topology/>')).toThrow(/no DOCTYPE or DTD/);
  });

  test('two pools with one FQDN are refused, naming both lines', () => {
    const twice = contoso.replace('Fqdn="xFile2.contoso.com"', 'Fqdn="XFILE1.contoso.com"');
    expect(() => readTopologyDocument(twice)).toThrow(/FQDN XFILE1.contoso.com names two pools, on line 77 and on line 83/);
  });

  test('a machine in two pools is refused', () => {
    const twice = contoso.replace('<Machine Fqdn="xedge3.contoso.com">', '<Machine Fqdn="xfrontend1.contoso.com">');
    expect(() => readTopologyDocument(twice)).toThrow(/machine xfrontend1.contoso.com is in pool frontendpool.contoso.com \(line 21\) and in pool edgepool.contoso.com/);
  });

  test('an unknown service role is kept and reported, and its pool is read as Other', () => {
    const doc = readTopologyDocument(contoso.replace('RoleName="WacService"', 'RoleName="VideoInteropServer"'));
    const pool = doc.pools.find((p) => p.fqdn === 'xOffice1.contoso.com')!;
    expect(pool.role).toBe(DocumentPoolRole.OTHER);
    expect(doc.unknown).toEqual([{ what: 'service VideoInteropServer', where: 'xOffice1.contoso.com', line: expect.any(Number), xml: expect.stringContaining('<WacService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" DiscoveryUrl="https://xOffice1.contoso.com/hosting/discovery/"') }]);
    expect(doc.warnings).toEqual([expect.stringMatching(/^service VideoInteropServer on xOffice1.contoso.com \(line \d+\) is not modelled/)]);
  });

  test('an unknown element of the topology is kept and reported', () => {
    const doc = readTopologyDocument(contoso.replace('<CentralSites>', '<TrustedApplications><App/></TrustedApplications>\n      <CentralSites>'));
    expect(doc.unknown.map((u) => [u.what, u.xml])).toEqual([['element TrustedApplications', '<TrustedApplications xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008"><App /></TrustedApplications>']]);
  });

  test('a branch site without a name is refused, naming it; anything else under RemoteSites is kept and reported', () => {
    const branch = (inner: string) => contoso.replace('<RemoteSites />', `<RemoteSites>${inner}</RemoteSites>`);
    expect(() => readTopologyDocument(branch('<BranchSite SiteId="2"><Clusters /></BranchSite>'))).toThrow(/<BranchSite> on line \d+ has no Name: every site is named in Topology Builder/);
    const doc = readTopologyDocument(branch('<BranchSite SiteId="2"><Name>Redmond</Name><Clusters /></BranchSite><SatelliteSite />'));
    expect(doc.branchSites).toEqual([{ name: 'Redmond', siteId: '2', centralSite: 'Contoso' }]);
    expect(doc.unknown.map((u) => `${u.what} ${u.where}`)).toEqual(['element SatelliteSite Contoso/RemoteSites']);
  });

  test('entities, CDATA and comments are read', () => {
    const doc = readTopologyDocument(
      contoso.replace('<Name xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">Contoso</Name>', '<!-- renamed --><Name>R&amp;D <![CDATA[<Lab>]]> &#x41;</Name>'),
    );
    expect(doc.sites[0].name).toBe('R&D <Lab> A');
  });
});
