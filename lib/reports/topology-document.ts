/**
 * The deployment as a Topology Builder document (`.tbxml`), a pure function of the plan: the SfB side of
 * what the library builds on Azure, with the same FQDNs, pools, machines, stores, pairings and Edge next
 * hops, so the topology published into the Central Management Store cannot drift from the Azure side.
 *
 * Shape and namespaces follow the real Topology Builder files in test/fixtures/topology/ (clusters
 * under their site, services referring to clusters and to each other by UniqueId). UniqueIds are
 * derived from the deployment path and the element's key, so the same plan always writes the same
 * document and a day-2 change touches only what changed. docs/topology-document.md lists what is not
 * written (mirroring partners, NAT public addresses, ...): Topology Builder adds those.
 */
import { createHash } from 'crypto';
import { BackEndMode, PoolEdition, ProductVersion } from '../enums';
import type { ServerModel, TopologyModel } from '../model/topology';
import { backEndInstance, STANDARD_EDITION_SQL_INSTANCE } from '../model/sql-instance';
import { PortRow, SERVICE_PORTS, XMPP_PORTS } from './topology-document-ports';
import { el, renderXml, XmlNode } from './xml-writer';

const NS = {
  builder: 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008',
  writable: 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008',
  topology: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
  roles: 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008',
  simpleUrl: 'urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008',
  web: 'urn:schema:Microsoft.Rtc.Management.Deploy.WebServices.2011',
} as const;

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
  ConfServices: 'ConfService',
  ApplicationServer: 'ApplicationServerService',
  CentralMgmt: 'CentralMgmtService',
});

interface Cluster {
  readonly key: string;
  readonly sitePath: string;
  readonly fqdn: string;
  /** Servers; empty for a store written as a single machine without an FQDN of its own. */
  readonly servers: readonly ServerModel[];
  readonly edge?: boolean;
  /** Servers that run a Mediation service have a PSTN interface (its SIP port toward gateways is on that side). */
  readonly pstn?: boolean;
  readonly sql?: { readonly name: string; readonly alwaysOnPrimary?: string };
}

