/**
 * Reads a topology document, Topology Builder's `.tbxml` (`TopologyBuilder/NewTopology/PartialTopology`,
 * clusters under their site, references by `UniqueId`) or the published topology (`Topology` root, as
 * `Get-CsTopology -AsXml` gives it: clusters, SQL instances and services at the top, references by
 * `ClusterId`/`ServiceId`), into one shape (document.ts). Element and attribute names follow the real
 * documents in test/fixtures/topology/.
 *
 * Both formats first become the same raw clusters and services; pools, stores and pairings are derived
 * from those once. What the reader does not model is kept in `unknown` and named in `warnings`.
 */
import { readonlySet } from '../memo';
import { DocumentPoolRole, TopologyDocument, TopologyDocumentDependency, TopologyDocumentPool, TopologyDocumentUnknown } from './document';
import { childNamed, childrenNamed, parseXml, serializeXml, XmlElement, XmlError } from './xml';
import { RawCluster, RawDocument, RawService, readPublished, readTopologyBuilder } from './raw';

/** Services the reader understands; any other RoleName is reported in `unknown`. */
const KNOWN_SERVICES = readonlySet([
  'UserServices', 'Registrar', 'WebServices', 'ConfServices', 'ApplicationServer', 'MediationServer', 'CentralMgmt',
  'FileStore', 'EdgeServer', 'ManagementServices', 'WacService', 'PersistentChatServer', 'PersistentChatService',
  'UserStore', 'ApplicationStore', 'ArchivingStore', 'MonitoringStore', 'CentralMgmtStore', 'PersistentChatStore',
  'PersistentChatComplianceStore', 'PstnGateway',
]);
const CHAT_SERVICES = readonlySet(['PersistentChatServer', 'PersistentChatService']);

const NAMESPACE_PREFIX = 'urn:schema:Microsoft.Rtc.Management.Deploy.';

/** Reads a `.tbxml` or published topology; throws naming the line and element for malformed or inconsistent input. */
export function readTopologyDocument(xml: string): TopologyDocument {
  if (typeof xml !== 'string') throw new Error(`readTopologyDocument: xml must be the document's text (a string), got ${xml === null ? 'null' : typeof xml}`);
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) throw new Error(`readTopologyDocument: malformed XML, ${e.message}`);
    throw e;
  }
  const raw = rawDocument(root);
  checkUniqueFqdns(raw.clusters);
  return derive(raw);
}

function rawDocument(root: XmlElement): RawDocument {
  const isDeploy = root.namespace.startsWith(NAMESPACE_PREFIX);
  if (root.name === 'TopologyBuilder' && isDeploy) {
    const partial = childNamed(childNamed(root, 'NewTopology') ?? root, 'PartialTopology');
    if (!partial) throw new Error(`readTopologyDocument: <TopologyBuilder> (line ${root.line}) has no NewTopology/PartialTopology: the file is not a complete Topology Builder document; save it again from Topology Builder`);
    return readTopologyBuilder(partial);
  }
  if (root.name === 'Topology' && isDeploy) return readPublished(root);
  throw new Error(
    `readTopologyDocument: the root element is <${root.name}>${root.namespace ? ` in namespace ${root.namespace}` : ' without a namespace'} (line ${root.line}); ` +
      `a topology document's root is <TopologyBuilder> (a Topology Builder .tbxml) or <Topology> (Get-CsTopology -AsXml), in a ${NAMESPACE_PREFIX}*.2008 namespace`,
  );
}

function checkUniqueFqdns(clusters: readonly RawCluster[]): void {
  const pools = new Map<string, RawCluster>();
  const machines = new Map<string, RawCluster>();
  for (const cluster of clusters) {
    const key = cluster.fqdn.toLowerCase();
    const other = pools.get(key);
    if (other) throw new Error(`readTopologyDocument: FQDN ${cluster.fqdn} names two pools, on line ${other.line} and on line ${cluster.line}; every pool's FQDN must be unique: rename one in Topology Builder`);
    pools.set(key, cluster);
    for (const machine of new Set(cluster.machines.map((m) => m.toLowerCase()))) {
      const owner = machines.get(machine);
      if (owner) throw new Error(`readTopologyDocument: machine ${machine} is in pool ${owner.fqdn} (line ${owner.line}) and in pool ${cluster.fqdn} (line ${cluster.line}); a server belongs to one pool: remove it from one`);
      machines.set(machine, cluster);
    }
  }
}

