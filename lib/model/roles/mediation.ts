/** Mediation server: transcodes and relays calls between the pool and the PSTN gateways. */
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const MEDIATION = roleProfile({
  role: ServerRole.MEDIATION,
  displayName: 'Mediation',
  domain: 'member',
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Mediation servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 lists Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // Each role has its own subnet, so NSG rules can name it.
  subnets: [SubnetRole.MEDIATION],
  labVmSize: 'Standard_B2ms',
  windowsFeatures: ALL_SERVERS,
  groups: 'mediationPools',
});
