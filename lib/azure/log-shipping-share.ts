/**
 * A Windows file server holding a SQL log-shipping share (Persistent Chat PCHAT-7): one VM with a
 * protected data disk. It is deliberately not a pool file store (the docs keep the two apart).
 */
import { Construct } from 'constructs';
import { ManagedDisk, VirtualMachineDataDiskAttachment } from '../azurerm';
import { WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import { SubnetRole } from '../model/network';
import { SitePlacement } from './placement';
import { Server, ServerGroup } from './servers';
import { fitName } from '../model/names';

export interface LogShippingShareProps {
  readonly site: SitePlacement;
  readonly namePrefix: string;
  /** Whether `namePrefix` was derived, so each computer name is fitted (ServerGroupProps). @default false */
  readonly fitComputerNames?: boolean;
  /** Share name; the UNC path is `\\<server fqdn>\<shareName>`. */
  readonly shareName: string;
  readonly os: WindowsServerVersion;
  /** The File Server role's default (lib/model/roles/), or the lab's size: the caller decides. */
  readonly vmSize: string;
  /** @default 256 */
  readonly diskGb?: number;
  /** @default SubnetRole.INFRASTRUCTURE */
  readonly subnet?: SubnetRole;
  /** Keep the share's disk on `terraform destroy`; a lab's data is disposable. */
  readonly protectData: boolean;
}

export class LogShippingShare extends Construct {
  readonly group: ServerGroup;
  readonly server: Server;
  readonly uncPath: string;
  readonly subnet: SubnetRole;

  constructor(scope: Construct, id: string, props: LogShippingShareProps) {
    super(scope, id);
    this.subnet = props.subnet ?? SubnetRole.INFRASTRUCTURE;
    this.group = new ServerGroup(this, 'servers', {
      site: props.site,
      role: ServerRole.FILE_SERVER,
      namePrefix: props.namePrefix,
      fitComputerNames: props.fitComputerNames,
      count: 1,
      vmSize: props.vmSize,
      os: props.os,
      nics: [{ subnet: this.subnet }],
    });
    this.server = this.group.servers[0];
    const vmScope = this.server.vm.node.scope as Construct;
    // Transaction-log backups are the only copy of recent chat history while the primary data center is down.
    const disk = new ManagedDisk(vmScope, 'share-disk', {
      name: fitName('azurerm_managed_disk', `disk-${this.server.model.computerName}`, '-share'),
      location: props.site.location,
      resourceGroupName: props.site.resourceGroupName,
      storageAccountType: 'Premium_LRS',
      createOption: 'Empty',
      diskSizeGb: props.diskGb ?? 256,
      ...(props.site.availabilityZones.length > 0 ? { zone: this.server.model.failureDomain } : {}),
      lifecycle: { preventDestroy: props.protectData },
    });
    new VirtualMachineDataDiskAttachment(vmScope, 'share-disk-attachment', {
      managedDiskId: disk.id,
      virtualMachineId: this.server.vm.id,
      lun: 0,
      caching: 'None',
    });
    this.uncPath = `\\\\${this.server.model.fqdn}\\${props.shareName}`;
  }
}
