/** Front End server of an Enterprise pool: registrar, conferencing and web services of its users. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS, FRONT_END_IIS } from './features';
import { roleProfile } from './profile';

export const FRONT_END = roleProfile({
  role: ServerRole.FRONT_END,
  // The product's own name for the role (Topology Builder, reports, runbook).
  displayName: 'Front End',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself (VM-4 supported OS, VM-7 cumulative updates).
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Front End servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): its local stores hold the pool's user data and conferences.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read.
  writesConfigExports: true,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Front End and Back End share the pool-core floor.
  sizingFamily: 'pool-core',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.FRONT_END],
  // B-series 4 vCPU / 16 GB: the smallest burstable size that runs the Front End role at all.
  labVmSize: 'Standard_B4ms',
  // Server requirements: All Servers plus the Front End IIS modules.
  windowsFeatures: [...ALL_SERVERS, ...FRONT_END_IIS],
  // FrontEndPool records its pool there.
  groups: 'frontEndPools',
});
