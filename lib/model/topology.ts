/**
 * The topology as the constructs describe it: plain data, no cdktf, no azurerm.
 * Rules and reports read only this. Cross-references are construct paths.
 */
import type { BackupModel } from './backup-topology';
import type { AddressPlan } from './address-plan';
import type { SimpleUrlsModel } from './simple-urls';
import type { CmsChosenBy } from './central-management';
import type { VoiceModel } from './voice';
import {
  BackEndMode,
  LegacyEdgeInterop,
  LoadBalancing,
  PoolEdition,
  PoolPurpose,
  ProductVersion,
  SqlEdition,
  SqlServerVersion,
  SupportPosture,
  WindowsServerVersion,
} from '../enums';

/** Server roles, as Topology Builder names them. */
export enum ServerRole {
  FRONT_END = 'Front End',
  STANDARD_EDITION = 'Standard Edition',
  BACK_END = 'Back End',
  EDGE = 'Edge',
  DIRECTOR = 'Director',
  MEDIATION = 'Mediation',
  PERSISTENT_CHAT = 'Persistent Chat',
  FILE_SERVER = 'File Server',
  DOMAIN_CONTROLLER = 'Domain Controller',
  /** A SQL mirroring witness: holds no data, so no Back End sizing floor applies. */
  SQL_WITNESS = 'SQL Witness',
  /** An Office Online Server (Office Web Apps) farm member: meeting PowerPoint content (OWA-*). */
  OFFICE_ONLINE_SERVER = 'Office Online Server',
  /** A Windows Server reverse proxy (IIS ARR or WAP) of a ReverseProxy of kind WINDOWS_SERVERS (TOPO-3). */
  REVERSE_PROXY = 'Reverse Proxy',
  /** A Survivable Branch Server in a branch site in Azure: the branch's Registrar and Mediation Server (VOICE-6). */
  SURVIVABLE_BRANCH_SERVER = 'Survivable Branch Server',
}

export interface NicModel {
  /** Subnet role the NIC sits in (front-end, perimeter, ...). */
  readonly subnet: string;
  readonly privateIp: string;
  /** True when the NIC carries a public IP address (SEC-3). */
  readonly publicIps: number;
  /**
   * Every private address of the NIC, primary first (an Edge external NIC has one per service: Access,
   * Web Conferencing, A/V). Absent in hand-built models: `privateIp` alone.
   */
  readonly privateIps?: readonly string[];
}

export interface ServerModel {
  /** Construct path of the server. */
  readonly path: string;
  readonly role: ServerRole;
  readonly computerName: string;
  readonly fqdn: string;
  /** Failure domain: a zone name, or `fd<N>` for an availability-set fault domain. */
  readonly failureDomain: string;
  readonly vmSize: string;
  readonly os: WindowsServerVersion;
  /** Marketplace image offer (a SQL image for SQL servers). */
  readonly imageOffer: string;
  /** NICs in order; the first is primary. */
  readonly nics: readonly NicModel[];
  /** Windows patch mode (VM-5). */
  readonly patchMode: string;
  /** Path of the site the server is placed in (reports group servers by site). */
  readonly sitePath?: string;
}

export interface SiteModel {
  readonly path: string;
  readonly name: string;
  readonly location: string;
  readonly addressSpace: string;
  readonly availabilityZones: readonly string[];
  /** Fault domains of the availability sets used when the site has no zones. */
  readonly faultDomainCount: number;
}

export interface LoadBalancerRuleModel {
  readonly name: string;
  readonly protocol: 'Tcp' | 'Udp' | 'All';
  readonly frontendPort: number;
  readonly backendPort: number;
  readonly floatingIp: boolean;
  readonly idleTimeoutMinutes: number;
  readonly loadDistribution: 'Default' | 'SourceIP' | 'SourceIPProtocol';
}

