/**
 * A CPU profile of one warm library synthesis at N pool pairs (default 16), for finding where the
 * library's own time goes: `npx tsx bench/profile.ts 16` writes `library-<N>.cpuprofile` (open it in
 * Chrome DevTools or VS Code). The first synthesis warms the JIT and is not profiled.
 */
import { Session } from 'inspector';
import { writeFileSync } from 'fs';
import { buildScaledTopology } from './scaled-topology';
import { AzurermProvider } from '../lib/azurerm';
import { skipTokenStackTraces, TerraformStack, Testing } from '../lib/cdktf';
skipTokenStackTraces();
const pairs = Number(process.argv[2] ?? 16);
function lib() {
  const stack = new TerraformStack(Testing.app(), 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildScaledTopology(stack, pairs);
  return Testing.synth(stack, true);
}
lib();
const s = new Session(); s.connect();
s.post('Profiler.enable', () => s.post('Profiler.setSamplingInterval', { interval: 200 }, () => s.post('Profiler.start', () => {
  lib();
  s.post('Profiler.stop', (_err, { profile }) => { writeFileSync(`library-${pairs}.cpuprofile`, JSON.stringify(profile)); });
})));
