import { LoadBalancing, validateTopology } from '../../lib';
import { AZURE_RULES } from '../../lib/rules/azure';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const AZURE_4 = AZURE_RULES.find((r) => r.id === 'AZURE-4');

describe('AZURE-4: web-services load balancing settings', () => {
  it('passes for a pool whose SIP is hardware load balanced (its SIP rules use source affinity)', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { sipLoadBalancing: LoadBalancing.HARDWARE });
    expect(findingsOf(validateTopology(deployment), 'AZURE-4').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('fails when an external web rule uses source affinity', () => {
    const model = modelOf(({ deployment }) => testPool(testSite(deployment), 'pool', { sipLoadBalancing: LoadBalancing.HARDWARE }));
    const pool = model.frontEndPools[0];
    const lb = pool.webLoadBalancer!;
    const broken = { ...pool, webLoadBalancer: { ...lb, rules: lb.rules.map((r) => (r.frontendPort === 4443 ? { ...r, loadDistribution: 'SourceIP' as const } : r)) } };
    const errors = check(AZURE_4, { ...model, frontEndPools: [broken] }).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toEqual([expect.stringContaining('port 4443 uses SourceIP')]);
  });
});
