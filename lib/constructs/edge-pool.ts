import { Construct, IConstruct } from 'constructs';
import { publicIpName, serverNaming } from '../model/names';
import { SubnetRole } from '../model/network';
import { Server, ServerGroup } from '../azure/servers';
import { TerraformOutput } from '../cdktf';
import { LegacyEdgeInterop, LoadBalancing, WindowsServerVersion } from '../enums';
import { EDGE_SRV, preferredEdgePool } from '../model/edge';
import { HybridEdgeModel, HybridFederationSettings, TEAMS_HYBRID_EXTRA_KEY } from '../model/microsoft-365';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SfbDeployment } from './deployment';
import { hybridInput } from './hybrid-input';
import { ModelParts } from './model-builder';
import { cmsServers, forVersion, hosts, subnetsWithServers } from './flow-sources';
import type { Prefixes } from '../azure/firewall';
import { CentralSite } from './site';
import { describeValue, optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireCount, requireServerCount, requireDomainName, requireEnum } from './validate-input';

/**
 * What an Edge pool can use as its next hop (EDGE-19): a Front End pool now, a Director pool
 * later. Anything with a pool FQDN that lives in a central site of the deployment.
 */
export interface IEdgeNextHop extends IConstruct {
  readonly fqdn: string;
  readonly site: CentralSite;
}

export interface EdgePoolProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another pool's key now prefers. The planning reports
   * (addresses.md) show each block.
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** FQDN of the Edge pool's internal interface (private DNS: one A record per member). */
  readonly internalFqdn: string;
  /** External FQDN of the Access Edge service: the target of the pool's SRV entries. */
  readonly accessEdgeFqdn: string;
  /** External FQDN of the Web Conferencing Edge service. */
  readonly webConferencingEdgeFqdn: string;
  /** External FQDN of the A/V Edge service. */
  readonly audioVideoEdgeFqdn: string;
  /** The Director or Front End pool the Edge pool forwards inbound SIP to (EDGE-19). */
  readonly nextHop: IEdgeNextHop;
  /** Priority of the pool's SRV entries; clients try the lowest number first (SRV-1, SRV-2). */
  readonly srvPriority: number;
  /** Weight of the pool's SRV entries among equal priorities. @default 0 */
  readonly srvWeight?: number;
  /** Edge servers in the pool (EDGE-1). @default 2 */
  readonly servers?: number;
  /**
   * Concurrent remote users the pool serves, for capacity findings (EDGE-2): one Edge server per 12,000
   * (2013, 2015) or 18,000 (2019, SE); the users of the survivable branches registered with a pool of the
   * pool's site are added, as Microsoft counts them.
   * @default - not sized: no EDGE-2 finding, whatever the branch users
   */
  readonly remoteUsers?: number;
  /**
   * Load balancing of both interfaces (one setting for both: EDGE-6). `HARDWARE` is an error
   * finding on Azure (AZURE-3, EDGE-7): Azure public IPs are NAT'd.
   * @default LoadBalancing.DNS
   */
  readonly loadBalancing?: LoadBalancing;
  /**
   * Partners and services of the pool whose failover needs a hardware load balancer on the Edge (EDGE-10):
   * with DNS load balancing, the only kind Azure can run (AZURE-3), they lose failover when an Edge server
   * fails, and EDGE-10 warns.
   * @default - none: the pool serves only Lync Server 2010 or later partners and Exchange 2010 SP1 or later UM
   */
  readonly legacyInterop?: LegacyEdgeInterop[];
  /** "Enable federation for this Edge pool (Port 5061)": the one federation route (EDGE-15). @default false */
  readonly federation?: boolean;
  /** The one XMPP federation route (EDGE-17; 2013 and 2015 only, VER-4). @default false */
  readonly xmppFederation?: boolean;
  /**
   * Hybrid with Microsoft Teams / Skype for Business Online (shared SIP address space) through this
   * Edge pool, which must be the federation Edge pool (HYB-1). Every Edge pool then admits the
   * Microsoft 365 flows (SIP 5061 to the Access Edge, STUN 3478/UDP and 50000-59999/TCP to the A/V
   * Edge, from Microsoft 365's published ranges) so that any of them can take over; the runbook gets
   * the hosting-provider and shared-SIP-address-space steps (docs/hybrid.md).
   * @default false
   */
  readonly teamsHybrid?: boolean;
  /**
   * The on-premises and tenant federation settings, which hybrid needs to match (HYB-3).
   * @default - not declared: HYB-3 cannot check them, and the runbook lists the comparison to make
   */
  readonly hybridFederation?: HybridFederationSettings;
  /**
   * The IPv4 ranges of Microsoft 365 the Edge NSGs admit in hybrid; give them when Microsoft's list has
   * changed since the library recorded it.
   * @default MICROSOFT_365_IPV4 (lib/model/microsoft-365.ts: endpoint sets 11 and 12, as recorded)
   */
  readonly microsoft365AddressPrefixes?: string[];
  /** VM size of every Edge server (needs two NICs). @default Standard_D16s_v5 (8 physical cores, 64 GB) for 2013 and 2015, Standard_D32s_v5 (16 physical cores, 128 GB) for 2019 and SE, whose floor is 12 cores (VM-1); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Windows Server version of the servers (VM-4). @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** Computer-name prefix; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default the first label of `internalFqdn`, shortened with a hash when `<label>-<n>` would pass 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
}

const KNOWN_PROPS = [
  'addressBlock',
  'internalFqdn', 'accessEdgeFqdn', 'webConferencingEdgeFqdn', 'audioVideoEdgeFqdn', 'nextHop', 'srvPriority',
  'srvWeight', 'servers', 'remoteUsers', 'loadBalancing', 'federation', 'xmppFederation', 'vmSize', 'operatingSystem', 'serverNamePrefix',
  'teamsHybrid', 'hybridFederation', 'microsoft365AddressPrefixes', 'legacyInterop',
];

/** The three public IPs of every Edge server, in order (EDGE-11). */
const SERVICES = ['access', 'webconf', 'av'] as const;
type Service = (typeof SERVICES)[number];

