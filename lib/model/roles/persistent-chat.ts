/** Persistent Chat server of a (stretched) chat pool; its rooms live in the chat SQL databases. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';

export const PERSISTENT_CHAT = roleProfile({
  role: ServerRole.PERSISTENT_CHAT,
  // The product's own name for the role.
  displayName: 'Persistent Chat',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements: chat content is in the chat databases, not on the servers.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Persistent Chat follows the Front End floor.
  sizingFamily: 'pool-core',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.PERSISTENT_CHAT],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: Persistent Chat needs Message Queuing.
  windowsFeatures: [...ALL_SERVERS, 'MSMQ-Server'],
  // StretchedPersistentChatPool records its pool there (placed per site).
  groups: 'chatPools',
});
