import { Construct } from 'constructs';
import { fitName, serverNaming } from '../model/names';
import { InternalLoadBalancer } from '../azure/load-balancer';
import { parseCidr, SubnetRole } from '../model/network';
import { ServerGroup } from '../azure/servers';
import { tcpBalancingRule } from '../azure/web-services';
import { LoadBalancing, WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SfbDeployment } from './deployment';
import { FrontEndPool } from './front-end-pool';
import { ModelParts } from './model-builder';
import { cmsServers, forVersion, subnetsWithServers } from './flow-sources';
import type { Prefixes } from '../azure/firewall';
import { CentralSite } from './site';
import { optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireConstruct, requireCount, requireServerCount, requireDomainName, requireEnum } from './validate-input';

export interface MediationPoolProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another pool's key now prefers. The planning reports
   * (addresses.md) show each block.
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** Pool FQDN. */
  readonly fqdn: string;
  /** Mediation servers. @default 2 */
  readonly servers?: number;
  /** The Front End pool (or Standard Edition server) the Mediation pool routes to; never a Director (MED-7). */
  readonly nextHop: FrontEndPool;
  /**
   * How SIP from the Front Ends (5070) is balanced.
   * @default LoadBalancing.DNS - the pool FQDN resolves to every member (MED-2)
   */
  readonly loadBalancing?: LoadBalancing;
  /**
   * Where the pool's PSTN gateways, SBCs or IP-PBXs are: address prefixes (CIDR) or the `VirtualNetwork`
   * service tag (on-premises networks connected by VPN or ExpressRoute count as VirtualNetwork). Every
   * gateway may reach every member on 5067/5068 (MED-4).
   * @default ["VirtualNetwork"]
   */
  readonly gatewayPrefixes?: string[];
  /** Concurrent calls without media bypass, for capacity findings (MED-6). @default no capacity findings */
  readonly concurrentCalls?: number;
  /** Windows Server version of the servers (VM-4). @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** VM size of every Mediation server. @default Standard_D16s_v5 (8 physical cores, 64 GB) for 2013 and 2015, Standard_D32s_v5 (16 physical cores, 128 GB) for 2019 and SE, whose floor is 12 cores (VM-1); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Computer-name prefix; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default the first label of `fqdn`, shortened with a hash when `<label>-<n>` would pass 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
}

const KNOWN_PROPS = [
  'addressBlock',
  'fqdn', 'servers', 'nextHop', 'loadBalancing', 'gatewayPrefixes', 'concurrentCalls', 'operatingSystem', 'vmSize',
  'serverNamePrefix',
];

const MEDIATION_SIP_PORT = 5070;

/**
 * A stand-alone Mediation pool: Mediation servers spread over the site's zones in the Mediation subnet,
 * DNS load balancing (pool FQDN to every member), SIP 5070 from every site's Front Ends, 5067/5068
 * from the gateways, routing to a Front End pool as next hop.
 */
export class MediationPool extends Construct {
  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  readonly fqdn: string;
  readonly nextHop: FrontEndPool;
  readonly loadBalancing: LoadBalancing;
  readonly gatewayPrefixes: string[];
  readonly concurrentCalls?: number;
  readonly operatingSystem: WindowsServerVersion;
  /** @internal */
  readonly _servers: ServerGroup;
  /** @internal */
  readonly _loadBalancer?: InternalLoadBalancer;

