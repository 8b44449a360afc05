/**
 * Day 2: a deployment is changed for years. Scaling a pool, adding a pool or a site, and declaring the
 * same topology in another order must leave every unrelated resource byte-identical (issue 13).
 */
import {
  acknowledgeFinding,
  AlwaysOnBackEnd,
  CentralSite,
  DirectorPool,
  EdgePool,
  FrontEndPool,
  MediationPool,
  OfficeOnlineServerFarm,
  PairedPools,
  ProductVersion,
  ReverseProxy,
  ReverseProxyKind,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  StandaloneBackEnd,
  SupportPosture,
} from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { buildReferenceTopology, ReferenceTopology, ReferenceTopologyOptions } from '../../examples/reference/topology';
import { chatTopology } from '../chat-helpers';

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'sfb-reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

function reference(options: ReferenceTopologyOptions = {}, change?: (t: ReferenceTopology) => void): Record<string, unknown> {
  const stack = newStack();
  const topology = buildReferenceTopology(stack, options);
  change?.(topology);
  return JSON.parse(Testing.synth(stack, true));
}

/** Every resource as `type.logicalId` → its JSON text. */
function resources(json: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, byId] of Object.entries(json.resource ?? {})) {
    for (const [id, block] of Object.entries(byId as Record<string, unknown>)) out.set(`${type}.${id}`, JSON.stringify(block));
  }
  return out;
}

/** What a change did to the resources: added, removed and changed addresses. */
function compare(before: Record<string, unknown>, after: Record<string, unknown>) {
  const a = resources(before);
  const b = resources(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k)).sort(),
  };
}

const BASE = reference();

/** Resource addresses without cdktf's hash suffix. */
const strip = (keys: readonly string[]): string[] => keys.map((k) => k.replace(/_[0-9A-F]{8}$/, ''));

/** The resources of the fourth west Front End (computer name pool-west-4), under its construct. */
const SERVER4 = [
  'azurerm_backup_protected_vm.contoso_west_backup_restore-points_vm-pool-west-4',
  'azurerm_network_interface.contoso_west_pool_servers_server4_nic',
  'azurerm_network_interface_application_security_group_association.contoso_west_pool_servers_server4_asg-pool',
  'azurerm_network_interface_backend_address_pool_association.contoso_west_pool_web-load-balancer_member4',
  'azurerm_private_dns_a_record.contoso_dns_private-a-pool-west-4-corp-contoso-com',
  'azurerm_windows_virtual_machine.contoso_west_pool_servers_server4_vm',
];

