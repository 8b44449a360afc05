import { EdgePool, EdgePoolProps, LoadBalancing } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { cidrContains } from '../../lib/model/network';
import { ruleSide } from '../security-groups';
import { testEdge } from '../edge-helpers';
import { ipOf, resourcesOf, serverIps, synthJson, TestDeployment, testDeployment, testPool, testSite } from '../helpers';

/** Two sites with a pool and an Edge pool each; the priority-20 pool is created first on purpose. */
function twoSites(xmpp = true) {
  const t = testDeployment();
  const north = testSite(t.deployment, 'north');
  const northPool = testPool(north, 'pool');
  const northEdge = testEdge(north, northPool, 'edge', { srvPriority: 20 });
  const west = testSite(t.deployment, 'west');
  const westPool = testPool(west, 'pool');
  const westEdge = testEdge(west, westPool, 'edge', { srvPriority: 10, federation: true, xmppFederation: xmpp });
  return { ...t, north, west, northPool, westPool, northEdge, westEdge };
}

function nsgRules(json: any, nsgPart: string): any[] {
  return resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.network_security_group_name.includes(nsgPart));
}

const ports = (r: any): string[] => (r.destination_port_range ? [r.destination_port_range] : r.destination_port_ranges);
const sources = (r: any): string[] => (r.source_address_prefix ? [r.source_address_prefix] : r.source_address_prefixes ?? []);

describe('EdgePool servers', () => {
  test('creates two NICs per server: the perimeter NIC first with three static Standard public IPs, then the edge-internal NIC', () => {
    const { stack } = twoSites();
    const json = synthJson(stack);
    const vms = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((v) => v.tags['sfb-role'] === 'Edge');
    expect(vms.map((v) => v.name).sort()).toEqual(['edge-north-1', 'edge-north-2', 'edge-west-1', 'edge-west-2']);
    for (const vm of vms) {
      expect(vm.network_interface_ids).toHaveLength(2);
      expect(vm.network_interface_ids[0]).toMatch(/servers_server\d_nic_/);
      expect(vm.network_interface_ids[1]).toMatch(/servers_server\d_nic2_/);
    }
    const nics = json.resource.azurerm_network_interface;
    const external = Object.entries(nics).filter(([k]) => /edge_servers_server\d_nic_/.test(k)).map(([, v]) => v as any);
    const internal = Object.entries(nics).filter(([k]) => /edge_servers_server\d_nic2_/.test(k)).map(([, v]) => v as any);
    expect(external).toHaveLength(4);
    for (const nic of external) {
      expect(nic.ip_configuration).toHaveLength(3);
      expect(nic.ip_configuration.every((c: any) => /perimeter/.test(c.subnet_id) && c.public_ip_address_id)).toBe(true);
    }
    for (const nic of internal) {
      expect(nic.ip_configuration).toHaveLength(1);
      expect(nic.ip_configuration[0].subnet_id).toMatch(/subnet-edge-internal/);
      expect(nic.ip_configuration[0].public_ip_address_id).toBeUndefined();
    }
    const pips = resourcesOf(json, 'azurerm_public_ip');
    expect(pips).toHaveLength(12);
    expect(pips.every((p) => p.sku === 'Standard' && p.allocation_method === 'Static')).toBe(true);
    expect(pips.map((p) => p.name)).toEqual(expect.arrayContaining(['pip-edge-west-1-access', 'pip-edge-west-1-webconf', 'pip-edge-west-1-av']));
  });

  test('gives public IPs to Edge external NICs only', () => {
    const { stack } = twoSites();
    const nics = synthJson(stack).resource.azurerm_network_interface;
    const withPublic = Object.entries(nics).filter(([, v]) => (v as any).ip_configuration.some((c: any) => c.public_ip_address_id)).map(([k]) => k);
    expect(withPublic).toHaveLength(4);
    expect(withPublic.every((k) => /_edge_servers_server\d_nic_/.test(k))).toBe(true);
  });
});

