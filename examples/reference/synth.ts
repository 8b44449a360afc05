/** Synthesizes the reference topology and writes its DR runbook and planning reports beside the stacks. */
import { join } from 'path';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack } from '../../lib/cdktf';
import { SfbArtifacts } from '../../lib';
import { buildReferenceTopology } from './topology';

export interface ReferenceSynthesis {
  readonly outdir: string;
  readonly runbookPath: string;
  /** `<outdir>/reports`: DNS, certificates, firewall, hardware, diagram and findings. */
  readonly reportsDir: string;
}

/** `app.synth()` with `SfbArtifacts.writeTo(app)`: the stacks, `<outdir>/runbook.md` and `<outdir>/reports/*.md`. */
export function synthReference(outdir?: string): ReferenceSynthesis {
  const app = new App(outdir ? { outdir } : {});
  const stack = new TerraformStack(app, 'sfb-reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildReferenceTopology(stack);
  SfbArtifacts.writeTo(app);
  app.synth();
  return { outdir: app.outdir, runbookPath: join(app.outdir, 'runbook.md'), reportsDir: join(app.outdir, 'reports') };
}
