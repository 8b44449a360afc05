/**
 * The deployment as a Topology Builder document (`.tbxml`), a pure function of the plan: the SfB side of
 * what the library builds on Azure, with the same FQDNs, pools, machines, stores, pairings and Edge next
 * hops, so the topology published into the Central Management Store cannot drift from the Azure side.
 *
 * Shape and namespaces follow the real Topology Builder files in test/fixtures/topology/ (clusters
 * under their site, services referring to clusters and to each other by UniqueId). UniqueIds are
 * derived from the deployment path and the element's key, so the same plan always writes the same
 * document and a day-2 change touches only what changed. docs/topology-document.md says, element by
 * element, which encodings a real document confirms and which are guesses, and what the admin fills in
 * (the Edge servers' public A/V addresses, known only after apply).
 */
import { createHash } from 'crypto';
import { BackEndMode, PoolEdition, ProductVersion } from '../enums';
import type { ServerModel, TopologyModel } from '../model/topology';
import { voiceOf } from '../model/voice';
import { DocumentBuilder, DocumentCluster as Cluster, DocumentService as Service, NS } from './topology-document-parts';
import { FEDERATION_PORT, PortRow, SERVICE_PORTS, XMPP_PORTS } from './topology-document-ports';
import { addVoice } from './topology-document-voice';
import { backEndInstance, STANDARD_EDITION_SQL_INSTANCE } from '../model/sql-instance';
import { el, renderXml, XmlNode } from './xml-writer';

/** `ServiceVersion` of each product, as Topology Builder writes it (7: the 2015 file, 8: the 2019 file). */
const SERVICE_VERSION: Readonly<Record<ProductVersion, number>> = Object.freeze({
  [ProductVersion.LYNC_SERVER_2013]: 6,
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: 7,
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: 8,
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: 8,
});
/** Services Topology Builder writes with a `Type` (those with a role-specific child element). */
const SERVICE_TYPE: Readonly<Record<string, string>> = Object.freeze({
  Registrar: 'RegistrarService',
  FileStore: 'FileStoreService',
  WebServices: 'WebService',
  WacService: 'WacService',
  ConfServices: 'ConfService',
  ApplicationServer: 'ApplicationServerService',
  CentralMgmt: 'CentralMgmtService',
});

