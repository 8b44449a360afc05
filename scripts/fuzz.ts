/**
 * `npm run fuzz`: 5,000 property-based cases (FUZZ_TOTAL) in batches of 500 (FUZZ_BATCH), each batch a
 * fresh jest process with its own seed. Batches because cdktf keeps every token it ever created in a
 * process-wide map (`global.__cdktfTokenMap`), and each token holds its resource: one process never
 * frees a synthesized tree (about 3.5 MB per random deployment). A failing batch prints its seed;
 * replay it with `FUZZ_SEED=<seed> FUZZ_RUNS=<batch> npx jest test/property`.
 */
import { spawnSync } from 'child_process';

const total = Number(process.env.FUZZ_TOTAL ?? 5000);
const batch = Number(process.env.FUZZ_BATCH ?? 500);
const base = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const jest = require.resolve('jest/bin/jest');

let done = 0;
for (let i = 0; done < total; i++) {
  const runs = Math.min(batch, total - done);
  const seed = (base + i * 7919) % 2 ** 31;
  console.log(`batch ${i + 1}: ${runs} cases, seed ${seed}`);
  const r = spawnSync(process.execPath, [jest, '--testPathPattern', 'test/property'], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
  });
  if (r.status !== 0) {
    console.error(`batch ${i + 1} failed; replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npx jest test/property`);
    process.exit(r.status ?? 1);
  }
  done += runs;
}
console.log(`${done} cases passed`);
