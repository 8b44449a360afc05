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
 */
import { ResourceGroup as ProviderResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { VirtualNetwork as ProviderVirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Subnet as ProviderSubnet } from '@cdktf/provider-azurerm/lib/subnet';
import { ApplicationSecurityGroup as ProviderApplicationSecurityGroup } from '@cdktf/provider-azurerm/lib/application-security-group';
import { NetworkInterfaceApplicationSecurityGroupAssociation as ProviderNetworkInterfaceApplicationSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/network-interface-application-security-group-association';
import { NetworkSecurityGroup as ProviderNetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule as ProviderNetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { SubnetNetworkSecurityGroupAssociation as ProviderSubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { PrivateDnsZone as ProviderPrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink as ProviderPrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateDnsARecord as ProviderPrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsSrvRecord as ProviderPrivateDnsSrvRecord } from '@cdktf/provider-azurerm/lib/private-dns-srv-record';
import { DnsZone as ProviderDnsZone } from '@cdktf/provider-azurerm/lib/dns-zone';
import { DnsARecord as ProviderDnsARecord } from '@cdktf/provider-azurerm/lib/dns-a-record';
import { DnsSrvRecord as ProviderDnsSrvRecord } from '@cdktf/provider-azurerm/lib/dns-srv-record';
import { DnsCnameRecord as ProviderDnsCnameRecord } from '@cdktf/provider-azurerm/lib/dns-cname-record';
import { WindowsVirtualMachine as ProviderWindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import { NetworkInterface as ProviderNetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { AvailabilitySet as ProviderAvailabilitySet } from '@cdktf/provider-azurerm/lib/availability-set';
import { Lb as ProviderLb } from '@cdktf/provider-azurerm/lib/lb';
import { LbBackendAddressPool as ProviderLbBackendAddressPool } from '@cdktf/provider-azurerm/lib/lb-backend-address-pool';
import { LbProbe as ProviderLbProbe } from '@cdktf/provider-azurerm/lib/lb-probe';
import { LbRule as ProviderLbRule } from '@cdktf/provider-azurerm/lib/lb-rule';
import { NetworkInterfaceBackendAddressPoolAssociation as ProviderNetworkInterfaceBackendAddressPoolAssociation } from '@cdktf/provider-azurerm/lib/network-interface-backend-address-pool-association';
import { PublicIp as ProviderPublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { ManagedDisk as ProviderManagedDisk } from '@cdktf/provider-azurerm/lib/managed-disk';
import { VirtualMachineDataDiskAttachment as ProviderVirtualMachineDataDiskAttachment } from '@cdktf/provider-azurerm/lib/virtual-machine-data-disk-attachment';
import { MssqlVirtualMachine as ProviderMssqlVirtualMachine } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine';
import { MssqlVirtualMachineGroup as ProviderMssqlVirtualMachineGroup } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine-group';
import { MssqlVirtualMachineAvailabilityGroupListener as ProviderMssqlVirtualMachineAvailabilityGroupListener } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine-availability-group-listener';
import { StorageAccount as ProviderStorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageShare as ProviderStorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { VirtualNetworkPeering as ProviderVirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { VirtualMachineExtension as ProviderVirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
import { TrafficManagerProfile as ProviderTrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { TrafficManagerExternalEndpoint as ProviderTrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { BastionHost as ProviderBastionHost } from '@cdktf/provider-azurerm/lib/bastion-host';
import { DevTestGlobalVmShutdownSchedule as ProviderDevTestGlobalVmShutdownSchedule } from '@cdktf/provider-azurerm/lib/dev-test-global-vm-shutdown-schedule';
import { VirtualNetworkDnsServers as ProviderVirtualNetworkDnsServers } from '@cdktf/provider-azurerm/lib/virtual-network-dns-servers';
import { AzurermProvider as ProviderAzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermClientConfig as ProviderDataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { RecoveryServicesVault as ProviderRecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import { BackupPolicyVm as ProviderBackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
import { BackupProtectedVm as ProviderBackupProtectedVm } from '@cdktf/provider-azurerm/lib/backup-protected-vm';
import { BackupPolicyVmWorkload as ProviderBackupPolicyVmWorkload } from '@cdktf/provider-azurerm/lib/backup-policy-vm-workload';
import { StorageContainer as ProviderStorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy as ProviderStorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { PrivateEndpoint as ProviderPrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment as ProviderRoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity as ProviderUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ApplicationGateway as ProviderApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
import { WebApplicationFirewallPolicy as ProviderWebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
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

export const ResourceGroup = untraced(ProviderResourceGroup);
export type ResourceGroup = ProviderResourceGroup;
export const VirtualNetwork = untraced(ProviderVirtualNetwork);
export type VirtualNetwork = ProviderVirtualNetwork;
export const Subnet = untraced(ProviderSubnet);
export type Subnet = ProviderSubnet;
export const ApplicationSecurityGroup = untraced(ProviderApplicationSecurityGroup);
export type ApplicationSecurityGroup = ProviderApplicationSecurityGroup;
export const NetworkInterfaceApplicationSecurityGroupAssociation = untraced(ProviderNetworkInterfaceApplicationSecurityGroupAssociation);
export type NetworkInterfaceApplicationSecurityGroupAssociation = ProviderNetworkInterfaceApplicationSecurityGroupAssociation;
export const NetworkSecurityGroup = untraced(ProviderNetworkSecurityGroup);
export type NetworkSecurityGroup = ProviderNetworkSecurityGroup;
export const NetworkSecurityRule = untraced(ProviderNetworkSecurityRule);
export type NetworkSecurityRule = ProviderNetworkSecurityRule;
export const SubnetNetworkSecurityGroupAssociation = untraced(ProviderSubnetNetworkSecurityGroupAssociation);
export type SubnetNetworkSecurityGroupAssociation = ProviderSubnetNetworkSecurityGroupAssociation;
export const PrivateDnsZone = untraced(ProviderPrivateDnsZone);
export type PrivateDnsZone = ProviderPrivateDnsZone;
export const PrivateDnsZoneVirtualNetworkLink = untraced(ProviderPrivateDnsZoneVirtualNetworkLink);
export type PrivateDnsZoneVirtualNetworkLink = ProviderPrivateDnsZoneVirtualNetworkLink;
export const PrivateDnsARecord = untraced(ProviderPrivateDnsARecord);
export type PrivateDnsARecord = ProviderPrivateDnsARecord;
export const PrivateDnsSrvRecord = untraced(ProviderPrivateDnsSrvRecord);
export type PrivateDnsSrvRecord = ProviderPrivateDnsSrvRecord;
export const DnsZone = untraced(ProviderDnsZone);
export type DnsZone = ProviderDnsZone;
export const DnsARecord = untraced(ProviderDnsARecord);
export type DnsARecord = ProviderDnsARecord;
export const DnsSrvRecord = untraced(ProviderDnsSrvRecord);
export type DnsSrvRecord = ProviderDnsSrvRecord;
export const DnsCnameRecord = untraced(ProviderDnsCnameRecord);
export type DnsCnameRecord = ProviderDnsCnameRecord;
export const WindowsVirtualMachine = untraced(ProviderWindowsVirtualMachine);
export type WindowsVirtualMachine = ProviderWindowsVirtualMachine;
export const NetworkInterface = untraced(ProviderNetworkInterface);
export type NetworkInterface = ProviderNetworkInterface;
export const AvailabilitySet = untraced(ProviderAvailabilitySet);
export type AvailabilitySet = ProviderAvailabilitySet;
export const Lb = untraced(ProviderLb);
export type Lb = ProviderLb;
export const LbBackendAddressPool = untraced(ProviderLbBackendAddressPool);
export type LbBackendAddressPool = ProviderLbBackendAddressPool;
export const LbProbe = untraced(ProviderLbProbe);
export type LbProbe = ProviderLbProbe;
export const LbRule = untraced(ProviderLbRule);
export type LbRule = ProviderLbRule;
export const NetworkInterfaceBackendAddressPoolAssociation = untraced(ProviderNetworkInterfaceBackendAddressPoolAssociation);
export type NetworkInterfaceBackendAddressPoolAssociation = ProviderNetworkInterfaceBackendAddressPoolAssociation;
export const PublicIp = untraced(ProviderPublicIp);
export type PublicIp = ProviderPublicIp;
export const ManagedDisk = untraced(ProviderManagedDisk);
export type ManagedDisk = ProviderManagedDisk;
export const VirtualMachineDataDiskAttachment = untraced(ProviderVirtualMachineDataDiskAttachment);
export type VirtualMachineDataDiskAttachment = ProviderVirtualMachineDataDiskAttachment;
export const MssqlVirtualMachine = untraced(ProviderMssqlVirtualMachine);
export type MssqlVirtualMachine = ProviderMssqlVirtualMachine;
export const MssqlVirtualMachineGroup = untraced(ProviderMssqlVirtualMachineGroup);
export type MssqlVirtualMachineGroup = ProviderMssqlVirtualMachineGroup;
export const MssqlVirtualMachineAvailabilityGroupListener = untraced(ProviderMssqlVirtualMachineAvailabilityGroupListener);
export type MssqlVirtualMachineAvailabilityGroupListener = ProviderMssqlVirtualMachineAvailabilityGroupListener;
export const StorageAccount = untraced(ProviderStorageAccount);
export type StorageAccount = ProviderStorageAccount;
export const StorageShare = untraced(ProviderStorageShare);
export type StorageShare = ProviderStorageShare;
export const VirtualNetworkPeering = untraced(ProviderVirtualNetworkPeering);
export type VirtualNetworkPeering = ProviderVirtualNetworkPeering;
export const VirtualMachineExtension = untraced(ProviderVirtualMachineExtension);
export type VirtualMachineExtension = ProviderVirtualMachineExtension;
export const TrafficManagerProfile = untraced(ProviderTrafficManagerProfile);
export type TrafficManagerProfile = ProviderTrafficManagerProfile;
export const TrafficManagerExternalEndpoint = untraced(ProviderTrafficManagerExternalEndpoint);
export type TrafficManagerExternalEndpoint = ProviderTrafficManagerExternalEndpoint;
export const BastionHost = untraced(ProviderBastionHost);
export type BastionHost = ProviderBastionHost;
export const DevTestGlobalVmShutdownSchedule = untraced(ProviderDevTestGlobalVmShutdownSchedule);
export type DevTestGlobalVmShutdownSchedule = ProviderDevTestGlobalVmShutdownSchedule;
export const VirtualNetworkDnsServers = untraced(ProviderVirtualNetworkDnsServers);
export type VirtualNetworkDnsServers = ProviderVirtualNetworkDnsServers;
export const AzurermProvider = untraced(ProviderAzurermProvider);
export type AzurermProvider = ProviderAzurermProvider;
export const DataAzurermClientConfig = untraced(ProviderDataAzurermClientConfig);
export type DataAzurermClientConfig = ProviderDataAzurermClientConfig;
export const RecoveryServicesVault = untraced(ProviderRecoveryServicesVault);
export type RecoveryServicesVault = ProviderRecoveryServicesVault;
export const BackupPolicyVm = untraced(ProviderBackupPolicyVm);
export type BackupPolicyVm = ProviderBackupPolicyVm;
export const BackupProtectedVm = untraced(ProviderBackupProtectedVm);
export type BackupProtectedVm = ProviderBackupProtectedVm;
export const BackupPolicyVmWorkload = untraced(ProviderBackupPolicyVmWorkload);
export type BackupPolicyVmWorkload = ProviderBackupPolicyVmWorkload;
export const StorageContainer = untraced(ProviderStorageContainer);
export type StorageContainer = ProviderStorageContainer;
export const StorageManagementPolicy = untraced(ProviderStorageManagementPolicy);
export type StorageManagementPolicy = ProviderStorageManagementPolicy;
export const PrivateEndpoint = untraced(ProviderPrivateEndpoint);
export type PrivateEndpoint = ProviderPrivateEndpoint;
export const RoleAssignment = untraced(ProviderRoleAssignment);
export type RoleAssignment = ProviderRoleAssignment;
export const UserAssignedIdentity = untraced(ProviderUserAssignedIdentity);
export type UserAssignedIdentity = ProviderUserAssignedIdentity;
export const ApplicationGateway = untraced(ProviderApplicationGateway);
export type ApplicationGateway = ProviderApplicationGateway;
export const WebApplicationFirewallPolicy = untraced(ProviderWebApplicationFirewallPolicy);
export type WebApplicationFirewallPolicy = ProviderWebApplicationFirewallPolicy;
export type { MssqlVirtualMachineAutoBackup } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine';
