/** `npm run synth` runs this through the cdktf CLI: the reference topology into cdktf.out/. */
// cdktf captures a full stack trace for every token it creates; with the source maps tsx turns on,
// that dominates synthesis of large topologies (measured: about 2x). Findings are reported by
// message, so stack positions are not needed here.
process.setSourceMapsEnabled(false);

import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildReferenceTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-reference');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
buildReferenceTopology(stack);
app.synth();
