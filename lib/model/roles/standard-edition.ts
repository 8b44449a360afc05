/** Standard Edition server: a one-server pool with its own local SQL Express store. */
import { ServerRole } from '../topology';
import { ALL_SERVERS, FRONT_END_IIS } from './features';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const STANDARD_EDITION = roleProfile({
  role: ServerRole.STANDARD_EDITION,
  displayName: 'Standard Edition',
  domain: 'member',
  // Server requirements: Standard Edition is a Front End with its databases collocated.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Front End servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): it holds its pool's databases.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read.
  writesConfigExports: true,
  protectedByBackup: true,
  // Server hardware platforms: Standard Edition has a floor of its own.
  sizingFamily: 'standard-edition',
  // B-series 4 vCPU / 16 GB: Front End software plus SQL Express.
  // Each role has its own subnet, so NSG rules can name it.
  subnets: [SubnetRole.FRONT_END],
  labVmSize: 'Standard_B4ms',
  windowsFeatures: [...ALL_SERVERS, ...FRONT_END_IIS],
  groups: 'frontEndPools',
});
