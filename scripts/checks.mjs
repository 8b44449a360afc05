// `npm test`, first step: the type check (`tsc -b`, which also builds dist/) and the jsii compile (`npm run jsii`) side by
// side, one per core; each one's output is printed whole when it ends, and either failing fails the run
// before jest starts. Plain JavaScript so that it needs nothing compiled.
import { spawn } from 'node:child_process';

const checks = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['jsii', 'npm', ['run', '-s', 'jsii']],
];

const results = await Promise.all(
  checks.map(
    ([name, command, args]) =>
      new Promise((done) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => {
          process.stdout.write(`> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output}`);
          done(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
