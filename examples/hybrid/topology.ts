/**
 * Teams hybrid: Skype for Business Server Subscription Edition in two Azure regions (West Europe and
 * North Europe), in hybrid with Microsoft Teams (shared SIP address space). Per site an Enterprise pool
 * on an AlwaysOn back end and an Edge pool; the pools are paired. The West Europe Edge pool carries SIP
 * federation and the hybrid with Microsoft 365 (`teamsHybrid`); both Edge pools admit Microsoft 365's
 * published ranges, so North Europe can take over. The runbook carries the hosting-provider and
 * shared-SIP-address-space steps and what to do when the federation Edge pool fails over (docs/hybrid.md).
 */
import { Construct } from 'constructs';
import {
  acknowledgeFinding,
  AlwaysOnBackEnd,
  CentralSite,
  EdgePool,
  FrontEndPool,
  PairedPools,
  ProductVersion,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  SupportPosture,
} from '../../lib';

export interface HybridTopology {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly westPool: FrontEndPool;
  readonly northPool: FrontEndPool;
  readonly westEdge: EdgePool;
  readonly northEdge: EdgePool;
  readonly pair: PairedPools;
}

export function buildHybridTopology(scope: Construct): HybridTopology {
  const deployment = new SfbDeployment(scope, 'litware', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE,
    sipDomain: 'litwareinc.com',
    adDomain: 'corp.litwareinc.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
    // Given, not chosen by key (GLOBAL-2): the DNS zones' resource group never moves.
    globalLocation: 'westeurope',
  });
  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');
  acknowledgeFinding(deployment, 'TOPO-3', 'the organization\'s existing reverse proxy publishes the external web services (443 to 4443, 80 to 8080); the reference example shows ReverseProxy');

  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.50.0.0/16' });
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.60.0.0/16' });

  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const westPool = new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.litwareinc.com', backEnd: new AlwaysOnBackEnd(west, 'backend', backEndProps), hostsCentralManagementStore: true });
  const northPool = new FrontEndPool(north, 'pool', { fqdn: 'pool-north.corp.litwareinc.com', backEnd: new AlwaysOnBackEnd(north, 'backend', backEndProps), hostsCentralManagementStore: false });

  // The federation Edge pool is the hybrid one (HYB-1); the tenant's external access is open, as
  // partner discovery is on premises (HYB-3), and neither side has allowed or blocked domains.
  const westEdge = new EdgePool(west, 'edge', {
    internalFqdn: 'edge-west.corp.litwareinc.com',
    accessEdgeFqdn: 'access-west.litwareinc.com',
    webConferencingEdgeFqdn: 'webconf-west.litwareinc.com',
    audioVideoEdgeFqdn: 'av-west.litwareinc.com',
    nextHop: westPool,
    srvPriority: 10,
    federation: true,
    teamsHybrid: true,
    hybridFederation: { onPremisesPartnerDiscovery: true, tenantFederation: 'open' },
  });
  const northEdge = new EdgePool(north, 'edge', {
    internalFqdn: 'edge-north.corp.litwareinc.com',
    accessEdgeFqdn: 'access-north.litwareinc.com',
    webConferencingEdgeFqdn: 'webconf-north.litwareinc.com',
    audioVideoEdgeFqdn: 'av-north.litwareinc.com',
    nextHop: northPool,
    srvPriority: 20,
  });
  acknowledgeFinding(
    westEdge,
    'EDGE-16',
    'Federation and the hybrid with Microsoft 365 fail over by the runbook: move the federation route to edge-north and repoint _sipfederationtls._tcp',
  );

  const pair = new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });
  return { deployment, west, north, westPool, northPool, westEdge, northEdge, pair };
}
