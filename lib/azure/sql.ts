/** SQL Server VMs: marketplace SQL images, the SQL IaaS registration and protected data/log disks. */
import { Construct } from 'constructs';
import type { SqlHaMode } from '../model/backup';
import { ManagedDisk, MssqlVirtualMachine, MssqlVirtualMachineAutoBackup, StorageAccount, VirtualMachineDataDiskAttachment, VirtualMachineExtension } from '../azurerm';
import { Fn, TerraformResource } from '../cdktf';
import { ProductVersion, SqlEdition, SqlServerVersion, WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import { ROLE_PROFILES } from '../model/roles';
import { newestSupportedOs, recommendedVmSize, SUPPORTED_OS } from '../model/versions';
import { stableHash } from '../model/keyed-slots';
import { SubnetRole } from '../model/network';
import { SitePlacement } from './placement';
import { Server, ServerGroup, ServerImage, windowsImage } from './servers';
import { readonlySet } from '../model/memo';
import { fitName } from '../model/names';

/** What the SQL building blocks need of the deployment: plain values and callbacks, no construct type. */
export interface SqlDeploymentContext {
  readonly productVersion: ProductVersion;
  /** Lab mode's SQL choices, when the deployment is a lab. @internal */
  readonly _lab?: {
    readonly sqlDeveloperEdition: boolean;
    /** The lab joins every member server itself: a resource that needs a domain member waits for that join. */
    joinBefore(vm: Construct, dependent: TerraformResource): void;
  };
  /** The VM size of a role when the construct gave none. @internal */
  _defaultVmSize(role: ServerRole, productionDefault: string): string;
  /**
   * The reference of the sensitive variable holding the password of `account`, created once in the
   * stack of `near` and registered as a credential (SEC-1): `TF_VAR_<deployment>_<key>`.
* @internal
      */
  _passwordVariable(near: Construct, key: string, account: string): string;
  /**
   * The `auto_backup` block of a SQL Server VM (SQL IaaS Automated Backup to the site's backup
   * storage), or none when backups are off or Automated Backup cannot serve the store.
* @internal
      */
  _sqlAutoBackup?(site: SitePlacement, server: { readonly path: string; readonly haMode: SqlHaMode; readonly sqlVersion: SqlServerVersion }): MssqlVirtualMachineAutoBackup | undefined;
}

interface MarketplaceSqlImage {
  readonly offer: string;
  readonly os: WindowsServerVersion;
  /** Older offers spell their SKUs `Enterprise`/`Standard`, newer ones lower case. */
  readonly titleCaseSku?: boolean;
}

/**
 * Marketplace SQL images per SQL version, newest Windows first. The offer bundles the Windows version;
 * SQL Server 2008 R2 has no image on a Windows version any product here supports.
 */
const SQL_IMAGES: Record<SqlServerVersion, readonly MarketplaceSqlImage[]> = {
  [SqlServerVersion.SQL_2008_R2]: [],
  [SqlServerVersion.SQL_2012]: [{ offer: 'SQL2012SP4-WS2012R2', os: WindowsServerVersion.WINDOWS_SERVER_2012_R2, titleCaseSku: true }],
  [SqlServerVersion.SQL_2014]: [{ offer: 'SQL2014SP3-WS2012R2', os: WindowsServerVersion.WINDOWS_SERVER_2012_R2, titleCaseSku: true }],
  [SqlServerVersion.SQL_2016]: [
    { offer: 'SQL2016SP3-WS2019', os: WindowsServerVersion.WINDOWS_SERVER_2019 },
    { offer: 'SQL2016SP2-WS2016', os: WindowsServerVersion.WINDOWS_SERVER_2016, titleCaseSku: true },
  ],
  [SqlServerVersion.SQL_2017]: [{ offer: 'sql2017-ws2019', os: WindowsServerVersion.WINDOWS_SERVER_2019 }],
  [SqlServerVersion.SQL_2019]: [
    { offer: 'sql2019-ws2022', os: WindowsServerVersion.WINDOWS_SERVER_2022 },
    { offer: 'sql2019-ws2019', os: WindowsServerVersion.WINDOWS_SERVER_2019 },
  ],
};

/** SQL versions whose marketplace offer has a Developer edition image (`sqldev`). */
const DEVELOPER_EDITION_VERSIONS = readonlySet([SqlServerVersion.SQL_2016, SqlServerVersion.SQL_2017, SqlServerVersion.SQL_2019]);

export interface SqlImage extends ServerImage {
  readonly os: WindowsServerVersion;
  /**
   * False when no marketplace SQL image runs on a Windows version the product supports: the VM
   * gets plain Windows Server and the operator installs SQL Server (and registers it afterwards).
   */
  readonly marketplaceSql: boolean;
}

/** The SQL image for a version and edition on the newest Windows version the product supports. */
export function sqlImage(version: SqlServerVersion, edition: SqlEdition, product: ProductVersion): SqlImage {
  const image = SQL_IMAGES[version].find((i) => SUPPORTED_OS[product].includes(i.os));
  if (!image) {
    const os = newestSupportedOs(product);
    return { ...windowsImage(os), os, marketplaceSql: false };
  }
  const sku = edition === SqlEdition.ENTERPRISE ? 'enterprise' : 'standard';
  return {
    publisher: 'MicrosoftSQLServer',
    offer: image.offer,
    sku: image.titleCaseSku ? sku[0].toUpperCase() + sku.slice(1) : sku,
    os: image.os,
    marketplaceSql: true,
  };
}

/**
 * The image a deployment's SQL VMs boot: the marketplace image of `sqlImage`, or in lab mode the free
 * Developer edition where the marketplace offers it (SQL 2016 and later).
 */
export function sqlServerImage(version: SqlServerVersion, edition: SqlEdition, deployment: Pick<SqlDeploymentContext, 'productVersion' | '_lab'>): SqlImage {
  const nominal = sqlImage(version, edition, deployment.productVersion);
  const developer = nominal.marketplaceSql && deployment._lab?.sqlDeveloperEdition === true && DEVELOPER_EDITION_VERSIONS.has(version);
  return developer ? { ...nominal, sku: 'sqldev' } : nominal;
}

const OS_OFFER_SUFFIX: Record<WindowsServerVersion, string> = {
  [WindowsServerVersion.WINDOWS_SERVER_2012_R2]: 'WS2012R2',
  [WindowsServerVersion.WINDOWS_SERVER_2016]: 'WS2016',
  [WindowsServerVersion.WINDOWS_SERVER_2019]: 'WS2019',
  [WindowsServerVersion.WINDOWS_SERVER_2022]: 'WS2022',
};

/**
 * `sql_image_offer` and `sql_image_sku` of the SQL VM group (the WSFC) whose members boot `image`.
 * The provider checks the offer case-sensitively against `^SQL[A-Za-z0-9]*-WS[A-Za-z0-9]*$`
 * (lib/model/provider-constraints.ts: SQL_VM_GROUP), so the group takes `SQL2019-WS2022` while the
 * VMs keep the marketplace spelling `sql2019-ws2022`. Without a marketplace SQL image (BE-12, which
 * cannot be acknowledged) the offer is still well-formed, named after the version and the OS.
 * The SKU is one of `Developer` and `Enterprise`; Standard edition (BE-11, not acknowledgeable)
 * is passed through so the finding, not a silent substitution, stops synthesis.
 */
export function sqlVmGroupImage(image: SqlImage, version: SqlServerVersion, edition: SqlEdition): { offer: string; sku: string } {
  const offer = image.marketplaceSql ? image.offer.toUpperCase() : `SQL${version.toUpperCase()}-${OS_OFFER_SUFFIX[image.os]}`;
  return { offer, sku: image.sku === 'sqldev' ? 'Developer' : edition };
}

/** Passwords of the domain accounts a Windows failover cluster and its SQL Server need. */
export interface ClusterCredentials {
  readonly clusterBootstrapPassword: string;
  readonly clusterOperatorPassword: string;
  readonly sqlServicePassword: string;
  /** Password of the account that joins the SQL servers to the AD domain. */
  readonly domainJoinPassword: string;
}

/** Domain accounts of a clustered back end (user principal names). */
export interface SqlServiceAccounts {
  /** Creates the Windows failover cluster. @default `clusterbootstrap@<adDomain>` */
  readonly clusterBootstrap?: string;
  /** Operates the cluster. @default `clusteroperator@<adDomain>` */
  readonly clusterOperator?: string;
  /** Runs SQL Server on every node. @default `sqlservice@<adDomain>` */
  readonly sqlService?: string;
  /** Joins the SQL servers to the AD domain. @default `domainjoin@<adDomain>` */
  readonly domainJoin?: string;
}

/** The account names with their defaults applied. */
export function serviceAccounts(adDomain: string, given: SqlServiceAccounts = {}): Required<SqlServiceAccounts> {
  return {
    clusterBootstrap: given.clusterBootstrap ?? `clusterbootstrap@${adDomain}`,
    clusterOperator: given.clusterOperator ?? `clusteroperator@${adDomain}`,
    sqlService: given.sqlService ?? `sqlservice@${adDomain}`,
    domainJoin: given.domainJoin ?? `domainjoin@${adDomain}`,
  };
}

/**
 * The cluster and SQL service passwords as sensitive variables, one each in the stack of `near`
 * (SEC-1): `TF_VAR_<deployment>_sql_service_password`, ...
 */
export function clusterCredentials(deployment: SqlDeploymentContext, near: Construct): ClusterCredentials {
  const variable = (key: string, account: string) => deployment._passwordVariable(near, key, account);
  return {
    clusterBootstrapPassword: variable('cluster_bootstrap_password', 'cluster bootstrap account'),
    clusterOperatorPassword: variable('cluster_operator_password', 'cluster operator account'),
    sqlServicePassword: variable('sql_service_password', 'SQL Server service account'),
    domainJoinPassword: variable('domain_join_password', 'domain join account'),
  };
}

/** A short deterministic hash (FNV-1a) so derived storage names differ between deployments. */
function shortHash(text: string): string {
  return stableHash(text).toString(36).padStart(7, '0').slice(0, 7);
}

/** A given storage account name (checked) or one derived from the construct path: `<what><site><id><hash>`. */
export function storageAccountName(what: string, path: string, given: string | undefined, construct: string, prop: string): string {
  if (given !== undefined) {
    if (typeof given !== 'string' || !/^[a-z0-9]{3,24}$/.test(given)) {
      throw new Error(`${construct} ${path}: ${prop} ${JSON.stringify(given)} is not a storage account name; use 3 to 24 lower-case letters and digits`);
    }
    return given;
  }
  const parts = path.toLowerCase().split('/').slice(-2).join('').replace(/[^a-z0-9]/g, '');
  return `${what}${parts.slice(0, 24 - what.length - 7)}${shortHash(path)}`;
}

/**
 * The storage account of a cluster's cloud witness: TLS 1.2 minimum, HTTPS only, no anonymous blob
 * access; zone-redundant where the site has zones, so the witness survives the loss of any one zone.
 */
export function cloudWitness(scope: Construct, site: SitePlacement, name: string): StorageAccount {
  return new StorageAccount(scope, 'witness-storage', {
    name,
    location: site.location,
    resourceGroupName: site.resourceGroupName,
    accountTier: 'Standard',
    accountKind: 'StorageV2',
    accountReplicationType: site.availabilityZones.length > 0 ? 'ZRS' : 'LRS',
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    allowNestedItemsToBePublic: false,
  });
}

export interface SqlServersProps {
  readonly site: SitePlacement;
  readonly deployment: SqlDeploymentContext;
  readonly namePrefix: string;
  /** Whether `namePrefix` was derived, so each computer name is fitted (ServerGroupProps). @default false */
  readonly fitComputerNames?: boolean;
  readonly count: number;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  /** @default ServerRole.BACK_END */
  readonly role?: ServerRole;
  /** @default Standard_D32s_v5 (16 physical cores, 128 GB: the VM-1 Back End floor); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** @default SubnetRole.BACK_END */
  readonly subnet?: SubnetRole;
  /** Zone index of the first server (see ServerGroup). @default 0 */
  readonly firstZoneIndex?: number;
  /** Keep data and log disks on `terraform destroy` (losing them loses user data). @default true; false in lab mode */
  readonly protectData?: boolean;
  /** Give each server its own data and log disk (false for cluster nodes on shared disks). @default true */
  readonly dataDisks?: boolean;
  /** @default 256 */
  readonly dataDiskGb?: number;
  /** Register each server with the SQL IaaS extension (azurerm_mssql_virtual_machine). @default true */
  readonly register?: boolean;
  /** Joins each registration to an AlwaysOn SQL VM group (WSFC). @default none */
  readonly cluster?: { readonly groupId: string; readonly credentials: ClusterCredentials };
  /**
   * Joins each server to the AD domain with the JsonADDomainExtension (a Windows cluster needs
   * domain members; the site's DNS must resolve the domain). @default no domain join
   */
  readonly domainJoin?: { readonly domain: string; readonly account: string; readonly password: string };
  /** How the store is kept highly available (chooses the SQL backup mechanism). @default always-on with `cluster`, else standalone */
  readonly haMode?: SqlHaMode;
  /**
   * SQL IaaS Automated Backup on each registration, when the deployment has backups. False where
   * another job owns the log chain (Persistent Chat log shipping: a second log backup breaks it).
   * @default true (never for mirroring witnesses, which hold no data)
   */
  readonly autoBackup?: boolean;
}

/** SQL VMs spread over the site's zones, each registered with the SQL IaaS extension. */
export class SqlServers extends Construct {
  readonly group: ServerGroup;
  readonly image: SqlImage;
  readonly sqlVms: MssqlVirtualMachine[] = [];
  readonly disks: ManagedDisk[] = [];

  constructor(scope: Construct, id: string, props: SqlServersProps) {
    super(scope, id);
    const deployment = props.deployment;
    // Lab mode: the free Developer edition where the marketplace offers it (SQL 2016 and later).
    this.image = sqlServerImage(props.sqlVersion, props.sqlEdition, deployment);
    const { os, marketplaceSql, ...image } = this.image;
    this.group = new ServerGroup(this, 'servers', {
      site: props.site,
      role: props.role ?? ServerRole.BACK_END,
      namePrefix: props.namePrefix,
      fitComputerNames: props.fitComputerNames,
      count: props.count,
      vmSize: props.vmSize ?? deployment._defaultVmSize(props.role ?? ServerRole.BACK_END, recommendedVmSize(deployment.productVersion, props.role ?? ServerRole.BACK_END)),
      os,
      nics: [{ subnet: props.subnet ?? SubnetRole.BACK_END }],
      image,
      firstZoneIndex: props.firstZoneIndex,
      // A back end's SQL servers share one address block with its listener or cluster addresses.
      addressOwner: scope.node.path,
    });
    // A lab's databases are disposable: `cdktf destroy` must be able to remove them.
    const protect = props.protectData ?? deployment._lab === undefined;
    const withDisks = props.dataDisks ?? true;
    // SQL installed by the operator cannot be registered before it exists.
    const register = (props.register ?? true) && marketplaceSql;
    for (const server of this.group.servers) {
      const scopeOf = server.vm.node.scope as Construct;
      const attachments = withDisks
        ? ['data', 'log'].map((kind, lun) => {
            const disk = new ManagedDisk(scopeOf, `${kind}-disk`, {
              name: fitName('azurerm_managed_disk', `disk-${server.model.computerName}`, `-${kind}`),
              location: props.site.location,
              resourceGroupName: props.site.resourceGroupName,
              storageAccountType: 'Premium_LRS',
              createOption: 'Empty',
              diskSizeGb: props.dataDiskGb ?? 256,
              ...(server.vm.zone ? { zone: server.vm.zone } : {}),
              lifecycle: { preventDestroy: protect },
            });
            this.disks.push(disk);
            return new VirtualMachineDataDiskAttachment(scopeOf, `${kind}-disk-attachment`, {
              managedDiskId: disk.id,
              virtualMachineId: server.vm.id,
              lun,
              caching: kind === 'data' ? 'ReadOnly' : 'None',
            });
          })
        : [];
      // In lab mode the lab joins every member server itself, after its domain controllers.
      const labJoins = props.domainJoin !== undefined && deployment._lab !== undefined;
      const join = labJoins ? undefined : (props.domainJoin
        ? new VirtualMachineExtension(scopeOf, 'domain-join', {
            name: 'domain-join',
            virtualMachineId: server.vm.id,
            publisher: 'Microsoft.Compute',
            type: 'JsonADDomainExtension',
            typeHandlerVersion: '1.3',
            autoUpgradeMinorVersion: true,
            settings: JSON.stringify({ Name: props.domainJoin.domain, User: props.domainJoin.account, Restart: 'true', Options: '3' }),
            protectedSettings: Fn.jsonencode({ Password: props.domainJoin.password }),
          })
        : undefined);
      if (!register) continue;
      const cluster = props.cluster;
      // Only a server that holds data has something to back up (a witness has none).
      const autoBackup = props.autoBackup !== false && ROLE_PROFILES[props.role ?? ServerRole.BACK_END].holdsRestoreData
        ? deployment._sqlAutoBackup?.(props.site, { path: server.model.path, haMode: props.haMode ?? (cluster ? 'always-on' : 'standalone'), sqlVersion: props.sqlVersion })
        : undefined;
      const dependsOn = [...attachments, ...(join ? [join] : [])];
      const sqlVm = new MssqlVirtualMachine(scopeOf, 'sql', {
          virtualMachineId: server.vm.id,
          sqlLicenseType: 'PAYG',
          sqlConnectivityType: 'PRIVATE',
          sqlConnectivityPort: 1433,
          // The IaaS extension builds storage pools on the attached disks: data on LUN 0, log on LUN 1.
          ...(withDisks
            ? {
                storageConfiguration: {
                  diskType: 'NEW',
                  storageWorkloadType: 'OLTP',
                  dataSettings: { defaultFilePath: 'F:\\data', luns: [0] },
                  logSettings: { defaultFilePath: 'G:\\log', luns: [1] },
                },
              }
            : {}),
          ...(autoBackup ? { autoBackup } : {}),
          ...(dependsOn.length > 0 ? { dependsOn } : {}),
          ...(cluster
            ? {
                sqlVirtualMachineGroupId: cluster.groupId,
                wsfcDomainCredential: {
                  clusterBootstrapAccountPassword: cluster.credentials.clusterBootstrapPassword,
                  clusterOperatorAccountPassword: cluster.credentials.clusterOperatorPassword,
                  sqlServiceAccountPassword: cluster.credentials.sqlServicePassword,
                },
              }
            : {}),
        });
      if (labJoins) deployment._lab!.joinBefore(server.vm, sqlVm);
      this.sqlVms.push(sqlVm);
    }
  }

  get servers(): Server[] {
    return this.group.servers;
  }
}