/** Terraform-safe form of a name, for output logical IDs. */
function tfName(...parts: string[]): string {
  return parts.join('_').toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

function requireNumber(scope: IConstruct, prop: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`EdgePool ${scope.node.path}: ${prop} ${JSON.stringify(value)} is not a number; give a whole number from 0 to 65535`);
  }
  return value;
}

function requireBoolean(scope: IConstruct, prop: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Error(`EdgePool ${scope.node.path}: ${prop} ${JSON.stringify(value)} is not true or false`);
  return value;
}

/** `legacyInterop`: an array of LegacyEdgeInterop members, each once, in sorted order (deterministic output). */
function legacyInteropInput(scope: IConstruct, value: unknown): LegacyEdgeInterop[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new Error(`EdgePool ${scope.node.path}: legacyInterop ${describeValue(value)} is not an array; give a list of LegacyEdgeInterop members, e.g. [LegacyEdgeInterop.PUBLIC_IM_CONNECTIVITY]`);
  }
  const members = value.map((v, i) => requireEnum(scope, 'EdgePool', `legacyInterop[${i}]`, v, LegacyEdgeInterop, 'LegacyEdgeInterop'));
  const twice = members.find((v, i) => members.indexOf(v) !== i);
  if (twice !== undefined) throw new Error(`EdgePool ${scope.node.path}: legacyInterop names "${twice}" twice; give each LegacyEdgeInterop member once`);
  return [...members].sort();
}

/**
 * An Edge pool in a central site's perimeter network: Edge servers with an external NIC (first,
 * default gateway) carrying three Standard static public IPs (Access, Web Conferencing, A/V) and
 * an internal NIC; DNS load balancing on both sides; the pool's entries in the deployment's one
 * SRV record set per name; NSGs with exactly the documented Edge ports.
 */
const EDGE_POOL_SYMBOL = Symbol.for('cdktf-sfb-hadr.EdgePool');

