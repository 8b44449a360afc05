/**
 * One side of one benchmark size, in a fresh process: cdktf's process-wide token map never frees a
 * synthesized tree, so sides and sizes must not share a heap. Prints one JSON line.
 *
 *   tsx bench/one-size.ts <pairs> library <json-out>         time the library, write its JSON
 *   tsx bench/one-size.ts <pairs> <baseline> <json-in>       time a baseline emitting that JSON
 *   tsx bench/one-size.ts <pairs> memory                     one library synthesis, for peak memory
 *
 * Every side is a full `Testing.synth(stack, true)` (validations on) of a fresh stack
 * (bench/sides.ts): the library (build, plan, check, render, synthesize) and three cdktf-alone
 * baselines on the library's JSON, which is read untimed:
 * - plain: `TerraformResource`/`TerraformDataSource` with `addOverride` per key, the least work cdktf
 *   does to emit that JSON;
 * - typed: the provider's classes with literal values (`"${azurerm_subnet.x.id}"` as a string);
 * - referenced: the provider's classes with references as a user writes them (`subnet.id`), so cdktf
 *   resolves the same references the library makes. This is "cdktf alone on the same resources".
 * Each process runs its side once untimed (JIT warm-up), then BENCH_ROUNDS times timed (default 2);
 * the fastest run counts. CPU time is `process.cpuUsage()` (user + system, so garbage collection on
 * helper threads counts), wall time `hrtime`. Each baseline checks it emits the library's JSON.
 */
import { readFileSync, writeFileSync } from 'fs';
import { skipTokenStackTraces } from '../lib/cdktf';
import { librarySide } from './library-side';
import { cdktfAloneSide, cdktfReferencedSide, cdktfTypedSide, comparable, count } from './sides';

skipTokenStackTraces();

const pairs = Number(process.argv[2]);
const side = process.argv[3] ?? 'library';
const file = process.argv[4];

interface Run {
  readonly cpuMs: number;
  readonly wallMs: number;
}

function measure(f: () => unknown): Run {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
}

function timed(run: () => unknown): Run {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const runs = Array.from({ length: rounds }, () => measure(run));
  return runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
}

const baselines: Record<string, (json: unknown) => string> = { plain: cdktfAloneSide, typed: cdktfTypedSide, referenced: cdktfReferencedSide };

if (side === 'memory') {
  const json = JSON.parse(librarySide(pairs));
  process.stdout.write(JSON.stringify({ pairs, resources: count(json), peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
} else if (side === 'library') {
  const text = librarySide(pairs);
  if (file) writeFileSync(file, text);
  process.stdout.write(JSON.stringify({ pairs, side, resources: count(JSON.parse(text)), ...timed(() => librarySide(pairs)) }) + '\n');
} else {
  const emit = baselines[side];
  if (!emit || !file) throw new Error(`usage: one-size.ts <pairs> library|memory|${Object.keys(baselines).join('|')} <json file>`);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const out = JSON.parse(emit(json));
  const sameJson = comparable(out) === comparable(json);
  if (!sameJson && process.env.BENCH_DIFF) firstDifference(json, out);
  process.stdout.write(JSON.stringify({ pairs, side, sameJson, ...timed(() => emit(json)) }) + '\n');
}

/** Prints the first resource the baseline renders differently (BENCH_DIFF=1). */
function firstDifference(json: any, out: any): void {
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      if (JSON.stringify(body) !== JSON.stringify(out.resource?.[type]?.[name])) {
        console.error(side, type, name, JSON.stringify(body).slice(0, 400), '\n', JSON.stringify(out.resource?.[type]?.[name]).slice(0, 400));
        return;
      }
    }
  }
}