export interface LoadBalancerModel {
  readonly path: string;
  readonly fqdn?: string;
  readonly privateIp: string;
  readonly sku: string;
  /** What the balancer carries: web services, SIP, SQL listener, ... */
  readonly purpose: 'web' | 'sip' | 'sql-listener' | 'other';
  readonly probe: { readonly protocol: string; readonly port: number };
  readonly rules: readonly LoadBalancerRuleModel[];
}

export interface FrontEndPoolModel {
  readonly path: string;
  readonly sitePath: string;
  readonly fqdn: string;
  readonly edition: PoolEdition;
  readonly servers: readonly ServerModel[];
  readonly os: WindowsServerVersion;
  readonly sipLoadBalancing: LoadBalancing;
  readonly internalWebFqdn: string;
  readonly externalWebFqdn: string;
  readonly webLoadBalancer?: LoadBalancerModel;
  readonly users?: number;
  /** What the pool is for (FE-16); absent: PoolPurpose.GENERAL. */
  readonly purpose?: PoolPurpose;
  readonly hostsCentralManagementStore: boolean;
  /** Set on the host of the Central Management Store: chosen by the prop or by key, and its key (lib/model/central-management.ts). */
  readonly centralManagementStoreChoice?: { readonly chosenBy: CmsChosenBy; readonly key: string };
  /** Path of the back end; undefined for Standard Edition (local SQL Express). */
  readonly backEndPath?: string;
  /** Edge pool used for media (EDGE-18), explicit or derived. */
  readonly associatedEdgePath?: string;
  /** Office Online Server farm the pool shares PowerPoint through (`associateOfficeOnlineServer`). */
  readonly officeOnlineFarmPath?: string;
  readonly collocatedMediation: boolean;
  /** Users of the pool are enabled for Enterprise Voice or dial-in conferencing (VOICE-12). */
  readonly enterpriseVoice?: boolean;
  /** AD domain the servers join (FE-11). */
  readonly adDomain: string;
}

/** An Office Online Server farm (OfficeOnlineServerFarm): dedicated servers, farm FQDN on a VIP (OWA-1, OWA-2). */
export interface OfficeOnlineFarmModel {
  readonly path: string;
  readonly sitePath: string;
  /** Farm FQDN the Front End pools' discovery URL names. */
  readonly fqdn: string;
  readonly servers: readonly ServerModel[];
  /** Internal load balancer the farm FQDN resolves to; absent for a one-server farm. */
  readonly loadBalancer?: LoadBalancerModel;
  /** Name external users reach the farm by, published through the site's reverse proxy (OWA-3). */
  readonly externalFqdn?: string;
}

/** One name a reverse proxy publishes and where it forwards it (TOPO-3, OWA-3). */
export interface PublishedNameModel {
  readonly fqdn: string;
  /** What the name is: a pool's external web services, a simple URL or Autodiscover, an Office Online Server farm. */
  readonly purpose: 'external web services' | 'simple URL' | 'Autodiscover' | 'Office Online Server';
  /** Construct path of the next hop (a Front End or Director pool, or a farm). */
  readonly nextHopPath: string;
  /** Address the proxy forwards to: the next hop's web VIP (or its one server). */
  readonly nextHopAddress: string;
  /** FQDN on the next hop's certificate the proxy probes with (a pool's external web FQDN, a farm's external FQDN). */
  readonly nextHopFqdn: string;
  /** Listener port to next-hop port: 443 to 4443 and 80 to 8080 for the SfB web services, 443 to 443 for a farm. */
  readonly bridging: readonly { readonly listenerPort: number; readonly protocol: 'Http' | 'Https'; readonly backendPort: number }[];
  /** The client's Host header reaches the next hop unchanged. */
  readonly hostHeader: 'forwarded' | 'rewritten';
}