describe('day 2 on the reference topology', () => {
  test('scaling the west pool from 3 to 4 Front Ends changes no NSG rule and adds only the new server', () => {
    const diff = compare(BASE, reference({ westFrontEndServers: 4 }));
    expect(diff.removed).toEqual([]);
    // Every rule names the pool by its application security group (same site) or its address block
    // (another site, the Central Management store's sources): none lists the new server.
    expect(diff.changed.filter((k) => k.startsWith('azurerm_network_security_rule.'))).toEqual([]);
    // The pool FQDN's A record lists every member; nothing else that exists changes.
    expect(strip(diff.changed)).toEqual(['azurerm_private_dns_a_record.contoso_dns_private-a-pool-west-corp-contoso-com']);
    // What is added is the fourth server's own resources, each under its construct, and nothing else.
    expect(strip(diff.added)).toEqual(SERVER4);
  });

  test('scaling the west back end from 2 to 3 AlwaysOn replicas changes no NSG rule and adds only the new replica', () => {
    const diff = compare(BASE, reference({ westBackEndReplicas: 3 }));
    expect(diff.removed).toEqual([]);
    // The listener names every replica; the rules name the replicas' group and the listener's address.
    expect(strip(diff.changed)).toEqual(['azurerm_mssql_virtual_machine_availability_group_listener.contoso_west_backend_listener']);
    expect(strip(diff.added)).toEqual([
      'azurerm_backup_protected_vm.contoso_west_backup_restore-points_vm-west-sqlwv-3',
      ...['data-disk', 'log-disk'].map((d) => `azurerm_managed_disk.contoso_west_backend_sql_servers_server3_${d}`),
      'azurerm_mssql_virtual_machine.contoso_west_backend_sql_servers_server3_sql',
      'azurerm_network_interface.contoso_west_backend_sql_servers_server3_nic',
      'azurerm_network_interface_application_security_group_association.contoso_west_backend_sql_servers_server3_asg-backend',
      'azurerm_network_interface_backend_address_pool_association.contoso_west_backend_listener-load-balancer_member3',
      'azurerm_private_dns_a_record.contoso_dns_private-a-west-sqlwv-3-corp-contoso-com',
      ...['data-disk', 'log-disk'].map((d) => `azurerm_virtual_machine_data_disk_attachment.contoso_west_backend_sql_servers_server3_${d}-attachment`),
      'azurerm_virtual_machine_extension.contoso_west_backend_sql_servers_server3_domain-join',
      'azurerm_windows_virtual_machine.contoso_west_backend_sql_servers_server3_vm',
    ]);
  });

  test('scaling the west Director pool from 2 to 3 changes no NSG rule and adds only the new Director', () => {
    const diff = compare(BASE, reference({ westDirectorServers: 3 }));
    expect(diff.removed).toEqual([]);
    expect(strip(diff.changed)).toEqual([
      'azurerm_private_dns_a_record.contoso_dns_private-a-dir-west-contoso-com',
      'azurerm_private_dns_a_record.contoso_dns_private-a-dir-west-corp-contoso-com',
    ]);
    expect(strip(diff.added)).toEqual([
      'azurerm_backup_protected_vm.contoso_west_backup_restore-points_vm-dir-west-3',
      'azurerm_network_interface.contoso_west_director_servers_server3_nic',
      'azurerm_network_interface_application_security_group_association.contoso_west_director_servers_server3_asg-director',
      'azurerm_network_interface_backend_address_pool_association.contoso_west_director_web-load-balancer_member3',
      'azurerm_private_dns_a_record.contoso_dns_private-a-dir-west-3-corp-contoso-com',
      'azurerm_windows_virtual_machine.contoso_west_director_servers_server3_vm',
    ]);
  });

  test('scaling the west Edge pool from 2 to 3 changes only its own Internet-facing rules, in its own site', () => {
    const diff = compare(BASE, reference({ westEdgeServers: 3 }));
    expect(diff.removed).toEqual([]);
    // The internal side names the pool's group. The Internet-facing rules list each service's public-side
    // addresses: a group holds whole NICs, and one external NIC carries the three services' addresses.
    const rules = strip(diff.changed.filter((k) => k.startsWith('azurerm_network_security_rule.')));
    expect(rules).toEqual(['access', 'av-tcp', 'av-udp', 'federation', 'webconf'].map((r) => `azurerm_network_security_rule.contoso_west_firewall-perimeter_edge-${r}-from-internet`));
    expect(strip(diff.changed.filter((k) => !k.startsWith('azurerm_network_security_rule.')))).toEqual([
      ...['access', 'av', 'webconf'].map((r) => `azurerm_dns_a_record.contoso_dns_public-a-${r}-west-contoso-com`),
      'azurerm_private_dns_a_record.contoso_dns_private-a-edge-west-corp-contoso-com',
    ]);
    expect(strip(diff.added)).toEqual([
      'azurerm_backup_protected_vm.contoso_west_backup_restore-points_vm-edge-west-3',
      'azurerm_network_interface.contoso_west_edge_servers_server3_nic2',
      'azurerm_network_interface.contoso_west_edge_servers_server3_nic',
      'azurerm_network_interface_application_security_group_association.contoso_west_edge_servers_server3_asg-edge',
      'azurerm_private_dns_a_record.contoso_dns_private-a-edge-west-3-corp-contoso-com',
      ...['access', 'av', 'webconf'].map((r) => `azurerm_public_ip.contoso_west_edge_servers_server3_public-ip-${r}`),
      'azurerm_windows_virtual_machine.contoso_west_edge_servers_server3_vm',
    ]);
  });

  test('adding a pool to a site moves no existing address and changes no existing resource but the site\'s gateway, which publishes it', () => {
    const diff = compare(
      BASE,
      reference({}, ({ west }) => {
        const backEnd = new StandaloneBackEnd(west, 'backend2', { sqlVersion: SqlServerVersion.SQL_2019 });
        new FrontEndPool(west, 'pool2', { fqdn: 'pool2-west.corp.contoso.com', backEnd });
      }),
    );
    expect(diff.removed).toEqual([]);
    // The Application Gateway is one resource whose listeners are the site's published names: it gains pool2's, in place.
    expect(strip(diff.changed)).toEqual(['azurerm_application_gateway.contoso_west_reverse-proxy_gateway']);
    expect(diff.added.some((k) => k.includes('_west_pool2_servers_server1_vm_'))).toBe(true);
  });

  test('adding a site with a pool changes only the rules that now admit the new site', () => {
    const diff = compare(
      BASE,
      reference({}, ({ deployment }) => {
        const south = new CentralSite(deployment, 'south', { location: 'francecentral', addressSpace: '10.30.0.0/16' });
        const backEnd = new StandaloneBackEnd(south, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
        new FrontEndPool(south, 'pool', { fqdn: 'pool-south.corp.contoso.com', backEnd });
      }),
    );
    expect(diff.removed).toEqual([]);
    // The internal sign-in SRV set gains the new site's first hop; the rules that admit every site's
    // Front Ends list the new site's Front End subnet, and each subnet's deny of the deployment's own
    // networks lists its address space. Nothing else of the existing sites moves.
    const after = resources(reference({}, ({ deployment }) => {
      const south = new CentralSite(deployment, 'south', { location: 'francecentral', addressSpace: '10.30.0.0/16' });
      const backEnd = new StandaloneBackEnd(south, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
      new FrontEndPool(south, 'pool', { fqdn: 'pool-south.corp.contoso.com', backEnd });
    }));
    const rules = diff.changed.filter((k) => k.startsWith('azurerm_network_security_rule.'));
    expect(diff.changed.filter((k) => !rules.includes(k)).map((k) => k.replace(/_[0-9A-F]{8}$/, ''))).toEqual(['azurerm_private_dns_srv_record.contoso_dns_private-srv--sipinternaltls--tcp-contoso-com']);
    for (const k of rules) {
      expect(k).toMatch(/_deny-deployment-networks_|-from-front-ends|_front-end-xmpp-gateway_/);
      expect(after.get(k)).toMatch(/"10\.30\.0\.0\/(16|20)"/);
    }
    expect(diff.added.some((k) => k.startsWith('azurerm_virtual_network.contoso_south_vnet'))).toBe(true);
  });

  test('declaring the same topology north first, in another order, synthesizes identical JSON', () => {
    const stack = newStack();
    reversedReference(stack);
    expect(JSON.parse(Testing.synth(stack, true))).toEqual(BASE);
  });
});

/** The reference topology (examples/reference/topology.ts) declared in another order: north first, roles reversed. */
function reversedReference(stack: TerraformStack): void {
  const deployment = new SfbDeployment(stack, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
    globalLocation: 'westeurope',
  });
  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });
  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
  // The proxies before what they publish: they plan from the whole topology.
  new ReverseProxy(north, 'reverse-proxy', { kind: ReverseProxyKind.WINDOWS_SERVERS });
  new ReverseProxy(west, 'reverse-proxy', {
    wafEnabled: true,
    trustedRootCertificateSecretId: 'https://kv-contoso-west.vault.azure.net/secrets/contoso-root-ca',
    certificateSecretId: 'https://kv-contoso-west.vault.azure.net/secrets/sfb-external-west',
  });
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const northBackEnd = new AlwaysOnBackEnd(north, 'backend', backEndProps);
  const northPool = new FrontEndPool(north, 'pool', { fqdn: 'pool-north.corp.contoso.com', frontEndServers: 3, backEnd: northBackEnd, hostsCentralManagementStore: false });
  new MediationPool(north, 'mediation', { fqdn: 'med-north.corp.contoso.com', nextHop: northPool });
  new DirectorPool(north, 'director', { fqdn: 'dir-north.corp.contoso.com' });
  new EdgePool(north, 'edge', {
    internalFqdn: 'edge-north.corp.contoso.com',
    accessEdgeFqdn: 'access-north.contoso.com',
    webConferencingEdgeFqdn: 'webconf-north.contoso.com',
    audioVideoEdgeFqdn: 'av-north.contoso.com',
    nextHop: northPool,
    srvPriority: 20,
  });
  const westBackEnd = new AlwaysOnBackEnd(west, 'backend', backEndProps);
  const westPool = new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.contoso.com', frontEndServers: 3, backEnd: westBackEnd, hostsCentralManagementStore: true });
  new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });
  new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: westPool });
  new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
  const westEdge = new EdgePool(west, 'edge', {
    internalFqdn: 'edge-west.corp.contoso.com',
    accessEdgeFqdn: 'access-west.contoso.com',
    webConferencingEdgeFqdn: 'webconf-west.contoso.com',
    audioVideoEdgeFqdn: 'av-west.contoso.com',
    nextHop: westPool,
    srvPriority: 10,
    federation: true,
  });
  acknowledgeFinding(westEdge, 'EDGE-16', 'Inbound federation fails over by the runbook: move the federation flag to edge-north and republish (docs/edge.md)');
  const northOos = new OfficeOnlineServerFarm(north, 'office-online', { fqdn: 'oos-north.corp.contoso.com', externalFqdn: 'oos-north.contoso.com' });
  westPool.associateOfficeOnlineServer(new OfficeOnlineServerFarm(west, 'office-online', { fqdn: 'oos-west.corp.contoso.com', externalFqdn: 'oos-west.contoso.com' }));
  northPool.associateOfficeOnlineServer(northOos);
}

describe('day 2 on a stretched Persistent Chat pool', () => {
  const chatJson = (primaryActiveServers: number) => JSON.parse(Testing.synth(chatTopology({ primaryActiveServers }).stack, true));

  test('adding an active chat server changes no NSG rule in either site (the rules name the pool by its address blocks)', () => {
    const diff = compare(chatJson(2), chatJson(3));
    expect(diff.removed.filter((k) => k.startsWith('azurerm_network_security_rule.'))).toEqual([]);
    expect(diff.changed.filter((k) => k.startsWith('azurerm_network_security_rule.'))).toEqual([]);
    expect(diff.added.some((k) => k.startsWith('azurerm_windows_virtual_machine.'))).toBe(true);
  });
});
