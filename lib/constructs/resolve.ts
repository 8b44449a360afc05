/** Puts planned addresses in place of their lazy tokens everywhere in a model (a deep copy). */
export function resolveAddresses<T>(value: T, resolve: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return resolve(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
