/** Edge server: the perimeter role that carries remote access, federation and media relay. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';

export const EDGE = roleProfile({
  role: ServerRole.EDGE,
  // The product's own name for the role.
  displayName: 'Edge',
  // Edge Server system requirements: in the perimeter network, not a domain member.
  domain: 'workgroup',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Edge servers.
  liveMigrationAdvisedAgainst: true,
  // Two NICs, external first: EDGE-12's finding, not VM-2's (one fact, one finding).
  singleNic: false,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // External NIC first: on Azure the first NIC holds the default gateway (EDGE-12).
  subnets: [SubnetRole.PERIMETER, SubnetRole.EDGE_INTERNAL],
  // B-series 2 vCPU / 8 GB, 3 NICs: room for the two an Edge needs.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers only.
  windowsFeatures: ALL_SERVERS,
  // EdgePool records its pool there.
  groups: 'edgePools',
});
