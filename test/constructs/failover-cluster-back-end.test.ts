import { FailoverClusterBackEnd, FailoverClusterBackEndProps, ProductVersion, SqlServerVersion } from '../../lib';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

/** The back end's SQL disks (pool file stores have data disks of their own). */
const sqlDisks = (json: any): any[] => resourcesOf(json, 'azurerm_managed_disk').filter((d) => /-sqlwv/.test(d.name));

function synth(props: Partial<FailoverClusterBackEndProps> = {}, zones?: string[], productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2019) {
  const { stack, deployment } = testDeployment({ productVersion });
  const site = testSite(deployment, 'west', zones ? { availabilityZones: zones } : {});
  const backEnd = new FailoverClusterBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2019, ...props });
  testPool(site, 'pool', { backEnd });
  return { json: synthJson(stack), backEnd };
}

describe('FailoverClusterBackEnd', () => {
  const { json, backEnd } = synth();
  const nodes = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((v) => v.name.startsWith('west-sqlwv-'));

  test('creates the nodes over zones, joined to the domain with a sensitive password', () => {
    expect(nodes.map((n) => n.zone)).toEqual(['1', '2']);
    const join = resourcesOf(json, 'azurerm_virtual_machine_extension').filter((e) => e.type === 'JsonADDomainExtension');
    expect(join).toHaveLength(2);
    expect(join[0].protected_settings).toMatch(/var\.contoso_domain_join_password/);
    expect(json.variable.contoso_domain_join_password.sensitive).toBe(true);
  });

  test('shares zone-redundant Premium data and log disks between all nodes, protected from destroy', () => {
    const disks = sqlDisks(json);
    expect(disks).toHaveLength(2);
    for (const d of disks) {
      expect(d).toMatchObject({ storage_account_type: 'Premium_ZRS', max_shares: 2, lifecycle: { prevent_destroy: true } });
      expect(d.zone).toBeUndefined();
    }
    const attachments = resourcesOf(json, 'azurerm_virtual_machine_data_disk_attachment').filter((a) => a.managed_disk_id.includes('_backend_shared-'));
    expect(attachments).toHaveLength(4);
    for (const a of attachments) expect(a.caching).toBe('None');
  });

  test('uses locally redundant shared disks in an availability set when the site has no zones', () => {
    const { json: noZones } = synth({}, []);
    for (const d of resourcesOf(noZones, 'azurerm_managed_disk')) expect(d.storage_account_type).toBe('Premium_LRS');
    expect(resourcesOf(noZones, 'azurerm_availability_set').length).toBeGreaterThan(0);
  });

  test('sizes the shared disks for the node count', () => {
    const disks = sqlDisks(synth({ nodes: 4 }).json);
    expect(disks[0]).toMatchObject({ max_shares: 4, disk_size_gb: 1024 });
  });

  test('reaches the cluster network name through a Floating IP load-balancer rule and private DNS', () => {
    const rule = resourcesOf(json, 'azurerm_lb_rule').find((r) => r.name === 'sql-1433');
    expect(rule).toMatchObject({ frontend_port: 1433, floating_ip_enabled: true });
    expect(backEnd.storeFqdn).toBe('west-sqlwv-fc.corp.contoso.com');
    expect(resourcesOf(json, 'azurerm_private_dns_a_record').some((r) => r.name === 'west-sqlwv-fc')).toBe(true);
    expect(json.output.contoso_west_backend_sql_store_fqdn.value).toBe('west-sqlwv-fc.corp.contoso.com');
  });

  test('writes the cluster and instance setup with the names filled in and no password', () => {
    const setup: string = json.output.contoso_west_backend_cluster_setup.value;
    expect(setup).toMatch(/New-Cluster -Name west-sqlwv-cl -Node west-sqlwv-1,west-sqlwv-2 -NoStorage -ManagementPointNetworkType Distributed/);
    expect(setup).toMatch(/FAILOVERCLUSTERNETWORKNAME=west-sqlwv-fc/);
    expect(setup).toMatch(/ProbePort=59999/);
    expect(setup).not.toMatch(/var\./);
  });

  test('gives Windows Server 2012 R2 clusters a static management address (Lync Server 2013)', () => {
    const { json: lync } = synth({ sqlVersion: SqlServerVersion.SQL_2012 }, undefined, ProductVersion.LYNC_SERVER_2013);
    expect(lync.output.contoso_west_backend_cluster_setup.value).toMatch(/-StaticAddress 10\.10\.(1[6-9]|2\d|3[01])\.\d+/);
  });

  test('throws for more nodes than an Azure shared disk accepts', () => {
    expect(() => synth({ nodes: 11 })).toThrow(/at most 10 VMs/);
    expect(() => synth({ node: 2 } as never)).toThrow(/is not a prop of FailoverClusterBackEnd/);
  });
});