function derive(raw: RawDocument): TopologyDocument {
  const warnings = [...raw.warnings];
  const unknown: TopologyDocumentUnknown[] = [...raw.unknown];
  const clusterOf = new Map<string, RawCluster>();
  for (const cluster of raw.clusters) {
    clusterOf.set(cluster.key, cluster);
    for (const instance of cluster.sqlInstances) clusterOf.set(instance.key, cluster);
  }
  const serviceByKey = new Map(raw.services.map((s) => [s.key, s]));
  const servicesOf = new Map<RawCluster, RawService[]>();
  for (const service of raw.services) {
    const cluster = clusterOf.get(service.installedOn);
    if (!cluster) {
      warnings.push(`service ${service.role} (line ${service.line}) is installed on ${service.installedOn || 'nothing'}, which the document does not define: it is not read`);
      unknown.push({ what: `service ${service.role}`, where: service.installedOn || '(none)', line: service.line, xml: serializeXml(service.element) });
      continue;
    }
    servicesOf.set(cluster, [...(servicesOf.get(cluster) ?? []), service]);
    if (!KNOWN_SERVICES.has(service.role)) {
      warnings.push(`service ${service.role} on ${cluster.fqdn} (line ${service.line}) is not modelled: kept in unknown, and not imported`);
      unknown.push({ what: `service ${service.role}`, where: cluster.fqdn, line: service.line, xml: serializeXml(service.element) });
    }
  }
  const poolOf = (service: RawService | undefined) => (service ? clusterOf.get(service.installedOn)?.fqdn : undefined);
  const dependencyOf = (service: RawService | undefined, ...roles: string[]) =>
    service?.dependencies.map((d) => serviceByKey.get(d.key)).find((d) => d !== undefined && roles.includes(d.role));

  const isBranch = (fqdn: string) => raw.clusters.some((c) => c.branch && c.fqdn === fqdn);
  const gatewayUser = new Map<string, string>();
  const dependencies: TopologyDocumentDependency[] = [];
  const pairs = new Map<string, { primary: string; backup: string }>();
  for (const service of raw.services) {
    const pool = poolOf(service);
    if (!pool) continue;
    for (const dependency of service.dependencies) {
      const target = serviceByKey.get(dependency.key);
      const onPool = poolOf(target);
      if (!target || !onPool) {
        warnings.push(`service ${service.role} on ${pool} (line ${service.line}) depends on ${dependency.key}, which the document does not define`);
        continue;
      }
      dependencies.push({ service: service.role, pool, dependsOn: target.role, onPool, usage: dependency.usage });
      if (service.role === 'MediationServer' && target.role === 'PstnGateway' && !gatewayUser.has(onPool)) gatewayUser.set(onPool, pool);
      // A survivable branch's backup Registrar is the same Backup dependency; it is not a pool pairing.
      if (/^backup/i.test(dependency.usage) && onPool !== pool && !isBranch(pool) && !isBranch(onPool)) {
        const key = [pool, onPool].sort().join('|');
        if (!pairs.has(key)) pairs.set(key, { primary: pool, backup: onPool });
      }
    }
  }

  // Mirrors and witnesses are SQL stores that hold no store of their own until a failover.
  const partners = new Set(raw.clusters.flatMap((c) => c.sqlInstances.flatMap((i) => [i.mirrorFqdn, i.witnessFqdn])).filter((f): f is string => !!f).map((f) => f.toLowerCase()));
  const pools = raw.clusters.map((cluster): TopologyDocumentPool => {
    const services = servicesOf.get(cluster) ?? [];
    const has = (role: string) => services.find((s) => s.role === role);
    const partner = partners.has(cluster.fqdn.toLowerCase()) && cluster.sqlInstances.length > 0;
    const role = partner && !services.length ? DocumentPoolRole.SQL_STORE : roleOf(cluster, services);
    if (!services.length && !partner) warnings.push(`pool ${cluster.fqdn} (line ${cluster.line}) has no service installed: read as role Other`);
    const edge = has('EdgeServer');
    const userServices = has('UserServices');
    const chat = services.find((s) => CHAT_SERVICES.has(s.role));
    const backEnd = poolOf(dependencyOf(userServices, 'UserStore') ?? dependencyOf(chat, 'PersistentChatStore'));
    const fileStore = poolOf(dependencyOf(userServices, 'FileStore') ?? dependencyOf(has('WebServices'), 'FileStore'));
    const nextHop = poolOf(dependencyOf(edge ?? (role === DocumentPoolRole.MEDIATION ? has('MediationServer') : chat), 'Registrar'));
    const edgePool = poolOf(dependencyOf(has('Registrar'), 'EdgeServer'));
    const officeOnlineServer = poolOf(dependencyOf(has('ConfServices'), 'WacService'));
    const wac = has('WacService') && childNamed(has('WacService')!.element, 'WacService');
    const backupRegistrar = role === DocumentPoolRole.SURVIVABLE_BRANCH ? has('Registrar')?.dependencies.filter((d) => /^backup/i.test(d.usage)).map((d) => poolOf(serviceByKey.get(d.key)))[0] : undefined;
    const gateway = has('PstnGateway');
    const central = has('CentralMgmt');
    return {
      fqdn: cluster.fqdn,
      site: cluster.site,
      role,
      machines: cluster.machines,
      services: [...new Set(services.map((s) => s.role))].sort(),
      line: cluster.line,
      ...(backEnd && backEnd !== cluster.fqdn ? { backEnd } : {}),
      ...(fileStore && fileStore !== cluster.fqdn ? { fileStore } : {}),
      ...(nextHop && nextHop !== cluster.fqdn ? { nextHop } : {}),
      ...(edgePool ? { edgePool } : {}),
      ...(edge ? { ...edgeFqdns(edge.element), ...edgeOptions(edge.element, cluster) } : {}),
      ...(officeOnlineServer ? { officeOnlineServer } : {}),
      ...(wac && wac.attributes.DiscoveryUrl ? { discoveryUrl: wac.attributes.DiscoveryUrl } : {}),
      ...(backupRegistrar ? { backupRegistrar } : {}),
      ...(gateway ? gatewayOf(gateway.element, cluster, gatewayUser.get(cluster.fqdn)) : {}),
      ...(central && central.element && childNamed(central.element, 'CentralMgmtService')?.attributes.IsActive !== 'false' ? { centralManagement: true } : {}),
    };
  });

  return {
    format: raw.format,
    defaultSipDomain: raw.defaultSipDomain,
    sipDomains: raw.sipDomains,
    serviceVersion: Math.max(0, ...raw.services.map((s) => Number(s.element.attributes.ServiceVersion)).filter(Number.isFinite)),
    sites: raw.sites,
    branchSites: raw.branchSites,
    pools,
    sqlInstances: raw.clusters.flatMap((cluster) =>
      cluster.sqlInstances.map((instance) => ({
        fqdn: cluster.fqdn,
        instance: instance.name,
        site: cluster.site,
        stores: [...new Set((servicesOf.get(cluster) ?? []).filter((s) => s.installedOn === instance.key).map((s) => s.role))].sort(),
        ...(instance.alwaysOnPrimaryNodeFqdn ? { alwaysOnPrimaryNodeFqdn: instance.alwaysOnPrimaryNodeFqdn } : {}),
        ...(instance.mirrorFqdn ? { mirrorFqdn: instance.mirrorFqdn } : {}),
        ...(instance.witnessFqdn ? { witnessFqdn: instance.witnessFqdn } : {}),
      })),
    ),
    fileShares: raw.services
      .filter((s) => s.role === 'FileStore' && clusterOf.has(s.installedOn))
      .map((s) => ({ fqdn: clusterOf.get(s.installedOn)!.fqdn, shareName: childNamed(s.element, 'FileStoreService')?.attributes.ShareName ?? '', site: clusterOf.get(s.installedOn)!.site })),
    simpleUrls: raw.simpleUrls,
    pairings: [...pairs.values()],
    dependencies,
    unknown,
    warnings,
  };
}

