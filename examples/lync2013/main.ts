/** `npx cdktf synth --app "npx tsx examples/lync2013/main.ts"`: the Lync Server 2013 example, its runbook.md and reports/ into cdktf.out/. */
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { SfbArtifacts } from '../../lib';
import { buildLync2013Topology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-lync2013');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
buildLync2013Topology(stack);
SfbArtifacts.writeTo(app); // runbook.md and reports/ beside the stacks
app.synth();
