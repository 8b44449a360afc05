/** `npx cdktf synth --app "npx tsx examples/voice/main.ts"`: the voice example into cdktf.out/, with its runbook. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildVoiceTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-voice');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const { deployment } = buildVoiceTopology(stack);
app.synth();
writeFileSync(join(app.outdir, 'runbook.md'), deployment.runbook());
