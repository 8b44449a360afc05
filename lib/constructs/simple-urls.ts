/**
 * Simple URLs and Autodiscover of an SfbDeployment (TB-1, PAIR-21): the public props, their input
 * checks, and the planning input built from the model parts the pools contribute. The plan itself is
 * lib/model/simple-urls.ts; the Traffic Manager profile is rendered by lib/azure/traffic-manager.ts.
 */
import { IConstruct } from 'constructs';
import { PoolEdition } from '../enums';
import { sharedResourceGroupName } from '../model/names';
import { planSimpleUrls, SimpleUrlSettings, SimpleUrlsModel, WebServicesPool } from '../model/simple-urls';
import { emptyParts, ITopologyMember, ModelParts } from './model-builder';
import { describeValue, rejectUnknownProps } from './validate-input';

/** Topology Builder's simple URLs of the deployment, and how they fail over. */
export interface SimpleUrlsProps {
  /**
   * Meet simple URL of the SIP domain (Topology Builder, Edit Simple URLs; one per SIP domain).
   * @default `https://meet.<sipDomain>`
   */
  readonly meet?: string;
  /**
   * Dial-in simple URL, one for the whole deployment.
   * @default `https://dialin.<sipDomain>`
   */
  readonly dialIn?: string;
  /**
   * Admin simple URL (optional in Topology Builder). Published in the private zones only: it opens the
   * Control Panel, which is not published through the reverse proxy.
   * @default none - no Admin simple URL
   */
  readonly admin?: string;
  /**
   * Fail over the external names (Meet, Dial-in, `lyncdiscover`) between the web services of two sites
   * with an Azure Traffic Manager profile in priority mode, probing
   * `https://<external web FQDN>/autodiscover/autodiscoverservice.svc/root`. Set false when you publish
   * them through your own GeoDNS provider (PAIR-21 then warns until acknowledged).
   * @default true - a profile when the deployment pairs pools across sites
   */
  readonly trafficManager?: boolean;
}

const KNOWN_PROPS = ['meet', 'dialIn', 'admin', 'trafficManager'];

/**
 * Checks what cannot be built (a value that is not a string or boolean); everything Topology Builder
 * validates on the URLs themselves is a TB-1 finding, so one run reports every problem.
 */
export function requireSimpleUrls(scope: IConstruct, value: unknown): SimpleUrlSettings | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`SfbDeployment ${scope.node.path}: simpleUrls ${describeValue(value)} is not an object; give e.g. { meet: "https://meet.contoso.com", dialIn: "https://dialin.contoso.com" }`);
  }
  rejectUnknownProps(scope, 'SfbDeployment simpleUrls', value, KNOWN_PROPS);
  const v = value as Record<string, unknown>;
  for (const key of ['meet', 'dialIn', 'admin']) {
    if (v[key] !== undefined && typeof v[key] !== 'string') {
      throw new Error(`SfbDeployment ${scope.node.path}: simpleUrls.${key} ${describeValue(v[key])} is not a string; give a URL such as "https://${key.toLowerCase()}.contoso.com"`);
    }
  }
  if (v.trafficManager !== undefined && typeof v.trafficManager !== 'boolean') {
    throw new Error(`SfbDeployment ${scope.node.path}: simpleUrls.trafficManager ${describeValue(v.trafficManager)} is not true or false`);
  }
  return value as SimpleUrlSettings;
}

/** The web pools of the model parts, as the simple-URL planner sees them. */
function webServicesPools(parts: ModelParts): (WebServicesPool & { hostsCentralManagementStore?: boolean })[] {
  const internal = (lb: { privateIp: string } | undefined, servers: readonly { nics: readonly { privateIp: string }[] }[]) =>
    lb ? [lb.privateIp] : servers.map((s) => s.nics[0]?.privateIp).filter((ip): ip is string => ip !== undefined);
  return [
    ...parts.directorPools.map((d) => ({
      path: d.path,
      sitePath: d.sitePath,
      fqdn: d.fqdn,
      kind: 'Director pool' as const,
      internalWebFqdn: d.internalWebFqdn,
      externalWebFqdn: d.externalWebFqdn,
      internalAddresses: internal(d.webLoadBalancer, d.servers),
    })),
    ...parts.frontEndPools.map((p) => ({
      path: p.path,
      sitePath: p.sitePath,
      fqdn: p.fqdn,
      kind: p.edition === PoolEdition.STANDARD ? ('Standard Edition server' as const) : ('Front End pool' as const),
      internalWebFqdn: p.internalWebFqdn,
      externalWebFqdn: p.externalWebFqdn,
      internalAddresses: internal(p.webLoadBalancer, p.servers),
      hostsCentralManagementStore: p.hostsCentralManagementStore,
    })),
  ];
}

/** The plan from model parts already collected (the deployment's raw model). */
export function simpleUrlPlanOf(deployment: { readonly name: string; readonly sipDomain: string; readonly _simpleUrls?: SimpleUrlSettings }, parts: ModelParts): SimpleUrlsModel {
  return planSimpleUrls({
    deploymentName: deployment.name,
    sipDomain: deployment.sipDomain,
    // The name SfbDeployment.sharedResourceGroup() gives the group of the DNS zones.
    resourceGroup: sharedResourceGroupName(deployment.name),
    settings: deployment._simpleUrls,
    pools: webServicesPools(parts),
    pairs: parts.pairs,
  });
}

/** The plan from the members as they stand (for the DNS derivation, which runs before the model exists). */
export function simpleUrlPlanFromMembers(
  deployment: { readonly name: string; readonly sipDomain: string; readonly _simpleUrls?: SimpleUrlSettings },
  members: readonly ITopologyMember[],
): SimpleUrlsModel {
  const parts = emptyParts();
  for (const m of members) m._contribute(parts);
  return simpleUrlPlanOf(deployment, parts);
}
