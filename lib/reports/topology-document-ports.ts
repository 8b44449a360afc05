/**
 * The default ports Topology Builder writes for each service it creates (the product's defaults, as the
 * real documents in test/fixtures/topology/ carry them), so an exported service looks like one Topology
 * Builder made. One row: owner component, usage, interface side, port, protocol, URL path,
 * authorizes requests, then optional attributes (GruuType, Range, ConfiguredPort, ConfiguredFqdn).
 * `{access}`, `{webconf}` and `{av}` stand for the Edge pool's external FQDNs.
 */
import { readonlyMap } from '../model/memo';

export type PortRow = readonly [string, string, string, number, string, string, boolean, Readonly<Record<string, string>>?];

const MEDIA: readonly PortRow[] = [
  ['urn:component:MediaComp', 'AudioCommunication', 'Primary', 49152, 'TcpOrUdp', '/', false, { Range: '8348' }],
  ['urn:component:MediaComp', 'VideoCommunication', 'Primary', 57501, 'TcpOrUdp', '/', false, { Range: '8034' }],
  ['urn:component:MediaComp', 'AppSharingCommunication', 'Primary', 49152, 'TcpOrUdp', '/', false, { Range: '16383' }],
];

export const SERVICE_PORTS: ReadonlyMap<string, readonly PortRow[]> = readonlyMap<string, readonly PortRow[]>([
  [
    'UserServices',
    [
      ['urn:component:McuFactory', 'WebServer', 'Primary', 444, 'Mtls', '/LiveServer/McuFactory/', false],
      ['urn:component:PresenceFocus', 'UserPinManagement', 'Primary', 443, 'Https', '/LiveServer/UserPinManagement/', false],
      ['urn:component:McuFactory', 'WcfServer', 'Primary', 9001, 'Tcp', '/LiveServer/ConfDirMgmt/', false],
    ],
  ],
  [
    'Registrar',
    [
      ['urn:component:Registrar', 'SipServer', 'Primary', 5061, 'Mtls', '/', true, { GruuType: 'HomeServer' }],
      ['urn:component:Registrar', 'WebServer', 'Primary', 444, 'Mtls', '/LiveServer/Focus/', false],
      ['urn:component:WinFab', 'WinFabFederation', 'Primary', 5090, 'Tcp', '/', false],
      ['urn:component:WinFab', 'WinFabLeaseAgent', 'Primary', 5091, 'Tcp', '/', false],
      ['urn:component:WinFab', 'WinFabClientConnection', 'Primary', 5092, 'Tcp', '/', false],
      ['urn:component:WinFab', 'WinFabIPC', 'Primary', 5093, 'Tcp', '/', false],
      ['urn:component:WinFab', 'WinFabReplication', 'Primary', 5094, 'Tcp', '/', false],
      ['urn:component:QoE', 'SipServer', 'Primary', 5061, 'Mtls', '/LiveServer/QoE/', true, { GruuType: 'QoS' }],
      ['urn:component:Lyss', 'WcfMtls', 'Primary', 5077, 'Mtls', '/', false],
      ['urn:component:XmppFederation', 'SipServer', 'Primary', 5098, 'Mtls', '/', true, { GruuType: 'XmppFederation' }],
    ],
  ],
  [
    'WebServices',
    [
      ['urn:component:OCSWebSite', 'WebSite', 'External', 8080, 'Http', '/', false, { ConfiguredPort: '80' }],
      ['urn:component:OCSWebSite', 'WebSite', 'External', 4443, 'Https', '/', false, { ConfiguredPort: '443' }],
      ['urn:component:OCSWebSite', 'WebSite', 'Primary', 80, 'Http', '/', false],
      ['urn:component:OCSWebSite', 'WebSite', 'Primary', 443, 'Https', '/', false],
      ['urn:component:Reach', 'PsomServer', 'Primary', 8060, 'Mtls', '/', false],
      ['urn:component:Reach', 'PsomServer', 'External', 8061, 'Mtls', '/', false],
      ['urn:component:MediaComp', 'AppSharingCommunication', 'Primary', 49152, 'TcpOrUdp', '/', false, { Range: '16383' }],
      ['urn:component:McxService', 'SipServer', 'Primary', 5086, 'Mtls', '/', true, { GruuType: 'McxInternal' }],
      ['urn:component:McxServiceExternal', 'SipServer', 'Primary', 5087, 'Mtls', '/', true, { GruuType: 'McxExternal' }],
      ['urn:component:UcwaService', 'SipServer', 'Primary', 5088, 'Mtls', '/', true, { GruuType: 'UcwaInternal' }],
      ['urn:component:UcwaServiceExternal', 'SipServer', 'Primary', 5089, 'Mtls', '/', true, { GruuType: 'UcwaExternal' }],
    ],
  ],
  [
    'ConfServices',
    [
      ['urn:component:IMConf', 'SipServer', 'Primary', 5062, 'Mtls', '/', false, { GruuType: 'chat' }],
      ['urn:component:IMConf', 'WebServer', 'Primary', 444, 'Mtls', '/LiveServer/IMMcu/', false],
      ['urn:component:DataConf', 'PsomClient', 'Primary', 8057, 'Tls', '/', false],
      ['urn:component:AVConf', 'SipServer', 'Primary', 5063, 'Mtls', '/', false, { GruuType: 'audio-video' }],
      ['urn:component:AppSharingConf', 'SipServer', 'Primary', 5065, 'Mtls', '/', false, { GruuType: 'applicationsharing' }],
      ['urn:component:DataConf', 'WebServer', 'Primary', 444, 'Mtls', '/LiveServer/DataMcu/', false],
      ['urn:component:AVConf', 'WebServer', 'Primary', 444, 'Mtls', '/LiveServer/AVMcu/', false],
      ['urn:component:AppSharingConf', 'WebServer', 'Primary', 444, 'Mtls', '/LiveServer/ASMcu/', false],
      ...MEDIA,
    ],
  ],
  [
    'ApplicationServer',
    [
      ['urn:application:testbot', 'SipServer', 'Primary', 5076, 'Mtls', '/', true, { GruuType: 'Microsoft.Rtc.Applications.TestBot' }],
      ['urn:application:Cps', 'SipServer', 'Primary', 5075, 'Mtls', '/', true, { GruuType: 'Microsoft.Rtc.Applications.Cps' }],
      ['urn:application:RGS', 'SipServer', 'Primary', 5071, 'Mtls', '/', true, { GruuType: 'Microsoft.Rtc.Applications.Acd' }],
      ['urn:application:RGS', 'WcfMtls', 'Primary', 8404, 'Mtls', '/', false],
      ...MEDIA,
    ],
  ],
  [
    'MediationServer',
    [
      ['urn:component:Mediation', 'SipServer', 'Primary', 5070, 'Mtls', '/', true, { GruuType: 'MediationServer' }],
      ['urn:component:Mediation', 'SipClient', 'Pstn', 5067, 'Tls', '/', false],
      MEDIA[0],
    ],
  ],
  [
    'EdgeServer',
    [
      ['urn:component:AccessEdge', 'SipServer', 'Internal', 5061, 'Mtls', '/', false],
      ['urn:component:AccessEdge', 'SipClient', 'External', 443, 'Tls', '/', false, { ConfiguredFqdn: '{access}' }],
      ['urn:component:DataEdge', 'PsomServer', 'Internal', 8057, 'Mtls', '/', false],
      ['urn:component:DataEdge', 'PsomClient', 'External', 443, 'Tls', '/', false, { ConfiguredFqdn: '{webconf}' }],
      ['urn:component:MediaRelayAuthenticationEdge', 'SipServer', 'Internal', 5062, 'Mtls', '/', true, { GruuType: 'MRAS' }],
      ['urn:component:MediaRelayEdge', 'TURNServer', 'Internal', 443, 'Tcp', '/', false],
      ['urn:component:MediaRelayEdge', 'TURNServer', 'External', 443, 'Tcp', '/', false, { ConfiguredFqdn: '{av}' }],
      ['urn:component:MediaRelayEdge', 'TURNServer', 'Internal', 3478, 'Udp', '/', false],
      ['urn:component:MediaRelayEdge', 'TURNServer', 'External', 3478, 'Udp', '/', false, { ConfiguredFqdn: '{av}' }],
      ['urn:component:MediaRelayEdge', 'MediaCommunication', 'External', 50000, 'TcpOrUdp', '/', false, { Range: '10000', ConfiguredFqdn: '{av}' }],
    ],
  ],
  ['ManagementServices', [['urn:component:ReplicationService', 'Replication', 'Internal', 4443, 'Https', '/', false]]],
]);

/** The Access Edge's federation port, on Edge pools enabled for federation ("Enable federation for this Edge pool (Port 5061)"). */
export const FEDERATION_PORT: PortRow = ['urn:component:AccessEdge', 'SipServer', 'External', 5061, 'Mtls', '/', false, { ConfiguredFqdn: '{access}' }];

/** The XMPP proxy's ports, on Edge pools that federate over XMPP. */
export const XMPP_PORTS: readonly PortRow[] = [
  ['urn:component:XmppFederationProxy', 'XmppServer', 'External', 5269, 'Tls', '/', true],
  ['urn:component:XmppFederationProxy', 'XptServer', 'Internal', 23456, 'Mtls', '/XmppFederation/', false],
];
