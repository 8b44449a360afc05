import { chatRunbook } from '../../lib/experimental';
import { chatTopology } from '../chat-helpers';
import { testDeployment, testPool, testSite } from '../helpers';

const runbook = (...args: Parameters<typeof chatTopology>) => chatRunbook(chatTopology(...args).deployment._toModel());

describe('chatRunbook', () => {
  test('is empty without a chat pool', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment));
    expect(chatRunbook(deployment._toModel())).toBe('');
  });

  test('fails over: drops log shipping on the secondary, restores WITH RECOVERY, then FailedOver, mirror, active servers', () => {
    const text = runbook();
    const steps = [
      'exec sp_delete_log_shipping_secondary_database mgc',
      'RESTORE DATABASE mgc WITH RECOVERY',
      'Set-CsPersistentChatState -Identity "PersistentChatServer:pchat.corp.contoso.com" -PoolState FailedOver',
      'Install-CsMirrorDatabase -DatabaseType PersistentChat -SqlServerFqdn north-pcswr-1.corp.contoso.com',
      'Set-CsPersistentChatActiveServer -Identity "PersistentChatServer:pchat.corp.contoso.com" -ActiveServers @{Replace="pchat-3.corp.contoso.com","pchat-4.corp.contoso.com"}',
    ];
    const at = steps.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(/## Persistent Chat pool pchat\.corp\.contoso\.com/);
  });

  test('fails back: clears the active servers first and ends with -PoolState Normal', () => {
    const text = runbook();
    const back = text.slice(text.indexOf('### Fail back'));
    expect(back.indexOf('-ActiveServers $null')).toBeGreaterThan(0);
    expect(back.indexOf('-ActiveServers $null')).toBeLessThan(back.indexOf('RECOVERY'));
    expect(back.trimEnd().endsWith('-PoolState Normal`.')).toBe(true);
    expect(back).toMatch(/@\{Replace="pchat-1\.corp\.contoso\.com","pchat-2\.corp\.contoso\.com"\}/);
  });

  test('says the compliance database is not failed over', () => {
    expect(runbook({ compliance: true })).toMatch(/compliance database \(mgccomp\) is not failed over/);
    expect(runbook()).not.toMatch(/mgccomp/);
  });

  test('has no log-shipping failover for a pool on an existing back end', () => {
    const text = runbook(({ westPool }) => ({ backEnd: westPool.backEnd, secondaryIdleServers: 0 }));
    expect(text).toMatch(/no log-shipping secondary/);
    expect(text).not.toMatch(/FailedOver/);
  });
});
