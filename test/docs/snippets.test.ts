/**
 * Every documented TypeScript snippet runs as its harness completes it (test/docs/snippets.ts): it
 * synthesizes, and its topology has exactly the error findings the harness says it documents (none for
 * most). test/consumer compiles the same programs against the packed package with the README's tsconfig.
 */
import * as fs from 'fs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import * as ts from 'typescript';
import * as cdktf from 'cdktf';
import * as library from '../../lib';
import { Severity, validateTopology } from '../../lib';
import { documentedSnippets, HARNESSES, snippetProgram } from './snippets';

/** Runs a program with the library from lib/, its Apps and files in `outdir`; returns the Apps it made. */
function run(program: string, outdir: string): cdktf.App[] {
  const apps: cdktf.App[] = [];
  class ScratchApp extends cdktf.App {
    constructor(config: cdktf.AppConfig = {}) {
      super({ ...config, outdir });
      apps.push(this);
    }
  }
  const scratchFs = { ...fs, writeFileSync: (path: string, data: string) => fs.writeFileSync(join(outdir, basename(path)), data) };
  const modules: Record<string, unknown> = { cdktf: { ...cdktf, App: ScratchApp }, 'cdktf-sfb-hadr': library, fs: scratchFs };
  const code = ts.transpileModule(program, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} };
  const quiet = { ...console, log: () => undefined };
  new Function('require', 'module', 'exports', 'console', code)((name: string) => modules[name] ?? require(name), module, module.exports, quiet);
  return apps;
}

const snippets = documentedSnippets();

test('every harness completes a snippet that exists (a removed snippet takes its harness with it)', () => {
  expect(Object.keys(HARNESSES).filter((id) => !snippets.some((s) => s.id === id))).toEqual([]);
});

describe.each(snippets.map((s) => [s.id, s] as const))('%s', (_, snippet) => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'sfb-snippet-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('runs and synthesizes with the error findings it documents, and no other', () => {
    const { program, harness } = snippetProgram(snippet);
    const apps = run(program, outdir);
    expect(apps).toHaveLength(1);
    const errors = validateTopology(apps[0]!).filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);
    expect(errors).toEqual(harness.errors ?? []);
    expect(fs.existsSync(join(outdir, 'manifest.json'))).toBe(true);
    // An acknowledgement a snippet shows must match a finding (ACK-1 says it matches none).
    expect(validateTopology(apps[0]!).filter((f) => f.ruleId === 'ACK-1').map((f) => f.message)).toEqual([]);
  });
});
