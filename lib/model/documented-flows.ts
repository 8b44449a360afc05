/**
 * Every network flow Microsoft documents for the roles this library builds, as plain data: what the
 * NSG plan must allow, what the firewall report lists, and what a segmentation test proves reachable.
 *
 * One entry is one protocol and a list of destination ports from one kind of endpoint to another.
 * `source` is the path of the page the entry comes from, in MicrosoftDocs/OfficeDocs-SkypeForBusiness
 * unless it names another repository. Entries that Microsoft's ports tables do not list, but that the
 * services bind and need between the servers of one pool (Windows Fabric, the local user store), come
 * from a published topology document (AutomatedLab/SfBAutomatedLab, `Sample Topologies/Contoso.tbxml`,
 * summarised in shared/reference/service-port-bindings.md) and say so in `note`.
 *
 * What the data does not decide: addresses, NSG names and priorities (the plan does that), and rules
 * Azure itself needs (load-balancer probes, Bastion), which are not product flows.
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
import { ProductVersion } from '../enums';
import { readonlyMap } from './memo';

/** A kind of endpoint: every server of a role, a network of clients, or something outside the deployment. */
export type Endpoint =
  | 'front-end'
  | 'back-end-sql'
  | 'edge-internal'
  | 'edge-external'
  | 'director'
  | 'mediation'
  | 'persistent-chat'
  | 'persistent-chat-sql'
  | 'file-store'
  | 'internal-clients'
  | 'internet'
  | 'microsoft-365'
  | 'pstn-gateway'
  | 'reverse-proxy'
  | 'domain-controller'
  | 'office-web-apps'
  | 'survivable-branch';

/** Every endpoint, for checks and loops. */
export const ENDPOINTS: readonly Endpoint[] = [
  'front-end',
  'back-end-sql',
  'edge-internal',
  'edge-external',
  'director',
  'mediation',
  'persistent-chat',
  'persistent-chat-sql',
  'file-store',
  'internal-clients',
  'internet',
  'microsoft-365',
  'pstn-gateway',
  'reverse-proxy',
  'domain-controller',
  'office-web-apps',
  'survivable-branch',
];

/**
 * A condition under which a flow exists; an entry with several applies when all hold.
 * - `federation`: the Edge pool is enabled for SIP federation (port 5061), or public IM connectivity.
 * - `xmpp`: XMPP federation (Lync Server 2013 and Skype for Business Server 2015 only).
 * - `hardware-load-balancing`: the destination pool balances SIP with a load balancer (the HLB-only tables).
 * - `collocated-mediation`: the Front End pool runs the Mediation Server role.
 * - `hosts-cms`: the source pool hosts the Central Management store, or its standby (the backup pool
 *   of the pool that hosts it): after `Invoke-CsManagementServerFailover` the standby is the master.
 * - `paired-pools`: the flow runs between a Front End pool and its backup pool.
 * - `mirroring`, `mirroring-witness`, `always-on`, `failover-cluster`: the back end's HA technology.
 * - `persistent-chat-dr`: a Persistent Chat pool with log shipping to its second data center.
 * - `enterprise-voice`: the pool routes calls to PSTN gateways; `e911`: Enhanced 9-1-1 is configured.
 * - `static-routes`: optional static routes to trusted services (e.g. remote call control).
 * - `office-web-apps`: an Office Web Apps / Office Online Server farm serves the deployment.
 * - `lab`: the library's lab mode (its own domain controllers).
 * - `ocs-2007-federation`: federation with Office Communications Server 2007 partners; the library never sets it.
 * - `teams-hybrid`: the federation Edge pool is in hybrid with Microsoft 365 (`EdgePool` prop `teamsHybrid`).
 */
export type FlowCondition =
  | 'federation'
  | 'xmpp'
  | 'hardware-load-balancing'
  | 'collocated-mediation'
  | 'hosts-cms'
  | 'paired-pools'
  | 'mirroring'
  | 'mirroring-witness'
  | 'always-on'
  | 'failover-cluster'
  | 'persistent-chat-dr'
  | 'enterprise-voice'
  | 'e911'
  | 'static-routes'
  | 'office-web-apps'
  | 'lab'
  | 'ocs-2007-federation'
  | 'teams-hybrid';

/**
 * Which instances of `from` reach which of `to`.
 * - omitted: every instance of `from` anywhere in the deployment reaches every instance of `to`
 *   (Microsoft: "Front End Servers of every pool reach all Edge Servers").
 * - `same-pool`: only between the servers of one pool (or one back end, one Persistent Chat pool).
 * - `paired-pool`: from a Front End pool's servers to its backup pool's (each direction is its own pair).
 * - `own-pool`: from a pool to what belongs to it (its file store, its back end, its next hop).
 */
export type FlowScope = 'same-pool' | 'paired-pool' | 'own-pool';

export interface DocumentedFlow {
  /** Stable and unique, e.g. `fe-to-edge-int-sip`. */
  readonly key: string;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly protocol: 'Tcp' | 'Udp';
  /** Destination ports: single ports (`5061`) or inclusive ranges (`50000-59999`). */
  readonly ports: readonly string[];
  readonly purpose: string;
  /** Path of the documentation page (or file) the flow comes from. */
  readonly source: string;
  /** Product versions the flow applies to; omitted means every version. */
  readonly versions?: readonly ProductVersion[];
  /** Conditions that must all hold for the flow to exist; omitted means always. */
  readonly when?: readonly FlowCondition[];
  readonly scope?: FlowScope;
  /**
   * Which external Edge service's address the flow uses, when one end is `edge-external`: each
   * service has its own public and private addresses (three-IP-per-server model).
   */
  readonly edgeService?: 'access' | 'webconf' | 'av';
  /** The destination is the pool's load-balancer VIP (a balancing rule must carry the ports), as in the HLB port tables. */
  readonly via?: 'load-balancer';
  /** Why an entry reads the page the way it does, or that it is derived rather than tabled. */
  readonly note?: string;
}

const L13 = ProductVersion.LYNC_SERVER_2013;
const S15 = ProductVersion.SKYPE_FOR_BUSINESS_2015;
const S19 = ProductVersion.SKYPE_FOR_BUSINESS_2019;
/** Subscription Edition takes 2019's flows (lib/model/versions.ts derives it from 2019). */
const SE = ProductVersion.SKYPE_FOR_BUSINESS_SE;

