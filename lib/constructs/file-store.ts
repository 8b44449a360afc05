import { Construct, IConstruct } from 'constructs';
import { ManagedDisk, VirtualMachineDataDiskAttachment } from '../azurerm';
import { compareKeys } from '../model/keys';
import { SubnetRole } from '../model/network';
import { ServerGroup } from '../azure/servers';
import { WindowsServerVersion } from '../enums';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SfbDeployment } from './deployment';
import type { PoolWithServers } from './back-end';
import { hosts, serversAsSource } from './flow-sources';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { dfsShareName, fitName } from '../model/names';
import { optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireCount, requireServerCount, requireEnum } from './validate-input';

export interface FileStoreProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another pool's key now prefers. The planning reports
   * (addresses.md) show each block.
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** Windows file servers replicating with DFS (FILE-1: a DFS pair). @default 2 */
  readonly servers?: number;
  /** VM size of each file server. @default Standard_D4s_v5; in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Windows Server version of the servers (VM-4). @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** Size of each server's data disk holding the share. @default 512 */
  readonly dataDiskGb?: number;
  /** Name of the domain-based DFS namespace the pools use: `\\<adDomain>\<shareName>`. @default `sfb-<site id>` for a site's shared store, `sfb-<site id>-<store id>` otherwise, fitted to 80 characters (docs/naming.md) */
  readonly shareName?: string;
  /** Computer-name prefix; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default `<site, 7 chars>-fs` (`-fs<xx>` for a store other than the site's shared one), fitted to 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
}

const KNOWN_PROPS = ['servers', 'vmSize', 'operatingSystem', 'dataDiskGb', 'shareName', 'serverNamePrefix', 'addressBlock'];

/** Construct ID of the file store a site creates for its Enterprise pools when they are given none. */
export const SHARED_FILE_STORE_ID = 'file-store';

/**
 * A Front End pool file store: Windows file-server VMs in the site's infrastructure subnet, spread
 * over its zones, serving one domain-based DFS namespace (never Azure Files: AZURE-5). The operator
 * sets up DFS Namespaces and Replication on the servers; the library creates the VMs, disks and flows.
 */
export class FileStore extends Construct {
  /**
   * The site's shared store (one DFS pair per site, FILE-1), created with the first Enterprise pool
   * that is given no `fileStore`.
   */
  static sharedBy(site: CentralSite): FileStore {
    const existing = site.node.tryFindChild(SHARED_FILE_STORE_ID);
    if (existing instanceof FileStore) return existing;
    return new FileStore(site, SHARED_FILE_STORE_ID, {});
  }

  readonly site: CentralSite;
  readonly shareUnc: string;
  /** @internal */
  readonly _servers: ServerGroup;
  private readonly pools: IConstruct[] = [];

  constructor(scope: CentralSite, id: string, props: FileStoreProps = {}) {
    super(scope, id);
    rejectUnknownProps(this, 'FileStore', props, KNOWN_PROPS);
    SfbDeployment._of(this, 'FileStore')._pinAddressBlock(this, 'FileStore', props.addressBlock);
    if (!(scope instanceof CentralSite)) throw new Error(`FileStore ${this.node.path}: scope must be a CentralSite`);
    const deployment = SfbDeployment._of(this, 'FileStore');
    this.site = scope;
    const count = requireServerCount(this, ServerRole.FILE_SERVER, 'FileStore', 'servers', props.servers);
    const os = requireEnum(this, 'FileStore', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');
    const diskGb = requireCount(this, 'FileStore', 'dataDiskGb', props.dataDiskGb ?? 512, 4, 32767);
    const share = props.shareName ?? dfsShareName(scope.node.id, id === SHARED_FILE_STORE_ID ? undefined : id);
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,79}$/.test(share)) {
      throw new Error(`FileStore ${this.node.path}: shareName ${JSON.stringify(share)} is not a DFS namespace name; use letters, digits and hyphens (at most 80)`);
    }
    this.shareUnc = `\\\\${deployment.adDomain}\\${share}`;

