/**
 * Lab mode sizes every role for a lab (issue 28 item 3): a server whose construct gives no `vmSize`
 * gets the lab size of its role, and docs/lab.md's cost note is the one the lab's sizes give.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DirectorPool, FileStore, MediationPool, MirroredBackEnd, SqlServerVersion, StretchedPersistentChatPool } from '../../lib';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { LAB_VM_SIZES } from '../../lib/constructs/lab';
import { APPLICATION_GATEWAY_V2_HOURLY_USD, BASTION_BASIC_HOURLY_USD, LAB_VM_HOURLY_USD, labHourlyCost } from '../../lib/model/lab-prices';
import { buildLabTopology } from '../../examples/lab/topology';
import { testEdge } from '../edge-helpers';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

const LAB_SIZES = new Set(Object.values(LAB_VM_SIZES));
const sizesOf = (json: any) => resourcesOf(json, 'azurerm_windows_virtual_machine').map((vm) => ({ name: vm.computer_name as string, size: vm.size as string }));

describe('every role gets a lab size in lab mode', () => {
  test('Edge, Director, Mediation, Persistent Chat, file servers, the log-shipping share and the SQL witness', () => {
    const { stack, deployment } = testDeployment({ lab: {} });
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const pool = testPool(west, 'pool', { backEnd: new MirroredBackEnd(west, 'sql', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    testPool(north, 'pool');
    testEdge(west, pool);
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool });
    new FileStore(west, 'store', { servers: 2, shareName: 'sfb-store' });
    new StretchedPersistentChatPool(deployment, 'chat', { fqdn: 'pchat.corp.contoso.com', primarySite: west, secondarySite: north, homePool: pool, primaryActiveServers: 2 });
    const vms = sizesOf(synthJson(stack));
    expect(vms.length).toBeGreaterThan(20);
    expect(vms.filter((vm) => !LAB_SIZES.has(vm.size))).toEqual([]);
  });
  test('an explicit vmSize still wins in lab mode', () => {
    const { stack, deployment } = testDeployment({ lab: {} });
    const west = testSite(deployment, 'west');
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', vmSize: 'Standard_D8s_v5' });
    expect(sizesOf(synthJson(stack)).filter((vm) => vm.name.startsWith('dir-')).map((vm) => vm.size)).toEqual(['Standard_D8s_v5', 'Standard_D8s_v5']);
  });
  test('without lab mode the production sizes stay', () => {
    const { stack, deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    expect(sizesOf(synthJson(stack)).filter((vm) => vm.name.startsWith('dir-')).every((vm) => !LAB_SIZES.has(vm.size))).toBe(true);
  });
});

describe('the lab example (examples/lab) and the cost note of docs/lab.md', () => {
  const app = Testing.app();
  buildLabTopology(app);
  const stacks = (app.node.children.filter(TerraformStack.isStack) as TerraformStack[]).map((s) => synthJson(s));
  const vms = stacks.flatMap(sizesOf);
  const count = (size: string) => vms.filter((vm) => vm.size === size).length;
  const bastions = stacks.flatMap((s) => resourcesOf(s, 'azurerm_bastion_host')).length;
  const note = fs.readFileSync(path.join(__dirname, '../../docs/lab.md'), 'utf8').split('### Cost note')[1].split('\n## ')[0].replace(/\s+/g, ' ');

  test('synthesizes with lab sizes only', () => {
    expect(vms.length).toBeGreaterThan(0);
    expect(vms.filter((vm) => !LAB_SIZES.has(vm.size))).toEqual([]);
  });
  test('the note names every size the lab uses, with its count and the price of the table', () => {
    const quoted = [...note.matchAll(/(\d+) `(Standard_\w+)` VMs? \(~\$([\d.]+)\/h each[:)]/g)].map((m) => ({ size: m[2], count: Number(m[1]), price: Number(m[3]) }));
    const used = [...new Set(vms.map((vm) => vm.size))].sort();
    expect(quoted.map((q) => q.size).sort()).toEqual(used);
    for (const q of quoted) expect(q).toEqual({ size: q.size, count: count(q.size), price: LAB_VM_HOURLY_USD.get(q.size) });
  });
  test('the Bastion hosts, the OS disks and the hourly total are computed from what the lab synthesizes', () => {
    const bastion = note.match(/(\d+) Bastion Basic hosts \(~\$([\d.]+)\/h each\)/);
    expect(bastion && [Number(bastion[1]), Number(bastion[2])]).toEqual([bastions, BASTION_BASIC_HOURLY_USD]);
    const total = labHourlyCost(vms.map((vm) => vm.size), bastions)!;
    expect(note).toContain(`about **$${total.toFixed(1)} per hour**`);
    const disks = stacks.flatMap((s) => resourcesOf(s, 'azurerm_managed_disk')).length;
    expect(note).toContain(`${vms.length} premium OS disks and ${disks} SQL data/log disks`);
  });
  test('the Application Gateways of the lab are quoted: one fixed Standard_v2 instance at the price of the table', () => {
    const gateways = stacks.flatMap((s) => resourcesOf(s, 'azurerm_application_gateway'));
    expect(gateways.map((g) => [g.sku.name, g.sku.capacity, g.autoscale_configuration])).toEqual([['Standard_v2', 1, undefined]]);
    expect(note).toContain(`Standard_v2, one fixed instance, no WAF in the lab: ~$${APPLICATION_GATEWAY_V2_HOURLY_USD}/h`);
  });
});
