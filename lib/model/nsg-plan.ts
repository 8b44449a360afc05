/**
 * NSG rules and their priorities, planned from stable rule keys (the rule's name in its NSG), never from
 * the order flows were asked for: adding, removing or reordering flows leaves every other rule's
 * priority as it was.
 *
 * Every subnet's NSG is closed: what no rule allows is denied, also between the deployment's own
 * subnets and peered sites, which Azure's default AllowVnetInBound (65000) would otherwise admit.
 * Rules are evaluated by priority, first match wins (MicrosoftDocs/azure-docs:
 * articles/virtual-network/network-security-groups-overview.md, "Security rules"), so the plan keeps
 * four bands:
 *
 * | Priority    | Rules                                                                                   |
 * |-------------|-----------------------------------------------------------------------------------------|
 * | 100-3999    | Allow, keyed: flows from servers (addresses or subnets), the Internet, Azure Bastion     |
 * | 4000        | Deny from every site of the deployment (`deny-deployment-networks`)                    |
 * | 4001-4094   | Allow, keyed: flows from `VirtualNetwork` (what is left of it after 4000: the networks  |
 * |             | connected to the sites, i.e. clients, gateways, the reverse proxy, administrators)     |
 * | 4095        | Allow from `AzureLoadBalancer` (health probes)                                           |
 * | 4096        | Deny from `VirtualNetwork` (`deny-virtual-network`)                                    |
 *
 * Why 4000 before the connected band: the `VirtualNetwork` tag also covers the deployment's own
 * subnets and peered sites, so a client rule from `VirtualNetwork` alone would let the perimeter, the
 * SQL servers and the other site reach every client port; denying the deployment's own address
 * spaces first leaves those rules to the connected networks only.
 * Why 4095: the `VirtualNetwork` tag includes "the virtual IP address of the host" (168.63.129.16,
 * where the load balancer's probes come from: azure-docs `articles/network-watcher/
 * diagnose-network-security-rules.md`, `articles/virtual-network/service-tags-overview.md`), so the
 * deny at 4096 would otherwise shadow Azure's AllowAzureLoadBalancerInBound (65001).
 * Internet traffic is left to Azure's DenyAllInBound (65500).
 */
import { assignSlots } from './keyed-slots';
import { FlowModel } from './topology';

export const FIRST_ALLOW_PRIORITY = 100;
export const LAST_ALLOW_PRIORITY = 3999;
export const DENY_DEPLOYMENT_NETWORKS_PRIORITY = 4000;
export const FIRST_CONNECTED_PRIORITY = 4001;
export const LAST_CONNECTED_PRIORITY = 4094;
export const ALLOW_LOAD_BALANCER_PRIORITY = 4095;
export const DENY_VIRTUAL_NETWORK_PRIORITY = 4096;

const NSG_OVERVIEW = 'MicrosoftDocs/azure-docs: articles/virtual-network/network-security-groups-overview.md';
const HOST_VIP = 'MicrosoftDocs/azure-docs: articles/virtual-network/service-tags-overview.md (VirtualNetwork includes the host\'s virtual IP 168.63.129.16)';

/** A flow as asked for, before it has a priority. */
export type FlowIntent = Omit<FlowModel, 'priority'>;

/** What an NSG needs to close its subnet. */
export interface ClosingRules {
  /** Path of the construct that owns the NSG (the site). */
  readonly path: string;
  /** Address spaces of every site of the deployment. */
  readonly deploymentNetworks: readonly string[];
}

/** Whether a flow comes from the `VirtualNetwork` tag, and so belongs to the connected band. */
export function fromConnectedNetworks(flow: Pick<FlowModel, 'sourcePrefixes'>): boolean {
  return flow.sourcePrefixes.includes('VirtualNetwork');
}

function keyed(nsg: string, flows: readonly FlowIntent[], first: number, last: number, what: string): FlowModel[] {
  const count = last - first + 1;
  const plan = assignSlots(flows.map((f) => ({ key: f.name })), count);
  if (plan.unplaced.length > 0) {
    throw new Error(`network security group ${nsg} needs ${flows.length} ${what} rules; its band has ${count} priorities (${first}-${last}); merge flows`);
  }
  return flows.map((f) => ({ ...f, priority: first + plan.slots.get(f.name)!.slot }));
}

/**
 * Every rule of one NSG with its priority, in priority order: the allows in their bands and, with
 * `closing`, the rules that close the subnet. Throws when a band holds more rules than priorities.
 */
export function planNsgRules(nsg: string, flows: readonly FlowIntent[], closing?: ClosingRules): FlowModel[] {
  const connected = flows.filter(fromConnectedNetworks);
  const direct = flows.filter((f) => !fromConnectedNetworks(f));
  const rules = [
    ...keyed(nsg, direct, FIRST_ALLOW_PRIORITY, LAST_ALLOW_PRIORITY, 'allow'),
    ...keyed(nsg, connected, FIRST_CONNECTED_PRIORITY, LAST_CONNECTED_PRIORITY, 'connected-network allow'),
  ];
  if (closing) {
    const close = (name: string, priority: number, access: 'Allow' | 'Deny', source: string, sourcePrefixes: readonly string[], reference: string): FlowModel => ({
      path: closing.path,
      name,
      source,
      sourcePrefixes,
      destination: 'every address of the subnet',
      destinationPrefixes: ['*'],
      protocol: '*',
      ports: ['*'],
      nsg,
      direction: 'Inbound',
      priority,
      access,
      reference,
    });
    if (connected.length > 0 && closing.deploymentNetworks.length > 0) {
      rules.push(close('deny-deployment-networks', DENY_DEPLOYMENT_NETWORKS_PRIORITY, 'Deny', 'every site of the deployment (what no rule above allows)', closing.deploymentNetworks, NSG_OVERVIEW));
    }
    rules.push(close('allow-azure-load-balancer', ALLOW_LOAD_BALANCER_PRIORITY, 'Allow', 'Azure Load Balancer health probes', ['AzureLoadBalancer'], HOST_VIP));
    rules.push(close('deny-virtual-network', DENY_VIRTUAL_NETWORK_PRIORITY, 'Deny', 'VirtualNetwork (own and peered sites, connected networks): what no rule above allows', ['VirtualNetwork'], NSG_OVERVIEW));
  }
  return rules.sort((a, b) => a.priority - b.priority);
}

/**
 * Ports as an NSG rule takes them: sorted, each port once, adjacent and overlapping ranges joined
 * (`['5063', '5062', '5064-5065', '443']` → `['443', '5062-5065']`). `*` stands alone.
 */
export function mergePortRanges(ports: readonly string[]): string[] {
  if (ports.includes('*')) return ['*'];
  const ranges = ports
    .map((p) => p.split('-').map(Number))
    .map(([lo, hi]) => [lo, hi ?? lo] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`));
}
