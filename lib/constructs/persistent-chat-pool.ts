import { Construct } from 'constructs';
import { chatSqlOutputName, serverNaming } from '../model/names';
import { LogShippingShare } from '../azure/log-shipping-share';
import { SubnetRole } from '../model/network';
import { Server, ServerGroup } from '../azure/servers';
import { SqlServers } from '../azure/sql';
import { TerraformOutput } from '../cdktf';
import { ProductVersion, SqlEdition, SqlServerVersion, WindowsServerVersion } from '../enums';
import { ChatDatabaseFunction, ChatPoolModel, ChatServerPlacement, ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { chatSqlConfiguration } from '../reports/chat-sql';
import { BACK_END_KINDS, IBackEnd, isBackEnd } from './back-end';
import { SfbDeployment } from './deployment';
import { FrontEndPool } from './front-end-pool';
import { ModelParts } from './model-builder';
import { blocksOf, cmsServers, forVersion, subnetsWithServers } from './flow-sources';
import { CentralSite } from './site';
import { optionalConstruct, optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireConstruct, requireServerCount, requireDomainName, requireEnum } from './validate-input';

export interface StretchedPersistentChatPoolProps {
  /** Pool FQDN, e.g. `pchat.corp.contoso.com`. */
  readonly fqdn: string;
  /** Data center of the home pool, the primary chat database and its mirror. */
  readonly primarySite: CentralSite;
  /** The other data center: the log-shipping secondary database and the servers that take over. */
  readonly secondarySite: CentralSite;
  /** The Front End pool that is the chat pool's next hop. */
  readonly homePool: FrontEndPool;
  /** Active chat servers in the primary site. */
  readonly primaryActiveServers: number;
  /** Idle (standby) chat servers in the primary site. @default 0 */
  readonly primaryIdleServers?: number;
  /** Active chat servers in the secondary site. @default 0 - active servers in the secondary site need a low-latency link to the primary database (PCHAT-4) */
  readonly secondaryActiveServers?: number;
  /** Idle (standby) chat servers in the secondary site. @default 0 */
  readonly secondaryIdleServers?: number;
  /** A compliance database (mgccomp) with the same mirroring and log shipping as mgc. @default false */
  readonly compliance?: boolean;
  /** A mirroring witness for the primary and for the secondary database (automatic mirror failover). @default true */
  readonly witness?: boolean;
  /**
   * Host the chat databases on an existing back end instead of the pool's own mirrored SQL servers with log shipping.
   * @default none - the pool builds its own SQL servers, the log-shipping share and the flows between them
   */
  readonly backEnd?: IBackEnd;
  /** SQL Server of the pool's own database servers. @default SQL 2012 for Lync Server 2013, SQL 2019 otherwise */
  readonly sqlVersion?: SqlServerVersion;
  /** SQL Server edition of the image. @default SqlEdition.ENTERPRISE */
  readonly sqlEdition?: SqlEdition;
  /** Windows Server version of the servers (VM-4). @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** VM size of every chat server. @default Standard_D32s_v5 (16 physical cores, 128 GB: above the VM-1 floor of 12 cores); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Computer-name prefix; chat servers are `<prefix>-<n>`, numbered across both sites. Used as given (NAME-1 checks it). @default the first label of `fqdn`, shortened with a hash when `<label>-<n>` would pass 15 characters (docs/naming.md) */
  readonly serverNamePrefix?: string;
}

const KNOWN_PROPS = [
  'fqdn', 'primarySite', 'secondarySite', 'homePool', 'primaryActiveServers', 'primaryIdleServers',
  'secondaryActiveServers', 'secondaryIdleServers', 'compliance', 'witness', 'backEnd', 'sqlVersion',
  'sqlEdition', 'operatingSystem', 'vmSize', 'serverNamePrefix',
];

/** Share that holds the transaction-log backups of every chat database. */
const SHARE_NAME = 'pchat-logship';

interface DatabaseServer {
  readonly function: ChatDatabaseFunction;
  readonly site: CentralSite;
  readonly database: 'mgc' | 'mgccomp';
  readonly server: Server;
}

/**
 * A Persistent Chat pool stretched over two data centers (Lync Server 2013, Skype for Business
 * Server 2015): one logical pool whose servers sit in two sites, SQL mirroring in the primary site
 * and SQL log shipping to a mirrored secondary in the other.
 */
export class StretchedPersistentChatPool extends Construct {
  readonly deployment: SfbDeployment;
  readonly fqdn: string;
  readonly primarySite: CentralSite;
  readonly secondarySite: CentralSite;
  readonly homePool: FrontEndPool;
  readonly backEnd?: IBackEnd;
  /** Chat servers per site (a site without servers has none). @internal */
  readonly _primaryServers?: ServerGroup;
  /** @internal */
  readonly _secondaryServers?: ServerGroup;
  /** The pool's own database servers (none when `backEnd` is given). @internal */
  readonly _databaseServers: readonly DatabaseServer[];
  /** @internal */
  readonly _logShippingShare?: LogShippingShare;
  private readonly record: ChatPoolModel;

  constructor(scope: SfbDeployment, id: string, props: StretchedPersistentChatPoolProps) {
    super(scope, id);
    if (!SfbDeployment.isSfbDeployment(scope)) {
      throw new Error(`StretchedPersistentChatPool ${this.node.path}: scope must be an SfbDeployment (the pool spans two sites), got ${(scope as Construct).node.path}`);
    }
    rejectUnknownProps(this, 'StretchedPersistentChatPool', props, KNOWN_PROPS);
    const deployment = scope;
    this.deployment = deployment;
    this.fqdn = requireDomainName(this, 'StretchedPersistentChatPool', 'fqdn', props.fqdn);
    for (const prop of ['primarySite', 'secondarySite'] as const) {
      requireConstruct(this, 'StretchedPersistentChatPool', prop, props[prop], (x): x is CentralSite => x instanceof CentralSite, `a CentralSite of deployment ${deployment.node.path}`);
      if (props[prop].deployment !== deployment) {
        throw new Error(`StretchedPersistentChatPool ${this.node.path}: ${prop} must be a CentralSite of deployment ${deployment.node.path}`);
      }
    }
    requireConstruct(this, 'StretchedPersistentChatPool', 'homePool', props.homePool, (x): x is FrontEndPool => x instanceof FrontEndPool, `a FrontEndPool of deployment ${deployment.node.path}`);
    if (props.homePool.deployment !== deployment) {
      throw new Error(`StretchedPersistentChatPool ${this.node.path}: homePool must be a FrontEndPool of deployment ${deployment.node.path}`);
    }
    this.primarySite = props.primarySite;
    this.secondarySite = props.secondarySite;
    this.homePool = props.homePool;
    this.backEnd = optionalConstruct(this, 'StretchedPersistentChatPool', 'backEnd', props.backEnd, isBackEnd, BACK_END_KINDS);
    const count = (prop: keyof StretchedPersistentChatPoolProps) => requireServerCount(this, ServerRole.PERSISTENT_CHAT, 'StretchedPersistentChatPool', prop, props[prop]);
    const primaryActive = count('primaryActiveServers');
    const primaryIdle = count('primaryIdleServers');
    const secondaryActive = count('secondaryActiveServers');
    const secondaryIdle = count('secondaryIdleServers');
    if (primaryActive + primaryIdle + secondaryActive + secondaryIdle === 0) {
      throw new Error(`StretchedPersistentChatPool ${this.node.path}: the pool has no server (all server counts are 0); set primaryActiveServers to 1 or more`);
    }
    const compliance = props.compliance ?? false;
    const witness = props.witness ?? true;
    const os = requireEnum(this, 'StretchedPersistentChatPool', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion');
    const defaultSql = deployment.productVersion === ProductVersion.LYNC_SERVER_2013 ? SqlServerVersion.SQL_2012 : SqlServerVersion.SQL_2019;
    const sqlVersion = requireEnum(this, 'StretchedPersistentChatPool', 'sqlVersion', props.sqlVersion ?? defaultSql, SqlServerVersion, 'SqlServerVersion');
    const sqlEdition = requireEnum(this, 'StretchedPersistentChatPool', 'sqlEdition', props.sqlEdition ?? SqlEdition.ENTERPRISE, SqlEdition, 'SqlEdition');
    const label = this.fqdn.split('.')[0];

    // Chat servers: one numbering (and one prefix) across both sites, the first servers of each site are the active ones.
    const placement: ChatServerPlacement[] = [];
    const chatGroup = (site: CentralSite, groupId: string, active: number, idle: number, firstIndex: number) => {
      if (active + idle === 0) return undefined;
      const group = new ServerGroup(site._holderFor(this), groupId, {
        site,
        role: ServerRole.PERSISTENT_CHAT,
        ...serverNaming(optionalNamePrefix(this, 'StretchedPersistentChatPool', props.serverNamePrefix), label),
        count: active + idle,
        vmSize: optionalVmSize(this, 'StretchedPersistentChatPool', props.vmSize) ?? deployment._defaultVmSize(ServerRole.PERSISTENT_CHAT, recommendedVmSize(deployment.productVersion, ServerRole.PERSISTENT_CHAT)),
        os,
        nics: [{ subnet: SubnetRole.PERSISTENT_CHAT }],
        firstIndex,
      });
      group.servers.forEach((s, i) => placement.push({ serverPath: s.model.path, sitePath: site.node.path, state: i < active ? 'active' : 'idle' }));
      return group;
    };
    this._primaryServers = chatGroup(this.primarySite, 'primary-servers', primaryActive, primaryIdle, 1);
    this._secondaryServers = chatGroup(this.secondarySite, 'secondary-servers', secondaryActive, secondaryIdle, primaryActive + primaryIdle + 1);
    const chatServers = [...(this._primaryServers?.servers ?? []), ...(this._secondaryServers?.servers ?? [])];
    deployment._dns.addA('private', this.fqdn, chatServers.map((s) => s.privateIp));
    for (const s of chatServers) deployment._dns.addA('private', s.model.fqdn, [s.privateIp]);

    // Databases: mirroring in the primary site, a mirrored log-shipping secondary in the other (PCHAT-6).
    const dbServers: DatabaseServer[] = [];
    if (!this.backEnd) {
      const sqlSet = (database: 'mgc' | 'mgccomp', site: CentralSite, setId: string, functions: ChatDatabaseFunction[]) => {
        const sql = new SqlServers(site._holderFor(this), setId, {
          site,
          deployment,
          ...site._serverNaming('pcs', this.node.id),
          count: functions.length,
          sqlVersion,
          sqlEdition,
          // Log shipping owns the log chain of the chat databases (PCHAT-7): no Automated Backup.
          autoBackup: false,
        });
        sql.servers.forEach((server, i) => {
          dbServers.push({ function: functions[i], site, database, server });
          deployment._dns.addA('private', server.model.fqdn, [server.privateIp]);
        });
      };
      for (const database of compliance ? (['mgc', 'mgccomp'] as const) : (['mgc'] as const)) {
        const prefix = database === 'mgc' ? 'chat' : 'compliance';
        sqlSet(database, this.primarySite, `${prefix}-sql-primary`, witness ? ['primary', 'mirror', 'witness'] : ['primary', 'mirror']);
        sqlSet(database, this.secondarySite, `${prefix}-sql-secondary`, witness ? ['log-shipping-secondary', 'secondary-mirror', 'secondary-witness'] : ['log-shipping-secondary', 'secondary-mirror']);
      }
      // The share lives in the secondary site: the log backups taken before a primary outage survive it.
      this._logShippingShare = new LogShippingShare(this.secondarySite._holderFor(this), 'log-shipping-share', {
        site: this.secondarySite,
        ...this.secondarySite._serverNaming('pcf', this.node.id),
        // A lab's data is disposable, as for the SQL disks: `cdktf destroy` must be able to remove it.
        protectData: deployment._lab === undefined,
        shareName: SHARE_NAME,
        os,
        vmSize: deployment._defaultVmSize(ServerRole.FILE_SERVER, recommendedVmSize(deployment.productVersion, ServerRole.FILE_SERVER)),
      });
      const share = this._logShippingShare.server;
      deployment._dns.addA('private', share.model.fqdn, [share.privateIp]);
    }
    this._databaseServers = dbServers;

    this.record = {
      path: this.node.path,
      fqdn: this.fqdn,
      primarySitePath: this.primarySite.node.path,
      secondarySitePath: this.secondarySite.node.path,
      homePoolPath: this.homePool.node.path,
      primaryActiveServers: primaryActive,
      primaryIdleServers: primaryIdle,
      secondaryActiveServers: secondaryActive,
      secondaryIdleServers: secondaryIdle,
      compliance,
      witness,
      servers: chatServers.map((s) => s.model),
      backEndPath: this.backEnd?.node.path,
      databaseServers: dbServers.map((d) => ({ function: d.function, sitePath: d.site.node.path, database: d.database, server: d.server.model })),
      logShippingShare: this._logShippingShare?.uncPath,
      adDomain: deployment.adDomain,
      serverPlacement: placement,
      ...(this.backEnd ? {} : { sqlVersion, sqlEdition }),
      logShippingServer: this._logShippingShare?.server.model,
      logShippingSitePath: this._logShippingShare ? this.secondarySite.node.path : undefined,
    };
    this.allowTraffic();

    const script = chatSqlConfiguration(this.record);
    if (script) {
      new TerraformOutput(this, 'sql-configuration', {
        value: script,
        description: `Persistent Chat pool ${this.fqdn}: Topology Builder SQL stores and the log-shipping script to run once the servers are domain-joined (see docs/persistent-chat.md).`,
      }).overrideLogicalId(chatSqlOutputName(deployment._variablePrefix(), this.node.id));
    }
    deployment._register(this);
  }

  /** The sites the pool's servers are in, without repeats. */
  private get sites(): CentralSite[] {
    return this.primarySite === this.secondarySite ? [this.primarySite] : [this.primarySite, this.secondarySite];
  }

  /**
   * Flow by flow from the ports tables: SIP (5041) and WCF (881) from the Front End subnets of every
   * site, the File Transfer Service (443) from clients, the pool's servers to each other (8011, across
   * both data centers), the Central Management store's pushes, SQL from the pool's servers to its
   * databases, mirroring and log shipping between the databases, and SMB to the log-shipping share.
   */
  private allowTraffic(): void {
    const d = this.deployment;
    const owner = this.node.path;
    // The pool spans sites, so no group can name its servers: their address blocks, which scaling the
    // pool does not change.
    const chatServers = blocksOf(d, [...(this._primaryServers?.servers ?? []), ...(this._secondaryServers?.servers ?? [])]);
    const chatSource = `servers of ${this.fqdn}`;
    const flows = (keys: readonly string[]) => forVersion(d.productVersion, keys);
    for (const site of this.sites) {
      const fw = site._firewall(SubnetRole.PERSISTENT_CHAT);
      const destination = `${site.node.id} Persistent Chat subnet`;
      fw.allow({ name: `pchat-${this.node.id}-from-front-ends`, ownerPath: owner, source: 'Front End subnets of every site', sourcePrefixes: subnetsWithServers(d, SubnetRole.FRONT_END), destination, flows: flows(['fe-to-chat-sip', 'fe-to-chat-wcf']) });
      fw.allow({ name: `pchat-${this.node.id}-pool`, ownerPath: owner, source: chatSource, sourcePrefixes: chatServers, destination, flows: flows(['chat-pool-internal']) });
      fw.allow({ name: `pchat-${this.node.id}-file-transfer`, ownerPath: owner, source: 'connected networks (clients)', sourcePrefixes: ['VirtualNetwork'], destination, flows: flows(['clients-to-chat-file-transfer']) });
      fw.allow({ name: 'pchat-from-cms-tcp', ownerPath: site.node.path, source: 'Central Management store pool and its standby', sourcePrefixes: cmsServers(d), destination, flows: flows(['cms-to-servers-smb-chat']) });
      fw.allow({ name: 'pchat-from-cms-udp', ownerPath: site.node.path, source: 'Central Management store pool and its standby', sourcePrefixes: cmsServers(d), destination, flows: flows(['cms-to-servers-sql-browser-chat']) });
    }
    if (this.backEnd) {
      for (const flow of flows(['chat-to-chat-sql'])) this.backEnd._allowSql(`pchat-${this.node.id}-sql-from-chat`, `pchat-${this.node.id}-sql-store-from-chat`, { ownerPath: owner, source: chatSource, sourcePrefixes: chatServers }, flow);
      return;
    }
    const sqlIps = this._databaseServers.map((db) => `${db.server.privateIp}/32`);
    for (const site of this.sites) {
      const here = this._databaseServers.filter((db) => db.site === site).map((db) => `${db.server.privateIp}/32`);
      const fw = site._firewall(SubnetRole.BACK_END);
      const destination = `${site.node.id} Persistent Chat SQL servers`;
      fw.allow({ name: `pchat-${this.node.id}-sql-from-chat`, ownerPath: owner, source: chatSource, sourcePrefixes: chatServers, destination, destinationPrefixes: here, flows: flows(['chat-to-chat-sql']) });
      // Between the pool's SQL servers, both ways across the sites: mirroring (5022, witness 7022) and log shipping (1433).
      fw.allow({ name: `pchat-${this.node.id}-sql-between`, ownerPath: owner, source: `${this.node.id} SQL servers`, sourcePrefixes: sqlIps, destination, destinationPrefixes: here, flows: flows(['chat-sql-mirroring', 'chat-sql-log-shipping-sql']) });
    }
    const share = this._logShippingShare!;
    this.secondarySite._firewall(share.subnet).allow({
      name: `pchat-${this.node.id}-log-shipping-smb`,
      ownerPath: owner,
      source: `${this.node.id} SQL servers`,
      sourcePrefixes: sqlIps,
      destination: `log-shipping share ${share.uncPath}`,
      destinationPrefixes: [`${share.server.privateIp}/32`],
      flows: flows(['chat-sql-log-shipping-share']),
    });
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.chatPools.push(this.record);
  }
}
