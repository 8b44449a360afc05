import { Construct, IConstruct } from 'constructs';
import { DataAzurermClientConfig, ResourceGroup, Subnet, VirtualNetwork } from '../azurerm';
import { SubnetFirewall } from '../azure/firewall';
import { SecurityGroups } from '../azure/security-groups';
import type { AddressSource, ServerDefaults, SitePlacement } from '../azure/placement';
import type { Server } from '../azure/servers';
import { stableHash } from '../model/keyed-slots';
import { serverNaming, siteResourceGroupName, subnetNsgName, virtualNetworkName } from '../model/names';
import { Aspects, TerraformStack } from '../cdktf';
import { libraryStack, markSite } from './stacks';
import { Cidr, cidrToString, MAX_PREFIX, MIN_PREFIX, overlaps, parseCidr, SubnetRole, subnetCidr } from '../model/network';
import { FlowModel, ServerRole } from '../model/topology';
import { SiteBackups } from './backups';
import { SfbDeployment } from './deployment';
import { ModelParts } from './model-builder';
import { regionByName } from '../model/regions';
import { rejectSiteIdCollision } from './site-input';
import { rejectUnknownProps, requireCount, requirePrivateCidr, requireRegion, requireString } from './validate-input';

export interface CentralSiteProps {
  /** Azure region of the site, e.g. `westeurope` (or its display name, `West Europe`); a region of lib/model/regions.ts. */
  readonly location: string;
  /**
   * CIDR of the site's virtual network, /8 to /22, inside a private range (10/8, 172.16/12, 192.168/16, 100.64/10). It is cut into 16 equal slots, one subnet per role
   * (Front End, Back End, Edge internal, perimeter, Persistent Chat, Director, Mediation, infrastructure, Bastion).
   */
  readonly addressSpace: string;
  /**
   * Availability zones the site's pools spread over. In a region without zones (see
   * lib/model/regions.ts) only `[]` is allowed (AZ-3).
   * @default ["1","2","3"] where the region has zones, else `[]` (an availability set per pool, reported as AZ-4 info) - `[]` places each pool in an availability set instead
   */
  readonly availabilityZones?: string[];
  /**
   * Fault domains of the availability sets used when the site has no zones (most regions offer 3, some 2).
   * @default 3
   */
  readonly faultDomainCount?: number;
}

/** Subnets a site creates up front; Bastion's subnet is created only when a lab asks for it. */
const SITE_SUBNETS = [
  SubnetRole.FRONT_END,
  SubnetRole.BACK_END,
  SubnetRole.EDGE_INTERNAL,
  SubnetRole.PERIMETER,
  SubnetRole.PERSISTENT_CHAT,
  SubnetRole.DIRECTOR,
  SubnetRole.MEDIATION,
  SubnetRole.INFRASTRUCTURE,
];

const KNOWN_PROPS = ['location', 'addressSpace', 'availabilityZones', 'faultDomainCount'];

/**
 * A central site: one Azure region with its resource group, virtual network, a subnet and a
 * network security group per role, linked to the deployment's private DNS zones.
 */
export class CentralSite extends Construct implements SitePlacement {
  readonly deployment: SfbDeployment;
  readonly location: string;
  readonly addressSpace: string;
  readonly availabilityZones: string[];
  readonly faultDomainCount: number;
  /** @internal */
  readonly _resourceGroup: ResourceGroup;
  /** The resource group's name as one token, read once: every cdktf token captures a stack trace. */
  readonly resourceGroupName: string;
  /** @internal */
  readonly _virtualNetwork: VirtualNetwork;
  private readonly virtualNetworkName: string;
  private readonly space: Cidr;
  private readonly subnets = new Map<SubnetRole, Subnet>();
  private readonly subnetIds = new Map<SubnetRole, string>();
  private readonly firewalls = new Map<SubnetRole, SubnetFirewall>();
  /** Callers that want every subnet's NSG, also of the subnets created on first use (the lab's RDP rule). */
  private readonly firewallListeners: ((role: SubnetRole, firewall: SubnetFirewall) => void)[] = [];
  private clientConfig?: DataAzurermClientConfig;
  /** The site's backups (lib/constructs/backups.ts), unless the deployment turned them off. @internal */
  readonly _backups?: SiteBackups;

