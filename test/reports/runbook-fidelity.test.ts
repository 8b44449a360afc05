/**
 * Issue 15 item 4: the runbook against failing-over-and-failing-back-a-pool.md, disaster-recovery.md and
 * user-experience.md, read as an operator would on the night: every cmdlet argument from the model,
 * the principal check of a mirrored back end, the LIS import, the web-services step, what users see,
 * one heading structure, FQDNs instead of construct paths.
 */
import { MirroredBackEnd, PairedPools, PoolEdition, SqlServerVersion } from '../../lib';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { chatTopology } from '../chat-helpers';
import { testDeployment, testPool, testSite, testStack } from '../helpers';
import { section, subsection } from '../runbook-sections';

function before(text: string, a: string, b: string): boolean {
  return text.includes(a) && text.includes(b) && text.indexOf(a) < text.indexOf(b);
}

const REFERENCE = (() => {
  const { deployment } = buildReferenceTopology(testStack());
  return { deployment, runbook: deployment.runbook() };
})();

/** The 2015 legacy example: the former reference, with Persistent Chat, on Windows Server 2019. */
const LEGACY = (() => {
  const { deployment } = buildSfb2015Topology(testStack());
  return { deployment, runbook: deployment.runbook() };
})();

describe('Central Management Store failover: the real SQL store', () => {
  test('AlwaysOn: the backup pool\'s listener, no instance parameter for the default instance', () => {
    const failover = subsection(section(REFERENCE.runbook, 'Front End pool pool-west.corp.contoso.com'), 'Failover to');
    expect(failover).toContain('`Invoke-CsManagementServerFailover -BackupSqlServerFqdn north-sqlwv-ag.corp.contoso.com -Force`');
    expect(failover).toMatch(/No instance parameter: north-sqlwv-ag.corp.contoso.com runs the default SQL Server instance/);
    expect(REFERENCE.runbook).not.toMatch(/SqlInstanceName rtc/i);
  });

  test('a mirrored backup back end: Get-CsDatabaseMirrorState first, then both servers named', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const westPool = testPool(west, 'pool', { hostsCentralManagementStore: true });
    const northPool = testPool(north, 'pool', { backEnd: new MirroredBackEnd(north, 'mirror', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });
    const m = deployment._toModel();
    const be = m.backEnds.find((b) => b.path.endsWith('/mirror'))!;
    const failover = subsection(section(deployment.runbook(), 'Front End pool pool-west.corp.contoso.com'), 'Failover to');
    const check = 'Get-CsDatabaseMirrorState -DatabaseType Centralmgmt -PoolFqdn pool-north.corp.contoso.com';
    const cmd = `Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${be.servers[0].fqdn} -BackupMirrorSqlServerFqdn ${be.servers[1].fqdn} -Force`;
    expect(before(failover, check, cmd)).toBe(true);
    expect(before(failover, cmd, 'Invoke-CsPoolFailover -PoolFQDN pool-west.corp.contoso.com')).toBe(true);
    expect(failover).toMatch(/Get-Help Invoke-CsManagementServerFailover -Full/);
  });

  test('a mirrored pool that hosts the CMS: the principal-only failure also moves CentralMgmt', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'pool', { backEnd: new MirroredBackEnd(site, 'mirror', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    const text = subsection(section(deployment.runbook(), 'Front End pool pool-west.corp.contoso.com'), 'Back End principal failure only');
    expect(text).toContain('Invoke-CsDatabaseFailover -PoolFqdn pool-west.corp.contoso.com -DatabaseType CentralMgmt -NewPrincipal Mirror');
  });

  test('a Standard Edition backup server: its SQL Express instance rtc', () => {
    const { deployment } = testDeployment();
    const west = testPool(testSite(deployment, 'west'), 'se', { edition: PoolEdition.STANDARD });
    const north = testPool(testSite(deployment, 'north'), 'se', { edition: PoolEdition.STANDARD, hostsCentralManagementStore: false });
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
    expect(deployment.runbook()).toContain('Invoke-CsManagementServerFailover -BackupSqlServerFqdn se-north.corp.contoso.com -BackupSqlInstanceName rtc -Force');
  });
});

describe('after Invoke-CsPoolFailover', () => {
  const failover = subsection(section(REFERENCE.runbook, 'Front End pool pool-west.corp.contoso.com'), 'Failover to');

  test('the LIS database is imported and published in the backup pool (required when the failed pool hosted the CMS)', () => {
    expect(before(failover, 'Invoke-CsPoolFailover -PoolFQDN pool-west.corp.contoso.com', 'Import-CsLisConfiguration -FileName')).toBe(true);
    expect(failover).toMatch(/Location Information Server database in pool-north.corp.contoso.com \(it is not replicated\); required.*Publish-CsLisConfiguration/);
  });

  test('the simple URLs and Autodiscover move: Traffic Manager checked, internal names moved to the standby VIP', () => {
    const m = REFERENCE.deployment._toModel();
    const [west, north] = ['west', 'north'].map((s) => m.directorPools.find((d) => d.sitePath.endsWith(`/${s}`))!.webLoadBalancer!.privateIp);
    expect(failover).toContain('az network traffic-manager endpoint list -g rg-contoso-shared --profile-name tm-contoso-web --type externalEndpoints -o table');
    expect(failover).toContain(`az network private-dns record-set a add-record -g rg-contoso-shared -z contoso.com -n lyncdiscoverinternal -a ${north}`);
    expect(failover).toContain(`az network private-dns record-set a remove-record -g rg-contoso-shared -z contoso.com -n meet -a ${west} --keep-empty-record-set`);
    const failback = subsection(section(REFERENCE.runbook, 'Front End pool pool-west.corp.contoso.com'), 'Failback of');
    expect(failback).toContain(`az network private-dns record-set a add-record -g rg-contoso-shared -z contoso.com -n dialin -a ${west}`);
  });

  test('what users see during failover and failback (user-experience.md)', () => {
    const text = subsection(section(REFERENCE.runbook, 'Front End pool pool-west.corp.contoso.com'), 'What users see');
    expect(text).toMatch(/signed out/);
    expect(text).toMatch(/registrar resiliency timer expires/);
    expect(text).toMatch(/resiliency mode: no persistent change/);
    expect(text).toMatch(/up to 60 minutes for 20,000 users/);
  });
});

describe('document structure and names', () => {
  test('one # title; no heading skips a level, with a Persistent Chat pool', () => {
    const { deployment } = chatTopology();
    const headings = deployment.runbook().split('\n').filter((l) => /^#+ /.test(l)).map((l) => l.indexOf(' '));
    expect(headings.filter((level) => level === 1)).toHaveLength(1);
    headings.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(headings[i - 1] + 1));
  });

  test('construct paths only in the title; FQDNs everywhere else (back end, next hop)', () => {
    const lines = REFERENCE.runbook.split('\n').slice(1);
    expect(lines.filter((l) => l.includes('contoso/'))).toEqual([]);
    expect(section(LEGACY.runbook, 'Persistent Chat pool pchat.corp.contoso.com')).toContain('Next hop: the Front End pool pool-west.corp.contoso.com.');
    expect(section(REFERENCE.runbook, 'Front End pool pool-west.corp.contoso.com')).toMatch(/back end west-sqlwv-ag.corp.contoso.com \(always-on-availability-group: west-sqlwv-1.corp.contoso.com, west-sqlwv-2.corp.contoso.com\)/);
  });

  test('restoring a 2015 server on Windows Server 2019 names Cumulative Update 9', () => {
    expect(section(LEGACY.runbook, 'Front End pool pool-west.corp.contoso.com')).toMatch(/install Cumulative Update 9 or later of the product before the roles/);
  });
});
