/**
 * Every documented flow (lib/model/documented-flows.ts) that applies to a topology, expanded into the
 * connections it means between the servers the topology actually has: which pools meet each flow's
 * conditions (`when`), which pairs its scope admits (same pool, own pool, paired pool), and the
 * addresses (an Edge external interface per service). Read from the model for *which servers exist*
 * and from the JSON for the Edge service addresses; what the NSGs allow is decided elsewhere
 * (nsg-evaluator.ts) from the JSON only.
 *
 * Flows from a server to something the library does not build (the Internet, PSTN gateways,
 * Microsoft 365, Office Web Apps) are outbound: the library writes no outbound rules, so Azure's
 * default outbound rules admit them; they are not expanded here.
 */
import { BackEndMode, LoadBalancing } from '../../lib/enums';
import { DocumentedFlow, Endpoint, FlowCondition, flowsFor } from '../../lib/model/documented-flows';
import { ServerModel, ServerRole, TopologyModel } from '../../lib/model/topology';

type Json = any;

/** A pool-like group of servers an endpoint stands for. */
interface Unit {
  readonly path: string;
  readonly ips: readonly string[];
  readonly hardware?: boolean;
  readonly collocated?: boolean;
  readonly cms?: boolean;
  readonly backEndPath?: string;
  readonly mode?: BackEndMode;
  readonly witnessIps?: readonly string[];
  readonly chatDr?: boolean;
  /** Site of the unit, for flows between the servers of one site (a reverse proxy to its own site's pools). */
  readonly sitePath?: string;
  /** Edge external addresses by service. */
  readonly services?: Readonly<Record<'access' | 'webconf' | 'av', readonly string[]>>;
  /** A Survivable Branch Server in Azure: its branch's central site (the only network its own is peered with) and its gateways' addresses. */
  readonly centralSitePath?: string;
  readonly gateways?: readonly string[];
}

/** One documented connection: a flow between two addresses over a protocol and its port ranges. */
export interface ExpectedConnection {
  readonly key: string;
  readonly sourceIp: string;
  readonly destinationIp: string;
  readonly protocol: 'Tcp' | 'Udp';
  readonly ports: readonly string[];
}

export interface Outside {
  /** An address of a network connected to the sites (clients, reverse proxy, gateways given as VirtualNetwork). */
  readonly client: string;
  /** An Internet address. */
  readonly internet: string;
}

const ip = (s: ServerModel, subnet?: string) => (subnet ? s.nics.find((n) => n.subnet === subnet) : s.nics[0])!.privateIp;

/** Every private address of the NIC whose first address is `first`, in ip_configuration order. */
function nicAddresses(json: Json, first: string): string[] {
  const nic = Object.values<Json>(json.resource.azurerm_network_interface ?? {}).find((n) => n.ip_configuration[0].private_ip_address === first);
  return nic ? nic.ip_configuration.map((c: Json) => c.private_ip_address) : [first];
}

