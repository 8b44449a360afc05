/** Edge server: the perimeter role that carries remote access, federation and media relay. */
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const EDGE = roleProfile({
  role: ServerRole.EDGE,
  displayName: 'Edge',
  // Edge servers sit in the perimeter network and are not domain members (Edge environmental requirements).
  domain: 'workgroup',
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Edge servers.
  liveMigrationAdvisedAgainst: true,
  // Two NICs, external first: EDGE-12's finding, not VM-2's (one fact, one finding).
  singleNic: false,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // External NIC first: on Azure the first NIC holds the default gateway (EDGE-12).
  subnets: [SubnetRole.PERIMETER, SubnetRole.EDGE_INTERNAL],
  labVmSize: 'Standard_B2ms',
  windowsFeatures: ALL_SERVERS,
  groups: 'edgePools',
});
