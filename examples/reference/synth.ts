/** Synthesizes the reference topology and writes its DR runbook beside the stacks. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack } from '../../lib/cdktf';
import { buildReferenceTopology } from './topology';

export interface ReferenceSynthesis {
  readonly outdir: string;
  readonly runbookPath: string;
}

/** `app.synth()`, then `<outdir>/runbook.md` from the deployment's model. */
export function synthReference(outdir?: string): ReferenceSynthesis {
  const app = new App(outdir ? { outdir } : {});
  const stack = new TerraformStack(app, 'sfb-reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const { deployment } = buildReferenceTopology(stack);
  app.synth();
  const runbookPath = join(app.outdir, 'runbook.md');
  writeFileSync(runbookPath, deployment.runbook());
  return { outdir: app.outdir, runbookPath };
}
