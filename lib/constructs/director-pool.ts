import { Construct } from 'constructs';
import { fitName, serverNaming } from '../model/names';
import { InternalLoadBalancer } from '../azure/load-balancer';
import { SubnetRole } from '../model/network';
import { ServerGroup } from '../azure/servers';
import { webServiceRules } from '../azure/web-services';
import { LoadBalancing, WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SfbDeployment } from './deployment';
import { ModelParts } from './model-builder';
import { cmsServers, forVersion, hosts, subnetsWithServers } from './flow-sources';
import type { Prefixes } from '../azure/firewall';
import { CentralSite } from './site';
import { optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireCount, requireServerCount, requireDomainName, requireEnum } from './validate-input';

export interface DirectorPoolProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another pool's key now prefers. The planning reports
   * (addresses.md) show each block.
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** Pool FQDN. */
  readonly fqdn: string;
  /** Director servers; DIR-1 and DIR-2 check the count. @default 2 */
  readonly servers?: number;
  /** Internal web services FQDN, resolving to the web load balancer (DNS-3). @default `<pool label>-webint.<pool domain>` */
  readonly internalWebFqdn?: string;
  /** External web services FQDN, published by your reverse proxy. @default `<pool label>-webext.<sipDomain>` */
  readonly externalWebFqdn?: string;
  /**
   * How SIP is balanced. Web services always use the internal load balancer (DIR-5).
   * @default LoadBalancing.DNS - DNS load balancing for SIP, the load balancer carries 80, 443, 8080, 4443 only
   */
  readonly sipLoadBalancing?: LoadBalancing;
  /** Concurrent remote users the pool serves, for capacity findings (DIR-2). @default no capacity findings */
  readonly remoteUsers?: number;
  /** Windows Server version of the servers (VM-4). @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** VM size of every Director. @default Standard_D16s_v5 (8 physical cores, 64 GB) for 2013 and 2015, Standard_D32s_v5 (16 physical cores, 128 GB) for 2019 and SE, whose floor is 12 cores (VM-1); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Computer-name prefix; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default the first label of `fqdn`, shortened with a hash when `<label>-<n>` would pass 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
}

const KNOWN_PROPS = [
  'addressBlock',
  'fqdn', 'servers', 'internalWebFqdn', 'externalWebFqdn', 'sipLoadBalancing', 'remoteUsers', 'operatingSystem',
  'vmSize', 'serverNamePrefix',
];

/**
 * A Director pool: dedicated Director servers (no users homed, no other role) spread over the site's
 * zones in the Director subnet, DNS load balancing for SIP and a Standard internal load balancer for
 * web traffic, its own web services FQDNs. It is its site's first hop for internal sign-in (VOICE-5)
 * and may be an Edge pool's next hop (EDGE-19).
 */
export class DirectorPool extends Construct {
  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  readonly fqdn: string;
  readonly internalWebFqdn: string;
  readonly externalWebFqdn: string;
  readonly sipLoadBalancing: LoadBalancing;
  readonly operatingSystem: WindowsServerVersion;
  readonly remoteUsers?: number;
  /** @internal */
  readonly _servers: ServerGroup;
  /** @internal */
  readonly _webLoadBalancer: InternalLoadBalancer;