/** Source pages. */
const PORTS = 'Skype/SfbServer/plan-your-deployment/network-requirements/ports-and-protocols.md';
const EDGE = 'Skype/SfbServer/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md';
const LYNC_AV = 'Lync/LyncServer/lync-server-2013-determine-external-a-v-firewall-and-port-requirements.md';
const LYNC_EDGE_SUMMARY = 'Lync/LyncServer/lync-server-2013-port-summary-scaled-consolidated-edge-dns-load-balancing-with-public-ip-addresses.md';
const REVERSE_PROXY = 'Lync/LyncServer/lync-server-2013-port-summary-reverse-proxy.md';
const FE_DR = 'Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md';
const MIRRORING = 'Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md';
const ALWAYS_ON = 'Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md';
const CHAT_TOPOLOGY = 'Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md';
const CHAT_DR = 'Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md';
const TBXML = 'AutomatedLab/SfBAutomatedLab: Sample Topologies/Contoso.tbxml';
const AD_PORTS = 'MicrosoftDocs/SupportArticles-docs: support/windows-server/active-directory/config-firewall-for-ad-domains-and-trusts.md';
const HYBRID_PORTS = 'Skype/SfbServer/skype-for-business-hybrid-solutions/plan-hybrid-connectivity.md';
const WINDOWS_PORTS = 'MicrosoftDocs/SupportArticles-docs: support/windows-server/networking/service-overview-and-network-port-requirements.md';

const NOT_2019 = [L13, S15] as const;
const HA_2015_ON = [S15, S19, SE] as const;