  /** Where the site lives: under its deployment, or in a stack per site its own `<deployment>-<id>` stack. */
  private static hostOf(scope: SfbDeployment, id: string, props: CentralSiteProps): Construct {
    if (!SfbDeployment.isSfbDeployment(scope)) {
      throw new Error(`CentralSite ${id}: scope must be an SfbDeployment, got ${(scope as Construct)?.node?.path ?? String(scope)}`);
    }
    if (!scope._perSiteStacks) return scope;
    const region = typeof props?.location === 'string' ? regionByName(props.location)?.name : undefined;
    return libraryStack(scope.node.root as Construct, `${scope.node.id}-${id}`, region, scope.remoteState, `CentralSite ${id}`);
  }

  /** The stack that holds the site's resources: its own `<deployment>-<id>` in a stack per site. */
  readonly stack: TerraformStack;

  constructor(scope: SfbDeployment, id: string, props: CentralSiteProps) {
    super(CentralSite.hostOf(scope, id, props), id);
    markSite(this);
    this.stack = TerraformStack.of(this);
    // Whichever stack is synthesized first renders what the whole topology plans (NSG rules, DNS).
    if (scope._perSiteStacks) Aspects.of(this).add({ visit: (node) => (node === this ? scope._render() : undefined) });
    rejectUnknownProps(this, 'CentralSite', props, KNOWN_PROPS);
    this.deployment = scope;
    const region = regionByName(requireRegion(this, 'CentralSite', 'location', props.location))!;
    this.location = region.name;
    rejectSiteIdCollision(this, scope._sites.all);
    requireString(this, 'CentralSite', 'addressSpace', props.addressSpace, 'an IPv4 CIDR such as "10.1.0.0/16"');
    const parsed = parseCidr(props.addressSpace);
    if (typeof parsed === 'string') {
      throw new Error(`CentralSite ${this.node.path}: addressSpace ${JSON.stringify(props.addressSpace)} ${parsed}; give an IPv4 CIDR from /${MIN_PREFIX} to /${MAX_PREFIX}, such as 10.1.0.0/16`);
    }
    if (parsed.prefix > MAX_PREFIX || parsed.prefix < MIN_PREFIX) {
      throw new Error(`CentralSite ${this.node.path}: addressSpace "${props.addressSpace}" is a /${parsed.prefix}; a site needs /${MIN_PREFIX} to /${MAX_PREFIX} (16 subnets of at least /26, the smallest Azure Bastion accepts); use e.g. 10.1.0.0/20`);
    }
    for (const other of scope._sites.all) {
      if (overlaps(parsed, other.space)) {
        throw new Error(`CentralSite ${this.node.path}: addressSpace "${props.addressSpace}" overlaps site ${other.node.id} (${other.addressSpace}); peered networks need distinct address spaces`);
      }
    }
    requirePrivateCidr(this, 'CentralSite', 'addressSpace', props.addressSpace, cidrToString(parsed));
    this.space = parsed;
    this.addressSpace = cidrToString(parsed);
    // A region without zones falls back to availability sets (AZ-4 reports it as info); zones
    // given explicitly there are an AZ-3 error.
    const zones = props.availabilityZones ?? (region.availabilityZones ? ['1', '2', '3'] : []);
    if (!Array.isArray(zones) || zones.some((z) => typeof z !== 'string')) {
      throw new Error(`CentralSite ${this.node.path}: availabilityZones ${JSON.stringify(zones)} is not a list of zone names; use e.g. ["1","2","3"] or []`);
    }
    this.availabilityZones = [...zones];
    this.faultDomainCount = requireCount(this, 'CentralSite', 'faultDomainCount', props.faultDomainCount ?? 3, 1, 3);

    const dep = scope.name;
    this._resourceGroup = new ResourceGroup(this, 'resource-group', { name: siteResourceGroupName(dep, this.node.id), location: this.location });
    this.resourceGroupName = this._resourceGroup.name;
    this._virtualNetwork = new VirtualNetwork(this, 'vnet', {
      name: virtualNetworkName(dep, this.node.id),
      location: this.location,
      resourceGroupName: this.resourceGroupName,
      addressSpace: [this.addressSpace],
    });
    this.virtualNetworkName = this._virtualNetwork.name;
    for (const role of SITE_SUBNETS) this.addSubnet(role);
    if (scope._backupSettings.enabled) this._backups = new SiteBackups(this, scope);

    scope._sites.add(this);
    scope._register(this);
  }

