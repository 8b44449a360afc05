/** Product version of the deployment. */
export enum ProductVersion {
  LYNC_SERVER_2013 = '2013',
  SKYPE_FOR_BUSINESS_2015 = '2015',
  SKYPE_FOR_BUSINESS_2019 = '2019',
  /**
   * Skype for Business Server Subscription Edition (released 1 July 2025, Modern Lifecycle Policy).
   * Its facts are derived from Skype for Business Server 2019 (lib/model/versions.ts).
   */
  SKYPE_FOR_BUSINESS_SE = 'SE',
}

/** Front End pool edition. */
export enum PoolEdition {
  ENTERPRISE = 'Enterprise',
  STANDARD = 'Standard',
}

/** SQL Server version of a back end. */
export enum SqlServerVersion {
  SQL_2008_R2 = '2008R2',
  SQL_2012 = '2012',
  SQL_2014 = '2014',
  SQL_2016 = '2016',
  SQL_2017 = '2017',
  SQL_2019 = '2019',
}

/** SQL Server edition of a back end. */
export enum SqlEdition {
  STANDARD = 'Standard',
  ENTERPRISE = 'Enterprise',
}

/** Windows Server version of a server's image. */
export enum WindowsServerVersion {
  WINDOWS_SERVER_2012_R2 = '2012R2',
  WINDOWS_SERVER_2016 = '2016',
  WINDOWS_SERVER_2019 = '2019',
  WINDOWS_SERVER_2022 = '2022',
}

/** How a pool's traffic is load balanced. */
export enum LoadBalancing {
  DNS = 'DNS',
  HARDWARE = 'Hardware',
}

/** Severity of a finding. */
export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
  INFO = 'info',
}

/** Whether the deployment acknowledges that Lync/SfB on Azure VMs has no Microsoft support statement (AZURE-1). */
export enum SupportPosture {
  UNACKNOWLEDGED = 'unacknowledged',
  LAB = 'lab',
  ACCEPTED_RISK = 'accepted-risk',
}

/** High-availability technology of a back end. */
export enum BackEndMode {
  STANDALONE = 'standalone',
  MIRRORING = 'mirroring',
  ALWAYS_ON_AVAILABILITY_GROUP = 'always-on-availability-group',
  FAILOVER_CLUSTER = 'failover-cluster',
}

/**
 * What an Edge pool serves whose high availability needs a hardware load balancer on the Edge
 * (EDGE-10, "Load balancing requirements for Skype for Business": with DNS load balancing these lose
 * failover when an Edge server fails).
 */
export enum LegacyEdgeInterop {
  /** Federation with organizations running Office Communications Server 2007 or 2007 R2. */
  OCS_2007_FEDERATION = 'federation with Office Communications Server 2007 or 2007 R2',
  /** Public IM connectivity (PIC: Windows Live/Skype consumer, AOL, Yahoo!). */
  PUBLIC_IM_CONNECTIVITY = 'public IM connectivity',
  /** Exchange Unified Messaging older than Exchange 2010 SP1, for remote users. */
  EXCHANGE_UM_BEFORE_2010_SP1 = 'Exchange UM older than Exchange 2010 SP1 for remote users',
}

/** What a Front End pool is for (FE-16). */
export enum PoolPurpose {
  /** Homes users: IM and presence, conferencing of up to 250 participants, Enterprise Voice. */
  GENERAL = 'general',
  /**
   * Dedicated to large meetings (250 to 1,000 participants, one at a time): hosts only the
   * meeting-host accounts ("Plan for large meetings in Skype for Business Server").
   */
  LARGE_MEETINGS = 'large-meetings',
}

/** How a ReverseProxy is built (docs/office-online-reverse-proxy.md). */
export enum ReverseProxyKind {
  /** Azure Application Gateway v2: zone-redundant, TLS from a Key Vault certificate, WAF optional. */
  APPLICATION_GATEWAY = 'application-gateway',
  /** Windows Server VMs (IIS ARR or Web Application Proxy) behind a Standard public load balancer. */
  WINDOWS_SERVERS = 'windows-servers',
}
