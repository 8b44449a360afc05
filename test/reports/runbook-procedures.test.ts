/**
 * Catalog rules whose status says "in the runbook" are in the runbook (docs/rules.md prints the status
 * text): FE-9 (restarting a two-server pool) and FE-18 (adding or removing Front End servers).
 */
import { renderRunbook } from '../../lib/experimental';
import { ALL_STATUS } from '../../lib/rules';
import { RuleStatusKind } from '../../lib/rules/rule';
import { modelOf, testPool, testSite } from '../helpers';
import { section, subsection } from '../runbook-sections';

const runbookOf = (frontEndServers: number) => renderRunbook(modelOf(({ deployment }) => void testPool(testSite(deployment, 'west'), 'pool', { frontEndServers })));
const statusOf = (id: string) => ALL_STATUS.find((s) => s.id === id)!;

describe('FE-9: a two-server pool restarts as a pair', () => {
  test('the Restore steps of a two-server pool give the order and the QuorumLossRecovery reset', () => {
    const restore = subsection(section(runbookOf(2), 'Front End pool pool-west.corp.contoso.com'), 'Restore');
    expect(restore).toMatch(/Two Front End servers \(FE-9\).*if pool-west-1 stopped first, start pool-west-2 first/);
    expect(restore).toContain('Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery -PoolFQDN pool-west.corp.contoso.com');
  });

  test('a pool of three has no such step', () => {
    expect(runbookOf(3)).not.toContain('FE-9');
  });

  test('its status says the runbook has it, and where', () => {
    expect(statusOf('FE-9')).toMatchObject({ status: RuleStatusKind.IN_RUNBOOK });
    expect(statusOf('FE-9').note).toMatch(/"Restore" steps of every 2-server Enterprise pool/);
  });
});

describe('FE-18: adding or removing Front End servers', () => {
  const text = section(runbookOf(3), 'Adding or removing Front End servers (FE-18)');

  test('restarts the pool\'s Front Ends one at a time, by name, and resets the pool when it was down', () => {
    expect(text).toContain('one at a time');
    expect(text).toContain('pool-west.corp.contoso.com: pool-west-1, pool-west-2, pool-west-3');
    expect(text).toContain('Reset-CsPoolRegistrarState -ResetType ServiceReset -PoolFQDN pool-west.corp.contoso.com');
    expect(text).toContain('Reset-CsPoolRegistrarState -ResetType FullReset -PoolFqdn pool-west.corp.contoso.com');
  });

  test('the section its status names is a heading of the runbook', () => {
    const named = /"([^"]+\(FE-18\))"/.exec(statusOf('FE-18').note)![1];
    expect(runbookOf(3)).toContain(`\n## ${named}\n`);
  });
});
