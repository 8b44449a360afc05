/** File server of a pool's file store (DFS), also the log-shipping share of a chat pool. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';

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
  // FileStore records its store there (a chat log-shipping share is a single server, in none).
  groups: 'fileStores',
});
