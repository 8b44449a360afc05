/**
 * The package as a user gets it (issue 14): `npm pack`, then, in an empty project outside the repository,
 * the README's `npm install --save-exact cdktf-sfb-hadr cdktf@0.21.0 constructs@10.4.2 @cdktf/provider-azurerm@14.23.1`
 * against a throwaway registry on 127.0.0.1 holding exactly those four packages (the three dependencies
 * are packed offline from the npm cache `npm ci` filled; local-registry.ts says why not
 * `npm install --offline`). No network: it passes under `unshare -n`.
 *
 * npm resolves that install for real (`--package-lock-only`: the lockfile and package.json it writes are
 * what the test reads), but does not unpack it: unpacking the provider's 270 MB was 17 s of CPU, a
 * sixth of `npm test`'s, spent testing npm's tar. The project's node_modules holds the library unpacked
 * from its tarball, and the three dependencies as links to the repository's copies, which the test
 * first proves are the very tarballs npm resolved (same version, same sha512 as in the user's lockfile).
 *
 * The user's program is the README's short example, its tsconfig the README's, compiled with tsc's
 * strictest flags and run with plain node. Against the package as it was before (TypeScript sources as
 * `main`, cdktf and constructs as exact dependencies) this fails: tsc type-checks the shipped .ts under
 * the user's flags, and node cannot load it.
 */
import { execFile, execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve, sep } from 'path';
import { LIB, tsFilesUnder } from '../lib-sources';
import { LocalRegistry, manifestOf, startLocalRegistry } from './local-registry';
import { readmeFile } from './readme-blocks';
import { documentedSnippets, snippetFileName, snippetProgram } from '../docs/snippets';

jest.setTimeout(300_000);

const REPO = resolve(__dirname, '..', '..');
const PEERS = { cdktf: '0.21.0', constructs: '10.4.2', '@cdktf/provider-azurerm': '14.23.1' };
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

let work: string;
let project: string;
let tarball: string;
let registry: LocalRegistry | undefined;

/**
 * npm without the context `npm test` leaves in the environment (npm_config_local_prefix would point
 * every npm command at the repository), keeping the user's cache and config files. Asynchronous: the
 * local registry answers from this process's event loop.
 */
