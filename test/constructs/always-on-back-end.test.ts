import { AlwaysOnBackEnd, AlwaysOnBackEndProps, ProductVersion, SqlServerVersion } from '../../lib';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';
import { ruleSide } from '../security-groups';

/** The back end's SQL disks (pool file stores have data disks of their own). */
const sqlDisks = (json: any): any[] => resourcesOf(json, 'azurerm_managed_disk').filter((d) => /-sqlwv/.test(d.name));

function synth(props: Partial<AlwaysOnBackEndProps> = {}, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015) {
  const { stack, deployment } = testDeployment({ productVersion });
  const site = testSite(deployment);
  const backEnd = new AlwaysOnBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2019, ...props });
  testPool(site, 'pool', { backEnd });
  return { json: synthJson(stack), backEnd };
}

const isVariable = (v: unknown) => typeof v === 'string' && /^\$\{var\.[a-z0-9_]+\}$/.test(v);

describe('AlwaysOnBackEnd', () => {
  const { json, backEnd } = synth();
  const listener = resourcesOf(json, 'azurerm_mssql_virtual_machine_availability_group_listener');
  const sqlVms = resourcesOf(json, 'azurerm_mssql_virtual_machine');

  test('creates one SQL VM registration per replica, all in one SQL VM group', () => {
    expect(resourcesOf(json, 'azurerm_mssql_virtual_machine_group')).toHaveLength(1);
    expect(sqlVms).toHaveLength(2);
    for (const vm of sqlVms) expect(vm.sql_virtual_machine_group_id).toMatch(/azurerm_mssql_virtual_machine_group\..*\.id/);
  });

  test('creates the listener on 1433 with every replica synchronous, automatic, not readable, one primary', () => {
    expect(listener).toHaveLength(1);
    expect(listener[0].port).toBe(1433);
    const replicas = listener[0].replica;
    expect(replicas).toHaveLength(2);
    for (const r of replicas) {
      expect(r).toMatchObject({ commit: 'Synchronous_Commit', failover_mode: 'Automatic', readable_secondary: 'No' });
      expect(r).not.toHaveProperty('failover');
    }
    expect(replicas.filter((r: any) => r.role === 'Primary')).toHaveLength(1);
    expect(listener[0].load_balancer_configuration.sql_virtual_machine_ids).toHaveLength(2);
    expect(listener[0].load_balancer_configuration.probe_port).toBe(59999);
  });

  test('reaches the listener through a Floating IP rule on a Standard internal load balancer', () => {
    const rules = resourcesOf(json, 'azurerm_lb_rule').filter((r) => r.name === 'sql-listener-1433');
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ frontend_port: 1433, backend_port: 1433, floating_ip_enabled: true });
    expect(resourcesOf(json, 'azurerm_lb_probe').some((p) => p.port === 59999)).toBe(true);
  });

  test('joins the cluster to the AD domain with a cloud witness on a locked-down storage account', () => {
    const group = resourcesOf(json, 'azurerm_mssql_virtual_machine_group')[0];
    expect(group.wsfc_domain_profile).toMatchObject({ fqdn: 'corp.contoso.com', cluster_subnet_type: 'SingleSubnet' });
    expect(group.wsfc_domain_profile.storage_account_url).toMatch(/azurerm_storage_account\..*primary_blob_endpoint/);
    // The group takes the provider's case-sensitive form (SQL_VM_GROUP.imageOffer); the VMs keep the marketplace spelling.
    expect(group).toMatchObject({ sql_image_offer: 'SQL2019-WS2019', sql_image_sku: 'Enterprise' });
    // The backups' accounts (sfbq…, sfbx…) aside.
    const witness = resourcesOf(json, 'azurerm_storage_account').filter((a) => !a.name.startsWith('sfb'));
    expect(witness).toHaveLength(1);
    expect(witness[0]).toMatchObject({ min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: false, https_traffic_only_enabled: true });
    expect(witness[0].name).toMatch(/^[a-z0-9]{3,24}$/);
  });

  test('takes every cluster and SQL credential from sensitive variables', () => {
    for (const vm of sqlVms) {
      const c = vm.wsfc_domain_credential;
      for (const key of ['cluster_bootstrap_account_password', 'cluster_operator_account_password', 'sql_service_account_password']) expect(isVariable(c[key])).toBe(true);
    }
    for (const name of ['contoso_cluster_bootstrap_password', 'contoso_cluster_operator_password', 'contoso_sql_service_password', 'contoso_domain_join_password']) {
      expect(json.variable[name]).toMatchObject({ sensitive: true });
    }
    for (const vm of resourcesOf(json, 'azurerm_windows_virtual_machine')) expect(isVariable(vm.admin_password)).toBe(true);
    const join = resourcesOf(json, 'azurerm_virtual_machine_extension').filter((e) => e.type === 'JsonADDomainExtension');
    expect(join).toHaveLength(2);
    expect(join[0].protected_settings).toMatch(/var\.contoso_domain_join_password/);
  });

  test('spreads the replicas over zones with the SQL 2019 image on a Windows version 2015 supports', () => {
    const sqlServers = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((v) => v.name.startsWith('west-sqlwv-'));
    expect(sqlServers.map((v) => v.zone)).toEqual(['1', '2']);
    expect(sqlServers[0].source_image_reference).toMatchObject({ publisher: 'MicrosoftSQLServer', offer: 'sql2019-ws2019', sku: 'enterprise' });
    expect(synth({}, ProductVersion.SKYPE_FOR_BUSINESS_2019).json.resource.azurerm_mssql_virtual_machine_group).toBeDefined();
  });

  test('exposes the listener FQDN to the pool, in private DNS and as an output', () => {
    expect(backEnd.storeFqdn).toBe('west-sqlwv-ag.corp.contoso.com');
    const record = resourcesOf(json, 'azurerm_private_dns_a_record').find((r) => r.name === 'west-sqlwv-ag');
    const lb = resourcesOf(json, 'azurerm_lb').find((l) => l.name === 'lbi-west-sqlwv-ag');
    expect(record.records).toEqual([lb.frontend_ip_configuration[0].private_ip_address]);
    expect(json.output.contoso_west_backend_sql_store_fqdn.value).toBe('west-sqlwv-ag.corp.contoso.com');
  });

  test('opens 1433 from the pool, 5022 between replicas and the probe port from the load balancer', () => {
    const rules = resourcesOf(json, 'azurerm_network_security_rule');
    // To the replicas and the listener's floating address (what the NSG sees), not the whole subnet.
    const lb = resourcesOf(json, 'azurerm_lb').find((l) => l.name === 'lbi-west-sqlwv-ag');
    const replicaIps = resourcesOf(json, 'azurerm_network_interface').filter((n) => /west-sqlwv/.test(n.name)).map((n) => `${n.ip_configuration[0].private_ip_address}/32`);
    expect(rules.find((r) => r.name === 'sql-from-west-pool')).toMatchObject({ destination_port_range: '1433' });
    // The replicas by their group, the listener's floating address by a rule of its own (no group holds it).
    expect(ruleSide(json, rules.find((r) => r.name === 'sql-from-west-pool'), 'destination')).toEqual([...replicaIps].sort());
    expect(rules.find((r) => r.name === 'sql-store-from-west-pool')).toMatchObject({ destination_port_range: '1433', destination_address_prefix: `${lb.frontend_ip_configuration[0].private_ip_address}/32` });
    expect(rules.find((r) => r.name === 'sql-browser-store-from-west-pool')).toMatchObject({ protocol: 'Udp', destination_address_prefix: `${lb.frontend_ip_configuration[0].private_ip_address}/32` });
    // From the pool's application security group: its three Front Ends.
    expect(ruleSide(json, rules.find((r) => r.name === 'sql-from-west-pool'), 'source')).toHaveLength(3);
    // Between the replicas only: the AG endpoint and the failover cluster under it.
    const ag = rules.find((r) => r.name === 'backend-ag-endpoint');
    expect(ag).toMatchObject({ destination_port_range: '5022' });
    expect(ag.source_address_prefixes).toEqual(ag.destination_address_prefixes);
    expect(rules.find((r) => r.name === 'backend-cluster-udp')).toMatchObject({ destination_port_range: '3343', protocol: 'Udp' });
    expect(rules.find((r) => r.name === 'backend-cluster-tcp').destination_port_ranges).toEqual(['135', '445', '3343', '49152-65535']);
    expect(rules.find((r) => r.name === 'backend-listener-probe')).toMatchObject({ destination_port_range: '59999', source_address_prefix: 'AzureLoadBalancer' });
  });

  test('protects data and log disks unless protectDataDisks is false', () => {
    const disks = sqlDisks(json);
    expect(disks).toHaveLength(4);
    for (const d of disks) expect(d.lifecycle).toEqual({ prevent_destroy: true });
    for (const d of sqlDisks(synth({ protectDataDisks: false }).json)) expect(d.lifecycle).toEqual({ prevent_destroy: false });
  });

  test('puts SQL data and log on the attached disks', () => {
    expect(sqlVms[0].storage_configuration).toMatchObject({ disk_type: 'NEW', data_settings: { luns: [0] }, log_settings: { luns: [1] } });
  });

  test('throws for replica counts that cannot be built and for unknown props', () => {
    expect(() => synth({ replicas: 1 })).toThrow(/replicas 1 is out of range; allowed are whole numbers from 2 to 9/);
    expect(() => synth({ replicas: 2.5 })).toThrow(/replicas/);
    expect(() => synth({ listenerPorts: 1433 } as never)).toThrow(/listenerPorts .* is not a prop of AlwaysOnBackEnd/);
    expect(() => synth({ witnessStorageAccountName: 'Bad_Name' })).toThrow(/witnessStorageAccountName/);
  });
});
