/**
 * `npm run bench:first`: a user's first synthesis, as a user meets it (issue 24, item 6). The library
 * is packed (`npm pack`) and installed into a scratch project beside the three peers; the scaled
 * topology (bench/scaled-topology.ts) and the cdktf-alone baselines (bench/sides.ts) are compiled to
 * plain JavaScript that requires the installed package, and every run is one fresh `node` process doing
 * one synthesis: module loading, construction, planning, checks, rendering, writing the JSON. No JIT
 * warm-up, no token stack traces switched off, nothing the user's program would not do.
 *
 * Sides alternate (library, plain, typed, referenced, library, ...) so a machine that slows down mid-run
 * slows every side alike; each figure is the median of BENCH_RUNS runs (default 5). CPU is the
 * process's user + system time from its start to the end of the synthesis, less a baseline's parsing
 * of its input (bench/first-run.ts), wall the time from spawn to exit, memory the peak RSS.
 * A benchmark, not a test: it prints, it does not fail.
 */
import { execFileSync, spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import * as ts from 'typescript';

const repo = resolve(__dirname, '..');
const PEERS = ['cdktf', 'constructs', '@cdktf/provider-azurerm'];

/** Where the compiled bench files find what they imported from the repo's sources. */
const IMPORTS: Record<string, string> = {
  '../lib': 'cdktf-sfb-hadr',
  '../lib/cdktf': 'cdktf',
  '../lib/azurerm': '@cdktf/provider-azurerm/lib/provider',
};

/** A scratch project: the packed library and the peers in node_modules, the bench files as JavaScript. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sfb-first-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: repo, encoding: 'utf8' }).trim().split('\n').pop()!;
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@cdktf'), { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed), '-C', dir]);
  cpSync(join(dir, 'package'), join(modules, 'cdktf-sfb-hadr'), { recursive: true });
  for (const peer of PEERS) symlinkSync(join(repo, 'node_modules', peer), join(modules, peer), 'dir');
  for (const file of ['scaled-topology', 'sides', 'library-side', 'first-run']) {
    const source = readFileSync(join(__dirname, `${file}.ts`), 'utf8');
    let js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    js = js.replace(/require\("(\.\.\/lib(?:\/cdktf|\/azurerm)?)"\)/g, (_m, from: string) => `require(${JSON.stringify(IMPORTS[from])})`);
    writeFileSync(join(dir, `${file}.js`), js);
  }
  return dir;
}

interface Run {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly peakMb: number;
  readonly resources: number;
}

function once(dir: string, side: string, pairs: number, json: string): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', join(dir, 'first-run.js'), side, String(pairs), json], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${side} at ${pairs} pairs failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
  if (out.sameJson === false) throw new Error(`${side} at ${pairs} pairs does not emit the library's JSON`);
  return { wallMs, ...out };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const sizes = (process.env.BENCH_SIZES ?? '1,4,16,64').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const sides = ['library', 'plain', 'typed', 'referenced'];
const dir = scratchProject();
const rows = [];
try {
  for (const pairs of sizes) {
    const json = join(dir, `library-${pairs}.json`);
    once(dir, 'library', pairs, json); // writes the JSON the baselines emit again
    const by: Record<string, Run[]> = Object.fromEntries(sides.map((s) => [s, []]));
    for (let i = 0; i < runs; i++) for (const side of sides) by[side]!.push(once(dir, side, pairs, json));
    const med = (side: string, k: keyof Run) => median(by[side]!.map((r) => r[k]));
    rows.push({
      pairs,
      resources: by.library![0]!.resources,
      libCpuMs: Math.round(med('library', 'cpuMs')),
      libWallMs: Math.round(med('library', 'wallMs')),
      plainCpuMs: Math.round(med('plain', 'cpuMs')),
      typedCpuMs: Math.round(med('typed', 'cpuMs')),
      refCpuMs: Math.round(med('referenced', 'cpuMs')),
      ratioPlain: +(med('library', 'cpuMs') / med('plain', 'cpuMs')).toFixed(2),
      ratioTyped: +(med('library', 'cpuMs') / med('typed', 'cpuMs')).toFixed(2),
      ratioRef: +(med('library', 'cpuMs') / med('referenced', 'cpuMs')).toFixed(2),
      libPeakMb: Math.round(med('library', 'peakMb')),
      plainPeakMb: Math.round(med('plain', 'peakMb')),
      memRatioPlain: +(med('library', 'peakMb') / med('plain', 'peakMb')).toFixed(2),
    });
    console.error(`${pairs} pairs done`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
for (const r of rows) {
  console.log(`${r.pairs} pairs, first synthesis in a fresh process: library ${r.ratioPlain}x cdktf with plain resources, ${r.ratioTyped}x with the provider's classes and literal values, ${r.ratioRef}x with the provider's classes and references (CPU, medians of ${runs}); memory ${r.memRatioPlain}x (target <= 1.3x)`);
}
