import { Construct } from 'constructs';
import { fitName, serverNaming } from '../model/names';
import { InternalLoadBalancer } from '../azure/load-balancer';
import { SubnetRole } from '../model/network';
import { ServerGroup } from '../azure/servers';
import { affinityTcpRule } from '../azure/web-services';
import { WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SfbDeployment } from './deployment';
import { ModelParts } from './model-builder';
import { forVersion, subnetsWithServers } from './flow-sources';
import type { Prefixes } from '../azure/firewall';
import { CentralSite } from './site';
import { optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireServerCount, requireDomainName, requireEnum } from './validate-input';

export interface OfficeOnlineServerFarmProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another owner's key now prefers (addresses.md shows each block).
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** Farm FQDN: the Front End pools' Office Web Apps discovery URL is `https://<fqdn>/hosting/discovery`. */
  readonly fqdn: string;
  /** Office Online Servers; more than one sits behind an internal load balancer (OWA-2). @default 2 */
  readonly servers?: number;
  /** Windows Server version of the servers. @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** VM size of every server. @default Standard_D8s_v5 (4 physical cores, 32 GB: SharePoint Server 2016's minimum of 4 cores and 16 GB, which Office Online Server follows); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Computer-name prefix; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default the first label of `fqdn`, shortened with a hash when `<label>-<n>` would pass 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
  /**
   * Name external users reach the farm by (the farm's `ExternalUrl`), published by the site's
   * `ReverseProxy` on 443 and put on the farm's certificate (OWA-3).
   * @default none - the farm serves internal users only
   */
  readonly externalFqdn?: string;
}

const KNOWN_PROPS = ['addressBlock', 'fqdn', 'servers', 'operatingSystem', 'vmSize', 'serverNamePrefix', 'externalFqdn'];

const FARM_SYMBOL = Symbol.for('cdktf-sfb-hadr.OfficeOnlineServerFarm');

/** The farm's only service port: Office Online Server is published over HTTPS (Plan Office Online Server). */
const HTTPS = 443;

/**
 * An Office Online Server farm that shares PowerPoint content in the meetings of the pools associated
 * with it (`FrontEndPool.associateOfficeOnlineServer`): dedicated servers (OWA-1) spread over the site's
 * zones in their own internal subnet, and for more than one server an internal Standard load balancer
 * whose address the farm FQDN resolves to (OWA-2). HTTPS from every site's Front Ends and from clients.
 */
export class OfficeOnlineServerFarm extends Construct {
  /** Whether `x` is an OfficeOnlineServerFarm (JavaScript callers can pass anything). */
  static isOfficeOnlineServerFarm(x: unknown): x is OfficeOnlineServerFarm {
    return typeof x === 'object' && x !== null && FARM_SYMBOL in x;
  }

  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  readonly fqdn: string;
  /** Name external users reach the farm by, if it has one (OWA-3). */
  readonly externalFqdn?: string;
  readonly operatingSystem: WindowsServerVersion;
  /** @internal */
  readonly _servers: ServerGroup;
  /** @internal */
  readonly _loadBalancer?: InternalLoadBalancer;

  constructor(scope: CentralSite, id: string, props: OfficeOnlineServerFarmProps) {
    super(scope, id);
    Object.defineProperty(this, FARM_SYMBOL, { value: true });
    rejectUnknownProps(this, 'OfficeOnlineServerFarm', props, KNOWN_PROPS);
    if (!(scope instanceof CentralSite)) throw new Error(`OfficeOnlineServerFarm ${this.node.path}: scope must be a CentralSite`);
    const deployment = SfbDeployment._of(this, 'OfficeOnlineServerFarm');
    deployment._pinAddressBlock(this, 'OfficeOnlineServerFarm', props.addressBlock);
    this.site = scope;
    this.deployment = deployment;
    this.fqdn = requireDomainName(this, 'OfficeOnlineServerFarm', 'fqdn', props.fqdn);
    if (props.externalFqdn !== undefined) this.externalFqdn = requireDomainName(this, 'OfficeOnlineServerFarm', 'externalFqdn', props.externalFqdn).toLowerCase();
    const count = requireServerCount(this, ServerRole.OFFICE_ONLINE_SERVER, 'OfficeOnlineServerFarm', 'servers', props.servers);
    this.operatingSystem = requireEnum(this, 'OfficeOnlineServerFarm', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');
    const label = this.fqdn.split('.')[0];
    const role = ServerRole.OFFICE_ONLINE_SERVER;

    this._servers = new ServerGroup(this, 'servers', {
      site: scope,
      role,
      ...serverNaming(optionalNamePrefix(this, 'OfficeOnlineServerFarm', props.serverNamePrefix), label),
      count,
      vmSize: optionalVmSize(this, 'OfficeOnlineServerFarm', props.vmSize) ?? deployment._defaultVmSize(role, recommendedVmSize(deployment.productVersion, role)),
      os: this.operatingSystem,
      nics: [{ subnet: SubnetRole.OFFICE_ONLINE }],
    });
    // OWA-2: a farm of several servers is one name on one VIP; a single server is its own farm address.
    if (count > 1) {
      this._loadBalancer = new InternalLoadBalancer(this, 'load-balancer', {
        site: scope,
        name: fitName('azurerm_lb', `lbi-${label}`, '-oos'),
        subnet: SubnetRole.OFFICE_ONLINE,
        purpose: 'web',
        fqdn: this.fqdn,
        probe: { protocol: 'Tcp', port: HTTPS },
        rules: [affinityTcpRule(HTTPS)],
        members: this._servers.servers,
      });
    }
    const servers = this._servers.servers;
    deployment._dns.addA('private', this.fqdn, this._loadBalancer ? [this._loadBalancer.privateIp] : [servers[0].privateIp]);
    for (const s of servers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    this.allowTraffic();
    deployment._register(this);
  }

  /** Into the farm's subnet: HTTPS from the Front End subnets of every site and from the connected networks (clients). */
  private allowTraffic(): void {
    const d = this.deployment;
    const site = this.site;
    const fw = site._firewall(SubnetRole.OFFICE_ONLINE);
    const destination = `${site.node.id} Office Online Server subnet`;
    const shared = (name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[]) =>
      fw.allow({ name, ownerPath: site.node.path, source, sourcePrefixes, destination, flows: forVersion(d.productVersion, flows) });
    shared('oos-from-front-ends', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), ['fe-to-owa']);
    shared('oos-from-clients', 'connected networks (clients)', ['VirtualNetwork'], ['clients-to-owa']);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.officeOnlineFarms.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      fqdn: this.fqdn,
      servers: this._servers.models,
      loadBalancer: this._loadBalancer?.model,
      ...(this.externalFqdn !== undefined ? { externalFqdn: this.externalFqdn } : {}),
    });
  }
}