export class EdgePool extends Construct {
  /** Whether `x` is an EdgePool (JavaScript callers can pass anything where an Edge pool belongs). */
  static isEdgePool(x: unknown): x is EdgePool {
    return typeof x === 'object' && x !== null && EDGE_POOL_SYMBOL in x;
  }

  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  readonly internalFqdn: string;
  readonly accessEdgeFqdn: string;
  readonly webConferencingEdgeFqdn: string;
  readonly audioVideoEdgeFqdn: string;
  readonly nextHop: IEdgeNextHop;
  readonly srvPriority: number;
  readonly srvWeight: number;
  readonly loadBalancing: LoadBalancing;
  readonly federation: boolean;
  readonly xmppFederation: boolean;
  /** Partners and services whose failover needs a hardware load balancer on the Edge (EDGE-10), sorted. */
  readonly legacyInterop: LegacyEdgeInterop[];
  /** Hybrid with Microsoft 365 through this pool (`teamsHybrid`). */
  readonly teamsHybrid: boolean;
  readonly hybridFederation?: HybridFederationSettings;
  /** The Microsoft 365 IPv4 ranges the Edge NSGs admit when this pool is in hybrid. */
  readonly microsoft365Prefixes: string[];
  readonly operatingSystem: WindowsServerVersion;
  /** Concurrent remote users the pool serves (EDGE-2); undefined when not sized. */
  readonly remoteUsers?: number;
  /** @internal */
  readonly _servers: ServerGroup;
  private federationPublished = false;
  private xmppPublished = false;
  private hybridDnsPublished = false;
  private microsoft365Allowed = false;

