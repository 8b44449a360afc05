/** Back End SQL Server of an Enterprise pool (also the SQL servers of a chat pool's own databases). */
import { ServerRole } from '../topology';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const BACK_END = roleProfile({
  role: ServerRole.BACK_END,
  displayName: 'Back End',
  domain: 'member',
  // SQL Server follows its own OS and update requirements, not the product's.
  runsProduct: false,
  // The virtualization guidance names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): the pool's databases.
  holdsRestoreData: true,
  writesConfigExports: false,
  protectedByBackup: true,
  // Server hardware platforms: Front End and Back End share the pool-core floor.
  sizingFamily: 'pool-core',
  // B-series 4 vCPU / 16 GB: the pool's databases need room beyond SQL Server's 4 GB minimum (LAB-*).
  // Each role has its own subnet, so NSG rules can name it.
  subnets: [SubnetRole.BACK_END],
  labVmSize: 'Standard_B4ms',
  // SQL Server comes with its marketplace image; the Back End needs no Lync/SfB features.
  windowsFeatures: [],
  groups: 'backEnds',
});
