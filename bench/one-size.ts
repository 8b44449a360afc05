/** One benchmark size in a fresh process, so peak memory is this size's own. Prints one JSON line. */
import { buildScaledTopology } from './scaled-topology';
import { AzurermProvider } from '../lib/azurerm';
import { skipTokenStackTraces, TerraformResource, TerraformStack, Testing } from '../lib/cdktf';

// As in examples/reference/main.ts (see lib/cdktf.ts); both modes run alike, so the ratio stays fair.
skipTokenStackTraces();

const pairs = Number(process.argv[2]);
const mode = process.argv[3] ?? 'library';

function plainStack(json: any): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'plain');
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource)) {
    for (const [name, body] of Object.entries(byName)) {
      const r = new TerraformResource(stack, name, { terraformResourceType: type });
      for (const [key, value] of Object.entries(body)) if (key !== '//') r.addOverride(key, value);
    }
  }
  return stack;
}

const started = process.hrtime.bigint();
let resources = 0;
if (mode === 'library') {
  const stack = new TerraformStack(Testing.app(), 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildScaledTopology(stack, pairs);
  const json = JSON.parse(Testing.synth(stack, true));
  resources = Object.values<Record<string, unknown>>(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
} else {
  // cdktf alone: the same resources as plain TerraformResources (JSON produced beforehand, not timed).
  const stack = new TerraformStack(Testing.app(), 'source');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildScaledTopology(stack, pairs);
  const json = JSON.parse(Testing.synth(stack));
  const t0 = process.hrtime.bigint();
  const plain = plainStack(json);
  Testing.synth(plain);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ pairs, ms }) + '\n');
  process.exit(0);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ pairs, resources, ms, peakMb }) + '\n');
