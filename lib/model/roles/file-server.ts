/** File server of a pool's file store (DFS), also the log-shipping share of a chat pool. */
import { ServerRole } from '../topology';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const FILE_SERVER = roleProfile({
  role: ServerRole.FILE_SERVER,
  displayName: 'File Server',
  domain: 'member',
  // A Windows file server: no Lync/SfB software.
  runsProduct: false,
  liveMigrationAdvisedAgainst: false,
  // FE-17 names no file server or domain controller.
  singleNic: false,
  // Backup and restoration requirements (data): meeting content, address book, device updates.
  holdsRestoreData: true,
  writesConfigExports: false,
  protectedByBackup: true,
  // No documented product hardware recommendation for a file server.
  productionVmSize: 'Standard_D4s_v5',
  // Shared infrastructure, reached from the pools of its site.
  subnets: [SubnetRole.INFRASTRUCTURE],
  labVmSize: 'Standard_B2ms',
  windowsFeatures: ['FS-FileServer', 'FS-DFS-Namespace', 'FS-DFS-Replication'],
  groups: 'fileStores',
});