/** A ReverseProxy: publishes the site's external web services, simple URLs, Autodiscover and farm (TOPO-3). */
export interface ReverseProxyModel {
  readonly path: string;
  readonly sitePath: string;
  /** `application-gateway` or `windows-servers` (ReverseProxyKind). */
  readonly kind: string;
  /** The Windows servers (IIS ARR / WAP); none for an Application Gateway. */
  readonly servers: readonly ServerModel[];
  /** Azure name of the public IP the published names resolve to. */
  readonly publicIpName: string;
  /** Azure name of the Application Gateway, or of the Windows servers' public load balancer. */
  readonly frontendName: string;
  /** Resource group that holds them (the site's). */
  readonly resourceGroup: string;
  /** Azure name of an Application Gateway's user-assigned identity, which reads its certificate from Key Vault. */
  readonly identityName?: string;
  readonly wafEnabled: boolean;
  /** Every published name, sorted by FQDN. */
  readonly published: readonly PublishedNameModel[];
}

export interface BackEndModel {
  readonly path: string;
  readonly sitePath: string;
  readonly mode: BackEndMode;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  /** SQL servers: replicas, principal/mirror(/witness), nodes, or the one server. */
  readonly servers: readonly ServerModel[];
  /** FQDN of the SQL store the pool points at (listener or principal). */
  readonly storeFqdn: string;
  /**
   * SQL Server instance of the store as Topology Builder names it; absent for the default instance
   * (MSSQLSERVER), which is what the library builds: cmdlets then leave the instance parameter out.
   */
  readonly instanceName?: string;
  readonly adDomain: string;
  /** Mirroring: witness server present. */
  readonly witness?: boolean;
  /** Mirroring: synchronous (high-safety) mode. */
  readonly synchronous?: boolean;
  /** Mirroring: SQL version / edition of the witness if it differs. */
  readonly witnessSqlVersion?: SqlServerVersion;
  readonly mirroringPorts?: { readonly endpoint: number; readonly witness: number };
  /** AlwaysOn AG settings. */
  readonly listenerPort?: number;
  readonly readableSecondaries?: boolean;
  readonly replicas?: readonly {
    readonly serverPath: string;
    readonly role: 'Primary' | 'Secondary';
    readonly commit: 'Synchronous_Commit' | 'Asynchronous_Commit';
    readonly failoverMode: 'Automatic' | 'Manual';
    readonly readableSecondary: 'No' | 'Read_Only' | 'All';
    readonly instanceName: string;
  }[];
  readonly listenerLoadBalancer?: LoadBalancerModel;
  /** Databases this back end holds beyond the pool's (e.g. "mgc", "mgccomp", "ReportServer"). */
  readonly extraDatabases?: readonly string[];
  /** Mirroring: SQL version / edition of the mirror when it differs from the principal (BE-4). */
  readonly mirrorSqlVersion?: SqlServerVersion;
  readonly mirrorSqlEdition?: SqlEdition;
  /** Mirroring: the witness server, kept out of `servers` because it holds no data. */
  readonly witnessServer?: ServerModel;
  /** AlwaysOn AG: database-mirroring endpoint port of the replicas (BE-8: 5022). */
  readonly endpointPort?: number;
  /** How clients reach the listener or the cluster network name. */
  readonly listenerMechanism?: 'load-balancer-floating-ip' | 'multi-subnet';
  /** Failover cluster instance: the shared storage its nodes use. */
  readonly sharedStorage?: 'azure-shared-disk' | 'premium-file-share' | 'storage-spaces-direct';
  /** Failover cluster instance: nodes that may own the instance at once (1 = active/passive). */
  readonly activeNodes?: number;
  /** Whether the data and log disks are protected with lifecycle prevent_destroy. */
  readonly dataProtected?: boolean;
}

export interface PairModel {
  readonly path: string;
  readonly primaryPath: string;
  readonly backupPath: string;
}

/** One direction of a virtual network peering between two sites (both directions are two records). */
export interface PeeringModel {
  readonly path: string;
  readonly fromSitePath: string;
  readonly toSitePath: string;
}

export interface FileStoreModel {
  readonly path: string;
  readonly sitePath: string;
  /** Pools whose Front Ends use this store. */
  readonly poolPaths: readonly string[];
  readonly kind: 'windows-dfs' | 'azure-files';
  readonly servers: readonly ServerModel[];
  readonly shareUnc: string;
}

