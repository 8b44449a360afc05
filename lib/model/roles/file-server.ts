/** File server of a pool's file store (DFS), also the log-shipping share of a chat pool. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const FILE_SERVER = roleProfile({
  role: ServerRole.FILE_SERVER,
  // The product's own name for the file store's servers.
  displayName: 'File Server',
  // The pools reach the share with domain accounts.
  domain: 'member',
  // A Windows file server: no Lync/SfB software.
  runsProduct: false,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Backup and restoration requirements (data): meeting content, address book, device updates.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // No documented product hardware recommendation for a file server.
  productionVmSize: 'Standard_D4s_v5',
  // Shared infrastructure, reached from the pools of its site.
  subnets: [SubnetRole.INFRASTRUCTURE],
  // B-series 2 vCPU / 8 GB: a lab's shares are small.
  labVmSize: 'Standard_B2ms',
  // File sharing high availability: DFS namespace and replication.
  windowsFeatures: ['FS-FileServer', 'FS-DFS-Namespace', 'FS-DFS-Replication'],
  // Constructs that build it: a DFS pair (FILE-1).
  serverCounts: [{ construct: 'FileStore', prop: 'servers', default: 2, min: 1, max: 8, why: 'A DFS pair of file servers: the fewest that give the share high availability (FILE-1)' }],
  // FileStore records its store there (a chat log-shipping share is a single server, in none).
  groups: 'fileStores',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['file-store'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Paired pools: the Backup Service (disaster-recovery.md) and the inter-pool ports.
    {
      key: 'fe-to-paired-file-store-smb', from: 'front-end', to: 'file-store', protocol: 'Tcp', ports: ['445'], purpose: 'Backup Service: SMB from each Front End Server of pool A to the file store used by pool B, and the reverse',
      source: PAGE.FE_DR, when: ['paired-pools'], scope: 'paired-pool',
    },

    // The pool's own file store (a DFS pair).
    {
      key: 'file-store-dfs-replication', from: 'file-store', to: 'file-store', protocol: 'Tcp', ports: ['135', '445', '49152-65535'], purpose: 'DFS Replication (RPC endpoint mapper, dynamic RPC) and SMB between the file servers of one DFS file store',
      source: PAGE.WINDOWS_PORTS, scope: 'same-pool', note: 'The library builds the file store as a DFS pair; the service overview lists DFSR over RPC (135 and the dynamic range) and SMB 445. Not an SfB page.',
    },
    { key: 'fe-to-file-store-smb', from: 'front-end', to: 'file-store', protocol: 'Tcp', ports: ['445'], purpose: 'SMB to the pool\'s file store', source: PAGE.FE_DR, scope: 'own-pool', note: 'The page names SMB 445 from each Front End to the file store; a pool uses its own store every day.' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('file-store', 'file-store'),
  ],
});
