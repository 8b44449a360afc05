/**
 * The reference topology: Skype for Business Server 2015 in two Azure regions (West Europe and
 * North Europe), one Enterprise pool per site. It grows as the library's constructs land.
 */
import { Construct } from 'constructs';
import {
  CentralSite,
  FrontEndPool,
  AlwaysOnBackEnd,
  ProductVersion,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  SupportPosture,
} from '../../lib';

export interface ReferenceTopology {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly westPool: FrontEndPool;
  readonly northPool: FrontEndPool;
}

export function buildReferenceTopology(scope: Construct): ReferenceTopology {
  const deployment = new SfbDeployment(scope, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
  });

  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });

  // Back End HA: an AlwaysOn Availability Group of two SQL Server 2019 Enterprise replicas per site.
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const westBackEnd = new AlwaysOnBackEnd(west, 'backend', backEndProps);
  const northBackEnd = new AlwaysOnBackEnd(north, 'backend', backEndProps);

  const westPool = new FrontEndPool(west, 'pool', {
    fqdn: 'pool-west.corp.contoso.com',
    frontEndServers: 3,
    backEnd: westBackEnd,
  });
  const northPool = new FrontEndPool(north, 'pool', {
    fqdn: 'pool-north.corp.contoso.com',
    frontEndServers: 3,
    backEnd: northBackEnd,
  });

  return { deployment, west, north, westPool, northPool };
}
