import { CentralSite, FrontEndPool, StandaloneBackEnd, SqlServerVersion, validateTopology } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { findingsOf, serverIps, testDeployment, testPool, testSite } from '../helpers';

describe('address blocks (ADDR-1, ADDR-2, ADDR-3)', () => {
  test('addressBlock pins a pool\'s servers to that block of its subnet', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const pool = testPool(west, 'pool', { addressBlock: 5 });
    // Block 5 of the Front End subnet 10.10.0.0/20: 10.10.0.160-191.
    expect(serverIps(deployment, pool._servers.servers)).toEqual(['10.10.0.160', '10.10.0.161', '10.10.0.162']);
    expect(findingsOf(validateTopology(deployment), 'ADDR-3')).toEqual([]);
  });

  test('ADDR-3: two owners pinned to one block is an error naming both', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    testPool(west, 'a', { addressBlock: 2 });
    testPool(west, 'b', { addressBlock: 2 });
    const [finding] = findingsOf(validateTopology(deployment), 'ADDR-3');
    expect(finding.path).toBe('test/contoso/west/b');
    expect(finding.message).toMatch(/addressBlock 2 of west\/b .* is already pinned by west\/a/);
  });

  test('ADDR-2: more owners than blocks in a small site is an error with the fix', () => {
    const { deployment } = testDeployment();
    const site = new CentralSite(deployment, 'small', { location: 'westeurope', addressSpace: '10.50.0.0/22' });
    for (const id of ['a', 'b', 'c']) {
      new FrontEndPool(site, id, { fqdn: `${id}.corp.contoso.com`, backEnd: new StandaloneBackEnd(site, `${id}-be`, { sqlVersion: SqlServerVersion.SQL_2019 }) });
    }
    const full = findingsOf(validateTopology(deployment), 'ADDR-2');
    expect(full.length).toBeGreaterThan(0);
    expect(full[0].message).toMatch(/give the site a larger addressSpace/);
  });

  test('ADDR-1: a pool larger than its block is an error; synthesis refuses it', () => {
    const { deployment, stack } = testDeployment();
    testPool(testSite(deployment, 'west'), 'pool', { frontEndServers: 33 });
    const [finding] = findingsOf(validateTopology(deployment), 'ADDR-1');
    expect(finding.message).toMatch(/west\/pool needs 34 addresses in subnet 10\.10\.0\.0\/20/);
    expect(() => Testing.synth(stack, true)).toThrow(/\[ADDR-1\]/);
  });
});