interface Service {
  readonly key: string;
  readonly role: string;
  readonly installedOn: string;
  readonly dependsOn: readonly (readonly [string, string])[];
  readonly body?: readonly XmlNode[];
  readonly ports?: readonly PortRow[];
  readonly fqdns?: Readonly<Record<string, string>>;
}

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

  for (const be of model.backEnds) {
    const primary = be.mode === BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP ? be.replicas?.find((r) => r.role === 'Primary')?.serverPath : undefined;
    const alwaysOnPrimary = be.servers.find((s) => s.path === primary)?.fqdn;
    addCluster({ key: be.storeFqdn.toLowerCase(), sitePath: be.sitePath, fqdn: be.storeFqdn, servers: [], sql: { name: backEndInstance(be) ?? '', ...(alwaysOnPrimary ? { alwaysOnPrimary } : {}) } });
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
    addService({ key: svc('ConfServices', pool.fqdn), role: 'ConfServices', installedOn: on, dependsOn: deps([fileStore, 'Default'], [svc('WebServices', pool.fqdn), 'Default'], [svc('UserServices', pool.fqdn), 'Default'], [edgeService, 'Default']) });
    addService({ key: svc('ApplicationServer', pool.fqdn), role: 'ApplicationServer', installedOn: on, dependsOn: deps([svc('Registrar', pool.fqdn), 'Default'], [fileStore, 'Default'], [storeName && svc('ApplicationStore', storeName), 'Default']), body: [el('ApplicationServerService', [['xmlns', NS.roles]])] });
    if (pool.collocatedMediation) addService({ key: svc('MediationServer', pool.fqdn), role: 'MediationServer', installedOn: on, dependsOn: deps([svc('Registrar', pool.fqdn), 'Default'], [edgeService, 'Default']) });
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
    addCluster({ key: on, sitePath: edge.sitePath, fqdn: edge.internalFqdn, servers: edge.servers, edge: true });
    const nextHop = poolFqdn.get(edge.nextHopPath);
    addService({
      key: svc('EdgeServer', edge.internalFqdn),
      role: 'EdgeServer',
      installedOn: on,
      dependsOn: deps([nextHop && svc('Registrar', nextHop), 'Default']),
      ports: [...SERVICE_PORTS.get('EdgeServer')!, ...(edge.xmppFederation ? XMPP_PORTS : [])],
      fqdns: { '{access}': edge.accessEdgeFqdn, '{webconf}': edge.webConferencingEdgeFqdn, '{av}': edge.audioVideoEdgeFqdn },
    });
    addService({ key: svc('ManagementServices', edge.internalFqdn), role: 'ManagementServices', installedOn: on, dependsOn: [] });
  }
  for (const med of model.mediationPools) {
    const on = med.fqdn.toLowerCase();
    addCluster({ key: on, sitePath: med.sitePath, fqdn: med.fqdn, servers: med.servers, pstn: true });
    const nextHop = poolFqdn.get(med.nextHopPath);
    addService({ key: svc('MediationServer', med.fqdn), role: 'MediationServer', installedOn: on, dependsOn: deps([nextHop && svc('Registrar', nextHop), 'Default']) });
  }
  for (const chat of model.chatPools) {
    const on = chat.fqdn.toLowerCase();
    addCluster({ key: on, sitePath: chat.primarySitePath, fqdn: chat.fqdn, servers: chat.servers });
    const own = chat.databaseServers.find((d) => d.function === 'primary')?.server;
    const storeFqdn = chat.backEndPath ? backEnds.get(chat.backEndPath)?.storeFqdn : own?.fqdn;
    if (own && !chat.backEndPath) addCluster({ key: own.fqdn.toLowerCase(), sitePath: chat.primarySitePath, fqdn: own.fqdn, servers: [], sql: { name: '' } });
    if (storeFqdn) {
      addService({ key: svc('PersistentChatStore', storeFqdn), role: 'PersistentChatStore', installedOn: sqlKey(storeFqdn), dependsOn: [] });
      if (chat.compliance) addService({ key: svc('PersistentChatComplianceStore', storeFqdn), role: 'PersistentChatComplianceStore', installedOn: sqlKey(storeFqdn), dependsOn: [] });
    }
    const home = poolFqdn.get(chat.homePoolPath);
    addService({ key: svc('PersistentChatServer', chat.fqdn), role: 'PersistentChatServer', installedOn: on, dependsOn: deps([storeFqdn && svc('PersistentChatStore', storeFqdn), 'Default'], [home && svc('Registrar', home), 'Default']) });
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
  const sites = model.sites.map((site, index) =>
    el('CentralSite', [['SiteId', index + 1]], [
      el('Name', [['xmlns', NS.topology]], [], site.name),
      el('Location', [['xmlns', NS.topology]]),
      el('Clusters', [], clusters.filter((c) => c.sitePath === site.path).sort(byFqdn).map((c) => cluster(c, id))),
      el('RemoteSites'),
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
  const machines = c.servers.length
    ? c.servers.map((s, i) => el('Machine', [['Fqdn', s.fqdn], ['FaultDomain', `FaultDomain${i + 1}`], ['UpgradeDomain', `UpgradeDomain${i + 1}`]], c.edge ? edgeInterfaces(s) : [nic('Primary', 1, '0.0.0.0'), nic('External', 1, '0.0.0.0'), ...(c.pstn ? [nic('Pstn', 1, '0.0.0.0')] : [])]))
    : [el('Machine')];
  const sql = c.sql ? [el('SqlInstance', [['UniqueId', id(`sql:${c.key}`)], ['Name', c.sql.name], ['AlwaysOnPrimaryNodeFqdn', c.sql.alwaysOnPrimary]])] : [];
  return el('Cluster', [['IsSingleMachineOnly', c.servers.length <= 1], ['UniqueId', id(c.key)], ['RequiresReplication', c.servers.length > 0], ['RequiresSetup', c.servers.length > 0], ['Fqdn', c.fqdn]], [
    el('Machines', [], machines),
    el('SqlInstances', [], sql),
  ]);
}

const nic = (side: string, n: number, ip: string) => el('NetInterface', [['InterfaceSide', side], ['InterfaceNumber', n], ['IPAddress', ip], ['xmlns', NS.topology]]);

/** An Edge server's internal address and its external ones (one per service, numbered as the ports say). */
function edgeInterfaces(server: ServerModel): XmlNode[] {
  const external = server.nics.find((n) => n.publicIps > 0);
  const internal = server.nics.find((n) => n !== external);
  const externalIps = external?.privateIps ?? (external ? [external.privateIp] : []);
  return [nic('Internal', 1, internal?.privateIp ?? '0.0.0.0'), ...externalIps.slice(0, 3).map((ip, i) => nic('External', i + 1, ip))];
}

/** Access Edge on external interface 1, Web Conferencing on 2, A/V on 3 (one address each). */
const EXTERNAL_INTERFACE: Readonly<Record<string, number>> = Object.freeze({ '{access}': 1, '{webconf}': 2, '{av}': 3 });

function port([owner, usage, side, number, protocol, path, authorizes, extra]: PortRow, fqdns: Readonly<Record<string, string>>): XmlNode {
  const placeholder = extra?.ConfiguredFqdn;
  const rest = Object.entries(extra ?? {}).map(([k, v]) => [k, k === 'ConfiguredFqdn' ? fqdns[v] : v] as const);
  const interfaceNumber = side === 'External' && placeholder ? EXTERNAL_INTERFACE[placeholder] : 1;
  return el('Port', [['Owner', owner], ['Usage', usage], ['InterfaceSide', side], ['InterfaceNumber', interfaceNumber], ['Port', number], ['Protocol', protocol], ['UrlPath', path], ['AuthorizesRequests', authorizes], ...rest]);
}
