/**
 * A Lync Server 2013 deployment in two Azure regions (West Europe and North Europe): one Enterprise
 * pool per site on a mirrored SQL Server 2012 back end with a witness (synchronous mirroring with
 * automatic failover, the Back End HA Lync Server 2013 offers besides SQL clustering).
 */
import { Construct } from 'constructs';
import {
  acknowledgeFinding,
  CentralSite,
  FrontEndPool,
  MirroredBackEnd,
  ProductVersion,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  SupportPosture,
} from '../../lib';

export interface Lync2013Topology {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly westBackEnd: MirroredBackEnd;
  readonly northBackEnd: MirroredBackEnd;
  readonly westPool: FrontEndPool;
  readonly northPool: FrontEndPool;
}

export function buildLync2013Topology(scope: Construct): Lync2013Topology {
  const deployment = new SfbDeployment(scope, 'fabrikam', {
    productVersion: ProductVersion.LYNC_SERVER_2013,
    sipDomain: 'fabrikam.com',
    adDomain: 'corp.fabrikam.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
  });

  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');
  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.30.0.0/16' });
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.40.0.0/16' });

  // Principal and mirror in zones 1 and 2, the witness in zone 3 of each site.
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2012, sqlEdition: SqlEdition.ENTERPRISE, witness: true };
  const westBackEnd = new MirroredBackEnd(west, 'backend', backEndProps);
  const northBackEnd = new MirroredBackEnd(north, 'backend', backEndProps);

  // Three Front End servers per pool: an odd count keeps the pool's quorum off the Back End (FE-8).
  const westPool = new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.fabrikam.com', frontEndServers: 3, backEnd: westBackEnd });
  const northPool = new FrontEndPool(north, 'pool', { fqdn: 'pool-north.corp.fabrikam.com', frontEndServers: 3, backEnd: northBackEnd });

  return { deployment, west, north, westBackEnd, northBackEnd, westPool, northPool };
}
