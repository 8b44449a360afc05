import { OfficeOnlineServerFarm, ReverseProxy, validateTopology } from '../../lib';
import { OFFICE_ONLINE_RULES } from '../../lib/rules/office-online';
import { TopologyModel } from '../../lib/model/topology';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const OWA2 = OFFICE_ONLINE_RULES.find((r) => r.id === 'OWA-2');

function farmModel(servers?: number): TopologyModel {
  return modelOf(({ deployment }) => {
    const west = testSite(deployment, 'west');
    const farm = new OfficeOnlineServerFarm(west, 'oos', { fqdn: 'oos-west.corp.contoso.com', servers });
    testPool(west, 'pool').associateOfficeOnlineServer(farm);
  });
}

describe('OWA-2: a farm is one FQDN on a VIP, shared by the pools of its site', () => {
  test('a two-server farm behind its load balancer, used by a pool of its site, is fine', () => {
    expect(check(OWA2, farmModel())).toEqual([]);
    expect(check(OWA2, farmModel(1))).toEqual([]);
  });

  test('a multi-server farm without its load balancer is a warning', () => {
    const m = farmModel(3);
    const broken = { ...m, officeOnlineFarms: m.officeOnlineFarms!.map((f) => ({ ...f, loadBalancer: undefined })) };
    const f = check(OWA2, broken);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'OWA-2' });
    expect(f[0].message).toMatch(/3 servers and no load balancer/);
  });

  test('a farm FQDN that resolves to the members instead of the VIP is a warning', () => {
    const m = farmModel();
    const fqdn = 'oos-west.corp.contoso.com';
    const members = m.officeOnlineFarms![0].servers.map((s) => s.nics[0].privateIp);
    const broken = { ...m, dnsRecords: [...m.dnsRecords.filter((r) => r.fqdn !== fqdn), { fqdn, scope: 'private' as const, type: 'A' as const, values: members }] };
    expect(check(OWA2, broken)[0].message).toMatch(/resolves to .* not to its load balancer's address/);
  });

  test('a pool using the farm of another site is a warning naming both sites', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const east = testSite(deployment, 'east', { addressSpace: '10.2.0.0/16', location: 'northeurope' });
    const farm = new OfficeOnlineServerFarm(west, 'oos', { fqdn: 'oos-west.corp.contoso.com' });
    testPool(east, 'pool').associateOfficeOnlineServer(farm);
    const f = findingsOf(validateTopology(deployment), 'OWA-2');
    expect(f).toHaveLength(1);
    expect(f[0].path).toMatch(/east\/pool$/);
    expect(f[0].message).toMatch(/add an OfficeOnlineServerFarm to .*east/);
  });
});

describe('OWA-3: the farm stays internal, external users reach it through the reverse proxy', () => {
  const OWA3 = OFFICE_ONLINE_RULES.find((r) => r.id === 'OWA-3');
  const SECRET = 'https://kv-contoso.vault.azure.net/secrets/sfb-external';
  function withExternalFarm(proxy: boolean): TopologyModel {
    return modelOf(({ deployment }) => {
      const west = testSite(deployment, 'west');
      const farm = new OfficeOnlineServerFarm(west, 'oos', { fqdn: 'oos-west.corp.contoso.com', externalFqdn: 'oos.contoso.com' });
      testPool(west, 'pool').associateOfficeOnlineServer(farm);
      if (proxy) new ReverseProxy(west, 'rp', { certificateSecretId: SECRET });
    });
  }

  test('a farm with an external FQDN published by its site\'s proxy, or with none, is fine', () => {
    expect(check(OWA3, withExternalFarm(true))).toEqual([]);
    expect(check(OWA3, farmModel())).toEqual([]);
  });

  test('a farm with an external FQDN and no proxy in its site is a warning', () => {
    const f = check(OWA3, withExternalFarm(false));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/oos.contoso.com is published by no reverse proxy .*add a ReverseProxy/);
  });

  test('a proxy that does not publish the farm\'s external FQDN is a warning', () => {
    const m = withExternalFarm(true);
    const broken = { ...m, reverseProxies: m.reverseProxies!.map((p) => ({ ...p, published: p.published.filter((n) => n.fqdn !== 'oos.contoso.com') })) };
    expect(check(OWA3, broken)[0].message).toMatch(/not published by reverse proxy .*west\/rp/);
  });
});
