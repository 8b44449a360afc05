/** Back End SQL Server of an Enterprise pool (also the SQL servers of a chat pool's own databases). */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';

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
  // The back-end constructs record themselves there.
  groups: 'backEnds',
});
