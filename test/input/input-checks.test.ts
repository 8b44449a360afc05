/**
 * Input a user can get wrong fails with a message naming the construct, the prop, the value as
 * given, what is allowed and the fix; never a TypeError, never a silent synthesis.
 */
import {
  acknowledgeFinding,
  CentralSite,
  FrontEndPool,
  PairedPools,
  ProductVersion,
  Severity,
  SfbDeployment,
  SqlServerVersion,
  StandaloneBackEnd,
  SupportPosture,
  validateTopology,
} from '../../lib';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { describeValue } from '../../lib/constructs/validate-input';
import { closestRegions, REGIONS, regionByName } from '../../lib/model/regions';
import { isPrivateCidr } from '../../lib/model/private-ranges';
import { EVALUATION_DATE, findingsOf, resourcesOf, synthJson, testDeployment, testPool, testSite, testStack } from '../helpers';

describe('values are printed as given', () => {
  test('NaN, Infinity, undefined, lists and constructs', () => {
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(Infinity)).toBe('Infinity');
    expect(describeValue(-Infinity)).toBe('-Infinity');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(['10.0.0.0/16'])).toBe('["10.0.0.0/16"]');
    const { deployment } = testDeployment();
    expect(describeValue(deployment)).toBe('construct test/contoso');
  });
  test('frontEndServers NaN, Infinity, 2.5 and 10000 each say what is wrong', () => {
    const site = testSite(testDeployment().deployment);
    const pool = (frontEndServers: number, id: string) => () => testPool(site, id, { frontEndServers });
    expect(pool(NaN, 'a')).toThrow(/FrontEndPool test\/contoso\/west\/a: frontEndServers NaN is not a finite number; give a whole number from 1 to 100/);
    expect(pool(Infinity, 'b')).toThrow(/frontEndServers Infinity is not a finite number/);
    expect(pool(2.5, 'c')).toThrow(/frontEndServers 2.5 is not a whole number/);
    expect(pool(10000, 'd')).toThrow(/frontEndServers 10000 is out of range; allowed are whole numbers from 1 to 100/);
    expect(pool('3' as never, 'e')).toThrow(/frontEndServers "3" is a string, not a number/);
  });
});

describe('wrong types from JavaScript', () => {
  test('backEnd given as a string names the prop and the value, not a TypeError', () => {
    const site = testSite(testDeployment().deployment);
    expect(() => new FrontEndPool(site, 'pool', { fqdn: 'pool.corp.contoso.com', backEnd: 'some-string' as never })).toThrow(
      /^FrontEndPool test\/contoso\/west\/pool: backEnd "some-string" is not a back end construct \(AlwaysOnBackEnd, MirroredBackEnd, FailoverClusterBackEnd or StandaloneBackEnd\); pass the construct object itself/,
    );
  });
  test.each([undefined, null, 'props', 42, []])('props %p on every construct is "missing" or "not an object", never a TypeError', (props) => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const make = [
      () => new SfbDeployment(testStack(), 'x', props as never),
      () => new CentralSite(deployment, 'other', props as never),
      () => new FrontEndPool(site, 'p', props as never),
      () => new StandaloneBackEnd(site, 'b', props as never),
      () => new PairedPools(deployment, 'pp', props as never),
    ];
    for (const m of make) {
      let error: unknown;
      try {
        m();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/: props .*(is missing|not an object)/);
    }
  });
  test('a missing required prop says "is missing"', () => {
    const { deployment } = testDeployment();
    expect(() => new SfbDeployment(testStack(), 'x', { sipDomain: 'contoso.com', adDomain: 'corp.contoso.com' } as never)).toThrow(/productVersion is missing; give one of ProductVersion\./);
    expect(() => new CentralSite(deployment, 'west', { addressSpace: '10.1.0.0/16' } as never)).toThrow(/CentralSite test\/contoso\/west: location is missing/);
    const site = testSite(deployment, 'north');
    expect(() => new FrontEndPool(site, 'p', {} as never)).toThrow(/FrontEndPool test\/contoso\/north\/p: fqdn is missing/);
    expect(() => new StandaloneBackEnd(site, 'b', {} as never)).toThrow(/sqlVersion is missing; give one of SqlServerVersion\./);
  });
  test('an empty string, a list where a string belongs and an empty vmSize', () => {
    const { deployment } = testDeployment();
    expect(() => new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: ['10.1.0.0/16'] as never })).toThrow(/addressSpace \["10.1.0.0\/16"\] is a list, not a string/);
    const site = testSite(deployment, 'north');
    expect(() => testPool(site, 'p', { vmSize: '' })).toThrow(/FrontEndPool test\/contoso\/north\/p: vmSize "" is empty; give an Azure VM size/);
    expect(() => testPool(site, 'q', { vmSize: 'D16s v5' })).toThrow(/vmSize "D16s v5" is not an Azure VM size name/);
    expect(() => testPool(site, 'r', { serverNamePrefix: '' })).toThrow(/serverNamePrefix "" is empty/);
  });
});