function npm(args: string[], cwd: string): Promise<string> {
  const keep = /^npm_config_(cache|userconfig|globalconfig)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)));
  const options = { cwd, env: { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, maxBuffer: 64 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    execFile('npm', args, options, (error, stdout, stderr) =>
      error ? reject(new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`)) : resolve(stdout),
    ),
  );
}

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${[command, ...args].join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

interface LockedPackage {
  readonly name?: string;
  readonly version?: string;
  readonly integrity?: string;
}

/** The `packages` of the lockfile in `dir`, by path (`node_modules/cdktf`, `node_modules/cdktf/node_modules/semver`, ...). */
function lockedPackages(dir: string): Record<string, LockedPackage> {
  return JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages;
}

/** Every copy of `name` npm resolved for the project in `dir`: the lockfile paths that install it. */
function copiesOf(dir: string, name: string): string[] {
  return Object.entries(lockedPackages(dir))
    .filter(([path, pkg]) => path.endsWith(`node_modules/${name}`) || pkg.name === name)
    .map(([path]) => path);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sfb-consumer-'));
  // The tarball holds what the build emits now: `npm test`'s type check (`tsc -b`) has just built dist/
  // from lib/, and `tsc -b` here is a no-op unless lib/ changed since (it then builds what changed).
  // `--ignore-scripts` skips `prepack`, a second, clean build of the same files (the test below checks
  // that publishing still runs it).
  run(process.execPath, [TSC, '-b', 'tsconfig.build.json'], REPO);
  await npm(['pack', '--ignore-scripts', '--pack-destination', work], REPO);
  const packed = readdirSync(work).filter((f) => f.endsWith('.tgz'));
  expect(packed).toHaveLength(1);
  tarball = join(work, packed[0] ?? '');
  const deps = join(work, 'deps');
  mkdirSync(deps);
  await npm(['pack', '--offline', ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], deps);
  registry = await startLocalRegistry([tarball, ...readdirSync(deps).map((f) => join(deps, f))]);

  project = join(work, 'my-sfb-project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-sfb-project', version: '1.0.0', private: true }, null, 2));
  await npm(['install', '--package-lock-only', '--save-exact', '--registry', registry.url, '--cache', join(work, 'npm-cache'), 'cdktf-sfb-hadr', ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], project);

  // node_modules as npm would unpack it (the header says why not by npm): the library from its tarball,
  // each dependency linked to the repository's copy once that copy is shown to be the tarball npm locked.
  const locked = lockedPackages(project);
  const repoLocked = lockedPackages(REPO);
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '@cdktf'), { recursive: true });
  for (const name of Object.keys(PEERS)) {
    const path = `node_modules/${name}`;
    expect({ name, version: locked[path]?.version, integrity: locked[path]?.integrity }).toEqual({ name, version: repoLocked[path]?.version, integrity: repoLocked[path]?.integrity });
    symlinkSync(join(REPO, 'node_modules', name), join(modules, name), 'dir');
  }
  expect(locked['node_modules/cdktf-sfb-hadr']?.integrity).toBe(`sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`);
  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  run('tar', ['-xzf', tarball, '-C', unpacked], work);
  renameSync(join(unpacked, 'package'), join(modules, 'cdktf-sfb-hadr'));
});

afterAll(async () => {
  await registry?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed library in a user project', () => {
  test('ships compiled JavaScript with declarations, the README and docs, and no sources, tests or tooling', () => {
    const files = run('tar', ['-tzf', tarball], work).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => !/^(dist\/.*\.(js|d\.ts)|docs\/[\w-]+\.md|README\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);
    // Only what lib/ compiles to: an incremental build keeps the output of a deleted source file.
    const sources = new Set(tsFilesUnder().map((f) => relative(LIB, f).split(sep).join('/').replace(/\.ts$/, '')));
    const stale = files.filter((f) => /^dist\/.*\.(js|d\.ts)$/.test(f) && !sources.has(f.replace(/^dist\//, '').replace(/(\.d)?\.(js|ts)$/, '')));
    expect(stale).toEqual([]);
    const manifest = manifestOf(tarball);
    // Publishing builds from clean first (prepack), whatever dist/ holds.
    expect((manifest.scripts as Record<string, string> | undefined)?.prepack).toBe('npm run build');
    // Nothing runs when a user installs the package: it is built before packing (prepack).
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(run('tar', ['-xzOf', tarball, 'package/LICENSE'], work)).toMatch(/^Mozilla Public License Version 2\.0/);
    expect(manifest).toMatchObject({ main: 'dist/index.js', types: 'dist/index.d.ts', peerDependencies: { cdktf: '^0.21.0', constructs: '^10.4.2', '@cdktf/provider-azurerm': '^14.23.1' } });
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
  });

  test('npm resolves nothing but the four packages, with one cdktf and one constructs', () => {
    expect(registry?.misses).toEqual([]);
    expect(Object.keys(lockedPackages(project)).filter((path) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path)).sort()).toEqual(
      ['@cdktf/provider-azurerm', 'cdktf', 'cdktf-sfb-hadr', 'constructs'].map((name) => `node_modules/${name}`),
    );
    expect(copiesOf(project, 'cdktf')).toEqual(['node_modules/cdktf']);
    expect(copiesOf(project, 'constructs')).toEqual(['node_modules/constructs']);
    expect(copiesOf(project, '@cdktf/provider-azurerm')).toEqual(['node_modules/@cdktf/provider-azurerm']);
    // The README installs with --save-exact: the user's manifest pins what the library is tested with.
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies).toEqual({ 'cdktf-sfb-hadr': JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version, ...PEERS });
  });

  test("the README's program compiles with the README's tsconfig and tsc's strictest flags", () => {
    writeFileSync(join(project, 'main.ts'), readmeFile('main.ts'));
    writeFileSync(join(project, 'tsconfig.json'), readmeFile('tsconfig.json'));
    // Every documented snippet, completed by its harness (test/docs/snippets.ts), compiles in the same run.
    mkdirSync(join(project, 'test', 'snippets'), { recursive: true });
    for (const snippet of documentedSnippets()) writeFileSync(join(project, 'test', 'snippets', snippetFileName(snippet)), snippetProgram(snippet).program);
    // The user's @types (node, jest) come from the README's dev install; here, from the repository's.
    run(process.execPath, [TSC, '-p', 'tsconfig.json', '--strict', '--noUncheckedIndexedAccess', '--exactOptionalPropertyTypes',
      '--typeRoots', join(REPO, 'node_modules', '@types')], project);
    expect(existsSync(join(project, 'dist', 'main.js'))).toBe(true);
  });

  test('runs with plain node: the library warnings reach the manifest and the documents sit beside the stacks', () => {
    run(process.execPath, [join('dist', 'main.js')], project);
    const outdir = join(project, 'cdktf.out');
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    const warnings = Object.values(manifest.stacks as Record<string, { annotations: { level: string; message: string }[] }>)
      .flatMap((s) => s.annotations)
      .filter((a) => a.level === '@cdktf/warn')
      .map((a) => a.message);
    // The example draws the platform-maintenance warning of the Azure rules; any rule-ID warning will do.
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^\[[A-Z]+-\d+\] sfb\/contoso/)]));
    expect(Object.keys(JSON.parse(readFileSync(join(outdir, 'stacks', 'sfb', 'cdk.tf.json'), 'utf8')).resource)).toContain('azurerm_windows_virtual_machine');
    expect(readFileSync(join(outdir, 'runbook.md'), 'utf8')).toMatch(/Invoke-CsPoolFailover -PoolFQDN pool-west.corp.contoso.com -DisasterMode/);
    expect(readdirSync(join(outdir, 'reports'))).toEqual(expect.arrayContaining(['dns.md', 'findings.md']));
    expect(readFileSync(join(outdir, 'topology.tbxml'), 'utf8')).toContain('Fqdn="pool-west.corp.contoso.com"');
  });
});
