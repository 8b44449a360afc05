/**
 * `npm run bench`: synthesis of the reference topology scaled to 1, 4, 16 and 64 pool pairs of 12
 * Front Ends, with Edge, Director and Mediation pools per site and a stretched Persistent Chat pool per
 * site pair (bench/scaled-topology.ts), next to cdktf alone emitting the same JSON (bench/one-size.ts
 * says what each side does and why the comparison is fair).
 *
 * Reports CPU time (user + system, the figure that matters on a shared machine), wall time, peak
 * memory (RSS of a fresh process doing one library synthesis), the resource count, the ratio
 * library / cdktf alone (CPU), and CPU per resource. Targets (issue 13): at 16 pairs at most 1.3x
 * cdktf alone, and from 1 to 64 pairs library time growing no faster than the resource count.
 * A benchmark, not a test: it prints, it does not fail. Every size runs in fresh child processes.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

const tsx = require.resolve('tsx/cli');
const script = join(__dirname, 'one-size.ts');

function run(pairs: number, mode: 'time' | 'memory'): any {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', tsx, script, String(pairs), mode], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The largest size runs once timed per side: its two runs alone take most of the budget.
    env: { ...process.env, BENCH_ROUNDS: process.env.BENCH_ROUNDS ?? (pairs >= 64 ? '1' : '2') },
  });
  if (r.status !== 0) throw new Error(`${pairs} pairs (${mode}) failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const sizes = (process.env.BENCH_SIZES ?? '1,4,16,64').split(',').map(Number);
const rows = [];
for (const pairs of sizes) {
  const t = run(pairs, 'time');
  const m = run(pairs, 'memory');
  rows.push({
    pairs,
    resources: t.resources,
    libCpuMs: Math.round(t.library.cpuMs),
    libWallMs: Math.round(t.library.wallMs),
    cdktfCpuMs: Math.round(t.cdktfAlone.cpuMs),
    cdktfWallMs: Math.round(t.cdktfAlone.wallMs),
    ratioCpu: +(t.library.cpuMs / t.cdktfAlone.cpuMs).toFixed(2),
    libCpuMsPerResource: +(t.library.cpuMs / t.resources).toFixed(3),
    peakMb: Math.round(m.peakMb),
    sameJson: t.sameJson,
  });
  console.error(`${pairs} pairs done`);
}
console.table(rows);
const first = rows[0];
const last = rows[rows.length - 1];
const at16 = rows.find((r) => r.pairs === 16);
if (at16) console.log(`16 pairs: ${at16.ratioCpu}x cdktf alone (CPU; target <= 1.3x)`);
console.log(
  `${first.pairs} -> ${last.pairs} pairs: resources x${(last.resources / first.resources).toFixed(1)}, library CPU x${(last.libCpuMs / first.libCpuMs).toFixed(1)}, cdktf alone CPU x${(last.cdktfCpuMs / first.cdktfCpuMs).toFixed(1)} (target: library growth no faster than resources)`,
);
