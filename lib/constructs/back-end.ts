/** What a Front End pool needs from its back end, whatever its HA technology. */
import { IConstruct } from 'constructs';
import { BackEndMode, SqlEdition, SqlServerVersion } from '../enums';
import type { Server } from '../azure/servers';
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
  /** Called by a pool that uses the back end: opens SQL from the pool's servers. @internal */
  _attachPool(pool: PoolWithServers): void;
  /** `/32` prefixes of the back end's SQL servers and its store address (listener, network name), as planned when called. @internal */
  _sqlAddresses(): string[];
  /** Opens a documented SQL flow from `source` to the SQL servers and the store address. @internal */
  _allowSql(name: string, storeName: string, source: SqlSource, flow: string): void;
}

/** The source of a SQL flow, as a back end's NSG rule takes it (internal: not exported by lib/index.ts). */
export interface SqlSource {
  /** Construct path of the construct that needs the flow. */
  readonly ownerPath: string;
  /** What the source is, for reports. */
  readonly source: string;
  /** The source's prefixes (or, at planning time, a function giving them). */
  readonly sourcePrefixes: readonly string[] | (() => readonly string[]);
  /** Key of the site's application security group of the source servers, when in the back end's site. */
  readonly sourceGroup?: string;
}

/** A pool as a back end or file store sees it: its site and its servers' addresses. */
export interface PoolWithServers extends IConstruct {
  readonly site: CentralSite;
  /** @internal */
  readonly _servers: { readonly servers: readonly Server[] };
}

/** Whether a value is a back end construct (JavaScript callers can pass a string or a plain object). */
export function isBackEnd(x: unknown): x is IBackEnd {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Partial<IBackEnd>;
  return typeof b.node === 'object' && typeof b._attachPool === 'function' && Object.values(BackEndMode).includes(b.mode as BackEndMode);
}

/** How messages name what a `backEnd` prop takes. */
export const BACK_END_KINDS = 'a back end construct (AlwaysOnBackEnd, MirroredBackEnd, FailoverClusterBackEnd or StandaloneBackEnd)';
