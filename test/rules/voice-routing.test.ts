import { MediationPool, PstnGateway, SipTrunk, validateTopology, VoiceRoute } from '../../lib';
import { findingsOf, testDeployment, testPool, testSite } from '../helpers';
import { voiceSites } from '../voice-helpers';

describe('VOICE-4: a route has a failover route through another site', () => {
  test('a failover route through the other site\'s gateway is fine', () => {
    const { deployment } = testDeployment();
    const { west, north } = voiceSites(deployment);
    new VoiceRoute(deployment, 'west-local', { usages: ['West'], gateways: [west.gateway], failoverGateways: [north.gateway] });
    expect(findingsOf(validateTopology(deployment), 'VOICE-4')).toEqual([]);
  });

  test('a route without a failover route is a warning naming the route and its site', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    new VoiceRoute(deployment, 'west-local', { usages: ['West'], gateways: [west.gateway] });
    const f = findingsOf(validateTopology(deployment), 'VOICE-4');
    expect(f.map((x) => [x.path, x.severity])).toEqual([['test/contoso/west-local', 'warning']]);
    expect(f[0].message).toMatch(/voice route west-local sends calls only to gateways in site west and has no failover route.*give failoverGateways in another central site/);
  });

  test('a failover route through a gateway of the same site is a warning', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    const second = new PstnGateway(west.site, 'gateway2', { fqdn: 'gw2-west.corp.contoso.com', address: '192.168.10.6', mediationPool: west.mediation });
    new VoiceRoute(deployment, 'west-local', { usages: ['West'], gateways: [west.gateway], failoverGateways: [second] });
    expect(findingsOf(validateTopology(deployment), 'VOICE-4')[0].message).toMatch(/failover route of voice route west-local uses gateways in site west, the site of its primary gateways/);
  });
});

describe('MED-5: SIP trunking uses a stand-alone Mediation pool', () => {
  const collocated = () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const pool = testPool(site, 'pool', { collocatedMediation: true, enterpriseVoice: true });
    return { deployment, site, pool };
  };

  test('a SIP trunk on a stand-alone Mediation pool, and a media-bypass gateway on collocated Mediation, are fine', () => {
    const { deployment, site, pool } = collocated();
    const mediation = new MediationPool(site, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool });
    new SipTrunk(site, 'itsp', { fqdn: 'sbc-west.corp.contoso.com', address: '192.168.10.7', mediationPool: mediation });
    new PstnGateway(site, 'gateway', { fqdn: 'gw-west.corp.contoso.com', address: '192.168.10.5', frontEndPool: pool, mediaBypass: true });
    expect(findingsOf(validateTopology(deployment), 'MED-5')).toEqual([]);
  });

  test('a SIP trunk on collocated Mediation is a warning', () => {
    const { deployment, site, pool } = collocated();
    const trunk = new SipTrunk(site, 'itsp', { fqdn: 'sbc-west.corp.contoso.com', address: '192.168.10.7', frontEndPool: pool });
    const f = findingsOf(validateTopology(deployment), 'MED-5');
    expect(f.map((x) => [x.path, x.severity])).toEqual([[trunk.node.path, 'warning']]);
    expect(f[0].message).toMatch(/SIP trunk sbc-west.corp.contoso.com terminates on the collocated Mediation Servers of pool; .*create a MediationPool/);
  });

  test('a gateway on collocated Mediation without media bypass is a warning', () => {
    const { deployment, site, pool } = collocated();
    new PstnGateway(site, 'gateway', { fqdn: 'gw-west.corp.contoso.com', address: '192.168.10.5', frontEndPool: pool });
    expect(findingsOf(validateTopology(deployment), 'MED-5')[0].message).toMatch(/without media bypass; .*set mediaBypass/);
  });
});
