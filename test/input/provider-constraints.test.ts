/**
 * The azurerm provider's own argument checks (lib/model/provider-constraints.ts) hold for what the
 * library writes, and user input the provider would refuse fails at synthesis, not at apply.
 */
import {
  AlwaysOnBackEnd,
  FrontEndPool,
  ProductVersion,
  ReverseProxy,
  Severity,
  SqlEdition,
  SqlServerVersion,
  validateTopology,
} from '../../lib';
import { APPLICATION_GATEWAY, SHUTDOWN_SCHEDULE, SQL_VM_GROUP, WINDOWS_ADMIN_USERNAME } from '../../lib/model/provider-constraints';
import { findingsOf, resourcesOf, synthJson, testDeployment, testSite } from '../helpers';
import { providerConstraints } from '../provider-invariants';

function alwaysOn(productVersion: ProductVersion, sqlVersion: SqlServerVersion, lab = false, sqlEdition = SqlEdition.ENTERPRISE) {
  const { stack, deployment } = testDeployment({ productVersion, ...(lab ? { lab: {} } : {}) });
  const site = testSite(deployment);
  const backEnd = new AlwaysOnBackEnd(site, 'ag', { sqlVersion, sqlEdition });
  new FrontEndPool(site, 'pool', { fqdn: 'pool.corp.contoso.com', backEnd });
  return { stack, deployment };
}

describe('azurerm_mssql_virtual_machine_group.sql_image_offer (internal/services/mssql/validate/sql_image_offer_name.go)', () => {
  const cases: [ProductVersion, SqlServerVersion][] = [
    [ProductVersion.SKYPE_FOR_BUSINESS_2015, SqlServerVersion.SQL_2012],
    [ProductVersion.SKYPE_FOR_BUSINESS_2015, SqlServerVersion.SQL_2014],
    [ProductVersion.SKYPE_FOR_BUSINESS_2015, SqlServerVersion.SQL_2016],
    [ProductVersion.SKYPE_FOR_BUSINESS_2015, SqlServerVersion.SQL_2017],
    [ProductVersion.SKYPE_FOR_BUSINESS_2015, SqlServerVersion.SQL_2019],
    [ProductVersion.SKYPE_FOR_BUSINESS_2019, SqlServerVersion.SQL_2019],
    [ProductVersion.SKYPE_FOR_BUSINESS_2019, SqlServerVersion.SQL_2014],
  ];
  test.each(cases)('%s with SQL %s: the group takes the SQL<version>-WS<os> form, the VMs the marketplace spelling', (product, sql) => {
    const json = synthJson(alwaysOn(product, sql).stack);
    const [group] = resourcesOf(json, 'azurerm_mssql_virtual_machine_group');
    expect(group.sql_image_offer).toMatch(SQL_VM_GROUP.imageOffer);
    expect(SQL_VM_GROUP.imageSkus).toContain(group.sql_image_sku);
    const vm = resourcesOf(json, 'azurerm_windows_virtual_machine').find((v) => v.source_image_reference.publisher === 'MicrosoftSQLServer');
    if (vm) expect(group.sql_image_offer).toBe(vm.source_image_reference.offer.toUpperCase());
    expect(providerConstraints(json)).toEqual([]);
  });

  test('SQL 2019 for Skype for Business Server 2019: group SQL2019-WS2019, VMs sql2019-ws2019 (2019 does not support Windows Server 2022)', () => {
    const json = synthJson(alwaysOn(ProductVersion.SKYPE_FOR_BUSINESS_2019, SqlServerVersion.SQL_2019).stack);
    expect(resourcesOf(json, 'azurerm_mssql_virtual_machine_group')[0].sql_image_offer).toBe('SQL2019-WS2019');
    const offers = resourcesOf(json, 'azurerm_windows_virtual_machine').map((v) => v.source_image_reference.offer);
    expect(offers).toContain('sql2019-ws2019');
    expect(offers).not.toContain('sql2019-ws2022');
  });

  test('a lab on the Developer image declares the Developer SKU on the group', () => {
    const json = synthJson(alwaysOn(ProductVersion.SKYPE_FOR_BUSINESS_2019, SqlServerVersion.SQL_2019, true).stack);
    expect(resourcesOf(json, 'azurerm_mssql_virtual_machine_group')[0].sql_image_sku).toBe('Developer');
    expect(providerConstraints(json)).toEqual([]);
  });

  test('the invariant catches the marketplace spelling on the group', () => {
    const json = { resource: { azurerm_mssql_virtual_machine_group: { g: { name: 'x-cl', sql_image_offer: 'sql2019-ws2019', sql_image_sku: 'Standard' } } } };
    expect(providerConstraints(json).map((v) => v.message).join('\n')).toMatch(/sql_image_offer "sql2019-ws2019"[\s\S]*sql_image_sku "Standard"/);
  });
});

