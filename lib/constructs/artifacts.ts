/**
 * Writes each deployment's generated documents (the DR runbook, the topology document and the planning reports) into the
 * app's outdir when the app synthesizes, so a user's own cdktf app gets them beside its stacks the
 * way `npm run synth` does for the reference example.
 *
 * Why a wrapper around `app.synth()` rather than cdktf's custom synthesis hook: that hook only runs for
 * constructs inside a `TerraformStack`, once per stack and before the other stacks are checked, while a
 * deployment may sit directly under the `App` (one stack per site) and its documents should appear only
 * once every stack has synthesized and passed validation. Wrapping the app's own `synth` covers
 * `app.synth()` and `cdktf synth` alike, sees deployments created after the call, and writes nothing when
 * synthesis fails.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { App } from '../cdktf';
import { SfbDeployment } from './deployment';

const WRAPPED = Symbol.for('cdktf-sfb-hadr.SfbArtifacts');

/** Generated documents of the deployments in an app: `runbook.md`, `topology.tbxml` and `reports/*.md`. */
export class SfbArtifacts {
  /**
   * Makes `app.synth()` (and so `cdktf synth`) write, after every stack has synthesized:
   *
   * - one deployment in the app: `<outdir>/runbook.md`, `<outdir>/topology.tbxml` (the Topology Builder
   *   document, `deployment.topologyDocument()`) and `<outdir>/reports/*.md` (DNS, certificates,
   *   firewall, hardware, topology diagram, findings);
   * - several: the same files per deployment under `<outdir>/deployments/<construct path>/`, e.g.
   *   `cdktf.out/deployments/sfb/contoso/runbook.md`.
   *
   * Call it once, before `app.synth()`; deployments created after the call are included, a second call
   * changes nothing. Nothing is written when synthesis fails (an error finding, for one). Each
   * deployment's `reports/` folder is replaced, so a report that is no longer produced does not linger.
   */
  static writeTo(app: App): void {
    const target = app as App & { [WRAPPED]?: true };
    if (target[WRAPPED]) return;
    Object.defineProperty(target, WRAPPED, { value: true });
    const synth = app.synth.bind(app);
    app.synth = () => {
      synth();
      SfbArtifacts.write(app);
    };
  }

  /** Where `writeTo` puts a deployment's documents, relative to the app's outdir (`""` = the outdir). */
  static directoryOf(app: App, deployment: SfbDeployment): string {
    const deployments = SfbArtifacts.deploymentsOf(app);
    if (deployments.length === 1 && deployments[0] === deployment) return '';
    if (!deployments.includes(deployment)) {
      throw new Error(`SfbArtifacts: deployment ${deployment.node.path} is not in this app`);
    }
    return join('deployments', ...deployment.node.path.split('/'));
  }

  private static deploymentsOf(app: App): SfbDeployment[] {
    return app.node.findAll().filter(SfbDeployment.isSfbDeployment);
  }

  private static write(app: App): void {
    for (const deployment of SfbArtifacts.deploymentsOf(app)) {
      const dir = join(app.outdir, SfbArtifacts.directoryOf(app, deployment));
      const reportsDir = join(dir, 'reports');
      rmSync(reportsDir, { recursive: true, force: true });
      mkdirSync(reportsDir, { recursive: true });
      writeFileSync(join(dir, 'runbook.md'), deployment.runbook());
      writeFileSync(join(dir, 'topology.tbxml'), deployment.topologyDocument());
      for (const [file, text] of Object.entries(deployment.reports())) writeFileSync(join(reportsDir, file), text);
    }
  }

  private constructor() {}
}
