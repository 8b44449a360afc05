/**
 * The reference topology: Skype for Business Server Subscription Edition, the supported on-premises
 * version, in two Azure regions (West Europe and North Europe). Per site: an Enterprise pool on an
 * AlwaysOn back end, an Edge pool (SRV priorities 10 and 20; federation through West Europe), a
 * Director pool, a Mediation pool, an Office Online Server farm (meeting content) and a reverse proxy
 * that publishes the site's web services, simple URLs, lyncdiscover and farm: an Application Gateway
 * with WAF in West Europe, IIS ARR servers behind a public load balancer in North Europe (one of each
 * ReverseProxyKind). The two pools are paired.
 *
 * Subscription Edition is derived from Skype for Business Server 2019 (docs/lifecycle.md): no
 * Persistent Chat, no XMPP gateway, no mirrored back ends. So, unlike the Skype for Business Server
 * 2015 reference it replaces (now examples/sfb2015), it has no stretched Persistent Chat pool and no
 * XMPP federation route; persistent chat moves to Teams (examples/hybrid shows Teams hybrid).
 */
import { Construct } from 'constructs';
import {
  acknowledgeFinding,
  AlwaysOnBackEnd,
  CentralSite,
  DirectorPool,
  EdgePool,
  FrontEndPool,
  LabOptions,
  MediationPool,
  OfficeOnlineServerFarm,
  PairedPools,
  ProductVersion,
  ReverseProxy,
  ReverseProxyKind,
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
  readonly westEdge: EdgePool;
  readonly northEdge: EdgePool;
  readonly westDirector: DirectorPool;
  readonly northDirector: DirectorPool;
  readonly westMediation: MediationPool;
  readonly northMediation: MediationPool;
  readonly pair: PairedPools;
  readonly westOfficeOnline: OfficeOnlineServerFarm;
  readonly northOfficeOnline: OfficeOnlineServerFarm;
  readonly westReverseProxy: ReverseProxy;
  readonly northReverseProxy: ReverseProxy;
}

export interface ReferenceTopologyOptions {
  /** Build the topology as a lab (examples/lab): lab sizes, domain controllers, Bastion, shutdown. @default no lab */
  readonly lab?: LabOptions;
  /**
   * Region of deployment-wide resources. In an App (a stack per site) it must be a region no site uses.
   * @default "westeurope"
   */
  readonly globalLocation?: string;
  /** Front End servers of the west pool (the day-2 tests scale it). @default 3 */
  readonly westFrontEndServers?: number;
  /** AlwaysOn replicas of the west back end (the day-2 tests scale it). @default 2 */
  readonly westBackEndReplicas?: number;
  /** Edge servers of the west Edge pool (the day-2 tests scale it). @default the Edge pool's default */
  readonly westEdgeServers?: number;
  /** Director servers of the west Director pool (the day-2 tests scale it). @default the Director pool's default */
  readonly westDirectorServers?: number;
}

export function buildReferenceTopology(scope: Construct, options: ReferenceTopologyOptions = {}): ReferenceTopology {
  const deployment = new SfbDeployment(scope, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    // Said explicitly (GLOBAL-2, PAIR-26): the defaults are chosen by key, and a new site or pool could move them.
    globalLocation: options.globalLocation ?? 'westeurope',
    // A lab is SupportPosture.LAB (the lab option sets it); a production-like build accepts the risk.
    ...(options.lab ? { lab: options.lab } : { supportPosture: SupportPosture.ACCEPTED_RISK }),
  });

  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });
  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');

  // Back End HA: an AlwaysOn Availability Group of two SQL Server 2019 Enterprise replicas per site.
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const westBackEnd = new AlwaysOnBackEnd(west, 'backend', { ...backEndProps, replicas: options.westBackEndReplicas ?? 2 });
  const northBackEnd = new AlwaysOnBackEnd(north, 'backend', backEndProps);

  const westPool = new FrontEndPool(west, 'pool', {
    fqdn: 'pool-west.corp.contoso.com',
    frontEndServers: options.westFrontEndServers ?? 3,
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
    ...(options.westEdgeServers ? { servers: options.westEdgeServers } : {}),
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
  const westDirector = new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', ...(options.westDirectorServers ? { servers: options.westDirectorServers } : {}) });
  const northDirector = new DirectorPool(north, 'director', { fqdn: 'dir-north.corp.contoso.com' });
  // A stand-alone Mediation pool per site, routing to the site's own Front End pool.
  const westMediation = new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: westPool });
  const northMediation = new MediationPool(north, 'mediation', { fqdn: 'med-north.corp.contoso.com', nextHop: northPool });

  // Each pool backs up the other (and holds the standby Central Management Store of the west pool).
  const pair = new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });

  // Meeting content (PowerPoint) per site, reachable from outside through the site's reverse proxy (OWA-3).
  const westOfficeOnline = new OfficeOnlineServerFarm(west, 'office-online', { fqdn: 'oos-west.corp.contoso.com', externalFqdn: 'oos-west.contoso.com' });
  const northOfficeOnline = new OfficeOnlineServerFarm(north, 'office-online', { fqdn: 'oos-north.corp.contoso.com', externalFqdn: 'oos-north.contoso.com' });
  westPool.associateOfficeOnlineServer(westOfficeOnline);
  northPool.associateOfficeOnlineServer(northOfficeOnline);

  // A reverse proxy per site (TOPO-3), one of each kind: each publishes its own site's pools, and
  // Traffic Manager moves the shared names (Meet, Dial-in, lyncdiscover) with the pairing.
  const westReverseProxy = new ReverseProxy(west, 'reverse-proxy', {
    kind: ReverseProxyKind.APPLICATION_GATEWAY,
    certificateSecretId: 'https://kv-contoso-west.vault.azure.net/secrets/sfb-external-west',
    trustedRootCertificateSecretId: 'https://kv-contoso-west.vault.azure.net/secrets/contoso-root-ca',
    // WAF_v2 in production; the lab keeps the cheaper Standard_v2 (docs/lab.md, cost note).
    wafEnabled: options.lab === undefined,
  });
  const northReverseProxy = new ReverseProxy(north, 'reverse-proxy', { kind: ReverseProxyKind.WINDOWS_SERVERS });

  return {
    deployment, west, north, westPool, northPool, westEdge, northEdge, westDirector, northDirector, westMediation, northMediation, pair,
    westOfficeOnline, northOfficeOnline, westReverseProxy, northReverseProxy,
  };
}
