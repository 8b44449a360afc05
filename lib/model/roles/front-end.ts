/** Front End server of an Enterprise pool: registrar, conferencing, web services; the pool's state lives here. */
import { ServerRole } from '../topology';
import { ALL_SERVERS, FRONT_END_IIS } from './features';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const FRONT_END = roleProfile({
  role: ServerRole.FRONT_END,
  displayName: 'Front End',
  domain: 'member',
  // Server requirements: Front End runs the product itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Front End servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): the pool's user data and the CMS replica live on Front Ends.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read.
  writesConfigExports: true,
  protectedByBackup: true,
  // Server hardware platforms: Front End and Back End share the pool-core floor.
  sizingFamily: 'pool-core',
  // B-series 4 vCPU / 16 GB: the smallest burstable size that runs the Front End role at all.
  // Each role has its own subnet, so NSG rules can name it.
  subnets: [SubnetRole.FRONT_END],
  labVmSize: 'Standard_B4ms',
  windowsFeatures: [...ALL_SERVERS, ...FRONT_END_IIS],
  groups: 'frontEndPools',
});
