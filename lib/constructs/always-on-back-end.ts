/**
 * AlwaysOn Availability Group back end (Skype for Business Server 2015/2019).
 *
 * Listener reachability: a Standard internal load balancer with Floating IP in the site's one Back End
 * subnet, not multi-subnet IPs. Why: (1) it works with every SQL version the products support
 * (a distributed network name needs SQL Server 2019 CU8+); (2) a multi-subnet listener only fails
 * over fast when clients connect with MultiSubnetFailover=True, and neither Lync nor Skype for
 * Business documents a way to set it (UNCONFIRMED that they do); (3) the site's address plan has one
 * Back End subnet, and multi-subnet needs one subnet per replica. The rule must use Floating IP
 * (direct server return); only SQL balancers turn it on, every Lync/SfB rule has it off (AZURE-2).
 */
import { InternalLoadBalancer } from '../azure/load-balancer';
import { SubnetRole } from '../model/network';
import { cloudWitness, clusterCredentials, serviceAccounts, sqlServerImage, SqlServers, SqlServiceAccounts, sqlVmGroupImage, storageAccountName } from '../azure/sql';
import { MssqlVirtualMachineAvailabilityGroupListener, MssqlVirtualMachineGroup, StorageAccount } from '../azurerm';
import { BackEndMode, SqlEdition } from '../enums';
import { BackEndModel, ServerRole } from '../model/topology';
import { forVersion, hosts, LOAD_BALANCER_PROBES } from './flow-sources';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { SqlBackEnd, SqlBackEndProps } from './sql-back-end';
import { optionalBoolean, requireCount, requireServerCount } from './validate-input';
import { fitName, sqlClusterName, sqlListenerName } from '../model/names';
import { DEFAULT_SQL_INSTANCE } from '../model/sql-instance';

export interface AlwaysOnBackEndProps extends SqlBackEndProps {
  /** SQL Server edition of the image. @default SqlEdition.ENTERPRISE */
  readonly sqlEdition?: SqlEdition;
  /** SQL Server replicas, spread over the site's zones; the first is the primary. @default 2 */
  readonly replicas?: number;
  /** Listener port; Skype for Business supports only 1433 (BE-8). @default 1433 */
  readonly listenerPort?: number;
  /** Readable secondaries; Skype for Business does not support them (BE-8). @default false */
  readonly readableSecondaries?: boolean;
  /** Domain accounts of the cluster and SQL Server. @default `clusterbootstrap@<adDomain>`, `clusteroperator@...`, `sqlservice@...`, `domainjoin@...` */
  readonly serviceAccounts?: SqlServiceAccounts;
  /** Globally unique name of the cloud-witness storage account (3-24 lower-case letters and digits). @default `stw` + site, back end and a hash of the construct path */
  readonly witnessStorageAccountName?: string;
}

/** Port the load balancer probes; the SQL IaaS extension sets it on the listener's cluster IP resource. */
const PROBE_PORT = 59999;
/** The AG endpoint's port (flow `back-end-ag-endpoint`), recorded in the model. */
const ENDPOINT_PORT = 5022;

/**
 * `replicas` SQL Server VMs in one Windows failover cluster (a SQL VM group with a cloud witness),
 * one availability group whose replicas all commit synchronously and fail over automatically,
 * and a listener on 1433 behind an internal load balancer.
 */
export class AlwaysOnBackEnd extends SqlBackEnd {
  readonly mode = BackEndMode.ALWAYS_ON_AVAILABILITY_GROUP;
  readonly replicas: number;
  readonly listenerPort: number;
  readonly readableSecondaries: boolean;
  /** @internal */
  readonly _sql: SqlServers;
  /** @internal */
  readonly _group: MssqlVirtualMachineGroup;
  /** @internal */
  readonly _witnessStorage: StorageAccount;
  /** @internal */
  readonly _listenerLoadBalancer: InternalLoadBalancer;
  /** @internal */
  readonly _listener: MssqlVirtualMachineAvailabilityGroupListener;