export interface EdgePoolModel {
  readonly path: string;
  readonly sitePath: string;
  readonly internalFqdn: string;
  readonly accessEdgeFqdn: string;
  readonly webConferencingEdgeFqdn: string;
  readonly audioVideoEdgeFqdn: string;
  /** Path of the next-hop pool (Front End or Director). */
  readonly nextHopPath: string;
  readonly srvPriority: number;
  readonly srvWeight: number;
  readonly servers: readonly ServerModel[];
  /** Concurrent remote users the pool serves, for capacity findings (EDGE-2). */
  readonly remoteUsers?: number;
  readonly loadBalancing: LoadBalancing;
  /** Load balancing of the internal interface, when modelled separately (EDGE-6). */
  readonly internalLoadBalancing?: LoadBalancing;
  readonly federation: boolean;
  readonly xmppFederation: boolean;
  /** Partners and services whose failover needs a hardware load balancer on the Edge (EDGE-10); absent: none. */
  readonly legacyInterop?: readonly LegacyEdgeInterop[];
  /** Public IP addresses on the external interfaces (EDGE-11). */
  readonly publicIpCount: number;
  /** The external addresses are translated by NAT (true for Azure public IPs; EDGE-7, AZURE-3). */
  readonly externalNat?: boolean;
}

export interface ChatPoolModel {
  readonly path: string;
  readonly fqdn: string;
  readonly primarySitePath: string;
  readonly secondarySitePath: string;
  readonly homePoolPath: string;
  readonly primaryActiveServers: number;
  readonly primaryIdleServers: number;
  readonly secondaryActiveServers: number;
  readonly secondaryIdleServers: number;
  readonly compliance: boolean;
  readonly witness: boolean;
  readonly servers: readonly ServerModel[];
  /** Back end hosting the chat databases, when given instead of the pool's own SQL servers. */
  readonly backEndPath?: string;
  /** The pool's own database servers by function (mirroring + log shipping). */
  readonly databaseServers: readonly {
    readonly function: string;
    readonly sitePath: string;
    readonly database: 'mgc' | 'mgccomp';
    readonly server: ServerModel;
  }[];
  readonly logShippingShare?: string;
  readonly adDomain: string;
  /** Servers collocated with Front End pools (PCHAT-9). */
  readonly collocatedWithPoolPath?: string;
  /** Where each chat server sits and whether it is on the active list (PCHAT-3, PCHAT-4). */
  readonly serverPlacement?: readonly ChatServerPlacement[];
  /** SQL version and edition of the pool's own database servers. */
  readonly sqlVersion?: SqlServerVersion;
  readonly sqlEdition?: SqlEdition;
  /** The Windows file server that holds the log-shipping share (PCHAT-7). */
  readonly logShippingServer?: ServerModel;
  readonly logShippingSitePath?: string;
}

/** Functions of a chat pool's own database servers (PCHAT-6). */
export type ChatDatabaseFunction =
  | 'primary'
  | 'mirror'
  | 'witness'
  | 'log-shipping-secondary'
  | 'secondary-mirror'
  | 'secondary-witness';

export interface ChatServerPlacement {
  readonly serverPath: string;
  readonly sitePath: string;
  readonly state: 'active' | 'idle';
}

export interface DirectorPoolModel {
  readonly path: string;
  readonly sitePath: string;
  readonly fqdn: string;
  readonly servers: readonly ServerModel[];
  readonly internalWebFqdn: string;
  readonly externalWebFqdn: string;
  readonly webLoadBalancer?: LoadBalancerModel;
  readonly sipLoadBalancing: LoadBalancing;
  /** Concurrent remote users the pool serves, for capacity findings (DIR-2). */
  readonly remoteUsers?: number;
}

