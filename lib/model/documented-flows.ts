/**
 * Every network flow Microsoft documents for the roles this library builds, as plain data: what the
 * NSG plan must allow, what the firewall report lists, and what a segmentation test proves reachable.
 *
 * One entry is one protocol and a list of destination ports from one kind of endpoint to another.
 * `source` is the path of the page the entry comes from, in MicrosoftDocs/OfficeDocs-SkypeForBusiness
 * unless it names another repository. Entries that Microsoft's ports tables do not list, but that the
 * services bind and need between the servers of one pool (Windows Fabric, the local user store), come
 * from a published topology document (AutomatedLab/SfBAutomatedLab, `Sample Topologies/Contoso.tbxml`,
 * summarised in shared/reference/service-port-bindings.md) and say so in `note`.
 *
 * What the data does not decide: addresses, NSG names and priorities (the plan does that), and rules
 * Azure itself needs (load-balancer probes, Bastion), which are not product flows.
 */
import { ProductVersion } from '../enums';
import { readonlyMap } from './memo';
import { ALL_ROLES, ROLE_PROFILES } from './roles';

/** A kind of endpoint: every server of a role, a network of clients, or something outside the deployment. */
export type Endpoint =
  | 'front-end'
  | 'back-end-sql'
  | 'edge-internal'
  | 'edge-external'
  | 'director'
  | 'mediation'
  | 'persistent-chat'
  | 'persistent-chat-sql'
  | 'file-store'
  | 'internal-clients'
  | 'internet'
  | 'microsoft-365'
  | 'pstn-gateway'
  | 'reverse-proxy'
  | 'domain-controller'
  | 'office-web-apps'
  | 'survivable-branch';

/** Every endpoint, for checks and loops. */
export const ENDPOINTS: readonly Endpoint[] = [
  'front-end',
  'back-end-sql',
  'edge-internal',
  'edge-external',
  'director',
  'mediation',
  'persistent-chat',
  'persistent-chat-sql',
  'file-store',
  'internal-clients',
  'internet',
  'microsoft-365',
  'pstn-gateway',
  'reverse-proxy',
  'domain-controller',
  'office-web-apps',
  'survivable-branch',
];

/**
 * A condition under which a flow exists; an entry with several applies when all hold.
 * - `federation`: the Edge pool is enabled for SIP federation (port 5061), or public IM connectivity.
 * - `xmpp`: XMPP federation (Lync Server 2013 and Skype for Business Server 2015 only).
 * - `hardware-load-balancing`: the destination pool balances SIP with a load balancer (the HLB-only tables).
 * - `collocated-mediation`: the Front End pool runs the Mediation Server role.
 * - `hosts-cms`: the source pool hosts the Central Management store, or its standby (the backup pool
 *   of the pool that hosts it): after `Invoke-CsManagementServerFailover` the standby is the master.
 * - `paired-pools`: the flow runs between a Front End pool and its backup pool.
 * - `mirroring`, `mirroring-witness`, `always-on`, `failover-cluster`: the back end's HA technology.
 * - `persistent-chat-dr`: a Persistent Chat pool with log shipping to its second data center.
 * - `enterprise-voice`: the pool routes calls to PSTN gateways; `e911`: Enhanced 9-1-1 is configured.
 * - `static-routes`: optional static routes to trusted services (e.g. remote call control).
 * - `office-web-apps`: an Office Web Apps / Office Online Server farm serves the deployment.
 * - `lab`: the library's lab mode (its own domain controllers).
 * - `ocs-2007-federation`: federation with Office Communications Server 2007 partners; the library never sets it.
 * - `teams-hybrid`: the federation Edge pool is in hybrid with Microsoft 365 (`EdgePool` prop `teamsHybrid`).
 */
export type FlowCondition =
  | 'federation'
  | 'xmpp'
  | 'hardware-load-balancing'
  | 'collocated-mediation'
  | 'hosts-cms'
  | 'paired-pools'
  | 'mirroring'
  | 'mirroring-witness'
  | 'always-on'
  | 'failover-cluster'
  | 'persistent-chat-dr'
  | 'enterprise-voice'
  | 'e911'
  | 'static-routes'
  | 'office-web-apps'
  | 'lab'
  | 'ocs-2007-federation'
  | 'teams-hybrid';