  constructor(scope: CentralSite, id: string, props: AlwaysOnBackEndProps) {
    super(scope, id, 'AlwaysOnBackEnd', props, ['replicas', 'listenerPort', 'readableSecondaries', 'serviceAccounts', 'witnessStorageAccountName'], SqlEdition.ENTERPRISE, props?.sqlEdition);
    this.replicas = requireServerCount(this, ServerRole.BACK_END, 'AlwaysOnBackEnd', 'replicas', props.replicas);
    this.listenerPort = requireCount(this, 'AlwaysOnBackEnd', 'listenerPort', props.listenerPort ?? 1433, 1, 65535);
    this.readableSecondaries = optionalBoolean(this, 'AlwaysOnBackEnd', 'readableSecondaries', props.readableSecondaries, false);
    const deployment = this.deployment;
    const accounts = serviceAccounts(deployment.adDomain, props.serviceAccounts);
    const credentials = clusterCredentials(deployment, this);

    this._witnessStorage = cloudWitness(this, scope, storageAccountName('stw', this.node.path, props.witnessStorageAccountName, 'AlwaysOnBackEnd', 'witnessStorageAccountName'));

    // The SQL VM group is the Windows failover cluster; its name becomes the cluster name (15 characters at most).
    // The group takes the provider's `SQL2019-WS2022` spelling; its VMs keep the marketplace offer.
    const groupImage = sqlVmGroupImage(sqlServerImage(this.sqlVersion, this.sqlEdition, deployment), this.sqlVersion, this.sqlEdition);
    this._group = new MssqlVirtualMachineGroup(this, 'cluster', {
      name: sqlClusterName(this.namePrefix),
      location: scope.location,
      resourceGroupName: scope._resourceGroup.name,
      sqlImageOffer: groupImage.offer,
      sqlImageSku: groupImage.sku,
      wsfcDomainProfile: {
        fqdn: deployment.adDomain,
        clusterSubnetType: 'SingleSubnet',
        clusterBootstrapAccountName: accounts.clusterBootstrap,
        clusterOperatorAccountName: accounts.clusterOperator,
        sqlServiceAccountName: accounts.sqlService,
        storageAccountUrl: this._witnessStorage.primaryBlobEndpoint,
        storageAccountPrimaryKey: this._witnessStorage.primaryAccessKey,
      },
    });

    this._sql = new SqlServers(this, 'sql', {
      site: scope,
      deployment: this.deployment,
      namePrefix: this.namePrefix,
      fitComputerNames: this._fitComputerNames,
      count: this.replicas,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
      vmSize: props.vmSize,
      protectData: this.protectDataDisks,
      cluster: { groupId: this._group.id, credentials },
      domainJoin: { domain: deployment.adDomain, account: accounts.domainJoin, password: credentials.domainJoinPassword },
    });
    for (const s of this._sql.servers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    // The listener's name is a NetBIOS name; the store FQDN and the load balancer's DNS name follow it.
    const listenerName = sqlListenerName(this.namePrefix);
    this._listenerLoadBalancer = new InternalLoadBalancer(this, 'listener-load-balancer', {
      site: scope,
      name: fitName('azurerm_lb', `lbi-${this.namePrefix}`, '-ag'),
      subnet: SubnetRole.BACK_END,
      purpose: 'sql-listener',
      fqdn: `${listenerName}.${deployment.adDomain}`,
      probe: { protocol: 'Tcp', port: PROBE_PORT },
      rules: [{
        name: `sql-listener-${this.listenerPort}`,
        protocol: 'Tcp',
        frontendPort: this.listenerPort,
        backendPort: this.listenerPort,
        floatingIp: true,
        idleTimeoutMinutes: 4,
        loadDistribution: 'Default',
      }],
      members: this._sql.servers,
    });

    const readable = this.readableSecondaries ? 'All' : 'No';
    this._listener = new MssqlVirtualMachineAvailabilityGroupListener(this, 'listener', {
      name: listenerName,
      sqlVirtualMachineGroupId: this._group.id,
      availabilityGroupName: `ag-${this.namePrefix}`,
      port: this.listenerPort,
      loadBalancerConfiguration: {
        loadBalancerId: this._listenerLoadBalancer.lb.id,
        privateIpAddress: this._listenerLoadBalancer.privateIp,
        probePort: PROBE_PORT,
        subnetId: scope._subnet(SubnetRole.BACK_END).id,
        sqlVirtualMachineIds: this._sql.sqlVms.map((v) => v.id),
      },
      replica: this._sql.sqlVms.map((v, i) => ({
        sqlVirtualMachineId: v.id,
        role: i === 0 ? 'Primary' : 'Secondary',
        commit: 'Synchronous_Commit',
        failoverMode: 'Automatic',
        readableSecondary: readable,
      })),
    });

    const fw = scope._firewall(SubnetRole.BACK_END);
    const replicas = hosts(this._sql.servers);
    // The replicas are one application security group: adding a replica changes none of these rules.
    const group = scope._serverGroup(this, this._sql.servers);
    // Between the replicas only: the AG endpoint (5022) and the failover cluster under it (BE-8).
    const between = (name: string, flows: readonly string[]) =>
      fw.allow({ name: `${this.node.id}-${name}`, ownerPath: this.node.path, source: `replicas of ${this.node.id}`, sourcePrefixes: replicas, sourceGroup: group, destination: `replicas of ${this.node.id}`, destinationPrefixes: replicas, destinationGroup: group, flows: forVersion(deployment.productVersion, flows) });
    between('ag-endpoint', ['back-end-ag-endpoint']);
    between('cluster-tcp', ['back-end-cluster-tcp']);
    between('cluster-udp', ['back-end-cluster-udp']);
    fw.allow({
      name: `${this.node.id}-listener-probe`,
      ownerPath: this.node.path,
      source: 'Azure Load Balancer probe',
      sourcePrefixes: ['AzureLoadBalancer'],
      destination: `replicas of ${this.node.id}`,
      destinationPrefixes: replicas,
      destinationGroup: group,
      protocol: 'Tcp',
      ports: [PROBE_PORT],
      reference: LOAD_BALANCER_PROBES,
    });

    this._publishStore(`${listenerName}.${deployment.adDomain}`, this._listenerLoadBalancer.privateIp);
    deployment._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    const readable: NonNullable<BackEndModel['replicas']>[number]['readableSecondary'] = this.readableSecondaries ? 'All' : 'No';
    parts.backEnds.push({
      ...this._baseModel(this._sql.group.models),
      listenerPort: this.listenerPort,
      readableSecondaries: this.readableSecondaries,
      replicas: this._sql.group.models.map((s, i) => ({
        serverPath: s.path,
        role: i === 0 ? 'Primary' : 'Secondary',
        commit: 'Synchronous_Commit',
        failoverMode: 'Automatic',
        readableSecondary: readable,
        // The marketplace images install the default instance on every replica.
        instanceName: DEFAULT_SQL_INSTANCE,
      })),
      listenerLoadBalancer: this._listenerLoadBalancer.model,
      listenerMechanism: 'load-balancer-floating-ip',
      endpointPort: ENDPOINT_PORT,
    });
  }
}
