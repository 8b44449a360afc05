/**
 * A subnet's network security group. Constructs only ask for flows (`allow`), each naming the
 * documented flows it carries (lib/model/documented-flows.ts) or, for what is no product flow, the page
 * that requires it. The rules and their priorities are planned from every flow at once
 * (lib/model/nsg-plan.ts), with the rules that close the subnet (what no flow allows is denied), and
 * rendered once, at synthesis.
 */
import { Construct } from 'constructs';
import { NetworkSecurityGroup, NetworkSecurityRule, SubnetNetworkSecurityGroupAssociation } from '../azurerm';
import { documentedFlow } from '../model/documented-flows';
import { FlowIntent, mergePortRanges, planNsgRules } from '../model/nsg-plan';
import { fitName } from '../model/names';
import { FlowModel } from '../model/topology';
import type { Revision } from '../model/revision';

/**
 * Address prefixes or one service tag, or a function that gives them at planning time (for sources
 * that grow as the program declares more: every site's Front End subnet, the pools that host the
 * Central Management store). A rule whose prefixes come out empty is not rendered.
 */
export type Prefixes = readonly string[] | (() => readonly string[]);

/** A flow to allow into the subnet. */
export interface FlowSpec {
  /** Unique within the subnet; the rule's name, construct ID and priority key (keep stable). */
  readonly name: string;
  /** Construct path of the construct that needs the flow. */
  readonly ownerPath: string;
  /** What the source is, for reports (`VirtualNetwork`, `Internet`, `west front-end`). */
  readonly source: string;
  readonly sourcePrefixes: Prefixes;
  /** What the destination is, for reports. */
  readonly destination: string;
  /** Destination prefixes; the subnet itself when omitted. */
  readonly destinationPrefixes?: Prefixes;
  /**
   * Keys of the documented flows the rule carries, all of one protocol: the rule's protocol and
   * ports are theirs (ports merged). Give either `flows`, or `protocol`, `ports` and `reference`.
   */
  readonly flows?: readonly string[];
  readonly protocol?: 'Tcp' | 'Udp' | '*';
  readonly ports?: readonly (number | string)[];
  /** For a rule that is no documented flow (Azure's own needs, administration): the page that requires it. */
  readonly reference?: string;
  readonly description?: string;
  /**
   * Key of the site's application security group that holds exactly the destination (or source)
   * servers, which the prefixes still list (for the model's checks): the rendered rule names the
   * group instead, so adding a server adds an association and changes no rule.
   */
  readonly destinationGroup?: string;
  readonly sourceGroup?: string;
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
  /** Path of the construct that owns the NSG (its site), for the closing rules. */
  readonly ownerPath: string;
  /** The address spaces of every site of the deployment, at planning time (what `deny-deployment-networks` denies). */
  readonly deploymentNetworks: () => readonly string[];
  /**
   * Puts planned addresses in place of their lazy tokens, so a rule lists its prefixes sorted by
   * address whatever order servers and sites were declared in.
   */
  readonly resolve: (text: string) => string;
  /** The ID of the site's application security group `key` (lib/azure/security-groups.ts), if it exists. */
  readonly groupId: (key: string) => string | undefined;
  /** The owning deployment's change counter: the rules are planned once per change of any intent. */
  readonly revision: Revision;
}

interface Intent {
  readonly spec: FlowSpec;
  readonly protocol: FlowModel['protocol'];
  readonly ports: readonly string[];
  readonly flowKeys?: readonly string[];
}

