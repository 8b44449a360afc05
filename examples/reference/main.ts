/**
 * `npm run synth` runs this through the cdktf CLI: the reference topology into cdktf.out/, and its
 * planning reports (DNS, certificates, firewall, hardware, diagram, findings) into cdktf.out/reports/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildReferenceTopology } from './topology';

const app = new App();
const stack = new TerraformStack(app, 'sfb-reference');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const { deployment } = buildReferenceTopology(stack);
app.synth();

const reports = path.join(app.outdir, 'reports');
fs.mkdirSync(reports, { recursive: true });
for (const [file, text] of Object.entries(deployment.reports())) fs.writeFileSync(path.join(reports, file), text);
