/**
 * The SQL Server instance of every store, one source for the runbook, the backup plan, the topology
 * document and the SQL setup text the Terraform outputs carry (issue 28: the runbook said the default
 * instance while reports/backup.md said `\rtc`).
 *
 * - A back end the library builds runs the default instance: the marketplace SQL images install
 *   MSSQLSERVER, and the failover cluster setup installs the clustered instance under that name.
 *   Cmdlets then leave the instance parameter out ("If not specified, the default SQL Server instance
 *   is used", Install-CsDatabase, office-docs-powershell skype/skype-ps/skype/Install-CsDatabase.md),
 *   and Topology Builder writes an empty instance name.
 * - A Standard Edition server keeps its stores in its own SQL Express instance: "By default, an
 *   instance of a SQL Server-based database named RTC is created" (MicrosoftDocs/OfficeDocs-
 *   SkypeForBusiness: Skype/SfbServer/help-topics/help-depwiz/prepare-single-standard-edition-server-invoke.md);
 *   Topology Builder writes it `<SqlInstance Name="rtc" />`. Instance names are not case-sensitive.
 */
import { PoolEdition } from '../enums';
import { backEndByPath } from './queries';
import { BackEndModel, FrontEndPoolModel, TopologyModel } from './topology';

/** The instance name of SQL Server's default instance. */
export const DEFAULT_SQL_INSTANCE = 'MSSQLSERVER';

/** The SQL Express instance of a Standard Edition server, as Topology Builder writes it. */
export const STANDARD_EDITION_SQL_INSTANCE = 'rtc';

/** A store as cmdlets address it: `-SqlServerFqdn <fqdn>` and, for a named instance only, `-SqlInstanceName <instance>`. */
export interface SqlStoreAddress {
  readonly fqdn: string;
  /** Absent for the default instance (MSSQLSERVER). */
  readonly instance?: string;
}

/** A named instance as cmdlets take it; undefined for the default instance, which they address without a name. */
export function namedInstance(name: string | undefined): string | undefined {
  return name !== undefined && name !== '' && name.toUpperCase() !== DEFAULT_SQL_INSTANCE ? name : undefined;
}

/** The instance of a back end's store: its model's (an imported topology may name one), else a replica's named instance. */
export function backEndInstance(be: BackEndModel): string | undefined {
  return namedInstance(be.instanceName) ?? be.replicas?.map((r) => namedInstance(r.instanceName)).find((n) => n !== undefined);
}

/** The SQL store of a Front End pool: its Standard Edition server's `rtc`, or its back end's store. */
export function poolSqlStore(model: TopologyModel, pool: FrontEndPoolModel): SqlStoreAddress | undefined {
  if (pool.edition === PoolEdition.STANDARD) {
    return { fqdn: pool.servers[0]?.fqdn ?? pool.fqdn, instance: STANDARD_EDITION_SQL_INSTANCE };
  }
  const be = backEndByPath(model, pool.backEndPath);
  if (!be) return undefined;
  const instance = backEndInstance(be);
  return instance === undefined ? { fqdn: be.storeFqdn } : { fqdn: be.storeFqdn, instance };
}

/** `fqdn` or `fqdn\instance`: how SQL Server Management Studio and the reports write a store. */
export function sqlStoreLabel(store: SqlStoreAddress): string {
  return store.instance === undefined ? store.fqdn : `${store.fqdn}\\${store.instance}`;
}

/** ` -<param> <instance>` for a named instance, nothing for the default instance. */
export function instanceParameter(store: SqlStoreAddress, param = 'SqlInstanceName'): string {
  return store.instance === undefined ? '' : ` -${param} ${store.instance}`;
}
