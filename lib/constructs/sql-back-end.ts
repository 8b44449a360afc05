/** What every back end shares: SQL version and edition, the SQL flow from its pools, the store's name and output. */
import { Construct } from 'constructs';
import { SubnetRole } from '../model/network';
import type { Server } from '../azure/servers';
import { TerraformOutput } from '../cdktf';
import { BackEndMode, SqlEdition, SqlServerVersion } from '../enums';
import { BackEndModel } from '../model/topology';
import { ROLE_PROFILES } from '../model/roles';
import { backEndOutputName } from '../model/names';
import { IBackEnd, PoolWithServers, SqlSource } from './back-end';
import { hosts, serversAsSource } from './flow-sources';
import { SfbDeployment } from './deployment';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { optionalNamePrefix, rejectUnknownProps, requireBoolean, requireEnum, requireVmSize } from './validate-input';

/** Props every back end accepts. */
export interface SqlBackEndProps {
  /**
   * Pins the construct's address block (0 = the first 32 addresses of each subnet it uses), for servers
   * that exist already or to keep a block that another pool's key now prefers. The planning reports
   * (addresses.md) show each block.
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
  /** SQL Server version (its marketplace image bundles the Windows Server version). */
  readonly sqlVersion: SqlServerVersion;
  /** Computer-name prefix of the SQL servers; servers are `<prefix>-<n>`. Used as given (NAME-1 checks it). @default `<site, 7 chars>-sql<xx>` (`xx` from the back end's path), fitted to 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
  /** VM size of the SQL servers. @default Standard_D32s_v5 (32 hyperthreaded vCPUs = 16 physical cores, 128 GB: above the VM-1 floor of every version) */
  readonly vmSize?: string;
  /**
   * Protects the SQL data and log disks with `lifecycle.prevent_destroy`: `terraform destroy` then
   * fails instead of deleting user data. Set false only for labs that must be torn down.
   * @default true; false in lab mode
   */
  readonly protectDataDisks?: boolean;
}

export const SQL_BACK_END_PROPS = ['sqlVersion', 'sqlEdition', 'serverNamePrefix', 'vmSize', 'protectDataDisks', 'addressBlock'];

/** Base of the back-end constructs; each subclass builds its servers and sets `storeFqdn`. */
export abstract class SqlBackEnd extends Construct implements IBackEnd {
  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  abstract readonly mode: BackEndMode;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  readonly protectDataDisks: boolean;
  /** Computer-name prefix of the SQL servers. */
  readonly namePrefix: string;
  /** @internal Whether the prefix was derived (computer names fitted per server). */
  readonly _fitComputerNames: boolean;
  private store?: string;
  /** Addresses of the store (listener, cluster network name, principal or server), as published. */
  private readonly storeAddresses: string[] = [];

  protected constructor(scope: CentralSite, id: string, construct: string, props: SqlBackEndProps, known: string[], defaultEdition: SqlEdition, sqlEdition?: SqlEdition) {
    super(scope, id);
    rejectUnknownProps(this, construct, props, [...SQL_BACK_END_PROPS, ...known]);
    SfbDeployment._of(this, construct)._pinAddressBlock(this, construct, props.addressBlock);
    if (!(scope instanceof CentralSite)) throw new Error(`${construct} ${this.node.path}: scope must be a CentralSite`);
    this.site = scope;
    this.deployment = SfbDeployment._of(this, construct);
    this.sqlVersion = requireEnum(this, construct, 'sqlVersion', props.sqlVersion, SqlServerVersion, 'SqlServerVersion');
    this.sqlEdition = requireEnum(this, construct, 'sqlEdition', sqlEdition ?? defaultEdition, SqlEdition, 'SqlEdition');
    // A lab's databases are disposable: `cdktf destroy` must be able to remove them.
    this.protectDataDisks = requireBoolean(this, construct, 'protectDataDisks', props.protectDataDisks ?? this.deployment._lab === undefined);
    if (props.vmSize !== undefined) requireVmSize(this, construct, 'vmSize', props.vmSize);
    const naming = scope._serverNaming('sql', id, optionalNamePrefix(this, construct, props.serverNamePrefix));
    this.namePrefix = naming.namePrefix;
    this._fitComputerNames = naming.fitComputerNames;
  }

