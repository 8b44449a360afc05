/**
 * The README's shape with sites `east` and `central`: the library's own AlwaysOn names
 * (`central-sqlXX-cl`, 16 characters) used to be refused with NAME-5; they now fit by construction
 * (docs/naming.md), the listener's store FQDN follows its fitted name, and names that fitted stay.
 */
import { AlwaysOnBackEnd, CentralSite, FrontEndPool, PairedPools, ProductVersion, Severity, SqlServerVersion, validateTopology } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { resourcesOf, testDeployment } from '../helpers';

function readmeTopology() {
  const { stack, deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE });
  const east = new CentralSite(deployment, 'east', { location: 'eastus2', addressSpace: '10.10.0.0/16' });
  const central = new CentralSite(deployment, 'central', { location: 'centralus', addressSpace: '10.20.0.0/16' });
  const backEnds = [east, central].map((site) => new AlwaysOnBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 }));
  const pools = [east, central].map((site, i) => new FrontEndPool(site, 'pool', { fqdn: `pool-${site.node.id}.corp.contoso.com`, backEnd: backEnds[i] }));
  new PairedPools(deployment, 'pair', { primary: pools[0], backup: pools[1] });
  return { stack, deployment, backEnds };
}

describe('README topology with sites east and central', () => {
  const { stack, deployment, backEnds } = readmeTopology();
  const before = validateTopology(stack);
  const json = JSON.parse(Testing.synth(stack, true));
  const groups: any[] = resourcesOf(json, 'azurerm_mssql_virtual_machine_group');
  const listeners: any[] = resourcesOf(json, 'azurerm_mssql_virtual_machine_availability_group_listener');

  test('has no naming error and synthesizes', () => {
    expect(before.filter((f) => f.ruleId.startsWith('NAME-'))).toEqual([]);
    expect(before.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(deployment.findings()).toEqual(before);
  });

  test('fits the cluster and listener names of site central to 15 characters with a hash', () => {
    expect(backEnds[1].namePrefix).toMatch(/^central-sql[a-z0-9]{2}$/);
    for (const name of [...groups, ...listeners].map((r) => r.name)) {
      expect(name.length).toBeLessThanOrEqual(15);
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$/);
    }
    expect(groups.map((g) => g.name).filter((n) => n.startsWith('central'))).toEqual([expect.stringMatching(/^central-[a-z0-9]{4}-cl$/)]);
    expect(listeners.map((l) => l.name).filter((n) => n.startsWith('central'))).toEqual([expect.stringMatching(/^central-[a-z0-9]{4}-ag$/)]);
  });

  test('keeps the names that fitted (site east) unchanged', () => {
    const prefix = backEnds[0].namePrefix;
    expect(groups.map((g) => g.name)).toContain(`${prefix}-cl`);
    expect(listeners.map((l) => l.name)).toContain(`${prefix}-ag`);
  });

  test('publishes each store FQDN under the listener name the AG uses', () => {
    expect(backEnds.map((b) => b.storeFqdn.split('.')[0]).sort()).toEqual(listeners.map((l) => l.name.toLowerCase()).sort());
  });
});
