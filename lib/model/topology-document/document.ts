/**
 * A Skype for Business / Lync topology document as plain data: what Topology Builder's `.tbxml` and the
 * published topology (`Get-CsTopology -AsXml`) say about sites, pools and their services. Both formats
 * read into this one shape (lib/model/topology-document/read.ts), and the library writes it back
 * (lib/reports/topology-document.ts). jsii-compatible: plain structs of strings and arrays.
 */

/** What a pool (a Topology Builder cluster) is, from the services installed on it. */
export enum DocumentPoolRole {
  FRONT_END = 'Front End',
  STANDARD_EDITION = 'Standard Edition',
  EDGE = 'Edge',
  DIRECTOR = 'Director',
  MEDIATION = 'Mediation',
  PERSISTENT_CHAT = 'Persistent Chat',
  SQL_STORE = 'SQL store',
  FILE_STORE = 'File store',
  OFFICE_ONLINE_SERVER = 'Office Online Server',
  /** A PSTN gateway or SIP trunk peer (`PstnGateway` service): customer equipment, not a server the library builds. */
  PSTN_GATEWAY = 'PSTN gateway',
  /** A Survivable Branch Appliance or Server: a Registrar and a Mediation service in a branch site. */
  SURVIVABLE_BRANCH = 'Survivable branch',
  /** Services the reader does not know (listed in `unknown`), or none at all. */
  OTHER = 'Other',
}

export interface TopologyDocumentSite {
  readonly name: string;
  /** The document's `SiteId`. */
  readonly siteId: string;
}

/** A branch site (Topology Builder: under its central site's `RemoteSites`). */
export interface TopologyDocumentBranchSite {
  readonly name: string;
  readonly siteId: string;
  /** Name of the central site it belongs to. */
  readonly centralSite: string;
}

export interface TopologyDocumentPool {
  readonly fqdn: string;
  /** Name of the site the pool is in. */
  readonly site: string;
  readonly role: DocumentPoolRole;
  /**
   * FQDNs of the pool's machines, in document order. A machine without an FQDN of its own (a
   * single-machine cluster) is the pool's FQDN.
   */
  readonly machines: string[];
  /** Role names of the services installed on the pool (and on its SQL instances), sorted. */
  readonly services: string[];
  /** Line of the cluster element in the document. */
  readonly line: number;
  /** SQL store the pool's user (or chat) store is on, when the document says. */
  readonly backEnd?: string;
  /** File store (its pool FQDN) the pool uses, when the document says. */
  readonly fileStore?: string;
  /** Edge and Mediation: the pool their Registrar dependency points at. */
  readonly nextHop?: string;
  /** Front End: the Edge pool it uses for media. */
  readonly edgePool?: string;
  /** Edge: external FQDNs of the Access, Web Conferencing and A/V Edge services. */
  readonly accessEdgeFqdn?: string;
  readonly webConferencingEdgeFqdn?: string;
  readonly audioVideoEdgeFqdn?: string;
  /** Edge: external port of the Access Edge service's client listener. */
  readonly accessEdgePort?: number;
  /** Hosts the active Central Management Server. */
  readonly centralManagement?: boolean;
  /** Edge: "Enable federation for this Edge pool (Port 5061)", the Access Edge's external federation port. */
  readonly federation?: boolean;
  /** Edge: XMPP federation (the XMPP proxy's ports). */
  readonly xmppFederation?: boolean;
  /** Edge: the external addresses are translated by NAT (the external interfaces carry a `ConfiguredIPAddress`). */
  readonly externalNat?: boolean;
  /** Front End: the Office Online Server (Office Web Apps Server) pool its conferencing uses. */
  readonly officeOnlineServer?: string;
  /** Office Online Server: the discovery URL. */
  readonly discoveryUrl?: string;
  /** Survivable branch: the Front End pool that is its backup Registrar. */
  readonly backupRegistrar?: string;
  /** PSTN gateway: the pool (Mediation, Front End with collocated Mediation, or survivable branch) whose Mediation service uses it. */
  readonly mediationPool?: string;
  /** PSTN gateway: its address, when the document gives one (the machine's primary interface). */
  readonly gatewayAddress?: string;
  /** PSTN gateway: its listening port and transport (`Tls` or `Tcp`). */
  readonly gatewayPort?: number;
  readonly gatewayTransport?: string;
}

export interface TopologyDocumentSqlInstance {
  /** FQDN of the SQL store (the cluster it is on: a server, an AlwaysOn listener or an FCI name). */
  readonly fqdn: string;
  /** Instance name; '' for the default instance. */
  readonly instance: string;
  readonly site: string;
  /** Role names of the stores on the instance (UserStore, CentralMgmtStore, ...), sorted. */
  readonly stores: string[];
  /** AlwaysOn: the primary replica's FQDN, when the document gives one. */
  readonly alwaysOnPrimaryNodeFqdn?: string;
  /** Mirroring: the mirror's and the witness's SQL store FQDNs (`MirrorSqlServerFqdn`, `WitnessSqlServerFqdn`). */
  readonly mirrorFqdn?: string;
  readonly witnessFqdn?: string;
}

export interface TopologyDocumentFileShare {
  /** FQDN of the file server or DFS namespace. */
  readonly fqdn: string;
  readonly shareName: string;
  readonly site: string;
}

export interface TopologyDocumentSimpleUrl {
  /** `Meet`, `Dialin` or `Cscp` (the admin URL). */
  readonly component: string;
  /** SIP domain, or `*`. */
  readonly domain: string;
  readonly url: string;
}

/** A backup-pool pairing (each pool is the other's backup). */
export interface TopologyDocumentPairing {
  readonly primary: string;
  readonly backup: string;
}

/** One service's dependency on another, by pool FQDN. */
export interface TopologyDocumentDependency {
  readonly service: string;
  readonly pool: string;
  readonly dependsOn: string;
  readonly onPool: string;
  /** `Default`, or the document's other usage (e.g. a backup). */
  readonly usage: string;
}

/** Something the reader kept but does not model. */
export interface TopologyDocumentUnknown {
  /** `service <RoleName>` or `element <Name>`. */
  readonly what: string;
  /** Pool FQDN or element path it was found in. */
  readonly where: string;
  readonly line: number;
  /** The element as XML, so nothing of the document is lost. */
  readonly xml: string;
}

export interface TopologyDocument {
  /** `topology-builder` (`.tbxml`) or `published` (`Topology` root). */
  readonly format: string;
  /** The default SIP domain (`InternalDomains/@DefaultDomain`), '' when absent. */
  readonly defaultSipDomain: string;
  readonly sipDomains: string[];
  /**
   * The highest `ServiceVersion` of the services (6: Lync Server 2013, 7: Skype for Business Server
   * 2015, 8: 2019 and Subscription Edition); 0 when the document gives none.
   */
  readonly serviceVersion: number;
  readonly sites: TopologyDocumentSite[];
  readonly branchSites: TopologyDocumentBranchSite[];
  readonly pools: TopologyDocumentPool[];
  readonly sqlInstances: TopologyDocumentSqlInstance[];
  readonly fileShares: TopologyDocumentFileShare[];
  readonly simpleUrls: TopologyDocumentSimpleUrl[];
  readonly pairings: TopologyDocumentPairing[];
  readonly dependencies: TopologyDocumentDependency[];
  readonly unknown: TopologyDocumentUnknown[];
  /** One line per thing read with a caveat (unknown services and elements among them). */
  readonly warnings: string[];
}
