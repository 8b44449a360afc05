/**
 * Issue 28 item 6, first contact: the README creates the user's project with exact versions (the ones
 * the repository pins), says how to run cdktf offline, and names every warning its short example
 * gives, with the reason; the short example is run here as written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ts from 'typescript';
import * as cdktf from 'cdktf';
import * as library from '../../lib';
import { Severity, validateTopology } from '../../lib';
import { readmeFile } from '../consumer/readme-blocks';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

/** The README's `main.ts`, run with the library from lib/ and an App that writes to a scratch folder. */
function runShortExample(outdir: string): cdktf.App {
  const apps: cdktf.App[] = [];
  class ScratchApp extends cdktf.App {
    constructor(config: cdktf.AppConfig = {}) {
      super({ ...config, outdir });
      apps.push(this);
    }
  }
  const modules: Record<string, unknown> = { cdktf: { ...cdktf, App: ScratchApp }, 'cdktf-sfb-hadr': library };
  const code = ts.transpileModule(readmeFile('main.ts'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} };
  new Function('require', 'module', 'exports', code)((name: string) => modules[name] ?? require(name), module, module.exports);
  expect(apps).toHaveLength(1);
  return apps[0]!;
}

describe('creating the user project', () => {
  const install = README.split('## Install in your project')[1]?.split('\n## ')[0] ?? '';
  test('starts from npm init and installs with --save-exact', () => {
    expect(install).toMatch(/^npm init -y$/m);
    expect(install).toMatch(/^npm install --save-exact cdktf-sfb-hadr /m);
    expect(install).toMatch(/^npm install --save-dev --save-exact /m);
  });
  test('every version the README installs is the one the repository pins', () => {
    const pinned = { ...PACKAGE.devDependencies } as Record<string, string>;
    const named = [...install.matchAll(/(@?[a-z][\w./-]*)@(\d+\.\d+\.\d+)/g)].map((m) => [m[1], m[2]]);
    expect(named.length).toBeGreaterThanOrEqual(10);
    for (const [name, version] of named) expect([name, version]).toEqual([name, pinned[name!]]);
  });
  test('says to set CHECKPOINT_DISABLE=1 on a machine without Internet access', () => {
    expect(install).toMatch(/CHECKPOINT_DISABLE=1 npx cdktf synth/);
  });
});

describe('the short example', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'sfb-readme-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('synthesizes, and the README names each of its warnings and why', () => {
    const app = runShortExample(outdir);
    const findings = validateTopology(app);
    expect(findings.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    const warned = [...new Set(findings.filter((f) => f.severity === Severity.WARNING).map((f) => f.ruleId))].sort();
    expect(warned.length).toBeGreaterThan(0);
    const explained = README.split('app.synth();\n```')[1]?.split('\n### ')[0] ?? '';
    const paragraph = explained.match(/Its warnings?: ([^\n]+(?:\n[^\n]+)*)/)?.[1] ?? '';
    expect([...new Set([...paragraph.matchAll(/\*\*([A-Z]+-\d+)\*\*/g)].map((m) => m[1]))].sort()).toEqual(warned);
  });
});