  constructor(scope: CentralSite, id: string, props: EdgePoolProps) {
    super(scope, id);
    Object.defineProperty(this, EDGE_POOL_SYMBOL, { value: true });
    rejectUnknownProps(this, 'EdgePool', props, KNOWN_PROPS);
    SfbDeployment._of(this, 'EdgePool')._pinAddressBlock(this, 'EdgePool', props.addressBlock);
    const deployment = SfbDeployment._of(this, 'EdgePool');
    if (!(scope instanceof CentralSite)) throw new Error(`EdgePool ${this.node.path}: scope must be a CentralSite`);
    this.site = scope;
    this.deployment = deployment;
    this.internalFqdn = requireDomainName(this, 'EdgePool', 'internalFqdn', props.internalFqdn);
    this.accessEdgeFqdn = requireDomainName(this, 'EdgePool', 'accessEdgeFqdn', props.accessEdgeFqdn);
    this.webConferencingEdgeFqdn = requireDomainName(this, 'EdgePool', 'webConferencingEdgeFqdn', props.webConferencingEdgeFqdn);
    this.audioVideoEdgeFqdn = requireDomainName(this, 'EdgePool', 'audioVideoEdgeFqdn', props.audioVideoEdgeFqdn);
    const hop = props.nextHop as Partial<IEdgeNextHop> | undefined;
    if (hop === undefined || hop === null) {
      throw new Error(`EdgePool ${this.node.path}: nextHop is missing; give the Front End pool (or Director pool) the Edge pool sends traffic to, e.g. nextHop: pool`);
    }
    if (typeof hop !== 'object' || typeof hop.fqdn !== 'string' || !(hop.site instanceof CentralSite)) {
      throw new Error(`EdgePool ${this.node.path}: nextHop ${describeValue(hop)} is not a Front End pool or Director pool; pass the pool object itself, not its name (e.g. nextHop: pool)`);
    }
    this.nextHop = props.nextHop;
    // Range and whole-number checks are SRV-2 findings; only a non-number cannot be built.
    this.srvPriority = requireNumber(this, 'srvPriority', props.srvPriority);
    this.srvWeight = requireNumber(this, 'srvWeight', props.srvWeight ?? 0);
    const count = requireServerCount(this, ServerRole.EDGE, 'EdgePool', 'servers', props.servers);
    if (props.remoteUsers !== undefined) this.remoteUsers = requireCount(this, 'EdgePool', 'remoteUsers', props.remoteUsers, 0, 10_000_000);
    this.loadBalancing = requireEnum(this, 'EdgePool', 'loadBalancing', props.loadBalancing ?? LoadBalancing.DNS, LoadBalancing, 'LoadBalancing');
    this.federation = requireBoolean(this, 'federation', props.federation ?? false);
    this.xmppFederation = requireBoolean(this, 'xmppFederation', props.xmppFederation ?? false);
    this.legacyInterop = legacyInteropInput(this, props.legacyInterop);
    const hybrid = hybridInput(this, props);
    this.teamsHybrid = hybrid.teamsHybrid;
    this.hybridFederation = hybrid.federationSettings;
    this.microsoft365Prefixes = [...hybrid.microsoft365Prefixes];
    this.operatingSystem = requireEnum(this, 'EdgePool', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');

    this._servers = new ServerGroup(this, 'servers', {
      site: scope,
      role: ServerRole.EDGE,
      ...serverNaming(optionalNamePrefix(this, 'EdgePool', props.serverNamePrefix), this.internalFqdn.split('.')[0]),
      count,
      vmSize: optionalVmSize(this, 'EdgePool', props.vmSize) ?? deployment._defaultVmSize(ServerRole.EDGE, recommendedVmSize(deployment.productVersion, ServerRole.EDGE)),
      os: this.operatingSystem,
      // External NIC first: only the first NIC of an Azure VM gets the default gateway (VM-2, EDGE-12).
      nics: [
        { subnet: SubnetRole.PERIMETER, publicIps: SERVICES.length, publicIpLabels: SERVICES },
        { subnet: SubnetRole.EDGE_INTERNAL },
      ],
    });

    this.publishDns();
    this.allowInternet();
    this.allowInternal();
    deployment._members.forEach((m) => {
      // Every Edge pool is ready to take over federation and XMPP: its SRV entries and ports are in place (EDGE-16, EDGE-17).
      if (m instanceof EdgePool && m.federation) this.publishFederation();
      if (m instanceof EdgePool && m.xmppFederation) this.publishXmpp();
      if (m instanceof EdgePool && m.teamsHybrid) {
        this.allowMicrosoft365(m.microsoft365Prefixes);
        this.publishHybridDns();
      }
    });
    this.outputs();
    deployment._register(this);
    publishSipName(deployment);
  }

  /** The private address of a service on a server's external NIC. */
  private externalAddress(server: Server, service: Service): string {
    return server.nicAddresses[0][SERVICES.indexOf(service)];
  }

  private get externalFqdns(): Record<Service, string> {
    return { access: this.accessEdgeFqdn, webconf: this.webConferencingEdgeFqdn, av: this.audioVideoEdgeFqdn };
  }

  /** Internal pool FQDN and per-server records (private); one A record per server and service (public; DNS-5). */
  private publishDns(): void {
    const dns = this.deployment._dns;
    const servers = this._servers.servers;
    dns.addA('private', this.internalFqdn, servers.map((s) => s.privateIp));
    for (const s of servers) dns.addA('private', s.model.fqdn, [s.privateIp]);
    SERVICES.forEach((service, i) => {
      dns.addA(
        'public',
        this.externalFqdns[service],
        servers.map((s) => s.publicIps[i].ipAddress),
        servers.map((s) => `public IP ${publicIpName(s.model.computerName, service)}`),
        // The addresses are this site's public IPs: with a stack per site the record set lives there.
        this.site.node.id,
      );
    });
    this.addSrv(EDGE_SRV.remoteAccess);
  }

  private addSrv(srv: { readonly name: string; readonly port: number }): void {
    this.deployment._dns.addSrv({
      name: `${srv.name}.${this.deployment.sipDomain}`,
      scope: 'public',
      priority: this.srvPriority,
      weight: this.srvWeight,
      port: srv.port,
      target: this.accessEdgeFqdn,
      ownerPath: this.node.path,
    });
  }

  private publishFederation(): void {
    if (this.federationPublished) return;
    this.federationPublished = true;
    this.addSrv(EDGE_SRV.federation);
    this.allowFromInternet('federation', 'internet-to-edge-ext-access-federation', 'access');
  }

  /**
   * Teams hybrid: the SIP domain's private zone shadows its public zone inside the networks, so the
   * names Microsoft says must resolve on premises are copied into it, with the same public addresses:
   * `_sipfederationtls._tcp.<SIP domain>` to the Access Edge ("Resolvable by: Edge server(s)") with its
   * A records, and the Web Conferencing Edge FQDN ("Resolvable by: Internal corporate network connected
   * users' computers"); "you may need to add these records to the internal hosted DNS zone for the
   * corresponding SIP domain(s)" (MicrosoftDocs/OfficeDocs-SkypeForBusiness:
   * Skype/SfbHybrid/hybrid/plan-hybrid-connectivity.md, DNS settings). The values reference this
   * site's public IPs, so with a stack per site only this site's copy of the zone holds them.
   */
  private publishHybridDns(): void {
    if (this.hybridDnsPublished) return;
    this.hybridDnsPublished = true;
    const dns = this.deployment._dns;
    const servers = this._servers.servers;
    for (const service of ['access', 'webconf'] as const) {
      const i = SERVICES.indexOf(service);
      dns.addA('private', this.externalFqdns[service], servers.map((s) => s.publicIps[i].ipAddress), servers.map((s) => `public IP ${publicIpName(s.model.computerName, service)}`), this.site.node.id);
    }
    if (this.federationPublished) {
      const { name, port } = EDGE_SRV.federation;
      dns.addSrv({ name: `${name}.${this.deployment.sipDomain}`, scope: 'private', priority: this.srvPriority, weight: this.srvWeight, port, target: this.accessEdgeFqdn, ownerPath: this.node.path });
    }
  }

  private publishXmpp(): void {
    if (this.xmppPublished) return;
    this.xmppPublished = true;
    this.addSrv(EDGE_SRV.xmpp);
    this.allowFromInternet('xmpp', 'internet-to-edge-ext-xmpp', 'access');
    this.allowToInternal('from-front-ends-xmpp', 'Front End subnets of every site', subnetsWithServers(this.deployment, SubnetRole.FRONT_END), ['fe-to-edge-int-xmpp']);
    // The XMPP gateway runs on the Front Ends: SIP to it from every Front End (service-port-bindings.md, 5098).
    const d = this.deployment;
    const frontEnds = subnetsWithServers(d, SubnetRole.FRONT_END);
    d._sites.forEach((site) =>
      site._firewall(SubnetRole.FRONT_END).allow({
        name: 'front-end-xmpp-gateway',
        ownerPath: site.node.path,
        source: 'Front End subnets of every site',
        sourcePrefixes: frontEnds,
        destination: `${site.node.id} Front End subnet`,
        destinationPrefixes: () => frontEnds().filter((p) => p === site._subnetPrefix(SubnetRole.FRONT_END)),
        flows: forVersion(d.productVersion, ['fe-pool-xmpp-gateway']),
      }),
    );
  }

  /**
   * External side: exactly the documented inbound flows from the Internet, each to its service's
   * addresses (edge-environmental-requirements.md, external port firewall summary). No inbound
   * 50000-59999: for Lync Server 2013 and later the A/V Edge needs that range outbound only (the
   * decision and its sources are in the header of lib/model/roles/edge.ts), and Azure's
   * default outbound rule allows it. Federation (5061) and XMPP (5269) are added when published.
   */
  private allowInternet(): void {
    this.allowFromInternet('access', 'internet-to-edge-ext-access-sip-tls', 'access');
    this.allowFromInternet('webconf', 'internet-to-edge-ext-webconf', 'webconf');
    this.allowFromInternet('av-tcp', 'internet-to-edge-ext-av-stun-tcp', 'av');
    this.allowFromInternet('av-udp', 'internet-to-edge-ext-av-stun-udp', 'av');
  }

  private allowFromInternet(name: string, flow: string, service: Service): void {
    this.site._firewall(SubnetRole.PERIMETER).allow({
      name: `${this.node.id}-${name}-from-internet`,
      ownerPath: this.node.path,
      source: 'Internet',
      sourcePrefixes: ['Internet'],
      destination: `${this.node.id} ${service} Edge`,
      destinationPrefixes: this._servers.servers.map((s) => `${this.externalAddress(s, service)}/32`),
      flows: forVersion(this.deployment.productVersion, [flow]),
    });
  }

  /**
   * Internal side (edge-environmental-requirements.md, internal port firewall summary): the Front
   * Ends (EDGE-5) and Directors of every site, the Mediation Servers (STUN for external users' PSTN
   * media), CMS replication from the pool that holds the store and its standby, and STUN/TURN from
   * internal clients (the table's source "Any": the connected networks).
   */
  private allowInternal(): void {
    const d = this.deployment;
    this.allowToInternal('from-front-ends-tcp', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), [
      'fe-to-edge-int-sip', 'fe-to-edge-int-psom', 'fe-to-edge-int-mras', 'fe-to-edge-int-stun-tcp', 'fe-to-edge-int-cls',
    ]);
    this.allowToInternal('from-front-ends-udp', 'Front End subnets of every site', subnetsWithServers(d, SubnetRole.FRONT_END), ['fe-to-edge-int-stun-udp']);
    this.allowToInternal('from-directors', 'Director subnets of every site', subnetsWithServers(d, SubnetRole.DIRECTOR), ['director-to-edge-int-sip']);
    this.allowToInternal('from-mediation-tcp', 'Mediation subnets of every site', subnetsWithServers(d, SubnetRole.MEDIATION), ['mediation-to-edge-int-stun-tcp']);
    this.allowToInternal('from-mediation-udp', 'Mediation subnets of every site', subnetsWithServers(d, SubnetRole.MEDIATION), ['mediation-to-edge-int-stun-udp']);
    this.allowToInternal('cms-replication', 'Central Management store pool and its standby', cmsServers(d), ['fe-to-edge-int-cms-replication']);
    this.allowToInternal('from-clients-tcp', 'connected networks (internal clients)', ['VirtualNetwork'], ['clients-to-edge-int-stun-tcp']);
    this.allowToInternal('from-clients-udp', 'connected networks (internal clients)', ['VirtualNetwork'], ['clients-to-edge-int-stun-udp']);
  }

