/** Synthesizes the example stacks and reads their sensitive variables, for the secrets tables. */
import { buildLabTopology } from '../examples/lab/topology';
import { buildLync2013Topology } from '../examples/lync2013/topology';
import { buildReferenceTopology } from '../examples/reference/topology';
import { AzurermProvider } from '../lib/azurerm';
import { App, TerraformStack, Testing } from '../lib/cdktf';
import { StackSecrets } from '../lib/reports/secrets-doc';

const EXAMPLES: readonly { stack: string; main: string; build: (stack: TerraformStack) => unknown }[] = [
  { stack: 'sfb-reference', main: 'examples/reference/main.ts', build: (s) => buildReferenceTopology(s) },
  { stack: 'sfb-lab', main: 'examples/lab/main.ts', build: (s) => buildLabTopology(s) },
  { stack: 'sfb-lync2013', main: 'examples/lync2013/main.ts', build: (s) => buildLync2013Topology(s) },
];

/** The sensitive variables of one synthesized stack (parsed JSON), sorted by name. */
export function sensitiveVariables(json: { variable?: Record<string, { sensitive?: boolean; description?: string; default?: unknown }> }): StackSecrets['variables'] {
  return Object.entries(json.variable ?? {})
    .filter(([, v]) => v.sensitive === true)
    .map(([name, v]) => ({ name, description: v.description ?? '', required: !('default' in v) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function secretsDocInput(): StackSecrets[] {
  return EXAMPLES.map((e) => {
    const app = new App();
    const stack = new TerraformStack(app, e.stack);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    e.build(stack);
    const json = JSON.parse(Testing.synth(stack));
    return { stack: e.stack, deployCommand: `npx cdktf deploy --app "npx tsx ${e.main}" ${e.stack}`, variables: sensitiveVariables(json) };
  });
}
