import { MirroredBackEnd, MirroredBackEndProps, ProductVersion, SqlServerVersion } from '../../lib';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

/** The back end's SQL disks (pool file stores have data disks of their own). */
const sqlDisks = (json: any): any[] => resourcesOf(json, 'azurerm_managed_disk').filter((d) => /-sqlwv/.test(d.name));

function synth(props: Partial<MirroredBackEndProps> = {}) {
  const { stack, deployment } = testDeployment({ productVersion: ProductVersion.LYNC_SERVER_2013 });
  const site = testSite(deployment);
  const backEnd = new MirroredBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2012, ...props });
  testPool(site, 'pool', { backEnd });
  return { json: synthJson(stack), backEnd };
}

const sqlVmsOf = (json: any) => resourcesOf(json, 'azurerm_windows_virtual_machine').filter((v) => v.name.startsWith('west-sqlwv'));

describe('MirroredBackEnd', () => {
  const { json, backEnd } = synth();

  test('places principal, mirror and witness in three different zones', () => {
    expect(sqlVmsOf(json).map((v) => [v.name, v.zone])).toEqual([['west-sqlwv-1', '1'], ['west-sqlwv-2', '2'], ['west-sqlwvw-1', '3']]);
  });

  test('uses the SQL 2012 image on Windows Server 2012 R2 (what Lync Server 2013 supports)', () => {
    expect(sqlVmsOf(json)[0].source_image_reference).toMatchObject({ offer: 'SQL2012SP4-WS2012R2', sku: 'Enterprise' });
  });

  test('gives principal and mirror protected data and log disks, the witness none', () => {
    const disks = sqlDisks(json);
    expect(disks.map((d) => d.name).sort()).toEqual(['disk-west-sqlwv-1-data', 'disk-west-sqlwv-1-log', 'disk-west-sqlwv-2-data', 'disk-west-sqlwv-2-log']);
    for (const d of disks) expect(d.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('opens 5022 between principal and mirror, 7022 to the witness, 1433 from the pool', () => {
    const rules = resourcesOf(json, 'azurerm_network_security_rule');
    const [p, m, w] = sqlVmsOf(json).map((v) => {
      const nic = resourcesOf(json, 'azurerm_network_interface').find((n) => n.name === `nic-${v.name}`);
      return `${nic.ip_configuration[0].private_ip_address}/32`;
    });
    // The witness connects to the partners' endpoints too.
    expect(rules.find((r) => r.name === 'backend-mirroring')).toMatchObject({ destination_port_range: '5022', source_address_prefixes: [p, m, w], destination_address_prefixes: [p, m] });
    expect(rules.find((r) => r.name === 'backend-mirroring-witness')).toMatchObject({ destination_port_range: '7022', source_address_prefixes: [p, m], destination_address_prefix: w });
    expect(rules.find((r) => r.name === 'sql-from-west-pool')).toMatchObject({ destination_port_range: '1433' });
  });

  test('exposes the principal as the SQL store, in DNS and as outputs with the mirroring setup', () => {
    expect(backEnd.storeFqdn).toBe('west-sqlwv-1.corp.contoso.com');
    expect(json.output.contoso_west_backend_sql_store_fqdn.value).toBe('west-sqlwv-1.corp.contoso.com');
    const setup = json.output.contoso_west_backend_mirroring_setup.value;
    expect(setup).toMatch(/mirror store west-sqlwv-2\.corp\.contoso\.com; mirroring port 5022/);
    expect(setup).toMatch(/west-sqlwvw-1\.corp\.contoso\.com, witness port 7022/);
    expect(setup).toMatch(/Install-CsMirrorDatabase -ConfiguredDatabases -FileShare \\\\west-sqlwv-1\\csdatabackup -SqlServerFqdn west-sqlwv-1\.corp\.contoso\.com/);
    const names = resourcesOf(json, 'azurerm_private_dns_a_record').map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['west-sqlwv-1', 'west-sqlwv-2', 'west-sqlwvw-1']));
  });

  test('without a witness: two servers, no 7022 rule, manual failover in the setup', () => {
    const { json: noWitness } = synth({ witness: false });
    expect(sqlVmsOf(noWitness)).toHaveLength(2);
    expect(resourcesOf(noWitness, 'azurerm_network_security_rule').some((r) => r.destination_port_range === '7022')).toBe(false);
    expect(noWitness.output.contoso_west_backend_mirroring_setup.value).toMatch(/failover is manual/);
  });

  test('throws for a witness that is not a boolean and for unknown props', () => {
    expect(() => synth({ witness: 'yes' as never })).toThrow(/witness "yes" is not a boolean/);
    expect(() => synth({ mirrorZone: '2' } as never)).toThrow(/mirrorZone/);
  });
});
