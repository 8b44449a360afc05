/** `npm run synth` runs this through the cdktf CLI: the reference topology into cdktf.out/. */
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildReferenceTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-reference');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
buildReferenceTopology(stack);
app.synth();