export interface MediationPoolModel {
  readonly path: string;
  readonly sitePath: string;
  readonly fqdn: string;
  readonly servers: readonly ServerModel[];
  readonly nextHopPath: string;
  readonly loadBalancing: LoadBalancing;
  /** Internal load balancer carrying SIP 5070 when `loadBalancing` is hardware (MED-2). */
  readonly loadBalancer?: LoadBalancerModel;
  /** Address prefixes (or `VirtualNetwork`) of the PSTN gateways, SBCs or IP-PBXs the pool peers with (MED-4). */
  readonly gatewayPrefixes?: readonly string[];
  /** Concurrent calls the pool must carry without media bypass, for capacity findings (MED-6). */
  readonly concurrentCalls?: number;
}

/** A network flow the topology needs, as an NSG rule and a firewall-report row see it. */
export interface FlowModel {
  /** Path of the construct that asked for the flow. */
  readonly path: string;
  readonly name: string;
  /** `Internet`, `VirtualNetwork`, or address prefixes. */
  readonly source: string;
  readonly sourcePrefixes: readonly string[];
  readonly destination: string;
  readonly destinationPrefixes: readonly string[];
  readonly protocol: 'Tcp' | 'Udp' | '*';
  readonly ports: readonly string[];
  /** Site and subnet whose NSG holds the rule. */
  readonly nsg: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  /** Allow unless said otherwise; the deny rules that close a subnet say `Deny`. */
  readonly access?: 'Allow' | 'Deny';
  /** Keys of the documented flows (lib/model/documented-flows.ts) the rule carries. */
  readonly flowKeys?: readonly string[];
  /** The page that requires a rule that is no product flow (Azure's own needs, the closing denies). */
  readonly reference?: string;
  /**
   * Key of the application security group (of the rule's NSG) that stands for the destination, or for
   * the source, in the rendered rule; the prefixes still list the group's servers, for the checks.
   */
  readonly destinationGroup?: string;
  readonly sourceGroup?: string;
}

export interface CredentialModel {
  readonly path: string;
  readonly name: string;
  /** Where the value comes from: a sensitive variable, a Key Vault reference, or a literal (SEC-1). */
  readonly source: 'sensitive-variable' | 'key-vault' | 'literal';
}

/** An A or CNAME record set as synthesized (SRV entries are in `srvEntries`). */
export interface DnsRecordModel {
  /** Full name, e.g. `pool1.corp.contoso.com`. */
  readonly fqdn: string;
  readonly scope: 'private' | 'public';
  readonly type: 'A' | 'CNAME';
  /** IP addresses (A) or the target name (CNAME). */
  readonly values: readonly string[];
}

export interface SrvEntryModel {
  /** SRV name with domain, e.g. `_sip._tls.contoso.com`. */
  readonly name: string;
  readonly scope: 'private' | 'public';
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  readonly target: string;
  /** Path of the pool that publishes the entry. */
  readonly ownerPath: string;
}

/** What a lab deployment adds (SfbDeployment `lab`): domain controllers, Bastion, schedules. */
export interface LabModel {
  /** Domain controllers, forest root first, with their sites (the servers are also in `servers`). */
  readonly domainControllers: readonly { readonly sitePath: string; readonly server: ServerModel }[];
  /** Paths of the sites that have an Azure Bastion host. */
  readonly bastionSitePaths: readonly string[];
  /** Paths of the servers joined to the AD domain by the domain-join extension. */
  readonly domainJoinedPaths: readonly string[];
  /** Paths of the servers with an auto-shutdown schedule. */
  readonly shutdownPaths: readonly string[];
  /** Daily shutdown time, `HHmm`. */
  readonly shutdownTime: string;
  readonly shutdownTimeZone: string;
  /** Whether the supportPosture was set explicitly to something other than LAB. */
  readonly explicitSupportPosture?: SupportPosture;
}

/**
 * The `_sipinternaltls._tcp` answer the clients of one central site should get from site-aware DNS
 * (VOICE-5): their own site's first hop first, the other sites' after it.
 */
export interface SiteSrvAnswerModel {
  /** Site whose clients get this answer. */
  readonly sitePath: string;
  /** SRV name with domain, e.g. `_sipinternaltls._tcp.contoso.com`. */
  readonly name: string;
  readonly entries: readonly SrvEntryModel[];
}

