/**
 * `Testing.synth` with the same bytes for less work. cdktf's version strips its `//` metadata by
 * rebuilding every object key by key (`{ ...acc, [key]: value }`), which is quadratic in the keys of
 * an object: a block of a few hundred NSG rules costs it hundreds of milliseconds per synthesis, and
 * the tests synthesize thousands of stacks. Its `toTerraform` also resolves every element, merges the
 * results and resolves the whole merged tree a second time (for stack overrides), and resolves the
 * metadata the strip then drops: here each element is resolved once and merged, unless the stack has
 * overrides. test/setup.ts installs this one; test/fast-synth.test.ts checks that both give identical
 * text for every example.
 */
import { createRequire } from 'module';
import type { IConstruct } from 'constructs';
import { resolve } from 'cdktf/lib/_tokens';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { TerraformElement } from 'cdktf/lib/terraform-element';
import { deepMerge } from 'cdktf/lib/util';
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

/** The stack's own elements in cdktf's order (its `terraformElements`: depth first, not into substacks). */
function elementsOf(scope: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(scope)) into.push(scope);
  for (const child of scope.node.children) if (!TerraformStack.isStack(child)) elementsOf(child, into);
  return into;
}

/** What `stack.toTerraform()` gives, less the `//` metadata, each element resolved once. */
function terraformOf(stack: TerraformStack): unknown {
  // Stack-level overrides may hold tokens and `undefined` deletions: cdktf's own path handles those.
  if (Object.keys((stack as unknown as { rawOverrides: object }).rawOverrides).length > 0) return stack.toTerraform();
  const tf = {};
  for (const element of elementsOf(stack)) deepMerge(tf, resolve(stack, element.toTerraform()));
  return tf;
}

export function fastSynth(stack: TerraformStack, runValidations = false): string {
  invokeAspects(stack);
  if (runValidations) stack.runAllValidations();
  return stringify(withoutMetadata(terraformOf(stack)), { space: 2 });
}

/** cdktf's own, kept for the comparison test. */
export const cdktfSynth: typeof Testing.synth = Testing.synth.bind(Testing);

/** Makes every `Testing.synth` in the tests the linear one. */
export function installFastSynth(): void {
  Testing.synth = fastSynth;
}