  private addSubnet(role: SubnetRole): Subnet {
    const cidr = subnetCidr(this.space, role);
    const subnet = new Subnet(this, `subnet-${role.toLowerCase()}`, {
      name: role === SubnetRole.BASTION ? role : `snet-${role}`,
      resourceGroupName: this.resourceGroupName,
      virtualNetworkName: this.virtualNetworkName,
      addressPrefixes: [cidrToString(cidr)],
    });
    this.subnets.set(role, subnet);
    this.subnetIds.set(role, subnet.id);
    if (role !== SubnetRole.BASTION) {
      this.firewalls.set(
        role,
        new SubnetFirewall(this, `firewall-${role}`, {
          name: subnetNsgName(this.deployment.name, this.node.id, role),
          location: this.location,
          resourceGroupName: this.resourceGroupName,
          subnetId: this.subnetIds.get(role)!,
          subnetPrefix: cidrToString(cidr),
          label: `${this.node.id}/${role}`,
          ownerPath: this.node.path,
          // Branch networks in Azure hold servers, no clients: denied like a site (docs/segmentation.md).
          deploymentNetworks: () => [...this.deployment._sites.all.map((s) => s.addressSpace), ...this.deployment._branchNetworks.map((n) => n.addressSpace)],
          resolve: (text) => this.deployment._addresses.resolve(text),
          groupId: (key) => this.securityGroups?.id(key),
          revision: this.deployment._revision,
        }),
      );
      for (const listener of this.firewallListeners) listener(role, this.firewalls.get(role)!);
    }
    return subnet;
  }

  /** The subnet of a role (the Bastion subnet is created on first use). @internal */
  _subnet(role: SubnetRole): Subnet {
    return this.subnets.get(role) ?? this.addSubnet(role);
  }

  /** The ID of a role's subnet, as one shared token. @internal */
  _subnetId(role: SubnetRole): string {
    this._subnet(role);
    return this.subnetIds.get(role)!;
  }

  /** The CIDR of a role's subnet. @internal */
  _subnetPrefix(role: SubnetRole): string {
    return cidrToString(subnetCidr(this.space, role));
  }

  /** Calls `f` for every subnet NSG of the site, now and whenever a subnet is created later. @internal */
  _forEachFirewall(f: (role: SubnetRole, firewall: SubnetFirewall) => void): void {
    for (const [role, fw] of this.firewalls) f(role, fw);
    this.firewallListeners.push(f);
  }

  /** The network security group of a role's subnet. @internal */
  _firewall(role: SubnetRole): SubnetFirewall {
    const fw = this.firewalls.get(role);
    if (!fw) throw new Error(`CentralSite ${this.node.path}: subnet ${role} has no network security group`);
    return fw;
  }

  /**
   * The ID of another site's virtual network as this site's stack writes it: from the subscription of
   * this stack's provider and the names the library gives, never a reference into the other stack.
* @internal
      */
  _virtualNetworkIdOf(other: CentralSite): string {
    const dep = this.deployment.name;
    return `/subscriptions/${this._subscriptionId}/resourceGroups/${siteResourceGroupName(dep, other.node.id)}/providers/Microsoft.Network/virtualNetworks/${virtualNetworkName(dep, other.node.id)}`;
  }

  /** The subscription of this stack's provider (a data source of this stack, read once). @internal */
  get _subscriptionId(): string {
    this.clientConfig ??= new DataAzurermClientConfig(this, 'client-config');
    return this.clientConfig.subscriptionId;
  }

