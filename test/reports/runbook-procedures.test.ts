/**
 * Catalog rules whose status says "in the runbook" are in the runbook (docs/rules.md prints the status
 * text): FE-9 (restarting a two-server pool) and FE-18 (adding or removing Front End servers); and
 * the step that repoints an Edge pool whose next hop is a lost Director pool.
 */
import { ProductVersion } from '../../lib';
import { DirectorPool, PairedPools, renderRunbook } from '../../lib/experimental';
import { ALL_STATUS } from '../../lib/rules';
import { aRecordValues } from '../../lib/model/queries';
import { RuleStatusKind } from '../../lib/rules/rule';
import { testEdge } from '../edge-helpers';
import { modelOf, testPool, testSite } from '../helpers';
import { section, subsection } from '../runbook-sections';

const runbookOf = (frontEndServers: number) => renderRunbook(modelOf(({ deployment }) => void testPool(testSite(deployment, 'west'), 'pool', { frontEndServers })));
const statusOf = (id: string) => ALL_STATUS.find((s) => s.id === id)!;

describe('FE-9: a two-server pool restarts as a pair', () => {
  test('the Restore steps of a two-server pool give the order and the QuorumLossRecovery reset', () => {
    const restore = subsection(section(runbookOf(2), 'Front End pool pool-west.corp.contoso.com'), 'Restore');
    expect(restore).toMatch(/Two Front End servers \(FE-9\).*if pool-west-1 stopped first, start pool-west-2 first/);
    expect(restore).toContain('Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery -PoolFQDN pool-west.corp.contoso.com');
  });

  test('a pool of three has no such step', () => {
    expect(subsection(section(runbookOf(3), 'Front End pool pool-west.corp.contoso.com'), 'Restore')).not.toContain('FE-9');
  });

  test('the FE-18 section points to it where a pool can go to two servers (not 2019: VER-5)', () => {
    const fe18 = (productVersion: ProductVersion) => section(renderRunbook(modelOf(({ deployment }) => void testPool(testSite(deployment, 'west'), 'pool'), { productVersion })), 'Adding or removing Front End servers (FE-18)');
    expect(fe18(ProductVersion.SKYPE_FOR_BUSINESS_2015)).toContain('A pool of two then restarts as a pair, as its "Restore" steps say (FE-9).');
    expect(fe18(ProductVersion.SKYPE_FOR_BUSINESS_2019)).not.toContain('FE-9');
  });

  test('its status says the runbook has it, and where', () => {
    expect(statusOf('FE-9')).toMatchObject({ status: RuleStatusKind.IN_RUNBOOK });
    expect(statusOf('FE-9').note).toMatch(/"Restore" steps of every 2-server Enterprise pool/);
  });
});

describe('FE-18: adding or removing Front End servers', () => {
  const text = section(runbookOf(3), 'Adding or removing Front End servers (FE-18)');

  test('restarts the pool\'s Front Ends one at a time, by name, and resets the pool when it was down', () => {
    expect(text).toContain('one at a time');
    expect(text).toContain('pool-west.corp.contoso.com: pool-west-1, pool-west-2, pool-west-3');
    expect(text).toContain('Reset-CsPoolRegistrarState -ResetType ServiceReset -PoolFQDN pool-west.corp.contoso.com');
    expect(text).toContain('Reset-CsPoolRegistrarState -ResetType FullReset -PoolFqdn pool-west.corp.contoso.com');
  });

  test('the section its status names is a heading of the runbook', () => {
    const named = /"([^"]+\(FE-18\))"/.exec(statusOf('FE-18').note)![1];
    expect(runbookOf(3)).toContain(`\n## ${named}\n`);
  });
});

describe('an Edge pool whose next hop is a Director pool: the runbook repoints it when the Director is lost', () => {
  function runbook(directorsInWest: number) {
    return renderRunbook(modelOf(({ deployment }) => {
      const west = testSite(deployment, 'west');
      const north = testSite(deployment, 'north');
      const westPool = testPool(west);
      testPool(north);
      const directors = Array.from({ length: directorsInWest }, (_, i) => new DirectorPool(west, `dir${i + 1}`, { fqdn: `dir${i + 1}-west.corp.contoso.com` }));
      testEdge(west, directors[0] ?? westPool, 'edge');
    }));
  }

  test('to another Director of its site through Topology Builder, and back', () => {
    const text = subsection(section(runbook(2), 'Edge pool edge-west.corp.contoso.com'), 'If its next hop dir1-west.corp.contoso.com is lost');
    expect(text).toContain('Repoint the next hop of edge-west.corp.contoso.com to Director pool dir2-west.corp.contoso.com (same site): in Topology Builder');
    expect(text).toContain('lync-server-2013-failing-over-a-pool.md');
    expect(text).toMatch(/point the next hop back: in Topology Builder, Edge pool edge-west.corp.contoso.com, Edit Properties, Next Hop, select dir1-west.corp.contoso.com/);
  });

  test('else to a Front End pool of its site', () => {
    const text = subsection(section(runbook(1), 'Edge pool edge-west.corp.contoso.com'), 'If its next hop dir1-west.corp.contoso.com is lost');
    expect(text).toContain('to Front End pool pool-west.corp.contoso.com (same site)');
  });

  test('an Edge pool whose next hop is a Front End pool has no such subsection', () => {
    expect(runbook(0)).not.toContain('If its next hop');
  });
});

describe('EDGE-20: an Edge server outside the domain gets its DNS suffix and its next hop', () => {
  const model = modelOf(({ deployment }) => {
    const west = testSite(deployment, 'west');
    testEdge(west, testPool(west), 'edge');
  });
  const text = section(renderRunbook(model), 'Edge pool edge-west.corp.contoso.com');

  test('the primary DNS suffix is the domain of the servers\' topology FQDNs', () => {
    const edge = model.edgePools[0];
    expect(text).toContain('set the primary DNS suffix to `corp.contoso.com`');
    expect(text).toContain(`(${edge.servers.map((s) => s.fqdn).join(', ')})`);
    expect(text).toContain('ms.lync.tb.AddEdgeMachineInternalIpPage.md');
  });

  test('the HOSTS fallback lists the addresses the private zone gives the next hop', () => {
    const addresses = aRecordValues(model, 'private', 'pool-west.corp.contoso.com')!;
    expect(addresses.length).toBe(model.frontEndPools[0].servers.length);
    for (const ip of addresses) expect(text).toContain(`\`${ip} pool-west.corp.contoso.com\``);
    expect(text).toContain('Resolve-DnsName pool-west.corp.contoso.com');
  });
});

describe('failback copies the users\' conference content back (configuring-and-monitoring-the-backup-service.md)', () => {
  const runbook = renderRunbook(modelOf(({ deployment }) => {
    const west = testPool(testSite(deployment, 'west'));
    new PairedPools(deployment, 'pair', { primary: west, backup: testPool(testSite(deployment, 'north')) });
  }));

  test('from the backup pool, with the status check that says when it is done', () => {
    const failback = subsection(section(runbook, 'Front End pool pool-west.corp.contoso.com'), 'Failback of pool-west.corp.contoso.com');
    expect(failback).toContain('Invoke-CsBackupServiceSync -PoolFqdn pool-north.corp.contoso.com -BackupModule ConfServices.DataConf');
    expect(failback).toContain('Get-CsBackupServiceStatus -PoolFqdn pool-north.corp.contoso.com -BackupModule ConfServices.DataConf');
    // After the users are back, not before.
    expect(failback.indexOf('ConfServices.DataConf')).toBeGreaterThan(failback.indexOf('Invoke-CsPoolFailback'));
  });
});
