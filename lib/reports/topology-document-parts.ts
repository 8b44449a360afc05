/**
 * The pieces lib/reports/topology-document.ts assembles a Topology Builder document from: its
 * namespaces, the clusters and services it collects from the plan, and the builder its parts
 * (topology-document-voice.ts) add to.
 */
import type { ServerModel } from '../model/topology';
import type { PortRow } from './topology-document-ports';
import type { XmlNode } from './xml-writer';

export const NS = {
  builder: 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008',
  writable: 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008',
  topology: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
  roles: 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008',
  simpleUrl: 'urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008',
  web: 'urn:schema:Microsoft.Rtc.Management.Deploy.WebServices.2011',
} as const;

export interface DocumentCluster {
  readonly key: string;
  /** Central or branch site the cluster is in. */
  readonly sitePath: string;
  readonly fqdn: string;
  /** Servers; empty for a store written as a single machine without an FQDN of its own. */
  readonly servers: readonly ServerModel[];
  /** Machines written as given, for what is not a library server (a gateway, a survivable branch). */
  readonly machines?: readonly XmlNode[];
  readonly edge?: boolean;
  /** Edge: the external A/V address is translated by NAT (Azure public IPs). */
  readonly nat?: boolean;
  /** Servers that run a Mediation service have a PSTN interface (its SIP port toward gateways is on that side). */
  readonly pstn?: boolean;
  readonly sql?: { readonly name: string; readonly alwaysOnPrimary?: string; readonly mirror?: string; readonly witness?: string };
}

export interface DocumentService {
  readonly key: string;
  readonly role: string;
  readonly installedOn: string;
  readonly dependsOn: readonly (readonly [string, string])[];
  readonly body?: readonly XmlNode[];
  readonly ports?: readonly PortRow[];
  readonly fqdns?: Readonly<Record<string, string>>;
}

export interface DocumentBuilder {
  /** Adds a cluster once (the first one of a key wins). */
  addCluster(cluster: DocumentCluster): void;
  addService(service: DocumentService): void;
  /** Key of a service: its role and the FQDN it is installed on. */
  svc(role: string, fqdn: string): string;
  /** FQDN of a Front End or Director pool by construct path. */
  readonly poolFqdn: ReadonlyMap<string, string>;
}
