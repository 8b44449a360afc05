/** `npx cdktf synth --app "npx tsx examples/hybrid/main.ts"`: the Teams hybrid example into cdktf.out/, with its runbook. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildHybridTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-hybrid');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const { deployment } = buildHybridTopology(stack);
app.synth();
writeFileSync(join(app.outdir, 'runbook.md'), deployment.runbook());
