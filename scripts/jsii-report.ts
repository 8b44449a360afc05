/**
 * `npm run jsii`: compiles lib/ with jsii (the compiler behind constructs.dev's Python, C#, Java and Go
 * bindings) in a scratch copy under the OS temp folder and prints its errors grouped by kind, with counts.
 *
 * Why a scratch copy: jsii needs package.json fields the package does not publish yet (author,
 * repository, a `jsii` section) and rewrites tsconfig.json in the folder it compiles. `npm test` runs
 * it: a jsii error fails the build (issue 14, item 4).
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'sfb-jsii-'));
try {
  cpSync(join(ROOT, 'lib'), join(scratch, 'lib'), { recursive: true });
  cpSync(join(ROOT, 'README.md'), join(scratch, 'README.md'));
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  const peers: Record<string, string> = pkg.peerDependencies;
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    author: { name: `${pkg.name} maintainers`, organization: false },
    repository: { type: 'git', url: `https://example.invalid/${pkg.name}.git` },
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    jsii: { outdir: 'jsii-dist', targets: {}, tsc: { outDir: 'dist', rootDir: 'lib' } },
    peerDependencies: peers,
    devDependencies: Object.fromEntries(Object.keys(peers).map((name) => [name, pkg.devDependencies[name]])),
  }, null, 2));

  const jsii = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'jsii', 'bin', 'jsii'), '--silence-warnings=reserved-word'], { cwd: scratch, encoding: 'utf8' });
  const output = `${jsii.stdout}${jsii.stderr}`;
  if (process.env.JSII_RAW) console.log(output);
  const errors = [...output.matchAll(/^(\S+?):\d+:\d+ - error (JSII\d+): (.*?)(?: \[([\w/-]+)\])?$/gm)];
  const other = [...output.matchAll(/^error (JSII\d+): (.*)$/gm)];
  const groups = new Map<string, string[]>();
  for (const [, file, code, message, kind] of errors) {
    const key = kind ? `${code} ${kind}` : `${code}`;
    groups.set(key, [...(groups.get(key) ?? []), `${file?.replace(/^.*?lib\//, 'lib/')}: ${message}`]);
  }
  for (const [key, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${items.length.toString().padStart(4)}  ${key}`);
    const byMessage = new Map<string, number>();
    for (const item of items) byMessage.set(item, (byMessage.get(item) ?? 0) + 1);
    for (const [item, n] of byMessage) console.log(`        ${n > 1 ? `${n}x ` : ''}${item}`);
  }
  for (const [, code, message] of other) console.log(`   1  ${code} ${message}`);
  if (jsii.status === 0) {
    // What a Python, C#, Java or Go user sees: the assembly's types by kind.
    const assembly = JSON.parse(readFileSync(join(scratch, '.jsii'), 'utf8')) as { types: Record<string, { kind: string; name: string }> };
    const byKind = new Map<string, string[]>();
    for (const t of Object.values(assembly.types)) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t.name]);
    for (const [kind, names] of [...byKind].sort()) console.log(`${kind} (${names.length}): ${names.sort().join(', ')}`);
    // No provider class in a public type: the provider's bindings are an implementation detail.
    const provider = [...new Set(readFileSync(join(scratch, '.jsii'), 'utf8').match(/"fqn": "@cdktf\/provider-azurerm[^"]*"/g) ?? [])];
    if (provider.length > 0) {
      console.log(`provider types in the public API: ${provider.join(', ')}`);
      process.exitCode = 1;
    }
  }
  console.log(`jsii: ${errors.length + other.length} errors (exit code ${jsii.status})`);
  process.exitCode = jsii.status === 0 ? process.exitCode : (jsii.status ?? 1);
} finally {
  if (process.env.JSII_KEEP) console.log(`kept ${scratch}`); else rmSync(scratch, { recursive: true, force: true });
}
