import { EdgePoolModel, LoadBalancing, PairedPools, ProductVersion, renderRunbook, RUNBOOK_SECTIONS, ServerModel, ServerRole, TopologyModel, WindowsServerVersion } from '../../lib/experimental';
import { modelOf, testDeployment, testPool, testSite } from '../helpers';
import { section, subsection } from '../runbook-sections';

function pairedModel(productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015): TopologyModel {
  return modelOf(({ deployment }) => {
    const west = testPool(testSite(deployment, 'west'), 'pool', { hostsCentralManagementStore: true });
    const north = testPool(testSite(deployment, 'north'));
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
  }, { productVersion });
}

function edgeServer(site: string, n: number): ServerModel {
  return {
    path: `test/contoso/${site}/edge/servers/server${n}`,
    role: ServerRole.EDGE,
    computerName: `edge-${site}-${n}`,
    fqdn: `edge-${site}-${n}.corp.contoso.com`,
    failureDomain: String(n),
    vmSize: 'Standard_D8s_v5',
    os: WindowsServerVersion.WINDOWS_SERVER_2019,
    imageOffer: 'WindowsServer',
    nics: [],
    patchMode: 'Manual',
  };
}

/** An Edge pool model (EdgePool is another area's construct) in a site, next hop a pool. */
function edge(site: string, nextHopPath: string, extra: Partial<EdgePoolModel> = {}): EdgePoolModel {
  return {
    path: `test/contoso/${site}/edge`,
    sitePath: `test/contoso/${site}`,
    internalFqdn: `edge-${site}-int.corp.contoso.com`,
    accessEdgeFqdn: `sip-${site}.contoso.com`,
    webConferencingEdgeFqdn: `webconf-${site}.contoso.com`,
    audioVideoEdgeFqdn: `av-${site}.contoso.com`,
    nextHopPath,
    srvPriority: site === 'west' ? 10 : 20,
    srvWeight: 0,
    servers: [edgeServer(site, 1), edgeServer(site, 2)],
    loadBalancing: LoadBalancing.DNS,
    federation: false,
    xmppFederation: false,
    publicIpCount: 6,
    ...extra,
  };
}