/** The units each endpoint stands for in a topology. */
function unitsOf(model: TopologyModel, json: Json): Record<Endpoint, Unit[]> {
  const pairs = model.pairs ?? [];
  const partner = (path: string) => pairs.flatMap((p) => (p.primaryPath === path ? [p.backupPath] : p.backupPath === path ? [p.primaryPath] : []));
  const cmsHosts = model.frontEndPools.filter((p) => p.hostsCentralManagementStore).map((p) => p.path);
  const cms = new Set([...cmsHosts, ...cmsHosts.flatMap(partner)]);
  const serversUnder = (path: string) => model.servers.filter((s) => s.path.startsWith(`${path}/`));
  const dcs = model.labEnvironment?.domainControllers ?? [];
  return {
    'front-end': model.frontEndPools.map((p) => ({
      path: p.path,
      ips: p.servers.map((s) => ip(s)),
      hardware: p.sipLoadBalancing === LoadBalancing.HARDWARE,
      collocated: p.collocatedMediation,
      cms: cms.has(p.path),
      backEndPath: p.backEndPath,
      sitePath: p.sitePath,
    })),
    'back-end-sql': model.backEnds.map((b) => {
      const all = serversUnder(b.path);
      return {
        path: b.path,
        ips: all.filter((s) => s.role !== ServerRole.SQL_WITNESS).map((s) => ip(s)),
        witnessIps: all.filter((s) => s.role === ServerRole.SQL_WITNESS).map((s) => ip(s)),
        mode: b.mode,
      };
    }),
    'edge-internal': model.edgePools.map((e) => ({ path: e.path, ips: e.servers.map((s) => ip(s, 'edge-internal')) })),
    'edge-external': model.edgePools.map((e) => {
      const per = e.servers.map((s) => nicAddresses(json, ip(s, 'perimeter')));
      return { path: e.path, ips: per.flat(), services: { access: per.map((a) => a[0]), webconf: per.map((a) => a[1]), av: per.map((a) => a[2]) } };
    }),
    director: model.directorPools.map((d) => ({ path: d.path, ips: d.servers.map((s) => ip(s)), hardware: d.sipLoadBalancing === LoadBalancing.HARDWARE, sitePath: d.sitePath })),
    mediation: model.mediationPools.map((m) => ({ path: m.path, ips: m.servers.map((s) => ip(s)), hardware: m.loadBalancing === LoadBalancing.HARDWARE })),
    'persistent-chat': model.chatPools.map((c) => ({ path: c.path, ips: c.servers.map((s) => ip(s)), chatDr: c.logShippingServer !== undefined })),
    'persistent-chat-sql': model.chatPools.map((c) => ({
      path: c.path,
      backEndPath: c.backEndPath,
      // A pool on a back end uses that back end's SQL servers.
      ips: c.backEndPath
        ? serversUnder(c.backEndPath).filter((s) => s.role !== ServerRole.SQL_WITNESS).map((s) => ip(s))
        : c.databaseServers.map((d) => ip(d.server)),
      chatDr: c.logShippingServer !== undefined,
    })),
    'file-store': [
      ...model.fileStores.map((f) => ({ path: f.path, ips: f.servers.map((s) => ip(s)) })),
      ...model.chatPools.flatMap((c) => (c.logShippingServer ? [{ path: `${c.path}#share`, ips: [ip(c.logShippingServer)] }] : [])),
    ],
    'domain-controller': dcs.length > 0 ? [{ path: 'domain-controllers', ips: dcs.map((d) => ip(d.server)) }] : [],
    'internal-clients': [],
    internet: [],
    'microsoft-365': [],
    'pstn-gateway': [],
    // A proxy of Windows servers has addresses; an Application Gateway's instances take theirs from its subnet at apply.
    'reverse-proxy': (model.reverseProxies ?? []).map((p) => ({ path: p.path, ips: p.servers.map((s) => ip(s)), sitePath: p.sitePath })),
    'office-web-apps': (model.officeOnlineFarms ?? []).map((f) => ({ path: f.path, ips: f.servers.map((s) => ip(s)), sitePath: f.sitePath })),
    'survivable-branch': survivableServers(model),
  };
}

/** Survivable Branch Servers in Azure: one unit each, with its branch's central site and its gateways. */
function survivableServers(model: TopologyModel): Unit[] {
  const voice = model.voice;
  if (!voice) return [];
  // One stack: a server's path is under its construct's (with a stack per site it is under the site's stack).
  return model.servers
    .filter((s) => s.role === ServerRole.SURVIVABLE_BRANCH_SERVER)
    .flatMap((s) => {
      const sbs = voice.survivableBranches.find((x) => s.path.startsWith(`${x.path}/`));
      const branch = voice.branchSites.find((b) => b.path === sbs?.branchPath);
      if (!sbs || !branch) throw new Error(`documented connections: server ${s.path} is under no Survivable Branch Server of a branch (a stack per site is not expanded)`);
      return [{ path: sbs.path, ips: [ip(s)], centralSitePath: branch.centralSitePath, gateways: voice.peers.filter((p) => p.mediationPath === sbs.path).map((p) => p.address) }];
    });
}

