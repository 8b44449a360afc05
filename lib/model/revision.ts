/**
 * A change counter owned by one deployment: every intent (an address taken, a record or flow asked
 * for, a member registered) bumps it, and the plan is computed once per revision however many times
 * validation, annotations, the runbook and the reports ask for it. Owned, not module state: two
 * deployments in one process never share or invalidate each other's plans.
 */
export class Revision {
  private at = 0;
  private lockedBy?: string;

  /** Records that an intent changed: every memo of this revision computes afresh on its next call. */
  bump(): void {
    if (this.lockedBy !== undefined) {
      throw new Error(`${this.lockedBy}: its plan is final and rendering reads it, so nothing may record an intent now; create every construct before synthesis`);
    }
    this.at++;
  }

  /** Makes the plan final: rendering starts, and every later intent is a bug (`why` says whose). */
  lock(why: string): void {
    this.lockedBy ??= why;
  }

  /** Memoizes `compute` until the next bump. */
  memo<T>(compute: () => T): () => T {
    let cache: { readonly at: number; readonly value: T } | undefined;
    return () => {
      if (!cache || cache.at !== this.at) cache = { at: this.at, value: compute() };
      return cache.value;
    };
  }

  /**
   * Memoizes `compute(key())` until the next bump or until `key()` gives other values (a change
   * outside the deployment): the key is a list of values compared one by one, by identity.
   */
  memoAnd<K extends readonly unknown[], T>(key: () => K, compute: (key: K) => T): () => T {
    let cache: { readonly at: number; readonly key: K; readonly value: T } | undefined;
    return () => {
      const k = key();
      const same = cache !== undefined && cache.at === this.at && cache.key.length === k.length && k.every((v, i) => v === cache!.key[i]);
      if (!same) cache = { at: this.at, key: k, value: compute(k) };
      return cache!.value;
    };
  }
}
