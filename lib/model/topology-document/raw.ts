/**
 * The two document formats, reduced to the same raw clusters, SQL instances and services with string
 * keys, so read.ts derives pools once. Topology Builder keys are the `UniqueId` GUIDs; published
 * documents key a cluster by `ClusterId` (SiteId, Number), a SQL instance by its cluster and `Name`,
 * and a service by `ServiceId` (SiteId, RoleName, Instance).
 */
import { readonlySet } from '../memo';
import { TopologyDocumentBranchSite, TopologyDocumentSimpleUrl, TopologyDocumentSite, TopologyDocumentUnknown } from './document';
import { childNamed, childrenNamed, serializeXml, XmlElement } from './xml';

export interface RawSqlInstance {
  readonly key: string;
  readonly name: string;
  readonly alwaysOnPrimaryNodeFqdn?: string;
  readonly mirrorFqdn?: string;
  readonly witnessFqdn?: string;
}

export interface RawCluster {
  readonly key: string;
  readonly fqdn: string;
  readonly site: string;
  readonly machines: string[];
  readonly sqlInstances: RawSqlInstance[];
  readonly line: number;
  /** In a branch site (survivable branches, branch gateways). */
  readonly branch: boolean;
  /** The `Machine` elements, for their network interfaces (NAT, a gateway's address). */
  readonly machineElements: readonly XmlElement[];
}

export interface RawService {
  readonly key: string;
  readonly role: string;
  /** Key of the cluster or SQL instance the service is installed on ('' when the document gives none). */
  readonly installedOn: string;
  readonly dependencies: { readonly key: string; readonly usage: string }[];
  readonly element: XmlElement;
  readonly line: number;
}

export interface RawDocument {
  readonly format: 'topology-builder' | 'published';
  readonly defaultSipDomain: string;
  readonly sipDomains: string[];
  readonly sites: TopologyDocumentSite[];
  readonly branchSites: TopologyDocumentBranchSite[];
  readonly clusters: RawCluster[];
  readonly services: RawService[];
  readonly simpleUrls: TopologyDocumentSimpleUrl[];
  readonly unknown: TopologyDocumentUnknown[];
  readonly warnings: string[];
}

/** Children of the topology the reader reads; any other is reported. */
const READ_ELEMENTS = readonlySet(['InternalDomains', 'SimpleUrlConfiguration', 'CentralSites', 'Sites', 'Clusters', 'SqlInstances', 'Services']);

function required(element: XmlElement, attribute: string, what: string): string {
  const value = element.attributes[attribute];
  if (value === undefined || value === '') throw new Error(`readTopologyDocument: <${element.name}> on line ${element.line} has no ${attribute}: ${what}`);
  return value;
}

function common(topology: XmlElement, format: RawDocument['format']) {
  const domains = childNamed(topology, 'InternalDomains');
  const unknown: TopologyDocumentUnknown[] = [];
  const warnings: string[] = [];
  for (const child of topology.children) {
    if (READ_ELEMENTS.has(child.name)) continue;
    unknown.push({ what: `element ${child.name}`, where: topology.name, line: child.line, xml: serializeXml(child) });
    warnings.push(`<${child.name}> (line ${child.line}) is not modelled: kept in unknown`);
  }
  const simpleUrls = childrenNamed(childNamed(topology, 'SimpleUrlConfiguration') ?? topology, 'SimpleUrl').map((url) => ({
    component: required(url, 'Component', 'each simple URL names its component (Meet, Dialin, Cscp)'),
    domain: url.attributes.Domain ?? '*',
    url: url.attributes.ActiveUrl ?? childNamed(url, 'SimpleUrlEntry')?.attributes.Url ?? '',
  }));
  return {
    format,
    defaultSipDomain: domains?.attributes.DefaultDomain ?? '',
    sipDomains: childrenNamed(domains ?? topology, 'InternalDomain').map((d) => required(d, 'Name', 'each SIP domain has a name')),
    simpleUrls,
    unknown,
    warnings,
  };
}

