/**
 * Edge server: the perimeter role that carries remote access, federation and media relay.
 *
 * Inbound media range of the A/V Edge external interface. Microsoft's Skype for Business tables list
 * TCP and UDP 50000-59999 only from the A/V Edge service to Any (outbound): the external port firewall
 * summary of `edge-environmental-requirements.md` has the rows "A/V/RTP TCP 50000-59999, source Edge
 * Server A/V Edge service, destination Any" and the same for UDP, and no row with 50000-59999 as an
 * inbound destination. The Lync Server 2013 page `lync-server-2013-determine-external-a-v-firewall-and-
 * port-requirements.md` says why: "The TCP and UDP port range of 50,000-59,999 must be open inbound and
 * outbound. This requirement is only for Office Communicator 2007. Office Communications Server 2007
 * R2, Lync Server 2010 and Lync Server 2013 only require TCP range 50,000-59,999 open outbound." (its
 * port summary lists the inbound rows as "Required only for federation with partners running Office
 * Communications Server 2007"). So for every version this library builds, 50000-59999 is outbound
 * from the A/V Edge (`edge-ext-to-internet-av-media-*`), never an inbound allow from the Internet;
 * the inbound rows are kept only under the `ocs-2007-federation` condition, which no construct sets.
 */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';
import { PAGE, NOT_2019 } from './flow-pages';
import { dnsOnlyFlows } from './directory-flows';