/** Asserts the snippets appear in this order (each present). */
function expectOrder(text: string, snippets: string[]): void {
  const positions = snippets.map((s) => text.indexOf(s));
  positions.forEach((p, i) => expect([snippets[i], p >= 0]).toEqual([snippets[i], true]));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe('runbook: Front End pool failover and failback', () => {
  const base = pairedModel();
  const westPath = 'test/contoso/west/pool';
  const model: TopologyModel = { ...base, edgePools: [edge('west', westPath)] };
  const runbook = renderRunbook(model);
  const west = section(runbook, 'Front End pool pool-west.corp.contoso.com');
  const north = section(runbook, 'Front End pool pool-north.corp.contoso.com');

  test('a pool that hosts the CMS and is an Edge next hop: Edge first, then the CMS, then the users', () => {
    const failover = subsection(west, 'Failover to pool-north.corp.contoso.com');
    expectOrder(failover, [
      'Set-CsEdgeServer -Identity EdgeServer:edge-west-int.corp.contoso.com -Registrar Registrar:pool-north.corp.contoso.com',
      'Invoke-CsManagementServerFailover -BackupSqlServerFqdn north-sqlry-1.corp.contoso.com -Force',
      'Invoke-CsPoolFailover -PoolFQDN pool-west.corp.contoso.com -DisasterMode -Verbose',
    ]);
    // The store is a default instance: no instance parameter, never the literal "rtc" (issue 15).
    expect(failover).not.toMatch(/-BackupSqlInstanceName/);
  });

  test('its failback fails the users back, then repoints the Edge, and leaves the CMS', () => {
    const failback = subsection(west, 'Failback of pool-west.corp.contoso.com');
    expectOrder(failback, [
      'Invoke-CsPoolFailback -PoolFQDN pool-west.corp.contoso.com -Verbose',
      'Set-CsEdgeServer -Identity EdgeServer:edge-west-int.corp.contoso.com -Registrar Registrar:pool-west.corp.contoso.com',
      'may stay in pool-north.corp.contoso.com',
    ]);
  });

  test('a pool that is neither: no Edge repoint, no CMS failover, then the users', () => {
    const failover = subsection(north, 'Failover to pool-west.corp.contoso.com');
    expect(failover).not.toMatch(/Set-CsEdgeServer/);
    // The CMS lives in the pool the users fail over to: it is checked, never failed over from here.
    expect(failover).not.toMatch(/Invoke-CsManagementServerFailover -BackupSqlServerFqdn/);
    expectOrder(failover, [
      'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus',
      'The Central Management Store is hosted by pool-west.corp.contoso.com, the pool the users fail over to: it must be available',
      'Invoke-CsPoolFailover -PoolFQDN pool-north.corp.contoso.com -DisasterMode -Verbose',
    ]);
    expect(subsection(north, 'Failback of pool-north.corp.contoso.com')).toMatch(/Invoke-CsPoolFailback -PoolFQDN pool-north.corp.contoso.com -Verbose/);
  });

  test('an Edge next hop in the same site as another pool is repointed in Topology Builder', () => {
    const m = modelOf(({ deployment }) => {
      const site = testSite(deployment, 'west');
      const a = testPool(site, 'a');
      testPool(site, 'b');
      new PairedPools(deployment, 'pair', { primary: a, backup: testPool(testSite(deployment, 'north'), 'a') });
    });
    const text = renderRunbook({ ...m, edgePools: [edge('west', 'test/contoso/west/a')] });
    const failover = subsection(section(text, 'Front End pool a-west.corp.contoso.com'), 'Failover to');
    expect(failover).toMatch(/Repoint the next hop of Edge pool edge-west-int.corp.contoso.com to b-west.corp.contoso.com \(same site\): in Topology Builder/);
  });

  test('restores the back end first, then each Front End', () => {
    expectOrder(subsection(west, 'Restore'), ['west-sqlry-1', 'pool-west-1, pool-west-2, pool-west-3', 'Start-CsPool -PoolFqdn pool-west.corp.contoso.com', '3 of the 3 Front Ends']);
  });

  test('states the RTO and RPO of the product version', () => {
    expect(section(runbook, 'Recovery targets')).toMatch(/Pool failover and failback \| 15 to 20 minutes \| 5 minutes/);
    expect(section(renderRunbook(pairedModel(ProductVersion.LYNC_SERVER_2013)), 'Recovery targets')).toMatch(/Pool failover and failback \| 30 minutes \| 30 minutes/);
  });
});

describe('runbook: unpaired pools', () => {
  test('say there is no pool failover and keep the restore order', () => {
    const m = modelOf(({ deployment }) => testPool(testSite(deployment)));
    const text = section(renderRunbook(m), 'Front End pool pool-west.corp.contoso.com');
    expect(text).toMatch(/### No backup pool\n\nThe pool is not paired/);
    expect(text).toMatch(/hosts the Central Management Store: while it is down/);
    expect(text).not.toMatch(/Invoke-CsPoolFailover/);
    expect(renderRunbook(m)).not.toMatch(/## After pairing pools/);
  });
});

describe('runbook: Edge pool failover', () => {
  const base = pairedModel();
  const model: TopologyModel = {
    ...base,
    edgePools: [
      edge('west', 'test/contoso/west/pool', { federation: true, xmppFederation: true }),
      edge('north', 'test/contoso/north/pool'),
    ],
  };
  const text = section(renderRunbook(model), 'Edge pool edge-west-int.corp.contoso.com');

  test('moves the federation route, the XMPP route and the media association to the other site', () => {
    expectOrder(subsection(text, 'Failover to edge-north-int.corp.contoso.com'), [
      'Enable federation for this Edge pool (Port 5061)',
      'Set-CsSite north -XmppExternalFederationRoute edge-north-1.corp.contoso.com',
      '_xmpp-server._tcp.contoso.com',
      'Associate Front End pool pool-west.corp.contoso.com with edge-north-int.corp.contoso.com',
    ]);
  });

  test('fails back in the documented order, the local pool last', () => {
    expectOrder(subsection(text, 'Failback of edge-west-int.corp.contoso.com'), [
      'Start-CsWindowsService',
      'Move the federation route back',
      'Set-CsSite west -XmppExternalFederationRoute edge-west-1.corp.contoso.com',
      'Associate pool-west.corp.contoso.com with edge-west-int.corp.contoso.com again',
      'Invoke-CsPoolFailback -PoolFQDN pool-west.corp.contoso.com',
    ]);
  });

  test('a single Edge pool has no failover target', () => {
    const single = renderRunbook({ ...base, edgePools: [edge('west', 'test/contoso/west/pool')] });
    expect(section(single, 'Edge pool edge-west-int.corp.contoso.com')).toMatch(/There is no other Edge pool/);
  });

  test('EDGE-14: every Edge pool section says one exported certificate and private key for all its servers', () => {
    expect(text).toMatch(/External certificate \(EDGE-14\): one certificate, subject sip-west\.contoso\.com, with the same private key on every Edge server of the pool/);
    expect(text).toMatch(/export it with its private key, import it on each server; a rebuilt or added Edge server gets that exported certificate/);
    const single = renderRunbook({ ...base, edgePools: [edge('west', 'test/contoso/west/pool')] });
    expect(section(single, 'Edge pool edge-west-int.corp.contoso.com')).toMatch(/External certificate \(EDGE-14\)/);
  });

  test('Edge servers are restored member by member', () => {
    expect(section(renderRunbook(model), 'Restoring other pools')).toMatch(/Edge pool edge-north-int.corp.contoso.com: edge-north-1, edge-north-2/);
  });
});

describe('runbook composition', () => {
  test('other areas add a section with one line; empty sections are dropped', () => {
    const m = pairedModel();
    const text = renderRunbook(m, [...RUNBOOK_SECTIONS, () => '', (x) => `## Persistent Chat failover\n\n${x.chatPools.length} pools`]);
    expect(text.endsWith('## Persistent Chat failover\n\n0 pools\n')).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
  });

  test('SfbDeployment.runbook() renders the deployment\'s model, the same every time', () => {
    const { deployment } = testDeployment();
    const west = testPool(testSite(deployment, 'west'));
    new PairedPools(deployment, 'pair', { primary: west, backup: testPool(testSite(deployment, 'north')) });
    expect(deployment.runbook()).toBe(renderRunbook(deployment._toModel()));
    expect(deployment.runbook()).toBe(deployment.runbook());
    expect(deployment.runbook()).toMatch(/^# Disaster recovery runbook: test\/contoso\n/);
  });
});
