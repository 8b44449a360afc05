/** Mediation server: transcodes and relays calls between the pool and the PSTN gateways. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';

export const MEDIATION = roleProfile({
  role: ServerRole.MEDIATION,
  // The product's own name for the role.
  displayName: 'Mediation',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Mediation servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.MEDIATION],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers only.
  windowsFeatures: ALL_SERVERS,
  // MediationPool records its pool there.
  groups: 'mediationPools',
});
