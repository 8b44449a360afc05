import { CentralSite, FrontEndPool, PoolEdition, ServerRole, Severity, SupportPosture, validateTopology } from '../../lib/experimental';
import { checkScriptText, PASSWORD_PLACEHOLDER, ROLE_FEATURES } from '../../lib/azure/lab-scripts';
import { SubnetRole } from '../../lib/model/network';
import { ROLE_PROFILES } from '../../lib/model/roles';
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { buildLabTopology } from '../../examples/lab/topology';
import { findingsOf, resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

const ADMIN_PORTS = [22, 3389, 5985, 5986];

function labExample() {
  const stack = new TerraformStack(Testing.app(), 'lab');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const topology = buildLabTopology(stack);
  const text = Testing.synth(stack, true);
  return { stack, topology, text, json: JSON.parse(text) };
}

/** Terraform address of a resource block: `<type>.<name>` (what depends_on lists). */
function addressesOf(json: any, type: string, match: (name: string) => boolean): string[] {
  return Object.keys(json.resource?.[type] ?? {}).filter(match).map((n) => `${type}.${n}`);
}

const entries = (json: any, type: string): [string, any][] => Object.entries(json.resource?.[type] ?? {});

function portCovers(range: string, port: number): boolean {
  if (range === '*') return true;
  const [lo, hi] = range.split('-').map(Number);
  return port >= lo && port <= (hi ?? lo);
}

describe('the lab example (examples/lab)', () => {
  const { topology, text, json } = labExample();
  const vms = entries(json, 'azurerm_windows_virtual_machine');
  const extensions = entries(json, 'azurerm_virtual_machine_extension');
  const dcSetups = extensions.filter(([, e]) => e.name === 'sfb-lab-dc-setup');
  const dcSetupAddresses = addressesOf(json, 'azurerm_virtual_machine_extension', (n) => n.includes('dc-setup'));

  test('creates one domain controller per site in the infrastructure subnet', () => {
    const dcs = vms.filter(([, vm]) => vm.tags['sfb-role'] === ServerRole.DOMAIN_CONTROLLER);
    expect(dcs.map(([, vm]) => vm.location).sort()).toEqual(['northeurope', 'westeurope']);
    const model = topology.deployment._toModel();
    for (const dc of model.labEnvironment!.domainControllers) {
      expect(dc.server.nics.map((n) => n.subnet)).toEqual([SubnetRole.INFRASTRUCTURE]);
    }
    expect(model.labEnvironment!.domainControllers.map((d) => d.sitePath)).toEqual([topology.west.node.path, topology.north.node.path]);
  });

  test('the first site creates the forest, the second joins it as a replica after the first', () => {
    expect(dcSetups).toHaveLength(2);
    const [west] = dcSetups.filter(([n]) => n.includes('_west_'));
    const [north] = dcSetups.filter(([n]) => n.includes('_north_'));
    expect(west[1].protected_settings).toContain('Install-ADDSForest');
    expect(west[1].protected_settings).toContain("-DomainName 'corp.contoso.com'");
    expect(north[1].protected_settings).toContain('Install-ADDSDomainController');
    expect(north[1].protected_settings).not.toContain('Install-ADDSForest');
    expect(north[1].depends_on).toContain(`azurerm_virtual_machine_extension.${west[0]}`);
    // The replica reaches the forest root over the peering.
    expect(north[1].depends_on.filter((d: string) => d.startsWith('azurerm_virtual_network_peering.'))).toHaveLength(2);
  });

  test('the forest root publishes the pools\' records in the AD zone', () => {
    const [west] = dcSetups.filter(([n]) => n.includes('_west_'));
    const records = topology.deployment._toModel().dnsRecords;
    const first = (fqdn: string) => records.find((r) => r.fqdn === fqdn)!.values[0];
    expect(west[1].protected_settings).toContain(`pool-west|A|${first('pool-west.corp.contoso.com')}`);
    expect(west[1].protected_settings).toContain(`pool-north|A|${first('pool-north.corp.contoso.com')}`);
  });

  test('each site\'s network uses its own DC first, then the other, once both are promoted', () => {
    const dns = entries(json, 'azurerm_virtual_network_dns_servers');
    expect(dns).toHaveLength(2);
    const dcIps = topology.deployment._toModel().labEnvironment!.domainControllers.map((d) => d.server.nics[0].privateIp);
    const west = dns.find(([n]) => n.includes('_west_'))![1];
    const north = dns.find(([n]) => n.includes('_north_'))![1];
    expect(west.dns_servers).toEqual(dcIps);
    expect(north.dns_servers).toEqual([...dcIps].reverse());
    for (const [, d] of dns) expect([...d.depends_on].sort()).toEqual([...dcSetupAddresses].sort());
  });

  test('every server except the domain controllers joins the domain after the controllers (explicit depends_on)', () => {
    // Workgroup roles (Edge, reverse proxy: the perimeter) stay out; every member role joins.
    const member = (role: string) => ROLE_PROFILES[role as ServerRole].domain === 'member';
    const members = vms.filter(([, vm]) => member(vm.tags['sfb-role']));
    const joins = extensions.filter(([, e]) => e.type === 'JsonADDomainExtension');
    const expected = topology.deployment._toModel().servers.filter((s) => member(s.role));
    expect(expected.length).toBeGreaterThan(0);
    expect(members.length).toBe(expected.length);
    expect(joins).toHaveLength(members.length);
    for (const [name] of members) {
      const join = joins.find(([, e]) => e.virtual_machine_id === `\${azurerm_windows_virtual_machine.${name}.id}`);
      expect(join).toBeDefined();
      const deps: string[] = join![1].depends_on;
      expect(deps).toContain(dcSetupAddresses.find((a) => a.includes('_west_')));
      expect(deps.some((d) => d.includes('lab-prerequisites'))).toBe(true);
      expect(JSON.parse(join![1].settings)).toMatchObject({ Name: 'corp.contoso.com', User: 'corp.contoso.com\\sfbadmin', Restart: 'true', Options: '3' });
    }
  });

  test('no VM gets two extensions of one type (Azure allows one), though SQL clusters also need a domain join', () => {
    const seen = new Set<string>();
    for (const [, e] of extensions) {
      const key = `${e.virtual_machine_id} ${e.type}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const sqlJoins = extensions.filter(([n, e]) => e.type === 'JsonADDomainExtension' && n.includes('_backend_'));
    expect(sqlJoins.length).toBeGreaterThan(0);
  });

  test('member VMs are created after their network resolves through the DCs', () => {
    for (const [, vm] of vms.filter(([, v]) => v.tags['sfb-role'] !== ServerRole.DOMAIN_CONTROLLER)) {
      expect(vm.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network_dns_servers\./)]);
    }
  });

  test('passwords in extension settings are references to the sensitive variable, never literals (SEC-1)', () => {
    for (const [, e] of extensions) {
      expect(e.settings ?? '').not.toMatch(/password/i);
      if (e.protected_settings) expect(e.protected_settings).toMatch(/var\.contoso_admin_password/);
    }
    expect(json.variable.contoso_admin_password).toMatchObject({ sensitive: true });
    expect(findingsOf(validateTopology(topology.deployment), 'SEC-1')).toEqual([]);
  });

  test('schedules a daily shutdown for every VM', () => {
    const schedules = entries(json, 'azurerm_dev_test_global_vm_shutdown_schedule');
    expect(schedules).toHaveLength(vms.length);
    const targets = schedules.map(([, s]) => s.virtual_machine_id).sort();
    expect(targets).toEqual(vms.map(([n]) => `\${azurerm_windows_virtual_machine.${n}.id}`).sort());
    for (const [, s] of schedules) expect(s).toMatchObject({ daily_recurrence_time: '1900', timezone: 'W. Europe Standard Time', enabled: true });
  });

  test('has Azure Bastion per site and no Internet-facing administrative port', () => {
    const bastions = entries(json, 'azurerm_bastion_host');
    expect(bastions).toHaveLength(2);
    const subnets = entries(json, 'azurerm_subnet').filter(([, s]) => s.name === 'AzureBastionSubnet');
    expect(subnets).toHaveLength(2);
    // Public IPs belong to Bastion and to Edge external NICs only.
    const edgeNics = new Set(topology.deployment._toModel().servers.filter((s) => s.role === ServerRole.EDGE).map((s) => `nic-${s.computerName}`));
    for (const [, nic] of entries(json, 'azurerm_network_interface')) {
      if (edgeNics.has(nic.name)) continue;
      for (const c of nic.ip_configuration) expect(c.public_ip_address_id).toBeUndefined();
    }
    const pips = addressesOf(json, 'azurerm_public_ip', () => true);
    expect(pips.every((p) => p.includes('bastion-ip') || p.includes('_edge_') || p.includes('_reverse-proxy_'))).toBe(true);
    for (const [, r] of entries(json, 'azurerm_network_security_rule')) {
      const sources: string[] = r.source_address_prefixes ?? [r.source_address_prefix];
      const ports: string[] = r.destination_port_ranges ?? [r.destination_port_range];
      const open = ADMIN_PORTS.filter((p) => ports.some((range) => portCovers(range, p)));
      // Administrative ports are allowed only from the Bastion subnets of the lab's sites (RDP over global
      // peering too); the closing rules (deny, and the health probes from AzureLoadBalancer) cover every port.
      if (open.length > 0 && r.access === 'Allow' && !sources.includes('AzureLoadBalancer')) {
        expect(sources.some((s) => ['*', 'Internet', '0.0.0.0/0', 'VirtualNetwork'].includes(s))).toBe(false);
        expect(sources).toEqual(['10.10.128.0/20', '10.20.128.0/20']);
      }
    }
    expect(findingsOf(validateTopology(topology.deployment), 'SEC-2')).toEqual([]);
  });

  test('installs the Windows features each role needs', () => {
    const prereqs = extensions.filter(([, e]) => e.name === 'sfb-lab-prerequisites');
    expect(prereqs).toHaveLength(topology.deployment._toModel().servers.filter((s) => s.role !== ServerRole.DOMAIN_CONTROLLER).length);
    const frontEnd = prereqs.find(([n]) => n.includes('west_pool_servers_server1'))![1];
    const script = Buffer.from(/FromBase64String\('([^']+)'\)/.exec(JSON.parse(frontEnd.settings).commandToExecute)![1], 'base64').toString('utf8');
    for (const f of ROLE_FEATURES[ServerRole.FRONT_END]) expect(script).toContain(`'${f}'`);
    expect(script).toContain('_ldap._tcp.dc._msdcs.');
  });

  test('uses lab sizes and the LAB support posture; VM-1 findings are info', () => {
    const model = topology.deployment._toModel();
    expect(model.supportPosture).toBe(SupportPosture.LAB);
    expect(model.lab).toBe(true);
    const fe = vms.find(([n]) => n.includes('west_pool'))![1];
    expect(fe.size).toBe('Standard_B4ms');
    const vm1 = findingsOf(validateTopology(topology.deployment), 'VM-1');
    expect(vm1.length).toBeGreaterThan(0);
    expect(vm1.every((f) => f.severity === Severity.INFO)).toBe(true);
    // The lab example is the reference on Subscription Edition: no warning, no lifecycle finding at all.
    expect(validateTopology(topology.deployment).filter((f) => f.severity !== Severity.INFO || f.ruleId.startsWith('LIFE-')).map((f) => f.ruleId)).toEqual([]);
  });

  test('uses the free SQL Developer edition image in lab mode', () => {
    const sql = vms.filter(([, vm]) => vm.tags['sfb-role'] === ServerRole.BACK_END);
    const expected = topology.deployment._toModel().servers.filter((x) => x.role === ServerRole.BACK_END);
    expect(sql.length).toBe(expected.length);
    expect(sql.length).toBeGreaterThanOrEqual(2);
    for (const [, vm] of sql) expect(vm.source_image_reference.sku).toBe('sqldev');
  });

  test('lets cdktf destroy remove the SQL disks (no prevent_destroy in lab mode)', () => {
    const disks = entries(json, 'azurerm_managed_disk');
    expect(disks.length).toBeGreaterThanOrEqual(4);
    for (const [, d] of disks) expect(d.lifecycle?.prevent_destroy ?? false).toBe(false);
  });

  test('synthesizes byte-identically twice', () => {
    expect(labExample().text).toBe(text);
  });
});

describe('SfbDeployment lab option', () => {
  test('covers servers created before and after a second site (roster)', () => {
    const { stack, deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    const west = testSite(deployment, 'west');
    new FrontEndPool(west, 'se', { fqdn: 'se-west.corp.contoso.com', edition: PoolEdition.STANDARD });
    const north = testSite(deployment, 'north');
    new FrontEndPool(north, 'se', { fqdn: 'se-north.corp.contoso.com', edition: PoolEdition.STANDARD });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_windows_virtual_machine')).toHaveLength(4);
    expect(resourcesOf(json, 'azurerm_dev_test_global_vm_shutdown_schedule')).toHaveLength(4);
    expect(resourcesOf(json, 'azurerm_virtual_machine_extension').filter((e) => e.type === 'JsonADDomainExtension')).toHaveLength(2);
  });

  test('an explicit vmSize wins over the lab size', () => {
    const { stack, deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    testPool(testSite(deployment), 'pool', { vmSize: 'Standard_D8s_v5' });
    const sizes = resourcesOf(synthJson(stack), 'azurerm_windows_virtual_machine').map((vm) => [vm.tags['sfb-role'], vm.size]);
    expect(sizes).toContainEqual([ServerRole.FRONT_END, 'Standard_D8s_v5']);
    expect(sizes).toContainEqual([ServerRole.BACK_END, 'Standard_B4ms']);
    expect(deployment._defaultVmSize(ServerRole.EDGE, 'Standard_D8s_v5')).toBe('Standard_B2ms');
  });

  test('lab vmSizes override the default lab sizes; without lab the production default stays', () => {
    const { deployment } = testDeployment({ lab: { vmSizes: { [ServerRole.FRONT_END]: 'Standard_B2ms' } }, supportPosture: undefined });
    expect(deployment._defaultVmSize(ServerRole.FRONT_END, 'Standard_D16s_v5')).toBe('Standard_B2ms');
    expect(testDeployment().deployment._defaultVmSize(ServerRole.FRONT_END, 'Standard_D16s_v5')).toBe('Standard_D16s_v5');
  });

  test('without the lab option there are no lab resources', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment));
    const json = synthJson(stack);
    for (const type of ['azurerm_bastion_host', 'azurerm_dev_test_global_vm_shutdown_schedule', 'azurerm_virtual_machine_extension', 'azurerm_virtual_network_dns_servers']) {
      expect(resourcesOf(json, type)).toEqual([]);
    }
    expect(deployment._toModel().lab).toBe(false);
  });

  test('throws for a malformed shutdown time, an unknown option or an unknown role', () => {
    expect(() => testDeployment({ lab: { shutdownTime: '7pm' } })).toThrow(/shutdownTime "7pm" is not a 24-hour HHmm time/);
    expect(() => testDeployment({ lab: { shutdown: '1900' } as never })).toThrow(/shutdown "1900" is not a prop of SfbDeployment lab/);
    expect(() => testDeployment({ lab: { vmSizes: { Frontend: 'Standard_B2s' } as never } })).toThrow(/vmSizes key "Frontend" is not a ServerRole/);
    expect(() => testDeployment({ labs: {} } as never)).toThrow(/labs .* is not a prop of SfbDeployment/);
  });

  test('gives every site a domain controller', () => {
    const { deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    const site: CentralSite = testSite(deployment);
    expect(deployment._toModel().labEnvironment!.domainControllers.map((d) => d.sitePath)).toEqual([site.node.path]);
  });
});

describe('lab scripts', () => {
  test('refuse text an HCL string would interpret', () => {
    expect(() => checkScriptText('Write-Host ${x}')).toThrow(/HCL/);
    expect(() => checkScriptText('C:\\temp')).toThrow(/HCL/);
    expect(checkScriptText(`'${PASSWORD_PLACEHOLDER}'`)).toContain(PASSWORD_PLACEHOLDER);
  });
});
