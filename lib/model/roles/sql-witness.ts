/** SQL mirroring witness: decides automatic failover between principal and mirror, holds no data. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';

export const SQL_WITNESS = roleProfile({
  role: ServerRole.SQL_WITNESS,
  // SQL Server's name for the role in a mirroring session.
  displayName: 'SQL Witness',
  // Mirroring endpoints authenticate with the domain's service accounts.
  domain: 'member',
  // A SQL Server instance only: no Lync/SfB software.
  runsProduct: false,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // It holds no data: a rebuilt witness only rejoins the mirroring session.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // Rebuilt empty, not restored: the vault leaves it out.
  protectedByBackup: false,
  // No Back End sizing floor applies to a server that holds no data.
  productionVmSize: 'Standard_D4s_v5',
  // Next to the principal and mirror it watches.
  subnets: [SubnetRole.BACK_END],
  // B-series 2 vCPU / 8 GB: a witness does almost nothing.
  labVmSize: 'Standard_B2ms',
  // SQL Server comes with its marketplace image.
  windowsFeatures: [],
  // A back end builds at most one witness: no count to give.
  serverCounts: [],
  // Recorded with its back end (it sits in the back end's third zone).
  groups: 'backEnds',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['back-end-sql'],
  // No flows of its own: its servers are back-end-sql endpoints, whose flows are in the files of the roles that define them.
  flows: [],
});
