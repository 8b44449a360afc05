import { AzureNameModel, Severity, StandaloneBackEnd, SqlServerVersion, validateTopology } from '../../lib/experimental';
import { NAMING_RULES } from '../../lib/rules/naming';
import { evaluate } from '../../lib/rules/engine';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => NAMING_RULES.find((r) => r.id === id);

function withNames(names: AzureNameModel[]) {
  const model = modelOf(({ deployment }) => testPool(testSite(deployment)));
  return { ...model, azureNames: [...(model.azureNames ?? []), ...names] };
}

describe('NAME-5: Azure resource names within their type\'s limits', () => {
  it('a long site ID gives a virtual network name shortened to 64 characters with a hash, so no finding', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment, `west${'x'.repeat(60)}`);
    testPool(site);
    expect(findingsOf(validateTopology(deployment), 'NAME-5')).toEqual([]);
    const name = (site._virtualNetwork as unknown as { nameInput: string }).nameInput;
    expect(name).toMatch(/^vnet-contoso-westx+-[a-z0-9]{6}$/);
    expect(name).toHaveLength(64);
  });

  it('fails on a name that is too long', () => {
    const findings = check(rule('NAME-5'), withNames([{ path: 'x/vnet', type: 'azurerm_virtual_network', name: `vnet-${'x'.repeat(60)}` }]));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/is 65 characters long; Microsoft.Network\/virtualNetworks names have 2 to 64/)]);
    expect(findings.every((f) => f.severity === Severity.ERROR)).toBe(true);
  });

  it('fails on a subnet name that ends with a period', () => {
    const findings = check(rule('NAME-5'), withNames([{ path: 'x/subnet', type: 'azurerm_subnet', name: 'snet-app.' }]));
    expect(findings.map((f) => f.path)).toEqual(['x/subnet']);
    expect(findings[0].message).toContain('character rules');
  });

  it('passes for every name the library derives for a default topology', () => {
    const model = modelOf(({ deployment }) => testPool(testSite(deployment)));
    expect(model.azureNames!.length).toBeGreaterThan(20);
    expect(check(rule('NAME-5'), model)).toEqual([]);
  });
});

describe('NAME-6: storage account names', () => {
  it('fails on hyphens, upper case and a repeated name', () => {
    const findings = check(rule('NAME-6'), withNames([
      { path: 'x/witness', type: 'azurerm_storage_account', name: 'sfb-witness' },
      { path: 'x/share1', type: 'azurerm_storage_account', name: 'sfbfiles01' },
      { path: 'x/share2', type: 'azurerm_storage_account', name: 'SFBfiles01' },
    ]));
    expect(findings.map((f) => f.path)).toEqual(['x/witness', 'x/share2', 'x/share2']);
    expect(findings[2].message).toContain('already used by x/share1');
  });

  it('fails on names shorter than 3 or longer than 24 characters', () => {
    const findings = check(rule('NAME-6'), withNames([
      { path: 'x/a', type: 'azurerm_storage_account', name: 'ab' },
      { path: 'x/b', type: 'azurerm_storage_account', name: 'a'.repeat(25) },
    ]));
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('2 characters'), expect.stringContaining('25 characters')]);
  });

  it('passes for distinct lowercase alphanumeric names', () => {
    expect(check(rule('NAME-6'), withNames([
      { path: 'x/a', type: 'azurerm_storage_account', name: 'sfbwitness01' },
      { path: 'x/b', type: 'azurerm_storage_account', name: 'sfbfiles01' },
    ]))).toEqual([]);
  });
});

describe('NAME-7: computer names unique in the AD domain', () => {
  it('fails when two back ends in different sites use the same server name prefix', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    testPool(west, 'pool', { backEnd: new StandaloneBackEnd(west, 'be', { sqlVersion: SqlServerVersion.SQL_2019, serverNamePrefix: 'sql' }) });
    testPool(north, 'pool', { backEnd: new StandaloneBackEnd(north, 'be', { sqlVersion: SqlServerVersion.SQL_2019, serverNamePrefix: 'SQL' }) });
    // The server FQDNs (computer name + AD domain) clash too: one NAME-4 finding names the computer names (NAME-7).
    const all = validateTopology(deployment);
    expect(findingsOf(all, 'NAME-7')).toEqual([]);
    const findings = findingsOf(all, 'NAME-4');
    // Key (path) order: north's server owns the name first.
    expect(findings.map((f) => f.path)).toEqual(['test/contoso/west/be/sql/servers/server1']);
    expect(findings[0].message).toContain('is already the server FQDN of test/contoso/north/be/sql/servers/server1');
  });

  it('reports computer names alone once per pair of constructs when only they clash (model)', () => {
    const built = modelOf(({ deployment }) => {
      testPool(testSite(deployment, 'west'), 'pool', { fqdn: 'pool.corp.contoso.com' });
      testPool(testSite(deployment, 'north'), 'pool', { fqdn: 'pool.contoso.com', externalWebFqdn: 'web-north.contoso.com' });
    });
    // Server FQDNs are computer name + AD domain, so only an edited model has distinct FQDNs for equal names.
    const model = { ...built, servers: built.servers.map((s) => (s.path.startsWith('test/contoso/north/pool/') ? { ...s, fqdn: `${s.computerName}.north.contoso.com` } : s)) };
    const findings = evaluate(model).filter((f) => f.ruleId === 'NAME-7' || f.ruleId === 'NAME-4');
    expect(findings).toHaveLength(1);
    // Key (path) order: north's servers own the names first.
    expect(findings[0]).toMatchObject({ ruleId: 'NAME-7', path: 'test/contoso/west/pool' });
    expect(findings[0].message).toMatch(/computer names "pool-1", "pool-2", "pool-3" of test\/contoso\/west\/pool are already the names of servers of test\/contoso\/north\/pool/);
  });

  it('passes when every server has its own name', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
    expect(findingsOf(validateTopology(deployment), 'NAME-7')).toEqual([]);
  });
});
