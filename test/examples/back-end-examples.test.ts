import { BackEndMode, Severity, validateTopology } from '../../lib';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildLync2013Topology } from '../../examples/lync2013/topology';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { resourcesOf } from '../helpers';

function stackWith(build: (stack: TerraformStack) => unknown) {
  const stack = new TerraformStack(Testing.app(), 'example');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build(stack);
  return stack;
}

describe('the Lync Server 2013 example', () => {
  const stack = stackWith(buildLync2013Topology);

  test('synthesizes with validations and has no error or warning finding of the back-end area', () => {
    const json = JSON.parse(Testing.synth(stack, true));
    const findings = validateTopology(stack);
    expect(findings.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    const backEndIds = ['VER-1', 'VER-2', 'BE-1', 'BE-3', 'BE-4', 'BE-12', 'BE-14', 'BE-15', 'FE-8'];
    expect(findings.filter((f) => backEndIds.includes(f.ruleId) && f.severity === Severity.WARNING)).toEqual([]);
    expect(resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.destination_port_range === '7022')).toHaveLength(2);
    expect(Object.keys(json.output).filter((k) => !k.endsWith('_backup_export_task')).sort()).toEqual([
      'fabrikam_north_backend_mirroring_setup', 'fabrikam_north_backend_sql_store_fqdn',
      'fabrikam_west_backend_mirroring_setup', 'fabrikam_west_backend_sql_store_fqdn',
    ]);
  });

  test('uses mirrored SQL Server 2012 back ends with witnesses', () => {
    const t = buildLync2013Topology(new TerraformStack(Testing.app(), 'model'));
    const model = t.deployment._toModel();
    expect(model.backEnds.map((b) => [b.mode, b.sqlVersion, b.witness])).toEqual([
      [BackEndMode.MIRRORING, '2012', true],
      [BackEndMode.MIRRORING, '2012', true],
    ]);
  });

  test('re-synthesizes byte for byte', () => {
    expect(Testing.synth(stackWith(buildLync2013Topology))).toBe(Testing.synth(stackWith(buildLync2013Topology)));
  });
});

describe('the reference example', () => {
  test('uses AlwaysOn back ends of two SQL Server 2019 Enterprise replicas and synthesizes', () => {
    const stack = stackWith(buildReferenceTopology);
    const json = JSON.parse(Testing.synth(stack, true));
    expect(resourcesOf(json, 'azurerm_mssql_virtual_machine_availability_group_listener')).toHaveLength(2);
    const t = buildReferenceTopology(new TerraformStack(Testing.app(), 'model'));
    expect(t.deployment._toModel().backEnds.map((b) => [b.mode, b.sqlVersion, b.sqlEdition, b.servers.length])).toEqual([
      [BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP, '2019', 'Enterprise', 2],
      [BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP, '2019', 'Enterprise', 2],
    ]);
  });
});