  /** @internal */
  _identityIdsFor(role: ServerRole): string[] | undefined {
    return this._backups?.identityIdsFor(role);
  }

  /**
   * Where a construct that spans sites (a stretched Persistent Chat pool, the lab) builds its part in
   * this site: the construct itself in one stack, a holder under the site in a stack per site.
* @internal
      */
  _holderFor(owner: Construct): Construct {
    if (!this.deployment._perSiteStacks) return owner;
    const id = owner.node.id;
    return (this.node.tryFindChild(id) as Construct | undefined) ?? new Construct(this, id);
  }

  /** Construct path of the site, the model's key for it. @internal */
  get _path(): string {
    // node.path walks the scopes on every read; a site's path never changes once constructed.
    return (this.cachedPath ??= this.node.path);
  }
  private cachedPath?: string;

  /**
   * The address block of an owner (a construct path) in a role's subnet, reserved by the owner's key
   * (lib/model/address-plan.ts): nothing declared before or after it moves it.
* @internal
      */
  _addressBlock(role: SubnetRole, ownerPath: string): AddressSource {
    this._subnet(role);
    return this.deployment._addresses.block(`${this.node.id}/${role}`, this._subnetPrefix(role), this.deployment._addressOwnerKey(ownerPath), ownerPath);
  }

  /** @internal */
  get _serverDefaults(): ServerDefaults {
    return this.deployment._serverDefaultsFor(this);
  }

  /** @internal */
  _registerServer(server: Server): void {
    this.deployment._registerServer(server);
  }

  /**
   * A computer-name prefix for servers that have no pool FQDN to name them (SQL, file servers, domain
   * controllers): `<site id, 7 chars>-<kind>`, e.g. `west-dc`, and for an owner that is not the site's
   * only one of its kind, two characters derived from its construct path (`west-sqlk3`): names come
   * from keys, never from declaration order. Each computer name is fitted to 15 characters on its
   * own (docs/naming.md); a `given` prefix (`serverNamePrefix`) is used as given.
   * @internal
   */
  _serverNaming(kind: string, ownerPath?: string, given?: string): ReturnType<typeof serverNaming> {
    const site = this.node.id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 7);
    const owner = ownerPath === undefined ? '' : (stableHash(ownerPath) % 1296).toString(36).padStart(2, '0');
    return serverNaming(given, `${site}-${kind}${owner}`);
  }

  /**
   * Puts `servers` (their internal NICs) into the application security group of `owner` in this
   * site and returns its key, which NSG rules of this site name instead of the servers' addresses.
   * The key is the owner's path below the site (below the deployment for an owner that spans sites),
   * so declaration order never changes it.
   * @internal
   */
  _serverGroup(owner: IConstruct, servers: readonly Server[]): string {
    const path = this.deployment._addressOwnerKey(owner.node.path);
    const local = path.startsWith(`${this.node.id}/`) ? path.slice(this.node.id.length + 1) : path;
    const key = local.replace(/\//g, '-').toLowerCase();
    this.securityGroups ??= new SecurityGroups(this, 'security-groups', {
      location: this.location,
      resourceGroupName: this.resourceGroupName,
      namePrefix: `asg-${this.deployment.name}-${this.node.id}`,
    });
    this.securityGroups.add(key, owner.node.path, servers);
    return key;
  }
  private securityGroups?: SecurityGroups;

  /** Creates every NSG's rules from its planned flows (the deployment calls it once, at synthesis). @internal */
  _renderFirewalls(): void {
    for (const role of [...this.firewalls.keys()].sort()) this.firewalls.get(role)!.render();
  }

  /** Every flow allowed into the site's subnets. @internal */
  get _flows(): FlowModel[] {
    return [...this.firewalls.values()].flatMap((f) => f.allowed);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.sites.push({
      path: this.node.path,
      name: this.node.id,
      location: this.location,
      addressSpace: this.addressSpace,
      availabilityZones: [...this.availabilityZones],
      faultDomainCount: this.faultDomainCount,
    });
  }
}
