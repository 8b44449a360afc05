/**
 * An ordered list that also tells late subscribers about earlier members. Cross-cutting resources
 * (zone links, peering, Edge flows from every site) are created when the later of two parts appears,
 * so the construct tree is complete at any time and needs no finalize pass.
 */
export class Roster<T> {
  private readonly items: T[] = [];
  private readonly watchers: ((item: T) => void)[] = [];

  add(item: T): void {
    this.items.push(item);
    for (const w of [...this.watchers]) w(item);
  }

  /** Calls `fn` for every member now and for every member added later. */
  forEach(fn: (item: T) => void): void {
    this.watchers.push(fn);
    for (const item of [...this.items]) fn(item);
  }

  get all(): readonly T[] {
    return this.items;
  }
}
