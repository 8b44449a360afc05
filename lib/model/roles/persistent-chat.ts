/** Persistent Chat server of a (stretched) chat pool; its rooms live in the chat SQL databases. */
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const PERSISTENT_CHAT = roleProfile({
  role: ServerRole.PERSISTENT_CHAT,
  displayName: 'Persistent Chat',
  domain: 'member',
  runsProduct: true,
  // The virtualization guidance names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements: chat content is in the chat databases, not on the servers.
  holdsRestoreData: false,
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Persistent Chat follows the pool-core floor.
  sizingFamily: 'pool-core',
  // Each role has its own subnet, so NSG rules can name it.
  subnets: [SubnetRole.PERSISTENT_CHAT],
  labVmSize: 'Standard_B2ms',
  // Server requirements: Persistent Chat needs Message Queuing.
  windowsFeatures: [...ALL_SERVERS, 'MSMQ-Server'],
  // A stretched pool spans two sites: its placement groups are its servers per site.
  groups: 'chatPools',
});
