/**
 * One source per fact (issue 28): what the runbook, the reports, the export script and the Terraform
 * share is checked on the artifacts every example writes, the way a user's `npx cdktf synth` writes
 * them. Each check reads the texts mechanically, so any drift between them fails here:
 * - every file a restore or failover step imports is one the export script (or the routine backups) writes;
 * - every Terraform output the runbook or a report names is an output of a stack, and every site's
 *   export task output is named;
 * - every `see "<section>"` points at a heading of the same document (or of the runbook);
 * - every local file the artifacts cite is written beside them or shipped in the package;
 * - the SQL instance of each store is the same in the runbook, reports/backup.md and topology.tbxml.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Construct } from 'constructs';
import { SfbArtifacts } from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack } from '../../lib/cdktf';
import { buildHybridTopology } from '../../examples/hybrid/topology';
import { buildLabTopology } from '../../examples/lab/topology';
import { buildLync2013Topology } from '../../examples/lync2013/topology';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { REFERENCE_APP_OPTIONS } from '../../examples/reference/synth';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { buildVoiceTopology } from '../../examples/voice/topology';

interface Artifacts {
  /** Document name (`runbook.md`, `reports/dns.md`, `topology.tbxml`) to text. */
  readonly documents: ReadonlyMap<string, string>;
  /** Every output of every stack, by name. */
  readonly outputs: ReadonlyMap<string, { readonly value: unknown }>;
}

/** `app.synth()` with `SfbArtifacts.writeTo` into a temporary outdir, read back. */
function synthesize(build: (app: App) => void): Artifacts {
  const outdir = mkdtempSync(join(tmpdir(), 'one-source-'));
  try {
    const app = new App({ outdir });
    build(app);
    SfbArtifacts.writeTo(app);
    app.synth();
    const documents = new Map<string, string>();
    for (const file of ['runbook.md', 'topology.tbxml']) documents.set(file, readFileSync(join(outdir, file), 'utf8'));
    for (const file of readdirSync(join(outdir, 'reports')).sort()) documents.set(`reports/${file}`, readFileSync(join(outdir, 'reports', file), 'utf8'));
    const outputs = new Map<string, { value: unknown }>();
    for (const stack of readdirSync(join(outdir, 'stacks')).sort()) {
      const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      for (const [name, output] of Object.entries(json.output ?? {})) outputs.set(name, output as { value: unknown });
    }
    return { documents, outputs };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** One stack with the provider, as the single-stack examples' main.ts build it. */
const inOneStack = (id: string, build: (scope: Construct) => unknown) => (app: App) => {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build(stack);
};

const EXAMPLES: Record<string, (app: App) => void> = {
  reference: (app) => buildReferenceTopology(app, REFERENCE_APP_OPTIONS),
  lab: (app) => buildLabTopology(app),
  sfb2015: inOneStack('sfb-2015', buildSfb2015Topology),
  lync2013: inOneStack('lync-2013', buildLync2013Topology),
  hybrid: inOneStack('hybrid', buildHybridTopology),
  voice: inOneStack('voice', buildVoiceTopology),
};

const all = (text: string, re: RegExp, group = 1) => [...text.matchAll(re)].map((m) => m[group]);
const basename = (path: string) => path.split('\\').pop()!;
const unique = (xs: readonly string[]) => [...new Set(xs)].sort();

/** File names an export command writes: the script's `Join-Path $dir "<name>"`, or a listed `Export-Cs* -FileName <path>`. */
export function writtenFiles(text: string): string[] {
  return unique([
    ...all(text, /Join-Path \$dir "([^"]+)"/g),
    ...all(text, /Export-Cs\w+ [^`\n]*?-FileName "?([^"\s`(]+)/g).filter((f) => !f.includes('$')).map(basename),
  ]);
}

/** File names a restore or failover step imports (`Import-Cs*`, `Update-CsUserData`). */
export function importedFiles(text: string): string[] {
  return unique(all(text, /(?:Import-Cs\w+|Update-CsUserData) [^`\n]*?-FileName "?([^"\s`]+)/g).map(basename));
}

/** Terraform output names the text cites. */
export function citedOutputs(text: string): string[] {
  return unique([...all(text, /Terraform output `([^`]+)`/g), ...all(text, /`([^`\s]+)` output\b/g), ...all(text, /terraform output -json (\w+)/g)]);
}

/** Section references: `see "<heading>"` and `("<heading>")`. */
export function sectionReferences(text: string): string[] {
  return unique([...all(text, /\bsee "([^"]+)"/g), ...all(text, /\("([^"]+)"\)/g).filter((r) => !r.includes('<br/>'))]);
}

/** Section references that are not quoted, which nothing can check (`see Restore below`, `see the roles section`). */
export function unquotedReferences(text: string): string[] {
  return unique(all(text, /\bsee ((?:the )?[A-Za-z][\w -]*? (?:below|above|section))\b/g));
}