/** The conditions that hold somewhere in the topology (pool-specific ones are checked per pair). */
function conditions(model: TopologyModel): Set<FlowCondition> {
  const c = new Set<FlowCondition>(['hardware-load-balancing', 'collocated-mediation', 'hosts-cms', 'mirroring', 'mirroring-witness', 'always-on', 'failover-cluster', 'persistent-chat-dr']);
  if (model.edgePools.some((e) => e.federation)) c.add('federation');
  if (model.edgePools.some((e) => e.xmppFederation)) c.add('xmpp');
  if ((model.pairs ?? []).length > 0) c.add('paired-pools');
  if (model.mediationPools.length > 0) c.add('enterprise-voice');
  if (model.lab) c.add('lab');
  if ((model.officeOnlineFarms ?? []).length > 0) c.add('office-web-apps');
  return c;
}

/** Whether the pool-specific conditions of a flow hold for a source and destination unit. */
function holds(flow: DocumentedFlow, from: Unit, to: Unit): boolean {
  return (flow.when ?? []).every((w) => {
    switch (w) {
      case 'hosts-cms':
        return from.cms === true;
      case 'hardware-load-balancing':
        return to.hardware === true;
      case 'collocated-mediation':
        return flow.to === 'front-end' ? to.collocated === true : from.collocated === true;
      case 'mirroring':
        return to.mode === BackEndMode.MIRRORING;
      case 'mirroring-witness':
        return to.mode === BackEndMode.MIRRORING && (to.witnessIps ?? []).length > 0;
      case 'always-on':
        return to.mode === BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP;
      case 'failover-cluster':
        return to.mode === BackEndMode.FAILOVER_CLUSTER;
      case 'persistent-chat-dr':
        return from.chatDr === true || to.chatDr === true;
      default:
        return true;
    }
  });
}