describe('ids that cannot form Azure names, and names that collide after normalization', () => {
  test.each(['West_Site', 'west eu', '😀', 'west.eu', '-west'])('site id %p fails naming the id', (id) => {
    const { deployment } = testDeployment();
    expect(() => new CentralSite(deployment, id, { location: 'westeurope', addressSpace: '10.1.0.0/16' })).toThrow(
      new RegExp(`^CentralSite test/contoso/${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: id ".*" cannot form Azure resource names`),
    );
  });
  test('an emoji deployment id fails', () => {
    expect(() => new SfbDeployment(testStack(), '😀', { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com' })).toThrow(/SfbDeployment .*: id "😀" cannot form Azure resource names/);
  });
  test('two deployments whose ids differ only in case fail at the second, naming the first', () => {
    const app = Testing.app();
    const props = { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com' };
    new SfbDeployment(new TerraformStack(app, 'one'), 'con-toso', props);
    expect(() => new SfbDeployment(new TerraformStack(app, 'two'), 'Con-toso', props)).toThrow(/SfbDeployment two\/Con-toso: id "Con-toso" normalizes to the name "con-toso", which deployment one\/con-toso already uses/);
    expect(() => new SfbDeployment(new TerraformStack(app, 'three'), 'con_toso', props)).toThrow(/id "con_toso" cannot form Azure resource names/);
  });
  test('two sites whose ids differ only in case fail', () => {
    const { deployment } = testDeployment();
    testSite(deployment, 'west');
    expect(() => testSite(deployment, 'West')).toThrow(/CentralSite test\/contoso\/West: id "West" differs from site test\/contoso\/west only in letter case/);
  });
});

describe('address spaces', () => {
  test.each(['8.8.0.0/16', '1.0.0.0/8', '172.32.0.0/16', '192.169.0.0/16'])('%s is not private', (cidr) => {
    const { deployment } = testDeployment();
    expect(() => new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: cidr })).toThrow(
      new RegExp(`CentralSite test/contoso/west: addressSpace "${cidr.replace(/\./g, '\\.')}" is not a private address range; .*10\\.0\\.0\\.0/8, 172\\.16\\.0\\.0/12, 192\\.168\\.0\\.0/16, 100\\.64\\.0\\.0/10`),
    );
  });
  test.each(['10.1.0.0/16', '172.16.0.0/20', '192.168.0.0/20', '100.64.0.0/16'])('%s is private', (cidr) => {
    expect(isPrivateCidr(cidr)).toBe(true);
  });
});

describe('the region catalog (lib/model/regions.ts)', () => {
  test('every paired region is in the catalog', () => {
    for (const r of REGIONS.values()) if (r.pairedRegion) expect(REGIONS.has(r.pairedRegion)).toBe(true);
  });
  test('an unknown region fails at construction naming the closest known names', () => {
    const { deployment } = testDeployment();
    expect(() => new CentralSite(deployment, 'west', { location: 'westeurop', addressSpace: '10.1.0.0/16' })).toThrow(/CentralSite test\/contoso\/west: location "westeurop" is not an Azure region the library knows; did you mean "westeurope"/);
    expect(closestRegions('eastus3')[0]).toMatch(/^eastus/);
  });
  test('a display name is accepted and normalized', () => {
    expect(testSite(testDeployment().deployment, 'west', { location: 'West Europe' }).location).toBe('westeurope');
    expect(regionByName('North Central US')?.availabilityZones).toBe(false);
  });
  test('a region without zones falls back to availability sets with an AZ-4 info finding (not AZ-3)', () => {
    const { stack, deployment } = testDeployment();
    const site = testSite(deployment, 'west', { location: 'northcentralus' });
    testPool(site);
    expect(site.availabilityZones).toEqual([]);
    expect(findingsOf(validateTopology(deployment), 'AZ-3')).toEqual([]);
    const az3 = findingsOf(validateTopology(deployment), 'AZ-4');
    expect(az3).toHaveLength(1);
    expect(az3[0]).toMatchObject({ severity: Severity.INFO });
    expect(az3[0].message).toMatch(/northcentralus .* has no availability zones, so the site's pools use availability sets/);
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_windows_virtual_machine').every((vm) => vm.zone === undefined && vm.availability_set_id !== undefined)).toBe(true);
  });
  test('zones given explicitly in a region without zones are an AZ-3 error naming availabilityZones, which cannot be acknowledged', () => {
    const { stack, deployment } = testDeployment();
    const site = testSite(deployment, 'west', { location: 'northcentralus', availabilityZones: ['1', '2'] });
    const az3 = findingsOf(validateTopology(deployment), 'AZ-3');
    expect(az3.map((f) => f.severity)).toEqual([Severity.ERROR]);
    expect(az3[0].message).toMatch(/availabilityZones is \[1, 2\] but region northcentralus/);
    expect(() => Testing.synth(stack, true)).toThrow(/\[AZ-3\]/);
    expect(() => acknowledgeFinding(site, 'AZ-3', 'we really want zones here')).toThrow(/AZ-3 .* cannot be acknowledged: Azure refuses zonal VMs/);
  });
});

describe('acknowledgeFinding', () => {
  test('an ID reported as another throws, naming the ID to acknowledge', () => {
    const { deployment } = testDeployment();
    expect(() => acknowledgeFinding(deployment, 'VER-6', 'a reason long enough')).toThrow(/VER-6 is reported as FE-1 .*; acknowledge FE-1 instead/);
  });
  test('an ID that is neither a catalog rule nor a library rule throws', () => {
    const { deployment } = testDeployment();
    expect(() => acknowledgeFinding(deployment, 'FE-99', 'a reason long enough')).toThrow(/ruleId "FE-99" is neither a catalog rule nor a rule of the library/);
  });
  test.each(['NAME-1', 'NAME-2', 'BE-11', 'BE-12', 'NAME-5', 'NAME-6', 'VM-2', 'AZ-1'])('%s cannot be acknowledged: it throws naming the rule and why', (id) => {
    const { deployment } = testDeployment();
    expect(() => acknowledgeFinding(deployment, id, 'a reason long enough')).toThrow(new RegExp(`${id} \\(.*\\) cannot be acknowledged: .+; fix the topology instead`));
  });
  test('an acknowledgement that matches no finding is an ACK-1 warning, one that matches is not', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const pool = testPool(site, 'pool');
    acknowledgeFinding(pool, 'FE-2', 'placed where FE-2 never occurs');
    const ack = findingsOf(validateTopology(deployment), 'ACK-1');
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatchObject({ severity: Severity.WARNING, path: pool.node.path });
    expect(ack[0].message).toMatch(/matches no FE-2 finding on test\/contoso\/west\/pool or under it/);

    const { deployment: d2 } = testDeployment();
    const p2 = testPool(testSite(d2), 'pool', { frontEndServers: 2 });
    acknowledgeFinding(p2, 'FE-2', 'two servers on purpose in this test');
    const f2 = validateTopology(d2);
    expect(findingsOf(f2, 'ACK-1')).toEqual([]);
  });
  test('an acknowledgement above the only deployment (the stack) is reported when it matches nothing', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment));
    acknowledgeFinding(stack, 'PAIR-1', 'no pairs here, stale acknowledgement');
    expect(findingsOf(validateTopology(deployment), 'ACK-1').map((f) => f.path)).toEqual(['test']);
  });
  test('an acknowledgement above two deployments is reported by neither, also when the second comes after the first was validated', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment));
    acknowledgeFinding(stack, 'PAIR-1', 'no pairs here, stale acknowledgement');
    expect(findingsOf(deployment.findings(), 'ACK-1')).toHaveLength(1);
    const other = new SfbDeployment(stack, 'fabrikam', { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'fabrikam.com', adDomain: 'corp.fabrikam.com', supportPosture: SupportPosture.ACCEPTED_RISK, evaluationDate: EVALUATION_DATE });
    testPool(testSite(other));
    expect(findingsOf(deployment.findings(), 'ACK-1')).toEqual([]);
    expect(findingsOf(other.findings(), 'ACK-1')).toEqual([]);
  });
  test('an unknown VM size is a VM-6 error naming vmSize, which can be acknowledged', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const backEnd = new StandaloneBackEnd(site, 'sql', { sqlVersion: SqlServerVersion.SQL_2019 });
    const pool = new FrontEndPool(site, 'pool', { fqdn: 'pool.corp.contoso.com', backEnd, vmSize: 'Standard_X99s_v9' });
    const vm6 = findingsOf(validateTopology(deployment), 'VM-6');
    expect(vm6.length).toBe(3);
    expect(vm6[0]).toMatchObject({ severity: Severity.ERROR });
    expect(vm6[0].message).toMatch(/vmSize "Standard_X99s_v9" of pool-1 is not a size the library knows/);
    acknowledgeFinding(pool, 'VM-6', 'the size exists in our subscription');
    expect(findingsOf(validateTopology(deployment), 'VM-6').every((f) => f.severity === Severity.INFO)).toBe(true);
  });
});