describe('EdgePool public DNS', () => {
  test('publishes one _sip._tls record set holding both pools\' entries in priority order', () => {
    const { stack } = twoSites();
    const srv = resourcesOf(synthJson(stack), 'azurerm_dns_srv_record');
    const sip = srv.filter((r) => r.name === '_sip._tls');
    expect(sip).toHaveLength(1);
    expect(sip[0].record).toEqual([
      { priority: 10, weight: 0, port: 443, target: 'edge-access-west.contoso.com' },
      { priority: 20, weight: 0, port: 443, target: 'edge-access-north.contoso.com' },
    ]);
    const fed = srv.filter((r) => r.name === '_sipfederationtls._tcp');
    expect(fed).toHaveLength(1);
    expect(fed[0].record.map((r: any) => [r.priority, r.port])).toEqual([[10, 5061], [20, 5061]]);
    const xmpp = srv.filter((r) => r.name === '_xmpp-server._tcp');
    expect(xmpp).toHaveLength(1);
    expect(xmpp[0].record.map((r: any) => [r.priority, r.port])).toEqual([[10, 5269], [20, 5269]]);
  });

  test('publishes no XMPP or federation SRV record when no Edge pool uses them', () => {
    const t = testDeployment();
    const west = testSite(t.deployment, 'west');
    testEdge(west, testPool(west, 'pool'));
    const names = resourcesOf(synthJson(t.stack), 'azurerm_dns_srv_record').map((r) => r.name);
    expect(names).toEqual(['_sip._tls']);
  });

  test('creates one public zone for the SIP domain and one A record per server for each external FQDN', () => {
    const { stack } = twoSites();
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_dns_zone').map((z) => z.name)).toEqual(['contoso.com']);
    const a = Object.fromEntries(resourcesOf(json, 'azurerm_dns_a_record').map((r) => [r.name, r.records]));
    expect(a['edge-access-west']).toEqual([
      expect.stringMatching(/west_edge_servers_server1_public-ip-access_.*ip_address/),
      expect.stringMatching(/west_edge_servers_server2_public-ip-access_.*ip_address/),
    ]);
    expect(a['edge-webconf-west']).toHaveLength(2);
    expect(a['edge-av-north']).toEqual([expect.stringMatching(/server1_public-ip-av/), expect.stringMatching(/server2_public-ip-av/)]);
  });

  test('points sip.<sipDomain> at the preferred pool\'s Access Edge, unless an Edge pool uses that name', () => {
    const { stack } = twoSites();
    expect(resourcesOf(synthJson(stack), 'azurerm_dns_cname_record')).toEqual([expect.objectContaining({ name: 'sip', record: 'edge-access-west.contoso.com' })]);

    const t = testDeployment();
    const west = testSite(t.deployment, 'west');
    testEdge(west, testPool(west, 'pool'), 'edge', { srvPriority: 20 });
    const north = testSite(t.deployment, 'north');
    testEdge(north, testPool(north, 'pool'), 'edge', { accessEdgeFqdn: 'sip.contoso.com', srvPriority: 10 });
    const json = synthJson(t.stack);
    expect(resourcesOf(json, 'azurerm_dns_cname_record')).toHaveLength(0);
    expect(resourcesOf(json, 'azurerm_dns_a_record').map((r) => r.name)).toContain('sip');
  });

  test('publishes the internal pool FQDN with every member and a record per server (private)', () => {
    const { stack, deployment, westEdge } = twoSites();
    const a = Object.fromEntries(resourcesOf(synthJson(stack), 'azurerm_private_dns_a_record').map((r) => [r.name, r.records]));
    const [one, two] = serverIps(deployment, westEdge._servers.servers);
    expect(one).toMatch(/^10\.20\.(3[2-9]|4[0-7])\./); // the west Edge internal subnet, 10.20.32.0/20
    expect(a['edge-west']).toEqual([one, two]);
    expect(a['edge-west-1']).toEqual([one]);
    expect(a['edge-west-2']).toEqual([two]);
  });
});

