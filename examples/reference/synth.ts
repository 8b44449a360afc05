/** Synthesizes the reference topology and writes its DR runbook and planning reports beside the stacks. */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack } from '../../lib/cdktf';
import { buildReferenceTopology } from './topology';

export interface ReferenceSynthesis {
  readonly outdir: string;
  readonly runbookPath: string;
  /** `<outdir>/reports`: DNS, certificates, firewall, hardware, diagram and findings. */
  readonly reportsDir: string;
}

/** `app.synth()`, then `<outdir>/runbook.md` and `<outdir>/reports/*.md` from the deployment's model. */
export function synthReference(outdir?: string): ReferenceSynthesis {
  const app = new App(outdir ? { outdir } : {});
  const stack = new TerraformStack(app, 'sfb-reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const { deployment } = buildReferenceTopology(stack);
  app.synth();
  const runbookPath = join(app.outdir, 'runbook.md');
  writeFileSync(runbookPath, deployment.runbook());
  const reportsDir = join(app.outdir, 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const [file, text] of Object.entries(deployment.reports())) writeFileSync(join(reportsDir, file), text);
  return { outdir: app.outdir, runbookPath, reportsDir };
}
