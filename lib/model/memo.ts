/**
 * Indexes of one plan (a model) kept on the plan object itself, under a symbol key and not
 * enumerable: no module-level cache, an index lives and dies with its plan, and the plan stays plain
 * JSON (JSON.stringify and deep equality skip it). A copy of a model (`{ ...model }`) has no index.
 */

/** Reads and writes one named index on any plan object; holds no state of its own. */
export interface PlanIndex<T> {
  get(owner: object): T | undefined;
  set(owner: object, value: T): void;
}

/** An index slot `name` (for debugging: the symbol's description) on plan objects. */
export function planIndex<T>(name: string): PlanIndex<T> {
  const key = Symbol(`cdktf-sfb-hadr.${name}`);
  return Object.freeze({
    get: (owner: object) => (owner as { [key]?: T })[key],
    set: (owner: object, value: T) => {
      Object.defineProperty(owner, key, { value, enumerable: false, configurable: true, writable: true });
    },
  });
}

/** A set that cannot be changed after it is built: for constant lookup tables at module level. */
export function readonlySet<T>(values: Iterable<T>): ReadonlySet<T> {
  return new Set(values);
}

/** A map that cannot be changed after it is built: for constant lookup tables at module level. */
export function readonlyMap<K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  return new Map(entries);
}