/** IPv4 prefixes in address order (then shorter first); tags and other text after them, alphabetically. */
function sortPrefixes(prefixes: readonly string[]): string[] {
  const key = (p: string): [number, number] | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(p);
    return m ? [m.slice(1, 5).reduce((acc, o) => acc * 256 + Number(o), 0), Number(m[5] ?? 32)] : undefined;
  };
  // Each prefix parsed once, not once per comparison.
  const keyed = prefixes.map((p) => ({ p, k: key(p) }));
  keyed.sort(({ p: a, k: ka }, { p: b, k: kb }) => {
    if (ka && kb) return ka[0] - kb[0] || ka[1] - kb[1];
    if (ka || kb) return ka ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return keyed.map(({ p }) => p);
}

export class SubnetFirewall extends Construct {
  readonly nsg: NetworkSecurityGroup;
  private readonly intents = new Map<string, Intent>();
  private readonly nsgName: string;
  private rendered = false;
  private readonly planned: () => (FlowModel & { readonly description: string })[];

  constructor(scope: Construct, id: string, private readonly props: SubnetFirewallProps) {
    super(scope, id);
    this.planned = props.revision.memo(() => this.plan());
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

  /**
   * Asks for a flow into the subnet; a second call with the same name is a no-op, so pools can share
   * rules, and so is a call with an empty list of documented flows (none applies to the version).
   */
  allow(spec: FlowSpec): void {
    if (this.intents.has(spec.name) || spec.flows?.length === 0) return;
    const where = `${this.props.label} rule ${spec.name}`;
    let protocol: FlowModel['protocol'];
    let ports: string[];
    if (spec.flows) {
      if (spec.ports || spec.protocol) throw new Error(`${where}: give documented flows or protocol and ports, not both`);
      const flows = spec.flows.map(documentedFlow);
      const protocols = [...new Set(flows.map((f) => f.protocol))];
      if (protocols.length !== 1) throw new Error(`${where}: documented flows ${spec.flows.join(', ')} mix protocols ${protocols.join(', ')}; an NSG rule has one`);
      protocol = protocols[0];
      ports = mergePortRanges(flows.flatMap((f) => f.ports));
    } else {
      if (!spec.protocol || !spec.ports || !spec.reference) throw new Error(`${where}: a rule that carries no documented flow needs protocol, ports and the reference that requires it`);
      protocol = spec.protocol;
      ports = mergePortRanges(spec.ports.map(String));
    }
    this.intents.set(spec.name, { spec, protocol, ports, ...(spec.flows ? { flowKeys: [...spec.flows] } : {}) });
    this.props.revision.bump();
  }

  private groupId(key: string, where: string): string {
    const id = this.props.groupId(key);
    if (!id) throw new Error(`${this.props.label} rule ${where}: application security group ${key} holds no server; put the servers in it (site._serverGroup) before synthesis`);
    return id;
  }

  private resolvePrefixes(p: Prefixes): string[] {
    return sortPrefixes([...new Set((typeof p === 'function' ? p() : p).map(this.props.resolve))]);
  }

  private plan(): (FlowModel & { readonly description: string })[] {
    const intents: (FlowIntent & { readonly description: string })[] = [];
    for (const { spec, protocol, ports, flowKeys } of this.intents.values()) {
      const sourcePrefixes = this.resolvePrefixes(spec.sourcePrefixes);
      const destinationPrefixes = this.resolvePrefixes(spec.destinationPrefixes ?? [this.props.subnetPrefix]);
      if (sourcePrefixes.length === 0 || destinationPrefixes.length === 0) continue;
      intents.push({
        path: spec.ownerPath,
        // Names derive from construct IDs: fitted to the rule name limit (docs/naming.md).
        name: fitName('azurerm_network_security_rule', spec.name),
        source: spec.source,
        sourcePrefixes,
        destination: spec.destination,
        destinationPrefixes,
        protocol,
        ports,
        nsg: this.props.label,
        direction: 'Inbound',
        ...(flowKeys ? { flowKeys } : {}),
        ...(spec.reference ? { reference: spec.reference } : {}),
        ...(spec.destinationGroup ? { destinationGroup: spec.destinationGroup } : {}),
        ...(spec.sourceGroup ? { sourceGroup: spec.sourceGroup } : {}),
        description: (spec.description ?? `${spec.source} to ${spec.destination}`).slice(0, 140),
      });
    }
    const rules = planNsgRules(this.props.label, intents, { path: this.props.ownerPath, deploymentNetworks: sortPrefixes(this.props.deploymentNetworks()) });
    return rules.map((r) => ({ ...r, description: ((r as { description?: string }).description ?? `${r.access ?? 'Allow'} ${r.source}`).slice(0, 140) }));
  }

  /** The subnet's rules (allows and the closing rules), with their planned priorities, in priority order. */
  get allowed(): FlowModel[] {
    return this.planned().map(({ description: _, ...f }) => f as FlowModel);
  }

  /** Creates the NSG's rules; once (later calls do nothing). */
  render(): void {
    if (this.rendered) return;
    this.rendered = true;
    const single = <T>(list: readonly T[]) => list.length === 1;
    for (const f of this.planned()) {
      new NetworkSecurityRule(this, f.name, {
        name: f.name,
        resourceGroupName: this.props.resourceGroupName,
        networkSecurityGroupName: this.nsgName,
        priority: f.priority,
        direction: 'Inbound',
        access: f.access ?? 'Allow',
        protocol: f.protocol,
        sourcePortRange: '*',
        ...(single(f.ports) ? { destinationPortRange: f.ports[0] } : { destinationPortRanges: [...f.ports] }),
        // A side names its group or its addresses, never both (Azure rejects a side with both).
        ...(f.sourceGroup ? { sourceApplicationSecurityGroupIds: [this.groupId(f.sourceGroup, f.name)] } : single(f.sourcePrefixes) ? { sourceAddressPrefix: f.sourcePrefixes[0] } : { sourceAddressPrefixes: [...f.sourcePrefixes] }),
        ...(f.destinationGroup ? { destinationApplicationSecurityGroupIds: [this.groupId(f.destinationGroup, f.name)] } : single(f.destinationPrefixes) ? { destinationAddressPrefix: f.destinationPrefixes[0] } : { destinationAddressPrefixes: [...f.destinationPrefixes] }),
        description: f.description,
      });
    }
  }
}
