/**
 * Slots (address blocks, NSG priorities) handed out by stable key, never by declaration order
 * (DESIGN.md: "addresses and priorities keyed, never ordered"; Azure Verified Modules key their maps).
 *
 * Each key prefers the slot its hash names. Pinned keys take their slot first; the others follow in
 * key order, each taking its preferred slot or, when another key holds it, the next free one. So a key
 * keeps its slot whatever else is declared, in whatever order, unless a new key hashes onto the very
 * slot it had to probe past (rare: the planning reports show every slot that is not the preferred one,
 * and pinning it keeps it for good).
 */

/** FNV-1a, 32 bits: the same number for the same key on every machine and Node version. */
export function stableHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface SlotRequest {
  readonly key: string;
  /** A slot chosen by the user (for resources that already exist); taken before any hashed slot. */
  readonly pinned?: number;
}

export interface SlotAssignment {
  readonly slot: number;
  /** The slot the key's hash names (or its pin). */
  readonly preferred: number;
  readonly pinned: boolean;
}

export interface SlotPlan {
  readonly slots: ReadonlyMap<string, SlotAssignment>;
  /** Keys that found no free slot. */
  readonly unplaced: readonly string[];
  /** Keys whose pin is out of range or already pinned by another key: [key, holder or undefined]. */
  readonly badPins: readonly { readonly key: string; readonly pinned: number; readonly holder?: string }[];
}

/** Assigns each key one of `count` slots; `usable(slot)` may rule slots out. */
export function assignSlots(requests: readonly SlotRequest[], count: number, usable: (slot: number) => boolean = () => true): SlotPlan {
  const taken = new Map<number, string>();
  const slots = new Map<string, SlotAssignment>();
  const unplaced: string[] = [];
  const badPins: { key: string; pinned: number; holder?: string }[] = [];
  const sorted = [...requests].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of sorted) {
    if (r.pinned === undefined) continue;
    const holder = taken.get(r.pinned);
    if (!Number.isInteger(r.pinned) || r.pinned < 0 || r.pinned >= count || !usable(r.pinned) || holder !== undefined) {
      badPins.push({ key: r.key, pinned: r.pinned, ...(holder !== undefined ? { holder } : {}) });
      continue;
    }
    taken.set(r.pinned, r.key);
    slots.set(r.key, { slot: r.pinned, preferred: r.pinned, pinned: true });
  }
  for (const r of sorted) {
    if (slots.has(r.key) || badPins.some((b) => b.key === r.key)) continue;
    const preferred = count > 0 ? stableHash(r.key) % count : 0;
    let placed = false;
    for (let i = 0; i < count; i++) {
      const slot = (preferred + i) % count;
      if (taken.has(slot) || !usable(slot)) continue;
      taken.set(slot, r.key);
      slots.set(r.key, { slot, preferred, pinned: false });
      placed = true;
      break;
    }
    if (!placed) unplaced.push(r.key);
  }
  return { slots, unplaced, badPins };
}