const headingsOf = (text: string) => all(text, /^#{1,6} (.+)$/gm);
/** A reference names a heading exactly, or without the rule IDs the heading ends with. */
const resolves = (ref: string, headings: readonly string[]) => headings.some((h) => h === ref || h.startsWith(`${ref} (`));

/** Local files the text cites: paths into the repository, and the artifacts by name. */
export function citedFiles(text: string): string[] {
  return unique([
    ...all(text, /(?<![\w/.:-])((?:docs|reports|shared|lib|test|examples|scripts|bench)\/[\w./-]*\w\.(?:md|ts|json|tbxml|mjs))/g),
    ...all(text, /(?<![\w/.:\\-])(runbook\.md|topology\.tbxml)/g),
  ]);
}

const PACKAGE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { files: string[] };
/** Whether the package ships `file` (package.json `files`: `docs/*.md` ships the top-level docs only). */
function shipped(file: string): boolean {
  return PACKAGE.files.some((glob) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`).test(file));
}

/** The SQL stores the artifacts name, `fqdn` -> instance (`''` for the default instance). */
function instancesIn(documents: ReadonlyMap<string, string>): { readonly runbook: Map<string, string>; readonly backup: Map<string, string>; readonly tbxml: Map<string, string> } {
  const runbook = new Map<string, string>();
  for (const m of documents.get('runbook.md')!.matchAll(/-(?:Backup)?SqlServerFqdn (\S+?)(?: -(?:Backup)?SqlInstanceName (\w+))?[\s`]/g)) runbook.set(m[1].toLowerCase(), (m[2] ?? '').toLowerCase());
  const backup = new Map<string, string>();
  for (const m of (documents.get('reports/backup.md') ?? '').matchAll(/\| ([\w.-]+\.[a-z]+)(?:\\(\w+))? \((?:always-on|mirroring|standalone|failover-cluster)\)/g)) backup.set(m[1].toLowerCase(), (m[2] ?? '').toLowerCase());
  const tbxml = new Map<string, string>();
  const doc = documents.get('topology.tbxml')!;
  for (const m of doc.matchAll(/<Cluster [^>]*Fqdn="([^"]+)"[^>]*>(?:(?!<\/Cluster>)[\s\S])*?<SqlInstance Name="([^"]*)"/g)) tbxml.set(m[1].toLowerCase(), m[2].toLowerCase());
  return { runbook, backup, tbxml };
}

describe.each(Object.keys(EXAMPLES))('the %s example: one source per fact', (name) => {
  let artifacts: Artifacts;
  beforeAll(() => {
    artifacts = synthesize(EXAMPLES[name]);
  });
  const runbook = () => artifacts.documents.get('runbook.md')!;
  const markdown = () => [...artifacts.documents].filter(([file]) => file.endsWith('.md'));

  test('every file a restore or failover step imports is one the exports write', () => {
    const scripts = [...artifacts.outputs].filter(([n]) => n.endsWith('_backup_export_task')).map(([, o]) => (o.value as { script: string }).script);
    // With backups the export task's script is what writes; without, the routine exports the runbook lists.
    const written = scripts.length > 0 ? unique(scripts.flatMap(writtenFiles)) : writtenFiles(runbook());
    expect(written.length).toBeGreaterThan(0);
    expect({ imported: importedFiles(runbook()).filter((f) => !written.includes(f)), listed: writtenFiles(runbook()).filter((f) => !written.includes(f)) }).toEqual({ imported: [], listed: [] });
  });

  test('every Terraform output the artifacts name exists, and every export task output is named', () => {
    for (const [file, text] of markdown()) expect({ file, missing: citedOutputs(text).filter((o) => !artifacts.outputs.has(o)) }).toEqual({ file, missing: [] });
    const tasks = [...artifacts.outputs.keys()].filter((n) => n.endsWith('_backup_export_task'));
    expect(tasks.filter((t) => !citedOutputs(runbook()).includes(t))).toEqual([]);
  });

  test('every "see <section>" points at a heading that exists', () => {
    const runbookHeadings = headingsOf(runbook());
    for (const [file, text] of markdown()) {
      const headings = [...headingsOf(text), ...runbookHeadings];
      expect({ file, dangling: sectionReferences(text).filter((r) => !resolves(r, headings)), unquoted: unquotedReferences(text) }).toEqual({ file, dangling: [], unquoted: [] });
    }
  });

  test('every local file the artifacts cite is written beside them or shipped in the package', () => {
    const written = [...artifacts.documents.keys()];
    for (const [file, text] of artifacts.documents) {
      const missing = citedFiles(text).filter((f) => !written.includes(f) && !(shipped(f) && existsInRepo(f)));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  test('each SQL store has one instance in the runbook, reports/backup.md and topology.tbxml', () => {
    const { runbook: rb, backup, tbxml } = instancesIn(artifacts.documents);
    expect(rb.size + backup.size).toBeGreaterThan(0);
    for (const [source, map] of [['runbook.md', rb], ['reports/backup.md', backup]] as const) {
      for (const [fqdn, instance] of map) {
        if (tbxml.has(fqdn)) expect({ source, fqdn, instance }).toEqual({ source, fqdn, instance: tbxml.get(fqdn) });
      }
    }
    for (const [fqdn, instance] of backup) if (rb.has(fqdn)) expect({ fqdn, instance }).toEqual({ fqdn, instance: rb.get(fqdn) });
  });
});

function existsInRepo(file: string): boolean {
  try {
    readFileSync(join(__dirname, '..', '..', file));
    return true;
  } catch {
    return false;
  }
}

describe('the readers of the one-source test', () => {
  test('find drift they are meant to find', () => {
    expect(importedFiles('`Import-CsLisConfiguration -FileName <path>\\CsLisConfiguration.zip`')).toEqual(['CsLisConfiguration.zip']);
    expect(writtenFiles('Export-CsLisConfiguration -FileName (Join-Path $dir "lis.zip")')).toEqual(['lis.zip']);
    expect(citedOutputs('the Terraform output `export-task` of the site')).toEqual(['export-task']);
    expect(unquotedReferences('(see Restore below)')).toEqual(['Restore below']);
    expect(sectionReferences('see "Restore points"')).toEqual(['Restore points']);
    expect(citedFiles('(see shared/reference/service-port-bindings.md) and docs/lab.md, Skype/x/docs/y.md')).toEqual(['docs/lab.md', 'shared/reference/service-port-bindings.md']);
    expect(shipped('docs/lab.md')).toBe(true);
    expect(shipped('shared/reference/service-port-bindings.md')).toBe(false);
  });
});
