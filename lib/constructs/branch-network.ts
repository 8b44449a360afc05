/**
 * The network of a branch site in Azure: its own resource group and virtual network with one subnet
 * (the whole range) behind a deny-by-default NSG, peered both ways with its central site's network
 * only (hub and spoke), linked to the deployment's private zones. A Survivable Branch Server is built
 * here through the building blocks, which see it as a `SitePlacement`.
 *
 * Where it lives: under the branch in one stack; with a stack per site, in its central site's stack
 * (`<site>/branch-<id>`), so the peering and the zone link name only that stack's resources.
 */
import { Construct } from 'constructs';
import { ResourceGroup, Subnet, VirtualNetwork, VirtualNetworkPeering } from '../azurerm';
import { SubnetFirewall } from '../azure/firewall';
import type { AddressSource, ServerDefaults, SitePlacement } from '../azure/placement';
import type { Server } from '../azure/servers';
import { branchNetworkNames, peeringName, siteResourceGroupName, virtualNetworkName } from '../model/names';
import { SubnetRole } from '../model/network';
import { regionByName } from '../model/regions';
import { FlowModel } from '../model/topology';
import type { BranchNetworkNames } from '../model/voice';
import type { SfbDeployment } from './deployment';
import type { CentralSite } from './site';

export interface BranchNetworkProps {
  /** The deployment whose address plan, DNS and revision the network uses. */
  readonly deployment: SfbDeployment;
  /** The central site the network is peered with (hub and spoke). */
  readonly centralSite: CentralSite;
  /** The branch's construct ID: its Azure names and DNS-link key. */
  readonly branchId: string;
  /** The branch's construct path (the model's key for it). */
  readonly branchPath: string;
  /** Azure region of the network. */
  readonly location: string;
  /** Range of the network and of its one subnet. */
  readonly addressSpace: string;
}

/** A branch site's network in Azure, as the building blocks see a site. @internal */
export class BranchNetwork extends Construct implements SitePlacement {
  readonly location: string;
  readonly resourceGroupName: string;
  readonly availabilityZones: readonly string[];
  readonly faultDomainCount = 3;
  readonly addressSpace: string;
  /** @internal */
  readonly _virtualNetwork: VirtualNetwork;
  /** @internal */
  readonly _firewall: SubnetFirewall;
  /** Both peering directions (branch to central site first). */
  readonly peerings: readonly VirtualNetworkPeering[];
  /** The key of the branch's private-zone links (`branch-<id>`). */
  readonly linkKey: string;
  readonly centralSite: CentralSite;
  private readonly subnetId: string;
  private readonly props: BranchNetworkProps;

  constructor(scope: Construct, id: string, props: BranchNetworkProps) {
    super(scope, id);
    this.props = props;
    const d = props.deployment;
    const names = branchNetworkNames(d.name, props.branchId);
    this.location = props.location;
    this.addressSpace = props.addressSpace;
    this.linkKey = names.linkKey;
    this.centralSite = props.centralSite;
    // A single server per branch network: zones where the region has them, like a site's default.
    this.availabilityZones = regionByName(props.location)?.availabilityZones ? ['1', '2', '3'] : [];
    const group = new ResourceGroup(this, 'resource-group', { name: names.resourceGroup, location: this.location });
    this.resourceGroupName = group.name;
    this._virtualNetwork = new VirtualNetwork(this, 'vnet', { name: names.virtualNetwork, location: this.location, resourceGroupName: this.resourceGroupName, addressSpace: [this.addressSpace] });
    const vnetName = this._virtualNetwork.name;
    const subnet = new Subnet(this, 'subnet', { name: `snet-${SubnetRole.SURVIVABLE_BRANCH}`, resourceGroupName: this.resourceGroupName, virtualNetworkName: vnetName, addressPrefixes: [this.addressSpace] });
    this.subnetId = subnet.id;
    this._firewall = new SubnetFirewall(this, 'firewall', {
      name: names.nsg,
      location: this.location,
      resourceGroupName: this.resourceGroupName,
      subnetId: this.subnetId,
      subnetPrefix: this.addressSpace,
      label: `${names.linkKey}/${SubnetRole.SURVIVABLE_BRANCH}`,
      ownerPath: props.branchPath,
      deploymentNetworks: () => [...d._sites.all.map((s) => s.addressSpace), ...d._branchNetworks.map((n) => n.addressSpace)],
      resolve: (text) => d._addresses.resolve(text),
      // Rules name addresses: one server, and its sources are in other networks.
      groupId: () => undefined,
      revision: d._revision,
    });
    const site = props.centralSite;
    const peer = (from: 'branch' | 'site') => ({
      allowVirtualNetworkAccess: true,
      // Hub and spoke to the central site only: no transit to the other sites or through a gateway.
      allowForwardedTraffic: false,
      allowGatewayTransit: false,
      useRemoteGateways: false,
      ...(from === 'branch'
        ? { name: peeringName(names.linkKey, site.node.id), resourceGroupName: this.resourceGroupName, virtualNetworkName: vnetName, remoteVirtualNetworkId: site._virtualNetwork.id }
        : { name: peeringName(site.node.id, names.linkKey), resourceGroupName: site.resourceGroupName, virtualNetworkName: site._virtualNetwork.name, remoteVirtualNetworkId: this._virtualNetwork.id }),
    });
    this.peerings = [new VirtualNetworkPeering(this, 'peering-to-site', peer('branch')), new VirtualNetworkPeering(this, 'peering-from-site', peer('site'))];
    d._lab?.admitBranch(this);
  }

  /** The network's and both peerings' Azure names, as the plan records them (literals, not tokens). */
  get names(): BranchNetworkNames {
    const d = this.props.deployment.name;
    const names = branchNetworkNames(d, this.props.branchId);
    const site = this.centralSite.node.id;
    return {
      resourceGroup: names.resourceGroup,
      virtualNetwork: names.virtualNetwork,
      peeringToSite: peeringName(names.linkKey, site),
      siteResourceGroup: siteResourceGroupName(d, site),
      siteVirtualNetwork: virtualNetworkName(d, site),
      peeringFromSite: peeringName(site, names.linkKey),
    };
  }

  /** @internal */
  get _path(): string {
    return this.props.branchPath;
  }

  /** @internal */
  _subnetId(role: SubnetRole): string {
    if (role !== SubnetRole.SURVIVABLE_BRANCH) throw new Error(`BranchSite ${this.props.branchPath}: a branch network has only the ${SubnetRole.SURVIVABLE_BRANCH} subnet, not ${role}`);
    return this.subnetId;
  }

  /** @internal */
  _addressBlock(role: SubnetRole, ownerPath: string): AddressSource {
    this._subnetId(role);
    const d = this.props.deployment;
    return d._addresses.block(`${this.linkKey}/${role}`, this.addressSpace, d._addressOwnerKey(ownerPath), ownerPath);
  }

  /** @internal */
  get _serverDefaults(): ServerDefaults {
    return this.props.deployment._serverDefaultsFor(this);
  }

  /** @internal */
  _registerServer(server: Server): void {
    this.props.deployment._registerServer(server);
  }

  /** Every rule of the branch NSG. @internal */
  get _flows(): FlowModel[] {
    return this._firewall.allowed;
  }
}