  /**
   * Teams hybrid: the inbound Microsoft 365 flows of the Edge role file, lib/model/roles/edge.ts (`teams-hybrid`), from
   * Microsoft 365's ranges to the Access and A/V Edge addresses (no NSG service tag covers these ranges:
   * lib/model/microsoft-365.ts). Outbound needs no rule (Azure's default outbound rule).
   */
  private allowMicrosoft365(prefixes: readonly string[]): void {
    if (this.microsoft365Allowed) return;
    this.microsoft365Allowed = true;
    const rules: [string, string, Service][] = [
      ['m365-sip', 'm365-to-edge-ext-access-sip', 'access'],
      ['m365-av-tcp', 'm365-to-edge-ext-av-media-tcp', 'av'],
      ['m365-av-udp', 'm365-to-edge-ext-av-stun-udp', 'av'],
    ];
    for (const [name, key, service] of rules) {
      this.site._firewall(SubnetRole.PERIMETER).allow({
        name: `${this.node.id}-${name}-from-microsoft-365`,
        ownerPath: this.node.path,
        source: 'Microsoft 365',
        sourcePrefixes: [...prefixes],
        destination: `${this.node.id} ${service} Edge`,
        destinationPrefixes: this._servers.servers.map((s) => `${this.externalAddress(s, service)}/32`),
        flows: [key],
        description: `Microsoft 365 to ${this.node.id} ${service} Edge (Teams hybrid, ${key})`,
      });
    }
  }

