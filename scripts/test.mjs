// `npm test`: the library's build (`tsc -b tsconfig.build.json`, which type-checks lib/ and writes
// dist/), the type check of the tests, examples and scripts (`tsc -p tsconfig.json`), the jsii
// compile (`npm run jsii`) and jest (jest.groups.config.js), scheduled to keep both cores busy:
// jsii and the build start together; the tests' type check and jest start when the build ends (the
// type check reads its declarations, the consumer test packs dist/). A check's output is printed
// whole when it ends; jest's as it runs. Any failure fails the run, once everything has reported, so
// one run shows every problem. Arguments go to jest (`npm test -- -t FE-2`; `npx jest <path>` runs one
// file alone). Plain JavaScript, so that it needs nothing compiled.
import { spawn } from 'node:child_process';

const tsc = ['node_modules/typescript/bin/tsc'];
// Synthesis allocates many short-lived objects: a larger young generation collects them less often
// (the workers inherit the flag).
const jest = ['--max-semi-space-size=64', 'node_modules/jest/bin/jest.js', '--config', 'jest.groups.config.js', ...process.argv.slice(2)];

/** Runs a command; `buffered` prints its output whole when it ends. Resolves to whether it passed. */
function run(name, command, args, buffered = true) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (buffered) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    let ended = false;
    const end = (ok, why) => {
      if (ended) return;
      ended = true;
      process.stdout.write(`> ${name}: ${ok ? 'ok' : `failed (${why})`}\n${output}`);
      done({ name, ok });
    };
    child.on('error', (e) => end(false, `could not start ${command}: ${e.message}`));
    child.on('close', (code) => end(code === 0, `exit ${code}`));
  });
}

const jsii = run('jsii', 'npm', ['run', '-s', 'jsii']);
const build = run('build (tsc -b tsconfig.build.json)', process.execPath, [...tsc, '-b', 'tsconfig.build.json']);
const built = await build;
const rest = built.ok
  ? [run('typecheck (tsc -p tsconfig.json)', process.execPath, [...tsc, '-p', 'tsconfig.json']), run('jest', process.execPath, jest, false)]
  : [];
const results = [built, await jsii, ...(await Promise.all(rest))];
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (!built.ok) failed.push('typecheck and jest (not run: the library does not build)');
process.stdout.write(failed.length === 0 ? '> npm test: every check passed\n' : `> npm test failed: ${failed.join(', ')}\n`);
process.exit(failed.length === 0 ? 0 : 1);
