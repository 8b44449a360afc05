/**
 * `npm run bench`: synth time, peak memory and resource count of the reference topology scaled to
 * 1, 4 and 16 pool pairs of 12 Front Ends, next to the time cdktf alone needs for the same resources.
 * Targets (2 cores): 16 pairs under 3 s, at most 1.5x cdktf alone, time growing no faster than resources.
 * A benchmark, not a test: it prints, it does not fail.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

const tsx = require.resolve('tsx/cli');
const script = join(__dirname, 'one-size.ts');

function run(pairs: number, mode: string): any {
  const r = spawnSync(process.execPath, [tsx, script, String(pairs), mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const rows = [];
for (const pairs of [1, 4, 16]) {
  const lib = run(pairs, 'library');
  const plain = run(pairs, 'plain');
  rows.push({ pairs, resources: lib.resources, synthMs: Math.round(lib.ms), peakMb: Math.round(lib.peakMb), cdktfAloneMs: Math.round(plain.ms), ratio: +(lib.ms / plain.ms).toFixed(2), msPerResource: +(lib.ms / lib.resources).toFixed(3) });
}
console.table(rows);
const last = rows[rows.length - 1];
console.log(`16 pairs: ${last.synthMs} ms (target < 3000 ms), ${last.ratio}x cdktf alone (target <= 1.5x)`);
