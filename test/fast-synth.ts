/**
 * `Testing.synth` with the same bytes for less work. cdktf's version strips its `//` metadata by
 * rebuilding every object key by key (`{ ...acc, [key]: value }`), which is quadratic in the keys of
 * an object: a block of a few hundred NSG rules costs it hundreds of milliseconds per synthesis, and
 * the tests synthesize thousands of stacks. Its `toTerraform` also resolves every element, merges the
 * results and resolves the whole merged tree a second time (for stack overrides), and resolves the
 * metadata the strip then drops: here each element is resolved once and merged, unless the stack has
 * overrides, and only what can hold a token goes through cdktf's resolver (`resolved`). test/setup.ts
 * installs this one; test/fast-synth.test.ts checks that both give identical text for every example.
 */
import { createRequire } from 'module';
import type { IConstruct } from 'constructs';
import { resolve } from 'cdktf/lib/_tokens';
import { extractTokenDouble } from 'cdktf/lib/tokens/private/encoding';
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

/** cdktf's test for a number inside a string (resolve.js: an encoded token number may hide there). */
const NUMBER_IN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

/**
 * Text cdktf's resolver returns unchanged: no token marker (`${TfToken[`, `#{TfToken[`, `&{TfToken[`),
 * no `${` it would treat as an escape, nothing its number pattern would look up.
 */
const isPlainText = (s: string) => !s.includes('{TfToken[') && !s.includes('${') && !NUMBER_IN_TEXT.test(s);
const isTokenNumber = (n: number) => extractTokenDouble(n, false) !== undefined || extractTokenDouble(n, true) !== undefined;

/**
 * What cdktf's `resolve(stack, value)` gives, with plain data (objects of Object, arrays, plain text,
 * numbers, booleans, null) walked here: cdktf makes a resolve context and runs three patterns for
 * every leaf. Anything else (a token, a Date, a class instance, text or a number that may be a
 * token, an array holding one) goes to cdktf's resolver whole, from where cdktf's own walk would
 * reach it with the same context (plain containers change none).
 */
function resolved(stack: TerraformStack, value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return isPlainText(value) ? value : resolve(stack, value);
  if (typeof value === 'number') return isTokenNumber(value) ? resolve(stack, value) : value;
  if (typeof value !== 'object') return resolve(stack, value);
  if (Array.isArray(value)) {
    if (value.some((x) => (typeof x === 'string' && !isPlainText(x)) || (typeof x === 'number' && isTokenNumber(x)))) return resolve(stack, value);
    return value.map((x) => resolved(stack, x)).filter((x) => x !== undefined);
  }
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || Object.keys(value).some((k) => !isPlainText(k))) return resolve(stack, value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = resolved(stack, (value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** What `stack.toTerraform()` gives, less the `//` metadata, each element resolved once. */
function terraformOf(stack: TerraformStack): unknown {
  // Stack-level overrides may hold tokens and `undefined` deletions: cdktf's own path handles those.
  if (Object.keys((stack as unknown as { rawOverrides: object }).rawOverrides).length > 0) return stack.toTerraform();
  const tf = {};
  for (const element of elementsOf(stack)) deepMerge(tf, resolved(stack, element.toTerraform()));
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