/** SQL instance attributes for AlwaysOn and mirroring (the same in both formats). */
function sqlHa(instance: XmlElement): Pick<RawSqlInstance, 'alwaysOnPrimaryNodeFqdn' | 'mirrorFqdn' | 'witnessFqdn'> {
  const a = instance.attributes;
  return {
    ...(a.AlwaysOnPrimaryNodeFqdn ? { alwaysOnPrimaryNodeFqdn: a.AlwaysOnPrimaryNodeFqdn } : {}),
    ...(a.MirrorSqlServerFqdn ? { mirrorFqdn: a.MirrorSqlServerFqdn } : {}),
    ...(a.WitnessSqlServerFqdn ? { witnessFqdn: a.WitnessSqlServerFqdn } : {}),
  };
}

function siteName(site: XmlElement): string {
  const name = childNamed(site, 'Name')?.text.trim();
  if (!name) throw new Error(`readTopologyDocument: <${site.name}> on line ${site.line} has no Name: every site is named in Topology Builder`);
  return name;
}

/** Elements besides the sites the reader reads (published branch sites among them) are kept and reported. */
function reportSites(sites: readonly XmlElement[], doc: { unknown: TopologyDocumentUnknown[]; warnings: string[] }, where: string, why: string): void {
  for (const site of sites) {
    doc.unknown.push({ what: `element ${site.name}`, where, line: site.line, xml: serializeXml(site) });
    doc.warnings.push(`<${site.name}> (line ${site.line}) is not modelled (${why}): kept in unknown`);
  }
}

function tbClusters(site: XmlElement, name: string, branch: boolean): RawCluster[] {
  return childrenNamed(childNamed(site, 'Clusters') ?? site, 'Cluster').map((cluster) => {
    const fqdn = required(cluster, 'Fqdn', 'every pool has an FQDN');
    const machineElements = childrenNamed(childNamed(cluster, 'Machines') ?? cluster, 'Machine');
    return {
      key: required(cluster, 'UniqueId', 'Topology Builder identifies every cluster by a UniqueId'),
      fqdn,
      site: name,
      machines: machineElements.map((m) => m.attributes.Fqdn || fqdn),
      sqlInstances: childrenNamed(childNamed(cluster, 'SqlInstances') ?? cluster, 'SqlInstance').map((i) => ({
        key: required(i, 'UniqueId', 'Topology Builder identifies every SQL instance by a UniqueId'),
        name: i.attributes.Name ?? '',
        ...sqlHa(i),
      })),
      line: cluster.line,
      branch,
      machineElements,
    };
  });
}

/** `TopologyBuilder/NewTopology/PartialTopology`: clusters under `CentralSites/CentralSite`, references by UniqueId. */
export function readTopologyBuilder(partial: XmlElement): RawDocument {
  const doc = common(partial, 'topology-builder');
  const sites: TopologyDocumentSite[] = [];
  const branchSites: TopologyDocumentBranchSite[] = [];
  const clusters: RawCluster[] = [];
  for (const site of childrenNamed(childNamed(partial, 'CentralSites') ?? partial, 'CentralSite')) {
    const name = siteName(site);
    sites.push({ name, siteId: site.attributes.SiteId ?? '' });
    clusters.push(...tbClusters(site, name, false));
    const remote = childNamed(site, 'RemoteSites');
    const branches = remote ? childrenNamed(remote, 'BranchSite') : [];
    if (remote) reportSites(remote.children.filter((c) => c.name !== 'BranchSite'), doc, `${name}/RemoteSites`, 'only BranchSite is read there');
    for (const branch of branches) {
      const branchName = siteName(branch);
      branchSites.push({ name: branchName, siteId: branch.attributes.SiteId ?? '', centralSite: name });
      clusters.push(...tbClusters(branch, branchName, true));
    }
  }
  const services = childrenNamed(childNamed(partial, 'Services') ?? partial, 'Service').map((s) => ({
    key: required(s, 'UniqueId', 'Topology Builder identifies every service by a UniqueId'),
    role: required(s, 'RoleName', 'every service names its role'),
    installedOn: s.attributes.InstalledOn ?? '',
    dependencies: childrenNamed(childNamed(s, 'DependsOn') ?? s, 'Dependency').map((d) => ({ key: required(d, 'ServiceUniqueId', 'a dependency names the service it depends on'), usage: d.attributes.Usage ?? 'Default' })),
    element: s,
    line: s.line,
  }));
  return { ...doc, sites, branchSites, clusters, services };
}