  constructor(scope: CentralSite, id: string, props: DirectorPoolProps) {
    super(scope, id);
    rejectUnknownProps(this, 'DirectorPool', props, KNOWN_PROPS);
    SfbDeployment._of(this, 'DirectorPool')._pinAddressBlock(this, 'DirectorPool', props.addressBlock);
    const deployment = SfbDeployment._of(this, 'DirectorPool');
    if (!(scope instanceof CentralSite)) throw new Error(`DirectorPool ${this.node.path}: scope must be a CentralSite`);
    this.site = scope;
    this.deployment = deployment;
    this.fqdn = requireDomainName(this, 'DirectorPool', 'fqdn', props.fqdn);
    const count = requireServerCount(this, ServerRole.DIRECTOR, 'DirectorPool', 'servers', props.servers);
    this.sipLoadBalancing = requireEnum(this, 'DirectorPool', 'sipLoadBalancing', props.sipLoadBalancing ?? LoadBalancing.DNS, LoadBalancing, 'LoadBalancing');
    this.operatingSystem = requireEnum(this, 'DirectorPool', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');
    if (props.remoteUsers !== undefined) this.remoteUsers = requireCount(this, 'DirectorPool', 'remoteUsers', props.remoteUsers, 0, 10_000_000);
    const [label, ...rest] = this.fqdn.split('.');
    this.internalWebFqdn = requireDomainName(this, 'DirectorPool', 'internalWebFqdn', props.internalWebFqdn ?? `${label}-webint.${rest.join('.')}`);
    this.externalWebFqdn = requireDomainName(this, 'DirectorPool', 'externalWebFqdn', props.externalWebFqdn ?? `${label}-webext.${deployment.sipDomain}`);

    this._servers = new ServerGroup(this, 'servers', {
      site: scope,
      role: ServerRole.DIRECTOR,
      ...serverNaming(optionalNamePrefix(this, 'DirectorPool', props.serverNamePrefix), label),
      count,
      vmSize: optionalVmSize(this, 'DirectorPool', props.vmSize) ?? deployment._defaultVmSize(ServerRole.DIRECTOR, recommendedVmSize(deployment.productVersion, ServerRole.DIRECTOR)),
      os: this.operatingSystem,
      nics: [{ subnet: SubnetRole.DIRECTOR }],
    });
    const hardware = this.sipLoadBalancing === LoadBalancing.HARDWARE;
    // Web services always go through the load balancer (DNS LB cannot carry HTTP, DIR-5); with
    // hardware load balancing SIP and inter-server 444 join them (the HLB-only Director port list).
    this._webLoadBalancer = new InternalLoadBalancer(this, 'web-load-balancer', {
      site: scope,
      name: fitName('azurerm_lb', `lbi-${label}`, '-web'),
      subnet: SubnetRole.DIRECTOR,
      purpose: 'web',
      fqdn: this.internalWebFqdn,
      probe: { protocol: 'Tcp', port: 5061 },
      rules: webServiceRules(hardware ? [444, 5061] : []),
      members: this._servers.servers,
    });
    const vip = this._webLoadBalancer.privateIp;
    const memberIps = this._servers.servers.map((s) => s.privateIp);
    // DNS load balancing: the pool FQDN resolves to every member (DNS-2); with hardware load balancing, to the VIP.
    const poolAddresses = hardware ? [vip] : memberIps;
    deployment._dns.addA('private', this.fqdn, poolAddresses);
    for (const s of this._servers.servers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);
    deployment._dns.addA('private', this.internalWebFqdn, [vip]);

    this.allowTraffic();
    deployment._offerFirstHop({ sitePath: scope.node.path, siteId: scope.node.id, ownerPath: this.node.path, fqdn: this.fqdn, addresses: poolAddresses, kind: 'director' });
    deployment._register(this);
  }

  /**
   * Into the Director subnet, flow by flow from the ports tables: SIP and inter-server HTTPS from the
   * Front End subnets of every site, SIP from the Edge internal subnets, the Central Management
   * store's pushes, Windows Fabric between the pool's members, and clients and the reverse proxy
   * from the connected networks. (The Front End subnets take the Directors' flows themselves.)
   */
  private allowTraffic(): void {
    const d = this.deployment;
    const fw = this.site._firewall(SubnetRole.DIRECTOR);
    const directors = `${this.site.node.id} Director subnet`;
    const members = hosts(this._servers.servers);
    const shared = (name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[]) =>
      fw.allow({ name, ownerPath: this.site.node.path, source, sourcePrefixes, destination: directors, flows: forVersion(d.productVersion, flows) });
    shared('director-from-front-ends', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), ['fe-to-director-sip', 'fe-to-director-inter-server']);
    shared('director-from-edge-internal', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-director-sip']);
    shared('director-from-cms-tcp', 'Central Management store pool and its standby', cmsServers(d), ['cms-to-servers-smb-director']);
    shared('director-from-cms-udp', 'Central Management store pool and its standby', cmsServers(d), ['cms-to-servers-sql-browser-director']);
    shared('director-clients', 'connected networks (clients, reverse proxy)', ['VirtualNetwork'], ['clients-to-director-sip', 'clients-to-director-web', 'rp-to-director-web']);
    // The members are one application security group: scaling the pool changes no rule.
    const group = this.site._serverGroup(this, this._servers.servers);
    fw.allow({
      name: `${this.node.id}-pool-members`,
      ownerPath: this.node.path,
      source: `members of pool ${this.fqdn}`,
      sourcePrefixes: members,
      sourceGroup: group,
      destination: `pool ${this.fqdn}`,
      destinationPrefixes: members,
      destinationGroup: group,
      flows: forVersion(d.productVersion, ['director-pool-windows-fabric']),
    });
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.directorPools.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      fqdn: this.fqdn,
      servers: this._servers.models,
      internalWebFqdn: this.internalWebFqdn,
      externalWebFqdn: this.externalWebFqdn,
      webLoadBalancer: this._webLoadBalancer.model,
      sipLoadBalancing: this.sipLoadBalancing,
      remoteUsers: this.remoteUsers,
    });
  }
}