/**
 * Which instances of `from` reach which of `to`.
 * - omitted: every instance of `from` anywhere in the deployment reaches every instance of `to`
 *   (Microsoft: "Front End Servers of every pool reach all Edge Servers").
 * - `same-pool`: only between the servers of one pool (or one back end, one Persistent Chat pool).
 * - `paired-pool`: from a Front End pool's servers to its backup pool's (each direction is its own pair).
 * - `own-pool`: from a pool to what belongs to it (its file store, its back end, its next hop).
 */
export type FlowScope = 'same-pool' | 'paired-pool' | 'own-pool';

export interface DocumentedFlow {
  /** Stable and unique, e.g. `fe-to-edge-int-sip`. */
  readonly key: string;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly protocol: 'Tcp' | 'Udp';
  /** Destination ports: single ports (`5061`) or inclusive ranges (`50000-59999`). */
  readonly ports: readonly string[];
  readonly purpose: string;
  /** Path of the documentation page (or file) the flow comes from. */
  readonly source: string;
  /** Product versions the flow applies to; omitted means every version. */
  readonly versions?: readonly ProductVersion[];
  /** Conditions that must all hold for the flow to exist; omitted means always. */
  readonly when?: readonly FlowCondition[];
  readonly scope?: FlowScope;
  /**
   * Which external Edge service's address the flow uses, when one end is `edge-external`: each
   * service has its own public and private addresses (three-IP-per-server model).
   */
  readonly edgeService?: 'access' | 'webconf' | 'av';
  /** The destination is the pool's load-balancer VIP (a balancing rule must carry the ports), as in the HLB port tables. */
  readonly via?: 'load-balancer';
  /** Why an entry reads the page the way it does, or that it is derived rather than tabled. */
  readonly note?: string;
}

/**
 * Every documented flow: the flows of every role's file (lib/model/roles/), in enum order of the roles.
 * A flow lives in the file of the role that brings it: Front End's file holds what a deployment of
 * Front End pools alone needs, and every other role's file holds its flows with the Front Ends and the
 * outside, so a new role brings its flows in its own file. Keys are unique (checked at load).
 */
export const DOCUMENTED_FLOWS: readonly DocumentedFlow[] = Object.freeze(ALL_ROLES.flatMap((r) => ROLE_PROFILES[r].flows));

const BY_KEY = readonlyMap(DOCUMENTED_FLOWS.map((f) => [f.key, f]));
if (BY_KEY.size !== DOCUMENTED_FLOWS.length) {
  const seen = new Set<string>();
  const twice = DOCUMENTED_FLOWS.filter((f) => seen.has(f.key) || !seen.add(f.key)).map((f) => f.key);
  throw new Error(`documented flows ${[...new Set(twice)].join(', ')} are in two places in lib/model/roles/; give each key once`);
}

/** A documented flow by key; throws for a key the list does not have. */
export function documentedFlow(key: string): DocumentedFlow {
  const f = BY_KEY.get(key);
  if (!f) throw new Error(`no documented flow "${key}" in lib/model/documented-flows.ts`);
  return f;
}

/** The flows that hold for a product version and a set of conditions. */
export function flowsFor(version: ProductVersion, conditions: ReadonlySet<FlowCondition>): DocumentedFlow[] {
  return DOCUMENTED_FLOWS.filter((f) => (!f.versions || f.versions.includes(version)) && (f.when ?? []).every((c) => conditions.has(c)));
}

/** Whether a documented flow's protocol and ports admit a connection to `port` over `protocol`. */
export function documentedPort(flow: DocumentedFlow, protocol: 'Tcp' | 'Udp', port: number): boolean {
  if (flow.protocol !== protocol) return false;
  return flow.ports.some((p) => {
    const [lo, hi] = p.split('-').map(Number);
    return port >= lo && port <= (hi ?? lo);
  });
}
