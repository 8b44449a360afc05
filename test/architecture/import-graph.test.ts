/**
 * Layers only point down (DESIGN.md): model and rules are plain data and functions; building blocks
 * take plain inputs; only the two seam files import cdktf and the provider (a move to CDK Terrain is
 * a rename there). Reads every import of lib/ as text.
 */
import * as fs from 'fs';
import * as path from 'path';

import { LIB, tsFilesUnder } from '../lib-sources';

/** Every module a file imports or re-exports (type-only imports included), as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms), ...text.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
}

/** `lib/<layer>/...` of an import, resolved from the importing file; packages as they are. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.relative(path.join(LIB, '..'), path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
}

const graph = tsFilesUnder(LIB).map((f) => ({ file: path.relative(path.join(LIB, '..'), f).split(path.sep).join('/'), imports: importsOf(f).map((s) => target(f, s)) }));

function violations(layer: RegExp, forbidden: RegExp): string[] {
  return graph.filter((g) => layer.test(g.file)).flatMap((g) => g.imports.filter((i) => forbidden.test(i)).map((i) => `${g.file} -> ${i}`));
}

describe('import graph', () => {
  test('reads the imports it checks', () => {
    expect(graph.length).toBeGreaterThan(50);
    expect(graph.find((g) => g.file === 'lib/constructs/site.ts')!.imports).toContain('lib/model/network');
  });

  test('lib/model and lib/rules import nothing of cdktf, constructs, the provider, lib/azure or lib/constructs', () => {
    expect(violations(/^lib\/(model|rules)\//, /^(cdktf|constructs|@cdktf\/.*)$|^lib\/(azure|constructs|cdktf|azurerm|reports)(\/|$)/)).toEqual([]);
  });

  test('lib/reports are functions of the model: no cdktf, provider, building blocks or constructs', () => {
    expect(violations(/^lib\/reports\//, /^(cdktf|constructs|@cdktf\/.*)$|^lib\/(azure|constructs|cdktf|azurerm)(\/|$)/)).toEqual([]);
  });

  test('building blocks (lib/azure) import no construct of lib/constructs', () => {
    expect(violations(/^lib\/azure\//, /^lib\/constructs(\/|$)/)).toEqual([]);
  });

  test('only lib/cdktf.ts imports cdktf and only lib/azurerm.ts the provider, by deep path', () => {
    expect(violations(/^lib\/(?!cdktf\.ts$)/, /^cdktf(\/.*)?$/)).toEqual([]);
    expect(violations(/^lib\/(?!azurerm\.ts$)/, /^@cdktf\/provider-azurerm/)).toEqual([]);
    expect(violations(/^lib\/azurerm\.ts$/, /^@cdktf\/provider-azurerm$/)).toEqual([]);
  });
});
