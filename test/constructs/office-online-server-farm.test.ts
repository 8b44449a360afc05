import { OfficeOnlineServerFarm, validateTopology } from '../../lib';
import { readFileSync } from 'fs';
import { join } from 'path';
import { certificateRows } from '../../lib/reports/certificates';
import { hardwareReport } from '../../lib/reports/hardware';
import { ROLE_PROFILES } from '../../lib/model/roles';
import { ServerRole } from '../../lib/model/topology';
import { physicalCores, vmSizeInfo } from '../../lib/model/vm-sizes';
import { checkInvariants, formatViolations } from '../invariants';
import { findingsOf, ipOf, resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

function westWithFarm(props: Partial<ConstructorParameters<typeof OfficeOnlineServerFarm>[2]> = {}) {
  const t = testDeployment();
  const west = testSite(t.deployment, 'west');
  const pool = testPool(west, 'pool');
  const farm = new OfficeOnlineServerFarm(west, 'oos', { fqdn: 'oos-west.corp.contoso.com', ...props });
  pool.associateOfficeOnlineServer(farm);
  return { ...t, west, pool, farm };
}

describe('OfficeOnlineServerFarm', () => {
  test('the default size meets SharePoint Server 2016\'s minimum that Office Online Server follows: 4 physical cores, 16 GB', () => {
    // Plan Office Online Server: "the same minimum hardware requirements as SharePoint Server 2016"
    // (production web or application server: 64-bit, 4 cores, 16 GB).
    const info = vmSizeInfo(ROLE_PROFILES[ServerRole.OFFICE_ONLINE_SERVER].productionVmSize!)!;
    expect(physicalCores(info)).toBeGreaterThanOrEqual(4);
    expect(info.memoryGb).toBeGreaterThanOrEqual(16);
  });

  test('creates two dedicated Office Online Server VMs in their own subnet over two zones', () => {
    const { stack } = westWithFarm();
    const json = synthJson(stack);
    const vms = resourcesOf(json, 'azurerm_windows_virtual_machine').filter((vm) => vm.tags['sfb-role'] === 'Office Online Server');
    expect(vms.map((vm) => [vm.name, vm.zone, vm.size])).toEqual([
      ['oos-west-1', '1', 'Standard_D8s_v5'],
      ['oos-west-2', '2', 'Standard_D8s_v5'],
    ]);
    const subnet = resourcesOf(json, 'azurerm_subnet').find((s) => s.name === 'snet-office-online');
    expect(subnet?.address_prefixes).toEqual(['10.10.160.0/20']);
  });

  test('puts the farm FQDN on an internal load balancer VIP for HTTPS (OWA-2)', () => {
    const { deployment, stack, farm } = westWithFarm();
    const lb = resourcesOf(synthJson(stack), 'azurerm_lb').find((l) => l.name === 'lbi-oos-west-oos');
    expect(lb?.sku).toBe('Standard');
    const rules = resourcesOf(synthJson(stack), 'azurerm_lb_rule').filter((r) => r.name === 'tcp-443' && String(r.loadbalancer_id).includes('oos'));
    expect(rules).toHaveLength(1);
    const record = deployment._toModel().dnsRecords.find((r) => r.fqdn === 'oos-west.corp.contoso.com');
    expect(record?.values).toEqual([ipOf(deployment, farm._loadBalancer!.privateIp)]);
    expect(findingsOf(validateTopology(deployment), 'OWA-2')).toEqual([]);
  });

  test('a one-server farm has no load balancer; its FQDN resolves to the server', () => {
    const { deployment, stack, farm } = westWithFarm({ servers: 1 });
    expect(farm._loadBalancer).toBeUndefined();
    expect(resourcesOf(synthJson(stack), 'azurerm_lb').map((l) => l.name)).not.toContain('lbi-oos-west-oos');
    const record = deployment._toModel().dnsRecords.find((r) => r.fqdn === 'oos-west.corp.contoso.com');
    expect(record?.values).toEqual([ipOf(deployment, farm._servers.servers[0].privateIp)]);
  });

  test('admits HTTPS from the Front End subnets and the clients only, and records the association', () => {
    const { deployment } = westWithFarm();
    const model = deployment._toModel();
    const into = model.flows.filter((f) => f.destination.includes('Office Online Server subnet'));
    expect(into.length).toBeGreaterThan(0);
    expect([...new Set(into.flatMap((f) => f.ports))]).toEqual(['443']);
    expect(into.map((f) => f.source).sort()).toEqual(['Front End subnets of every site', 'connected networks (clients)']);
    expect(model.frontEndPools[0].officeOnlineFarmPath).toBe(model.officeOnlineFarms![0].path);
  });

  test('the certificate report lists the farm FQDN and every server as SANs, and the hardware report its servers', () => {
    const { deployment } = westWithFarm({ servers: 3 });
    const row = certificateRows(deployment._toModel()).find((r) => r.forWhat === 'Office Online Server farm oos-west.corp.contoso.com');
    expect(row?.subject).toBe('oos-west.corp.contoso.com');
    expect(row?.sans).toEqual(['oos-west.corp.contoso.com', 'oos-west-1.corp.contoso.com', 'oos-west-2.corp.contoso.com', 'oos-west-3.corp.contoso.com']);
    expect(hardwareReport(deployment._toModel())).toMatch(/oos-west-3.*Standard_D8s_v5/);
  });

  test('the snippet of docs/office-online-reverse-proxy.md builds a farm its pool uses', () => {
    const page = readFileSync(join(__dirname, '../../docs/office-online-reverse-proxy.md'), 'utf8');
    const snippet = /```ts\n([\s\S]*?)```/.exec(page)![1];
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const westPool = testPool(west, 'pool');
    new Function('OfficeOnlineServerFarm', 'west', 'westPool', snippet)(OfficeOnlineServerFarm, west, westPool);
    const model = deployment._toModel();
    expect(model.frontEndPools[0].officeOnlineFarmPath).toBe(model.officeOnlineFarms![0].path);
    expect(findingsOf(validateTopology(deployment), 'OWA-2')).toEqual([]);
  });

  test('the synthesized farm passes the invariants on the rendered Terraform (NSGs, records, names, provider limits)', () => {
    const { stack } = westWithFarm({ servers: 3 });
    const violations = checkInvariants(synthJson(stack));
    expect(formatViolations(violations)).toBe(formatViolations([]));
  });

  test('a site without a farm gets no Office Online subnet', () => {
    const { deployment, stack } = testDeployment();
    testPool(testSite(deployment, 'west'));
    expect(resourcesOf(synthJson(stack), 'azurerm_subnet').map((s) => s.name)).not.toContain('snet-office-online');
  });

  test('rejects bad input naming the construct, prop and value', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    expect(() => new OfficeOnlineServerFarm(west, 'a', { fqdn: 'oos.corp.contoso.com', servers: 0 })).toThrow(/OfficeOnlineServerFarm .*servers.*0/);
    expect(() => new OfficeOnlineServerFarm(west, 'b', { fqdn: 'not a name' })).toThrow(/OfficeOnlineServerFarm .*fqdn/);
    const pool = testPool(west, 'pool');
    expect(() => pool.associateOfficeOnlineServer({} as OfficeOnlineServerFarm)).toThrow(/associateOfficeOnlineServer.*not an OfficeOnlineServerFarm/);
  });
});