    this._servers = new ServerGroup(this, 'servers', {
      site: scope,
      role: ServerRole.FILE_SERVER,
      ...scope._serverNaming('fs', id === SHARED_FILE_STORE_ID ? undefined : id, optionalNamePrefix(this, 'FileStore', props.serverNamePrefix)),
      count,
      vmSize: optionalVmSize(this, 'FileStore', props.vmSize) ?? deployment._defaultVmSize(ServerRole.FILE_SERVER, recommendedVmSize(deployment.productVersion, ServerRole.FILE_SERVER)),
      os,
      nics: [{ subnet: SubnetRole.INFRASTRUCTURE }],
    });
    for (const server of this._servers.servers) {
      const host = server.vm.node.scope as Construct;
      const disk = new ManagedDisk(host, 'data-disk', {
        name: fitName('azurerm_managed_disk', `disk-${server.model.computerName}`, '-data'),
        location: scope.location,
        resourceGroupName: scope.resourceGroupName,
        storageAccountType: 'Premium_LRS',
        createOption: 'Empty',
        diskSizeGb: diskGb,
        ...(server.vm.zone ? { zone: server.vm.zone } : {}),
        // The share holds meeting content and the Backup Service's data: keep it on destroy (a lab's is disposable).
        lifecycle: { preventDestroy: scope.deployment._lab === undefined },
      });
      new VirtualMachineDataDiskAttachment(host, 'data-disk-attachment', {
        managedDiskId: disk.id,
        virtualMachineId: server.vm.id,
        lun: 0,
        caching: 'ReadOnly',
      });
      deployment._dns.addA('private', server.model.fqdn, [server.privateIp]);
    }
    // DFS Replication between the store's own servers (flow `file-store-dfs-replication`).
    const members = hosts(this._servers.servers);
    if (members.length > 1) {
      scope._firewall(SubnetRole.INFRASTRUCTURE).allow({
        name: `${id}-dfs-replication`,
        ownerPath: this.node.path,
        source: `servers of file store ${id}`,
        sourcePrefixes: members,
        sourceGroup: scope._serverGroup(this, this._servers.servers),
        destination: `servers of file store ${id}`,
        destinationPrefixes: members,
        destinationGroup: scope._serverGroup(this, this._servers.servers),
        flows: ['file-store-dfs-replication'],
      });
    }
    deployment._register(this);
  }

  /** Records a pool as a user of the store and opens SMB from its Front End servers. */
  /** @internal */
  _attachPool(pool: PoolWithServers): void {
    if (!this.pools.includes(pool)) this.pools.push(pool);
    this._allowSmbFrom(pool, 'fe-to-file-store-smb', 'Front End pool file store');
  }

  /**
   * Opens SMB 445 to the file servers from a pool's Front End servers (FILE-4): the pool's own
   * (`fe-to-file-store-smb`), and the partner pool's, whose Backup Service replicates into this
   * store (`fe-to-paired-file-store-smb`).
* @internal
      */
  _allowSmbFrom(pool: PoolWithServers, flow: 'fe-to-file-store-smb' | 'fe-to-paired-file-store-smb', why: string): void {
    this.site._firewall(SubnetRole.INFRASTRUCTURE).allow({
      name: `smb-${this.node.id}-from-${pool.site.node.id}-${pool.node.id}`,
      ownerPath: this.node.path,
      source: `Front End servers of ${pool.node.path}`,
      ...serversAsSource(this.site, pool),
      destination: `file store ${this.node.id}`,
      destinationPrefixes: hosts(this._servers.servers),
      destinationGroup: this.site._serverGroup(this, this._servers.servers),
      flows: [flow],
      description: `SMB to file store ${this.node.id}: ${why}`,
    });
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.fileStores.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      poolPaths: this.pools.map((p) => p.node.path).sort(compareKeys),
      kind: 'windows-dfs',
      servers: this._servers.models,
      shareUnc: this.shareUnc,
    });
  }
}
