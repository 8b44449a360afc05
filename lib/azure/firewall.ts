/**
 * A subnet's network security group. Constructs only ask for flows (`allow`); the rules and their
 * priorities are planned from every flow at once (lib/model/nsg-plan.ts) and rendered once, at synthesis.
 */
import { Construct } from 'constructs';
import { NetworkSecurityGroup, NetworkSecurityRule, SubnetNetworkSecurityGroupAssociation } from '../azurerm';
import { FlowIntent, planNsgRules } from '../model/nsg-plan';
import { FlowModel } from '../model/topology';
import { bumpRevision, perRevision } from './revision';

/** A flow to allow into the subnet. */
export interface FlowSpec {
  /** Unique within the subnet; the rule's name, construct ID and priority key (keep stable). */
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
  private readonly intents = new Map<string, FlowIntent & { readonly description: string }>();
  private readonly nsgName: string;
  private rendered = false;
  private readonly planned = perRevision(() => planNsgRules(this.props.name, [...this.intents.values()]) as (FlowModel & { readonly description: string })[]);

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

  /** Asks for a flow into the subnet; a second call with the same name is a no-op, so pools can share rules. */
  allow(spec: FlowSpec): void {
    if (this.intents.has(spec.name)) return;
    this.intents.set(spec.name, {
      path: spec.ownerPath,
      name: spec.name,
      source: spec.source,
      sourcePrefixes: [...spec.sourcePrefixes],
      destination: spec.destination,
      destinationPrefixes: [...(spec.destinationPrefixes ?? [this.props.subnetPrefix])],
      protocol: spec.protocol,
      ports: spec.ports.map(String),
      nsg: this.props.label,
      direction: 'Inbound',
      description: (spec.description ?? `${spec.source} to ${spec.destination}`).slice(0, 140),
    });
    bumpRevision();
  }

  /** The flows allowed, with their planned priorities, in priority order. */
  get allowed(): FlowModel[] {
    return this.planned().map(({ description: _, ...f }) => f as FlowModel);
  }

  /** Creates the NSG's rules; once (later calls do nothing). */
  render(): void {
    if (this.rendered) return;
    this.rendered = true;
    const single = <T>(list: readonly T[]) => list.length === 1;
    for (const f of this.planned()) {
      const { description } = this.intents.get(f.name)!;
      new NetworkSecurityRule(this, f.name, {
        name: f.name,
        resourceGroupName: this.props.resourceGroupName,
        networkSecurityGroupName: this.nsgName,
        priority: f.priority,
        direction: 'Inbound',
        access: 'Allow',
        protocol: f.protocol,
        sourcePortRange: '*',
        ...(single(f.ports) ? { destinationPortRange: f.ports[0] } : { destinationPortRanges: [...f.ports] }),
        ...(single(f.sourcePrefixes) ? { sourceAddressPrefix: f.sourcePrefixes[0] } : { sourceAddressPrefixes: [...f.sourcePrefixes] }),
        ...(single(f.destinationPrefixes) ? { destinationAddressPrefix: f.destinationPrefixes[0] } : { destinationAddressPrefixes: [...f.destinationPrefixes] }),
        description,
      });
    }
  }
}
