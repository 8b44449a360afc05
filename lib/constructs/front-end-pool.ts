import { Construct } from 'constructs';
import { fitName, serverNaming } from '../model/names';
import { InternalLoadBalancer } from '../azure/load-balancer';
import { webServiceRules } from '../azure/web-services';
import { SubnetRole } from '../model/network';
import { ServerGroup } from '../azure/servers';
import { LoadBalancing, PoolEdition, PoolPurpose, WindowsServerVersion } from '../enums';
import { CmsCandidate } from '../model/central-management';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { BACK_END_KINDS, IBackEnd, isBackEnd } from './back-end';
import { EdgePool } from './edge-pool';
import { SfbDeployment } from './deployment';
import { FileStore } from './file-store';
import { ModelParts } from './model-builder';
import { OfficeOnlineServerFarm } from './office-online-server-farm';
import { CentralSite } from './site';
import { cmsServers, forVersion, hosts, subnetsWithServers } from './flow-sources';
import type { Prefixes } from '../azure/firewall';
import { describeValue, optionalBoolean, optionalConstruct, optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireCount, requireServerCount, requireDomainName, requireEnum } from './validate-input';

export interface FrontEndPoolProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another pool's key now prefers. The planning reports
   * (addresses.md) show each block.
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** Pool FQDN (for Standard Edition, the server's FQDN); its first label names the servers and load balancer. */
  readonly fqdn: string;
  /**
   * Enterprise Edition pool (Front End servers with a separate back end) or a Standard Edition server.
   * @default PoolEdition.ENTERPRISE
   */
  readonly edition?: PoolEdition;
  /**
   * Front End servers in the pool (FE-1..FE-5, VER-5, VER-6 check the count).
   * @default 3 for Enterprise, 1 for Standard Edition
   */
  readonly frontEndServers?: number;
  /**
   * The pool's SQL store; required for Enterprise (a Standard Edition server has its local SQL Express).
   * @default none - an Enterprise pool without a back end is a finding
   */
  readonly backEnd?: IBackEnd;
  /**
   * Windows Server version of every Front End (VM-4 checks it against the product version).
   * @default the newest Windows Server the product version supports
   */
  readonly operatingSystem?: WindowsServerVersion;
  /**
   * How SIP traffic is balanced over the Front Ends.
   * @default LoadBalancing.DNS - DNS load balancing for SIP, the internal load balancer for web services only
   */
  readonly sipLoadBalancing?: LoadBalancing;
  /** Internal web services FQDN, resolving to the web load balancer (DNS-3). @default `<pool label>-webint.<pool domain>` */
  readonly internalWebFqdn?: string;
  /** External web services FQDN, published by your reverse proxy. @default `<pool label>-webext.<sipDomain>` */
  readonly externalWebFqdn?: string;
  /** Users homed on the pool, for capacity findings (FE-14, PAIR-8). @default no capacity findings */
  readonly users?: number;
  /**
   * What the pool is for. `PoolPurpose.LARGE_MEETINGS`: a pool dedicated to meetings of 250 to 1,000
   * participants, two Front Ends with a high-availability back end, homing only the meeting-host
   * accounts; FE-16 warns when it is not (docs/topology.md).
   * @default PoolPurpose.GENERAL - a pool that homes users
   */
  readonly purpose?: PoolPurpose;
  /**
   * Whether the pool hosts the Central Management Store (one per deployment, PAIR-23).
   * @default - when no pool sets it, the Enterprise pool (else the Standard Edition server) with the smallest `<site id>/<pool id>` among the pools that leave it unset; PAIR-26 asks to pin it
   */
  readonly hostsCentralManagementStore?: boolean;
  /** Mediation Server collocated on the Front Ends (MED-1). @default false */
  readonly collocatedMediation?: boolean;
  /**
   * The pool's users are enabled for Enterprise Voice or dial-in conferencing, which need a Mediation
   * Server, collocated or stand-alone (VOICE-12).
   * @default false - no Mediation Server is required
   */
  readonly enterpriseVoice?: boolean;
  /** VM size of every Front End. @default Standard_D32s_v5 (32 hyperthreaded vCPUs = 16 physical cores, 128 GB: above the VM-1 floor of every version, 12 cores); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Computer-name prefix; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default the first label of `fqdn`, shortened with a hash when `<label>-<n>` would pass 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
  /**
   * The pool's file store (FILE-1), e.g. a dedicated `FileStore` per pool.
   * @default Enterprise: the site's shared DFS pair of file servers (`<site>/file-store`, created with the site's first such pool); Standard Edition: the server's own local share
   */
  readonly fileStore?: FileStore;
}

