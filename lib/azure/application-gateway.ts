/**
 * A reverse proxy as an Azure Application Gateway v2, rendered once from the plan's published names
 * (lib/model/reverse-proxy.ts): one HTTPS and one HTTP listener per name, host name kept (TOPO-3: no
 * host override, `pick_host_name_from_backend_address = false`), each forwarded to its next hop's
 * port (443 to 4443, 80 to 8080; a farm 443 to 443), health probed by the next hop's FQDN.
 *
 * Provider constraints, hashicorp/terraform-provider-azurerm
 * `internal/services/network/application_gateway_resource.go`: `request_routing_rule.priority` 1 to
 * 20000 (required by the v2 API), `autoscale_configuration.min_capacity` 0 to 100 and `max_capacity`
 * 2 to 125, a v2 tier needs `capacity` or `autoscale_configuration`, `ssl_certificate` and
 * `trusted_root_certificate` `key_vault_secret_id` an optionally versioned Key Vault item ID (read
 * through the gateway's identity), a probe names `host` or picks it from the settings (not both).
 */
import { Construct } from 'constructs';
import { ApplicationGateway } from '../azurerm';
import { fitName } from '../model/names';
import { AUTODISCOVER_PROBE_PATH } from '../model/simple-urls';
import { PublishedNameModel } from '../model/topology';

/** Office Online Server's discovery document: what Front Ends fetch, so a healthy farm answers it. */
const FARM_PROBE_PATH = '/hosting/discovery';
const CERTIFICATE = 'public';
const TRUSTED_ROOT = 'internal-ca';

export interface ApplicationGatewayProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /** Zones of the site: the gateway's instances spread over them (zone-redundant). */
  readonly zones: readonly string[];
  readonly subnetId: string;
  readonly publicIpId: string;
  readonly identityId: string;
  readonly certificateSecretId: string;
  readonly trustedRootCertificateSecretId?: string;
  readonly firewallPolicyId?: string;
  readonly scale: { readonly capacity: number } | { readonly minCapacity: number; readonly maxCapacity: number };
  readonly published: readonly PublishedNameModel[];
}

const gatewayName = (text: string) => fitName('azurerm_application_gateway', text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-'));

export function renderApplicationGateway(scope: Construct, id: string, props: ApplicationGatewayProps): ApplicationGateway {
  const hops = new Map<string, PublishedNameModel>();
  for (const p of props.published) if (!hops.has(p.nextHopFqdn)) hops.set(p.nextHopFqdn, p);
  const hopKeys = [...hops.keys()].sort();
  const setting = (hop: string, protocol: string, port: number) => gatewayName(`${hop}-${protocol.toLowerCase()}-${port}`);
  const probe = (hop: string, protocol: string) => gatewayName(`${hop}-${protocol.toLowerCase()}`);
  const pool = (hop: string) => gatewayName(`pool-${hop}`);
  const listener = (fqdn: string, protocol: string) => gatewayName(`${fqdn}-${protocol.toLowerCase()}`);
  const ports = [...new Set(props.published.flatMap((p) => p.bridging.map((b) => b.listenerPort)))].sort((a, b) => a - b);

  const settings = hopKeys.flatMap((hop) =>
    hops.get(hop)!.bridging.map((b) => ({
      name: setting(hop, b.protocol, b.backendPort),
      port: b.backendPort,
      protocol: b.protocol,
      cookieBasedAffinity: 'Disabled',
      // TOPO-3: the client's Host header goes to the next hop unchanged.
      pickHostNameFromBackendAddress: false,
      probeName: probe(hop, b.protocol),
      // The web clients' long polls (UCWA's event channel) outlast the 30-second default.
      requestTimeout: 300,
      ...(b.protocol === 'Https' && props.trustedRootCertificateSecretId ? { trustedRootCertificateNames: [TRUSTED_ROOT] } : {}),
    })),
  );
  const probes = hopKeys.flatMap((hop) =>
    hops.get(hop)!.bridging.map((b) => ({
      name: probe(hop, b.protocol),
      protocol: b.protocol,
      host: hop,
      path: hops.get(hop)!.purpose === 'Office Online Server' ? FARM_PROBE_PATH : AUTODISCOVER_PROBE_PATH,
      port: b.backendPort,
      interval: 30,
      timeout: 30,
      unhealthyThreshold: 3,
      pickHostNameFromBackendHttpSettings: false,
      match: { statusCode: ['200-399'] },
    })),
  );
  const routes = props.published.flatMap((p) => p.bridging.map((b) => ({ p, b, name: listener(p.fqdn, b.protocol) }))).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));

  return new ApplicationGateway(scope, id, {
    name: props.name,
    location: props.location,
    resourceGroupName: props.resourceGroupName,
    ...(props.zones.length > 0 ? { zones: [...props.zones] } : {}),
    sku: { name: props.firewallPolicyId ? 'WAF_v2' : 'Standard_v2', tier: props.firewallPolicyId ? 'WAF_v2' : 'Standard_v2', ...('capacity' in props.scale ? { capacity: props.scale.capacity } : {}) },
    ...('minCapacity' in props.scale ? { autoscaleConfiguration: { minCapacity: props.scale.minCapacity, maxCapacity: props.scale.maxCapacity } } : {}),
    identity: { type: 'UserAssigned', identityIds: [props.identityId] },
    ...(props.firewallPolicyId ? { firewallPolicyId: props.firewallPolicyId } : {}),
    // TOPO-3 "require TLS from clients": TLS 1.2 and later only.
    sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101' },
    gatewayIpConfiguration: [{ name: 'gateway', subnetId: props.subnetId }],
    frontendIpConfiguration: [{ name: 'public', publicIpAddressId: props.publicIpId }],
    frontendPort: ports.map((port) => ({ name: `port-${port}`, port })),
    sslCertificate: [{ name: CERTIFICATE, keyVaultSecretId: props.certificateSecretId }],
    ...(props.trustedRootCertificateSecretId ? { trustedRootCertificate: [{ name: TRUSTED_ROOT, keyVaultSecretId: props.trustedRootCertificateSecretId }] } : {}),
    backendAddressPool: hopKeys.map((hop) => ({ name: pool(hop), ipAddresses: [hops.get(hop)!.nextHopAddress] })),
    backendHttpSettings: settings,
    probe: probes,
    httpListener: routes.map(({ p, b, name }) => ({
      name,
      frontendIpConfigurationName: 'public',
      frontendPortName: `port-${b.listenerPort}`,
      protocol: b.protocol,
      hostName: p.fqdn,
      ...(b.protocol === 'Https' ? { sslCertificateName: CERTIFICATE } : {}),
    })),
    // Priorities follow the listener names' order (keys, not declaration order); v2 requires one per rule.
    requestRoutingRule: routes.map(({ p, b, name }, i) => ({
      name,
      ruleType: 'Basic',
      priority: (i + 1) * 10,
      httpListenerName: name,
      backendAddressPoolName: pool(p.nextHopFqdn),
      backendHttpSettingsName: setting(p.nextHopFqdn, b.protocol, b.backendPort),
    })),
  });
}
