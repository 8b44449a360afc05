/**
 * Builds an SfbDeployment from a topology document an admin already has (readTopologyDocument): each
 * document site becomes a CentralSite in the Azure region and address space the user maps it to, each
 * pool the construct of its role with the document's FQDN and server count. The findings of the result
 * then say what the existing topology lacks for HA/DR (one site, no paired pool, a one-server Edge ...).
 *
 * The library names what it builds: servers, SQL stores and file servers get the library's computer
 * names and FQDNs, not the document's. Every such rename, every default it fills in for what the
 * document does not say, and every pool it cannot build (unknown roles), is a warning annotation on the
 * deployment, so nothing is dropped silently. Construct IDs come from the document (site name, first label of the pool FQDN),
 * so a user can find a pool to pair or extend: `deployment.node.findChild('<site>').node.findChild('<label>')`.
 */
import { Construct } from 'constructs';
import { Annotations } from '../cdktf';
import { PoolEdition, ProductVersion, SqlServerVersion, SupportPosture } from '../enums';
import { DocumentPoolRole, TopologyDocument, TopologyDocumentPool } from '../model/topology-document/document';
import { AlwaysOnBackEnd } from './always-on-back-end';
import type { IBackEnd } from './back-end';
import { SfbDeployment } from './deployment';
import { DirectorPool } from './director-pool';
import { EdgePool } from './edge-pool';
import { FileStore } from './file-store';
import { FrontEndPool } from './front-end-pool';
import { importVoice } from './import-topology-voice';
import { MediationPool } from './mediation-pool';
import { MirroredBackEnd } from './mirrored-back-end';
import { OfficeOnlineServerFarm } from './office-online-server-farm';
import { PairedPools } from './paired-pools';
import { StretchedPersistentChatPool } from './persistent-chat-pool';
import { CentralSite } from './site';
import { StandaloneBackEnd } from './standalone-back-end';

/** Where a document site goes on Azure. */
export interface ImportedSiteOptions {
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /** Address space of the site's virtual network, e.g. `10.10.0.0/16`. */
  readonly addressSpace: string;
  /** Availability zones. @default the CentralSite default (zones 1, 2, 3 where the region has them) */
  readonly availabilityZones?: string[];
}

export interface ImportTopologyOptions {
  /** Each document site by name, mapped to its Azure region and address space. Every site needs one. */
  readonly sites: { readonly [documentSite: string]: ImportedSiteOptions };
  /** Product version. @default from the document's ServiceVersion (6: 2013, 7: 2015, 8: 2019); an error when it has none */
  readonly productVersion?: ProductVersion;
  /** SIP domain. @default the document's default SIP domain */
  readonly sipDomain?: string;
  /** AD domain of the servers. @default the domain of the first Front End pool's first machine */
  readonly adDomain?: string;
  /** SQL Server version of the back ends. @default SQL Server 2012 for Lync Server 2013, 2014 for 2015, 2019 otherwise */
  readonly sqlVersion?: SqlServerVersion;
  /** Support posture of the deployment. @default the SfbDeployment default */
  readonly supportPosture?: SupportPosture;
  /** Day the lifecycle rules judge support against (`YYYY-MM-DD`). @default today */
  readonly evaluationDate?: string;
}

const VERSION_BY_SERVICE_VERSION: Readonly<Record<number, ProductVersion>> = Object.freeze({
  6: ProductVersion.LYNC_SERVER_2013,
  7: ProductVersion.SKYPE_FOR_BUSINESS_2015,
  8: ProductVersion.SKYPE_FOR_BUSINESS_2019,
});
const DEFAULT_SQL: Readonly<Record<ProductVersion, SqlServerVersion>> = Object.freeze({
  [ProductVersion.LYNC_SERVER_2013]: SqlServerVersion.SQL_2012,
  [ProductVersion.SKYPE_FOR_BUSINESS_2015]: SqlServerVersion.SQL_2014,
  [ProductVersion.SKYPE_FOR_BUSINESS_2019]: SqlServerVersion.SQL_2019,
  [ProductVersion.SKYPE_FOR_BUSINESS_SE]: SqlServerVersion.SQL_2019,
});

