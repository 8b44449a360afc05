/**
 * lib/azurerm.ts exports each provider class subclassed: the tokens a library resource makes skip
 * cdktf's stack traces, and its attributes reach cdktf without undefined keys. What a user can tell
 * apart must not change: the class's name and statics, `instanceof`, and the JSON.
 */
import { Testing, TerraformStack } from 'cdktf';
import { WindowsVirtualMachine as ProviderWindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import { Subnet as ProviderSubnet } from '@cdktf/provider-azurerm/lib/subnet';
import { AzurermProvider, Subnet, WindowsVirtualMachine } from '../lib/azurerm';
import { pauseTokenTraces } from '../lib/stack-traces';
import { AddressBook } from '../lib/constructs/address-book';
import { Revision } from '../lib/model/revision';

/** The JSON of a stack holding one subnet and one VM referring to it, built from the given classes. */
function synth(classes: { Subnet: typeof ProviderSubnet; Vm: typeof ProviderWindowsVirtualMachine }): string {
  const stack = new TerraformStack(Testing.app(), 'classes');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const subnet = new classes.Subnet(stack, 'subnet', { name: 'snet', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: ['10.0.0.0/24'] });
  const vm = new classes.Vm(stack, 'vm', {
    name: 'fe1',
    location: 'westeurope',
    resourceGroupName: 'rg',
    size: 'Standard_D16s_v5',
    adminUsername: 'sfbadmin',
    adminPassword: 'x',
    networkInterfaceIds: [`${subnet.id}/nic`],
    osDisk: { caching: 'ReadWrite', storageAccountType: 'Premium_LRS', diskSizeGb: undefined },
    sourceImageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter', version: 'latest' },
    additionalCapabilities: undefined,
  });
  vm.addOverride('os_disk.name', 'osdisk-fe1');
  return Testing.synth(stack);
}

/** Counts, while `build` runs, the captures cdktf makes into its plain `{ stack: '' }` trace holders. */
function tokenTraces(build: () => void): number {
  const installed = Error.captureStackTrace; // the tests skip token traces (test/stack-traces.ts)
  let traced = 0;
  Error.captureStackTrace = (target: object) => {
    if (!(target instanceof Error) && (target as { stack?: unknown }).stack === '') traced++;
  };
  try {
    build();
  } finally {
    Error.captureStackTrace = installed;
  }
  return traced;
}

describe("lib/azurerm.ts's classes", () => {
  test('are the provider classes to a user: name, statics, instanceof', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const subnet = new Subnet(stack, 'subnet', { name: 'snet', resourceGroupName: 'rg', virtualNetworkName: 'vnet' });
    expect(subnet).toBeInstanceOf(ProviderSubnet);
    expect(Subnet.name).toBe('Subnet');
    expect(Subnet.tfResourceType).toBe('azurerm_subnet');
    expect(Subnet).not.toBe(ProviderSubnet);
  });

  test('load their provider module when first used, and are then the loaded class to `instanceof` and `extends`', () => {
    let loads = 0;
    jest.isolateModules(() => {
      jest.doMock('@cdktf/provider-azurerm/lib/application-gateway', () => {
        loads++;
        return jest.requireActual('@cdktf/provider-azurerm/lib/application-gateway');
      });
      const azurerm = require('../lib/azurerm') as typeof import('../lib/azurerm');
      expect(loads).toBe(0);
      expect(azurerm.ApplicationGateway.tfResourceType).toBe('azurerm_application_gateway');
      expect(loads).toBe(1);
      const { ApplicationGateway: Provider } = jest.requireActual('@cdktf/provider-azurerm/lib/application-gateway');
      const stack = new TerraformStack(Testing.app(), 's');
      class Mine extends azurerm.ApplicationGateway {}
      const config = { name: 'agw', location: 'westeurope', resourceGroupName: 'rg' } as ConstructorParameters<typeof azurerm.ApplicationGateway>[2];
      const made = [new azurerm.ApplicationGateway(stack, 'agw', config), new Mine(stack, 'mine', config)];
      for (const gateway of made) {
        expect(gateway).toBeInstanceOf(Provider);
        expect(gateway).toBeInstanceOf(azurerm.ApplicationGateway);
      }
      expect(made[1]).toBeInstanceOf(Mine);
      expect(azurerm.ApplicationGateway.name).toBe('ApplicationGateway');
      expect(() => (azurerm.ApplicationGateway as unknown as () => void)()).toThrow(TypeError);
      expect(loads).toBe(1);
    });
  });

  test('write the JSON the provider classes write, references, overrides and undefined blocks included', () => {
    const ours = synth({ Subnet, Vm: WindowsVirtualMachine });
    expect(ours).toBe(synth({ Subnet: ProviderSubnet, Vm: ProviderWindowsVirtualMachine }));
    expect(JSON.parse(ours).resource.azurerm_windows_virtual_machine.vm).toMatchObject({
      network_interface_ids: ['${azurerm_subnet.subnet.id}/nic'],
      os_disk: { caching: 'ReadWrite', name: 'osdisk-fe1', storage_account_type: 'Premium_LRS' },
    });
  });

  test("make their tokens without stack traces; the provider's classes, as a user's own, still capture them", () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const build = (S: typeof ProviderSubnet, id: string) => () => void new S(stack, id, { name: id, resourceGroupName: 'rg', virtualNetworkName: 'vnet' }).id;
    expect(tokenTraces(build(Subnet, 'ours'))).toBe(0);
    expect(tokenTraces(build(ProviderSubnet, 'users'))).toBeGreaterThan(0);
  });

  test('their `fqn`, what each dependsOn entry resolves to, is untraced too; a user resource\'s is not', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const ours = new Subnet(stack, 'ours', { name: 'ours', resourceGroupName: 'rg', virtualNetworkName: 'vnet' });
    const users = new ProviderSubnet(stack, 'users', { name: 'users', resourceGroupName: 'rg', virtualNetworkName: 'vnet' });
    expect(tokenTraces(() => void ours.fqn)).toBe(0);
    expect(tokenTraces(() => void users.fqn)).toBeGreaterThan(0);
    expect(ours.fqn).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test("the library's address tokens (lib/constructs/address-book.ts) are untraced as well", () => {
    const book = new AddressBook(new Revision());
    const block = book.block('west/frontend', '10.10.1.0/24', 'pool');
    let address = '';
    expect(tokenTraces(() => void (address = block.next()))).toBe(0);
    expect(address).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test('a pause skips only token trace holders, restores the capture it found, and nests', () => {
    const before = Error.captureStackTrace;
    const seen: object[] = [];
    const found = (target: object) => void seen.push(target);
    Error.captureStackTrace = found;
    try {
      const outer = pauseTokenTraces();
      const paused = Error.captureStackTrace;
      const inner = pauseTokenTraces();
      expect(Error.captureStackTrace).toBe(paused);
      inner();
      expect(Error.captureStackTrace).toBe(paused);
      const error = new Error('kept');
      Error.captureStackTrace(error);
      Error.captureStackTrace({ stack: '' });
      outer();
      expect(seen).toEqual([error]);
      expect(Error.captureStackTrace).toBe(found);
    } finally {
      Error.captureStackTrace = before;
    }
  });
});
