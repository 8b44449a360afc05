/** Front End server of an Enterprise pool: registrar, conferencing and web services of its users. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS, FRONT_END_IIS } from './features';
import { roleProfile } from './profile';
import { PAGE, NOT_2019 } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const FRONT_END = roleProfile({
  role: ServerRole.FRONT_END,
  // The product's own name for the role (Topology Builder, reports, runbook).
  displayName: 'Front End',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself (VM-4 supported OS, VM-7 cumulative updates).
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Front End servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): its local stores hold the pool's user data and conferences.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read.
  writesConfigExports: true,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Front End and Back End share the pool-core floor.
  sizingFamily: 'pool-core',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.FRONT_END],
  // B-series 4 vCPU / 16 GB: the smallest burstable size that runs the Front End role at all.
  labVmSize: 'Standard_B4ms',
  // Server requirements: All Servers plus the Front End IIS modules.
  windowsFeatures: [...ALL_SERVERS, ...FRONT_END_IIS],
  // Constructs that build it: three Front Ends, the fewest Microsoft recommends for an Enterprise pool (user data keeps three replicas; FE-3).
  serverCounts: [{ construct: 'FrontEndPool', prop: 'frontEndServers', default: 3, min: 1, max: 100, why: 'An Enterprise pool of three: user data keeps three replicas, and fewer is reported under FE-3' }],
  // FrontEndPool records its pool there.
  groups: 'frontEndPools',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['front-end'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Front End Servers (ports-and-protocols.md, "Required Server Ports (by Server Role)").
    // The table gives the listening port, not the caller: servers are every Lync/SfB server role,
    // clients the internal client networks, as each row's note says.
    { key: 'fe-to-fe-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) between servers of every pool (registrar, routing, Monitoring)', source: PAGE.PORTS },
    { key: 'clients-to-fe-sip', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (TLS) between client and server', source: PAGE.PORTS },
    { key: 'fe-to-fe-focus', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['444'], purpose: 'HTTPS between the Focus (conference state) and the conferencing servers', source: PAGE.PORTS },
    { key: 'fe-to-fe-dcom', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['135'], purpose: 'DCOM/RPC: moving users, User Replicator and Address Book synchronization', source: PAGE.PORTS },
    { key: 'fe-to-fe-conferencing-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5062', '5063', '5064', '5065', '5072', '5073'], purpose: 'SIP to the IM, A/V, dial-in (Conferencing Attendant), application sharing and Conferencing Announcement services', source: PAGE.PORTS },
    { key: 'fe-to-fe-applications-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5071', '5075', '5076', '8404'], purpose: 'SIP to Response Group (5071, 8404 MTLS), Call Park and Audio Test', source: PAGE.PORTS },
    { key: 'fe-to-fe-bandwidth-policy', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5080', '448'], purpose: 'Bandwidth Policy Service: call admission control (also for A/V Edge TURN traffic)', source: PAGE.PORTS },
    {
      key: 'edge-int-to-fe-bandwidth-policy', from: 'edge-internal', to: 'front-end', protocol: 'Tcp', ports: ['5080'], purpose: 'Bandwidth Policy Service: call admission control for A/V Edge TURN traffic',
      source: PAGE.PORTS, note: 'The row says 5080 serves "call admission control by the Bandwidth Policy service for A/V Edge TURN traffic"; the caller is the A/V Edge. Only with call admission control.',
    },
    { key: 'fe-to-fe-web-mtls', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['8060', '8061'], purpose: 'Web server component (MTLS)', source: PAGE.PORTS },
    { key: 'fe-to-fe-mobility', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5086', '5087'], purpose: 'Mobility Services internal SIP (MTLS)', source: PAGE.PORTS },
    { key: 'fe-to-fe-web-inter-pool', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['443', '4443', '80'], purpose: 'Front End Servers to the web farm FQDNs (443, 80) and HTTPS Front End inter-pool communication for Autodiscover sign-in (4443)', source: PAGE.PORTS },
    { key: 'clients-to-fe-web', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['443', '80'], purpose: 'Internal web services (address book, meetings, Autodiscover, mobility) through the web load balancer', source: PAGE.PORTS, via: 'load-balancer' },
    { key: 'clients-to-fe-root-cert', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['8080'], purpose: 'Client and device retrieval of the root certificate (NTLM-authenticated devices)', source: PAGE.PORTS, via: 'load-balancer' },
    { key: 'clients-to-fe-psom', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['8057', '8058'], purpose: 'Web Conferencing PSOM (TLS) from clients; 8058 for the Live Meeting client and earlier versions', source: PAGE.PORTS },
    { key: 'fe-to-fe-static-routes', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5060'], purpose: 'Optional static routes to trusted services such as remote call control', source: PAGE.PORTS, when: ['static-routes'] },
    { key: 'fe-to-pstn-e911', from: 'front-end', to: 'pstn-gateway', protocol: 'Tcp', ports: ['5066'], purpose: 'Outbound Enhanced 9-1-1 (E9-1-1) gateway', source: PAGE.PORTS, when: ['e911'] },
    { key: 'clients-to-fe-audio-udp', from: 'internal-clients', to: 'front-end', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio conferencing media', source: PAGE.PORTS },
    { key: 'clients-to-fe-video-udp', from: 'internal-clients', to: 'front-end', protocol: 'Udp', ports: ['57501-65535'], purpose: 'Video conferencing media', source: PAGE.PORTS },
    { key: 'clients-to-fe-media-tcp', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['49152-65535'], purpose: 'Conferencing media over TCP: audio (49152-57500), video (57501-65535) and application sharing (49152-65535), three rows of the table', source: PAGE.PORTS },
    {
      key: 'edge-int-to-fe-media-tcp', from: 'edge-internal', to: 'front-end', protocol: 'Tcp', ports: ['49152-65535'], purpose: 'Media relayed by the A/V Edge to the conferencing servers (audio, video, application sharing) for external users',
      source: PAGE.PORTS, note: 'Derived: the media rows have no caller; the A/V Edge relays external participants\' media to the MCUs. IPsec exceptions on the same page pair "A/V Edge Server Internal Outbound" with "A/V Conferencing Inbound".',
    },
    { key: 'edge-int-to-fe-media-udp', from: 'edge-internal', to: 'front-end', protocol: 'Udp', ports: ['49152-65535'], purpose: 'Media relayed by the A/V Edge to the conferencing servers (audio, video)', source: PAGE.PORTS, note: 'Derived, as edge-int-to-fe-media-tcp.' },
    {
      key: 'cms-to-servers-smb-fe', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to every server',
      source: PAGE.PORTS, when: ['hosts-cms'], note: 'From the pool that hosts the Central Management store and from its standby.',
    },
    { key: 'cms-to-servers-sql-browser-fe', from: 'front-end', to: 'front-end', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the local replicated copy of the Central Management store (All Servers)', source: PAGE.PORTS, when: ['hosts-cms'] },

    // Collocated Mediation Server on the Front End pool.
    { key: 'fe-to-fe-collocated-mediation', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5070'], purpose: 'SIP (MTLS) from the Front End Server to its collocated Mediation Server', source: PAGE.PORTS, when: ['collocated-mediation'] },
    { key: 'pstn-to-fe-collocated-mediation-sip', from: 'pstn-gateway', to: 'front-end', protocol: 'Tcp', ports: ['5067', '5068'], purpose: 'SIP from the PSTN gateway to the collocated Mediation Server (5067 TLS, 5068 TCP)', source: PAGE.PORTS, when: ['collocated-mediation'] },
    { key: 'fe-collocated-mediation-to-pstn-sip', from: 'front-end', to: 'pstn-gateway', protocol: 'Tcp', ports: ['5081', '5082'], purpose: 'SIP from the collocated Mediation Server to the PSTN gateway (5081 TCP, 5082 TLS)', source: PAGE.PORTS, when: ['collocated-mediation'] },
    { key: 'pstn-to-fe-collocated-mediation-audio-tcp', from: 'pstn-gateway', to: 'front-end', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the collocated Mediation Server', source: PAGE.PORTS, when: ['collocated-mediation'] },
    { key: 'pstn-to-fe-collocated-mediation-audio-udp', from: 'pstn-gateway', to: 'front-end', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the collocated Mediation Server', source: PAGE.PORTS, when: ['collocated-mediation'] },

    // Hardware load balancer ports ("Hardware Load Balancer Ports if Using Only Hardware Load Balancing"
    // and "... if Using DNS Load Balancing"): the VIP must balance these, and the members accept them.
    {
      key: 'fe-lb-hlb-sip', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5061', '444', '135', '5071', '5072', '5073', '5075', '5076', '5080', '448'], purpose: 'Front End pool load balancer, SIP and inter-server ports (HLB-only pool)',
      source: PAGE.PORTS, when: ['hardware-load-balancing'], via: 'load-balancer',
    },
    { key: 'clients-fe-lb-hlb-sip', from: 'internal-clients', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'Front End pool load balancer: client SIP (HLB-only pool)', source: PAGE.PORTS, when: ['hardware-load-balancing'], via: 'load-balancer' },
    {
      key: 'fe-lb-hlb-collocated-mediation', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5070'], purpose: 'Front End pool load balancer, 5070 when the pool also runs Mediation Server',
      source: PAGE.PORTS, when: ['hardware-load-balancing', 'collocated-mediation'], via: 'load-balancer',
    },

    // Intra-pool: bound by the services, not in Microsoft's tables (service-port-bindings.md).
    {
      key: 'fe-pool-windows-fabric', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5090-5094'], purpose: 'Windows Fabric federation, lease agent, client connection, IPC and replication between the pool\'s Front End Servers',
      source: PAGE.TBXML, scope: 'same-pool', note: 'Not in the ports tables; the Registrar service binds WinFab 5090-5094. Without it the pool loses quorum.',
    },
    { key: 'fe-pool-local-user-store', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5077'], purpose: 'Local user store (LYSS, WCF/MTLS) replication between the pool\'s Front End Servers', source: PAGE.TBXML, scope: 'same-pool', note: 'Not in the ports tables.' },
    { key: 'fe-pool-mcu-factory', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['9001'], purpose: 'MCU Factory WCF (conference directory management) between the pool\'s Front End Servers', source: PAGE.TBXML, scope: 'same-pool', note: 'Not in the ports tables.' },
    { key: 'fe-pool-web-internal', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5088', '5089', '5095', '5096'], purpose: 'UCWA (5088/5089) and Persistent Chat web manager (5095/5096) internal MTLS listeners', source: PAGE.TBXML, scope: 'same-pool', note: 'Not in the ports tables.' },
    { key: 'fe-pool-xmpp-gateway', from: 'front-end', to: 'front-end', protocol: 'Tcp', ports: ['5098'], purpose: 'SIP (MTLS) to the XMPP gateway on the Front End Servers', source: PAGE.TBXML, versions: NOT_2019, when: ['xmpp'], note: 'Not in the ports tables.' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('front-end', 'fe'),
  ],
});
