/** Director: authenticates remote users and redirects them to their home pool. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS, DIRECTOR_IIS } from './features';
import { roleProfile } from './profile';

export const DIRECTOR = roleProfile({
  role: ServerRole.DIRECTOR,
  // The product's own name for the role.
  displayName: 'Director',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.DIRECTOR],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers plus the Director IIS modules.
  windowsFeatures: [...ALL_SERVERS, ...DIRECTOR_IIS, 'Desktop-Experience'],
  // DirectorPool records its pool there.
  groups: 'directorPools',
});
