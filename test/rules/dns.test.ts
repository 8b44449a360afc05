import { validateTopology } from '../../lib';
import { DNS_RULES } from '../../lib/rules/dns';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => DNS_RULES.find((r) => r.id === id);
const model = modelOf(({ deployment }) => testPool(testSite(deployment)));
const pool = model.frontEndPools[0];

describe('DNS-2: the pool FQDN resolves to every member', () => {
  test('the synthesized records are complete', () => {
    expect(check(rule('DNS-2'), model)).toEqual([]);
  });
  test('a missing member address is an error', () => {
    const records = model.dnsRecords.map((r) => (r.fqdn === pool.fqdn ? { ...r, values: r.values.slice(1) } : r));
    expect(check(rule('DNS-2'), { ...model, dnsRecords: records })[0].message).toMatch(/one A record per deployed member/);
  });
  test('a member without its own host record is an error', () => {
    const records = model.dnsRecords.filter((r) => r.fqdn !== pool.servers[0].fqdn);
    expect(check(rule('DNS-2'), { ...model, dnsRecords: records })[0].path).toBe(pool.servers[0].path);
  });
});

describe('DNS-3: a separate internal web FQDN on the load balancer', () => {
  test('the default internal web FQDN differs and resolves to the VIP', () => {
    expect(check(rule('DNS-3'), model)).toEqual([]);
  });
  test('an internal web FQDN equal to the pool FQDN is one error, NAME-4\'s', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { fqdn: 'pool.corp.contoso.com', internalWebFqdn: 'pool.corp.contoso.com' });
    const f = validateTopology(deployment);
    expect(findingsOf(f, 'DNS-3')).toEqual([]);
    expect(findingsOf(f, 'NAME-4')).toHaveLength(1);
    expect(findingsOf(f, 'NAME-4')[0].message).toMatch(/equals the pool FQDN/);
  });
  test('an internal web FQDN that does not resolve to the VIP is an error', () => {
    const records = model.dnsRecords.filter((r) => r.fqdn !== pool.internalWebFqdn);
    expect(check(rule('DNS-3'), { ...model, dnsRecords: records })[0].message).toMatch(/not to the load balancer/);
  });
});

describe('NAME-4 (also DNS-4): web FQDNs are unique across pools', () => {
  test('distinct defaults are fine', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'pool1');
    testPool(site, 'pool2');
    expect(findingsOf(validateTopology(deployment), 'NAME-4')).toEqual([]);
  });
  test('two pools with one external web FQDN are an error', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'pool1', { externalWebFqdn: 'web.contoso.com' });
    testPool(site, 'pool2', { externalWebFqdn: 'web.contoso.com' });
    const all = validateTopology(deployment);
    expect(findingsOf(all, 'DNS-4')).toEqual([]);
    const f = findingsOf(all, 'NAME-4');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/external web FQDN web.contoso.com is already the external web FQDN of test\/contoso\/west\/pool1.*also DNS-4, DIR-6\)$/);
  });
});
