import { BranchSite, DirectorPool, ProductVersion, Severity, SurvivableBranchAppliance, validateTopology } from '../../lib';
import { DIRECTOR_RULES } from '../../lib/rules/director';
import { DNS_RULES } from '../../lib/rules/dns';
import { NAMING_RULES } from '../../lib/rules/naming';
import { ServerRole, TopologyModel } from '../../lib/model/topology';
import { check, findingsOf, modelOf, ruleIds, testDeployment, testPool, testSite, TestDeployment } from '../helpers';

const rule = (id: string) => [...DIRECTOR_RULES, ...DNS_RULES, ...NAMING_RULES].find((r) => r.id === id);

function withDirector(props: Partial<ConstructorParameters<typeof DirectorPool>[2]> = {}, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015) {
  const { deployment } = testDeployment({ productVersion });
  const west = testSite(deployment, 'west');
  testPool(west, 'pool');
  new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', ...props });
  return validateTopology(deployment);
}

function directorModel(build: (t: TestDeployment) => void = () => undefined): TopologyModel {
  return modelOf((t) => {
    const west = testSite(t.deployment, 'west');
    testPool(west, 'pool');
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    build(t);
  });
}

describe('DIR-1: at most 10 Directors per pool', () => {
  test('10 Directors are fine', () => {
    expect(findingsOf(withDirector({ servers: 10 }), 'DIR-1')).toEqual([]);
  });

  test('11 Directors are an error in 2015 and 2019', () => {
    expect(findingsOf(withDirector({ servers: 11 }), 'DIR-1')[0]).toMatchObject({ severity: Severity.ERROR });
    const f = findingsOf(withDirector({ servers: 11 }, ProductVersion.SKYPE_FOR_BUSINESS_2019), 'DIR-1');
    expect(f[0].message).toMatch(/servers is 11; .* at most 10 Directors/);
  });

  test('11 Directors are a DIR-7 warning in Lync Server 2013, where the limit is unconfirmed', () => {
    expect(findingsOf(withDirector({ servers: 11 }, ProductVersion.LYNC_SERVER_2013), 'DIR-1')).toEqual([]);
    const f = findingsOf(withDirector({ servers: 11 }, ProductVersion.LYNC_SERVER_2013), 'DIR-7');
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/UNCONFIRMED for Lync Server 2013/);
  });
});

describe('DIR-2: two Directors for HA, one per 12,000 (2019: 18,000) remote users', () => {
  test('one Director warns about no high availability', () => {
    expect(findingsOf(withDirector({ servers: 1 }), 'DIR-2')[0].message).toMatch(/single Director gives no high availability/);
    expect(findingsOf(withDirector({ servers: 2 }), 'DIR-2')).toEqual([]);
  });

  test('30,000 remote users need 3 Directors in 2015 but 2 in 2019', () => {
    expect(findingsOf(withDirector({ servers: 2, remoteUsers: 30000 }), 'DIR-2')[0].message).toMatch(/needs 3 Directors but has 2/);
    expect(findingsOf(withDirector({ servers: 3, remoteUsers: 30000 }), 'DIR-2')).toEqual([]);
    expect(findingsOf(withDirector({ servers: 2, remoteUsers: 30000 }, ProductVersion.SKYPE_FOR_BUSINESS_2019), 'DIR-2')).toEqual([]);
  });

  test('counts the users of survivable branches registered in the site when remoteUsers is given', () => {
    const withBranch = (remoteUsers?: number) => {
      const { deployment } = testDeployment();
      const west = testSite(deployment, 'west');
      const pool = testPool(west, 'pool');
      new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', ...(remoteUsers === undefined ? {} : { remoteUsers }) });
      const branch = new BranchSite(deployment, 'redmond', { centralSite: west });
      new SurvivableBranchAppliance(branch, 'sba', { fqdn: 'sba-redmond.corp.contoso.com', users: 800, backupRegistrar: pool });
      return validateTopology(deployment);
    };
    expect(findingsOf(withBranch(23500), 'DIR-2')[0].message).toMatch(/23500 remote users plus 800 users of survivable branches registered in site west; .* needs 3 Directors but has 2/);
    expect(findingsOf(withBranch(23000), 'DIR-2')).toEqual([]);
    expect(findingsOf(withBranch(), 'DIR-2')).toEqual([]);
  });
});

