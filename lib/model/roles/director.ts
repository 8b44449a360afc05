/** Director: authenticates remote users and redirects them to their home pool. */
import { ServerRole } from '../topology';
import { ALL_SERVERS, DIRECTOR_IIS } from './features';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const DIRECTOR = roleProfile({
  role: ServerRole.DIRECTOR,
  displayName: 'Director',
  domain: 'member',
  runsProduct: true,
  // The virtualization guidance names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // Each role has its own subnet, so NSG rules can name it.
  subnets: [SubnetRole.DIRECTOR],
  labVmSize: 'Standard_B2ms',
  windowsFeatures: [...ALL_SERVERS, ...DIRECTOR_IIS, 'Desktop-Experience'],
  groups: 'directorPools',
});
