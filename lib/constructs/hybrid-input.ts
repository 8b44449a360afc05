/**
 * Input checks of the Teams hybrid props of an Edge pool (`teamsHybrid`, `hybridFederation`,
 * `microsoft365AddressPrefixes`): only what cannot be built throws; whether hybrid is possible at all
 * (HYB-*) is a finding.
 */
import { IConstruct } from 'constructs';
import { HybridFederationSettings, MICROSOFT_365_IPV4 } from '../model/microsoft-365';
import { describeValue, requireBoolean, requireDomainName, requireString } from './validate-input';

export interface HybridInput {
  readonly teamsHybrid: boolean;
  readonly federationSettings?: HybridFederationSettings;
  readonly microsoft365Prefixes: readonly string[];
}

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/([0-9]|[12]\d|3[0-2])$/;
const SETTINGS = ['onPremisesPartnerDiscovery', 'tenantFederation', 'onPremisesAllowedDomains', 'tenantAllowedDomains', 'onPremisesBlockedDomains', 'tenantBlockedDomains'];

function fail(scope: IConstruct, prop: string, value: unknown, why: string): never {
  throw new Error(`EdgePool ${scope.node.path}: ${prop} ${describeValue(value)} ${why}`);
}

function domains(scope: IConstruct, prop: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(scope, prop, value, 'is not a list; give domain names, e.g. ["fabrikam.com"]');
  return value.map((d, i) => requireDomainName(scope, 'EdgePool', `${prop}[${i}]`, d));
}

function settings(scope: IConstruct, value: unknown): HybridFederationSettings | undefined {
  if (value === undefined) return undefined;
  const prop = 'hybridFederation';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(scope, prop, value, 'is not an object; give { onPremisesPartnerDiscovery: true, tenantFederation: "open" } and the domain lists');
  }
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !SETTINGS.includes(k));
  if (unknown.length > 0) fail(scope, prop, value, `has unknown key(s) ${unknown.join(', ')}; allowed are ${SETTINGS.join(', ')}`);
  const tenantFederation = requireString(scope, 'EdgePool', `${prop}.tenantFederation`, v.tenantFederation, '"open" or "closed"', /^(open|closed)$/) as 'open' | 'closed';
  return {
    onPremisesPartnerDiscovery: requireBoolean(scope, 'EdgePool', `${prop}.onPremisesPartnerDiscovery`, v.onPremisesPartnerDiscovery),
    tenantFederation,
    onPremisesAllowedDomains: domains(scope, `${prop}.onPremisesAllowedDomains`, v.onPremisesAllowedDomains),
    tenantAllowedDomains: domains(scope, `${prop}.tenantAllowedDomains`, v.tenantAllowedDomains),
    onPremisesBlockedDomains: domains(scope, `${prop}.onPremisesBlockedDomains`, v.onPremisesBlockedDomains),
    tenantBlockedDomains: domains(scope, `${prop}.tenantBlockedDomains`, v.tenantBlockedDomains),
  };
}

function prefixes(scope: IConstruct, value: unknown): readonly string[] {
  if (value === undefined) return MICROSOFT_365_IPV4;
  const prop = 'microsoft365AddressPrefixes';
  if (!Array.isArray(value) || value.length === 0) fail(scope, prop, value, 'is not a non-empty list; give IPv4 CIDR blocks from the Microsoft 365 endpoint list, e.g. ["52.112.0.0/14"]');
  for (const p of value) {
    if (typeof p !== 'string' || !IPV4_CIDR.test(p)) fail(scope, prop, value, `has ${describeValue(p)}, which is not an IPv4 CIDR block; give blocks such as "52.112.0.0/14"`);
  }
  return [...new Set(value as string[])];
}

export function hybridInput(scope: IConstruct, props: { teamsHybrid?: unknown; hybridFederation?: unknown; microsoft365AddressPrefixes?: unknown }): HybridInput {
  return {
    teamsHybrid: requireBoolean(scope, 'EdgePool', 'teamsHybrid', props.teamsHybrid ?? false),
    federationSettings: settings(scope, props.hybridFederation),
    microsoft365Prefixes: prefixes(scope, props.microsoft365AddressPrefixes),
  };
}