const clusterKey = (id: XmlElement | undefined, line: number): string => {
  if (!id) throw new Error(`readTopologyDocument: the element on line ${line} has no ClusterId: a published topology names clusters by ClusterId (SiteId, Number)`);
  return `cluster:${id.attributes.SiteId ?? ''}:${id.attributes.Number ?? ''}`;
};
const sqlKey = (id: XmlElement) => `${clusterKey(childNamed(id, 'ClusterId'), id.line)}:sql:${id.attributes.Name ?? ''}`;
const serviceKey = (id: XmlElement | undefined, line: number): string => {
  if (!id) throw new Error(`readTopologyDocument: the element on line ${line} has no ServiceId: a published topology names services by ServiceId (SiteId, RoleName, Instance)`);
  return `service:${id.attributes.SiteId ?? ''}:${id.attributes.RoleName ?? ''}:${id.attributes.Instance ?? ''}`;
};

/** `Topology` (published): sites, clusters, SQL instances and services side by side, references by id elements. */
export function readPublished(topology: XmlElement): RawDocument {
  const doc = common(topology, 'published');
  const siteElement = childNamed(topology, 'Sites') ?? topology;
  const siteNames = new Map<string, string>();
  const sites = childrenNamed(siteElement, 'CentralSite').map((site) => {
    const name = siteName(site);
    siteNames.set(site.attributes.SiteId ?? '', name);
    return { name, siteId: site.attributes.SiteId ?? '' };
  });
  reportSites(siteElement === topology ? [] : siteElement.children.filter((c) => c.name !== 'CentralSite'), doc, 'Sites', 'branch sites of a published topology are not read');
  const instances = new Map<string, RawSqlInstance[]>();
  for (const instance of childrenNamed(childNamed(topology, 'SqlInstances') ?? topology, 'SqlInstance')) {
    const id = childNamed(instance, 'SqlInstanceId');
    if (!id) throw new Error(`readTopologyDocument: <SqlInstance> on line ${instance.line} has no SqlInstanceId`);
    const owner = clusterKey(childNamed(id, 'ClusterId'), id.line);
    instances.set(owner, [...(instances.get(owner) ?? []), { key: sqlKey(id), name: id.attributes.Name ?? '', ...sqlHa(instance) }]);
  }
  const clusters = childrenNamed(childNamed(topology, 'Clusters') ?? topology, 'Cluster').map((cluster): RawCluster => {
    const fqdn = required(cluster, 'Fqdn', 'every pool has an FQDN');
    const id = childNamed(cluster, 'ClusterId');
    const key = clusterKey(id, cluster.line);
    const site = siteNames.get(id!.attributes.SiteId ?? '');
    if (site === undefined) throw new Error(`readTopologyDocument: cluster ${fqdn} (line ${cluster.line}) is in SiteId ${id!.attributes.SiteId}, which no CentralSite defines`);
    const machineElements = childrenNamed(cluster, 'Machine');
    return { key, fqdn, site, machines: machineElements.map((m) => m.attributes.Fqdn || fqdn), sqlInstances: instances.get(key) ?? [], line: cluster.line, branch: false, machineElements };
  });
  const services = childrenNamed(childNamed(topology, 'Services') ?? topology, 'Service').map((s): RawService => {
    const id = childNamed(s, 'ServiceId');
    const installed = childNamed(s, 'InstalledOn');
    const sql = installed && childNamed(installed, 'SqlInstanceId');
    return {
      key: serviceKey(id, s.line),
      role: required(id!, 'RoleName', 'every service names its role'),
      installedOn: sql ? sqlKey(sql) : installed && childNamed(installed, 'ClusterId') ? clusterKey(childNamed(installed, 'ClusterId'), installed.line) : '',
      dependencies: childrenNamed(childNamed(s, 'DependsOn') ?? s, 'Dependency').map((d) => ({ key: serviceKey(childNamed(d, 'ServiceId'), d.line), usage: d.attributes.Usage ?? 'Default' })),
      element: s,
      line: s.line,
    };
  });
  return { ...doc, sites, branchSites: [], clusters, services };
}
