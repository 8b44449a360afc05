/** What a Front End pool needs from its back end, whatever its HA technology. */
import { IConstruct } from 'constructs';
import { BackEndMode, SqlEdition, SqlServerVersion } from '../enums';
import type { CentralSite } from './site';

/**
 * A pool's SQL store. Implemented by StandaloneBackEnd, MirroredBackEnd, AlwaysOnBackEnd and
 * FailoverClusterBackEnd.
 */
export interface IBackEnd extends IConstruct {
  /** The site the back end's SQL servers are in. */
  readonly site: CentralSite;
  readonly mode: BackEndMode;
  readonly sqlVersion: SqlServerVersion;
  readonly sqlEdition: SqlEdition;
  /** FQDN of the SQL store the pool points at (AG listener, cluster network name, principal, or the server). */
  readonly storeFqdn: string;
  /** Called by a pool that uses the back end: opens SQL from the pool's subnet. */
  attachPool(pool: IConstruct & { readonly site: CentralSite }): void;
}
