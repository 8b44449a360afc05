/**
 * The reference topology: Skype for Business Server 2015 in two Azure regions (West Europe and
 * North Europe), one Enterprise pool per site. It grows as the library's constructs land.
 */
import { Construct } from 'constructs';
import {
  CentralSite,
  FrontEndPool,
  PairedPools,
  ProductVersion,
  SfbDeployment,
  SqlServerVersion,
  StandaloneBackEnd,
  SupportPosture,
} from '../../lib';

export interface ReferenceTopology {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly westPool: FrontEndPool;
  readonly northPool: FrontEndPool;
  readonly pair: PairedPools;
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

  const westBackEnd = new StandaloneBackEnd(west, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
  const northBackEnd = new StandaloneBackEnd(north, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });

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

  // Each pool backs up the other (and holds the standby Central Management Store of the west pool).
  const pair = new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });

  return { deployment, west, north, westPool, northPool, pair };
}
