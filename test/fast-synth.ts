/**
 * `Testing.synth` with the same bytes in linear time. cdktf's version strips its `//` metadata by
 * rebuilding every object key by key (`{ ...acc, [key]: value }`), which is quadratic in the keys of
 * an object: a block of a few hundred NSG rules costs it hundreds of milliseconds per synthesis, and
 * the tests synthesize thousands of stacks. test/setup.ts installs this one; test/fast-synth.test.ts
 * checks that both give identical text for every example.
 */
import { createRequire } from 'module';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { TerraformStack, Testing } from '../lib/cdktf';

/** The printer Testing.synth uses (a dependency of cdktf's, so resolved from there). */
const stringify = createRequire(require.resolve('cdktf'))('json-stable-stringify') as (value: unknown, options: { space: number }) => string;

/** A copy without cdktf's `//` metadata keys (the printer sorts the keys). */
function withoutMetadata(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) return item.map(withoutMetadata);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item)) if (key !== '//') out[key] = withoutMetadata((item as Record<string, unknown>)[key]);
  return out;
}

export function fastSynth(stack: TerraformStack, runValidations = false): string {
  invokeAspects(stack);
  if (runValidations) stack.runAllValidations();
  return stringify(withoutMetadata(stack.toTerraform()), { space: 2 });
}

/** cdktf's own, kept for the comparison test. */
export const cdktfSynth: typeof Testing.synth = Testing.synth.bind(Testing);

/** Makes every `Testing.synth` in the tests the linear one. */
export function installFastSynth(): void {
  Testing.synth = fastSynth;
}
