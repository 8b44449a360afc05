/** `npx cdktf synth --app "npx tsx examples/sfb2015/main.ts"`: the legacy Skype for Business Server 2015 example (Persistent Chat, XMPP) into cdktf.out/, one stack. */
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildSfb2015Topology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-2015');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
buildSfb2015Topology(stack);
app.synth();