describe('azurerm_windows_virtual_machine.admin_username (internal/services/compute/validate/windows_admin_username.go)', () => {
  test.each(WINDOWS_ADMIN_USERNAME.disallowed.map((n) => [n]))('refuses the reserved name %s', (name) => {
    expect(() => testDeployment({ adminUsername: name })).toThrow(new RegExp(`SfbDeployment test/contoso: adminUsername "${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" (is a name Azure reserves|has characters)`));
  });
  test('refuses a trailing dot, more than 20 characters and an empty name', () => {
    expect(() => testDeployment({ adminUsername: 'sfb.admin.' })).toThrow(/adminUsername "sfb.admin." ends with a dot/);
    expect(() => testDeployment({ adminUsername: 'a'.repeat(21) })).toThrow(/is 21 characters long; at most 20/);
    expect(() => testDeployment({ adminUsername: '' })).toThrow(/adminUsername "" is empty/);
  });
  test('accepts an ordinary name', () => {
    expect(testDeployment({ adminUsername: 'sfb.ops' }).deployment.adminUsername).toBe('sfb.ops');
  });
});

describe('azurerm_dev_test_global_vm_shutdown_schedule.timezone (internal/services/compute/validate/compute.go)', () => {
  test('refuses an IANA time zone, naming the Windows ID to use', () => {
    expect(() => testDeployment({ lab: { shutdownTimeZone: 'Europe/Amsterdam' } })).toThrow(/shutdownTimeZone "Europe\/Amsterdam" is not a Windows time-zone ID the azurerm provider accepts \(an IANA name; .*"W. Europe Standard Time"/);
  });
  test('accepts a provider time zone in any letter case and writes the provider spelling', () => {
    const { stack, deployment } = testDeployment({ lab: { shutdownTimeZone: 'w. europe standard time' } });
    new FrontEndPool(testSite(deployment), 'pool', { fqdn: 'pool.corp.contoso.com', edition: 'Standard' as never });
    const zones = resourcesOf(synthJson(stack), 'azurerm_dev_test_global_vm_shutdown_schedule').map((s) => s.timezone);
    expect(zones.length).toBeGreaterThan(0);
    expect(new Set(zones)).toEqual(new Set(['W. Europe Standard Time']));
    expect(SHUTDOWN_SCHEDULE.timeZones).toContain('W. Europe Standard Time');
  });
});

describe('Standard edition on AlwaysOn (BE-11) blocks synthesis and cannot be acknowledged', () => {
  test('is an error finding', () => {
    const { deployment } = alwaysOn(ProductVersion.SKYPE_FOR_BUSINESS_2019, SqlServerVersion.SQL_2019, false, SqlEdition.STANDARD);
    expect(findingsOf(validateTopology(deployment), 'BE-11').map((f) => f.severity)).toContain(Severity.ERROR);
  });
});

describe('azurerm_application_gateway (internal/services/network/application_gateway_resource.go)', () => {
  const SECRET = 'https://kv-contoso.vault.azure.net/secrets/sfb-external';
  function gateway(lab: boolean) {
    const { stack, deployment } = testDeployment(lab ? { lab: {}, supportPosture: undefined } : {});
    const site = testSite(deployment);
    new FrontEndPool(site, 'pool', { fqdn: 'pool.corp.contoso.com', backEnd: new AlwaysOnBackEnd(site, 'ag', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    new ReverseProxy(site, 'rp', { certificateSecretId: SECRET, wafEnabled: !lab });
    return synthJson(stack);
  }

  test('the production and the lab gateway pass the schema\'s ranges (autoscale 2..10, one fixed lab instance, priorities, Key Vault IDs)', () => {
    expect(providerConstraints(gateway(false))).toEqual([]);
    const lab = gateway(true);
    expect(resourcesOf(lab, 'azurerm_application_gateway')[0].sku).toEqual({ name: 'Standard_v2', tier: 'Standard_v2', capacity: 1 });
    expect(providerConstraints(lab)).toEqual([]);
  });

  test('the invariant catches a v2 gateway without capacity, a priority of 0, a probe with host and pick, and a Key Vault ID without identity', () => {
    const json = gateway(false);
    const [gw] = Object.values<any>(json.resource.azurerm_application_gateway);
    delete gw.autoscale_configuration;
    gw.request_routing_rule[0].priority = 0;
    gw.probe[0].pick_host_name_from_backend_http_settings = true;
    delete gw.identity;
    expect(providerConstraints(json).map((v) => v.message).join('\n')).toMatch(/needs sku.capacity or autoscale_configuration[\s\S]*priority 0 is not 1..20000[\s\S]*exactly one of host[\s\S]*without a user-assigned identity/);
  });

  test('a certificate secret ID the provider would refuse fails at construction, naming the value', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    expect(APPLICATION_GATEWAY.keyVaultSecretId.test(SECRET)).toBe(true);
    expect(() => new ReverseProxy(site, 'rp', { certificateSecretId: 'https://kv-contoso.vault.azure.net/certificates/sfb' })).toThrow(/ReverseProxy test\/contoso\/west\/rp: certificateSecretId .*certificates\/sfb/);
  });
});