function roleOf(cluster: RawCluster, services: readonly RawService[]): DocumentPoolRole {
  const has = (role: string) => services.some((s) => s.role === role);
  const ownSqlKeys = new Set(cluster.sqlInstances.map((i) => i.key));
  if (has('EdgeServer')) return DocumentPoolRole.EDGE;
  if (has('PstnGateway')) return DocumentPoolRole.PSTN_GATEWAY;
  if (cluster.branch && has('Registrar')) return DocumentPoolRole.SURVIVABLE_BRANCH;
  const registrar = services.find((s) => s.role === 'Registrar');
  if (registrar && childNamed(registrar.element, 'RegistrarService')?.attributes.IsDirector === 'true') return DocumentPoolRole.DIRECTOR;
  if (has('UserServices')) {
    const localStore = services.some((s) => s.role === 'UserStore' && ownSqlKeys.has(s.installedOn));
    return localStore ? DocumentPoolRole.STANDARD_EDITION : DocumentPoolRole.FRONT_END;
  }
  if (has('MediationServer')) return DocumentPoolRole.MEDIATION;
  if (services.some((s) => CHAT_SERVICES.has(s.role))) return DocumentPoolRole.PERSISTENT_CHAT;
  if (has('WacService')) return DocumentPoolRole.OFFICE_ONLINE_SERVER;
  if (services.some((s) => ownSqlKeys.has(s.installedOn))) return DocumentPoolRole.SQL_STORE;
  if (has('FileStore')) return DocumentPoolRole.FILE_STORE;
  return DocumentPoolRole.OTHER;
}

