/** SQL Server VMs: marketplace SQL images, the SQL IaaS registration and protected data/log disks. */
import { Construct } from 'constructs';
import { ManagedDisk, MssqlVirtualMachine, VirtualMachineDataDiskAttachment } from '../azurerm';
import { SqlEdition, SqlServerVersion, WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import type { CentralSite } from '../constructs/site';
import { SubnetRole } from './network';
import { Server, ServerGroup, ServerImage } from './servers';

/** Marketplace SQL image per SQL version: the offer bundles the Windows version it runs on. */
const SQL_IMAGES: Record<SqlServerVersion, { offer: string; os: WindowsServerVersion }> = {
  [SqlServerVersion.SQL_2008_R2]: { offer: 'SQL2008R2SP3-WS2008R2SP1', os: WindowsServerVersion.WINDOWS_SERVER_2012_R2 },
  [SqlServerVersion.SQL_2012]: { offer: 'SQL2012SP4-WS2012R2', os: WindowsServerVersion.WINDOWS_SERVER_2012_R2 },
  [SqlServerVersion.SQL_2014]: { offer: 'SQL2014SP3-WS2012R2', os: WindowsServerVersion.WINDOWS_SERVER_2012_R2 },
  [SqlServerVersion.SQL_2016]: { offer: 'SQL2016SP3-WS2019', os: WindowsServerVersion.WINDOWS_SERVER_2019 },
  [SqlServerVersion.SQL_2017]: { offer: 'SQL2017-WS2019', os: WindowsServerVersion.WINDOWS_SERVER_2019 },
  [SqlServerVersion.SQL_2019]: { offer: 'SQL2019-WS2019', os: WindowsServerVersion.WINDOWS_SERVER_2019 },
};

/** SQL versions whose marketplace offer has a Developer edition image (`sqldev`). */
const DEVELOPER_EDITION_VERSIONS = new Set([SqlServerVersion.SQL_2016, SqlServerVersion.SQL_2017, SqlServerVersion.SQL_2019]);

export function sqlImage(version: SqlServerVersion, edition: SqlEdition): ServerImage & { os: WindowsServerVersion } {
  const { offer, os } = SQL_IMAGES[version];
  return { publisher: 'MicrosoftSQLServer', offer, sku: edition === SqlEdition.ENTERPRISE ? 'enterprise' : 'standard', os };
}

export interface SqlServersProps {
  readonly site: CentralSite;
  readonly namePrefix: string;
  readonly count: number;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  /** @default Standard_E16s_v5; in lab mode the lab size of the Back End role */
  readonly vmSize?: string;
  /** @default SubnetRole.BACK_END */
  readonly subnet?: SubnetRole;
  /** Keep data and log disks on `terraform destroy` (losing them loses user data). @default true; false in lab mode */
  readonly protectData?: boolean;
  /** @default 256 */
  readonly dataDiskGb?: number;
}

/** SQL VMs spread over the site's zones, each registered with the SQL IaaS extension. */
export class SqlServers extends Construct {
  readonly group: ServerGroup;
  readonly sqlVms: MssqlVirtualMachine[] = [];

  constructor(scope: Construct, id: string, props: SqlServersProps) {
    super(scope, id);
    const deployment = props.site.deployment;
    const nominal = sqlImage(props.sqlVersion, props.sqlEdition);
    // Lab mode: the free Developer edition where the marketplace offers it (SQL 2016 and later).
    const developer = deployment.lab?.sqlDeveloperEdition === true && DEVELOPER_EDITION_VERSIONS.has(props.sqlVersion);
    const image = developer ? { ...nominal, sku: 'sqldev' } : nominal;
    this.group = new ServerGroup(this, 'servers', {
      site: props.site,
      role: ServerRole.BACK_END,
      namePrefix: props.namePrefix,
      count: props.count,
      vmSize: props.vmSize ?? deployment.defaultVmSize(ServerRole.BACK_END, 'Standard_E16s_v5'),
      os: image.os,
      nics: [{ subnet: props.subnet ?? SubnetRole.BACK_END }],
      image,
    });
    // A lab's databases are disposable: `cdktf destroy` must be able to remove them.
    const protect = props.protectData ?? deployment.lab === undefined;
    this.group.servers.forEach((server, i) => {
      const scopeOf = server.vm.node.scope as Construct;
      ['data', 'log'].forEach((kind, lun) => {
        const disk = new ManagedDisk(scopeOf, `${kind}-disk`, {
          name: `disk-${server.model.computerName}-${kind}`,
          location: props.site.location,
          resourceGroupName: props.site.resourceGroupName,
          storageAccountType: 'Premium_LRS',
          createOption: 'Empty',
          diskSizeGb: props.dataDiskGb ?? 256,
          ...(server.vm.zone ? { zone: server.vm.zone } : {}),
          lifecycle: { preventDestroy: protect },
        });
        new VirtualMachineDataDiskAttachment(scopeOf, `${kind}-disk-attachment`, {
          managedDiskId: disk.id,
          virtualMachineId: server.vm.id,
          lun,
          caching: kind === 'data' ? 'ReadOnly' : 'None',
        });
      });
      this.sqlVms.push(
        new MssqlVirtualMachine(scopeOf, 'sql', {
          virtualMachineId: server.vm.id,
          sqlLicenseType: 'PAYG',
          sqlConnectivityType: 'PRIVATE',
          sqlConnectivityPort: 1433,
        }),
      );
      void i;
    });
  }

  get servers(): Server[] {
    return this.group.servers;
  }
}
