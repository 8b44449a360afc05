/**
 * The two-region lab: `cdktf deploy` with the app set to this file (see docs/lab.md):
 *   export every TF_VAR_ variable docs/lab.md lists (generated from this stack), then
 *   npx cdktf deploy --app "npx tsx examples/lab/main.ts" sfb-lab
 */
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildLabTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-lab');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
buildLabTopology(stack);
app.synth();
