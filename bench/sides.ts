/**
 * The three cdktf-alone baselines of the benchmark (bench/one-size.ts says what each does and why it is
 * fair), shared by the timed benchmarks and the profiler (bench/profile.ts). The library side is
 * bench/library-side.ts: this module loads neither the library nor a provider class, as a program
 * written with cdktf alone would not (a side loads the provider classes it uses when it uses them).
 */
import { AzurermProvider } from '../lib/azurerm';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable } from '../lib/cdktf';
import { TerraformDataSource } from 'cdktf';

/**
 * An app synthesizing into a fresh temporary directory, as `cdktf synth` runs a user's program
 * (aspects, validations, `toTerraform`, JSON written to disk). Not `Testing.synth`: its metadata
 * stripping rebuilds every object key by key (quadratic in the keys of an object, 13 s of a 64-pair
 * synthesis), which is cdktf's test helper, not synthesis.
 */
function benchApp(): App {
  return new App({ outdir: mkdtempSync(join(tmpdir(), 'sfb-bench-')) });
}

/** Synthesizes the app and returns the bench stack's Terraform JSON text; removes the output. */
export function synthesize(app: App): string {
  app.synth();
  const text = readFileSync(join(app.outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8');
  rmSync(app.outdir, { recursive: true, force: true });
  return text;
}

/** The bench stack in a fresh app, with the provider exactly as the library side's stack author declares it. */
export function benchStack(): { app: App; stack: TerraformStack } {
  const app = benchApp();
  const stack = new TerraformStack(app, 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return { app, stack };
}

/** The JSON's variables, declared as the library declares them. */
function declareVariables(stack: TerraformStack, json: any): Map<string, TerraformVariable> {
  return new Map(
    Object.entries<any>(json.variable ?? {}).map(([name, body]) => [
      name,
      new TerraformVariable(stack, name, { type: body.type, sensitive: body.sensitive, nullable: body.nullable, description: body.description }),
    ]),
  );
}

/** The JSON's outputs, each value passed through `value` (references, for the referenced side). */
function declareOutputs(stack: TerraformStack, json: any, value: (v: unknown) => unknown = (v) => v): void {
  for (const [name, body] of Object.entries<any>(json.output ?? {})) {
    new TerraformOutput(stack, name, { value: value(body.value), description: body.description, sensitive: body.sensitive });
  }
}

function overrides(target: { addOverride(path: string, value: unknown): void }, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) if (key !== '//') target.addOverride(key, value);
}

export function cdktfAloneSide(json: any): string {
  const { app, stack } = benchStack();
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) overrides(new TerraformResource(stack, name, { terraformResourceType: type }), body);
  }
  for (const [type, byName] of Object.entries<Record<string, any>>(json.data ?? {})) {
    for (const [name, body] of Object.entries(byName)) overrides(new TerraformDataSource(stack, name, { terraformResourceType: type }), body);
  }
  declareVariables(stack, json);
  declareOutputs(stack, json);
  return synthesize(app);
}

const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'connection', 'provisioner']);
const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
/** snake_case JSON to the provider classes' camelCase config; map attributes (tags) keep their keys. */
function config(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => config(v, key));
  if (value === null || typeof value !== 'object' || key === 'tags') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), config(v, k)]));
}
const classes = new Map<string, new (scope: TerraformStack, id: string, config: any) => TerraformResource>();
function classOf(type: string, kind: 'resource' | 'data') {
  const key = `${kind}:${type}`;
  if (!classes.has(key)) {
    const dir = `${kind === 'data' ? 'data-azurerm-' : ''}${type.replace(/^azurerm_/, '').replace(/_/g, '-')}`;
    const mod = require(`@cdktf/provider-azurerm/lib/${dir}`);
    classes.set(key, Object.values(mod).find((v: any) => typeof v === 'function' && v.tfResourceType === type) as any);
  }
  return classes.get(key)!;
}

/** One resource or data source as a typed provider class: attributes as config, meta-arguments as overrides. */
function typedElement(stack: TerraformStack, kind: 'resource' | 'data', type: string, name: string, body: Record<string, unknown>, attributes: (a: unknown) => unknown = (a) => a): TerraformResource {
  const attrs = Object.fromEntries(Object.entries(body).filter(([k]) => !META.has(k)));
  const r = new (classOf(type, kind))(stack, name, config(attributes(attrs)));
  for (const [k, v] of Object.entries(body)) if (META.has(k) && k !== '//') r.addOverride(k, v);
  return r;
}

/**
 * cdktf alone as a user writes it by hand: the provider's typed classes (the same ones the library
 * uses), with the same values, plus meta-arguments as overrides. Not the least work cdktf can do (that is
 * cdktfAloneSide) but what "the same resources in cdktf" costs a user.
 */
export function cdktfTypedSide(json: any): string {
  const { app, stack } = benchStack();
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(json[kind] ?? {})) {
      for (const [name, body] of Object.entries(byName)) typedElement(stack, kind, type, name, body);
    }
  }
  declareVariables(stack, json);
  declareOutputs(stack, json);
  return synthesize(app);
}

const REFERENCE = /\$\{(?:(data)\.)?(azurerm_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}|\$\{var\.([A-Za-z0-9_-]+)\}/g;

/**
 * cdktf alone as a user writes it with references: the provider's typed classes, and wherever the JSON
 * refers to another resource, data source or variable, the referenced object's attribute token (what
 * `subnet.id` or `` `${subnet.id}/x` `` gives a user), so cdktf resolves the same references the library
 * makes. Elements are created in dependency order, as a program that references them must.
 */
export function cdktfReferencedSide(json: any): string {
  const { app, stack } = benchStack();
  const variables = declareVariables(stack, json);
  const bodies = new Map<string, { kind: 'resource' | 'data'; type: string; name: string; body: any }>();
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(json[kind] ?? {})) {
      for (const [name, body] of Object.entries(byName)) bodies.set(`${kind === 'data' ? 'data.' : ''}${type}.${name}`, { kind, type, name, body });
    }
  }
  const made = new Map<string, TerraformResource | TerraformDataSource>();
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(REFERENCE, (whole, data, type, name, attr, variable) => {
        if (variable) return variables.get(variable)?.stringValue ?? whole;
        const target = make(`${data ? 'data.' : ''}${type}.${name}`);
        return target ? target.getStringAttribute(attr) : whole;
      });
    }
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    return value;
  };
  const making = new Set<string>();
  function make(key: string): TerraformResource | TerraformDataSource | undefined {
    if (made.has(key)) return made.get(key);
    const entry = bodies.get(key);
    if (!entry || making.has(key)) return undefined;
    making.add(key);
    const r = typedElement(stack, entry.kind, entry.type, entry.name, entry.body, substitute);
    made.set(key, r);
    return r;
  }
  for (const key of bodies.keys()) make(key);
  declareOutputs(stack, json, substitute);
  return synthesize(app);
}

/** The sections both sides must emit identically (cdktf's own metadata differs by construct types). */
export function comparable(json: any): string {
  return JSON.stringify([json.resource, json.data, json.variable, json.output, json.provider], (key, value) => (key === '//' ? undefined : value));
}

export function count(json: any): number {
  return Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