  /** FQDN of the SQL store the pool points at (listener, cluster network name, principal or server). */
  get storeFqdn(): string {
    if (!this.store) throw new Error(`${this.node.path}: the SQL store is not built yet`);
    return this.store;
  }

  /**
   * Publishes the store: a private A record and a Terraform output named
   * `<deployment>_<site>_<back end>_sql_store_fqdn`.
   */
  /** The model fields every back end shares; each mode adds its own. @internal */
  protected _baseModel(servers: BackEndModel['servers']): BackEndModel {
    return {
      path: this.node.path,
      sitePath: this.site.node.path,
      mode: this.mode,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
      servers,
      storeFqdn: this.storeFqdn,
      adDomain: this.deployment.adDomain,
      dataProtected: this.protectDataDisks,
    };
  }

  /** @internal */
  protected _publishStore(fqdn: string, ip: string): void {
    this.store = fqdn.toLowerCase();
    this.storeAddresses.push(ip);
    this.deployment._dns.addA('private', this.store, [ip]);
    this._output('sql-store-fqdn', 'sql_store_fqdn', this.store, `SQL store FQDN of back end ${this.node.path}: enter it in Topology Builder as the pool's SQL Server store.`);
  }

  /** A Terraform output with a readable, stable name. @internal */
  protected _output(id: string, suffix: string, value: string, description: string): TerraformOutput {
    const out = new TerraformOutput(this, id, { value, description });
    out.overrideLogicalId(backEndOutputName(this.deployment._variablePrefix(), this.site.node.id, this.node.id, suffix));
    return out;
  }

  /**
   * Opens SQL (1433, and SQL Browser 1434/UDP) from the pool's Front End servers to the back end's
   * SQL servers (its application security group) and to its store address where that is no server's
   * (an AlwaysOn listener or FCI network name: a floating-IP load balancer address, the destination
   * the NSG sees, which no group holds). Only the pool's own servers: other pools have their own stores.
* @internal
      */
  _attachPool(pool: PoolWithServers): void {
    const name = `${pool.site.node.id}-${pool.node.id}`;
    const source = { ownerPath: this.node.path, source: `Front End servers of ${pool.node.path}`, ...serversAsSource(this.site, pool) };
    this._allowSql(`sql-from-${name}`, `sql-store-from-${name}`, source, 'fe-to-back-end-sql');
    this._allowSql(`sql-browser-from-${name}`, `sql-browser-store-from-${name}`, source, 'fe-to-back-end-sql-browser');
  }

  /**
   * Opens documented flow `flow` from `source` to the SQL servers (rule `name`, naming their group)
   * and to the store address where it is no server's (rule `storeName`; not rendered for a store that
   * is a server: standalone, mirroring).
* @internal
      */
  _allowSql(name: string, storeName: string, source: SqlSource, flow: string): void {
    const fw = this.site._firewall(SubnetRole.BACK_END);
    const servers = this.sqlServers();
    fw.allow({ ...source, name, destination: `SQL servers of ${this.node.id}`, destinationPrefixes: hosts(servers), destinationGroup: this.site._serverGroup(this, servers), flows: [flow] });
    fw.allow({ ...source, name: storeName, destination: `store address of ${this.node.id}`, destinationPrefixes: () => this.floatingStoreAddresses(), flows: [flow] });
  }

  /** `/32` prefixes of the back end's SQL servers and its store address (listener, network name). @internal */
  _sqlAddresses(): string[] {
    return [...hosts(this.sqlServers()), ...this.floatingStoreAddresses()];
  }

  /** The SQL servers that hold data: a mirroring witness holds none, so pools never connect to it (the role profiles say which hold data). */
  private sqlServers(): readonly Server[] {
    return this.deployment._serversUnder(this.node.path).filter((s) => ROLE_PROFILES[s.model.role].holdsRestoreData);
  }

  /** Store addresses that are no SQL server's own (resolved: tokens of one address differ). */
  private floatingStoreAddresses(): string[] {
    const resolve = (a: string) => this.deployment._addresses.resolve(a);
    const own = new Set(this.sqlServers().map((s) => resolve(s.privateIp)));
    return hosts(this.storeAddresses.filter((a) => !own.has(resolve(a))).map((privateIp) => ({ privateIp })));
  }

  /** @internal */
  abstract _contribute(parts: ModelParts): void;
}
