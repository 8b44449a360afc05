import { ProductVersion, Severity, SupportPosture, validateTopology } from '../../lib';
import { AZURE_RULES } from '../../lib/rules/azure';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => AZURE_RULES.find((r) => r.id === id);
const model = modelOf(({ deployment }) => testPool(testSite(deployment)));
const pool = model.frontEndPools[0];
const withServers = (f: (s: (typeof pool.servers)[number], i: number) => object) => {
  const servers = pool.servers.map((s, i) => ({ ...s, ...f(s, i) }));
  return { ...model, frontEndPools: [{ ...pool, servers }], servers };
};

describe('AZ-1: real zone names without repeats', () => {
  test('["1","2","3"] is fine', () => expect(check(rule('AZ-1'), model)).toEqual([]));
  test('a repeated or unknown zone is an error (a finding, not a throw)', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west', { availabilityZones: ['1', '1', '4'] }));
    expect(findingsOf(validateTopology(deployment), 'AZ-1')[0].message).toMatch(/\[1, 1, 4\]/);
  });
});

describe('AZ-2: round-robin spread', () => {
  test('the server group spreads 1,2,3', () => {
    expect(pool.servers.map((s) => s.failureDomain)).toEqual(['1', '2', '3']);
    expect(check(rule('AZ-2'), model)).toEqual([]);
  });
  test('two servers in one zone and none in another is an error', () => {
    expect(check(rule('AZ-2'), withServers((_, i) => ({ failureDomain: i === 2 ? '1' : String(i + 1) })))[0].message).toMatch(/round-robin/);
  });
  test('a server in a zone the site does not offer is an error', () => {
    const { deployment } = testDeployment();
    const m = modelOf(({ deployment: d }) => testPool(testSite(d, 'west', { availabilityZones: ['1', '2'] })));
    void deployment;
    const p = m.frontEndPools[0];
    const moved = { ...m, frontEndPools: [{ ...p, servers: p.servers.map((s) => ({ ...s, failureDomain: '3' })) }] };
    expect(check(rule('AZ-2'), moved)[0].message).toMatch(/does not offer/);
  });
});

describe('AZURE-1: support posture', () => {
  test('unacknowledged is a warning', () => {
    const { deployment } = testDeployment({ supportPosture: undefined });
    testPool(testSite(deployment));
    expect(findingsOf(validateTopology(deployment), 'AZURE-1')[0].severity).toBe(Severity.WARNING);
  });
  test('lab or accepted risk is info', () => {
    for (const supportPosture of [SupportPosture.LAB, SupportPosture.ACCEPTED_RISK]) {
      const { deployment } = testDeployment({ supportPosture });
      testPool(testSite(deployment));
      expect(findingsOf(validateTopology(deployment), 'AZURE-1')[0].severity).toBe(Severity.INFO);
    }
  });
});

describe('AZURE-9: Azure Load Balancer is not a qualified load balancer', () => {
  test('a pool with a web load balancer gets the info finding', () => {
    const f = check(rule('AZURE-9'), model);
    expect(f.map((x) => x.severity)).toEqual([Severity.INFO]);
    expect(f[0].message).toMatch(/not a qualified/);
  });
});

describe('VM-1: sizing floor', () => {
  test('the default Front End size meets the 2019 floor in physical cores', () => {
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
    testPool(testSite(deployment));
    expect(findingsOf(validateTopology(deployment), 'VM-1').filter((f) => f.path.includes('/pool/'))).toEqual([]);
  });
  test('a small VM is a warning with the numbers', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { vmSize: 'Standard_D4s_v5' });
    const f = findingsOf(validateTopology(deployment), 'VM-1');
    expect(f).toHaveLength(3);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/4 vCPUs = 2 physical cores, hyperthreaded, 16 GB.*12 physical cores and 32 GB/);
  });
  test('leaves an unknown size to VM-6', () => {
    expect(check(rule('VM-1'), withServers(() => ({ vmSize: 'Standard_X1' })))).toEqual([]);
  });
});

describe('VM-2: NIC count', () => {
  test('one NIC per Front End', () => expect(check(rule('VM-2'), model)).toEqual([]));
  test('a dual-homed Front End is an error', () => {
    const m = withServers((s) => ({ nics: [...s.nics, { subnet: 'back-end', privateIp: '10.0.0.9', publicIps: 0 }] }));
    expect(check(rule('VM-2'), m)[0].message).toMatch(/multi-homed/);
  });
});

describe('VM-3: pool members alike', () => {
  test('one server group is uniform', () => expect(check(rule('VM-3'), model)).toEqual([]));
  test('mixed OS is a VM-3 error, mixed size a VM-8 warning', () => {
    const m = withServers((_, i) => (i === 0 ? { os: '2016', vmSize: 'Standard_D48s_v5' } : {}));
    expect(check(rule('VM-3'), m).map((x) => x.severity)).toEqual([Severity.ERROR]);
    expect(check(rule('VM-8'), m).map((x) => x.severity)).toEqual([Severity.WARNING]);
    expect(check(rule('VM-8'), m)[0].message).toMatch(/different VM sizes/);
  });
});

describe('VM-4: supported OS', () => {
  test('Windows Server 2022 is refused for 2015', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { operatingSystem: '2022' as never });
    expect(findingsOf(validateTopology(deployment), 'VM-4')).toHaveLength(3);
  });
  test('the default OS is supported in every version', () => {
    for (const productVersion of Object.values(ProductVersion)) {
      const { deployment } = testDeployment({ productVersion });
      testPool(testSite(deployment));
      expect(findingsOf(validateTopology(deployment), 'VM-4')).toEqual([]);
    }
  });
});

describe('VM-5: controlled patching', () => {
  test('Manual patching is fine', () => expect(check(rule('VM-5'), model)).toEqual([]));
  test('AutomaticByOS is a warning', () => {
    expect(check(rule('VM-5'), withServers(() => ({ patchMode: 'AutomaticByOS' })))[0].severity).toBe(Severity.WARNING);
  });
});
