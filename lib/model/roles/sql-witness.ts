/** SQL mirroring witness: decides automatic failover between principal and mirror, holds no data. */
import { ServerRole } from '../topology';
import { SubnetRole } from '../network';
import { roleProfile } from './profile';

export const SQL_WITNESS = roleProfile({
  role: ServerRole.SQL_WITNESS,
  displayName: 'SQL Witness',
  domain: 'member',
  // A SQL Server instance only: no Lync/SfB software.
  runsProduct: false,
  liveMigrationAdvisedAgainst: false,
  // FE-17 names no witness: it is not a product server.
  singleNic: false,
  // It holds no data: a rebuilt witness only needs re-adding to the mirroring session.
  holdsRestoreData: false,
  writesConfigExports: false,
  // Rebuilt empty, not restored: the vault leaves it out.
  protectedByBackup: false,
  // No Back End sizing floor applies to a server that holds no data.
  productionVmSize: 'Standard_D4s_v5',
  // Next to the principal and mirror it watches.
  subnets: [SubnetRole.BACK_END],
  labVmSize: 'Standard_B2ms',
  // SQL Server comes with its marketplace image.
  windowsFeatures: [],
  // Recorded with its back end (the witness sits in the back end's third zone).
  groups: 'backEnds',
});
