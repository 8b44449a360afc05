/** A subnet's network security group: rules from flows, priorities allocated deterministically. */
import { Construct } from 'constructs';
import { NetworkSecurityGroup, NetworkSecurityRule, SubnetNetworkSecurityGroupAssociation } from '../azurerm';
import { FlowModel } from '../model/topology';

/** A flow to allow into the subnet. */
export interface FlowSpec {
  /** Unique within the subnet; the rule's name and construct ID (keep stable). */
  readonly name: string;
  /** Construct path of the construct that needs the flow. */
  readonly ownerPath: string;
  /** What the source is, for reports (`VirtualNetwork`, `Internet`, `west front-end`). */
  readonly source: string;
  /** Address prefixes or one service tag. */
  readonly sourcePrefixes: readonly string[];
  /** What the destination is, for reports. */
  readonly destination: string;
  /** Destination prefixes; the subnet itself when omitted. */
  readonly destinationPrefixes?: readonly string[];
  readonly protocol: 'Tcp' | 'Udp' | '*';
  readonly ports: readonly (number | string)[];
  readonly description?: string;
}

const FIRST_PRIORITY = 100;
const LAST_PRIORITY = 4096;

export interface SubnetFirewallProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** NSG name in Azure. */
  readonly name: string;
  readonly subnetId: string;
  readonly subnetPrefix: string;
  /** `site/subnet`, the NSG's name in the model. */
  readonly label: string;
}

export class SubnetFirewall extends Construct {
  readonly nsg: NetworkSecurityGroup;
  private readonly flows = new Map<string, FlowModel>();
  private nextPriority = FIRST_PRIORITY;
  private readonly nsgName: string;

  constructor(scope: Construct, id: string, private readonly props: SubnetFirewallProps) {
    super(scope, id);
    this.nsg = new NetworkSecurityGroup(this, 'nsg', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
    });
    this.nsgName = this.nsg.name;
    new SubnetNetworkSecurityGroupAssociation(this, 'association', {
      subnetId: props.subnetId,
      networkSecurityGroupId: this.nsg.id,
    });
  }

  /** Allows a flow into the subnet; a second call with the same name is a no-op, so pools can share rules. */
  allow(spec: FlowSpec): FlowModel {
    const existing = this.flows.get(spec.name);
    if (existing) return existing;
    if (this.nextPriority > LAST_PRIORITY) {
      throw new Error(`network security group ${this.props.name} has no free priority left for rule ${spec.name}`);
    }
    const priority = this.nextPriority++;
    const ports = spec.ports.map(String);
    const destinationPrefixes = spec.destinationPrefixes ?? [this.props.subnetPrefix];
    const single = <T>(list: readonly T[]) => list.length === 1;
    new NetworkSecurityRule(this, spec.name, {
      name: spec.name,
      resourceGroupName: this.props.resourceGroupName,
      networkSecurityGroupName: this.nsgName,
      priority,
      direction: 'Inbound',
      access: 'Allow',
      protocol: spec.protocol,
      sourcePortRange: '*',
      ...(single(ports) ? { destinationPortRange: ports[0] } : { destinationPortRanges: ports }),
      ...(single(spec.sourcePrefixes) ? { sourceAddressPrefix: spec.sourcePrefixes[0] } : { sourceAddressPrefixes: [...spec.sourcePrefixes] }),
      ...(single(destinationPrefixes) ? { destinationAddressPrefix: destinationPrefixes[0] } : { destinationAddressPrefixes: [...destinationPrefixes] }),
      description: (spec.description ?? `${spec.source} to ${spec.destination}`).slice(0, 140),
    });
    const flow: FlowModel = {
      path: spec.ownerPath,
      name: spec.name,
      source: spec.source,
      sourcePrefixes: [...spec.sourcePrefixes],
      destination: spec.destination,
      destinationPrefixes: [...destinationPrefixes],
      protocol: spec.protocol,
      ports,
      nsg: this.props.label,
      priority,
      direction: 'Inbound',
    };
    this.flows.set(spec.name, flow);
    return flow;
  }

  /** The flows allowed so far, in priority order. */
  get allowed(): FlowModel[] {
    return [...this.flows.values()];
  }
}
