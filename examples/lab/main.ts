/**
 * The two-region lab: `cdktf deploy` with the app set to this file (see docs/lab.md):
 *   TF_VAR_contoso_admin_password='...' npx cdktf deploy --app "npx tsx examples/lab/main.ts" sfb-lab
 */
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { SfbArtifacts } from '../../lib';
import { buildLabTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-lab');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
buildLabTopology(stack);
SfbArtifacts.writeTo(app); // runbook.md and reports/ beside the stacks
app.synth();
