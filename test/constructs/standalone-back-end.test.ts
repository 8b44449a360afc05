import { ProductVersion, SqlEdition, SqlServerVersion, StandaloneBackEnd } from '../../lib';
import { sqlImage } from '../../lib/azure/sql';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

describe('StandaloneBackEnd', () => {
  const { stack, deployment } = testDeployment();
  const site = testSite(deployment);
  const backEnd = new StandaloneBackEnd(site, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
  testPool(site, 'pool', { backEnd });
  const json = synthJson(stack);

  test('creates one SQL VM with the Standard image, registered, with protected disks', () => {
    const vm = resourcesOf(json, 'azurerm_windows_virtual_machine').find((v) => v.name === 'west-sqlwv-1');
    expect(vm.source_image_reference).toMatchObject({ offer: 'sql2019-ws2019', sku: 'standard' });
    expect(resourcesOf(json, 'azurerm_mssql_virtual_machine')).toHaveLength(1);
    for (const d of resourcesOf(json, 'azurerm_managed_disk')) expect(d.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('exposes the server as the SQL store in DNS and as an output', () => {
    expect(backEnd.storeFqdn).toBe('west-sqlwv-1.corp.contoso.com');
    expect(json.output.contoso_west_backend_sql_store_fqdn.value).toBe('west-sqlwv-1.corp.contoso.com');
  });
});

describe('SQL images', () => {
  test('choose the newest Windows version the product supports', () => {
    expect(sqlImage(SqlServerVersion.SQL_2019, SqlEdition.ENTERPRISE, ProductVersion.SKYPE_FOR_BUSINESS_2019)).toMatchObject({ offer: 'sql2019-ws2019', os: '2019' });
    expect(sqlImage(SqlServerVersion.SQL_2019, SqlEdition.ENTERPRISE, ProductVersion.SKYPE_FOR_BUSINESS_2015)).toMatchObject({ offer: 'sql2019-ws2019', os: '2019' });
    expect(sqlImage(SqlServerVersion.SQL_2016, SqlEdition.STANDARD, ProductVersion.SKYPE_FOR_BUSINESS_2015)).toMatchObject({ offer: 'SQL2016SP3-WS2019', sku: 'standard' });
  });

  test('fall back to Windows Server with SQL installed by the operator when no SQL image fits', () => {
    const image = sqlImage(SqlServerVersion.SQL_2008_R2, SqlEdition.ENTERPRISE, ProductVersion.LYNC_SERVER_2013);
    expect(image).toMatchObject({ publisher: 'MicrosoftWindowsServer', os: '2012R2', marketplaceSql: false });
  });

  test('never pick an OS the product does not support', () => {
    for (const p of Object.values(ProductVersion)) {
      for (const v of Object.values(SqlServerVersion)) {
        const os = sqlImage(v, SqlEdition.ENTERPRISE, p).os;
        const supported = { '2013': ['2012R2'], '2015': ['2012R2', '2016', '2019'], '2019': ['2016', '2019'], SE: ['2016', '2019'] }[p];
        expect(supported).toContain(os);
      }
    }
  });
});
