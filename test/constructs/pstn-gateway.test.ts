import { FrontEndPool, PstnGateway, SipTransport, SipTrunk, VoiceRoute } from '../../lib';
import { voiceOf } from '../../lib/model/voice';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';
import { voiceSites } from '../voice-helpers';
import { checkInvariants, formatViolations } from '../invariants';
import { dnsReportDrift, firewallReportDrift } from '../report-consistency';
import { Testing } from '../../lib/cdktf';

const sources = (r: any): string[] => (r.source_address_prefixes?.length ? r.source_address_prefixes : [r.source_address_prefix]);

describe('PstnGateway', () => {
  test('records the gateway in the plan with Topology Builder\'s defaults (TLS, 5067 both ways)', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    const peer = voiceOf(deployment._toModel()).peers.find((p) => p.path === west.gateway.node.path)!;
    expect(peer).toMatchObject({ kind: 'gateway', sitePath: west.site.node.path, address: '192.168.10.5', transport: 'TLS', listeningPort: 5067, mediationPort: 5067, mediation: 'stand-alone', mediationPath: west.mediation.node.path, mediaBypass: false });
    expect(deployment.plan().voice.peers).toHaveLength(2);
  });

  test('TCP defaults to 5066 on the gateway and 5068 on the Mediation Server', () => {
    const { deployment } = testDeployment();
    const { west } = voiceSites(deployment);
    new PstnGateway(west.site, 'tcp-gateway', { fqdn: 'gw2-west.corp.contoso.com', address: '192.168.10.6', mediationPool: west.mediation, transport: SipTransport.TCP });
    const peer = voiceOf(deployment._toModel()).peers.find((p) => p.path.endsWith('tcp-gateway'))!;
    expect([peer.listeningPort, peer.mediationPort]).toEqual([5066, 5068]);
  });

  test('creates no VM, admits SIP and audio from the gateway address only into its Mediation subnet, and publishes its A record', () => {
    const { stack, deployment } = testDeployment();
    voiceSites(deployment);
    const json = synthJson(stack);
    const vms = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((vm) => /gw/.test(vm.name));
    expect(vms).toEqual([]);
    const rules = resourcesOf(json, 'azurerm_network_security_rule').filter((r) => sources(r).includes('192.168.10.5/32'));
    expect(rules.map((r) => [r.name, r.protocol, r.network_security_group_name]).sort()).toEqual([
      ['pstn-gateway-tcp', 'Tcp', expect.stringContaining('west_firewall-mediation')],
      ['pstn-gateway-udp', 'Udp', expect.stringContaining('west_firewall-mediation')],
    ]);
    const tcp = rules.find((r) => r.protocol === 'Tcp');
    expect(tcp.destination_port_ranges ?? [tcp.destination_port_range]).toEqual(expect.arrayContaining(['5067-5068', '49152-57500']));
    const a = resourcesOf(json, 'azurerm_private_dns_a_record').find((r) => r.name === 'gw-west');
    expect(a?.records).toEqual(['192.168.10.5']);
  });

  test('the voice topology synthesizes with its routes, satisfies the invariants, and its firewall and DNS reports match the JSON', () => {
    const { stack, deployment } = testDeployment();
    const { west, north } = voiceSites(deployment);
    new VoiceRoute(deployment, 'west-local', { usages: ['West'], gateways: [west.gateway], failoverGateways: [north.gateway] });
    new VoiceRoute(deployment, 'north-local', { usages: ['North'], gateways: [north.gateway], failoverGateways: [west.gateway] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(formatViolations(checkInvariants(json))).toBe('');
    const reports = deployment.reports();
    expect(firewallReportDrift(reports['firewall.md'], json)).toEqual([]);
    expect(dnsReportDrift(reports['dns.md'], json)).toEqual([]);
    expect(reports['firewall.md']).toMatch(/PSTN gateway gateway \(gw-west.corp.contoso.com\)/);
  });

  test('a gateway on collocated Mediation opens the Front End subnet', () => {
    const { stack, deployment } = testDeployment();
    const site = testSite(deployment);
    const pool = testPool(site, 'pool', { collocatedMediation: true, enterpriseVoice: true });
    new PstnGateway(site, 'gateway', { fqdn: 'gw-west.corp.contoso.com', address: '192.168.10.5', frontEndPool: pool });
    const rules = resourcesOf(synthJson(stack), 'azurerm_network_security_rule').filter((r) => sources(r).includes('192.168.10.5/32'));
    expect(rules.map((r) => r.network_security_group_name)).toEqual([expect.stringContaining('firewall-front-end'), expect.stringContaining('firewall-front-end')]);
  });

  describe('bad input throws, naming construct, prop, value and fix', () => {
    const build = () => {
      const { deployment } = testDeployment();
      return voiceSites(deployment);
    };
    test('an address that is no IPv4 address', () => {
      const { west } = build();
      expect(() => new PstnGateway(west.site, 'bad', { fqdn: 'gw9.corp.contoso.com', address: '192.168.10.0/24', mediationPool: west.mediation })).toThrow(/PstnGateway .*bad: address "192.168.10.0\/24" is not an IPv4 address; give/);
    });
    test('neither or both Mediation references', () => {
      const { west } = build();
      expect(() => new PstnGateway(west.site, 'none', { fqdn: 'gw9.corp.contoso.com', address: '192.168.10.9' })).toThrow(/give exactly one/);
      expect(() => new SipTrunk(west.site, 'both', { fqdn: 'sbc.corp.contoso.com', address: '192.168.10.9', mediationPool: west.mediation, frontEndPool: west.pool })).toThrow(/SipTrunk .*both: mediationPool .* give exactly one/);
    });
    test('a Front End pool without collocated Mediation', () => {
      const { west } = build();
      expect(() => new PstnGateway(west.site, 'fe', { fqdn: 'gw9.corp.contoso.com', address: '192.168.10.9', frontEndPool: west.pool as FrontEndPool })).toThrow(/has no collocated Mediation Server; set collocatedMediation/);
    });
    test('a Mediation pool of another site', () => {
      const { west, north } = build();
      expect(() => new PstnGateway(west.site, 'far', { fqdn: 'gw9.corp.contoso.com', address: '192.168.10.9', mediationPool: north.mediation })).toThrow(/is in site north, not west; .*create it in north/);
    });
    test('a route without usages or gateways, or with a name instead of a gateway', () => {
      const { west } = build();
      const d = west.site.deployment;
      expect(() => new VoiceRoute(d, 'r1', { usages: [], gateways: [west.gateway] })).toThrow(/VoiceRoute .*r1: usages \[\] is not a non-empty list/);
      expect(() => new VoiceRoute(d, 'r2', { usages: ['West'], gateways: [] })).toThrow(/VoiceRoute .*r2: gateways \[\] is not a non-empty list/);
      expect(() => new VoiceRoute(d, 'r3', { usages: ['West'], gateways: ['gateway' as any] })).toThrow(/gateways\[0\] "gateway" is not a PstnGateway or SipTrunk/);
      expect(() => new VoiceRoute(d, 'r4', { usages: ['West'], gateways: [west.gateway], numberPattern: '([' })).toThrow(/numberPattern "\(\[" is not a regular expression/);
    });
  });
});

describe('VoiceRoute', () => {
  test('records the route, its usages and its failover gateways in the plan', () => {
    const { deployment } = testDeployment();
    const { west, north } = voiceSites(deployment);
    new VoiceRoute(deployment, 'west-local', { usages: ['West'], gateways: [west.gateway], failoverGateways: [north.gateway] });
    expect(deployment.plan().voice.routes).toEqual([{
      path: 'test/contoso/west-local', name: 'west-local', numberPattern: '^\\+\\d+$', usages: ['West'],
      gatewayPaths: [west.gateway.node.path], failoverGatewayPaths: [north.gateway.node.path],
    }]);
  });
});

describe('day 2', () => {
  test('adding a gateway and a route adds its two NSG rules and its A record and changes no other resource', () => {
    const build = (more: boolean) => {
      const { stack, deployment } = testDeployment();
      const { west, north } = voiceSites(deployment);
      new VoiceRoute(deployment, 'west-local', { usages: ['West'], gateways: [west.gateway], failoverGateways: [north.gateway] });
      if (more) {
        const extra = new PstnGateway(north.site, 'gateway2', { fqdn: 'gw2-north.corp.contoso.com', address: '192.168.20.6', mediationPool: north.mediation });
        new VoiceRoute(deployment, 'north-local', { usages: ['North'], gateways: [extra], failoverGateways: [west.gateway] });
      }
      return JSON.parse(Testing.synth(stack)).resource as Record<string, Record<string, unknown>>;
    };
    const before = build(false);
    const after = build(true);
    const added: string[] = [];
    for (const [type, byName] of Object.entries(after)) {
      for (const [name, body] of Object.entries(byName)) {
        if (before[type]?.[name] === undefined) added.push(type);
        else expect([type, name, body]).toEqual([type, name, before[type][name]]);
      }
    }
    expect(added.sort()).toEqual(['azurerm_network_security_rule', 'azurerm_network_security_rule', 'azurerm_private_dns_a_record']);
  });
});