/** Builds the clusters and services of a plan, then writes them; see the module comment. */
export function topologyDocument(model: TopologyModel): string {
  const clusters = new Map<string, Cluster>();
  const services = new Map<string, Service>();
  const addCluster = (c: Cluster) => (clusters.has(c.key) ? undefined : clusters.set(c.key, c));
  const addService = (s: Service) => (services.has(s.key) ? undefined : services.set(s.key, s));
  const svc = (role: string, fqdn: string) => `${role}:${fqdn.toLowerCase()}`;
  const sqlKey = (fqdn: string) => `sql:${fqdn.toLowerCase()}`;
  const poolFqdn = new Map<string, string>([...model.frontEndPools, ...model.directorPools].map((p) => [p.path, p.fqdn]));
  const edgeFqdn = new Map(model.edgePools.map((e) => [e.path, e.internalFqdn]));
  const backEnds = new Map(model.backEnds.map((b) => [b.path, b]));
  const builder: DocumentBuilder = { addCluster, addService, svc, poolFqdn };
  const gatewaysOf = addVoice(model, builder);
  const gateways = (path: string) => (gatewaysOf.get(path) ?? []).map((g) => [g, 'Default'] as const);
  const sqlStore = (sitePath: string, fqdn: string, name: string, ha: { alwaysOnPrimary?: string; mirror?: string; witness?: string }) => {
    addCluster({ key: fqdn.toLowerCase(), sitePath, fqdn, servers: [], sql: { name, ...ha } });
    // A mirror and a witness are SQL stores of their own in Topology Builder.
    for (const partner of [ha.mirror, ha.witness]) if (partner) addCluster({ key: partner.toLowerCase(), sitePath, fqdn: partner, servers: [], sql: { name } });
  };

  for (const be of model.backEnds) {
    const primary = be.mode === BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP ? be.replicas?.find((r) => r.role === 'Primary')?.serverPath : undefined;
    const alwaysOnPrimary = be.servers.find((s) => s.path === primary)?.fqdn;
    const mirrored = be.mode === BackEndMode.MIRRORING;
    const mirror = mirrored ? be.servers.find((s) => s.fqdn.toLowerCase() !== be.storeFqdn.toLowerCase())?.fqdn : undefined;
    const witness = mirrored ? be.witnessServer?.fqdn : undefined;
    sqlStore(be.sitePath, be.storeFqdn, backEndInstance(be) ?? '', { ...(alwaysOnPrimary ? { alwaysOnPrimary } : {}), ...(mirror ? { mirror } : {}), ...(witness ? { witness } : {}) });
  }
  const wacOf = new Map<string, string>();
  for (const farm of model.officeOnlineFarms ?? []) {
    const on = farm.fqdn.toLowerCase();
    // Topology Builder knows a farm by its FQDN and discovery URL only, as the Contoso.tbxml's Office Web Apps Server.
    addCluster({ key: on, sitePath: farm.sitePath, fqdn: farm.fqdn, servers: [] });
    addService({ key: svc('WacService', farm.fqdn), role: 'WacService', installedOn: on, dependsOn: [], body: [el('WacService', [['DiscoveryUrl', `https://${farm.fqdn}/hosting/discovery/`], ['IsExternal', false], ['xmlns', NS.roles]])] });
    wacOf.set(farm.path, svc('WacService', farm.fqdn));
  }
  const shareOf = new Map<string, { host: string; share: string }>();
  for (const fs of model.fileStores) {
    const [host, share] = fs.shareUnc.replace(/^\\\\/, '').split('\\');
    addCluster({ key: host.toLowerCase(), sitePath: fs.sitePath, fqdn: host, servers: [] });
    const key = svc('FileStore', `${host}\\${share}`);
    addService({ key, role: 'FileStore', installedOn: host.toLowerCase(), dependsOn: [], body: [el('FileStoreService', [['ShareName', share], ['xmlns', NS.roles]])] });
    for (const pool of fs.poolPaths) shareOf.set(pool, { host, share });
  }
  const fileStoreKey = (poolPath: string) => {
    const share = shareOf.get(poolPath);
    return share ? svc('FileStore', `${share.host}\\${share.share}`) : undefined;
  };
  const deps = (...pairs: (readonly [string | undefined, string])[]) => pairs.filter((p): p is readonly [string, string] => p[0] !== undefined);

  for (const pool of model.frontEndPools) {
    const standard = pool.edition === PoolEdition.STANDARD;
    const backEnd = pool.backEndPath ? backEnds.get(pool.backEndPath) : undefined;
    addCluster({ key: pool.fqdn.toLowerCase(), sitePath: pool.sitePath, fqdn: pool.fqdn, servers: pool.servers, pstn: pool.collocatedMediation, ...(standard ? { sql: { name: STANDARD_EDITION_SQL_INSTANCE } } : {}) });
    const store = standard ? sqlKey(pool.fqdn) : backEnd ? sqlKey(backEnd.storeFqdn) : undefined;
    const storeName = standard ? pool.fqdn : backEnd?.storeFqdn;
    if (store && storeName) {
      addService({ key: svc('UserStore', storeName), role: 'UserStore', installedOn: store, dependsOn: [] });
      addService({ key: svc('ApplicationStore', storeName), role: 'ApplicationStore', installedOn: store, dependsOn: [] });
    }
    const on = pool.fqdn.toLowerCase();
    const fileStore = fileStoreKey(pool.path);
    const edge = pool.associatedEdgePath ? edgeFqdn.get(pool.associatedEdgePath) : undefined;
    const edgeService = edge ? svc('EdgeServer', edge) : undefined;
    const partner = model.pairs.map((p) => (p.primaryPath === pool.path ? p.backupPath : p.backupPath === pool.path ? p.primaryPath : undefined)).find((p) => p);
    addService({ key: svc('UserServices', pool.fqdn), role: 'UserServices', installedOn: on, dependsOn: deps([storeName && svc('UserStore', storeName), 'Default'], [fileStore, 'Default'], [svc('ConfServices', pool.fqdn), 'Default']) });
    addService({
      key: svc('Registrar', pool.fqdn),
      role: 'Registrar',
      installedOn: on,
      dependsOn: deps([svc('UserServices', pool.fqdn), 'Default'], [svc('WebServices', pool.fqdn), 'Default'], [edgeService, 'Default'], [partner && svc('Registrar', poolFqdn.get(partner)!), 'Backup']),
      body: [el('RegistrarService', [['IsDirector', false], ['xmlns', NS.roles]])],
    });
    addService(webServices(pool.fqdn, pool.externalWebFqdn, on, deps([fileStore, 'Default'], [svc('UserServices', pool.fqdn), 'Default'])));
    const wac = pool.officeOnlineFarmPath ? wacOf.get(pool.officeOnlineFarmPath) : undefined;
    addService({ key: svc('ConfServices', pool.fqdn), role: 'ConfServices', installedOn: on, dependsOn: deps([fileStore, 'Default'], [svc('WebServices', pool.fqdn), 'Default'], [svc('UserServices', pool.fqdn), 'Default'], [wac, 'Default'], [edgeService, 'Default']) });
    addService({ key: svc('ApplicationServer', pool.fqdn), role: 'ApplicationServer', installedOn: on, dependsOn: deps([svc('Registrar', pool.fqdn), 'Default'], [fileStore, 'Default'], [storeName && svc('ApplicationStore', storeName), 'Default']), body: [el('ApplicationServerService', [['xmlns', NS.roles]])] });
    if (pool.collocatedMediation) addService({ key: svc('MediationServer', pool.fqdn), role: 'MediationServer', installedOn: on, dependsOn: [...deps([svc('Registrar', pool.fqdn), 'Default'], [edgeService, 'Default']), ...gateways(pool.path)] });
    if (pool.hostsCentralManagementStore && store && storeName) {
      addService({ key: svc('CentralMgmtStore', storeName), role: 'CentralMgmtStore', installedOn: store, dependsOn: [] });
      addService({ key: svc('CentralMgmt', pool.fqdn), role: 'CentralMgmt', installedOn: on, dependsOn: deps([svc('CentralMgmtStore', storeName), 'Default'], [fileStore, 'Default']), body: [el('CentralMgmtService', [['IsActive', true], ['xmlns', NS.roles]])] });
    }
  }
  for (const dir of model.directorPools) {
    const on = dir.fqdn.toLowerCase();
    addCluster({ key: on, sitePath: dir.sitePath, fqdn: dir.fqdn, servers: dir.servers });
    addService({ key: svc('Registrar', dir.fqdn), role: 'Registrar', installedOn: on, dependsOn: [[svc('WebServices', dir.fqdn), 'Default']], body: [el('RegistrarService', [['IsDirector', true], ['xmlns', NS.roles]])] });
    addService(webServices(dir.fqdn, dir.externalWebFqdn, on, []));
  }
  for (const edge of model.edgePools) {
    const on = edge.internalFqdn.toLowerCase();
    addCluster({ key: on, sitePath: edge.sitePath, fqdn: edge.internalFqdn, servers: edge.servers, edge: true, nat: edge.externalNat === true });
    const nextHop = poolFqdn.get(edge.nextHopPath);
    addService({
      key: svc('EdgeServer', edge.internalFqdn),
      role: 'EdgeServer',
      installedOn: on,
      dependsOn: deps([nextHop && svc('Registrar', nextHop), 'Default']),
      ports: [...SERVICE_PORTS.get('EdgeServer')!, ...(edge.federation ? [FEDERATION_PORT] : []), ...(edge.xmppFederation ? XMPP_PORTS : [])],
      fqdns: { '{access}': edge.accessEdgeFqdn, '{webconf}': edge.webConferencingEdgeFqdn, '{av}': edge.audioVideoEdgeFqdn },
    });
    addService({ key: svc('ManagementServices', edge.internalFqdn), role: 'ManagementServices', installedOn: on, dependsOn: [] });
  }
  for (const med of model.mediationPools) {
    const on = med.fqdn.toLowerCase();
    addCluster({ key: on, sitePath: med.sitePath, fqdn: med.fqdn, servers: med.servers, pstn: true });
    const nextHop = poolFqdn.get(med.nextHopPath);
    addService({ key: svc('MediationServer', med.fqdn), role: 'MediationServer', installedOn: on, dependsOn: [...deps([nextHop && svc('Registrar', nextHop), 'Default']), ...gateways(med.path)] });
  }
  for (const chat of model.chatPools) {
    const on = chat.fqdn.toLowerCase();
    addCluster({ key: on, sitePath: chat.primarySitePath, fqdn: chat.fqdn, servers: chat.servers });
    const own = (fn: string) => chat.databaseServers.find((d) => d.function === fn && d.database === 'mgc')?.server.fqdn;
    const storeFqdn = chat.backEndPath ? backEnds.get(chat.backEndPath)?.storeFqdn : own('primary');
    if (!chat.backEndPath && storeFqdn) sqlStore(chat.primarySitePath, storeFqdn, '', { ...(own('mirror') ? { mirror: own('mirror') } : {}), ...(own('witness') ? { witness: own('witness') } : {}) });
    if (storeFqdn) {
      addService({ key: svc('PersistentChatStore', storeFqdn), role: 'PersistentChatStore', installedOn: sqlKey(storeFqdn), dependsOn: [] });
      if (chat.compliance) addService({ key: svc('PersistentChatComplianceStore', storeFqdn), role: 'PersistentChatComplianceStore', installedOn: sqlKey(storeFqdn), dependsOn: [] });
    }
    const home = poolFqdn.get(chat.homePoolPath);
    // The chat front end's role name, as Microsoft's Persistent Chat documentation names it.
    addService({ key: svc('PersistentChatService', chat.fqdn), role: 'PersistentChatService', installedOn: on, dependsOn: deps([storeFqdn && svc('PersistentChatStore', storeFqdn), 'Default'], [home && svc('Registrar', home), 'Default']) });
  }

  return render(model, [...clusters.values()], [...services.values()]);

  function webServices(fqdn: string, externalWebFqdn: string, on: string, dependsOn: readonly (readonly [string, string])[]): Service {
    const settings = el('ExternalSettings', [['Host', externalWebFqdn]], [el('OverrideUrls')]);
    return { key: svc('WebServices', fqdn), role: 'WebServices', installedOn: on, dependsOn, body: [el('WebService', [['xmlns', NS.roles]], [settings])] };
  }
}

