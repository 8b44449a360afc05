import { buildReferenceTopology } from '../../examples/reference/topology';
import { testStack } from '../helpers';

describe('the reference runbook composes every area', () => {
  const runbook = buildReferenceTopology(testStack()).deployment.runbook();
  const at = (pattern: RegExp) => {
    const i = runbook.search(pattern);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };

  test('has the pool, Edge, Persistent Chat, Director/Mediation and outage sections, in that order', () => {
    const order = [
      at(/Invoke-CsPoolFailover -PoolFQDN pool-west\.corp\.contoso\.com -DisasterMode/),
      at(/## Persistent Chat pool pchat\.corp\.contoso\.com/),
      at(/Set-CsPersistentChatState .*-PoolState FailedOver/),
      at(/## Restore Director pools, member by member/),
      at(/## Restore Mediation pools, member by member/),
      at(/## During a central-site outage/),
      at(/## Restoring other pools/),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('lists each Director and Mediation pool once, in its own section', () => {
    expect(runbook.match(/Director pool dir-west\.corp\.contoso\.com:/g)).toBeNull();
    expect(runbook.match(/### dir-west\.corp\.contoso\.com/g)).toHaveLength(1);
  });
});
