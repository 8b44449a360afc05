/**
 * SQL Server failover cluster instance back end: "SQL failover clustering" in Lync Server 2013,
 * an AlwaysOn Failover Cluster Instance in Skype for Business Server 2015/2019.
 *
 * Shared storage: Azure shared disks. Why: they are the only Azure option for every Windows and
 * SQL Server version the products use (a Premium file share needs SQL Server 2012+, Storage Spaces
 * Direct SQL Server 2016+ and Windows Server 2016+, and S2D does not span zones); Premium SSD ZRS
 * shared disks let the nodes sit in different availability zones, Premium SSD LRS serves an
 * availability set. They behave like the SAN LUNs SQL clustering has always used (SCSI persistent
 * reservations), so SQL setup sees ordinary cluster disks.
 *
 * Reaching the instance: the FCI's virtual network name (VNN) behind a Standard internal load
 * balancer with Floating IP and a probe, in the one Back End subnet. A distributed network name
 * would need SQL Server 2019 CU2+, so it cannot serve SQL 2008 R2 to 2017.
 */
import { InternalLoadBalancer } from '../azure/load-balancer';
import { SubnetRole } from '../model/network';
import { ServerRole } from '../model/topology';
import { cloudWitness, clusterCredentials, serviceAccounts, SqlServers, SqlServiceAccounts, storageAccountName } from '../azure/sql';
import { ManagedDisk, StorageAccount, VirtualMachineDataDiskAttachment } from '../azurerm';
import { BackEndMode, SqlEdition, WindowsServerVersion } from '../enums';
import { hosts, LOAD_BALANCER_PROBES } from './flow-sources';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { SqlBackEnd, SqlBackEndProps } from './sql-back-end';
import { requireCount, requireServerCount } from './validate-input';
import { fitName, netbiosName, sqlClusterName } from '../model/names';
import { DEFAULT_SQL_INSTANCE } from '../model/sql-instance';

export interface FailoverClusterBackEndProps extends SqlBackEndProps {
  /** SQL Server edition of the image. @default SqlEdition.ENTERPRISE */
  readonly sqlEdition?: SqlEdition;
  /** Cluster nodes, spread over the site's zones; one owns the instance at a time (BE-13). @default 2 */
  readonly nodes?: number;
  /** Size of each shared disk (data and log), raised to what the node count needs. @default 512 */
  readonly sharedDiskGb?: number;
  /** Domain accounts of the cluster and SQL Server. @default `clusterbootstrap@<adDomain>`, `clusteroperator@...`, `sqlservice@...`, `domainjoin@...` */
  readonly serviceAccounts?: SqlServiceAccounts;
  /** Globally unique name of the cloud-witness storage account (3-24 lower-case letters and digits). @default `stw` + site, back end and a hash of the construct path */
  readonly witnessStorageAccountName?: string;
}

const PROBE_PORT = 59999;
/** Azure shared disks attach to at most 10 VMs (Premium SSD P60 and larger). */
const MAX_SHARES = 10;

/** Smallest Premium SSD size that allows `nodes` shares: up to P20 3, P30-P50 5, P60 and larger 10. */
function minSharedDiskGb(nodes: number): number {
  if (nodes <= 3) return 0;
  if (nodes <= 5) return 1024;
  return 8192;
}

/** `nodes` SQL VMs sharing data and log disks, the instance's name behind an internal load balancer. */
export class FailoverClusterBackEnd extends SqlBackEnd {
  readonly mode = BackEndMode.FAILOVER_CLUSTER;
  readonly nodes: number;
  /** @internal */
  readonly _sql: SqlServers;
  /** @internal */
  readonly _sharedDisks: ManagedDisk[];
  /** @internal */
  readonly _witnessStorage: StorageAccount;
  /** @internal */
  readonly _networkNameLoadBalancer: InternalLoadBalancer;
  /** Static address of the cluster's management point (Windows Server 2016 and older). */
  readonly clusterAddress?: string;

