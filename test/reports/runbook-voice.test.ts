import { PstnGateway, VoiceRoute } from '../../lib';
import { section, subsection } from '../runbook-sections';
import { testDeployment, twoSiteModel } from '../helpers';
import { renderRunbook } from '../../lib/reports/runbook';
import { branchTopology, voiceSites } from '../voice-helpers';

describe('the runbook\'s voice outages', () => {
  test('is absent when no voice is modelled', () => {
    expect(renderRunbook(twoSiteModel())).not.toContain('## Voice outages');
  });

  test('answers which calls survive for a central site, the WAN to a branch, a gateway and a Mediation pool', () => {
    const { deployment } = branchTopology();
    const voice = section(deployment.runbook(), 'Voice outages');
    const west = subsection(voice, 'Central site west down');
    expect(west).toContain('route central: its failover route (usage Central failover) takes over through gw-north.corp.contoso.com');
    expect(west).not.toContain('route redmond-local');
    expect(west).toContain('Branches redmond: their survivable registrars keep them registered');
    expect(subsection(voice, 'Central site north down')).toContain('no voice route depends on what is lost');
    const wan = subsection(voice, 'WAN to branch redmond down');
    expect(wan).toMatch(/in and out through the branch gateway gw-redmond.corp.contoso.com \(the first usage Redmond local\)/);
    expect(wan).toContain('Get-CsVoicemailReroutingConfiguration');
    expect(subsection(voice, 'Gateway gw-west.corp.contoso.com down')).toMatch(/route central: its failover route .* through gw-north.corp.contoso.com/);
    const med = subsection(voice, 'Mediation pool med-west.corp.contoso.com down');
    expect(med).toMatch(/its failover route .* through gw-north.corp.contoso.com.*\n.*\n.*Get-CsWindowsService -Name RTCMEDSRV -ComputerName med-west-1/);
    expect(subsection(voice, 'Central site north down')).toContain('Set-CsVoiceRoute -Identity "<route>" -PstnGatewayList @{Add="PstnGateway:gw-west.corp.contoso.com"}');
  });

  test('a route without failover says which calls fail, and another gateway in the route takes over', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    const second = new PstnGateway(west.site, 'gateway2', { fqdn: 'gw2-west.corp.contoso.com', address: '192.168.10.6', mediationPool: west.mediation });
    new VoiceRoute(deployment, 'west-only', { usages: ['West'], gateways: [west.gateway] });
    new VoiceRoute(deployment, 'west-pair', { usages: ['West pair'], gateways: [west.gateway, second] });
    const voice = section(deployment.runbook(), 'Voice outages');
    const gw = subsection(voice, 'Gateway gw-west.corp.contoso.com down');
    expect(gw).toMatch(/route west-only: \*\*no gateway left\*\*, PSTN calls of usages West matching/);
    expect(gw).toContain('route west-pair: calls go to its other gateways gw2-west.corp.contoso.com');
    expect(voice).toContain('none (VOICE-4)');
  });
});
