import { Construct } from 'constructs';
import { SubnetRole } from '../azure/network';
import { SqlServers } from '../azure/sql';
import { BackEndMode, SqlEdition, SqlServerVersion } from '../enums';
import { IBackEnd } from './back-end';
import { SfbDeployment } from './deployment';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { rejectUnknownProps, requireEnum } from './validate-input';

export interface StandaloneBackEndProps {
  /** SQL Server version of the server (its marketplace image bundles the Windows Server version). */
  readonly sqlVersion: SqlServerVersion;
  /**
   * SQL Server edition of the image.
   * @default SqlEdition.STANDARD
   */
  readonly sqlEdition?: SqlEdition;
  /** Computer-name prefix of the SQL server. @default `<site>-sql<n>` */
  readonly serverNamePrefix?: string;
}

/** One SQL Server VM without HA: the pool has no Back End high availability (BE-1 warns). */
export class StandaloneBackEnd extends Construct implements IBackEnd {
  readonly site: CentralSite;
  readonly mode = BackEndMode.STANDALONE;
  readonly storeFqdn: string;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  readonly sql: SqlServers;

  constructor(scope: CentralSite, id: string, props: StandaloneBackEndProps) {
    super(scope, id);
    rejectUnknownProps(this, 'StandaloneBackEnd', props, ['sqlVersion', 'sqlEdition', 'serverNamePrefix']);
    this.site = scope;
    this.sqlVersion = requireEnum(this, 'StandaloneBackEnd', 'sqlVersion', props.sqlVersion, SqlServerVersion, 'SqlServerVersion');
    this.sqlEdition = requireEnum(this, 'StandaloneBackEnd', 'sqlEdition', props.sqlEdition ?? SqlEdition.STANDARD, SqlEdition, 'SqlEdition');
    this.sql = new SqlServers(this, 'sql', {
      site: scope,
      namePrefix: props.serverNamePrefix ?? scope.defaultServerPrefix('sql'),
      count: 1,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
    });
    const server = this.sql.servers[0];
    this.storeFqdn = server.model.fqdn;
    const deployment = SfbDeployment.of(this, 'StandaloneBackEnd');
    deployment.dns.addA('private', this.storeFqdn, [server.privateIp]);
    deployment.register(this);
  }

  attachPool(pool: Construct & { readonly site: CentralSite }): void {
    this.site.firewall(SubnetRole.BACK_END).allow({
      name: `sql-from-${pool.site.node.id}-front-end`,
      ownerPath: this.node.path,
      source: `${pool.site.node.id} Front End subnet`,
      sourcePrefixes: [pool.site.subnetPrefix(SubnetRole.FRONT_END)],
      destination: `${this.site.node.id} Back End subnet`,
      protocol: 'Tcp',
      ports: [1433],
    });
  }

  contribute(parts: ModelParts): void {
    parts.backEnds.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      mode: this.mode,
      sqlVersion: this.sqlVersion,
      sqlEdition: this.sqlEdition,
      servers: this.sql.group.models,
      storeFqdn: this.storeFqdn,
      adDomain: this.site.deployment.adDomain,
    });
  }
}
