import { DirectorPool } from '../../lib';
import { resourcesOf, synthJson, testDeployment, testPool, testSite, serverIps } from '../helpers';

function twoSites() {
  const t = testDeployment();
  const west = testSite(t.deployment, 'west');
  const north = testSite(t.deployment, 'north');
  const westPool = testPool(west, 'pool');
  const northPool = testPool(north, 'pool');
  return { ...t, west, north, westPool, northPool };
}

const srvName = '_sipinternaltls._tcp.contoso.com';

describe('internal sign-in SRV records across central sites (VOICE-5)', () => {
  test('publishes one private _sipinternaltls._tcp record set with one equal entry per central site', () => {
    const { stack } = twoSites();
    const json = synthJson(stack);
    const sets = resourcesOf(json, 'azurerm_private_dns_srv_record').filter((r) => r.name === '_sipinternaltls._tcp');
    expect(sets).toHaveLength(1);
    expect(sets[0].zone_name).toContain('contoso');
    expect(sets[0].record).toEqual([
      { priority: 0, weight: 10, port: 5061, target: 'pool-north.contoso.com' },
      { priority: 0, weight: 10, port: 5061, target: 'pool-west.contoso.com' },
    ]);
    const zones = resourcesOf(json, 'azurerm_private_dns_zone').map((z) => z.name);
    expect(zones).toEqual(expect.arrayContaining(['contoso.com', 'corp.contoso.com']));
    const links = resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link').filter((l) => String(l.private_dns_zone_name).includes('contoso-com') && !String(l.private_dns_zone_name).includes('corp'));
    expect(links.map((l) => l.name).sort()).toEqual(['link-north', 'link-west']);
  });

  test('targets a sign-in alias in the SIP domain that resolves to the pool members (strict name matching)', () => {
    const { deployment, westPool } = twoSites();
    const alias = deployment._toModel().dnsRecords.find((r) => r.fqdn === 'pool-west.contoso.com');
    expect(alias).toMatchObject({ scope: 'private', values: serverIps(deployment, westPool._servers.servers) });
  });

  test('targets the pool FQDN itself when it is in the SIP domain', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'), 'pool', { fqdn: 'pool01.contoso.com' });
    const model = deployment._toModel();
    expect(model.srvEntries.map((e) => e.target)).toEqual(['pool01.contoso.com']);
    expect(model.dnsRecords.filter((r) => r.fqdn.startsWith('pool01.')).map((r) => r.fqdn)).toEqual(['pool01.contoso.com']);
  });

  test('a Director pool replaces its site\'s Front End pool as first hop, keeping one entry per site', () => {
    const { deployment, west, stack } = twoSites();
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    new DirectorPool(west, 'director2', { fqdn: 'dir2-west.corp.contoso.com' });
    const entries = deployment._toModel().srvEntries.filter((e) => e.name === srvName);
    expect(entries.map((e) => [e.target, e.ownerPath])).toEqual([
      ['dir-west.contoso.com', 'test/contoso/west/director'],
      ['pool-north.contoso.com', 'test/contoso/north/pool'],
    ]);
    const set = resourcesOf(synthJson(stack), 'azurerm_private_dns_srv_record').find((r) => r.name === '_sipinternaltls._tcp');
    expect(set.record.map((r: { target: string }) => r.target)).toEqual(['dir-west.contoso.com', 'pool-north.contoso.com']);
  });

  test('records per-site answers that put each site\'s own first hop first', () => {
    const { deployment } = twoSites();
    const answers = deployment._toModel().siteSrvAnswers ?? [];
    // Sites in path order (never declaration order).
    expect(answers.map((a) => a.sitePath)).toEqual(['test/contoso/north', 'test/contoso/west']);
    const byPriority = (i: number) => answers[i].entries.map((e) => [e.priority, e.target]).sort();
    expect(byPriority(0)).toEqual([[0, 'pool-north.contoso.com'], [10, 'pool-west.contoso.com']]);
    expect(byPriority(1)).toEqual([[0, 'pool-west.contoso.com'], [10, 'pool-north.contoso.com']]);
  });

  test('gives clashing alias labels a site suffix', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'), 'pool', { fqdn: 'pool.emea.contoso.com' });
    testPool(testSite(deployment, 'north'), 'pool', { fqdn: 'pool.us.contoso.com' });
    expect(deployment._toModel().srvEntries.map((e) => e.target).sort()).toEqual(['pool-west.contoso.com', 'pool.contoso.com']);
  });
});
