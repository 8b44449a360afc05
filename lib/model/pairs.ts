/** Lookups over pool pairs and file stores that rules and the runbook share. */
import { isEnterprise, poolByPath } from './queries';
import { FileStoreModel, FrontEndPoolModel, PairModel, ServerModel, TopologyModel } from './topology';
import { planIndex } from './memo';

export interface ResolvedPair {
  readonly pair: PairModel;
  readonly primary: FrontEndPoolModel;
  readonly backup: FrontEndPoolModel;
}

/**
 * Pairs, partners and file stores, indexed once per model: `partnerOf` used to resolve every pair for
 * every call, and the runbook calls it per pool (O(pools x pairs x pools)); now each call is a lookup.
 */
interface PairIndex {
  readonly resolved: readonly ResolvedPair[];
  /** Partner by pool path: the other pool of the first pair a pool belongs to. */
  readonly partners: ReadonlyMap<string, FrontEndPoolModel>;
  /** File store by pool path: the first store that lists the pool. */
  readonly stores: ReadonlyMap<string, FileStoreModel>;
}

const pairIndexes = planIndex<PairIndex>('pairIndexes');

function pairIndex(model: TopologyModel): PairIndex {
  let index = pairIndexes.get(model);
  if (!index) {
    const resolved = model.pairs.flatMap((pair) => {
      const primary = poolByPath(model, pair.primaryPath);
      const backup = poolByPath(model, pair.backupPath);
      return primary && backup ? [{ pair, primary, backup }] : [];
    });
    const partners = new Map<string, FrontEndPoolModel>();
    for (const p of resolved) {
      if (p.primary.path === p.backup.path) continue;
      if (!partners.has(p.primary.path)) partners.set(p.primary.path, p.backup);
      if (!partners.has(p.backup.path)) partners.set(p.backup.path, p.primary);
    }
    const stores = new Map<string, FileStoreModel>();
    for (const s of model.fileStores) for (const path of s.poolPaths) if (!stores.has(path)) stores.set(path, s);
    index = { resolved, partners, stores };
    pairIndexes.set(model, index);
  }
  return index;
}

/** Pairs whose two pools are in the model, in model order. */
export function resolvedPairs(model: TopologyModel): ResolvedPair[] {
  return [...pairIndex(model).resolved];
}

/** The pool's backup pool: the other pool of the first pair it belongs to (PAIR-4 reports extra pairs). */
export function partnerOf(model: TopologyModel, pool: FrontEndPoolModel): FrontEndPoolModel | undefined {
  return pairIndex(model).partners.get(pool.path);
}

/** The file store a pool's Front Ends use. */
export function fileStoreOf(model: TopologyModel, pool: FrontEndPoolModel): FileStoreModel | undefined {
  return pairIndex(model).stores.get(pool.path);
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
