/** Back End SQL Server of an Enterprise pool (also the SQL servers of a chat pool's own databases). */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';
import { PAGE, NOT_2019, HA_2015_ON } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const BACK_END = roleProfile({
  role: ServerRole.BACK_END,
  // The product's own name for the role.
  displayName: 'Back End',
  // SQL Server high availability (AlwaysOn, clustering, mirroring) needs domain accounts.
  domain: 'member',
  // SQL Server follows its own OS and update requirements, not the product's.
  runsProduct: false,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): the pool's databases.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Front End and Back End share the pool-core floor.
  sizingFamily: 'pool-core',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.BACK_END],
  // B-series 4 vCPU / 16 GB: the pool's databases need room beyond SQL Server's 4 GB minimum (LAB-*).
  labVmSize: 'Standard_B4ms',
  // SQL Server comes with its marketplace image; the Back End needs no Lync/SfB features.
  windowsFeatures: [],
  // Constructs that build it: two replicas or nodes, the fewest that fail over; standalone and mirroring back ends build a fixed set.
  serverCounts: [
    { construct: 'AlwaysOnBackEnd', prop: 'replicas', default: 2, min: 2, max: 9, why: 'Two replicas: the fewest an availability group fails over between' },
    { construct: 'FailoverClusterBackEnd', prop: 'nodes', default: 2, min: 2, max: 64, why: 'Two nodes: the fewest a failover cluster instance fails over between' },
  ],
  // The back-end constructs record themselves there.
  groups: 'backEnds',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['back-end-sql'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // The pool's SQL back end: the Front Ends' connections and the HA technology's endpoints.
    {
      key: 'fe-to-back-end-sql', from: 'front-end', to: 'back-end-sql', protocol: 'Tcp', ports: ['1433'], purpose: 'SQL to the pool\'s back end (default instance; the AlwaysOn listener supports 1433 only)',
      source: PAGE.ALWAYS_ON, scope: 'own-pool', note: 'The ports tables have no SQL row; 1433 is the default instance\'s port and the only listener port the AG page supports (BE-8).',
    },
    {
      key: 'fe-to-back-end-sql-browser', from: 'front-end', to: 'back-end-sql', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser on the back end (named instances; the library builds default instances)',
      source: PAGE.PORTS, scope: 'own-pool', note: 'The ports table lists 1434/UDP on All Servers; the back end needs it only for a named instance.',
    },
    { key: 'back-end-mirroring', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['5022'], purpose: 'Database mirroring endpoint between principal and mirror (default 5022)', source: PAGE.MIRRORING, versions: NOT_2019, when: ['mirroring'], scope: 'same-pool' },
    { key: 'back-end-mirroring-witness', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['7022'], purpose: 'Database mirroring endpoint of the witness (default 7022)', source: PAGE.MIRRORING, versions: NOT_2019, when: ['mirroring-witness'], scope: 'same-pool' },
    { key: 'back-end-ag-endpoint', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['5022'], purpose: 'AlwaysOn Availability Group database mirroring endpoint between replicas', source: PAGE.ALWAYS_ON, versions: HA_2015_ON, when: ['always-on'], scope: 'same-pool' },
    {
      key: 'back-end-cluster-udp', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Udp', ports: ['3343'], purpose: 'Windows Server Failover Cluster service (heartbeat) between the nodes of an AG or FCI back end',
      source: PAGE.WINDOWS_PORTS, when: ['always-on'], scope: 'same-pool', note: 'Cluster ports come from the Windows service overview, not the SfB pages (BE-8 requires a WSFC under every AG).',
    },
    { key: 'back-end-cluster-udp-fci', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Udp', ports: ['3343'], purpose: 'Windows Server Failover Cluster service (heartbeat) between failover cluster instance nodes', source: PAGE.WINDOWS_PORTS, when: ['failover-cluster'], scope: 'same-pool' },
    {
      key: 'back-end-cluster-tcp', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['135', '445', '3343', '49152-65535'], purpose: 'Failover cluster RPC, SMB and join traffic between the nodes of an AG back end',
      source: PAGE.WINDOWS_PORTS, when: ['always-on'], scope: 'same-pool',
    },
    { key: 'back-end-cluster-tcp-fci', from: 'back-end-sql', to: 'back-end-sql', protocol: 'Tcp', ports: ['135', '445', '3343', '49152-65535'], purpose: 'Failover cluster RPC, SMB and join traffic between failover cluster instance nodes', source: PAGE.WINDOWS_PORTS, when: ['failover-cluster'], scope: 'same-pool' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('back-end-sql', 'sql'),
  ],
});
