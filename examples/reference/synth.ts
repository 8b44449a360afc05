/** Synthesizes the reference topology, a stack per site, and writes its DR runbook and planning reports beside the stacks. */
import { join } from 'path';
import { SfbArtifacts } from '../../lib';
import { App } from '../../lib/cdktf';
import { buildReferenceTopology, ReferenceTopologyOptions } from './topology';

/**
 * The reference as `npm run synth` builds it: in the App, so the deployment makes `contoso-global`,
 * `contoso-west` and `contoso-north`; deployment-wide resources in a region no site uses (GLOBAL-1).
 */
export const REFERENCE_APP_OPTIONS: ReferenceTopologyOptions = { globalLocation: 'francecentral' };

export interface ReferenceSynthesis {
  readonly outdir: string;
  readonly runbookPath: string;
  /** `<outdir>/reports`: DNS, certificates, firewall, hardware, diagram and findings. */
  readonly reportsDir: string;
}

/** `app.synth()` with `SfbArtifacts.writeTo(app)`: the stacks, `<outdir>/runbook.md` and `<outdir>/reports/*.md`. */
export function synthReference(outdir?: string): ReferenceSynthesis {
  const app = new App(outdir ? { outdir } : {});
  buildReferenceTopology(app, REFERENCE_APP_OPTIONS);
  SfbArtifacts.writeTo(app);
  app.synth();
  return { outdir: app.outdir, runbookPath: join(app.outdir, 'runbook.md'), reportsDir: join(app.outdir, 'reports') };
}