describe('EdgePool network security', () => {
  test('allows exactly the documented ports from the Internet, and nothing else', () => {
    const { stack } = twoSites();
    const json = synthJson(stack);
    const internet = resourcesOf(json, 'azurerm_network_security_rule').filter((r) => sources(r).includes('Internet') || sources(r).includes('*'));
    const allowed = new Set(internet.flatMap((r) => ports(r).map((p) => `${r.protocol} ${p}`)));
    // Audit F1: no inbound 50000-59999. edge-environmental-requirements.md lists that range only from the
    // A/V Edge to Any (outbound); Lync 2013 and later need it outbound only (lync-server-2013-determine-
    // external-a-v-firewall-and-port-requirements.md); the inbound rows are for OCS 2007 federation.
    expect([...allowed].sort()).toEqual(['Tcp 443', 'Tcp 5061', 'Tcp 5269', 'Udp 3478']);
    expect(internet.every((r) => r.network_security_group_name.includes('perimeter') && r.direction === 'Inbound')).toBe(true);
  });

  test('opens 5269 only with XMPP federation', () => {
    const { stack } = twoSites(false);
    const perimeter = nsgRules(synthJson(stack), 'perimeter');
    expect(perimeter.length).toBeGreaterThan(0);
    expect(perimeter.flatMap(ports)).not.toContain('5269');
  });

  test('sends each Internet port only to its service\'s addresses', () => {
    const { stack, deployment, westEdge } = twoSites();
    const perimeter = nsgRules(synthJson(stack), 'west_firewall-perimeter');
    const byName = Object.fromEntries(perimeter.map((r) => [r.name, r]));
    // External NIC configurations in order: access, webconf, av.
    const external = (service: number) => westEdge._servers.servers.map((s) => `${ipOf(deployment, s.nicAddresses[0][service])}/32`);
    expect(ports(byName['edge-access-from-internet'])).toEqual(['443']);
    // Federation (5061) is published on every Edge pool once one pool has it (EDGE-16), to the Access Edge addresses.
    expect(ports(byName['edge-federation-from-internet'])).toEqual(['5061']);
    expect(byName['edge-federation-from-internet'].destination_address_prefixes).toEqual(external(0));
    expect(byName['edge-access-from-internet'].destination_address_prefixes).toEqual(external(0));
    expect(byName['edge-av-udp-from-internet'].destination_address_prefixes).toEqual(external(2));
    expect(new Set([...external(0), ...external(1), ...external(2)]).size).toBe(6);
    expect(ports(byName['edge-av-udp-from-internet'])).toEqual(['3478']);
    expect(ports(byName['edge-av-tcp-from-internet'])).toEqual(['443']);
  });

  test('lets the Front End subnets of both sites reach both Edge pools on the documented internal ports', () => {
    const { stack, deployment, northPool } = twoSites();
    const json = synthJson(stack);
    const inEdgeSubnet = { north: /^10\.10\.(3[2-9]|4[0-7])\./, west: /^10\.20\.(3[2-9]|4[0-7])\./ };
    for (const site of ['north', 'west'] as const) {
      const rules = nsgRules(json, `${site}_firewall-edge-internal`);
      const tcp = rules.find((r) => r.name === 'edge-from-front-ends-tcp');
      expect(sources(tcp)).toEqual(['10.10.0.0/20', '10.20.0.0/20']);
      expect(ports(tcp)).toEqual(['443', '5061-5062', '8057', '50001-50003']);
      // The pool's application security group: its servers' internal NICs.
      expect(ruleSide(json, tcp, 'destination').every((p: string) => inEdgeSubnet[site].test(p))).toBe(true);
      expect(ruleSide(json, tcp, 'destination')).toHaveLength(2);
      expect(ports(rules.find((r) => r.name === 'edge-from-front-ends-udp'))).toEqual(['3478']);
      expect(ports(rules.find((r) => r.name === 'edge-from-front-ends-xmpp'))).toEqual(['23456']);
      // Central Management Store replication only from the pool that hosts it (the first pool: north; no pair here).
      const cms = rules.filter((r) => ports(r).includes('4443'));
      expect(cms.map((r) => r.name)).toEqual(['edge-cms-replication']);
      // Named by the pool's address block, in both sites: it holds the pool's servers and changes
      // when none scales (the source spans sites, so no application security group can name it).
      expect(sources(cms[0])).toHaveLength(1);
      expect(sources(cms[0])[0]).toMatch(/\/27$/);
      for (const ip of serverIps(deployment, northPool._servers.servers)) expect(cidrContains(sources(cms[0])[0], ip)).toBe(true);
    }
  });

  test('covers Front End subnets of sites created after the Edge pool', () => {
    const { stack, deployment } = twoSites();
    testPool(testSite(deployment, 'south'), 'pool');
    const rules = nsgRules(synthJson(stack), 'edge-internal').filter((r) => /^edge-from-front-ends-(tcp|udp|xmpp)$/.test(r.name));
    expect(rules).toHaveLength(6);
    for (const r of rules) expect(sources(r)).toContain('10.30.0.0/20');
  });
});

