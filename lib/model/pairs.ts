/** Lookups over pool pairs and file stores that rules and the runbook share. */
import { isEnterprise, poolByPath } from './queries';
import { FileStoreModel, FrontEndPoolModel, PairModel, ServerModel, TopologyModel } from './topology';

export interface ResolvedPair {
  readonly pair: PairModel;
  readonly primary: FrontEndPoolModel;
  readonly backup: FrontEndPoolModel;
}

/** Pairs whose two pools are in the model, in model order. */
export function resolvedPairs(model: TopologyModel): ResolvedPair[] {
  return model.pairs.flatMap((pair) => {
    const primary = poolByPath(model, pair.primaryPath);
    const backup = poolByPath(model, pair.backupPath);
    return primary && backup ? [{ pair, primary, backup }] : [];
  });
}

/** The pool's backup pool: the other pool of the first pair it belongs to (PAIR-4 reports extra pairs). */
export function partnerOf(model: TopologyModel, pool: FrontEndPoolModel): FrontEndPoolModel | undefined {
  for (const p of resolvedPairs(model)) {
    if (p.primary.path === pool.path && p.backup.path !== pool.path) return p.backup;
    if (p.backup.path === pool.path && p.primary.path !== pool.path) return p.primary;
  }
  return undefined;
}

/** The file store a pool's Front Ends use. */
export function fileStoreOf(model: TopologyModel, pool: FrontEndPoolModel): FileStoreModel | undefined {
  return model.fileStores.find((s) => s.poolPaths.includes(pool.path));
}

/**
 * The servers holding the pool's file share: its store's servers, or a Standard Edition server's own
 * (local share); none for an Enterprise pool without a store (FILE-1 reports it).
 */
export function fileShareServers(model: TopologyModel, pool: FrontEndPoolModel): readonly ServerModel[] {
  const store = fileStoreOf(model, pool);
  if (store) return store.servers;
  return isEnterprise(pool) ? [] : pool.servers;
}

/** Private address of a server's first NIC. */
export function addressOf(server: ServerModel): string | undefined {
  return server.nics[0]?.privateIp;
}
