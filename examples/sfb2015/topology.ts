/**
 * Legacy example: Skype for Business Server 2015 in two Azure regions (West Europe and North Europe),
 * the reference topology as it was before it moved to Subscription Edition (issue 17). Per site: an
 * Enterprise pool on an AlwaysOn back end, an Edge pool (SRV priorities 10 and 20; federation and XMPP
 * through West Europe), a Director pool and a Mediation pool. The two pools are paired, and a Persistent
 * Chat pool is stretched over both sites: the two things Subscription Edition no longer has (Persistent
 * Chat, the XMPP gateway). Skype for Business Server 2015 left support on 14 October 2025 (LIFE-1); the
 * path to Subscription Edition is side by side (docs/lifecycle.md, upgrade.md).
 * One stack for everything (examples/sfb2015/main.ts).
 */
import { Construct } from 'constructs';
import {
  acknowledgeFinding,
  AlwaysOnBackEnd,
  CentralSite,
  DirectorPool,
  EdgePool,
  FrontEndPool,
  MediationPool,
  PairedPools,
  ProductVersion,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  StretchedPersistentChatPool,
  SupportPosture,
} from '../../lib';

export interface Sfb2015Topology {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly westPool: FrontEndPool;
  readonly northPool: FrontEndPool;
  readonly westEdge: EdgePool;
  readonly northEdge: EdgePool;
  readonly westDirector: DirectorPool;
  readonly northDirector: DirectorPool;
  readonly westMediation: MediationPool;
  readonly northMediation: MediationPool;
  readonly chatPool: StretchedPersistentChatPool;
  readonly pair: PairedPools;
}

export function buildSfb2015Topology(scope: Construct): Sfb2015Topology {
  const deployment = new SfbDeployment(scope, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    globalLocation: 'westeurope',
    supportPosture: SupportPosture.ACCEPTED_RISK,
  });

  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });
  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');
  acknowledgeFinding(deployment, 'TOPO-3', 'the organization\'s existing reverse proxy publishes the external web services (443 to 4443, 80 to 8080); the reference example shows ReverseProxy');

  // Back End HA: an AlwaysOn Availability Group of two SQL Server 2019 Enterprise replicas per site.
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const westBackEnd = new AlwaysOnBackEnd(west, 'backend', backEndProps);
  const northBackEnd = new AlwaysOnBackEnd(north, 'backend', backEndProps);

  const westPool = new FrontEndPool(west, 'pool', {
    fqdn: 'pool-west.corp.contoso.com',
    frontEndServers: 3,
    backEnd: westBackEnd,
    hostsCentralManagementStore: true,
  });
  const northPool = new FrontEndPool(north, 'pool', {
    fqdn: 'pool-north.corp.contoso.com',
    frontEndServers: 3,
    backEnd: northBackEnd,
    hostsCentralManagementStore: false,
  });

  // One Edge pool per site (Edge DR): remote clients try West first, then North (_sip._tls priorities).
  const westEdge = new EdgePool(west, 'edge', {
    internalFqdn: 'edge-west.corp.contoso.com',
    accessEdgeFqdn: 'access-west.contoso.com',
    webConferencingEdgeFqdn: 'webconf-west.contoso.com',
    audioVideoEdgeFqdn: 'av-west.contoso.com',
    nextHop: westPool,
    srvPriority: 10,
    federation: true,
    xmppFederation: true,
  });
  const northEdge = new EdgePool(north, 'edge', {
    internalFqdn: 'edge-north.corp.contoso.com',
    accessEdgeFqdn: 'access-north.contoso.com',
    webConferencingEdgeFqdn: 'webconf-north.contoso.com',
    audioVideoEdgeFqdn: 'av-north.contoso.com',
    nextHop: northPool,
    srvPriority: 20,
  });

  acknowledgeFinding(
    westEdge,
    'EDGE-16',
    'Inbound federation fails over by the runbook: move the federation flag to edge-north and republish (docs/edge.md)',
  );

  // A Director pool per site: first hop for sign-in (VOICE-5) and for remote users.
  const westDirector = new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
  const northDirector = new DirectorPool(north, 'director', { fqdn: 'dir-north.corp.contoso.com' });
  // A stand-alone Mediation pool per site, routing to the site's own Front End pool.
  const westMediation = new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: westPool });
  const northMediation = new MediationPool(north, 'mediation', { fqdn: 'med-north.corp.contoso.com', nextHop: northPool });

  // Persistent Chat, stretched: 2 active in West Europe near the mirrored primary database, 2 idle in
  // North Europe beside the log-shipping secondary (the high-latency layout: Azure regions are far apart).
  const chatPool = new StretchedPersistentChatPool(deployment, 'chat', {
    fqdn: 'pchat.corp.contoso.com',
    primarySite: west,
    secondarySite: north,
    homePool: westPool,
    primaryActiveServers: 2,
    secondaryIdleServers: 2,
  });

  // Each pool backs up the other (and holds the standby Central Management Store of the west pool).
  const pair = new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });

  return { deployment, west, north, westPool, northPool, westEdge, northEdge, westDirector, northDirector, westMediation, northMediation, chatPool, pair };
}
