/** Synthesizes the example apps and reads their stacks' sensitive variables, for the secrets tables. */
import { Construct } from 'constructs';
import { buildLabTopology } from '../examples/lab/topology';
import { buildHybridTopology } from '../examples/hybrid/topology';
import { buildLync2013Topology } from '../examples/lync2013/topology';
import { REFERENCE_APP_OPTIONS } from '../examples/reference/synth';
import { buildReferenceTopology } from '../examples/reference/topology';
import { buildSfb2015Topology } from '../examples/sfb2015/topology';
import { AzurermProvider } from '../lib/azurerm';
import { App, TerraformStack } from '../lib/cdktf';
import { StackSecrets } from '../lib/reports/secrets-doc';

interface Example {
  readonly name: string;
  readonly main: string;
  /** Builds the example as its main.ts does: into the App (a stack per site) or into one stack. */
  readonly build: (app: App) => unknown;
}

/** One stack the example makes itself, with the provider its author adds. */
function singleStack(app: App, id: string, build: (scope: Construct) => unknown): void {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build(stack);
}

const EXAMPLES: readonly Example[] = [
  { name: 'reference', main: 'examples/reference/main.ts', build: (app) => buildReferenceTopology(app, REFERENCE_APP_OPTIONS) },
  { name: 'lab', main: 'examples/lab/main.ts', build: (app) => buildLabTopology(app) },
  { name: 'hybrid', main: 'examples/hybrid/main.ts', build: (app) => singleStack(app, 'sfb-hybrid', buildHybridTopology) },
  { name: 'sfb2015', main: 'examples/sfb2015/main.ts', build: (app) => singleStack(app, 'sfb-2015', buildSfb2015Topology) },
  { name: 'lync2013', main: 'examples/lync2013/main.ts', build: (app) => singleStack(app, 'sfb-lync2013', buildLync2013Topology) },
];

/** The sensitive variables of one synthesized stack (parsed JSON), sorted by name. */
export function sensitiveVariables(json: { variable?: Record<string, { sensitive?: boolean; description?: string; default?: unknown }> }): StackSecrets['variables'] {
  return Object.entries(json.variable ?? {})
    .filter(([, v]) => v.sensitive === true)
    .map(([name, v]) => ({ name, description: v.description ?? '', required: !('default' in v) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One example app, synthesized once: its stack IDs and the stacks that declare a sensitive variable. */
export interface SynthesizedExample {
  readonly name: string;
  readonly main: string;
  readonly stackIds: readonly string[];
  readonly secrets: readonly StackSecrets[];
}

function synthesize(e: Example): SynthesizedExample {
  const app = new App();
  e.build(app);
  const stacks = app.node.children.filter(TerraformStack.isStack) as TerraformStack[];
  const secrets = stacks
    .map((stack) => ({
      stack: stack.node.id,
      deployCommand: `npx cdktf deploy --app "npx tsx ${e.main}" ${stack.node.id}`,
      variables: sensitiveVariables(stack.toTerraform()),
    }))
    .filter((s) => s.variables.length > 0);
  return { name: e.name, main: e.main, stackIds: stacks.map((s) => s.node.id), secrets };
}

/** Every example, each synthesized once (the secrets tables and the lab deploy command all read these). */
export function synthesizeExamples(): readonly SynthesizedExample[] {
  return EXAMPLES.map(synthesize);
}

/** Every stack of every example, for README.md. */
export function secretsDocInput(examples: readonly SynthesizedExample[]): StackSecrets[] {
  return examples.flatMap((e) => e.secrets);
}

function labOf(examples: readonly SynthesizedExample[]): SynthesizedExample {
  const lab = examples.find((e) => e.name === 'lab');
  if (!lab) throw new Error('the examples have no lab');
  return lab;
}

/** The lab's stacks as one deployment: every stack in one command, every variable any of them needs. */
export function labDeployInput(examples: readonly SynthesizedExample[]): StackSecrets {
  const lab = labOf(examples);
  const variables = new Map(lab.secrets.flatMap((s) => s.variables).map((v) => [v.name, v]));
  return {
    stack: lab.stackIds.join(' '),
    // As a user's project runs it (its cdktf.json names its app), not through a file only the repository has.
    deployCommand: `npx cdktf deploy ${lab.stackIds.join(' ')}`,
    variables: [...variables.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The lab's stacks, for docs/lab.md (commands as the user's project runs them). */
export function labStacksInput(examples: readonly SynthesizedExample[]): StackSecrets[] {
  return labOf(examples).secrets.map((s) => ({ ...s, deployCommand: `npx cdktf deploy ${s.stack}` }));
}

/** The stacks the lab example synthesizes, for the docs/lab.md commands that name them. */
export function labStackNames(): string[] {
  const app = new App();
  EXAMPLES.find((e) => e.name === 'lab')!.build(app);
  return app.node.children.filter(TerraformStack.isStack).map((s) => s.node.id);
}