export const DOCUMENTED_FLOWS: readonly DocumentedFlow[] = [
  // ---------------------------------------------------------------------------------------------
  // Edge external interface: from and to the Internet (edge-environmental-requirements.md,
  // "External port firewall summary table"). Destinations are the service's own address.
  // ---------------------------------------------------------------------------------------------
  { key: 'internet-to-edge-ext-access-sip-tls', edgeService: 'access', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'Access Edge: client-to-server SIP (TLS) for external users', source: EDGE },
  { key: 'internet-to-edge-ext-access-federation', edgeService: 'access', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) from federated partners and public IM connectivity', source: EDGE, when: ['federation'] },
  { key: 'internet-to-edge-ext-xmpp', edgeService: 'access', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['5269'], purpose: 'XMPP Proxy (shares the Access Edge address): traffic from XMPP contacts', source: EDGE, versions: NOT_2019, when: ['xmpp'] },
  { key: 'internet-to-edge-ext-webconf', edgeService: 'webconf', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'Web Conferencing Edge: PSOM (TLS) web conferencing media', source: EDGE },
  { key: 'internet-to-edge-ext-av-stun-udp', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/TURN negotiation of candidates over UDP', source: EDGE },
  { key: 'internet-to-edge-ext-av-stun-tcp', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'A/V Edge: STUN/TURN negotiation of candidates over TCP', source: EDGE },
  {
    key: 'internet-to-edge-ext-av-media-tcp-ocs2007', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Tcp', ports: ['50000-59999'], purpose: 'A/V Edge: inbound RTP media, only for federation with Office Communications Server 2007',
    source: LYNC_AV, when: ['ocs-2007-federation'], note: 'Not opened by the library: Lync Server 2013 and later need 50000-59999 outbound only (see the module header).',
  },
  {
    key: 'internet-to-edge-ext-av-media-udp-ocs2007', edgeService: 'av', from: 'internet', to: 'edge-external', protocol: 'Udp', ports: ['50000-59999'], purpose: 'A/V Edge: inbound RTP media, only for federation with Office Communications Server 2007',
    source: LYNC_EDGE_SUMMARY, when: ['ocs-2007-federation'], note: 'Not opened by the library (see the module header).',
  },
  { key: 'edge-ext-to-internet-access-federation', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) to federated partners and public IM connectivity', source: EDGE, when: ['federation'] },
  { key: 'edge-ext-to-internet-xmpp', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['5269'], purpose: 'XMPP Proxy: traffic to XMPP contacts in defined XMPP federations', source: EDGE, versions: NOT_2019, when: ['xmpp'] },
  { key: 'edge-ext-to-internet-crl', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['80'], purpose: 'Access Edge: certificate revocation and CRL check and retrieval', source: EDGE },
  { key: 'edge-ext-to-internet-dns-tcp', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['53'], purpose: 'Access Edge: DNS query over TCP', source: EDGE },
  { key: 'edge-ext-to-internet-dns-udp', edgeService: 'access', from: 'edge-external', to: 'internet', protocol: 'Udp', ports: ['53'], purpose: 'Access Edge: DNS query over UDP', source: EDGE },
  { key: 'edge-ext-to-internet-av-media-tcp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['50000-59999'], purpose: 'A/V Edge: relaying media traffic (outbound)', source: EDGE },
  { key: 'edge-ext-to-internet-av-media-udp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Udp', ports: ['50000-59999'], purpose: 'A/V Edge: relaying media traffic (outbound)', source: EDGE },
  {
    key: 'edge-ext-to-internet-av-stun-udp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/TURN outbound (Edge version detection, Edge-to-Edge media, federation, several Edge pools)',
    source: EDGE,
  },
  { key: 'edge-ext-to-internet-av-stun-tcp', edgeService: 'av', from: 'edge-external', to: 'internet', protocol: 'Tcp', ports: ['443'], purpose: 'A/V Edge: STUN/TURN negotiation of candidates over TCP (outbound)', source: EDGE },
  {
    key: 'edge-ext-to-edge-ext-av-udp', edgeService: 'av', from: 'edge-external', to: 'edge-external', protocol: 'Udp', ports: ['3478'], purpose: 'Edge Servers reach one another from their public A/V Edge addresses (media between Edge Servers and Edge pools)',
    source: EDGE, note: '"Your Edge Servers need to be able to communicate with one another from their public A/V Edge IP addresses. Your firewall needs to allow this traffic." Across pools the traffic leaves through the public addresses.',
  },
  { key: 'edge-ext-to-edge-ext-av-tcp', edgeService: 'av', from: 'edge-external', to: 'edge-external', protocol: 'Tcp', ports: ['443'], purpose: 'Edge Servers reach one another from their public A/V Edge addresses (TCP fallback)', source: EDGE },

  // ---------------------------------------------------------------------------------------------
  // Edge external interface and Microsoft 365, in hybrid (the 2015 hybrid page's "Port and protocol
  // requirements" table; the current SfbHybrid page refers to the Microsoft 365 URLs and IP address
  // ranges instead). Addresses: lib/model/microsoft-365.ts. The library renders inbound rules only;
  // the outbound rows pass Azure's default outbound rule (AllowInternetOutBound).
  // ---------------------------------------------------------------------------------------------
  { key: 'm365-to-edge-ext-access-sip', edgeService: 'access', from: 'microsoft-365', to: 'edge-external', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) signaling from Microsoft 365 (sipfed.online.lync.com) in hybrid', source: HYBRID_PORTS, when: ['teams-hybrid'] },
  { key: 'edge-ext-to-m365-access-sip', edgeService: 'access', from: 'edge-external', to: 'microsoft-365', protocol: 'Tcp', ports: ['5061'], purpose: 'Access Edge: SIP (MTLS) signaling to Microsoft 365 (sipfed.online.lync.com) in hybrid', source: HYBRID_PORTS, when: ['teams-hybrid'] },
  {
    key: 'm365-to-edge-ext-av-media-tcp', edgeService: 'av', from: 'microsoft-365', to: 'edge-external', protocol: 'Tcp', ports: ['50000-59999'], purpose: 'A/V Edge: STUN/MSTURN over TCP from Microsoft 365 (source port 443) for audio, video and application sharing',
    source: HYBRID_PORTS, when: ['teams-hybrid'], note: 'The 2015 table lists Office 365 (source 443) to the A/V Edge 50000-59999; a later restatement lists destination 443, which the Internet rule (internet-to-edge-ext-av-stun-tcp) admits anyway.',
  },
  { key: 'edge-ext-to-m365-av-tcp', edgeService: 'av', from: 'edge-external', to: 'microsoft-365', protocol: 'Tcp', ports: ['443', '50000-59999'], purpose: 'A/V Edge: STUN/MSTURN over TCP to Microsoft 365 (source ports 50000-59999) for audio, video and application sharing', source: HYBRID_PORTS, when: ['teams-hybrid'] },
  { key: 'm365-to-edge-ext-av-stun-udp', edgeService: 'av', from: 'microsoft-365', to: 'edge-external', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/MSTURN over UDP from Microsoft 365 for audio and video', source: HYBRID_PORTS, when: ['teams-hybrid'] },
  { key: 'edge-ext-to-m365-av-stun-udp', edgeService: 'av', from: 'edge-external', to: 'microsoft-365', protocol: 'Udp', ports: ['3478'], purpose: 'A/V Edge: STUN/MSTURN over UDP to Microsoft 365 for audio and video', source: HYBRID_PORTS, when: ['teams-hybrid'] },

  // ---------------------------------------------------------------------------------------------
  // Edge internal interface (edge-environmental-requirements.md, "Internal port firewall summary table").
  // ---------------------------------------------------------------------------------------------
  { key: 'fe-to-edge-int-sip', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from every Front End pool to every Edge Server internal interface', source: EDGE },
  { key: 'director-to-edge-int-sip', from: 'director', to: 'edge-internal', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Director or Director pool to the Edge Server internal interface', source: EDGE },
  { key: 'edge-int-to-fe-sip', from: 'edge-internal', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Edge internal interface to the Front End pool (next hop, remote users\' home pools)', source: EDGE },
  { key: 'edge-int-to-director-sip', from: 'edge-internal', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Edge internal interface to the Director or Director pool', source: EDGE },
  { key: 'fe-to-edge-int-psom', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['8057'], purpose: 'Web conferencing (PSOM/MTLS) from each Front End Server', source: EDGE },
  { key: 'fe-to-edge-int-mras', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['5062'], purpose: 'Authentication of A/V users (Media Relay Authentication Service, SIP/MTLS)', source: EDGE },
  { key: 'fe-to-edge-int-stun-udp', from: 'front-end', to: 'edge-internal', protocol: 'Udp', ports: ['3478'], purpose: 'STUN/MSTURN: preferred A/V media path (conferencing servers to external users)', source: EDGE },
  { key: 'fe-to-edge-int-stun-tcp', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['443'], purpose: 'STUN/MSTURN: fallback A/V media path, file transfer and desktop sharing', source: EDGE },
  { key: 'clients-to-edge-int-stun-udp', from: 'internal-clients', to: 'edge-internal', protocol: 'Udp', ports: ['3478'], purpose: 'STUN/MSTURN: preferred A/V media path between internal and external users (source Any)', source: EDGE },
  { key: 'clients-to-edge-int-stun-tcp', from: 'internal-clients', to: 'edge-internal', protocol: 'Tcp', ports: ['443'], purpose: 'STUN/MSTURN: fallback A/V media path between internal and external users, file transfer and desktop sharing (source Any)', source: EDGE },
  {
    key: 'mediation-to-edge-int-stun-udp', from: 'mediation', to: 'edge-internal', protocol: 'Udp', ports: ['3478'], purpose: 'STUN/MSTURN: media of external users\' PSTN calls through a stand-alone Mediation Server (source Any)',
    source: EDGE, when: ['enterprise-voice'], note: 'The table\'s source is Any; the Mediation Server terminates the media of external users\' PSTN calls.',
  },
  { key: 'mediation-to-edge-int-stun-tcp', from: 'mediation', to: 'edge-internal', protocol: 'Tcp', ports: ['443'], purpose: 'STUN/MSTURN: TCP fallback for media through a stand-alone Mediation Server (source Any)', source: EDGE, when: ['enterprise-voice'] },
  {
    key: 'fe-to-edge-int-cms-replication', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['4443'], purpose: 'HTTPS replication of Central Management store changes to every Edge Server',
    source: EDGE, when: ['hosts-cms'], note: 'From the pool that holds the Central Management store and from its standby (the backup pool), which becomes the master after a CMS failover.',
  },
  { key: 'fe-to-edge-int-xmpp', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['23456'], purpose: 'XMPP (MTLS) from the XMPP Gateway service on the Front End pool', source: EDGE, versions: NOT_2019, when: ['xmpp'] },
  {
    key: 'fe-to-edge-int-cls', from: 'front-end', to: 'edge-internal', protocol: 'Tcp', ports: ['50001-50003'], purpose: 'Centralized Logging Service controller and agent (MTLS), source Any',
    source: EDGE, note: 'The table\'s source is Any; the controller runs in the Management Shell on a Front End Server.',
  },

  // ---------------------------------------------------------------------------------------------
  // Front End Servers (ports-and-protocols.md, "Required Server Ports (by Server Role)").
  // The table gives the listening port, not the caller: servers are every Lync/SfB server role,
  // clients the internal client networks, as each row's note says.
  // ---------------------------------------------------------------------------------------------
  { key: 'fe-to-fe-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) between servers of every pool (registrar, routing, Monitoring)', source: PORTS },
  { key: 'clients-to-fe-sip', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (TLS) between client and server', source: PORTS },
  { key: 'fe-to-fe-focus', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['444'], purpose: 'HTTPS between the Focus (conference state) and the conferencing servers', source: PORTS },
  { key: 'fe-to-fe-dcom', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['135'], purpose: 'DCOM/RPC: moving users, User Replicator and Address Book synchronization', source: PORTS },
  { key: 'fe-to-fe-conferencing-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5062', '5063', '5064', '5065', '5072', '5073'], purpose: 'SIP to the IM, A/V, dial-in (Conferencing Attendant), application sharing and Conferencing Announcement services', source: PORTS },
  { key: 'fe-to-fe-applications-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5071', '5075', '5076', '8404'], purpose: 'SIP to Response Group (5071, 8404 MTLS), Call Park and Audio Test', source: PORTS },
  { key: 'fe-to-fe-bandwidth-policy', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5080', '448'], purpose: 'Bandwidth Policy Service: call admission control (also for A/V Edge TURN traffic)', source: PORTS },
  {
    key: 'edge-int-to-fe-bandwidth-policy', from: 'edge-internal', to: 'front-end', protocol: 'Tcp', ports: ['5080'], purpose: 'Bandwidth Policy Service: call admission control for A/V Edge TURN traffic',
    source: PORTS, note: 'The row says 5080 serves "call admission control by the Bandwidth Policy service for A/V Edge TURN traffic"; the caller is the A/V Edge. Only with call admission control.',
  },
  { key: 'fe-to-fe-web-mtls', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['8060', '8061'], purpose: 'Web server component (MTLS)', source: PORTS },
  { key: 'fe-to-fe-mobility', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5086', '5087'], purpose: 'Mobility Services internal SIP (MTLS)', source: PORTS },
  { key: 'fe-to-fe-web-inter-pool', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['443', '4443', '80'], purpose: 'Front End Servers to the web farm FQDNs (443, 80) and HTTPS Front End inter-pool communication for Autodiscover sign-in (4443)', source: PORTS },
  { key: 'clients-to-fe-web', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['443', '80'], purpose: 'Internal web services (address book, meetings, Autodiscover, mobility) through the web load balancer', source: PORTS, via: 'load-balancer' },
  { key: 'clients-to-fe-root-cert', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['8080'], purpose: 'Client and device retrieval of the root certificate (NTLM-authenticated devices)', source: PORTS, via: 'load-balancer' },
  { key: 'clients-to-fe-psom', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['8057', '8058'], purpose: 'Web Conferencing PSOM (TLS) from clients; 8058 for the Live Meeting client and earlier versions', source: PORTS },
  { key: 'fe-to-fe-static-routes', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5060'], purpose: 'Optional static routes to trusted services such as remote call control', source: PORTS, when: ['static-routes'] },
  { key: 'fe-to-pstn-e911', from: 'front-end', to: 'pstn-gateway', protocol: 'Tcp', ports: ['5066'], purpose: 'Outbound Enhanced 9-1-1 (E9-1-1) gateway', source: PORTS, when: ['e911'] },
  { key: 'clients-to-fe-audio-udp', from: 'internal-clients', to: 'front-end', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio conferencing media', source: PORTS },
  { key: 'clients-to-fe-video-udp', from: 'internal-clients', to: 'front-end', protocol: 'Udp', ports: ['57501-65535'], purpose: 'Video conferencing media', source: PORTS },
  { key: 'clients-to-fe-media-tcp', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['49152-65535'], purpose: 'Conferencing media over TCP: audio (49152-57500), video (57501-65535) and application sharing (49152-65535), three rows of the table', source: PORTS },
  {
    key: 'edge-int-to-fe-media-tcp', from: 'edge-internal', to: 'front-end', protocol: 'Tcp', ports: ['49152-65535'], purpose: 'Media relayed by the A/V Edge to the conferencing servers (audio, video, application sharing) for external users',
    source: PORTS, note: 'Derived: the media rows have no caller; the A/V Edge relays external participants\' media to the MCUs. IPsec exceptions on the same page pair "A/V Edge Server Internal Outbound" with "A/V Conferencing Inbound".',
  },
  { key: 'edge-int-to-fe-media-udp', from: 'edge-internal', to: 'front-end', protocol: 'Udp', ports: ['49152-65535'], purpose: 'Media relayed by the A/V Edge to the conferencing servers (audio, video)', source: PORTS, note: 'Derived, as edge-int-to-fe-media-tcp.' },
  {
    key: 'cms-to-servers-smb-fe', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to every server',
    source: PORTS, when: ['hosts-cms'], note: 'From the pool that hosts the Central Management store and from its standby.',
  },
  { key: 'cms-to-servers-sql-browser-fe', from: 'front-end', to: 'front-end', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the local replicated copy of the Central Management store (All Servers)', source: PORTS, when: ['hosts-cms'] },
  { key: 'cms-to-servers-smb-director', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Directors', source: PORTS, when: ['hosts-cms'] },
  { key: 'cms-to-servers-sql-browser-director', from: 'front-end', to: 'director', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the Director\'s local replica of the Central Management store', source: PORTS, when: ['hosts-cms'] },
  { key: 'cms-to-servers-smb-mediation', from: 'front-end', to: 'mediation', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Mediation Servers', source: PORTS, when: ['hosts-cms'] },
  { key: 'cms-to-servers-sql-browser-mediation', from: 'front-end', to: 'mediation', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the Mediation Server\'s local replica of the Central Management store', source: PORTS, when: ['hosts-cms'] },
  { key: 'cms-to-servers-smb-chat', from: 'front-end', to: 'persistent-chat', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Persistent Chat Servers', source: PORTS, versions: NOT_2019, when: ['hosts-cms'] },
  { key: 'cms-to-servers-sql-browser-chat', from: 'front-end', to: 'persistent-chat', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the Persistent Chat Server\'s local replica of the Central Management store', source: PORTS, versions: NOT_2019, when: ['hosts-cms'] },

  // Collocated Mediation Server on the Front End pool.
  { key: 'fe-to-fe-collocated-mediation', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5070'], purpose: 'SIP (MTLS) from the Front End Server to its collocated Mediation Server', source: PORTS, when: ['collocated-mediation'] },
  { key: 'pstn-to-fe-collocated-mediation-sip', from: 'pstn-gateway', to: 'front-end', protocol: 'Tcp', ports: ['5067', '5068'], purpose: 'SIP from the PSTN gateway to the collocated Mediation Server (5067 TLS, 5068 TCP)', source: PORTS, when: ['collocated-mediation'] },
  { key: 'fe-collocated-mediation-to-pstn-sip', from: 'front-end', to: 'pstn-gateway', protocol: 'Tcp', ports: ['5081', '5082'], purpose: 'SIP from the collocated Mediation Server to the PSTN gateway (5081 TCP, 5082 TLS)', source: PORTS, when: ['collocated-mediation'] },
  { key: 'pstn-to-fe-collocated-mediation-audio-tcp', from: 'pstn-gateway', to: 'front-end', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the collocated Mediation Server', source: PORTS, when: ['collocated-mediation'] },
  { key: 'pstn-to-fe-collocated-mediation-audio-udp', from: 'pstn-gateway', to: 'front-end', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the collocated Mediation Server', source: PORTS, when: ['collocated-mediation'] },

  // Hardware load balancer ports ("Hardware Load Balancer Ports if Using Only Hardware Load Balancing"
  // and "... if Using DNS Load Balancing"): the VIP must balance these, and the members accept them.
  {
    key: 'fe-lb-hlb-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5061', '444', '135', '5071', '5072', '5073', '5075', '5076', '5080', '448'], purpose: 'Front End pool load balancer, SIP and inter-server ports (HLB-only pool)',
    source: PORTS, when: ['hardware-load-balancing'], via: 'load-balancer',
  },
  { key: 'clients-fe-lb-hlb-sip', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'Front End pool load balancer: client SIP (HLB-only pool)', source: PORTS, when: ['hardware-load-balancing'], via: 'load-balancer' },
  {
    key: 'fe-lb-hlb-collocated-mediation', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5070'], purpose: 'Front End pool load balancer, 5070 when the pool also runs Mediation Server',
    source: PORTS, when: ['hardware-load-balancing', 'collocated-mediation'], via: 'load-balancer',
  },
  { key: 'rp-to-fe-lb-web', from: 'reverse-proxy', to: 'front-end', protocol: 'Tcp', ports: ['4443', '8080'], purpose: 'External web services from the reverse proxy (published 443 to 4443, 80 to 8080)', source: REVERSE_PROXY, via: 'load-balancer' },

  // Intra-pool: bound by the services, not in Microsoft's tables (service-port-bindings.md).
  {
    key: 'fe-pool-windows-fabric', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5090-5094'], purpose: 'Windows Fabric federation, lease agent, client connection, IPC and replication between the pool\'s Front End Servers',
    source: TBXML, scope: 'same-pool', note: 'Not in the ports tables; the Registrar service binds WinFab 5090-5094. Without it the pool loses quorum.',
  },
  { key: 'fe-pool-local-user-store', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5077'], purpose: 'Local user store (LYSS, WCF/MTLS) replication between the pool\'s Front End Servers', source: TBXML, scope: 'same-pool', note: 'Not in the ports tables.' },
  { key: 'fe-pool-mcu-factory', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['9001'], purpose: 'MCU Factory WCF (conference directory management) between the pool\'s Front End Servers', source: TBXML, scope: 'same-pool', note: 'Not in the ports tables.' },
  { key: 'fe-pool-web-internal', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5088', '5089', '5095', '5096'], purpose: 'UCWA (5088/5089) and Persistent Chat web manager (5095/5096) internal MTLS listeners', source: TBXML, scope: 'same-pool', note: 'Not in the ports tables.' },
  { key: 'fe-pool-xmpp-gateway', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5098'], purpose: 'SIP (MTLS) to the XMPP gateway on the Front End Servers', source: TBXML, versions: NOT_2019, when: ['xmpp'], note: 'Not in the ports tables.' },

  // Paired pools: the Backup Service (disaster-recovery.md) and the inter-pool ports.
  {
    key: 'fe-to-paired-file-store-smb', from: 'front-end', to: 'file-store', protocol: 'Tcp', ports: ['445'], purpose: 'Backup Service: SMB from each Front End Server of pool A to the file store used by pool B, and the reverse',
    source: FE_DR, when: ['paired-pools'], scope: 'paired-pool',
  },

  // ---------------------------------------------------------------------------------------------
  // Back end SQL, file store.
  // ---------------------------------------------------------------------------------------------
  {
    key: 'fe-to-back-end-sql', from: 'front-end', to: 'back-end-sql', protocol: 'Tcp', ports: ['1433'], purpose: 'SQL to the pool\'s back end (default instance; the AlwaysOn listener supports 1433 only)',
    source: ALWAYS_ON, scope: 'own-pool', note: 'The ports tables have no SQL row; 1433 is the default instance\'s port and the only listener port the AG page supports (BE-8).',
  },
  {
    key: 'fe-to-back-end-sql-browser', from: 'front-end', to: 'back-end-sql', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser on the back end (named instances; the library builds default instances)',
    source: PORTS, scope: 'own-pool', note: 'The ports table lists 1434/UDP on All Servers; the back end needs it only for a named instance.',
  },
  { key: 'back-end-mirroring', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['5022'], purpose: 'Database mirroring endpoint between principal and mirror (default 5022)', source: MIRRORING, versions: NOT_2019, when: ['mirroring'], scope: 'same-pool' },
  { key: 'back-end-mirroring-witness', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['7022'], purpose: 'Database mirroring endpoint of the witness (default 7022)', source: MIRRORING, versions: NOT_2019, when: ['mirroring-witness'], scope: 'same-pool' },
  { key: 'back-end-ag-endpoint', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['5022'], purpose: 'AlwaysOn Availability Group database mirroring endpoint between replicas', source: ALWAYS_ON, versions: HA_2015_ON, when: ['always-on'], scope: 'same-pool' },
  {
    key: 'back-end-cluster-udp', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Udp', ports: ['3343'], purpose: 'Windows Server Failover Cluster service (heartbeat) between the nodes of an AG or FCI back end',
    source: WINDOWS_PORTS, when: ['always-on'], scope: 'same-pool', note: 'Cluster ports come from the Windows service overview, not the SfB pages (BE-8 requires a WSFC under every AG).',
  },
  { key: 'back-end-cluster-udp-fci', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Udp', ports: ['3343'], purpose: 'Windows Server Failover Cluster service (heartbeat) between failover cluster instance nodes', source: WINDOWS_PORTS, when: ['failover-cluster'], scope: 'same-pool' },
  {
    key: 'back-end-cluster-tcp', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['135', '445', '3343', '49152-65535'], purpose: 'Failover cluster RPC, SMB and join traffic between the nodes of an AG back end',
    source: WINDOWS_PORTS, when: ['always-on'], scope: 'same-pool',
  },
  { key: 'back-end-cluster-tcp-fci', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['135', '445', '3343', '49152-65535'], purpose: 'Failover cluster RPC, SMB and join traffic between failover cluster instance nodes', source: WINDOWS_PORTS, when: ['failover-cluster'], scope: 'same-pool' },
  {
    key: 'file-store-dfs-replication', from: 'file-store', to: 'file-store', protocol: 'Tcp', ports: ['135', '445', '49152-65535'], purpose: 'DFS Replication (RPC endpoint mapper, dynamic RPC) and SMB between the file servers of one DFS file store',
    source: WINDOWS_PORTS, scope: 'same-pool', note: 'The library builds the file store as a DFS pair; the service overview lists DFSR over RPC (135 and the dynamic range) and SMB 445. Not an SfB page.',
  },
  { key: 'fe-to-file-store-smb', from: 'front-end', to: 'file-store', protocol: 'Tcp', ports: ['445'], purpose: 'SMB to the pool\'s file store', source: FE_DR, scope: 'own-pool', note: 'The page names SMB 445 from each Front End to the file store; a pool uses its own store every day.' },

  // ---------------------------------------------------------------------------------------------
  // Directors (ports-and-protocols.md "Directors" rows, the HLB tables, the Edge internal table).
  // ---------------------------------------------------------------------------------------------
  { key: 'clients-to-director-sip', from: 'internal-clients', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'Client connections to the Director (SIP/TLS)', source: PORTS },
  { key: 'clients-to-director-web', from: 'internal-clients', to: 'director', protocol: 'Tcp', ports: ['443', '80'], purpose: 'Web services of the Director through its load balancer', source: PORTS, via: 'load-balancer' },
  { key: 'fe-to-director-sip', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'Internal SIP between servers and the Director', source: PORTS },
  { key: 'fe-to-director-inter-server', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['444'], purpose: 'Inter-server HTTPS between Front End and Director; client certificate publish and validate', source: PORTS },
  { key: 'director-to-fe-sip', from: 'director', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP from the Director to the users\' home pools (redirect, proxy)', source: PORTS },
  { key: 'director-to-fe-inter-server', from: 'director', to: 'front-end', protocol: 'Tcp', ports: ['444'], purpose: 'Inter-server HTTPS between Director and Front End (client certificate publish to Front End Servers)', source: PORTS },
  {
    key: 'director-to-fe-web', from: 'director', to: 'front-end', protocol: 'Tcp', ports: ['80', '443', '4443'], purpose: 'Director to the web farm FQDNs of the pools (80 at first, then 443) and Autodiscover inter-pool HTTPS (4443)',
    source: PORTS, note: 'The Director rows 80/443 say "communication from Directors to the web farm FQDNs"; 4443 is the Front End row "HTTPS Front End inter-pool communications for Autodiscover sign-in".',
  },
  { key: 'director-to-director-static-routes', from: 'director', to: 'director', protocol: 'Tcp', ports: ['5060'], purpose: 'Optional static routes to trusted services', source: PORTS, when: ['static-routes'] },
  { key: 'rp-to-director-web', from: 'reverse-proxy', to: 'director', protocol: 'Tcp', ports: ['4443', '8080'], purpose: 'External web services from the reverse proxy to the Director pool VIP', source: REVERSE_PROXY, via: 'load-balancer' },
  { key: 'director-lb-hlb-sip', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['5061', '444'], purpose: 'Director load balancer: SIP and inter-server HTTPS (HLB-only pool)', source: PORTS, when: ['hardware-load-balancing'], via: 'load-balancer' },
  { key: 'clients-director-lb-hlb-sip', from: 'internal-clients', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'Director load balancer: client SIP (HLB-only pool)', source: PORTS, when: ['hardware-load-balancing'], via: 'load-balancer' },
  { key: 'director-pool-windows-fabric', from: 'director', to: 'director', protocol: 'Tcp', ports: ['5090-5094'], purpose: 'Windows Fabric between the Directors of a pool (the Director runs the Registrar)', source: TBXML, scope: 'same-pool', note: 'Derived: the Registrar service binds WinFab 5090-5094; the sample topology has no Director.' },

  // ---------------------------------------------------------------------------------------------
  // Mediation Servers (stand-alone).
  // ---------------------------------------------------------------------------------------------
  { key: 'fe-to-mediation-sip', from: 'front-end', to: 'mediation', protocol: 'Tcp', ports: ['5070'], purpose: 'SIP (MTLS) from the Front End Servers to the Mediation Server', source: PORTS, when: ['enterprise-voice'] },
  { key: 'mediation-to-fe-sip', from: 'mediation', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Mediation Server to its next-hop Front End pool', source: PORTS, when: ['enterprise-voice'] },
  { key: 'pstn-to-mediation-sip', from: 'pstn-gateway', to: 'mediation', protocol: 'Tcp', ports: ['5067', '5068'], purpose: 'SIP from the PSTN gateway (5067 TLS, 5068 TCP)', source: PORTS, when: ['enterprise-voice'] },
  {
    key: 'mediation-to-pstn-sip', from: 'mediation', to: 'pstn-gateway', protocol: 'Tcp', ports: ['5081', '5082'], purpose: 'SIP from the Mediation Server to the PSTN gateway (the gateway\'s listening port in Topology Builder)',
    source: PORTS, when: ['enterprise-voice'], note: 'The table gives 5081/5082 under the collocated Mediation rows; a stand-alone Mediation Server reaches the same gateway port.',
  },
  { key: 'pstn-to-mediation-audio-tcp', from: 'pstn-gateway', to: 'mediation', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the Mediation Server', source: PORTS, when: ['enterprise-voice'] },
  { key: 'pstn-to-mediation-audio-udp', from: 'pstn-gateway', to: 'mediation', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the Mediation Server', source: PORTS, when: ['enterprise-voice'] },
  { key: 'clients-to-mediation-audio-tcp', from: 'internal-clients', to: 'mediation', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media from clients without media bypass', source: PORTS, when: ['enterprise-voice'] },
  { key: 'clients-to-mediation-audio-udp', from: 'internal-clients', to: 'mediation', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media from clients without media bypass', source: PORTS, when: ['enterprise-voice'] },
  { key: 'edge-int-to-mediation-audio-udp', from: 'edge-internal', to: 'mediation', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio of external users\' PSTN calls relayed by the A/V Edge', source: PORTS, when: ['enterprise-voice'], note: 'Derived from the IPsec exceptions ("Mediation Server Inbound" from Any).' },
  { key: 'edge-int-to-mediation-audio-tcp', from: 'edge-internal', to: 'mediation', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio of external users\' PSTN calls relayed by the A/V Edge (TCP)', source: PORTS, when: ['enterprise-voice'], note: 'Derived, as edge-int-to-mediation-audio-udp.' },
  { key: 'mediation-lb-hlb-sip', from: 'front-end', to: 'mediation', protocol: 'Tcp', ports: ['5070'], purpose: 'Mediation Server load balancer', source: PORTS, when: ['enterprise-voice', 'hardware-load-balancing'], via: 'load-balancer' },

  // ---------------------------------------------------------------------------------------------
  // Persistent Chat (2013 and 2015 only).
  // ---------------------------------------------------------------------------------------------
  { key: 'fe-to-chat-sip', from: 'front-end', to: 'persistent-chat', protocol: 'Tcp', ports: ['5041'], purpose: 'Persistent Chat SIP (MTLS)', source: PORTS, versions: NOT_2019 },
  { key: 'fe-to-chat-wcf', from: 'front-end', to: 'persistent-chat', protocol: 'Tcp', ports: ['881'], purpose: 'Persistent Chat Windows Communication Foundation (TLS and MTLS)', source: PORTS, versions: NOT_2019 },
  {
    key: 'clients-to-chat-file-transfer', from: 'internal-clients', to: 'persistent-chat', protocol: 'Tcp', ports: ['443'], purpose: 'Persistent Chat File Transfer Service (TLS): clients upload and download chat-room files',
    source: PORTS, versions: NOT_2019,
  },
  { key: 'chat-to-fe-sip', from: 'persistent-chat', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Persistent Chat Server to its next-hop Front End pool', source: PORTS, versions: NOT_2019 },
  {
    key: 'chat-pool-internal', from: 'persistent-chat', to: 'persistent-chat', protocol: 'Tcp', ports: ['8011'], purpose: 'Server-to-server communication inside the Persistent Chat pool, across both data centers',
    source: CHAT_TOPOLOGY, versions: NOT_2019, scope: 'same-pool', note: 'From the rule catalog\'s ports table (S-PCTOPO, L-PCTOPO); the line was not re-read for this list.',
  },
  { key: 'chat-to-chat-sql', from: 'persistent-chat', to: 'persistent-chat-sql', protocol: 'Tcp', ports: ['1433'], purpose: 'SQL to the Persistent Chat (mgc) and compliance (mgccomp) databases', source: CHAT_TOPOLOGY, versions: NOT_2019, scope: 'own-pool' },
  { key: 'chat-sql-mirroring', from: 'persistent-chat-sql', to: 'persistent-chat-sql', protocol: 'Tcp', ports: ['5022', '7022'], purpose: 'Mirroring of the Persistent Chat databases (principal, mirror 5022; witness 7022)', source: CHAT_DR, versions: NOT_2019, scope: 'same-pool' },
  { key: 'chat-sql-log-shipping-sql', from: 'persistent-chat-sql', to: 'persistent-chat-sql', protocol: 'Tcp', ports: ['1433'], purpose: 'Log shipping between the primary, its mirror and the secondary in the other data center', source: CHAT_DR, versions: NOT_2019, when: ['persistent-chat-dr'], scope: 'same-pool' },
  { key: 'chat-sql-log-shipping-share', from: 'persistent-chat-sql', to: 'file-store', protocol: 'Tcp', ports: ['445'], purpose: 'Log-shipping share that every Persistent Chat SQL server in both data centers reads and writes', source: CHAT_DR, versions: NOT_2019, when: ['persistent-chat-dr'], scope: 'own-pool', note: 'The share is not a FileStore role share (PCHAT-7); the library builds it on its own server.' },

  // ---------------------------------------------------------------------------------------------
  // Reverse proxy and Office Web Apps (not built by the library; the customer's servers).
  // ---------------------------------------------------------------------------------------------
  { key: 'internet-to-rp-https', from: 'internet', to: 'reverse-proxy', protocol: 'Tcp', ports: ['443'], purpose: 'Reverse proxy listener: Autodiscover, address book, meetings, dial-in, meeting content, Office Web Apps', source: REVERSE_PROXY },
  { key: 'internet-to-rp-http', from: 'internet', to: 'reverse-proxy', protocol: 'Tcp', ports: ['80'], purpose: 'Reverse proxy listener (optional): redirection to HTTPS, Autodiscover over HTTP for mobile clients', source: REVERSE_PROXY },
  { key: 'rp-to-owa', from: 'reverse-proxy', to: 'office-web-apps', protocol: 'Tcp', ports: ['443'], purpose: 'Reverse proxy to the Office Web Apps Server', source: REVERSE_PROXY, when: ['office-web-apps'] },
  { key: 'fe-to-owa', from: 'front-end', to: 'office-web-apps', protocol: 'Tcp', ports: ['443'], purpose: 'Front End Servers connect to the Office Web Apps Server', source: PORTS, when: ['office-web-apps'] },
  { key: 'clients-to-owa', from: 'internal-clients', to: 'office-web-apps', protocol: 'Tcp', ports: ['443'], purpose: 'Internal clients reach the Office Web Apps Server over HTTPS', source: REVERSE_PROXY, when: ['office-web-apps'] },

  // ---------------------------------------------------------------------------------------------
  // A Survivable Branch Server in a branch network in Azure (BranchSite with a location).
  // ---------------------------------------------------------------------------------------------
  { key: 'fe-to-sbs-sip', from: 'front-end', to: 'survivable-branch', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the backup Registrar pool to the Survivable Branch Server\'s Registrar', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'fe-to-sbs-mediation-sip', from: 'front-end', to: 'survivable-branch', protocol: 'Tcp', ports: ['5070'], purpose: 'SIP (MTLS) from the Front End Servers to the Survivable Branch Server\'s Mediation service', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'cms-to-sbs-smb', from: 'front-end', to: 'survivable-branch', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Survivable Branch Server', source: PORTS, when: ['hosts-cms'], note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'sbs-to-fe-sip', from: 'survivable-branch', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Survivable Branch Server to its backup Registrar pool', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'sbs-to-fe-https', from: 'survivable-branch', to: 'front-end', protocol: 'Tcp', ports: ['444'], purpose: 'HTTPS between the Survivable Branch Server and the Front End Servers (server-to-server, as for a Director)', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'clients-to-sbs-sip', from: 'internal-clients', to: 'survivable-branch', protocol: 'Tcp', ports: ['5061'], purpose: 'Client SIP (TLS) to the branch users\' Registrar', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'clients-to-sbs-audio-tcp', from: 'internal-clients', to: 'survivable-branch', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media from clients to the Survivable Branch Server\'s Mediation service without media bypass', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'clients-to-sbs-audio-udp', from: 'internal-clients', to: 'survivable-branch', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media from clients to the Survivable Branch Server\'s Mediation service without media bypass', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'pstn-to-sbs-sip', from: 'pstn-gateway', to: 'survivable-branch', protocol: 'Tcp', ports: ['5067', '5068'], purpose: 'SIP from the branch gateway to the Survivable Branch Server\'s Mediation service (5067 TLS, 5068 TCP)', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'pstn-to-sbs-audio-tcp', from: 'pstn-gateway', to: 'survivable-branch', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media between the branch gateway and the Survivable Branch Server', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
  { key: 'pstn-to-sbs-audio-udp', from: 'pstn-gateway', to: 'survivable-branch', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media between the branch gateway and the Survivable Branch Server', source: PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },

  // ---------------------------------------------------------------------------------------------
  // Active Directory in lab mode: every domain member to its domain controllers.
  // ---------------------------------------------------------------------------------------------
  ...(['front-end', 'back-end-sql', 'edge-internal', 'director', 'mediation', 'persistent-chat', 'persistent-chat-sql', 'file-store', 'office-web-apps', 'survivable-branch'] as const).flatMap((member): DocumentedFlow[] => {
    const short: Record<typeof member, string> = {
      'front-end': 'fe',
      'back-end-sql': 'sql',
      'edge-internal': 'edge-int',
      director: 'director',
      mediation: 'mediation',
      'persistent-chat': 'chat',
      'persistent-chat-sql': 'chat-sql',
      'file-store': 'file-store',
      // Office Online Server must be a domain member (Plan Office Online Server).
      'office-web-apps': 'oos',
      'survivable-branch': 'sbs',
    };
    const what = member === 'edge-internal' ? 'Edge Server (DNS only: Edge Servers are not domain members)' : 'domain member';
    if (member === 'edge-internal') {
      return [
        { key: `${short[member]}-to-dc-dns-udp`, from: member, to: 'domain-controller', protocol: 'Udp', ports: ['53'], purpose: `DNS from the ${what}`, source: AD_PORTS, when: ['lab'] },
        { key: `${short[member]}-to-dc-dns-tcp`, from: member, to: 'domain-controller', protocol: 'Tcp', ports: ['53'], purpose: `DNS from the ${what}`, source: AD_PORTS, when: ['lab'] },
      ];
    }
    return [
      { key: `${short[member]}-to-dc-tcp`, from: member, to: 'domain-controller', protocol: 'Tcp', ports: ['53', '88', '135', '389', '445', '464', '636', '3268', '3269', '49152-65535'], purpose: `DNS, Kerberos, RPC, LDAP, SMB, password change, global catalog and dynamic RPC from the ${what}`, source: AD_PORTS, when: ['lab'] },
      { key: `${short[member]}-to-dc-udp`, from: member, to: 'domain-controller', protocol: 'Udp', ports: ['53', '88', '123', '389', '464'], purpose: `DNS, Kerberos, time, LDAP ping and password change from the ${what}`, source: AD_PORTS, when: ['lab'] },
    ];
  }),
  { key: 'dc-to-dc-tcp', from: 'domain-controller', to: 'domain-controller', protocol: 'Tcp', ports: ['53', '88', '135', '389', '445', '464', '636', '3268', '3269', '49152-65535'], purpose: 'Replication between the domain controllers of the sites (RPC, LDAP, DFSR, Kerberos)', source: AD_PORTS, when: ['lab'] },
  { key: 'dc-to-dc-udp', from: 'domain-controller', to: 'domain-controller', protocol: 'Udp', ports: ['53', '88', '123', '389', '464'], purpose: 'DNS, Kerberos, time and LDAP between the domain controllers', source: AD_PORTS, when: ['lab'] },
  { key: 'clients-to-dc-tcp', from: 'internal-clients', to: 'domain-controller', protocol: 'Tcp', ports: ['53', '88', '135', '389', '445', '464', '636', '3268', '3269', '49152-65535'], purpose: 'Domain clients to the lab domain controllers', source: AD_PORTS, when: ['lab'] },
  { key: 'clients-to-dc-udp', from: 'internal-clients', to: 'domain-controller', protocol: 'Udp', ports: ['53', '88', '123', '389', '464'], purpose: 'Domain clients to the lab domain controllers', source: AD_PORTS, when: ['lab'] },
];

const BY_KEY = readonlyMap(DOCUMENTED_FLOWS.map((f) => [f.key, f]));

/** A documented flow by key; throws for a key the list does not have. */
export function documentedFlow(key: string): DocumentedFlow {
  const f = BY_KEY.get(key);
  if (!f) throw new Error(`no documented flow "${key}" in lib/model/documented-flows.ts`);
  return f;
}

/** The flows that hold for a product version and a set of conditions. */
export function flowsFor(version: ProductVersion, conditions: ReadonlySet<FlowCondition>): DocumentedFlow[] {
  return DOCUMENTED_FLOWS.filter((f) => (!f.versions || f.versions.includes(version)) && (f.when ?? []).every((c) => conditions.has(c)));
}

/** Whether a documented flow's protocol and ports admit a connection to `port` over `protocol`. */
export function documentedPort(flow: DocumentedFlow, protocol: 'Tcp' | 'Udp', port: number): boolean {
  if (flow.protocol !== protocol) return false;
  return flow.ports.some((p) => {
    const [lo, hi] = p.split('-').map(Number);
    return port >= lo && port <= (hi ?? lo);
  });
}
