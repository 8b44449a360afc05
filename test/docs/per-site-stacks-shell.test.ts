/**
 * docs/per-site-stacks.md: the shell block that creates the state storage accounts names what the
 * TypeScript block's `remoteState` makes each stack's backend use (issue 28: the shell created
 * accounts with other names, and ZRS where the README asks for GZRS). The TypeScript block runs as its
 * harness completes it (test/docs/snippets.ts); the backends are read from the stacks it synthesizes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ts from 'typescript';
import * as cdktf from 'cdktf';
import * as library from '../../lib';
import { documentedSnippets, snippetProgram } from './snippets';

const ROOT = join(__dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'per-site-stacks.md'), 'utf8');
const shell = [...doc.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

interface StateRow { readonly stack: string; readonly region: string; readonly group: string; readonly account: string }

/** The rows the shell loop reads: `region group account stack`. */
function shellRows(script: string): StateRow[] {
  const rows = /<<'(\w+)'\n([\s\S]*?)^\1$/m.exec(script);
  if (!rows) throw new Error('the shell block has no here-document of rows');
  return rows[2]!.trim().split('\n').map((line) => {
    const [region, group, account, stack] = line.trim().split(/\s+/);
    return { stack: stack!, region: region!, group: group!, account: account! };
  });
}

/** Runs the block's harness program with the library from lib/ into `outdir`; returns each stack's backend and region. */
function synthesizedRows(): StateRow[] {
  const snippet = documentedSnippets().find((s) => s.id.startsWith('docs/per-site-stacks.md#') && s.code.includes('remoteState'))!;
  const outdir = mkdtempSync(join(tmpdir(), 'per-site-state-'));
  try {
    class ScratchApp extends cdktf.App {
      constructor(config: cdktf.AppConfig = {}) {
        super({ ...config, outdir });
      }
    }
    const modules: Record<string, unknown> = { cdktf: { ...cdktf, App: ScratchApp }, 'cdktf-sfb-hadr': library };
    const code = ts.transpileModule(snippetProgram(snippet).program, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)((name: string) => modules[name] ?? require(name), module, module.exports);
    return readdirSync(join(outdir, 'stacks')).sort().map((stack) => {
      const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      const backend = json.terraform.backend.azurerm;
      const groups = Object.values(json.resource?.azurerm_resource_group ?? {}) as { location: string }[];
      return { stack: backend.container_name, region: groups[0]!.location, group: backend.resource_group_name, account: backend.storage_account_name };
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

test('the shell creates, per stack, the resource group, account and container its backend names, in its region', () => {
  expect(shell).toHaveLength(1);
  const sort = (rows: StateRow[]) => [...rows].sort((a, b) => (a.stack < b.stack ? -1 : 1));
  expect(sort(shellRows(shell[0]!))).toEqual(sort(synthesizedRows()));
});

test('the accounts are geo-zone-redundant, as the README asks', () => {
  expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/GZRS/);
  expect(shell[0]).toMatch(/--sku Standard_GZRS\b/);
  expect(shell[0]).not.toMatch(/Standard_(ZRS|LRS|GRS)\b/);
});

test('the reader finds a drift', () => {
  expect(shellRows("x <<'ROWS'\nwesteurope rg-a sta contoso-west\nROWS\n")).toEqual([{ stack: 'contoso-west', region: 'westeurope', group: 'rg-a', account: 'sta' }]);
});