describe('EdgePool routes and outputs', () => {
  test('outputs the A/V public addresses, the federation route and the XMPP route', () => {
    const { stack } = twoSites();
    const out = synthJson(stack).output;
    expect(Object.keys(out).filter((k) => !k.endsWith('_sql_store_fqdn') && !k.endsWith('_backup_export_task')).sort()).toEqual(['contoso_federation_route', 'contoso_north_edge_av_public_ips', 'contoso_west_edge_av_public_ips', 'contoso_xmpp_route']);
    expect(out.contoso_west_edge_av_public_ips.value).toEqual({
      'edge-west-1.corp.contoso.com': expect.stringMatching(/public-ip-av_.*\.ip_address/),
      'edge-west-2.corp.contoso.com': expect.stringMatching(/public-ip-av_.*\.ip_address/),
    });
    expect(out.contoso_federation_route.value).toEqual({ site: 'west', edge_pool: 'edge-west.corp.contoso.com', access_edge_fqdn: 'edge-access-west.contoso.com' });
    expect(out.contoso_xmpp_route.value.command).toBe('Set-CsSite west -XmppExternalFederationRoute edge-west-1.corp.contoso.com');
  });

  test('records the next hop and an explicit media association in the model', () => {
    const { deployment, westPool, northEdge } = twoSites();
    westPool.associateEdgePool(northEdge);
    const m = deployment._toModel();
    expect(m.edgePools.map((e) => e.nextHopPath)).toEqual(['test/contoso/north/pool', 'test/contoso/west/pool']);
    expect(m.frontEndPools.find((p) => p.path === westPool.node.path)!.associatedEdgePath).toBe('test/contoso/north/edge');
    expect(westPool.associatedEdgePool).toBe(northEdge);
  });

  test('fails synthesis for a hardware-load-balanced Edge pool (AZURE-3)', () => {
    const t: TestDeployment = testDeployment();
    const west = testSite(t.deployment, 'west');
    testEdge(west, testPool(west, 'pool'), 'edge', { loadBalancing: LoadBalancing.HARDWARE });
    expect(() => Testing.synth(t.stack, true)).toThrow(/\[AZURE-3\] test\/contoso\/west\/edge/);
  });
});

describe('EdgePool input that cannot be built', () => {
  const base = (t: TestDeployment) => {
    const west = testSite(t.deployment, 'west');
    return { west, pool: testPool(west, 'pool') };
  };

  test('throws for an unknown prop, naming it', () => {
    const t = testDeployment();
    const { west, pool } = base(t);
    expect(() => testEdge(west, pool, 'edge', { internalLoadBalancing: 'DNS' } as Partial<EdgePoolProps>)).toThrow(/internalLoadBalancing .* is not a prop of EdgePool/);
  });

  test('throws for a priority that is not a number and for a missing next hop', () => {
    const t = testDeployment();
    const { west, pool } = base(t);
    expect(() => testEdge(west, pool, 'edge1', { srvPriority: '10' as unknown as number })).toThrow(/srvPriority "10" is not a number/);
    expect(() => testEdge(west, undefined as unknown as EdgePool['nextHop'], 'edge2')).toThrow(/nextHop is missing; give the Front End pool/);
  });

  test('throws outside a central site', () => {
    const t = testDeployment();
    const { pool } = base(t);
    expect(() => new EdgePool(t.deployment as never, 'edge', { internalFqdn: 'e.corp.contoso.com', accessEdgeFqdn: 'a.contoso.com', webConferencingEdgeFqdn: 'w.contoso.com', audioVideoEdgeFqdn: 'v.contoso.com', nextHop: pool, srvPriority: 1 })).toThrow(/scope must be a CentralSite/);
  });
});
