/**
 * The only module that imports @cdktf/provider-azurerm. Deep paths only: the package root costs
 * about 1.7 s and 420 MB per load, a deep import about 0.2 s (see the cdktf notes). A move to
 * @cdktn/provider-azurerm is a rename here.
 *
 * Each export is the provider's class, subclassed once here (same name, statics inherited, instances
 * `instanceof` the provider's class, the same JSON), for a user's first synthesis (bench:first):
 * - the tokens it makes skip cdktf's stack traces (lib/stack-traces.ts): the nested-block references
 *   its constructor builds, the attribute references (`.id`) the library reads and the references its
 *   `fqn` makes each time a `dependsOn` entry resolves. With the address book's tokens
 *   (constructs/address-book.ts), nearly every token of a deployment. A user's own resources keep theirs.
 * - its attributes reach cdktf without the keys left undefined (most of a VM's sixty), which cdktf's
 *   merge and resolve would otherwise visit one by one, only to drop them.
 * - its module is loaded when the class is first used (`onFirstUse`), so a program loads the provider
 *   modules of the resources it writes and no others. Imports here are type-only for that reason.
 */
import type { ResourceGroup as ProviderResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { VirtualNetwork as ProviderVirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import type { Subnet as ProviderSubnet } from '@cdktf/provider-azurerm/lib/subnet';
import type { ApplicationSecurityGroup as ProviderApplicationSecurityGroup } from '@cdktf/provider-azurerm/lib/application-security-group';
import type { NetworkInterfaceApplicationSecurityGroupAssociation as ProviderNetworkInterfaceApplicationSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/network-interface-application-security-group-association';
import type { NetworkSecurityGroup as ProviderNetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import type { NetworkSecurityRule as ProviderNetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import type { SubnetNetworkSecurityGroupAssociation as ProviderSubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import type { PrivateDnsZone as ProviderPrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import type { PrivateDnsZoneVirtualNetworkLink as ProviderPrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type { PrivateDnsARecord as ProviderPrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import type { PrivateDnsSrvRecord as ProviderPrivateDnsSrvRecord } from '@cdktf/provider-azurerm/lib/private-dns-srv-record';
import type { DnsZone as ProviderDnsZone } from '@cdktf/provider-azurerm/lib/dns-zone';
import type { DnsARecord as ProviderDnsARecord } from '@cdktf/provider-azurerm/lib/dns-a-record';
import type { DnsSrvRecord as ProviderDnsSrvRecord } from '@cdktf/provider-azurerm/lib/dns-srv-record';
import type { DnsCnameRecord as ProviderDnsCnameRecord } from '@cdktf/provider-azurerm/lib/dns-cname-record';
import type { WindowsVirtualMachine as ProviderWindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import type { NetworkInterface as ProviderNetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import type { AvailabilitySet as ProviderAvailabilitySet } from '@cdktf/provider-azurerm/lib/availability-set';
import type { Lb as ProviderLb } from '@cdktf/provider-azurerm/lib/lb';
import type { LbBackendAddressPool as ProviderLbBackendAddressPool } from '@cdktf/provider-azurerm/lib/lb-backend-address-pool';
import type { LbProbe as ProviderLbProbe } from '@cdktf/provider-azurerm/lib/lb-probe';
import type { LbRule as ProviderLbRule } from '@cdktf/provider-azurerm/lib/lb-rule';
import type { NetworkInterfaceBackendAddressPoolAssociation as ProviderNetworkInterfaceBackendAddressPoolAssociation } from '@cdktf/provider-azurerm/lib/network-interface-backend-address-pool-association';
import type { PublicIp as ProviderPublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import type { ManagedDisk as ProviderManagedDisk } from '@cdktf/provider-azurerm/lib/managed-disk';
import type { VirtualMachineDataDiskAttachment as ProviderVirtualMachineDataDiskAttachment } from '@cdktf/provider-azurerm/lib/virtual-machine-data-disk-attachment';
import type { MssqlVirtualMachine as ProviderMssqlVirtualMachine } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine';
import type { MssqlVirtualMachineGroup as ProviderMssqlVirtualMachineGroup } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine-group';
import type { MssqlVirtualMachineAvailabilityGroupListener as ProviderMssqlVirtualMachineAvailabilityGroupListener } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine-availability-group-listener';
import type { StorageAccount as ProviderStorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import type { StorageShare as ProviderStorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import type { VirtualNetworkPeering as ProviderVirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import type { VirtualMachineExtension as ProviderVirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
import type { TrafficManagerProfile as ProviderTrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import type { TrafficManagerExternalEndpoint as ProviderTrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import type { BastionHost as ProviderBastionHost } from '@cdktf/provider-azurerm/lib/bastion-host';
import type { DevTestGlobalVmShutdownSchedule as ProviderDevTestGlobalVmShutdownSchedule } from '@cdktf/provider-azurerm/lib/dev-test-global-vm-shutdown-schedule';
import type { VirtualNetworkDnsServers as ProviderVirtualNetworkDnsServers } from '@cdktf/provider-azurerm/lib/virtual-network-dns-servers';
import type { AzurermProvider as ProviderAzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { DataAzurermClientConfig as ProviderDataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import type { RecoveryServicesVault as ProviderRecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import type { BackupPolicyVm as ProviderBackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
import type { BackupProtectedVm as ProviderBackupProtectedVm } from '@cdktf/provider-azurerm/lib/backup-protected-vm';
import type { BackupPolicyVmWorkload as ProviderBackupPolicyVmWorkload } from '@cdktf/provider-azurerm/lib/backup-policy-vm-workload';
import type { StorageContainer as ProviderStorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import type { StorageManagementPolicy as ProviderStorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import type { PrivateEndpoint as ProviderPrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { RoleAssignment as ProviderRoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { UserAssignedIdentity as ProviderUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { ApplicationGateway as ProviderApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
import type { WebApplicationFirewallPolicy as ProviderWebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import { TerraformElement } from './cdktf';
import { pauseTokenTraces, withoutTokenTraces } from './stack-traces';

type Class = new (...args: any[]) => object;

/** `value` without its keys whose value is undefined, in plain objects and arrays at any depth (tokens and other objects as they are). */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(defined);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = defined(v);
  }
  return out;
}

/** `Base` with its constructor and `interpolationForAttribute` (every attribute getter's) run untraced. */
function untraced<C extends Class>(Base: C): C {
  const Sub = class extends Base {
    constructor(...args: any[]) {
      const resume = pauseTokenTraces();
      try {
        super(...args);
      } finally {
        resume();
      }
    }
  };
  const interpolate = (Base.prototype as { interpolationForAttribute?: (attribute: string) => unknown }).interpolationForAttribute;
  if (interpolate) {
    Object.defineProperty(Sub.prototype, 'interpolationForAttribute', {
      configurable: true,
      writable: true,
      value(this: object, attribute: string) {
        return withoutTokenTraces(() => interpolate.call(this, attribute));
      },
    });
  }
  // `fqn` (what a `dependsOn` entry resolves to, at each resolution) makes a reference token too.
  const fqn = Object.getOwnPropertyDescriptor(TerraformElement.prototype, 'fqn')?.get;
  if (fqn) {
    Object.defineProperty(Sub.prototype, 'fqn', {
      configurable: true,
      get(this: object) {
        return withoutTokenTraces(() => fqn.call(this));
      },
    });
  }
  const synthesize = (Base.prototype as { synthesizeAttributes?: () => unknown }).synthesizeAttributes;
  if (synthesize) {
    Object.defineProperty(Sub.prototype, 'synthesizeAttributes', {
      configurable: true,
      writable: true,
      value(this: object) {
        return defined(synthesize.call(this));
      },
    });
  }
  Object.defineProperty(Sub, 'name', { value: Base.name });
  return Sub;
}

/**
 * The provider's class, subclassed by `untraced`, loaded when first used: constructed, subclassed,
 * tested with `instanceof` or asked for a static. A synthesis loads only the provider modules of the
 * resources it writes (the Application Gateway's alone is 1.1 MB of JavaScript). The loaded class is
 * held as Node holds a required module: one per process, stateless, shared by every deployment.
 */
function onFirstUse<C extends Class>(load: () => C): C {
  let loaded: C | undefined;
  const cls = (): C => (loaded ??= untraced(load()));
  // A function as target: its `prototype` is writable, so `get` may answer the loaded class's.
  const proxy: C = new Proxy(function providerClass() {} as unknown as C, {
    construct: (_target, args, newTarget) => Reflect.construct(cls(), args, newTarget === proxy ? cls() : newTarget),
    apply: (_target, self, args) => Reflect.apply(cls() as unknown as (...a: unknown[]) => unknown, self, args),
    get: (_target, key) => Reflect.get(cls(), key),
    has: (_target, key) => Reflect.has(cls(), key),
    getPrototypeOf: () => Object.getPrototypeOf(cls()),
  });
  return proxy;
}

export const ResourceGroup = onFirstUse<typeof ProviderResourceGroup>(() => require('@cdktf/provider-azurerm/lib/resource-group').ResourceGroup);
export type ResourceGroup = ProviderResourceGroup;
export const VirtualNetwork = onFirstUse<typeof ProviderVirtualNetwork>(() => require('@cdktf/provider-azurerm/lib/virtual-network').VirtualNetwork);
export type VirtualNetwork = ProviderVirtualNetwork;
export const Subnet = onFirstUse<typeof ProviderSubnet>(() => require('@cdktf/provider-azurerm/lib/subnet').Subnet);
export type Subnet = ProviderSubnet;
export const ApplicationSecurityGroup = onFirstUse<typeof ProviderApplicationSecurityGroup>(() => require('@cdktf/provider-azurerm/lib/application-security-group').ApplicationSecurityGroup);
export type ApplicationSecurityGroup = ProviderApplicationSecurityGroup;
export const NetworkInterfaceApplicationSecurityGroupAssociation = onFirstUse<typeof ProviderNetworkInterfaceApplicationSecurityGroupAssociation>(() => require('@cdktf/provider-azurerm/lib/network-interface-application-security-group-association').NetworkInterfaceApplicationSecurityGroupAssociation);
export type NetworkInterfaceApplicationSecurityGroupAssociation = ProviderNetworkInterfaceApplicationSecurityGroupAssociation;
export const NetworkSecurityGroup = onFirstUse<typeof ProviderNetworkSecurityGroup>(() => require('@cdktf/provider-azurerm/lib/network-security-group').NetworkSecurityGroup);
export type NetworkSecurityGroup = ProviderNetworkSecurityGroup;
export const NetworkSecurityRule = onFirstUse<typeof ProviderNetworkSecurityRule>(() => require('@cdktf/provider-azurerm/lib/network-security-rule').NetworkSecurityRule);
export type NetworkSecurityRule = ProviderNetworkSecurityRule;
export const SubnetNetworkSecurityGroupAssociation = onFirstUse<typeof ProviderSubnetNetworkSecurityGroupAssociation>(() => require('@cdktf/provider-azurerm/lib/subnet-network-security-group-association').SubnetNetworkSecurityGroupAssociation);
export type SubnetNetworkSecurityGroupAssociation = ProviderSubnetNetworkSecurityGroupAssociation;
export const PrivateDnsZone = onFirstUse<typeof ProviderPrivateDnsZone>(() => require('@cdktf/provider-azurerm/lib/private-dns-zone').PrivateDnsZone);
export type PrivateDnsZone = ProviderPrivateDnsZone;
export const PrivateDnsZoneVirtualNetworkLink = onFirstUse<typeof ProviderPrivateDnsZoneVirtualNetworkLink>(() => require('@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link').PrivateDnsZoneVirtualNetworkLink);
export type PrivateDnsZoneVirtualNetworkLink = ProviderPrivateDnsZoneVirtualNetworkLink;
export const PrivateDnsARecord = onFirstUse<typeof ProviderPrivateDnsARecord>(() => require('@cdktf/provider-azurerm/lib/private-dns-a-record').PrivateDnsARecord);
export type PrivateDnsARecord = ProviderPrivateDnsARecord;
export const PrivateDnsSrvRecord = onFirstUse<typeof ProviderPrivateDnsSrvRecord>(() => require('@cdktf/provider-azurerm/lib/private-dns-srv-record').PrivateDnsSrvRecord);
export type PrivateDnsSrvRecord = ProviderPrivateDnsSrvRecord;
export const DnsZone = onFirstUse<typeof ProviderDnsZone>(() => require('@cdktf/provider-azurerm/lib/dns-zone').DnsZone);
export type DnsZone = ProviderDnsZone;
export const DnsARecord = onFirstUse<typeof ProviderDnsARecord>(() => require('@cdktf/provider-azurerm/lib/dns-a-record').DnsARecord);
export type DnsARecord = ProviderDnsARecord;
export const DnsSrvRecord = onFirstUse<typeof ProviderDnsSrvRecord>(() => require('@cdktf/provider-azurerm/lib/dns-srv-record').DnsSrvRecord);
export type DnsSrvRecord = ProviderDnsSrvRecord;
export const DnsCnameRecord = onFirstUse<typeof ProviderDnsCnameRecord>(() => require('@cdktf/provider-azurerm/lib/dns-cname-record').DnsCnameRecord);
export type DnsCnameRecord = ProviderDnsCnameRecord;
export const WindowsVirtualMachine = onFirstUse<typeof ProviderWindowsVirtualMachine>(() => require('@cdktf/provider-azurerm/lib/windows-virtual-machine').WindowsVirtualMachine);
export type WindowsVirtualMachine = ProviderWindowsVirtualMachine;
export const NetworkInterface = onFirstUse<typeof ProviderNetworkInterface>(() => require('@cdktf/provider-azurerm/lib/network-interface').NetworkInterface);
export type NetworkInterface = ProviderNetworkInterface;
export const AvailabilitySet = onFirstUse<typeof ProviderAvailabilitySet>(() => require('@cdktf/provider-azurerm/lib/availability-set').AvailabilitySet);
export type AvailabilitySet = ProviderAvailabilitySet;
export const Lb = onFirstUse<typeof ProviderLb>(() => require('@cdktf/provider-azurerm/lib/lb').Lb);
export type Lb = ProviderLb;
export const LbBackendAddressPool = onFirstUse<typeof ProviderLbBackendAddressPool>(() => require('@cdktf/provider-azurerm/lib/lb-backend-address-pool').LbBackendAddressPool);
export type LbBackendAddressPool = ProviderLbBackendAddressPool;
export const LbProbe = onFirstUse<typeof ProviderLbProbe>(() => require('@cdktf/provider-azurerm/lib/lb-probe').LbProbe);
export type LbProbe = ProviderLbProbe;
export const LbRule = onFirstUse<typeof ProviderLbRule>(() => require('@cdktf/provider-azurerm/lib/lb-rule').LbRule);
export type LbRule = ProviderLbRule;
export const NetworkInterfaceBackendAddressPoolAssociation = onFirstUse<typeof ProviderNetworkInterfaceBackendAddressPoolAssociation>(() => require('@cdktf/provider-azurerm/lib/network-interface-backend-address-pool-association').NetworkInterfaceBackendAddressPoolAssociation);
export type NetworkInterfaceBackendAddressPoolAssociation = ProviderNetworkInterfaceBackendAddressPoolAssociation;
export const PublicIp = onFirstUse<typeof ProviderPublicIp>(() => require('@cdktf/provider-azurerm/lib/public-ip').PublicIp);
export type PublicIp = ProviderPublicIp;
export const ManagedDisk = onFirstUse<typeof ProviderManagedDisk>(() => require('@cdktf/provider-azurerm/lib/managed-disk').ManagedDisk);
export type ManagedDisk = ProviderManagedDisk;
export const VirtualMachineDataDiskAttachment = onFirstUse<typeof ProviderVirtualMachineDataDiskAttachment>(() => require('@cdktf/provider-azurerm/lib/virtual-machine-data-disk-attachment').VirtualMachineDataDiskAttachment);
export type VirtualMachineDataDiskAttachment = ProviderVirtualMachineDataDiskAttachment;
export const MssqlVirtualMachine = onFirstUse<typeof ProviderMssqlVirtualMachine>(() => require('@cdktf/provider-azurerm/lib/mssql-virtual-machine').MssqlVirtualMachine);
export type MssqlVirtualMachine = ProviderMssqlVirtualMachine;
export const MssqlVirtualMachineGroup = onFirstUse<typeof ProviderMssqlVirtualMachineGroup>(() => require('@cdktf/provider-azurerm/lib/mssql-virtual-machine-group').MssqlVirtualMachineGroup);
export type MssqlVirtualMachineGroup = ProviderMssqlVirtualMachineGroup;
export const MssqlVirtualMachineAvailabilityGroupListener = onFirstUse<typeof ProviderMssqlVirtualMachineAvailabilityGroupListener>(() => require('@cdktf/provider-azurerm/lib/mssql-virtual-machine-availability-group-listener').MssqlVirtualMachineAvailabilityGroupListener);
export type MssqlVirtualMachineAvailabilityGroupListener = ProviderMssqlVirtualMachineAvailabilityGroupListener;
export const StorageAccount = onFirstUse<typeof ProviderStorageAccount>(() => require('@cdktf/provider-azurerm/lib/storage-account').StorageAccount);
export type StorageAccount = ProviderStorageAccount;
export const StorageShare = onFirstUse<typeof ProviderStorageShare>(() => require('@cdktf/provider-azurerm/lib/storage-share').StorageShare);
export type StorageShare = ProviderStorageShare;
export const VirtualNetworkPeering = onFirstUse<typeof ProviderVirtualNetworkPeering>(() => require('@cdktf/provider-azurerm/lib/virtual-network-peering').VirtualNetworkPeering);
export type VirtualNetworkPeering = ProviderVirtualNetworkPeering;
export const VirtualMachineExtension = onFirstUse<typeof ProviderVirtualMachineExtension>(() => require('@cdktf/provider-azurerm/lib/virtual-machine-extension').VirtualMachineExtension);
export type VirtualMachineExtension = ProviderVirtualMachineExtension;
export const TrafficManagerProfile = onFirstUse<typeof ProviderTrafficManagerProfile>(() => require('@cdktf/provider-azurerm/lib/traffic-manager-profile').TrafficManagerProfile);
export type TrafficManagerProfile = ProviderTrafficManagerProfile;
export const TrafficManagerExternalEndpoint = onFirstUse<typeof ProviderTrafficManagerExternalEndpoint>(() => require('@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint').TrafficManagerExternalEndpoint);
export type TrafficManagerExternalEndpoint = ProviderTrafficManagerExternalEndpoint;
export const BastionHost = onFirstUse<typeof ProviderBastionHost>(() => require('@cdktf/provider-azurerm/lib/bastion-host').BastionHost);
export type BastionHost = ProviderBastionHost;
export const DevTestGlobalVmShutdownSchedule = onFirstUse<typeof ProviderDevTestGlobalVmShutdownSchedule>(() => require('@cdktf/provider-azurerm/lib/dev-test-global-vm-shutdown-schedule').DevTestGlobalVmShutdownSchedule);
export type DevTestGlobalVmShutdownSchedule = ProviderDevTestGlobalVmShutdownSchedule;
export const VirtualNetworkDnsServers = onFirstUse<typeof ProviderVirtualNetworkDnsServers>(() => require('@cdktf/provider-azurerm/lib/virtual-network-dns-servers').VirtualNetworkDnsServers);
export type VirtualNetworkDnsServers = ProviderVirtualNetworkDnsServers;
export const AzurermProvider = onFirstUse<typeof ProviderAzurermProvider>(() => require('@cdktf/provider-azurerm/lib/provider').AzurermProvider);
export type AzurermProvider = ProviderAzurermProvider;
export const DataAzurermClientConfig = onFirstUse<typeof ProviderDataAzurermClientConfig>(() => require('@cdktf/provider-azurerm/lib/data-azurerm-client-config').DataAzurermClientConfig);
export type DataAzurermClientConfig = ProviderDataAzurermClientConfig;
export const RecoveryServicesVault = onFirstUse<typeof ProviderRecoveryServicesVault>(() => require('@cdktf/provider-azurerm/lib/recovery-services-vault').RecoveryServicesVault);
export type RecoveryServicesVault = ProviderRecoveryServicesVault;
export const BackupPolicyVm = onFirstUse<typeof ProviderBackupPolicyVm>(() => require('@cdktf/provider-azurerm/lib/backup-policy-vm').BackupPolicyVm);
export type BackupPolicyVm = ProviderBackupPolicyVm;
export const BackupProtectedVm = onFirstUse<typeof ProviderBackupProtectedVm>(() => require('@cdktf/provider-azurerm/lib/backup-protected-vm').BackupProtectedVm);
export type BackupProtectedVm = ProviderBackupProtectedVm;
export const BackupPolicyVmWorkload = onFirstUse<typeof ProviderBackupPolicyVmWorkload>(() => require('@cdktf/provider-azurerm/lib/backup-policy-vm-workload').BackupPolicyVmWorkload);
export type BackupPolicyVmWorkload = ProviderBackupPolicyVmWorkload;
export const StorageContainer = onFirstUse<typeof ProviderStorageContainer>(() => require('@cdktf/provider-azurerm/lib/storage-container').StorageContainer);
export type StorageContainer = ProviderStorageContainer;
export const StorageManagementPolicy = onFirstUse<typeof ProviderStorageManagementPolicy>(() => require('@cdktf/provider-azurerm/lib/storage-management-policy').StorageManagementPolicy);
export type StorageManagementPolicy = ProviderStorageManagementPolicy;
export const PrivateEndpoint = onFirstUse<typeof ProviderPrivateEndpoint>(() => require('@cdktf/provider-azurerm/lib/private-endpoint').PrivateEndpoint);
export type PrivateEndpoint = ProviderPrivateEndpoint;
export const RoleAssignment = onFirstUse<typeof ProviderRoleAssignment>(() => require('@cdktf/provider-azurerm/lib/role-assignment').RoleAssignment);
export type RoleAssignment = ProviderRoleAssignment;
export const UserAssignedIdentity = onFirstUse<typeof ProviderUserAssignedIdentity>(() => require('@cdktf/provider-azurerm/lib/user-assigned-identity').UserAssignedIdentity);
export type UserAssignedIdentity = ProviderUserAssignedIdentity;
export const ApplicationGateway = onFirstUse<typeof ProviderApplicationGateway>(() => require('@cdktf/provider-azurerm/lib/application-gateway').ApplicationGateway);
export type ApplicationGateway = ProviderApplicationGateway;
export const WebApplicationFirewallPolicy = onFirstUse<typeof ProviderWebApplicationFirewallPolicy>(() => require('@cdktf/provider-azurerm/lib/web-application-firewall-policy').WebApplicationFirewallPolicy);
export type WebApplicationFirewallPolicy = ProviderWebApplicationFirewallPolicy;
export type { MssqlVirtualMachineAutoBackup } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine';
