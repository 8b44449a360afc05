/** Collects what docs/rules.md needs: rules, statuses, and which files define and test each ID. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { ALL_RULES, ALL_STATUS } from '../lib/rules/index';
import { CATALOG_IDS } from '../lib/rules/catalog';
import { RulesDocInput } from '../lib/reports/rules-doc';

const ROOT = join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
}

function mentions(paths: string[], ids: string[], pattern: (id: string) => RegExp): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const text = readFileSync(p, 'utf8');
    for (const id of ids) {
      if (pattern(id).test(text)) out.set(id, [...(out.get(id) ?? []), relative(ROOT, p)]);
    }
  }
  return out;
}

export function rulesDocInput(): RulesDocInput {
  const ids = [...new Set([...CATALOG_IDS, ...ALL_RULES.map((r) => r.id), ...ALL_STATUS.map((s) => s.id)])];
  const esc = (id: string) => id.replace(/-/g, '\\-');
  const testsById = mentions(files(join(ROOT, 'test')), ids, (id) => new RegExp(`(?<![A-Z0-9-])${esc(id)}(?![0-9])`));
  const defined = mentions(files(join(ROOT, 'lib', 'rules')), ALL_RULES.map((r) => r.id), (id) => new RegExp(`rule\\(\\s*'${esc(id)}'`));
  const fileById = new Map([...defined.entries()].map(([id, f]) => [id, f[0]]));
  return { catalogIds: CATALOG_IDS, rules: ALL_RULES, statuses: ALL_STATUS, testsById, fileById };
}
