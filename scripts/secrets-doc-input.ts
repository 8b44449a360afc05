/** Synthesizes the example apps and reads their stacks' sensitive variables, for the secrets tables. */
import { Construct } from 'constructs';
import { buildLabTopology } from '../examples/lab/topology';
import { buildHybridTopology } from '../examples/hybrid/topology';
import { buildLync2013Topology } from '../examples/lync2013/topology';
import { REFERENCE_APP_OPTIONS } from '../examples/reference/synth';
import { buildReferenceTopology } from '../examples/reference/topology';
import { buildSfb2015Topology } from '../examples/sfb2015/topology';
import { AzurermProvider } from '../lib/azurerm';
import { App, TerraformStack, Testing } from '../lib/cdktf';
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

/**
 * Every stack of one example app that declares a sensitive variable. `inYourProject`: the command as a
 * user's project runs it (its cdktf.json names its app), not through a file only the repository has.
 */
function exampleStacks(e: Example, inYourProject = false): StackSecrets[] {
  const app = new App();
  e.build(app);
  return app.node.children
    .filter(TerraformStack.isStack)
    .map((stack) => ({
      stack: stack.node.id,
      deployCommand: inYourProject ? `npx cdktf deploy ${stack.node.id}` : `npx cdktf deploy --app "npx tsx ${e.main}" ${stack.node.id}`,
      variables: sensitiveVariables(JSON.parse(Testing.synth(stack as TerraformStack))),
    }))
    .filter((s) => s.variables.length > 0);
}

/** Every stack of every example, for README.md. */
export function secretsDocInput(): StackSecrets[] {
  return EXAMPLES.flatMap((e) => exampleStacks(e));
}

/** The lab's stacks as one deployment: every stack in one command, every variable any of them needs. */
export function labDeployInput(): StackSecrets {
  const lab = EXAMPLES.find((e) => e.name === 'lab')!;
  const app = new App();
  lab.build(app);
  const stacks = app.node.children.filter(TerraformStack.isStack).map((s) => s.node.id);
  const variables = new Map(exampleStacks(lab, true).flatMap((s) => s.variables).map((v) => [v.name, v]));
  return {
    stack: stacks.join(' '),
    deployCommand: `npx cdktf deploy ${stacks.join(' ')}`,
    variables: [...variables.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The lab's stacks, for docs/lab.md (commands as the user's project runs them). */
export function labStacksInput(): StackSecrets[] {
  return exampleStacks(EXAMPLES.find((e) => e.name === 'lab')!, true);
}

/** The stacks the lab example synthesizes, for the docs/lab.md commands that name them. */
export function labStackNames(): string[] {
  const app = new App();
  EXAMPLES.find((e) => e.name === 'lab')!.build(app);
  return app.node.children.filter(TerraformStack.isStack).map((s) => s.node.id);
}