const KNOWN_PROPS = [
  'addressBlock',
  'fqdn', 'edition', 'frontEndServers', 'backEnd', 'operatingSystem', 'sipLoadBalancing', 'internalWebFqdn',
  'externalWebFqdn', 'users', 'hostsCentralManagementStore', 'collocatedMediation', 'vmSize', 'serverNamePrefix',
  'enterpriseVoice', 'purpose',
  'fileStore',
];

/**
 * Services an HLB-only Front End pool balances besides web services ("Hardware Load Balancer Ports if
 * Using Only Hardware Load Balancing", ports-and-protocols.md); 5070 is added when the pool also runs
 * Mediation Server (the table's "Front End Server load balancer (if the pool also runs Mediation
 * Server)" row, flow `fe-lb-hlb-collocated-mediation`).
 */
const HARDWARE_SIP_PORTS = [444, 135, 448, 5061, 5071, 5072, 5073, 5075, 5076, 5080];
const HARDWARE_MEDIATION_PORT = 5070;

/**
 * A Front End pool (Enterprise Edition) or a Standard Edition server: Windows VMs spread over the
 * site's zones, DNS load balancing for SIP, web services behind a Standard internal load balancer.
 */
export class FrontEndPool extends Construct {
  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  readonly fqdn: string;
  readonly edition: PoolEdition;
  readonly operatingSystem: WindowsServerVersion;
  readonly sipLoadBalancing: LoadBalancing;
  readonly internalWebFqdn: string;
  readonly externalWebFqdn: string;
  private readonly _cmsGiven?: boolean;
  readonly collocatedMediation: boolean;
  readonly enterpriseVoice: boolean;
  readonly backEnd?: IBackEnd;
  readonly users?: number;
  /** What the pool is for (FE-16). */
  readonly purpose: PoolPurpose;
  /** @internal */
  readonly _servers: ServerGroup;
  /** @internal */
  readonly _webLoadBalancer?: InternalLoadBalancer;
  /** The file store the pool uses; undefined for a Standard Edition server with its local share. */
  readonly fileStore?: FileStore;
  private edgeAssociation?: EdgePool;
  private officeOnlineFarm?: OfficeOnlineServerFarm;

  /**
   * Whether the pool hosts the Central Management Store: as given, else chosen by key when the plan is
   * made (lib/model/central-management.ts), so declaration order never moves it. It reads the plan as
   * it stands: until a pool sets the prop, a pool declared later with a smaller key can take it over.
   */
  get hostsCentralManagementStore(): boolean {
    return this.deployment._centralManagementStore().hosts.includes(this._cmsCandidate.key);
  }

  /** The pool as the Central Management Store choice sees it. @internal */
  get _cmsCandidate(): CmsCandidate {
    return { key: `${this.site.node.id}/${this.node.id}`, standardEdition: this.edition === PoolEdition.STANDARD, ...(this._cmsGiven !== undefined ? { given: this._cmsGiven } : {}) };
  }

