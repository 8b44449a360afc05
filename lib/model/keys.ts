/**
 * Stable order for the plan: everything the model lists is in key order (construct paths), never in
 * declaration order, so declaring the same topology in another order gives the same rules, reports and
 * runbook. Digit runs compare as numbers, so `server2` comes before `server10`.
 */

/** A key as its runs of text and of digits (odd indexes hold the digit runs). */
const runsOf = (key: string): readonly string[] => key.split(/(\d+)/);

function compareRuns(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (i % 2 === 1) {
      const d = Number(x[i]) - Number(y[i]);
      if (d !== 0) return d;
    }
    return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** Compares two keys: text by UTF-16 code unit, runs of digits by value. */
export function compareKeys(a: string, b: string): number {
  return a === b ? 0 : compareRuns(runsOf(a), runsOf(b));
}

/**
 * A copy of `items` in the order of their keys (compareKeys), by the first key, then the next: each
 * key is split once per item, not once per comparison (a plan sorts thousands of names).
 */
export function sortedByKeys<T>(items: readonly T[], ...keys: readonly ((item: T) => string)[]): T[] {
  const decorated = items.map((item) => ({ item, runs: keys.map((k) => runsOf(k(item))) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const d = compareRuns(a.runs[i]!, b.runs[i]!);
      if (d !== 0) return d;
    }
    return 0;
  });
  return decorated.map((d) => d.item);
}

/** A copy of `items` in path order. */
export function byPathOrder<T extends { readonly path: string }>(items: readonly T[]): T[] {
  return sortedByKeys(items, (i) => i.path);
}