function render(model: TopologyModel, clusters: readonly Cluster[], services: readonly Service[]): string {
  const id = (key: string) => {
    const h = createHash('sha1').update(`${model.path}\n${key}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const version = SERVICE_VERSION[model.productVersion];
  const roleVersion = (role: string) => (version >= 7 && ['UserServices', 'Registrar', 'EdgeServer'].includes(role) ? 2 : 1);
  const byFqdn = (a: Cluster, b: Cluster) => a.key.localeCompare(b.key);
  const clustersOf = (sitePath: string) => el('Clusters', [], clusters.filter((c) => c.sitePath === sitePath).sort(byFqdn).map((c) => cluster(c, id)));
  const named = (name: string) => [el('Name', [['xmlns', NS.topology]], [], name), el('Location', [['xmlns', NS.topology]])];
  // Branch sites are numbered after the central sites, so adding one renumbers no central site.
  const branches = voiceOf(model).branchSites.map((branch, index) => ({ branch, siteId: model.sites.length + index + 1 }));
  const sites = model.sites.map((site, index) =>
    el('CentralSite', [['SiteId', index + 1]], [
      ...named(site.name),
      clustersOf(site.path),
      el('RemoteSites', [], branches.filter((b) => b.branch.centralSitePath === site.path).map(({ branch, siteId }) => el('BranchSite', [['SiteId', siteId]], [...named(branch.name), clustersOf(branch.path)]))),
    ]),
  );
  const serviceNodes = [...services].sort((a, b) => a.key.localeCompare(b.key)).map((s) =>
    el(
      'Service',
      [['UniqueId', id(s.key)], ['RoleName', s.role], ['RoleVersion', roleVersion(s.role)], ['InstalledOn', id(s.installedOn)], ['ServiceVersion', version], ['Type', SERVICE_TYPE[s.role] && `Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.${SERVICE_TYPE[s.role]}`]],
      [
        el('DependsOn', [], s.dependsOn.map(([key, usage]) => el('Dependency', [['ServiceUniqueId', id(key)], ['Usage', usage]]))),
        el('Ports', [['xmlns', NS.roles]], (s.ports ?? SERVICE_PORTS.get(s.role) ?? []).map((p) => port(p, s.fqdns ?? {}))),
        ...(s.body ?? []),
      ],
    ),
  );
  const urls = model.simpleUrls?.urls ?? [];
  const component = { meet: 'Meet', dialin: 'Dialin', admin: 'Cscp' } as const;
  const simpleUrls = el('SimpleUrlConfiguration', [['UseBackendDatabase', false], ['xmlns', NS.simpleUrl]], urls.map((u) =>
    el('SimpleUrl', [['Component', component[u.kind]], ['Domain', u.kind === 'meet' ? model.sipDomain : '*'], ['ActiveUrl', u.url]], [el('SimpleUrlEntry', [['Url', u.url]])]),
  ));
  const partial = el('PartialTopology', [['IsPublished', false], ['Signature', '00000000-0000-0000-0000-000000000000'], ['xmlns', NS.writable]], [
    el('InternalDomains', [['AllowAllDomains', false], ['DefaultDomain', model.sipDomain], ['xmlns', NS.topology]], [el('InternalDomain', [['Name', model.sipDomain], ['Authoritative', false], ['AllowSubDomains', false]])]),
    simpleUrls,
    el('CentralSites', [], sites),
    el('Services', [], serviceNodes),
  ]);
  const root = el('TopologyBuilder', [['IsFreeFromChanges', false], ['xmlns', NS.builder]], [el('NewTopology', [], [partial])]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderXml(root)}\n`;
}

function cluster(c: Cluster, id: (key: string) => string): XmlNode {
  const machines = c.machines ?? (c.servers.length
    ? c.servers.map((s, i) => el('Machine', [['Fqdn', s.fqdn], ['FaultDomain', `FaultDomain${i + 1}`], ['UpgradeDomain', `UpgradeDomain${i + 1}`]], c.edge ? edgeInterfaces(s, c.nat === true) : [nic('Primary', 1, '0.0.0.0'), nic('External', 1, '0.0.0.0'), ...(c.pstn ? [nic('Pstn', 1, '0.0.0.0')] : [])]))
    : [el('Machine')]);
  const sql = c.sql
    ? [el('SqlInstance', [['UniqueId', id(`sql:${c.key}`)], ['Name', c.sql.name], ['AlwaysOnPrimaryNodeFqdn', c.sql.alwaysOnPrimary], ['MirrorSqlServerFqdn', c.sql.mirror], ['WitnessSqlServerFqdn', c.sql.witness]])]
    : [];
  const setup = c.servers.length > 0 || c.machines !== undefined;
  return el('Cluster', [['IsSingleMachineOnly', c.servers.length <= 1], ['UniqueId', id(c.key)], ['RequiresReplication', setup], ['RequiresSetup', setup], ['Fqdn', c.fqdn]], [
    el('Machines', [], machines),
    el('SqlInstances', [], sql),
  ]);
}

const nic = (side: string, n: number, ip: string) => el('NetInterface', [['InterfaceSide', side], ['InterfaceNumber', n], ['IPAddress', ip], ['xmlns', NS.topology]]);

/**
 * An Edge server's internal address and its external ones (one per service, numbered as the ports say).
 * Behind NAT the A/V interface (the last) carries its public address in `ConfiguredIPAddress`, as in the
 * Contoso.tbxml; Azure assigns it at apply time, so the document holds 0.0.0.0 there and the admin enters
 * the Edge pool's `av_public_ips` output before publishing (docs/topology-document.md).
 */
function edgeInterfaces(server: ServerModel, nat: boolean): XmlNode[] {
  const external = server.nics.find((n) => n.publicIps > 0);
  const internal = server.nics.find((n) => n !== external);
  const externalIps = (external?.privateIps ?? (external ? [external.privateIp] : [])).slice(0, 3);
  const externals = externalIps.map((ip, i) => {
    const node = nic('External', i + 1, ip);
    return nat && i === externalIps.length - 1 ? { ...node, attributes: [...node.attributes!, ['ConfiguredIPAddress', '0.0.0.0'] as const] } : node;
  });
  return [nic('Internal', 1, internal?.privateIp ?? '0.0.0.0'), ...externals];
}

/** Access Edge on external interface 1, Web Conferencing on 2, A/V on 3 (one address each). */
const EXTERNAL_INTERFACE: Readonly<Record<string, number>> = Object.freeze({ '{access}': 1, '{webconf}': 2, '{av}': 3 });

function port([owner, usage, side, number, protocol, path, authorizes, extra]: PortRow, fqdns: Readonly<Record<string, string>>): XmlNode {
  const placeholder = extra?.ConfiguredFqdn;
  const rest = Object.entries(extra ?? {}).map(([k, v]) => [k, k === 'ConfiguredFqdn' ? fqdns[v] : v] as const);
  const interfaceNumber = side === 'External' && placeholder ? EXTERNAL_INTERFACE[placeholder] : 1;
  return el('Port', [['Owner', owner], ['Usage', usage], ['InterfaceSide', side], ['InterfaceNumber', interfaceNumber], ['Port', number], ['Protocol', protocol], ['UrlPath', path], ['AuthorizesRequests', authorizes], ...rest]);
}
