import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES, ALL_STATUS, CATALOG_IDS } from '../lib/experimental';
import { renderRulesDoc } from '../lib/reports/rules-doc';
import { rulesDocInput } from '../scripts/rules-doc-input';

describe('the rule catalog and docs/rules.md', () => {
  test('every catalog rule has a rule or a status, never both', () => {
    const ruleIds = new Set(ALL_RULES.map((r) => r.id));
    const statusIds = ALL_STATUS.map((s) => s.id);
    expect(CATALOG_IDS.filter((id) => !ruleIds.has(id) && !statusIds.includes(id))).toEqual([]);
    expect(statusIds.filter((id) => ruleIds.has(id))).toEqual([]);
    expect(statusIds.filter((id, i) => statusIds.indexOf(id) !== i)).toEqual([]);
  });

  test('rule IDs are unique', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('every enforced rule is tested somewhere', () => {
    const input = rulesDocInput();
    expect(ALL_RULES.map((r) => r.id).filter((id) => !input.testsById.has(id))).toEqual([]);
  });

  test('the catalog list matches the shared catalog when it is beside the checkout', () => {
    const catalog = join(__dirname, '..', '..', 'shared', 'reference', 'sfb-ha-dr-rules.md');
    if (!existsSync(catalog)) return;
    const ids = [...new Set([...readFileSync(catalog, 'utf8').matchAll(/^\| ([A-Z]+-\d+) \|/gm)].map((m) => m[1]))];
    expect([...CATALOG_IDS]).toEqual(ids);
  });

  test('docs/rules.md is current (run `npm run docs`)', () => {
    const current = readFileSync(join(__dirname, '..', 'docs', 'rules.md'), 'utf8');
    expect(current).toBe(renderRulesDoc(rulesDocInput()));
  });
});
