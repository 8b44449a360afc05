/**
 * `npm run bench`: synthesis of the reference topology scaled to 1, 4, 16 and 64 pool pairs of 12
 * Front Ends, with Edge, Director and Mediation pools per site and a stretched Persistent Chat pool per
 * site pair (bench/scaled-topology.ts), next to cdktf alone emitting the same JSON (bench/one-size.ts
 * says what each side does and why the comparison is fair).
 *
 * Reports CPU time (user + system, the figure that matters on a shared machine), wall time, peak
 * memory (RSS of a fresh process doing one library synthesis), the resource count, the ratio of the
 * library to each cdktf-alone baseline (CPU; `ratioRef` is the one the target is about: the same
 * resources with references, as a user writes them), and CPU per resource. Targets (issue 13): at 16
 * pairs at most 1.3x cdktf alone, and from 1 to 64 pairs library time growing no faster than the
 * resource count. A benchmark, not a test: it prints, it does not fail. Every side of every size runs
 * in a fresh child process.
 */
import { spawnSync } from 'child_process';
import { rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const tsx = require.resolve('tsx/cli');
const script = join(__dirname, 'one-size.ts');

const json = (pairs: number) => join(tmpdir(), `sfb-bench-${process.pid}-${pairs}.json`);

function run(pairs: number, side: string): any {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', tsx, script, String(pairs), side, json(pairs)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The fastest of three timed runs per side (one at 64 pairs, whose runs alone take most of the budget).
    env: { ...process.env, BENCH_ROUNDS: process.env.BENCH_ROUNDS ?? (pairs >= 64 ? '1' : '3') },
  });
  if (r.status !== 0) throw new Error(`${pairs} pairs (${side}) failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const sizes = (process.env.BENCH_SIZES ?? '1,4,16,64').split(',').map(Number);
const rows = [];
for (const pairs of sizes) {
  const lib = run(pairs, 'library');
  const plain = run(pairs, 'plain');
  const typed = run(pairs, 'typed');
  const referenced = run(pairs, 'referenced');
  const m = run(pairs, 'memory');
  rmSync(json(pairs), { force: true });
  rows.push({
    pairs,
    resources: lib.resources,
    libCpuMs: Math.round(lib.cpuMs),
    libWallMs: Math.round(lib.wallMs),
    plainCpuMs: Math.round(plain.cpuMs),
    typedCpuMs: Math.round(typed.cpuMs),
    refCpuMs: Math.round(referenced.cpuMs),
    ratioRef: +(lib.cpuMs / referenced.cpuMs).toFixed(2),
    ratioTyped: +(lib.cpuMs / typed.cpuMs).toFixed(2),
    ratioPlain: +(lib.cpuMs / plain.cpuMs).toFixed(2),
    libCpuMsPerResource: +(lib.cpuMs / lib.resources).toFixed(3),
    peakMb: Math.round(m.peakMb),
    sameJson: plain.sameJson && typed.sameJson && referenced.sameJson,
  });
  console.error(`${pairs} pairs done`);
}
console.table(rows);
const first = rows[0];
const last = rows[rows.length - 1];
const at16 = rows.find((r) => r.pairs === 16);
if (at16) {
  console.log(`16 pairs: ${at16.ratioRef}x cdktf alone with references, ${at16.ratioTyped}x with literal values, ${at16.ratioPlain}x with untyped overrides (CPU; target <= 1.3x)`);
}
console.log(
  `${first.pairs} -> ${last.pairs} pairs: resources x${(last.resources / first.resources).toFixed(1)}, library CPU x${(last.libCpuMs / first.libCpuMs).toFixed(1)}, cdktf alone (references) CPU x${(last.refCpuMs / first.refCpuMs).toFixed(1)} (target: library growth no faster than resources)`,
);
