import { acknowledgeFinding, PoolEdition, Severity, validateTopology } from '../../lib';
import { ROLES_RULES } from '../../lib/rules/roles';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

describe('AZURE-8: Azure host maintenance and live migration', () => {
  test('a deployment with Front Ends gets one warning naming the roles', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool');
    const f = findingsOf(validateTopology(deployment), 'AZURE-8');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso' });
    expect(f[0].message).toMatch(/3 Front End server\(s\).*live-migrate/);
  });

  test('a Standard Edition server is covered too', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'se', { edition: PoolEdition.STANDARD, backEnd: undefined });
    expect(findingsOf(validateTopology(deployment), 'AZURE-8')[0].message).toMatch(/Standard Edition/);
  });

  test('a topology without those roles has none', () => {
    const model = modelOf(({ deployment }) => testPool(testSite(deployment)));
    const noFrontEnds = { ...model, servers: model.servers.filter((s) => s.role === 'Back End') };
    expect(check(ROLES_RULES.find((r) => r.id === 'AZURE-8'), noFrontEnds)).toEqual([]);
  });

  test('can be acknowledged with a reason', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool');
    acknowledgeFinding(deployment, 'AZURE-8', 'maintenance windows are scheduled by the operations team');
    expect(findingsOf(validateTopology(deployment), 'AZURE-8')[0]).toMatchObject({ severity: Severity.INFO });
  });
});
