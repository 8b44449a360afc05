/**
 * The two-region lab, a stack per site: `cdktf deploy` with the app set to this file (see docs/lab.md):
 *   export every TF_VAR_ variable docs/lab.md lists (generated from these stacks), then
 *   npx cdktf deploy --app "npx tsx examples/lab/main.ts" contoso-global contoso-west contoso-north
 */
import { SfbArtifacts } from '../../lib';
import { App } from '../../lib/cdktf';
import { buildLabTopology } from './topology';

const app = new App();
buildLabTopology(app);
SfbArtifacts.writeTo(app); // runbook.md and reports/ beside the stacks
app.synth();