  constructor(scope: CentralSite, id: string, props: FrontEndPoolProps) {
    super(scope, id);
    rejectUnknownProps(this, 'FrontEndPool', props, KNOWN_PROPS);
    SfbDeployment._of(this, 'FrontEndPool')._pinAddressBlock(this, 'FrontEndPool', props.addressBlock);
    const deployment = SfbDeployment._of(this, 'FrontEndPool');
    if (!(scope instanceof CentralSite)) throw new Error(`FrontEndPool ${this.node.path}: scope must be a CentralSite`);
    this.site = scope;
    this.deployment = deployment;
    this.fqdn = requireDomainName(this, 'FrontEndPool', 'fqdn', props.fqdn);
    this.edition = requireEnum(this, 'FrontEndPool', 'edition', props.edition ?? PoolEdition.ENTERPRISE, PoolEdition, 'PoolEdition');
    const enterprise = this.edition === PoolEdition.ENTERPRISE;
    const count = requireServerCount(this, enterprise ? ServerRole.FRONT_END : ServerRole.STANDARD_EDITION, 'FrontEndPool', 'frontEndServers', props.frontEndServers);
    this.operatingSystem = requireEnum(this, 'FrontEndPool', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');
    this.sipLoadBalancing = requireEnum(this, 'FrontEndPool', 'sipLoadBalancing', props.sipLoadBalancing ?? LoadBalancing.DNS, LoadBalancing, 'LoadBalancing');
    if (props.users !== undefined) this.users = requireCount(this, 'FrontEndPool', 'users', props.users, 0, 10_000_000);
    this.purpose = requireEnum(this, 'FrontEndPool', 'purpose', props.purpose ?? PoolPurpose.GENERAL, PoolPurpose, 'PoolPurpose');
    const [label, ...rest] = this.fqdn.split('.');
    const domain = rest.join('.');
    this.internalWebFqdn = requireDomainName(this, 'FrontEndPool', 'internalWebFqdn', props.internalWebFqdn ?? `${label}-webint.${domain}`);
    this.externalWebFqdn = requireDomainName(this, 'FrontEndPool', 'externalWebFqdn', props.externalWebFqdn ?? `${label}-webext.${deployment.sipDomain}`);
    if (props.hostsCentralManagementStore !== undefined) this._cmsGiven = optionalBoolean(this, 'FrontEndPool', 'hostsCentralManagementStore', props.hostsCentralManagementStore, false);
    this.collocatedMediation = optionalBoolean(this, 'FrontEndPool', 'collocatedMediation', props.collocatedMediation, false);
    this.enterpriseVoice = optionalBoolean(this, 'FrontEndPool', 'enterpriseVoice', props.enterpriseVoice, false);
    // A missing back end of an Enterprise pool is a finding (FE-1 family); a wrong type cannot be built.
    this.backEnd = optionalConstruct(this, 'FrontEndPool', 'backEnd', props.backEnd, isBackEnd, BACK_END_KINDS);

    const role = enterprise ? ServerRole.FRONT_END : ServerRole.STANDARD_EDITION;
    this._servers = new ServerGroup(this, 'servers', {
      site: scope,
      role,
      ...serverNaming(optionalNamePrefix(this, 'FrontEndPool', props.serverNamePrefix), label),
      count,
      vmSize: optionalVmSize(this, 'FrontEndPool', props.vmSize) ?? deployment._defaultVmSize(role, recommendedVmSize(deployment.productVersion, role)),
      os: this.operatingSystem,
      nics: [{ subnet: SubnetRole.FRONT_END }],
      fqdnOverride: enterprise ? undefined : this.fqdn,
    });
    const ips = this._servers.servers.map((s) => s.privateIp);

    // Every member has its own record (DNS-2).
    for (const s of this._servers.servers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    if (enterprise) {
      this._webLoadBalancer = new InternalLoadBalancer(this, 'web-load-balancer', {
        site: scope,
        name: fitName('azurerm_lb', `lbi-${label}`, '-web'),
        subnet: SubnetRole.FRONT_END,
        purpose: 'web',
        fqdn: this.internalWebFqdn,
        probe: { protocol: 'Tcp', port: 5061 },
        rules: webServiceRules(this.sipLoadBalancing === LoadBalancing.HARDWARE ? [...HARDWARE_SIP_PORTS, ...(this.collocatedMediation ? [HARDWARE_MEDIATION_PORT] : [])] : []),
        members: this._servers.servers,
      });
      deployment._dns.addA('private', this.internalWebFqdn, [this._webLoadBalancer.privateIp]);
    } else {
      deployment._dns.addA('private', this.internalWebFqdn, ips);
    }
    // DNS load balancing: the pool FQDN resolves to every member (DNS-2). Hardware load balancing: to the
    // load balancer that carries SIP, and nothing else ("If HLB is used, there'd only be a single Front
    // End pool entry", advanced-edge-server-dns.md; DNS-12), as the Director does.
    const poolAddresses = this._webLoadBalancer && this.sipLoadBalancing === LoadBalancing.HARDWARE ? [this._webLoadBalancer.privateIp] : ips;
    deployment._dns.addA('private', this.fqdn, poolAddresses);

    this.allowFrontEndTraffic();
    if (this.backEnd) this.backEnd._attachPool(this);
    deployment._offerFirstHop({ sitePath: scope.node.path, siteId: scope.node.id, ownerPath: this.node.path, fqdn: this.fqdn, addresses: poolAddresses, kind: 'registrar' });
    optionalConstruct(this, 'FrontEndPool', 'fileStore', props.fileStore, (x): x is FileStore => x instanceof FileStore, 'a FileStore construct');
    this.fileStore = props.fileStore ?? (enterprise ? FileStore.sharedBy(scope) : undefined);
    this.fileStore?._attachPool(this);
    deployment._register(this);
  }

  /**
   * What the Front End subnet accepts, flow by flow from Microsoft's tables (lib/model/documented-flows.ts):
   * server flows from the subnets of the roles that initiate them in every site, the pool's own
   * members to each other (Windows Fabric, the local user store: service-port-bindings.md), the
   * Central Management store's pushes from the pool that hosts it and its standby, and client flows
   * from the networks connected to the sites (`VirtualNetwork`, planned after the deny of the
   * deployment's own networks). Nothing from the Internet.
   */
  private allowFrontEndTraffic(): void {
    const d = this.deployment;
    const fw = this.site._firewall(SubnetRole.FRONT_END);
    const site = this.site.node.path;
    const subnet = `${this.site.node.id} Front End subnet`;
    const members = hosts(this._servers.servers);
    const pool = `pool ${this.fqdn}`;
    const hardware = this.sipLoadBalancing === LoadBalancing.HARDWARE;
    const shared = (name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[]) =>
      fw.allow({ name, ownerPath: site, source, sourcePrefixes, destination: subnet, flows: forVersion(d.productVersion, flows) });
    // The pool's members are one application security group: scaling the pool changes none of its rules.
    const group = this.site._serverGroup(this, this._servers.servers);
    const own = (name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[], sourceGroup?: string) =>
      fw.allow({ name: `${this.node.id}-${name}`, ownerPath: this.node.path, source, sourcePrefixes, destination: pool, destinationPrefixes: members, destinationGroup: group, ...(sourceGroup ? { sourceGroup } : {}), flows: forVersion(d.productVersion, flows) });

    shared('front-end-from-front-ends', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), [
      'fe-to-fe-sip', 'fe-to-fe-focus', 'fe-to-fe-dcom', 'fe-to-fe-conferencing-sip', 'fe-to-fe-applications-sip',
      'fe-to-fe-bandwidth-policy', 'fe-to-fe-web-mtls', 'fe-to-fe-mobility', 'fe-to-fe-web-inter-pool',
    ]);
    shared('front-end-from-edge-internal-tcp', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-fe-sip', 'edge-int-to-fe-bandwidth-policy', 'edge-int-to-fe-media-tcp']);
    shared('front-end-from-edge-internal-udp', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-fe-media-udp']);
    shared('front-end-from-directors', 'Director subnets of every site', subnetsWithServers(d, SubnetRole.DIRECTOR), ['director-to-fe-sip', 'director-to-fe-inter-server', 'director-to-fe-web']);
    shared('front-end-from-mediation', 'Mediation subnets of every site', subnetsWithServers(d, SubnetRole.MEDIATION), ['mediation-to-fe-sip']);
    shared('front-end-from-persistent-chat', 'Persistent Chat subnets of every site', subnetsWithServers(d, SubnetRole.PERSISTENT_CHAT), ['chat-to-fe-sip']);
    shared('front-end-from-cms-tcp', 'Central Management store pool and its standby', cmsServers(d), ['cms-to-servers-smb-fe']);
    shared('front-end-from-cms-udp', 'Central Management store pool and its standby', cmsServers(d), ['cms-to-servers-sql-browser-fe']);
    shared('front-end-from-clients-tcp', 'connected networks (clients, reverse proxy)', ['VirtualNetwork'], [
      'clients-to-fe-sip', 'clients-to-fe-web', 'clients-to-fe-root-cert', 'clients-to-fe-psom', 'clients-to-fe-media-tcp', 'rp-to-fe-lb-web',
    ]);
    shared('front-end-from-clients-udp', 'connected networks (clients)', ['VirtualNetwork'], ['clients-to-fe-audio-udp', 'clients-to-fe-video-udp']);
    own('pool-members', `members of ${pool}`, members, ['fe-pool-windows-fabric', 'fe-pool-local-user-store', 'fe-pool-mcu-factory', 'fe-pool-web-internal'], group);
    if (this.collocatedMediation) {
      own('collocated-mediation', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), ['fe-to-fe-collocated-mediation', ...(hardware ? ['fe-lb-hlb-collocated-mediation'] : [])]);
      own('gateways-tcp', 'connected networks (PSTN gateways)', ['VirtualNetwork'], ['pstn-to-fe-collocated-mediation-sip', 'pstn-to-fe-collocated-mediation-audio-tcp']);
      own('gateways-udp', 'connected networks (PSTN gateways)', ['VirtualNetwork'], ['pstn-to-fe-collocated-mediation-audio-udp']);
    }
  }

  /**
   * Sets the Edge pool used for the pool's media ("Associate Edge Pool (for media components)",
   * EDGE-18). Without a call, the pool uses the Edge pool of its own site whose next hop it is.
   */
  associateEdgePool(edge: EdgePool): void {
    const at = `FrontEndPool ${this.node.path}: associateEdgePool`;
    if (!EdgePool.isEdgePool(edge)) {
      throw new Error(`${at}(${describeValue(edge)}): not an EdgePool; pass the EdgePool construct itself, e.g. pool.associateEdgePool(northEdge)`);
    }
    const owner = SfbDeployment._of(edge, 'EdgePool');
    if (owner !== this.deployment) {
      throw new Error(`${at}(${edge.node.path}): that Edge pool belongs to another deployment (${owner.node.path}${owner.node.root === this.node.root ? '' : ', in another app'}), not to ${this.deployment.node.path}; a pool's media goes through an Edge pool of its own topology; pass an EdgePool of ${this.deployment.node.path}`);
    }
    this.edgeAssociation = edge;
    this.deployment._revision.bump();
  }

  /**
   * Sets the Office Online Server farm the pool shares PowerPoint content through (Topology Builder's
   * "Associate pool with an Office Web Apps Server"); one farm may serve several pools of its site.
   */
  associateOfficeOnlineServer(farm: OfficeOnlineServerFarm): void {
    const at = `FrontEndPool ${this.node.path}: associateOfficeOnlineServer`;
    if (!OfficeOnlineServerFarm.isOfficeOnlineServerFarm(farm)) {
      throw new Error(`${at}(${describeValue(farm)}): not an OfficeOnlineServerFarm; pass the farm construct itself, e.g. pool.associateOfficeOnlineServer(westOos)`);
    }
    if (farm.deployment !== this.deployment) {
      throw new Error(`${at}(${farm.node.path}): that farm belongs to another deployment (${farm.deployment.node.path}), not to ${this.deployment.node.path}; pass an OfficeOnlineServerFarm of ${this.deployment.node.path}`);
    }
    this.officeOnlineFarm = farm;
    this.deployment._revision.bump();
  }

  /** The Office Online Server farm set with `associateOfficeOnlineServer`, if any. */
  get associatedOfficeOnlineServer(): OfficeOnlineServerFarm | undefined {
    return this.officeOnlineFarm;
  }

  /** The Edge pool set with `associateEdgePool`, if any (the derived one is in the model's rules). */
  get associatedEdgePool(): EdgePool | undefined {
    return this.edgeAssociation;
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.frontEndPools.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      fqdn: this.fqdn,
      edition: this.edition,
      servers: this._servers.models,
      os: this.operatingSystem,
      sipLoadBalancing: this.sipLoadBalancing,
      internalWebFqdn: this.internalWebFqdn,
      externalWebFqdn: this.externalWebFqdn,
      webLoadBalancer: this._webLoadBalancer?.model,
      users: this.users,
      // Recorded only when not the default, so general pools' model and plan stay as they were.
      ...(this.purpose !== PoolPurpose.GENERAL ? { purpose: this.purpose } : {}),
      hostsCentralManagementStore: this.hostsCentralManagementStore,
      ...(this.hostsCentralManagementStore ? { centralManagementStoreChoice: { chosenBy: this.deployment._centralManagementStore().chosenBy!, key: this._cmsCandidate.key } } : {}),
      backEndPath: this.backEnd?.node.path,
      associatedEdgePath: this.edgeAssociation?.node.path,
      officeOnlineFarmPath: this.officeOnlineFarm?.node.path,
      collocatedMediation: this.collocatedMediation,
      enterpriseVoice: this.enterpriseVoice,
      adDomain: this.deployment.adDomain,
    });
  }
}