describe('DIR-3: Director pools are not stretched', () => {
  test('the constructs keep every Director in its site', () => {
    expect(check(rule('DIR-3'), directorModel())).toEqual([]);
  });

  test('a Director addressed in another site is an error', () => {
    const model = directorModel((t) => testPool(testSite(t.deployment, 'north'), 'pool'));
    const d = model.directorPools[0];
    const moved = { ...d.servers[1], nics: [{ ...d.servers[1].nics[0], privateIp: '10.20.80.4' }] };
    const f = check(rule('DIR-3'), { ...model, directorPools: [{ ...d, servers: [d.servers[0], moved] }] });
    expect(f[0].message).toMatch(/dir-west-2 \(10.20.80.4\) .* outside site west \(10.10.0.0\/16\); Director pools cannot be stretched/);
  });
});

describe('DIR-4: Directors are dedicated servers', () => {
  test('the constructs build dedicated Directors', () => {
    expect(check(rule('DIR-4'), directorModel())).toEqual([]);
  });

  test('a Director sharing a Front End\'s machine is an error', () => {
    const model = directorModel();
    const d = model.directorPools[0];
    const fe = model.frontEndPools[0].servers[0];
    const collocated = { ...d.servers[0], fqdn: fe.fqdn };
    const f = check(rule('DIR-4'), { ...model, directorPools: [{ ...d, servers: [collocated, d.servers[1]] }] });
    expect(f[0].message).toMatch(/same machine as Front End server pool-west-1; the Director role cannot be collocated/);
  });

  test('a Director pool member with another role is an error', () => {
    const model = directorModel();
    const d = model.directorPools[0];
    const f = check(rule('DIR-4'), { ...model, directorPools: [{ ...d, servers: [{ ...d.servers[0], role: ServerRole.FRONT_END }, d.servers[1]] }] });
    expect(f[0].message).toMatch(/has role Front End; a Director runs no other role and homes no users/);
  });
});

describe('NAME-4 (also DIR-6, DNS-4): Director web FQDNs are unique', () => {
  test('distinct web FQDNs are fine', () => {
    const f = withDirector();
    for (const id of ['DIR-6', 'DNS-4', 'NAME-4']) expect(findingsOf(f, id)).toEqual([]);
  });

  test('a Director external web FQDN equal to a Front End pool\'s is one NAME-4 error that names DNS-4 and DIR-6', () => {
    const f = withDirector({ externalWebFqdn: 'pool-west-webext.contoso.com' });
    expect(findingsOf(f, 'NAME-4')).toHaveLength(1);
    expect(findingsOf(f, 'NAME-4')[0].path).toBe('test/contoso/west/director');
    expect(findingsOf(f, 'NAME-4')[0].message).toMatch(/external web FQDN pool-west-webext.contoso.com is already the external web FQDN of test\/contoso\/west\/pool.*also DNS-4, DIR-6/);
    expect(ruleIds(f)).not.toContain('DIR-6');
    expect(ruleIds(f)).not.toContain('DNS-4');
  });

  test('two Director pools with one internal web FQDN are an error', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    testPool(west, 'pool');
    new DirectorPool(west, 'd1', { fqdn: 'dir1.corp.contoso.com', internalWebFqdn: 'dirweb.corp.contoso.com' });
    new DirectorPool(west, 'd2', { fqdn: 'dir2.corp.contoso.com', internalWebFqdn: 'dirweb.corp.contoso.com' });
    const f = validateTopology(deployment);
    expect(findingsOf(f, 'NAME-4').map((x) => x.path)).toEqual(['test/contoso/west/d2']);
    expect(findingsOf(f, 'NAME-4')[0].message).toMatch(/internal web FQDN dirweb.corp.contoso.com is already the internal web FQDN of test\/contoso\/west\/d1/);
  });

  test('a Director web FQDN equal to a server FQDN is one NAME-4 error', () => {
    const f = withDirector({ internalWebFqdn: 'pool-west-1.corp.contoso.com' });
    expect(findingsOf(f, 'NAME-4')).toHaveLength(1);
    expect(findingsOf(f, 'NAME-4')[0].message).toMatch(/server FQDN/);
  });

  test('an internal web FQDN equal to the Director pool FQDN is a NAME-4 error', () => {
    expect(findingsOf(withDirector({ internalWebFqdn: 'dir-west.corp.contoso.com' }), 'NAME-4')[0].message).toMatch(/must differ from the pool FQDN/);
  });
});