const KNOWN_OPTIONS = ['sites', 'productVersion', 'sipDomain', 'adDomain', 'sqlVersion', 'supportPosture', 'evaluationDate'];
const KNOWN_SITE_OPTIONS = ['location', 'addressSpace', 'availabilityZones'];

function rejectUnknown(where: string, what: string, value: object, known: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !known.includes(k)).sort();
  if (unknown.length) throw new Error(`${where}: ${what}.${unknown[0]} is not an option; the options are ${known.join(', ')}`);
}

const idOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
const labelOf = (fqdn: string) => idOf(fqdn.split('.')[0]);
const domainOf = (fqdn: string) => fqdn.split('.').slice(1).join('.');
/** `base`, or `base-2`, `base-3` ... when the scope already has a child of that ID (two pools `pool.a` and `pool.b`). */
const freeId = (scope: Construct, base: string) => {
  let id = base;
  for (let n = 2; scope.node.tryFindChild(id); n++) id = `${base}-${n}`;
  return id;
};

/** An SfbDeployment built from a topology document; see the module comment. */
export function importTopologyDocument(scope: Construct, id: string, doc: TopologyDocument, options: ImportTopologyOptions): SfbDeployment {
  const where = `importTopologyDocument(${id})`;
  if (!doc || !Array.isArray(doc.pools) || !Array.isArray(doc.sites)) throw new Error(`${where}: doc must be what readTopologyDocument returns, got ${typeof doc}`);
  if (!options || typeof options.sites !== 'object' || options.sites === null) throw new Error(`${where}: options.sites is missing; map each document site (${doc.sites.map((s) => s.name).join(', ')}) to { location, addressSpace }`);
  rejectUnknown(where, 'options', options, KNOWN_OPTIONS);
  for (const name of Object.keys(options.sites).sort()) {
    const entry = options.sites[name];
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: options.sites['${name}'] is ${entry === null ? 'null' : typeof entry}; give { location, addressSpace }`);
    rejectUnknown(where, `options.sites['${name}']`, entry, KNOWN_SITE_OPTIONS);
    if (!doc.sites.some((s) => s.name === name)) throw new Error(`${where}: options.sites names "${name}", which the document has no site of; its sites are ${doc.sites.map((s) => `"${s.name}"`).join(', ')}`);
  }
  const productVersion = options.productVersion ?? VERSION_BY_SERVICE_VERSION[doc.serviceVersion];
  if (!productVersion) throw new Error(`${where}: the document's ServiceVersion (${doc.serviceVersion || 'none'}) does not say which product it is; give options.productVersion (e.g. ProductVersion.SKYPE_FOR_BUSINESS_2019)`);
  const sipDomain = options.sipDomain ?? doc.defaultSipDomain;
  if (!sipDomain) throw new Error(`${where}: the document has no default SIP domain (InternalDomains/@DefaultDomain); give options.sipDomain`);
  const frontEnds = doc.pools.filter((p) => p.role === DocumentPoolRole.FRONT_END || p.role === DocumentPoolRole.STANDARD_EDITION);
  const adDomain = options.adDomain ?? domainOf(frontEnds[0]?.machines[0] ?? '');
  if (!adDomain) throw new Error(`${where}: the document has no Front End machine to take the AD domain from; give options.adDomain`);

  const deployment = new SfbDeployment(scope, id, {
    productVersion,
    sipDomain,
    adDomain,
    ...(options.supportPosture ? { supportPosture: options.supportPosture } : {}),
    ...(options.evaluationDate ? { evaluationDate: options.evaluationDate } : {}),
  });
  const notes: string[] = [];
  const sites = new Map<string, CentralSite>();
  for (const site of doc.sites) {
    const target = options.sites[site.name];
    if (!target) throw new Error(`${where}: options.sites has no entry for document site "${site.name}"; add sites: { '${site.name}': { location: 'westeurope', addressSpace: '10.10.0.0/16' } }`);
    sites.set(site.name, new CentralSite(deployment, freeId(deployment, idOf(site.name)), { location: target.location, addressSpace: target.addressSpace, ...(target.availabilityZones ? { availabilityZones: target.availabilityZones } : {}) }));
  }
  const byFqdn = new Map(doc.pools.map((p) => [p.fqdn.toLowerCase(), p]));
  const find = (fqdn: string | undefined) => (fqdn ? byFqdn.get(fqdn.toLowerCase()) : undefined);
  const sqlVersion = options.sqlVersion ?? DEFAULT_SQL[productVersion];
  const backEnds = new Map<string, IBackEnd>();
  const fileStores = new Map<string, FileStore>();
  const built = new Map<string, FrontEndPool | DirectorPool>();
  const cmsInDocument = frontEnds.some((p) => p.centralManagement);
  const chatStores = new Set<string>();
  const mediationPools = new Map<string, MediationPool>();

  const backEndFor = (pool: TopologyDocumentPool): IBackEnd | undefined => {
    const store = find(pool.backEnd);
    if (!store) return undefined;
    const existing = backEnds.get(store.fqdn);
    if (existing) return existing;
    const site = sites.get(store.site)!;
    const instance = doc.sqlInstances.find((i) => i.fqdn === store.fqdn);
    const backEndId = freeId(site, `backend-${labelOf(store.fqdn)}`);
    const [backEnd, kind] = instance?.alwaysOnPrimaryNodeFqdn
      ? [new AlwaysOnBackEnd(site, backEndId, { sqlVersion }), 'AlwaysOn']
      : instance?.mirrorFqdn
        ? [new MirroredBackEnd(site, backEndId, { sqlVersion, witness: instance.witnessFqdn !== undefined }), `mirrored with ${instance.mirrorFqdn}${instance.witnessFqdn ? `, witness ${instance.witnessFqdn}` : ', no witness'}`]
        : [new StandaloneBackEnd(site, backEndId, { sqlVersion }), 'stand-alone'];
    notes.push(`SQL store ${store.fqdn} is built as ${backEnd.node.path} (${kind}) with the library's server names`);
    backEnds.set(store.fqdn, backEnd);
    return backEnd;
  };
  const fileStoreFor = (pool: TopologyDocumentPool): FileStore | undefined => {
    const store = find(pool.fileStore);
    if (!store || store.role !== DocumentPoolRole.FILE_STORE) return undefined;
    const key = `${pool.site}|${store.fqdn}`;
    if (!fileStores.has(key)) {
      const share = doc.fileShares.find((s) => s.fqdn === store.fqdn)?.shareName;
      const fileStore = new FileStore(sites.get(pool.site)!, freeId(sites.get(pool.site)!, `files-${labelOf(store.fqdn)}`), share ? { shareName: share } : {});
      notes.push(`file store ${store.fqdn} is built as ${fileStore.node.path} with the library's file servers`);
      fileStores.set(key, fileStore);
    }
    return fileStores.get(key);
  };

  for (const pool of frontEnds) {
    const standard = pool.role === DocumentPoolRole.STANDARD_EDITION;
    const backEnd = standard ? undefined : backEndFor(pool);
    if (!standard && !backEnd) throw new Error(`${where}: Front End pool ${pool.fqdn} (line ${pool.line}) is Enterprise Edition but the document gives it no SQL store (a UserStore dependency); fix the document in Topology Builder`);
    const fileStore = fileStoreFor(pool);
    built.set(pool.fqdn.toLowerCase(), new FrontEndPool(sites.get(pool.site)!, freeId(sites.get(pool.site)!, labelOf(pool.fqdn)), {
      fqdn: pool.fqdn,
      edition: standard ? PoolEdition.STANDARD : PoolEdition.ENTERPRISE,
      frontEndServers: pool.machines.length,
      ...(backEnd ? { backEnd } : {}),
      ...(fileStore ? { fileStore } : {}),
      ...(cmsInDocument ? { hostsCentralManagementStore: pool.centralManagement === true } : {}),
      ...(pool.services.includes('MediationServer') ? { collocatedMediation: true } : {}),
    }));
  }
  for (const pool of doc.pools.filter((p) => p.role === DocumentPoolRole.DIRECTOR)) {
    built.set(pool.fqdn.toLowerCase(), new DirectorPool(sites.get(pool.site)!, freeId(sites.get(pool.site)!, labelOf(pool.fqdn)), { fqdn: pool.fqdn, servers: pool.machines.length }));
  }
  doc.pools.filter((p) => p.role === DocumentPoolRole.EDGE).forEach((pool, index) => {
    const nextHop = pool.nextHop ? built.get(pool.nextHop.toLowerCase()) : undefined;
    if (!nextHop) throw new Error(`${where}: Edge pool ${pool.fqdn} (line ${pool.line}) has no next hop the document defines (its EdgeServer depends on no Front End or Director Registrar); set the next hop in Topology Builder`);
    const [access, webConferencing, audioVideo] = [pool.accessEdgeFqdn, pool.webConferencingEdgeFqdn, pool.audioVideoEdgeFqdn];
    if (!access || !webConferencing || !audioVideo) throw new Error(`${where}: Edge pool ${pool.fqdn} (line ${pool.line}) lacks an external FQDN (Access ${access ?? 'missing'}, Web Conferencing ${webConferencing ?? 'missing'}, A/V ${audioVideo ?? 'missing'}); set them in Topology Builder`);
    new EdgePool(sites.get(pool.site)!, freeId(sites.get(pool.site)!, labelOf(pool.fqdn)), { internalFqdn: pool.fqdn, accessEdgeFqdn: access, webConferencingEdgeFqdn: webConferencing, audioVideoEdgeFqdn: audioVideo, nextHop, srvPriority: 10 * (index + 1), servers: pool.machines.length, federation: pool.federation === true, xmppFederation: pool.xmppFederation === true });
  });
  for (const pool of doc.pools.filter((p) => p.role === DocumentPoolRole.MEDIATION)) {
    const nextHop = pool.nextHop ? built.get(pool.nextHop.toLowerCase()) : undefined;
    if (!(nextHop instanceof FrontEndPool)) throw new Error(`${where}: Mediation pool ${pool.fqdn} (line ${pool.line}) has no Front End pool as next hop in the document; set it in Topology Builder`);
    mediationPools.set(pool.fqdn.toLowerCase(), new MediationPool(sites.get(pool.site)!, freeId(sites.get(pool.site)!, labelOf(pool.fqdn)), { fqdn: pool.fqdn, servers: pool.machines.length, nextHop }));
  }
  const farms = new Map<string, OfficeOnlineServerFarm>();
  for (const pool of doc.pools.filter((p) => p.role === DocumentPoolRole.OFFICE_ONLINE_SERVER)) {
    const site = sites.get(pool.site)!;
    farms.set(pool.fqdn.toLowerCase(), new OfficeOnlineServerFarm(site, freeId(site, labelOf(pool.fqdn)), { fqdn: pool.fqdn }));
    notes.push(`Office Online Server ${pool.fqdn} is built as a farm of the library's default size (the document names the farm, not its servers)`);
  }
  for (const pool of frontEnds) {
    const farm = pool.officeOnlineServer ? farms.get(pool.officeOnlineServer.toLowerCase()) : undefined;
    if (farm) (built.get(pool.fqdn.toLowerCase()) as FrontEndPool).associateOfficeOnlineServer(farm);
  }
  for (const pool of doc.pools.filter((p) => p.role === DocumentPoolRole.PERSISTENT_CHAT)) importChat(pool);
  importVoice({ doc, deployment, sites, built, mediationPools, notes, id: (scope, name) => freeId(scope, idOf(name)) });
  for (const pairing of doc.pairings) {
    const primary = built.get(pairing.primary.toLowerCase());
    const backup = built.get(pairing.backup.toLowerCase());
    if (primary instanceof FrontEndPool && backup instanceof FrontEndPool) new PairedPools(deployment, freeId(deployment, `pair-${labelOf(pairing.primary)}-${labelOf(pairing.backup)}`), { primary, backup });
    else notes.push(`pairing ${pairing.primary} <-> ${pairing.backup} is not imported: both must be Front End pools`);
  }

  const imported = new Set([
    DocumentPoolRole.FRONT_END, DocumentPoolRole.STANDARD_EDITION, DocumentPoolRole.DIRECTOR, DocumentPoolRole.EDGE, DocumentPoolRole.MEDIATION,
    DocumentPoolRole.PERSISTENT_CHAT, DocumentPoolRole.OFFICE_ONLINE_SERVER, DocumentPoolRole.PSTN_GATEWAY, DocumentPoolRole.SURVIVABLE_BRANCH,
  ]);
  // Mirrors and witnesses are part of their store's back end; a chat pool's own store is part of the pool.
  const partners = doc.sqlInstances.filter((i) => backEnds.has(i.fqdn) || chatStores.has(i.fqdn)).flatMap((i) => [i.mirrorFqdn, i.witnessFqdn]).filter((f): f is string => !!f);
  const used = new Set([...backEnds.keys(), ...chatStores, ...partners, ...[...fileStores.keys()].map((k) => k.split('|')[1])]);
  for (const pool of doc.pools) {
    if (imported.has(pool.role)) {
      if (pool.machines.some((m) => m.toLowerCase() !== pool.fqdn.toLowerCase())) notes.push(`${pool.role} pool ${pool.fqdn}: its ${pool.machines.length} machine(s) get the library's computer names`);
    } else if (!used.has(pool.fqdn)) notes.push(`${pool.role} pool ${pool.fqdn} (line ${pool.line}) is not imported: the library does not build it from a document`);
  }
  for (const unknown of doc.unknown) notes.push(`${unknown.what} on ${unknown.where} (line ${unknown.line}) is not imported`);
  for (const note of notes) Annotations.of(deployment).addWarning(`importTopologyDocument: ${note}`);
  return deployment;

  /** A chat pool in one site of the document: its servers active there (4 at most, the rest idle), its home pool the Registrar it depends on. */
  function importChat(pool: TopologyDocumentPool): void {
    const homePool = pool.nextHop ? built.get(pool.nextHop.toLowerCase()) : undefined;
    if (!(homePool instanceof FrontEndPool)) {
      notes.push(`Persistent Chat pool ${pool.fqdn} (line ${pool.line}) is not imported: the document gives it no Front End pool to depend on; add a StretchedPersistentChatPool with its homePool`);
      return;
    }
    const primarySite = sites.get(pool.site)!;
    const secondarySite = [...sites.values()].find((s) => s !== primarySite) ?? primarySite;
    const store = find(pool.backEnd);
    const shared = store ? backEnds.get(store.fqdn) : undefined;
    if (store && !shared) chatStores.add(store.fqdn);
    const instance = store ? doc.sqlInstances.find((i) => i.fqdn === store.fqdn) : undefined;
    const active = Math.min(4, pool.machines.length);
    new StretchedPersistentChatPool(deployment, freeId(deployment, labelOf(pool.fqdn)), {
      fqdn: pool.fqdn,
      primarySite,
      secondarySite,
      homePool,
      primaryActiveServers: active,
      primaryIdleServers: pool.machines.length - active,
      compliance: instance?.stores.includes('PersistentChatComplianceStore') === true,
      ...(shared ? { backEnd: shared } : { witness: instance?.witnessFqdn !== undefined }),
    });
    notes.push(`Persistent Chat pool ${pool.fqdn}: ${active} active and ${pool.machines.length - active} idle server(s) in ${primarySite.node.id}, secondary site ${secondarySite.node.id}${shared ? '' : ', with its own SQL servers'} (the document does not say which servers are active)`);
  }
}
