import { validateTopology } from '../../lib';
import { computerNameProblem, fqdnProblem, NAMING_RULES } from '../../lib/rules/naming';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => NAMING_RULES.find((r) => r.id === id);

describe('NAME-1: computer names', () => {
  test.each([
    ['pool-1', undefined],
    ['a'.repeat(15), undefined],
    ['a'.repeat(16), /16 characters/],
    ['12345', /all digits/],
    ['-pool', /hyphen/],
    ['pool_1', /characters/],
  ])('%s', (name, problem) => {
    if (problem) expect(computerNameProblem(name)).toMatch(problem);
    else expect(computerNameProblem(name)).toBeUndefined();
  });
  test('a long pool label is shortened with a hash (docs/naming.md): the derived names fit, no finding', () => {
    const { deployment } = testDeployment();
    const pool = testPool(testSite(deployment), 'pool', { fqdn: 'frontendpoolwest.corp.contoso.com' });
    expect(findingsOf(validateTopology(deployment), 'NAME-1')).toEqual([]);
    const names = pool._servers.servers.map((s) => s.model.computerName);
    expect(names).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^fronten-[a-z0-9]{4}-${n}$`))));
    expect(names.every((n) => n.length <= 15)).toBe(true);
  });
  test('a long serverNamePrefix the user gives is not rewritten: a finding, not a throw', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { fqdn: 'pool.corp.contoso.com', serverNamePrefix: 'frontendpoolwest' });
    const f = findingsOf(validateTopology(deployment), 'NAME-1');
    expect(f).toHaveLength(3);
    expect(f[0].message).toMatch(/frontendpoolwest-1.*serverNamePrefix/);
  });
  test('serverNamePrefix fixes it', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { fqdn: 'frontendpoolwest.corp.contoso.com', serverNamePrefix: 'fewest' });
    expect(findingsOf(validateTopology(deployment), 'NAME-1')).toEqual([]);
  });
});

describe('NAME-2: FQDN syntax', () => {
  test.each([
    ['pool.corp.contoso.com', undefined],
    ['pool_1.corp.contoso.com', /underscores/],
    [`${'a'.repeat(64)}.contoso.com`, /64 characters/],
    ['-pool.contoso.com', /hyphen/],
  ])('%s', (fqdn, problem) => {
    if (problem) expect(fqdnProblem(fqdn)).toMatch(problem);
    else expect(fqdnProblem(fqdn)).toBeUndefined();
  });
  test('an underscore in a pool FQDN is a finding', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { fqdn: 'pool_1.corp.contoso.com', serverNamePrefix: 'pool1' });
    expect(findingsOf(validateTopology(deployment), 'NAME-2')[0].message).toMatch(/pool_1/);
  });
  test('the reference names are valid', () => {
    expect(check(rule('NAME-2'), modelOf(({ deployment }) => testPool(testSite(deployment))))).toEqual([]);
  });
});

describe('NAME-3: AD domain', () => {
  test('a single-label AD domain is a finding', () => {
    const { deployment } = testDeployment({ adDomain: 'corp' });
    testPool(testSite(deployment), 'pool', { fqdn: 'pool.corp.contoso.com' });
    expect(findingsOf(validateTopology(deployment), 'NAME-3')[0].message).toMatch(/single-label/);
  });
  test('a 65-character AD domain is a finding', () => {
    const adDomain = `${'a'.repeat(60)}.corp`;
    const m = modelOf(({ deployment }) => testPool(testSite(deployment)), { adDomain: 'corp.contoso.com' });
    expect(check(rule('NAME-3'), { ...m, adDomain })[0].message).toMatch(/65 characters/);
    expect(check(rule('NAME-3'), m)).toEqual([]);
  });
});

describe('NAME-4: unique names', () => {
  test('two pools with one FQDN are an error', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testPool(site, 'pool1', { fqdn: 'pool.corp.contoso.com', serverNamePrefix: 'a' });
    testPool(site, 'pool2', { fqdn: 'pool.corp.contoso.com', serverNamePrefix: 'b' });
    expect(findingsOf(validateTopology(deployment), 'NAME-4').map((f) => f.path)).toContain('test/contoso/west/pool2');
  });
  test('an external web FQDN equal to the pool FQDN is an error', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { fqdn: 'pool.corp.contoso.com', externalWebFqdn: 'pool.corp.contoso.com' });
    expect(findingsOf(validateTopology(deployment), 'NAME-4')[0].message).toMatch(/must differ from the pool FQDN/);
  });
  test('two sites with default names are unique', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
    expect(findingsOf(validateTopology(deployment), 'NAME-4')).toEqual([]);
  });
});
