/** Mediation server: transcodes and relays calls between the pool and the PSTN gateways. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const MEDIATION = roleProfile({
  role: ServerRole.MEDIATION,
  // The product's own name for the role.
  displayName: 'Mediation',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Mediation servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.MEDIATION],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers only.
  windowsFeatures: ALL_SERVERS,
  // MediationPool records its pool there.
  groups: 'mediationPools',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['mediation'],
  // Constructs that build it: two, so that calls survive the loss of one Mediation Server.
  serverCounts: [{ construct: 'MediationPool', prop: 'servers', default: 2, min: 1, max: 100, why: 'Two Mediation Servers: calls survive the loss of one' }],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Central Management store replication from the pool that hosts it and its standby (ports-and-protocols.md, All Servers rows).
    { key: 'cms-to-servers-smb-mediation', from: 'front-end', to: 'mediation', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Mediation Servers', source: PAGE.PORTS, when: ['hosts-cms'] },
    { key: 'cms-to-servers-sql-browser-mediation', from: 'front-end', to: 'mediation', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the Mediation Server\'s local replica of the Central Management store', source: PAGE.PORTS, when: ['hosts-cms'] },

    // Mediation Servers (stand-alone).
    { key: 'fe-to-mediation-sip', from: 'front-end', to: 'mediation', protocol: 'Tcp', ports: ['5070'], purpose: 'SIP (MTLS) from the Front End Servers to the Mediation Server', source: PAGE.PORTS, when: ['enterprise-voice'] },
    { key: 'mediation-to-fe-sip', from: 'mediation', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Mediation Server to its next-hop Front End pool', source: PAGE.PORTS, when: ['enterprise-voice'] },
    { key: 'pstn-to-mediation-sip', from: 'pstn-gateway', to: 'mediation', protocol: 'Tcp', ports: ['5067', '5068'], purpose: 'SIP from the PSTN gateway (5067 TLS, 5068 TCP)', source: PAGE.PORTS, when: ['enterprise-voice'] },
    {
      key: 'mediation-to-pstn-sip', from: 'mediation', to: 'pstn-gateway', protocol: 'Tcp', ports: ['5081', '5082'], purpose: 'SIP from the Mediation Server to the PSTN gateway (the gateway\'s listening port in Topology Builder)',
      source: PAGE.PORTS, when: ['enterprise-voice'], note: 'The table gives 5081/5082 under the collocated Mediation rows; a stand-alone Mediation Server reaches the same gateway port.',
    },
    { key: 'pstn-to-mediation-audio-tcp', from: 'pstn-gateway', to: 'mediation', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the Mediation Server', source: PAGE.PORTS, when: ['enterprise-voice'] },
    { key: 'pstn-to-mediation-audio-udp', from: 'pstn-gateway', to: 'mediation', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media between the gateway and the Mediation Server', source: PAGE.PORTS, when: ['enterprise-voice'] },
    { key: 'clients-to-mediation-audio-tcp', from: 'internal-clients', to: 'mediation', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media from clients without media bypass', source: PAGE.PORTS, when: ['enterprise-voice'] },
    { key: 'clients-to-mediation-audio-udp', from: 'internal-clients', to: 'mediation', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media from clients without media bypass', source: PAGE.PORTS, when: ['enterprise-voice'] },
    { key: 'edge-int-to-mediation-audio-udp', from: 'edge-internal', to: 'mediation', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio of external users\' PSTN calls relayed by the A/V Edge', source: PAGE.PORTS, when: ['enterprise-voice'], note: 'Derived from the IPsec exceptions ("Mediation Server Inbound" from Any).' },
    { key: 'edge-int-to-mediation-audio-tcp', from: 'edge-internal', to: 'mediation', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio of external users\' PSTN calls relayed by the A/V Edge (TCP)', source: PAGE.PORTS, when: ['enterprise-voice'], note: 'Derived, as edge-int-to-mediation-audio-udp.' },
    { key: 'mediation-lb-hlb-sip', from: 'front-end', to: 'mediation', protocol: 'Tcp', ports: ['5070'], purpose: 'Mediation Server load balancer', source: PAGE.PORTS, when: ['enterprise-voice', 'hardware-load-balancing'], via: 'load-balancer' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('mediation', 'mediation'),
  ],
});
