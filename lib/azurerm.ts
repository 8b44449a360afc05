/**
 * The only module that imports @cdktf/provider-azurerm. Deep paths only: the package root costs
 * about 1.7 s and 420 MB per load, a deep import about 0.2 s (see the cdktf notes). A move to
 * @cdktn/provider-azurerm is a rename here.
 */
export { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
export { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
export { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
export { ApplicationSecurityGroup } from '@cdktf/provider-azurerm/lib/application-security-group';
export { NetworkInterfaceApplicationSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/network-interface-application-security-group-association';
export { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
export { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
export { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
export { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
export { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
export { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
export { PrivateDnsSrvRecord } from '@cdktf/provider-azurerm/lib/private-dns-srv-record';
export { DnsZone } from '@cdktf/provider-azurerm/lib/dns-zone';
export { DnsARecord } from '@cdktf/provider-azurerm/lib/dns-a-record';
export { DnsSrvRecord } from '@cdktf/provider-azurerm/lib/dns-srv-record';
export { DnsCnameRecord } from '@cdktf/provider-azurerm/lib/dns-cname-record';
export { WindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
export { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
export { AvailabilitySet } from '@cdktf/provider-azurerm/lib/availability-set';
export { Lb } from '@cdktf/provider-azurerm/lib/lb';
export { LbBackendAddressPool } from '@cdktf/provider-azurerm/lib/lb-backend-address-pool';
export { LbProbe } from '@cdktf/provider-azurerm/lib/lb-probe';
export { LbRule } from '@cdktf/provider-azurerm/lib/lb-rule';
export { NetworkInterfaceBackendAddressPoolAssociation } from '@cdktf/provider-azurerm/lib/network-interface-backend-address-pool-association';
export { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
export { ManagedDisk } from '@cdktf/provider-azurerm/lib/managed-disk';
export { VirtualMachineDataDiskAttachment } from '@cdktf/provider-azurerm/lib/virtual-machine-data-disk-attachment';
export { MssqlVirtualMachine } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine';
export { MssqlVirtualMachineGroup } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine-group';
export { MssqlVirtualMachineAvailabilityGroupListener } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine-availability-group-listener';
export { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
export { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
export { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
export { VirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
export { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
export { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
export { BastionHost } from '@cdktf/provider-azurerm/lib/bastion-host';
export { DevTestGlobalVmShutdownSchedule } from '@cdktf/provider-azurerm/lib/dev-test-global-vm-shutdown-schedule';
export { VirtualNetworkDnsServers } from '@cdktf/provider-azurerm/lib/virtual-network-dns-servers';
export { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
export { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
export { RecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
export { BackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
export { BackupProtectedVm } from '@cdktf/provider-azurerm/lib/backup-protected-vm';
export { BackupPolicyVmWorkload } from '@cdktf/provider-azurerm/lib/backup-policy-vm-workload';
export { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
export { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
export { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
export { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
export { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
export { ApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
export { WebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
export type { MssqlVirtualMachineAutoBackup } from '@cdktf/provider-azurerm/lib/mssql-virtual-machine';