  constructor(scope: CentralSite, id: string, props: FailoverClusterBackEndProps) {
    super(scope, id, 'FailoverClusterBackEnd', props, ['nodes', 'sharedDiskGb', 'serviceAccounts', 'witnessStorageAccountName'], SqlEdition.ENTERPRISE, props?.sqlEdition);
    this.nodes = requireServerCount(this, ServerRole.BACK_END, 'FailoverClusterBackEnd', 'nodes', props.nodes);
    if (this.nodes > MAX_SHARES) {
      throw new Error(`FailoverClusterBackEnd ${this.node.path}: nodes ${this.nodes} cannot be built: an Azure shared disk attaches to at most ${MAX_SHARES} VMs; use ${MAX_SHARES} nodes or fewer`);
    }
    const diskGb = Math.max(requireCount(this, 'FailoverClusterBackEnd', 'sharedDiskGb', props.sharedDiskGb ?? 512, 256, 32767), minSharedDiskGb(this.nodes));
    const deployment = this.deployment;
    const accounts = serviceAccounts(deployment.adDomain, props.serviceAccounts);
    const credentials = clusterCredentials(deployment, this);
    const zonal = scope.availabilityZones.length > 0;

    this._witnessStorage = cloudWitness(this, scope, storageAccountName('stw', this.node.path, props.witnessStorageAccountName, 'FailoverClusterBackEnd', 'witnessStorageAccountName'));
    // The clustered instance replaces the marketplace default instance, so the nodes are not registered
    // with the SQL IaaS extension (it supports FCIs only in a reduced mode; register after setup if wanted).
    this._sql = new SqlServers(this, 'sql', {
      site: scope,
      deployment: this.deployment,
      namePrefix: this.namePrefix,
      fitComputerNames: this._fitComputerNames,
      count: this.nodes,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
      vmSize: props.vmSize,
      dataDisks: false,
      register: false,
      domainJoin: { domain: deployment.adDomain, account: accounts.domainJoin, password: credentials.domainJoinPassword },
    });
    this._sharedDisks = ['data', 'log'].map((kind, lun) => {
      const disk = new ManagedDisk(this, `shared-${kind}-disk`, {
        name: fitName('azurerm_managed_disk', `disk-${this.namePrefix}`, `-${kind}`),
        location: scope.location,
        resourceGroupName: scope._resourceGroup.name,
        // ZRS shared disks attach to VMs in every zone of the region; LRS ones serve an availability set.
        storageAccountType: zonal ? 'Premium_ZRS' : 'Premium_LRS',
        createOption: 'Empty',
        diskSizeGb: diskGb,
        maxShares: this.nodes,
        lifecycle: { preventDestroy: this.protectDataDisks },
      });
      this._sql.servers.forEach((server, n) => {
        new VirtualMachineDataDiskAttachment(this, `shared-${kind}-disk-node${n + 1}`, {
          managedDiskId: disk.id,
          virtualMachineId: server.vm.id,
          lun,
          caching: 'None', // host caching is not supported on shared disks
        });
      });
      return disk;
    });
    for (const s of this._sql.servers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    const os = this._sql.image.os;
    if (os === WindowsServerVersion.WINDOWS_SERVER_2012_R2 || os === WindowsServerVersion.WINDOWS_SERVER_2016) {
      this.clusterAddress = scope._addressBlock(SubnetRole.BACK_END, this.node.path).top();
    }
    // NetBIOS names (15 characters): the SQL network name clients reach and the cluster's own name.
    const networkName = netbiosName(this.namePrefix, '-fc');
    this._networkNameLoadBalancer = new InternalLoadBalancer(this, 'network-name-load-balancer', {
      site: scope,
      name: fitName('azurerm_lb', `lbi-${this.namePrefix}`, '-fci'),
      subnet: SubnetRole.BACK_END,
      purpose: 'sql-listener',
      fqdn: `${networkName}.${deployment.adDomain}`,
      probe: { protocol: 'Tcp', port: PROBE_PORT },
      rules: [{ name: 'sql-1433', protocol: 'Tcp', frontendPort: 1433, backendPort: 1433, floatingIp: true, idleTimeoutMinutes: 4, loadDistribution: 'Default' }],
      members: this._sql.servers,
    });
    // The nodes are one application security group: adding a node changes none of these rules.
    const nodes = hosts(this._sql.servers);
    const group = scope._serverGroup(this, this._sql.servers);
    scope._firewall(SubnetRole.BACK_END).allow({
      name: `${this.node.id}-network-name-probe`,
      ownerPath: this.node.path,
      source: 'Azure Load Balancer probe',
      sourcePrefixes: ['AzureLoadBalancer'],
      destination: `nodes of ${this.node.id}`,
      destinationPrefixes: nodes,
      destinationGroup: group,
      protocol: 'Tcp',
      ports: [PROBE_PORT],
      reference: LOAD_BALANCER_PROBES,
    });
    // Between the cluster's nodes only: cluster service, RPC and SMB (WINDOWS_PORTS flows).
    for (const [name, flow] of [['cluster-tcp', 'back-end-cluster-tcp-fci'], ['cluster-udp', 'back-end-cluster-udp-fci']] as const) {
      scope._firewall(SubnetRole.BACK_END).allow({ name: `${this.node.id}-${name}`, ownerPath: this.node.path, source: `nodes of ${this.node.id}`, sourcePrefixes: nodes, sourceGroup: group, destination: `nodes of ${this.node.id}`, destinationPrefixes: nodes, destinationGroup: group, flows: [flow] });
    }

    this._publishStore(`${networkName}.${deployment.adDomain}`, this._networkNameLoadBalancer.privateIp);
    this._output('cluster-setup', 'cluster_setup', this.setupText(networkName, accounts.sqlService), `What the operator runs to build the cluster and the SQL failover cluster instance of back end ${this.node.path}.`);
    deployment._register(this);
  }

  /** The cluster and FCI setup steps with this back end's names filled in (passwords are prompted for). */
  private setupText(networkName: string, sqlAccount: string): string {
    const names = this._sql.servers.map((s) => s.model.computerName);
    const ip = this._networkNameLoadBalancer.privateIp;
    return [
      `# On ${names[0]}, after every node has joined ${this.deployment.adDomain}:`,
      `Invoke-Command -ComputerName ${names.join(',')} { Install-WindowsFeature Failover-Clustering -IncludeManagementTools }`,
      // Windows Server 2019 and later create a distributed management point; older ones need a static address.
      `New-Cluster -Name ${sqlClusterName(this.namePrefix)} -Node ${names.join(',')} -NoStorage ${this.clusterAddress ? `-StaticAddress ${this.clusterAddress}` : '-ManagementPointNetworkType Distributed'}`,
      `Set-ClusterQuorum -CloudWitness -AccountName ${this._witnessStorage.name} -AccessKey <key of storage account ${this._witnessStorage.name}>`,
      'Get-ClusterAvailableDisk | Add-ClusterDisk',
      `# Remove the marketplace default instance on every node, then install the clustered instance on ${names[0]}:`,
      `setup.exe /ACTION=InstallFailoverCluster /FEATURES=SQLEngine /INSTANCENAME=${DEFAULT_SQL_INSTANCE} /FAILOVERCLUSTERNETWORKNAME=${networkName} /FAILOVERCLUSTERIPADDRESSES="IPv4;${ip};Cluster Network 1;255.255.255.255" /SQLSVCACCOUNT=${sqlAccount} /SQLSVCPASSWORD=<prompted> /IACCEPTSQLSERVERLICENSETERMS`,
      ...names.slice(1).map((n) => `# On ${n}: setup.exe /ACTION=AddNode /INSTANCENAME=${DEFAULT_SQL_INSTANCE} /SQLSVCACCOUNT=${sqlAccount} /SQLSVCPASSWORD=<prompted> /IACCEPTSQLSERVERLICENSETERMS`),
      `Get-ClusterResource "SQL IP Address 1 (${networkName})" | Set-ClusterParameter -Multiple @{Address="${ip}";ProbePort=${PROBE_PORT};SubnetMask="255.255.255.255";Network="Cluster Network 1";EnableDhcp=0}`,
      `Stop-ClusterResource "SQL IP Address 1 (${networkName})"; Start-ClusterGroup "SQL Server (${DEFAULT_SQL_INSTANCE})"`,
    ].join('\n');
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.backEnds.push({
      ...this._baseModel(this._sql.group.models),
      listenerLoadBalancer: this._networkNameLoadBalancer.model,
      listenerMechanism: 'load-balancer-floating-ip',
      sharedStorage: 'azure-shared-disk',
      activeNodes: 1,
    });
  }
}