/** External FQDNs of an Edge service, from the `ConfiguredFqdn` of its external ports. */
function edgeFqdns(service: XmlElement): Partial<TopologyDocumentPool> {
  const ports = childrenNamed(childNamed(service, 'Ports') ?? service, 'Port').filter((p) => p.attributes.InterfaceSide === 'External' && p.attributes.ConfiguredFqdn);
  const of = (owner: string, usage?: string) => ports.find((p) => p.attributes.Owner === `urn:component:${owner}` && (!usage || p.attributes.Usage === usage));
  const access = of('AccessEdge', 'SipClient') ?? of('AccessEdge');
  const data = of('DataEdge');
  const media = of('MediaRelayEdge');
  const port = access ? Number(access.attributes.ConfiguredPort ?? access.attributes.Port) : NaN;
  return {
    ...(access ? { accessEdgeFqdn: access.attributes.ConfiguredFqdn } : {}),
    ...(data ? { webConferencingEdgeFqdn: data.attributes.ConfiguredFqdn } : {}),
    ...(media ? { audioVideoEdgeFqdn: media.attributes.ConfiguredFqdn } : {}),
    ...(Number.isInteger(port) ? { accessEdgePort: port } : {}),
  };
}

/**
 * Federation and NAT of an Edge pool, as the AutomatedLab Contoso.tbxml shows them: the Access Edge's
 * external `SipServer` port 5061 is there when federation is enabled, and an external interface translated
 * by NAT carries the public address in `ConfiguredIPAddress`.
 */
function edgeOptions(service: XmlElement, cluster: RawCluster): Partial<TopologyDocumentPool> {
  const ports = childrenNamed(childNamed(service, 'Ports') ?? service, 'Port');
  const federation = ports.some((p) => p.attributes.Owner === 'urn:component:AccessEdge' && p.attributes.Usage === 'SipServer' && p.attributes.InterfaceSide === 'External');
  const xmpp = ports.some((p) => p.attributes.Owner === 'urn:component:XmppFederationProxy');
  const nat = cluster.machineElements.some((m) => childrenNamed(m, 'NetInterface').some((n) => n.attributes.InterfaceSide === 'External' && n.attributes.ConfiguredIPAddress !== undefined));
  return { ...(federation ? { federation: true } : {}), ...(xmpp ? { xmppFederation: true } : {}), ...(nat ? { externalNat: true } : {}) };
}

/** A PSTN gateway's address (its machine's primary interface), listening port and transport, and who uses it. */
function gatewayOf(service: XmlElement, cluster: RawCluster, mediationPool: string | undefined): Partial<TopologyDocumentPool> {
  const port = childrenNamed(childNamed(service, 'Ports') ?? service, 'Port')[0];
  const address = cluster.machineElements.flatMap((m) => childrenNamed(m, 'NetInterface')).find((n) => n.attributes.InterfaceSide === 'Primary')?.attributes.IPAddress;
  const number = port ? Number(port.attributes.Port) : NaN;
  return {
    ...(mediationPool ? { mediationPool } : {}),
    ...(address && address !== '0.0.0.0' ? { gatewayAddress: address } : {}),
    ...(Number.isInteger(number) ? { gatewayPort: number } : {}),
    ...(port?.attributes.Protocol ? { gatewayTransport: port.attributes.Protocol } : {}),
  };
}