  private allowToInternal(name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[]): void {
    this.site._firewall(SubnetRole.EDGE_INTERNAL).allow({
      name: `${this.node.id}-${name}`,
      ownerPath: this.node.path,
      source,
      sourcePrefixes,
      destination: `${this.node.id} Edge internal`,
      destinationPrefixes: hosts(this._servers.servers),
      // Their internal NICs, one application security group: scaling the pool changes none of these rules.
      destinationGroup: this.site._serverGroup(this, this._servers.servers),
      flows: forVersion(this.deployment.productVersion, flows),
    });
  }

  /** The A/V NAT addresses Topology Builder needs, and the federation and XMPP routes. */
  private outputs(): void {
    const prefix = this.deployment._variablePrefix();
    const av = new TerraformOutput(this, 'av-public-ips', {
      description: `Public A/V Edge addresses of Edge pool ${this.internalFqdn} per server: enter each as the server's NAT'd A/V address in Topology Builder`,
      value: Object.fromEntries(this._servers.servers.map((s) => [s.model.fqdn, s.publicIps[SERVICES.indexOf('av')].ipAddress])),
    });
    av.overrideLogicalId(tfName(prefix, this.site.node.id, this.node.id, 'av_public_ips'));
    const site = this.site.node.id;
    if (this.federation && !this.deployment.node.tryFindChild('federation-route')) {
      new TerraformOutput(this.deployment, 'federation-route', {
        description: 'The one Edge pool enabled for SIP federation (EDGE-15): "Enable federation for this Edge pool (Port 5061)" in Topology Builder',
        value: { site, edge_pool: this.internalFqdn, access_edge_fqdn: this.accessEdgeFqdn },
      }).overrideLogicalId(tfName(prefix, 'federation_route'));
    }
    if (this.xmppFederation && !this.deployment.node.tryFindChild('xmpp-route')) {
      const server = this._servers.servers[0].model.fqdn;
      new TerraformOutput(this.deployment, 'xmpp-route', {
        description: 'The one XMPP federation route (EDGE-17) and the command that sets it',
        value: {
          site,
          edge_pool: this.internalFqdn,
          access_edge_fqdn: this.accessEdgeFqdn,
          command: `Set-CsSite ${site} -XmppExternalFederationRoute ${server}`,
        },
      }).overrideLogicalId(tfName(prefix, 'xmpp_route'));
    }
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    const models = this._servers.models;
    parts.edgePools.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      internalFqdn: this.internalFqdn,
      accessEdgeFqdn: this.accessEdgeFqdn,
      webConferencingEdgeFqdn: this.webConferencingEdgeFqdn,
      audioVideoEdgeFqdn: this.audioVideoEdgeFqdn,
      nextHopPath: this.nextHop.node.path,
      srvPriority: this.srvPriority,
      srvWeight: this.srvWeight,
      servers: models,
      remoteUsers: this.remoteUsers,
      loadBalancing: this.loadBalancing,
      internalLoadBalancing: this.loadBalancing,
      federation: this.federation,
      xmppFederation: this.xmppFederation,
      ...(this.legacyInterop.length > 0 ? { legacyInterop: this.legacyInterop } : {}),
      publicIpCount: models.reduce((n, s) => n + s.nics.filter((nic) => nic.subnet === SubnetRole.PERIMETER).reduce((k, nic) => k + nic.publicIps, 0), 0),
      externalNat: true,
    });
    if (this.teamsHybrid) this.contributeHybrid(parts);
  }

  /** Teams hybrid in `model.extra` (lib/model/microsoft-365.ts), with the other deployments in hybrid under the same root (HYB-2). */
  private contributeHybrid(parts: ModelParts): void {
    const others = this.node.root.node
      .findAll()
      .filter((c): c is EdgePool => c instanceof EdgePool && c.teamsHybrid && c.deployment !== this.deployment)
      .map((e) => e.deployment.node.path);
    const record: HybridEdgeModel = {
      path: this.node.path,
      federationSettings: this.hybridFederation,
      otherHybridDeployments: [...new Set(others)].sort(),
      microsoft365Prefixes: this.microsoft365Prefixes,
    };
    const list = (parts.extra[TEAMS_HYBRID_EXTRA_KEY] ?? []) as HybridEdgeModel[];
    parts.extra[TEAMS_HYBRID_EXTRA_KEY] = [...list, record];
  }
}

/**
 * `sip.<sipDomain>` (the name legacy clients try without SRV) points at the Access Edge of the
 * preferred Edge pool, unless an Edge pool already uses it as an external FQDN.
 */
function publishSipName(deployment: SfbDeployment): void {
  if (deployment._sipNamePublished) return;
  deployment._sipNamePublished = true;
  deployment._dns.derive(() => {
    const name = `sip.${deployment.sipDomain}`;
    const edges = deployment._members.all.filter((m): m is EdgePool => m instanceof EdgePool);
    const taken = edges.some((e) => [e.accessEdgeFqdn, e.webConferencingEdgeFqdn, e.audioVideoEdgeFqdn].includes(name));
    const preferred = preferredEdgePool(edges);
    return { cname: taken || !preferred ? [] : [{ fqdn: name, target: preferred.accessEdgeFqdn }] };
  });
}