/** An Azure resource name as it will be synthesized, for the Azure naming limits (NAME-5, NAME-6). */
export interface AzureNameModel {
  /** Construct path of the resource. */
  readonly path: string;
  /** Terraform resource type, e.g. `azurerm_storage_account`. */
  readonly type: string;
  readonly name: string;
}

export interface TopologyModel {
  readonly path: string;
  readonly productVersion: ProductVersion;
  readonly sipDomain: string;
  readonly adDomain: string;
  readonly supportPosture: SupportPosture;
  /**
   * The day (`YYYY-MM-DD`) the lifecycle rules (LIFE-*) judge support against; SfbDeployment sets it
   * (today unless pinned). Absent in a model built by hand: the rules then use today.
   */
  readonly evaluationDate?: string;
  readonly lab: boolean;
  /** Lab details when `lab` is true. */
  readonly labEnvironment?: LabModel;
  readonly sites: readonly SiteModel[];
  readonly frontEndPools: readonly FrontEndPoolModel[];
  readonly backEnds: readonly BackEndModel[];
  readonly pairs: readonly PairModel[];
  readonly fileStores: readonly FileStoreModel[];
  readonly edgePools: readonly EdgePoolModel[];
  readonly chatPools: readonly ChatPoolModel[];
  readonly directorPools: readonly DirectorPoolModel[];
  readonly mediationPools: readonly MediationPoolModel[];
  /** Office Online Server farms; absent in hand-made models. */
  readonly officeOnlineFarms?: readonly OfficeOnlineFarmModel[];
  /** Reverse proxies (ReverseProxy); absent in hand-made models. */
  readonly reverseProxies?: readonly ReverseProxyModel[];
  readonly flows: readonly FlowModel[];
  readonly credentials: readonly CredentialModel[];
  readonly srvEntries: readonly SrvEntryModel[];
  readonly dnsRecords: readonly DnsRecordModel[];
  /** Per-site `_sipinternaltls._tcp` answers for the customer's site-aware DNS (VOICE-5). */
  readonly siteSrvAnswers?: readonly SiteSrvAnswerModel[];
  /** Every server of the deployment, whatever its role. */
  readonly servers: readonly ServerModel[];
  /** Virtual network peerings between sites, one record per direction. */
  readonly peerings?: readonly PeeringModel[];
  /** Every Azure resource name the deployment synthesizes (literal names only), in construct-path order. */
  readonly azureNames?: readonly AzureNameModel[];
  /** Whether the deployment makes one Terraform stack per site (and one for deployment-wide resources). */
  readonly perSiteStacks?: boolean;
  /** Region of the resource group holding deployment-wide resources (the public DNS zone). */
  readonly globalLocation?: string;
  /** False when `globalLocation` was not given and the region was chosen by site ID (GLOBAL-2). */
  readonly globalLocationGiven?: boolean;
  /** Every address block, by stable owner key (lib/model/address-plan.ts). */
  readonly addressPlan?: AddressPlan;
  /** Simple URLs, Autodiscover names and their failover (lib/model/simple-urls.ts). */
  readonly simpleUrls?: SimpleUrlsModel;
  /** Backups as built (lib/model/backup-topology.ts); absent in hand-made models. */
  readonly backup?: BackupModel;
  /** PSTN gateways, SIP trunks and voice routes (lib/model/voice.ts); absent in hand-made models. */
  readonly voice?: VoiceModel;
  /** Extension slot for areas that add their own data without changing this interface. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** An empty deployment, for tests and for areas that fill in parts. */
export function emptyTopology(overrides: Partial<TopologyModel> = {}): TopologyModel {
  return {
    path: 'deployment',
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
    lab: false,
    sites: [],
    frontEndPools: [],
    backEnds: [],
    pairs: [],
    fileStores: [],
    edgePools: [],
    chatPools: [],
    directorPools: [],
    mediationPools: [],
    flows: [],
    credentials: [],
    srvEntries: [],
    dnsRecords: [],
    servers: [],
    ...overrides,
  };
}
