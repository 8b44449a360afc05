/**
 * Every catalog rule whose status is "in the runbook" is in the runbook: at least one example's runbook
 * names its ID (next to the step that carries it out), and every section its status text quotes is a
 * heading of one of those runbooks (`<FQDN>` standing for the name the topology fills in). A status that
 * is not true fails here; a design-time fact gets another status (LAB-5: not modelled, docs/lab.md).
 */
import { Construct } from 'constructs';
import { SfbDeployment } from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack } from '../../lib/cdktf';
import { ALL_STATUS } from '../../lib/rules';
import { RuleStatusKind } from '../../lib/rules/rule';
import { buildHybridTopology } from '../../examples/hybrid/topology';
import { buildLabTopology } from '../../examples/lab/topology';
import { buildLync2013Topology } from '../../examples/lync2013/topology';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { REFERENCE_APP_OPTIONS } from '../../examples/reference/synth';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { buildVoiceTopology } from '../../examples/voice/topology';

/** One stack with the provider, as the single-stack examples' main.ts build it. */
const inOneStack = (build: (scope: Construct) => { readonly deployment: SfbDeployment }) => (app: App) => {
  const stack = new TerraformStack(app, 'example');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return build(stack).deployment;
};

const EXAMPLES: Record<string, (app: App) => SfbDeployment> = {
  reference: (app) => buildReferenceTopology(app, REFERENCE_APP_OPTIONS).deployment,
  lab: (app) => buildLabTopology(app).deployment,
  sfb2015: inOneStack(buildSfb2015Topology),
  lync2013: inOneStack(buildLync2013Topology),
  hybrid: inOneStack(buildHybridTopology),
  voice: inOneStack(buildVoiceTopology),
};

const runbooks = Object.entries(EXAMPLES).map(([name, build]) => ({ name, text: build(new App()).runbook() }));
const headings = runbooks.flatMap((r) => [...r.text.matchAll(/^#{2,6} (.+)$/gm)].map((m) => m[1]));
const inRunbook = ALL_STATUS.filter((s) => s.status === RuleStatusKind.IN_RUNBOOK).sort((a, b) => (a.id < b.id ? -1 : 1));

/** The rule ID as a word: `PAIR-1` must not match inside `PAIR-13`, nor `FE-1` inside `FE-18`. */
export function namesRule(text: string, id: string): boolean {
  return new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(text);
}
/** The quoted headings of a status note; `<FQDN>` (any `<...>`) stands for the part the topology fills in. */
export function quotedHeadings(note: string): string[] {
  return [...note.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}
export function isHeading(quoted: string, all: readonly string[]): boolean {
  const pattern = new RegExp(`^${quoted.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\S+')}$`);
  return all.some((h) => pattern.test(h));
}

describe('catalog rules "in the runbook" are in the examples\' runbooks', () => {
  test('the status is in use', () => {
    expect(inRunbook.length).toBeGreaterThan(10);
  });

  test.each(inRunbook.map((s) => [s.id, s] as const))('%s: an example runbook names it, and its status names runbook sections that exist', (id, s) => {
    const namedBy = runbooks.filter((r) => namesRule(r.text, id)).map((r) => r.name);
    const quoted = quotedHeadings(s.note);
    expect({ id, named: namedBy.length > 0, namesASection: /\bsections? "/.test(s.note), missing: quoted.filter((q) => !isHeading(q, headings)) }).toEqual({ id, named: true, namesASection: true, missing: [] });
  });
});

describe('the readers of this test', () => {
  test('find what they are meant to find', () => {
    expect(namesRule('steps (PAIR-13; x)', 'PAIR-1')).toBe(false);
    expect(namesRule('steps (PAIR-13; x)', 'PAIR-13')).toBe(true);
    expect(namesRule('(RESTORE-2, RESTORE-3)', 'RESTORE-3')).toBe(true);
    expect(quotedHeadings('the runbook section "Front End pool <FQDN>", its "Restore" steps')).toEqual(['Front End pool <FQDN>', 'Restore']);
    expect(isHeading('Front End pool <FQDN>', ['Front End pool pool-west.corp.contoso.com'])).toBe(true);
    expect(isHeading('Front End pool <FQDN>', ['Front End pool pool-west.corp.contoso.com extra'])).toBe(false);
    expect(isHeading('Restore points', ['Restore'])).toBe(false);
  });
});
