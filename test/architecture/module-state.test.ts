/**
 * No module-level mutable state in lib/: a deployment owns its plan and its memos (lib/model/revision.ts),
 * so two deployments in one process never share a cache or a counter.
 */
import { readFileSync } from 'fs';
import { relative } from 'path';
import { LIB, tsFilesUnder } from '../lib-sources';

/** Top-level (unindented) declarations that hold state: `let`/`var`, or a `const` bound to a new mutable collection. */
export function moduleState(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^(export\s+)?(let|var)\s/.test(line) || /^(export\s+)?const\s+\w+(\s*:[^=]+)?\s*=\s*(new\s+(Map|Set|WeakMap|WeakSet)\b|\[\s*\]|\{\s*\})/.test(line));
}

describe('module-level state', () => {
  test('the scan finds the shapes it looks for', () => {
    expect(moduleState('let revision = 0;\nconst cache = new WeakMap<object, string>();\nexport const seen: string[] = [];\n  let local = 1;\nconst TABLE = readonlySet([1]);')).toEqual([
      'let revision = 0;',
      'const cache = new WeakMap<object, string>();',
      'export const seen: string[] = [];',
    ]);
  });

  test('no file of lib/ holds any', () => {
    const found = tsFilesUnder(LIB).flatMap((path) => moduleState(readFileSync(path, 'utf8')).map((line) => `${relative(LIB, path)}: ${line}`));
    expect(found).toEqual([]);
  });
});
