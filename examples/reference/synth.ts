/** Synthesizes the reference topology, a stack per site, and writes its DR runbook and planning reports beside the stacks. */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
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

/** `app.synth()`, then `<outdir>/runbook.md` and `<outdir>/reports/*.md` from the deployment's model. */
export function synthReference(outdir?: string): ReferenceSynthesis {
  const app = new App(outdir ? { outdir } : {});
  const { deployment } = buildReferenceTopology(app, REFERENCE_APP_OPTIONS);
  app.synth();
  const runbookPath = join(app.outdir, 'runbook.md');
  writeFileSync(runbookPath, deployment.runbook());
  const reportsDir = join(app.outdir, 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const [file, text] of Object.entries(deployment.reports())) writeFileSync(join(reportsDir, file), text);
  return { outdir: app.outdir, runbookPath, reportsDir };
}