export const EDGE = roleProfile({
  role: ServerRole.EDGE,
  // The product's own name for the role.
  displayName: 'Edge',
  // Edge Server system requirements: in the perimeter network, not a domain member.
  domain: 'workgroup',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Edge servers.
  liveMigrationAdvisedAgainst: true,
  // Two NICs, external first: EDGE-12's finding, not VM-2's (one fact, one finding).
  singleNic: false,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // External NIC first: on Azure the first NIC holds the default gateway (EDGE-12).
  subnets: [SubnetRole.PERIMETER, SubnetRole.EDGE_INTERNAL],
  // B-series 2 vCPU / 8 GB, 3 NICs: room for the two an Edge needs.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers only.
  windowsFeatures: ALL_SERVERS,
  // EdgePool records its pool there.
  groups: 'edgePools',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['edge-internal', 'edge-external'],
  // Constructs that build it: two, the fewest that give an Edge pool high availability (EDGE-1).
  serverCounts: [{ construct: 'EdgePool', prop: 'servers', default: 2, min: 1, max: 100, why: 'Two Edge servers: the fewest that give the pool high availability (EDGE-1)' }],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Edge external interface: from and to the Internet (edge-environmental-requirements.md,
    // "External port firewall summary table"). Destinations are the service's own address.
    { key: 'internet-to-edge-ext-access-sip-tls', edgeService: 'access', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'Access Edge: client-to-server SIP (TLS) for external users', source: PAGE.EDGE },
    { key: 'internet-to-edge-ext-access-federation', edgeService: 'access', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) from federated partners and public IM connectivity', source: PAGE.EDGE, when: ['federation'] },
    { key: 'internet-to-edge-ext-xmpp', edgeService: 'access', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['5269'], purpose: 'XMPP Proxy (shares the Access Edge address): traffic from XMPP contacts', source: PAGE.EDGE, versions: NOT_2019, when: ['xmpp'] },
    { key: 'internet-to-edge-ext-webconf', edgeService: 'webconf', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'Web Conferencing Edge: PSOM (TLS) web conferencing media', source: PAGE.EDGE },
    { key: 'internet-to-edge-ext-av-stun-udp', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/TURN negotiation of candidates over UDP', source: PAGE.EDGE },
    { key: 'internet-to-edge-ext-av-stun-tcp', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'A/V Edge: STUN/TURN negotiation of candidates over TCP', source: PAGE.EDGE },
    {
      key: 'internet-to-edge-ext-av-media-tcp-ocs2007', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['50000-59999'], purpose: 'A/V Edge: inbound RTP media, only for federation with Office Communications Server 2007',
      source: PAGE.LYNC_AV, when: ['ocs-2007-federation'], note: 'Not opened by the library: Lync Server 2013 and later need 50000-59999 outbound only (see the header of lib/model/roles/edge.ts).',
    },
    {
      key: 'internet-to-edge-ext-av-media-udp-ocs2007', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Udp', ports: ['50000-59999'], purpose: 'A/V Edge: inbound RTP media, only for federation with Office Communications Server 2007',
      source: PAGE.LYNC_EDGE_SUMMARY, when: ['ocs-2007-federation'], note: 'Not opened by the library (see the header of lib/model/roles/edge.ts).',
    },
    { key: 'edge-ext-to-internet-access-federation', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) to federated partners and public IM connectivity', source: PAGE.EDGE, when: ['federation'] },
    { key: 'edge-ext-to-internet-xmpp', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['5269'], purpose: 'XMPP Proxy: traffic to XMPP contacts in defined XMPP federations', source: PAGE.EDGE, versions: NOT_2019, when: ['xmpp'] },
    { key: 'edge-ext-to-internet-crl', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['80'], purpose: 'Access Edge: certificate revocation and CRL check and retrieval', source: PAGE.EDGE },
    { key: 'edge-ext-to-internet-dns-tcp', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['53'], purpose: 'Access Edge: DNS query over TCP', source: PAGE.EDGE },
    { key: 'edge-ext-to-internet-dns-udp', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Udp', ports: ['53'], purpose: 'Access Edge: DNS query over UDP', source: PAGE.EDGE },
    { key: 'edge-ext-to-internet-av-media-tcp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['50000-59999'], purpose: 'A/V Edge: relaying media traffic (outbound)', source: PAGE.EDGE },
    { key: 'edge-ext-to-internet-av-media-udp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Udp', ports: ['50000-59999'], purpose: 'A/V Edge: relaying media traffic (outbound)', source: PAGE.EDGE },
    {
      key: 'edge-ext-to-internet-av-stun-udp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/TURN outbound (Edge version detection, Edge-to-Edge media, federation, several Edge pools)',
      source: PAGE.EDGE,
    },
    { key: 'edge-ext-to-internet-av-stun-tcp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['443'], purpose: 'A/V Edge: STUN/TURN negotiation of candidates over TCP (outbound)', source: PAGE.EDGE },
    {
      key: 'edge-ext-to-edge-ext-av-udp', edgeService: 'av', from: 'edge-external', to: 'edge-external', protocol: 'Udp', ports: ['3478'], purpose: 'Edge Servers reach one another from their public A/V Edge addresses (media between Edge Servers and Edge pools)',
      source: PAGE.EDGE, note: '"Your Edge Servers need to be able to communicate with one another from their public A/V Edge IP addresses. Your firewall needs to allow this traffic." Across pools the traffic leaves through the public addresses.',
    },
    { key: 'edge-ext-to-edge-ext-av-tcp', edgeService: 'av', from: 'edge-external', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'Edge Servers reach one another from their public A/V Edge addresses (TCP fallback)', source: PAGE.EDGE },

    // Edge external interface and Microsoft 365, in hybrid (the 2015 hybrid page's "Port and protocol
    // requirements" table; the current SfbHybrid page refers to the Microsoft 365 URLs and IP address
    // ranges instead). Addresses: lib/model/microsoft-365.ts. The library renders inbound rules only;
    // the outbound rows pass Azure's default outbound rule (AllowInternetOutBound).
    { key: 'm365-to-edge-ext-access-sip', edgeService: 'access', from: 'microsoft-365', to: 'edge-external', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) signaling from Microsoft 365 (sipfed.online.lync.com) in hybrid', source: PAGE.HYBRID_PORTS, when: ['teams-hybrid'] },
    { key: 'edge-ext-to-m365-access-sip', edgeService: 'access', from: 'edge-external', to: 'microsoft-365', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) signaling to Microsoft 365 (sipfed.online.lync.com) in hybrid', source: PAGE.HYBRID_PORTS, when: ['teams-hybrid'] },
    {
      key: 'm365-to-edge-ext-av-media-tcp', edgeService: 'av', from: 'microsoft-365', to: 'edge-external', protocol: 'Tcp', ports: ['50000-59999'], purpose: 'A/V Edge: STUN/MSTURN over TCP from Microsoft 365 (source port 443) for audio, video and application sharing',
      source: PAGE.HYBRID_PORTS, when: ['teams-hybrid'], note: 'The 2015 table lists Office 365 (source 443) to the A/V Edge 50000-59999; a later restatement lists destination 443, which the Internet rule (internet-to-edge-ext-av-stun-tcp) admits anyway.',
    },
    { key: 'edge-ext-to-m365-av-tcp', edgeService: 'av', from: 'edge-external', to: 'microsoft-365', protocol: 'Tcp', ports: ['443', '50000-59999'], purpose: 'A/V Edge: STUN/MSTURN over TCP to Microsoft 365 (source ports 50000-59999) for audio, video and application sharing', source: PAGE.HYBRID_PORTS, when: ['teams-hybrid'] },
    { key: 'm365-to-edge-ext-av-stun-udp', edgeService: 'av', from: 'microsoft-365', to: 'edge-external', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/MSTURN over UDP from Microsoft 365 for audio and video', source: PAGE.HYBRID_PORTS, when: ['teams-hybrid'] },
    { key: 'edge-ext-to-m365-av-stun-udp', edgeService: 'av', from: 'edge-external', to: 'microsoft-365', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/MSTURN over UDP to Microsoft 365 for audio and video', source: PAGE.HYBRID_PORTS, when: ['teams-hybrid'] },

    // Edge internal interface (edge-environmental-requirements.md, "Internal port firewall summary table").
    { key: 'fe-to-edge-int-sip', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from every Front End pool to every Edge Server internal interface', source: PAGE.EDGE },
    { key: 'director-to-edge-int-sip', from: 'director', to: 'edge-internal', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Director or Director pool to the Edge Server internal interface', source: PAGE.EDGE },
    { key: 'edge-int-to-fe-sip', from: 'edge-internal', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Edge internal interface to the Front End pool (next hop, remote users\' home pools)', source: PAGE.EDGE },
    { key: 'edge-int-to-director-sip', from: 'edge-internal', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Edge internal interface to the Director or Director pool', source: PAGE.EDGE },
    { key: 'fe-to-edge-int-psom', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['8057'], purpose: 'Web conferencing (PSOM/MTLS) from each Front End Server', source: PAGE.EDGE },
    { key: 'fe-to-edge-int-mras', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['5062'], purpose: 'Authentication of A/V users (Media Relay Authentication Service, SIP/MTLS)', source: PAGE.EDGE },
    { key: 'fe-to-edge-int-stun-udp', from: 'front-end', to: 'edge-internal', protocol: 'Udp', ports: ['3478'], purpose: 'STUN/MSTURN: preferred A/V media path (conferencing servers to external users)', source: PAGE.EDGE },
    { key: 'fe-to-edge-int-stun-tcp', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['443'], purpose: 'STUN/MSTURN: fallback A/V media path, file transfer and desktop sharing', source: PAGE.EDGE },
    { key: 'clients-to-edge-int-stun-udp', from: 'internal-clients', to: 'edge-internal', protocol: 'Udp', ports: ['3478'], purpose: 'STUN/MSTURN: preferred A/V media path between internal and external users (source Any)', source: PAGE.EDGE },
    { key: 'clients-to-edge-int-stun-tcp', from: 'internal-clients', to: 'edge-internal', protocol: 'Tcp', ports: ['443'], purpose: 'STUN/MSTURN: fallback A/V media path between internal and external users, file transfer and desktop sharing (source Any)', source: PAGE.EDGE },
    {
      key: 'mediation-to-edge-int-stun-udp', from: 'mediation', to: 'edge-internal', protocol: 'Udp', ports: ['3478'], purpose: 'STUN/MSTURN: media of external users\' PSTN calls through a stand-alone Mediation Server (source Any)',
      source: PAGE.EDGE, when: ['enterprise-voice'], note: 'The table\'s source is Any; the Mediation Server terminates the media of external users\' PSTN calls.',
    },
    { key: 'mediation-to-edge-int-stun-tcp', from: 'mediation', to: 'edge-internal', protocol: 'Tcp', ports: ['443'], purpose: 'STUN/MSTURN: TCP fallback for media through a stand-alone Mediation Server (source Any)', source: PAGE.EDGE, when: ['enterprise-voice'] },
    {
      key: 'fe-to-edge-int-cms-replication', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['4443'], purpose: 'HTTPS replication of Central Management store changes to every Edge Server',
      source: PAGE.EDGE, when: ['hosts-cms'], note: 'From the pool that holds the Central Management store and from its standby (the backup pool), which becomes the master after a CMS failover.',
    },
    { key: 'fe-to-edge-int-xmpp', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['23456'], purpose: 'XMPP (MTLS) from the XMPP Gateway service on the Front End pool', source: PAGE.EDGE, versions: NOT_2019, when: ['xmpp'] },
    {
      key: 'fe-to-edge-int-cls', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['50001-50003'], purpose: 'Centralized Logging Service controller and agent (MTLS), source Any',
      source: PAGE.EDGE, note: 'The table\'s source is Any; the controller runs in the Management Shell on a Front End Server.',
    },

    // Lab mode: to the domain controllers.
    ...dnsOnlyFlows('edge-internal', 'edge-int', 'Edge Server (DNS only: Edge Servers are not domain members)'),
  ],
});
