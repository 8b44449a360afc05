/**
 * docs/lab.md as a user of the package follows it (issue 28: it destroyed a stack `sfb-lab` that does not
 * exist and ran a file the package does not ship): every `cdktf deploy` / `cdktf destroy` names stacks the
 * lab synthesizes, and no command runs a file outside the package.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { labStackNames } from '../../scripts/secrets-doc-input';

const ROOT = join(__dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'lab.md'), 'utf8');
const commands = [...doc.matchAll(/npx cdktf (deploy|destroy)((?: [^\s`]+)+)/g)].map((m) => ({ verb: m[1]!, args: m[2]!.trim().split(' ') }));
const FILES = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;

test('every deploy and destroy command names stacks the lab synthesizes, and the destroy takes them all', () => {
  const stacks = labStackNames();
  expect(commands.length).toBeGreaterThan(0);
  for (const c of commands) expect({ ...c, unknown: c.args.filter((a) => !stacks.includes(a)) }).toEqual({ ...c, unknown: [] });
  expect(commands.filter((c) => c.verb === 'destroy').map((c) => [...c.args].sort())).toEqual([[...stacks].sort()]);
});

test('no command runs a file the package does not ship (an --app of the repository\'s examples)', () => {
  const shipped = (file: string) => FILES.some((glob) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`).test(file));
  const runs = [...doc.matchAll(/^(?:npx |node |tsx )[^\n]*?([\w./-]+\.(?:ts|js|mjs))/gm)].map((m) => m[1]!);
  expect(runs.filter((f) => !shipped(f))).toEqual([]);
});
