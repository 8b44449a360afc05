import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { testStack } from '../helpers';

function locator(runbook: string) {
  return (pattern: RegExp) => {
    const i = runbook.search(pattern);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };
}

describe('the reference runbook composes every area', () => {
  const runbook = buildReferenceTopology(testStack()).deployment.runbook();
  const at = locator(runbook);

  test('has the pool, Edge, Director/Mediation and outage sections, in that order, and no Persistent Chat (Subscription Edition)', () => {
    const order = [
      at(/Invoke-CsPoolFailover -PoolFQDN pool-west\.corp\.contoso\.com -DisasterMode/),
      at(/## Edge pool edge-west\.corp\.contoso\.com/),
      at(/## Restore Director pools, member by member/),
      at(/## Restore Mediation pools, member by member/),
      at(/## During a central-site outage/),
      at(/## Restoring other pools/),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runbook).not.toMatch(/Persistent Chat pool|XmppExternalFederationRoute/);
  });

  test('lists each Director and Mediation pool once, in its own section', () => {
    expect(runbook.match(/Director pool dir-west\.corp\.contoso\.com:/g)).toBeNull();
    expect(runbook.match(/### dir-west\.corp\.contoso\.com/g)).toHaveLength(1);
  });
});

describe('the legacy 2015 runbook composes the Persistent Chat section', () => {
  const runbook = buildSfb2015Topology(testStack()).deployment.runbook();
  const at = locator(runbook);

  test('has the pool, Edge, Persistent Chat and Director/Mediation sections, in that order', () => {
    const order = [
      at(/Invoke-CsPoolFailover -PoolFQDN pool-west\.corp\.contoso\.com -DisasterMode/),
      at(/XmppExternalFederationRoute/),
      at(/## Persistent Chat pool pchat\.corp\.contoso\.com/),
      at(/Set-CsPersistentChatState .*-PoolState FailedOver/),
      at(/## Restore Director pools, member by member/),
      at(/## During a central-site outage/),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
