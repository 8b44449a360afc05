import { DirectorPool, OfficeOnlineServerFarm, ReverseProxy, ReverseProxyKind, validateTopology } from '../../lib';
import { checkInvariants, formatViolations } from '../invariants';
import { findingsOf, ipOf, resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

const SECRET = 'https://kv-contoso.vault.azure.net/secrets/sfb-external';

function westWithProxy(props: Partial<ConstructorParameters<typeof ReverseProxy>[2]> = { certificateSecretId: SECRET }, extras: { director?: boolean; farm?: boolean } = {}) {
  const t = testDeployment();
  const west = testSite(t.deployment, 'west');
  const pool = testPool(west, 'pool');
  const director = extras.director ? new DirectorPool(west, 'dir', { fqdn: 'dir-west.corp.contoso.com' }) : undefined;
  const farm = extras.farm ? new OfficeOnlineServerFarm(west, 'oos', { fqdn: 'oos-west.corp.contoso.com', externalFqdn: 'oos.contoso.com' }) : undefined;
  if (farm) pool.associateOfficeOnlineServer(farm);
  const proxy = new ReverseProxy(west, 'rp', props);
  return { ...t, west, pool, director, farm, proxy };
}

describe('ReverseProxy (Application Gateway)', () => {
  test('creates a zone-redundant Standard_v2 gateway in its own subnet on a Standard static public IP', () => {
    const { stack } = westWithProxy();
    const json = synthJson(stack);
    const [gw] = resourcesOf(json, 'azurerm_application_gateway');
    expect(gw.sku).toEqual({ name: 'Standard_v2', tier: 'Standard_v2' });
    expect(gw.autoscale_configuration).toEqual({ min_capacity: 2, max_capacity: 10 });
    expect(gw.zones).toEqual(['1', '2', '3']);
    expect(gw.identity.type).toBe('UserAssigned');
    expect(gw.ssl_certificate).toEqual([{ name: 'public', key_vault_secret_id: SECRET }]);
    const pip = resourcesOf(json, 'azurerm_public_ip').find((p) => p.name === 'pip-contoso-west-rp');
    expect([pip?.sku, pip?.allocation_method, pip?.zones]).toEqual(['Standard', 'Static', ['1', '2', '3']]);
    const subnet = resourcesOf(json, 'azurerm_subnet').find((s) => s.name === 'snet-reverse-proxy');
    expect(subnet?.address_prefixes).toEqual(['10.10.176.0/20']);
  });

  test('bridges 443 to 4443 and 80 to 8080 on the next hop with the Host header unchanged (TOPO-3)', () => {
    const { stack } = westWithProxy();
    const [gw] = resourcesOf(synthJson(stack), 'azurerm_application_gateway');
    const settings = Object.fromEntries(gw.backend_http_settings.map((s: any) => [s.name, [s.protocol, s.port, s.pick_host_name_from_backend_address, s.host_name]]));
    expect(Object.values(settings).sort()).toEqual([
      ['Http', 8080, false, undefined],
      ['Https', 4443, false, undefined],
    ]);
    const listeners = gw.http_listener.map((l: any) => [l.host_name, l.protocol, l.frontend_port_name]).sort();
    expect(listeners).toContainEqual(['pool-west-webext.contoso.com', 'Https', 'port-443']);
    expect(listeners).toContainEqual(['lyncdiscover.contoso.com', 'Http', 'port-80']);
    expect(gw.probe.every((p: any) => p.host === 'pool-west-webext.contoso.com' && p.pick_host_name_from_backend_http_settings === false)).toBe(true);
    const priorities = gw.request_routing_rule.map((r: any) => r.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(Math.max(...priorities)).toBeLessThanOrEqual(20000);
  });

  test('sends the shared names to the Director pool when the site has one, each pool name to its pool, and the farm name to the farm', () => {
    const { deployment, director, farm } = westWithProxy({ certificateSecretId: SECRET }, { director: true, farm: true });
    const [proxy] = deployment._toModel().reverseProxies!;
    const hop = Object.fromEntries(proxy.published.map((p) => [p.fqdn, [p.nextHopPath, p.bridging.map((b) => `${b.listenerPort}>${b.backendPort}`).join(',')]]));
    expect(hop['meet.contoso.com']).toEqual([director!.node.path, '443>4443,80>8080']);
    expect(hop['lyncdiscover.contoso.com'][0]).toBe(director!.node.path);
    expect(hop['pool-west-webext.contoso.com'][0]).toMatch(/west\/pool$/);
    expect(hop['oos.contoso.com']).toEqual([farm!.node.path, '443>443']);
  });

  test('publishes every name in public DNS on its public IP, and the shared names without Traffic Manager', () => {
    const { deployment } = westWithProxy();
    const publicA = deployment._toModel().dnsRecords.filter((r) => r.scope === 'public' && r.type === 'A' && r.values.includes('public IP pip-contoso-west-rp'));
    expect(publicA.map((r) => r.fqdn).sort()).toEqual(['dialin.contoso.com', 'lyncdiscover.contoso.com', 'meet.contoso.com', 'pool-west-webext.contoso.com']);
  });

  test('admits Internet 443/80 and GatewayManager into its subnet, and itself into the Front End subnet on 4443/8080', () => {
    const { deployment } = westWithProxy();
    const flows = deployment._toModel().flows;
    const into = flows.filter((f) => f.nsg === 'west/reverse-proxy' && f.access !== 'Deny' && f.name.startsWith('rp-'));
    expect(into.map((f) => [f.name, f.sourcePrefixes.join(','), f.ports.join(',')]).sort()).toEqual([
      ['rp-from-gateway-manager', 'GatewayManager', '65200-65535'],
      ['rp-from-internet-http', 'Internet', '80'],
      ['rp-from-internet-https', 'Internet', '443'],
    ]);
    const fe = flows.find((f) => f.nsg === 'west/front-end' && f.name === 'web-from-reverse-proxy');
    expect([fe?.sourcePrefixes, fe?.ports]).toEqual([['10.10.176.0/20'], ['4443', '8080']]);
    expect(flows.find((f) => f.nsg === 'west/director' && f.name === 'web-from-reverse-proxy')).toBeUndefined();
  });

  test('with wafEnabled: WAF_v2 and a Detection-mode OWASP policy', () => {
    const { stack } = westWithProxy({ certificateSecretId: SECRET, wafEnabled: true });
    const json = synthJson(stack);
    const [gw] = resourcesOf(json, 'azurerm_application_gateway');
    const [policy] = resourcesOf(json, 'azurerm_web_application_firewall_policy');
    expect(gw.sku.name).toBe('WAF_v2');
    expect(gw.firewall_policy_id).toContain('azurerm_web_application_firewall_policy');
    expect(policy.policy_settings.mode).toBe('Detection');
    expect(policy.managed_rules.managed_rule_set).toEqual([{ type: 'OWASP', version: '3.2' }]);
  });

  test('the synthesized gateway passes the invariants on the rendered Terraform', () => {
    const { stack } = westWithProxy({ certificateSecretId: SECRET }, { director: true, farm: true });
    expect(formatViolations(checkInvariants(synthJson(stack)))).toBe(formatViolations([]));
  });

  test('rejects bad input naming the construct, prop and value', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    expect(() => new ReverseProxy(west, 'a', {})).toThrow(/ReverseProxy .*certificateSecretId is missing/);
    expect(() => new ReverseProxy(west, 'b', { certificateSecretId: 'kv/secret' })).toThrow(/ReverseProxy .*certificateSecretId.*kv\/secret/);
    expect(() => new ReverseProxy(west, 'c', { certificateSecretId: SECRET, servers: 3 })).toThrow(/ReverseProxy .*servers 3 applies to kind windows-servers only/);
    expect(() => new ReverseProxy(west, 'd', { kind: ReverseProxyKind.WINDOWS_SERVERS, wafEnabled: true })).toThrow(/wafEnabled true applies to kind application-gateway only/);
    new ReverseProxy(west, 'e', { certificateSecretId: SECRET });
    expect(() => new ReverseProxy(west, 'f', { certificateSecretId: SECRET })).toThrow(/already has reverse proxy .*\/e/);
  });
});

describe('ReverseProxy (Windows servers)', () => {
  test('creates workgroup servers behind a Standard public load balancer for 443 and 80', () => {
    const { deployment, stack, proxy } = westWithProxy({ kind: ReverseProxyKind.WINDOWS_SERVERS });
    const json = synthJson(stack);
    const vms = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((vm) => vm.tags['sfb-role'] === 'Reverse Proxy');
    expect(vms.map((vm) => [vm.name, vm.zone, vm.size])).toEqual([
      ['west-rp-1', '1', 'Standard_D2s_v5'],
      ['west-rp-2', '2', 'Standard_D2s_v5'],
    ]);
    const lb = resourcesOf(json, 'azurerm_lb').find((l) => l.name === 'lbe-contoso-west-rp');
    expect(lb?.frontend_ip_configuration[0].public_ip_address_id).toContain('public-ip');
    const rules = resourcesOf(json, 'azurerm_lb_rule').filter((r) => String(r.loadbalancer_id).includes('rp_load-balancer') || String(r.loadbalancer_id).includes('load-balancer_lb'));
    expect(rules.map((r) => r.frontend_port).sort()).toEqual(expect.arrayContaining([443, 80]));
    expect(resourcesOf(json, 'azurerm_application_gateway')).toEqual([]);
    expect(deployment._toModel().reverseProxies![0].servers.map((s) => s.computerName)).toEqual(proxy._servers!.servers.map((s) => s.model.computerName));
    expect(ipOf(deployment, proxy._servers!.servers[0].privateIp)).toMatch(/^10\.10\.(17[6-9]|18\d|19[01])\./);
  });

  test('passes the invariants on the rendered Terraform, and TOPO-3 is satisfied', () => {
    const { deployment, stack } = westWithProxy({ kind: ReverseProxyKind.WINDOWS_SERVERS });
    expect(formatViolations(checkInvariants(synthJson(stack)))).toBe(formatViolations([]));
    expect(findingsOf(validateTopology(deployment), 'TOPO-3')).toEqual([]);
  });
});

test('a site without a proxy gets no proxy subnet, public IP or gateway', () => {
  const { deployment, stack } = testDeployment();
  testPool(testSite(deployment, 'west'));
  const json = synthJson(stack);
  expect(resourcesOf(json, 'azurerm_subnet').map((s) => s.name)).not.toContain('snet-reverse-proxy');
  expect(resourcesOf(json, 'azurerm_application_gateway')).toEqual([]);
});
