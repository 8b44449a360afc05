/** Survivable Branch Server: a branch site's Registrar and Mediation Server, here a VM in a branch network in Azure. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';

export const SURVIVABLE_BRANCH_SERVER = roleProfile({
  role: ServerRole.SURVIVABLE_BRANCH_SERVER,
  // Topology Builder's and the branch-site resiliency pages' name of the role.
  displayName: 'Survivable Branch Server',
  // Branch-site resiliency requirements: a Windows server in the domain, like every internal server.
  domain: 'member',
  // It runs the Lync/SfB Registrar and Mediation services.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Mediation servers, which it is one of.
  liveMigrationAdvisedAgainst: true,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Its configuration is a replica of the Central Management store, and its users' data lives in the backup Registrar's pool.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The branch network has no Recovery Services vault: the restore procedure reinstalls it from the store's replica.
  protectedByBackup: false,
  // Server hardware platforms names no Survivable Branch Server row; it runs Registrar and Mediation, so the
  // stand-alone Mediation floor applies (an inference).
  sizingFamily: 'edge-director-mediation',
  // The branch network's one subnet.
  subnets: [SubnetRole.SURVIVABLE_BRANCH],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers only (it has no web services).
  windowsFeatures: ALL_SERVERS,
});
