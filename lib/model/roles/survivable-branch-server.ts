/** Survivable Branch Server: a branch site's Registrar and Mediation Server, here a VM in a branch network in Azure. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const SURVIVABLE_BRANCH_SERVER = roleProfile({
  role: ServerRole.SURVIVABLE_BRANCH_SERVER,
  // Topology Builder's and the branch-site resiliency pages' name of the role.
  displayName: 'Survivable Branch Server',
  // Branch-site resiliency requirements: a Windows server in the domain, like every internal server.
  domain: 'member',
  // It runs the Lync/SfB Registrar and Mediation services.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Mediation servers, which it is one of.
  liveMigrationAdvisedAgainst: true,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Its configuration is a replica of the Central Management store, and its users' data lives in the backup Registrar's pool.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The branch network has no Recovery Services vault: the restore procedure reinstalls it from the store's replica.
  protectedByBackup: false,
  // Server hardware platforms names no Survivable Branch Server row; it runs Registrar and Mediation, so the
  // stand-alone Mediation floor applies (an inference).
  sizingFamily: 'edge-director-mediation',
  // The branch network's one subnet.
  subnets: [SubnetRole.SURVIVABLE_BRANCH],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers only (it has no web services).
  windowsFeatures: ALL_SERVERS,
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['survivable-branch'],
  // A branch site has one survivable appliance or server: no count to give.
  serverCounts: [],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // A Survivable Branch Server in a branch network in Azure (BranchSite with a location).
    { key: 'fe-to-sbs-sip', from: 'front-end', to: 'survivable-branch', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the backup Registrar pool to the Survivable Branch Server\'s Registrar', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'fe-to-sbs-mediation-sip', from: 'front-end', to: 'survivable-branch', protocol: 'Tcp', ports: ['5070'], purpose: 'SIP (MTLS) from the Front End Servers to the Survivable Branch Server\'s Mediation service', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'cms-to-sbs-smb', from: 'front-end', to: 'survivable-branch', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Survivable Branch Server', source: PAGE.PORTS, when: ['hosts-cms'], note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'sbs-to-fe-sip', from: 'survivable-branch', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Survivable Branch Server to its backup Registrar pool', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'sbs-to-fe-https', from: 'survivable-branch', to: 'front-end', protocol: 'Tcp', ports: ['444'], purpose: 'HTTPS between the Survivable Branch Server and the Front End Servers (server-to-server, as for a Director)', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'clients-to-sbs-sip', from: 'internal-clients', to: 'survivable-branch', protocol: 'Tcp', ports: ['5061'], purpose: 'Client SIP (TLS) to the branch users\' Registrar', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'clients-to-sbs-audio-tcp', from: 'internal-clients', to: 'survivable-branch', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media from clients to the Survivable Branch Server\'s Mediation service without media bypass', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'clients-to-sbs-audio-udp', from: 'internal-clients', to: 'survivable-branch', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media from clients to the Survivable Branch Server\'s Mediation service without media bypass', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'pstn-to-sbs-sip', from: 'pstn-gateway', to: 'survivable-branch', protocol: 'Tcp', ports: ['5067', '5068'], purpose: 'SIP from the branch gateway to the Survivable Branch Server\'s Mediation service (5067 TLS, 5068 TCP)', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'pstn-to-sbs-audio-tcp', from: 'pstn-gateway', to: 'survivable-branch', protocol: 'Tcp', ports: ['49152-57500'], purpose: 'Audio media between the branch gateway and the Survivable Branch Server', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },
    { key: 'pstn-to-sbs-audio-udp', from: 'pstn-gateway', to: 'survivable-branch', protocol: 'Udp', ports: ['49152-57500'], purpose: 'Audio media between the branch gateway and the Survivable Branch Server', source: PAGE.PORTS, note: 'Microsoft\'s ports table has no row of its own for a Survivable Branch Server; it runs the Registrar and Mediation services, so their rows apply.' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('survivable-branch', 'sbs'),
  ],
});
