/**
 * Growing a pool past nine servers renames none of them, even when its label leaves no room for a
 * second digit: each derived computer name is fitted on its own (docs/naming.md).
 */
import { synthJson, testDeployment, testPool, testSite } from '../helpers';
import { computerNameProblem } from '../../lib/rules/naming';

/** Computer names of the synthesized VMs, by construct address. */
function computerNames(servers: number): Map<string, string> {
  const { stack, deployment } = testDeployment();
  // "poolnorthwest" is 13 characters: `poolnorthwest-9` is 15, `poolnorthwest-10` would be 16.
  testPool(testSite(deployment), 'pool', { fqdn: 'poolnorthwest.corp.contoso.com', frontEndServers: servers });
  const vms = synthJson(stack).resource.azurerm_windows_virtual_machine as Record<string, { computer_name: string }>;
  return new Map(Object.entries(vms).map(([id, vm]) => [id, vm.computer_name]));
}

test('a pool whose 13-character label grows from 9 to 10 Front Ends keeps the first nine names', () => {
  const nine = computerNames(9);
  const ten = computerNames(10);
  const frontEnds = [...nine.values()].filter((n) => n.startsWith('poolnorthwest-'));
  expect(frontEnds).toHaveLength(9);
  for (const [id, name] of nine) expect(ten.get(id)).toBe(name);
  const added = [...ten.entries()].filter(([id]) => !nine.has(id));
  expect(added).toHaveLength(1);
  const [, tenth] = added[0]!;
  expect(tenth).toMatch(/-10$/);
  expect(computerNameProblem(tenth)).toBeUndefined();
  expect(new Set(ten.values()).size).toBe(ten.size);
});
