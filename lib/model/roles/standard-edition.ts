/** Standard Edition server: a one-server pool with its databases on local SQL Express. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS, FRONT_END_IIS } from './features';
import { roleProfile } from './profile';

export const STANDARD_EDITION = roleProfile({
  role: ServerRole.STANDARD_EDITION,
  // The product's own name for the role.
  displayName: 'Standard Edition',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself (a Front End with collocated databases).
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers: no live migration of Front End servers.
  liveMigrationAdvisedAgainst: true,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements (data): it holds its pool's databases.
  holdsRestoreData: true,
  // The export task runs on members of the pool the exports read.
  writesConfigExports: true,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Standard Edition has a floor of its own.
  sizingFamily: 'standard-edition',
  // It is a Front End: it sits with them.
  subnets: [SubnetRole.FRONT_END],
  // B-series 4 vCPU / 16 GB: Front End software plus SQL Express.
  labVmSize: 'Standard_B4ms',
  // Server requirements: the Front End set.
  windowsFeatures: [...ALL_SERVERS, ...FRONT_END_IIS],
  // Constructs that build it: a Standard Edition "pool" is exactly one server (FE-21 refuses more).
  serverCounts: [{ construct: 'FrontEndPool', prop: 'frontEndServers', default: 1, min: 1, max: 100, why: 'A Standard Edition server is a pool of one' }],
  // FrontEndPool records its pool there.
  groups: 'frontEndPools',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['front-end'],
  // No flows of its own: its servers are front-end endpoints, whose flows are in the files of the roles that define them.
  flows: [],
});
