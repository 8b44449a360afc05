import { azureNameProblem } from '../../lib/model/azure-names';
import { derivedServerPrefix, fitName, nameHash, serverComputerName, sqlClusterName, sqlListenerName } from '../../lib/model/names';
import { computerNameProblem } from '../../lib/rules/naming';

describe('fitName', () => {
  test('keeps a name that fits', () => {
    expect(fitName('azurerm_virtual_network', 'vnet-contoso-west')).toBe('vnet-contoso-west');
    expect(sqlClusterName('east-sqlk0')).toBe('east-sqlk0-cl');
  });

  test('cuts a long name, appends a hash of the whole and keeps the tail', () => {
    const long = `nsg-contoso-${'x'.repeat(80)}`;
    const name = fitName('azurerm_network_security_group', long, '-front-end');
    expect(name).toHaveLength(80);
    expect(name).toBe(`${long.slice(0, 80 - 10 - 7)}-${nameHash(long + '-front-end', 6)}-front-end`);
    expect(azureNameProblem('azurerm_network_security_group', name)).toBeUndefined();
  });

  test('is deterministic and keeps candidates that share a long start apart', () => {
    const a = fitName('azurerm_virtual_network', `vnet-${'x'.repeat(70)}-a`);
    const b = fitName('azurerm_virtual_network', `vnet-${'x'.repeat(70)}-b`);
    expect(a).not.toBe(b);
    expect(fitName('azurerm_virtual_network', `vnet-${'x'.repeat(70)}-a`)).toBe(a);
  });

  test('sanitizes to the type charset', () => {
    const account = fitName('azurerm_storage_account', 'sfb-Witness-West');
    expect(account).toMatch(/^[a-z0-9]{3,24}$/);
    expect(account.startsWith('sfbwitnesswest')).toBe(true);
  });

  test('fits the README names of site central to 15 characters', () => {
    for (const name of [sqlClusterName('central-sqlk0'), sqlListenerName('central-sqlk0')]) {
      expect(name).toMatch(/^central-[a-z0-9]{4}-(cl|ag)$/);
      expect(azureNameProblem('azurerm_mssql_virtual_machine_group', name)).toBeUndefined();
    }
  });
});

describe('derivedServerPrefix', () => {
  test('keeps a prefix whose first server name fits', () => {
    expect(derivedServerPrefix('pool-west')).toBe('pool-west');
    expect(derivedServerPrefix('abcdefghijklm')).toBe('abcdefghijklm');
  });

  test('shortens so every server up to 99 fits 15 characters', () => {
    const prefix = derivedServerPrefix('frontendpoolwest');
    expect(prefix.length).toBeLessThanOrEqual(12);
    for (const n of [1, 10, 99]) expect(computerNameProblem(serverComputerName(prefix, n, true))).toBeUndefined();
  });

  test('sanitizes characters a computer name refuses', () => {
    expect(computerNameProblem(serverComputerName(derivedServerPrefix('pool_a'), 2, true))).toBeUndefined();
  });
});

describe('serverComputerName', () => {
  test('a derived name depends on its index alone: a tenth server renames none of the first nine', () => {
    const prefix = derivedServerPrefix('abcdefghijklm');
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => serverComputerName(prefix, n, true));
    expect(nine).toEqual(nine.map((_, i) => `abcdefghijklm-${i + 1}`));
    const tenth = serverComputerName(prefix, 10, true);
    expect(computerNameProblem(tenth)).toBeUndefined();
    expect(tenth).toMatch(/-10$/);
    expect(new Set([...nine, tenth]).size).toBe(10);
  });

  test('a prefix the user gave is used as given, even when too long (NAME-1 reports it)', () => {
    expect(serverComputerName('abcdefghijklm', 10, false)).toBe('abcdefghijklm-10');
  });
});