/** Every documented connection of the topology, between actual addresses. */
export function documentedConnections(model: TopologyModel, json: Json, outside: Outside): ExpectedConnection[] {
  const units = unitsOf(model, json);
  const dcs = model.labEnvironment?.domainControllers ?? [];
  const pairs = model.pairs ?? [];
  const partnerOf = (path: string) => pairs.flatMap((p) => (p.primaryPath === path ? [p.backupPath] : p.backupPath === path ? [p.primaryPath] : []));
  const out: ExpectedConnection[] = [];
  const push = (flow: DocumentedFlow, sources: readonly string[], destinations: readonly string[]) => {
    for (const s of sources) for (const d of destinations) if (s !== d) out.push({ key: flow.key, sourceIp: s, destinationIp: d, protocol: flow.protocol, ports: flow.ports });
  };
  // The gateways' address: a CIDR of the Mediation pool, or a connected network.
  const gateway = (m: TopologyModel['mediationPools'][number]) => {
    const cidr = (m.gatewayPrefixes ?? []).find((p) => p !== 'VirtualNetwork');
    return cidr ? cidr.replace(/\.\d+\/\d+$/, '.10') : outside.client;
  };
  for (const flow of flowsFor(model.productVersion, conditions(model))) {
    const toUnits = units[flow.to];
    if (toUnits.length === 0) continue; // outbound, or to something the topology does not have
    for (const to of toUnits) {
      let destinations = to.ips;
      if (flow.to === 'edge-external') destinations = to.services![flow.edgeService ?? 'access'];
      if (flow.to === 'back-end-sql' && flow.key === 'back-end-mirroring-witness') destinations = to.witnessIps ?? [];
      // Outside sources.
      if (flow.from === 'internet' || flow.from === 'edge-external') {
        // Edge Servers reach each other's A/V address from their public addresses: an Internet source as the NSG sees it.
        if (holds(flow, {} as Unit, to)) push(flow, [outside.internet], destinations);
        continue;
      }
      if (flow.from === 'internal-clients' || flow.from === 'reverse-proxy') {
        if (!holds(flow, {} as Unit, to)) continue;
        push(flow, [outside.client], destinations);
        // A ReverseProxy forwards to the pools and farms of its own site only.
        if (flow.from === 'reverse-proxy') for (const rp of units['reverse-proxy'].filter((u) => u.sitePath === to.sitePath)) push(flow, rp.ips, destinations);
        continue;
      }
      if (flow.from === 'pstn-gateway' && flow.to === 'survivable-branch') {
        push(flow, to.gateways ?? [], destinations);
        continue;
      }
      if (flow.from === 'pstn-gateway') {
        if (!holds(flow, {} as Unit, to)) continue;
        const mediation = model.mediationPools.find((m) => m.path === to.path);
        push(flow, [mediation ? gateway(mediation) : outside.client], destinations);
        continue;
      }
      for (const from of units[flow.from]) {
        if (!holds(flow, from, to)) continue;
        let sources = from.ips;
        let targets = destinations;
        if (flow.key === 'back-end-mirroring' || flow.key === 'back-end-mirroring-witness') {
          if (from.path !== to.path) continue;
          sources = flow.key === 'back-end-mirroring' ? [...from.ips, ...(from.witnessIps ?? [])] : from.ips;
        } else if (flow.scope === 'same-pool') {
          if (from.path !== to.path) continue;
          // A pool's databases on a back end are mirrored by the back end's own endpoints
          // (back-end-mirroring, 5022; 7022 only to a witness), not by the pool's mirroring flow.
          if (flow.key === 'chat-sql-mirroring' && from.backEndPath !== undefined) continue;
        } else if (flow.scope === 'own-pool') {
          const own =
            (flow.to === 'back-end-sql' && from.backEndPath === to.path) ||
            (flow.key === 'fe-to-file-store-smb' && model.fileStores.some((f) => f.path === to.path && f.poolPaths.includes(from.path))) ||
            (flow.key === 'chat-to-chat-sql' && from.path === to.path) ||
            (flow.key === 'chat-sql-log-shipping-share' && to.path === `${from.path}#share`);
          if (!own) continue;
        } else if (flow.scope === 'paired-pool') {
          const partners = partnerOf(from.path);
          if (!partners.some((p) => model.fileStores.some((f) => f.path === to.path && f.poolPaths.includes(p)))) continue;
        } else if (flow.to === 'survivable-branch' || flow.from === 'survivable-branch') {
          // Hub and spoke: a branch network is peered with its central site only.
          const [site, central] = flow.to === 'survivable-branch' ? [from.sitePath, to.centralSitePath] : [to.sitePath, from.centralSitePath];
          if (site !== undefined && site !== central) continue;
          if (flow.to === 'domain-controller') targets = dcs.filter((d) => d.sitePath === from.centralSitePath).map((d) => ip(d.server));
        } else if (flow.from === 'back-end-sql' && flow.to === 'domain-controller') {
          // A mirroring witness is a domain-joined SQL Server instance too: it reaches the domain controllers.
          sources = [...from.ips, ...(from.witnessIps ?? [])];
        }
        push(flow, sources, targets);
      }
    }
  }
  // The Backup Service of a Standard Edition pair writes to the partner server's local share (a file store of the server itself).
  for (const p of pairs) {
    for (const [a, b] of [[p.primaryPath, p.backupPath], [p.backupPath, p.primaryPath]]) {
      const from = model.frontEndPools.find((x) => x.path === a);
      const to = model.frontEndPools.find((x) => x.path === b);
      if (!from || !to || model.fileStores.some((f) => f.poolPaths.includes(b))) continue;
      for (const s of from.servers) for (const d of to.servers) out.push({ key: 'fe-to-paired-file-store-smb', sourceIp: ip(s), destinationIp: ip(d), protocol: 'Tcp', ports: ['445'] });
    }
  }
  return out;
}

/** Whether a port is in a list of ports and ranges. */
export function inPorts(ports: readonly string[], port: number): boolean {
  return ports.some((p) => {
    if (p === '*') return true;
    const [lo, hi] = p.split('-').map(Number);
    return port >= lo && port <= (hi ?? lo);
  });
}

/** Probe ports of a list of flows: every single port and both ends of every range. */
export function probePorts(ports: readonly string[]): number[] {
  return [...new Set(ports.flatMap((p) => p.split('-').map(Number)))];
}
