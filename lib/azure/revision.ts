/**
 * A counter every intent bumps (an address taken, a record or flow asked for, a member registered, a
 * finding acknowledged). The deployment plans once per revision: the model, the findings and the
 * rendered aggregates are computed once per synthesis, however many times validation, annotations,
 * the runbook and the reports ask for them.
 */
let revision = 0;

export function bumpRevision(): void {
  revision++;
}

export function currentRevision(): number {
  return revision;
}

/** Memoizes `compute` until the next intent anywhere. */
export function perRevision<T>(compute: () => T): () => T {
  let cache: { readonly at: number; readonly value: T } | undefined;
  return () => {
    if (!cache || cache.at !== revision) cache = { at: revision, value: compute() };
    return cache.value;
  };
}

/**
 * Memoizes `compute(key())` until the next intent anywhere or until `key()` gives another value (a
 * state change that is not an intent, such as rendering having finished).
 */
export function perRevisionAnd<K, T>(key: () => K, compute: (key: K) => T): () => T {
  let cache: { readonly at: number; readonly key: K; readonly value: T } | undefined;
  return () => {
    const k = key();
    if (!cache || cache.at !== revision || cache.key !== k) cache = { at: revision, key: k, value: compute(k) };
    return cache.value;
  };
}
