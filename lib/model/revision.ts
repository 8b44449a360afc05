/**
 * A change counter owned by one deployment: every intent (an address taken, a record or flow asked
 * for, a member registered) bumps it, and the plan is computed once per revision however many times
 * validation, annotations, the runbook and the reports ask for it. Owned, not module state: two
 * deployments in one process never share or invalidate each other's plans.
 */
export class Revision {
  private at = 0;

  /** Records that an intent changed: every memo of this revision computes afresh on its next call. */
  bump(): void {
    this.at++;
  }

  /** Memoizes `compute` until the next bump. */
  memo<T>(compute: () => T): () => T {
    let cache: { readonly at: number; readonly value: T } | undefined;
    return () => {
      if (!cache || cache.at !== this.at) cache = { at: this.at, value: compute() };
      return cache.value;
    };
  }

  /** Memoizes `compute(key())` until the next bump or until `key()` gives another value (a change outside the deployment). */
  memoAnd<K, T>(key: () => K, compute: (key: K) => T): () => T {
    let cache: { readonly at: number; readonly key: K; readonly value: T } | undefined;
    return () => {
      const k = key();
      if (!cache || cache.at !== this.at || cache.key !== k) cache = { at: this.at, key: k, value: compute(k) };
      return cache.value;
    };
  }
}