  constructor(scope: CentralSite, id: string, props: MediationPoolProps) {
    super(scope, id);
    rejectUnknownProps(this, 'MediationPool', props, KNOWN_PROPS);
    SfbDeployment._of(this, 'MediationPool')._pinAddressBlock(this, 'MediationPool', props.addressBlock);
    const deployment = SfbDeployment._of(this, 'MediationPool');
    if (!(scope instanceof CentralSite)) throw new Error(`MediationPool ${this.node.path}: scope must be a CentralSite`);
    this.site = scope;
    this.deployment = deployment;
    this.fqdn = requireDomainName(this, 'MediationPool', 'fqdn', props.fqdn);
    const count = requireServerCount(this, ServerRole.MEDIATION, 'MediationPool', 'servers', props.servers);
    requireConstruct(this, 'MediationPool', 'nextHop', props.nextHop, (x): x is Construct => x instanceof Construct, 'the FrontEndPool the Mediation pool routes to');
    this.nextHop = props.nextHop;
    this.loadBalancing = requireEnum(this, 'MediationPool', 'loadBalancing', props.loadBalancing ?? LoadBalancing.DNS, LoadBalancing, 'LoadBalancing');
    this.gatewayPrefixes = this.requireGatewayPrefixes(props.gatewayPrefixes ?? ['VirtualNetwork']);
    if (props.concurrentCalls !== undefined) this.concurrentCalls = requireCount(this, 'MediationPool', 'concurrentCalls', props.concurrentCalls, 0, 1_000_000);
    this.operatingSystem = requireEnum(this, 'MediationPool', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');
    const label = this.fqdn.split('.')[0];

    this._servers = new ServerGroup(this, 'servers', {
      site: scope,
      role: ServerRole.MEDIATION,
      ...serverNaming(optionalNamePrefix(this, 'MediationPool', props.serverNamePrefix), label),
      count,
      vmSize: optionalVmSize(this, 'MediationPool', props.vmSize) ?? deployment._defaultVmSize(ServerRole.MEDIATION, recommendedVmSize(deployment.productVersion, ServerRole.MEDIATION)),
      os: this.operatingSystem,
      nics: [{ subnet: SubnetRole.MEDIATION }],
    });
    const memberIps = this._servers.servers.map((s) => s.privateIp);
    if (this.loadBalancing === LoadBalancing.HARDWARE) {
      this._loadBalancer = new InternalLoadBalancer(this, 'sip-load-balancer', {
        site: scope,
        name: fitName('azurerm_lb', `lbi-${label}`, '-sip'),
        subnet: SubnetRole.MEDIATION,
        purpose: 'sip',
        fqdn: this.fqdn,
        probe: { protocol: 'Tcp', port: MEDIATION_SIP_PORT },
        rules: [tcpBalancingRule(MEDIATION_SIP_PORT)],
        members: this._servers.servers,
      });
    }
    // DNS load balancing: the pool FQDN resolves to every member (MED-2, DNS-2); with a load balancer, to its address.
    deployment._dns.addA('private', this.fqdn, this._loadBalancer ? [this._loadBalancer.privateIp] : memberIps);
    for (const s of this._servers.servers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    this.allowTraffic();
    deployment._register(this);
  }

  private requireGatewayPrefixes(prefixes: unknown): string[] {
    const ok = (p: unknown) => p === 'VirtualNetwork' || (typeof p === 'string' && typeof parseCidr(p) !== 'string');
    // An NSG rule takes either one service tag or address prefixes, not both.
    const mixed = Array.isArray(prefixes) && prefixes.includes('VirtualNetwork') && prefixes.length > 1;
    if (!Array.isArray(prefixes) || prefixes.length === 0 || !prefixes.every(ok) || mixed) {
      throw new Error(`MediationPool ${this.node.path}: gatewayPrefixes ${JSON.stringify(prefixes)} is not a list of IPv4 CIDRs or ["VirtualNetwork"] alone; give the gateways' networks, e.g. ["192.168.10.0/24"]`);
    }
    return [...prefixes];
  }

  /**
   * Into the Mediation subnet, flow by flow from the ports tables: SIP 5070 from the Front End
   * subnets of every site, SIP and audio from the gateways, audio relayed by the A/V Edge, the
   * Central Management store's pushes, and client audio from the connected networks.
   */
  private allowTraffic(): void {
    const d = this.deployment;
    const site = this.site;
    const fw = site._firewall(SubnetRole.MEDIATION);
    const destination = `${site.node.id} Mediation subnet`;
    const gateways = `PSTN gateways of ${this.node.id}`;
    const shared = (name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[]) =>
      fw.allow({ name, ownerPath: site.node.path, source, sourcePrefixes, destination, flows: forVersion(d.productVersion, flows) });
    const own = (name: string, flows: readonly string[]) =>
      fw.allow({ name: `${this.node.id}-${name}`, ownerPath: this.node.path, source: gateways, sourcePrefixes: this.gatewayPrefixes, destination, flows: forVersion(d.productVersion, flows) });
    shared('mediation-from-front-ends', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), ['fe-to-mediation-sip']);
    shared('mediation-from-edge-internal-tcp', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-mediation-audio-tcp']);
    shared('mediation-from-edge-internal-udp', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-mediation-audio-udp']);
    shared('mediation-from-cms-tcp', 'Central Management store pool and its standby', cmsServers(d), ['cms-to-servers-smb-mediation']);
    shared('mediation-from-cms-udp', 'Central Management store pool and its standby', cmsServers(d), ['cms-to-servers-sql-browser-mediation']);
    shared('mediation-clients-media-tcp', 'connected networks (clients)', ['VirtualNetwork'], ['clients-to-mediation-audio-tcp']);
    shared('mediation-clients-media-udp', 'connected networks (clients)', ['VirtualNetwork'], ['clients-to-mediation-audio-udp']);
    own('gateways-sip', ['pstn-to-mediation-sip']);
    own('gateways-media-tcp', ['pstn-to-mediation-audio-tcp']);
    own('gateways-media-udp', ['pstn-to-mediation-audio-udp']);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.mediationPools.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      fqdn: this.fqdn,
      servers: this._servers.models,
      nextHopPath: this.nextHop.node.path,
      loadBalancing: this.loadBalancing,
      loadBalancer: this._loadBalancer?.model,
      gatewayPrefixes: [...this.gatewayPrefixes],
      concurrentCalls: this.concurrentCalls,
    });
  }
}
