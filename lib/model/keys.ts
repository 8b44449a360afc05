/**
 * Stable order for the plan: everything the model lists is in key order (construct paths), never in
 * declaration order, so declaring the same topology in another order gives the same rules, reports and
 * runbook. Digit runs compare as numbers, so `server2` comes before `server10`.
 */

/** Compares two keys: text by UTF-16 code unit, runs of digits by value. */
export function compareKeys(a: string, b: string): number {
  const x = a.split(/(\d+)/);
  const y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    // Odd indexes hold the digit runs.
    if (i % 2 === 1) {
      const d = Number(x[i]) - Number(y[i]);
      if (d !== 0) return d;
    }
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** A copy of `items` in path order. */
export function byPathOrder<T extends { readonly path: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareKeys(a.path, b.path));
}
