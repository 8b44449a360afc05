/**
 * One benchmark size in a fresh process (cdktf's process-wide token map never frees a synthesized
 * tree, so sizes must not share a process). Prints one JSON line.
 *
 *   tsx bench/one-size.ts <pairs> time    warm both sides once untimed, then time each side
 *   tsx bench/one-size.ts <pairs> memory  one library synthesis only, for its peak memory
 *
 * The two sides, each a full `Testing.synth(stack, true)` (validations on) of a fresh stack:
 * - library: build the topology with the constructs (bench/scaled-topology.ts), plan, evaluate the
 *   rules, render, synthesize.
 * - cdktf alone: the same Terraform JSON the library produced (every resource, data source, variable,
 *   output, with the same logical IDs), declared as plain `TerraformResource` and
 *   `TerraformDataSource` constructs whose bodies are set with `addOverride` per top-level key, plus
 *   `TerraformVariable`s, `TerraformOutput`s and the same `AzurermProvider` the library side declares. That is the least work cdktf itself does to
 *   emit that JSON: construct tree, logical IDs, validation, JSON rendering. It is fair to cdktf: the
 *   provider classes' typed setters would only add work, and the values need no tokens (they are the
 *   final strings). The JSON is produced beforehand and is not timed.
 * Both sides run in the same process with `skipTokenStackTraces()` (as examples/reference/main.ts
 * does), each once untimed first so that both are measured warm (JIT-compiled) alike; then each is
 * timed twice, alternating, and the faster run of each side counts. CPU time is `process.cpuUsage()`
 * (user + system) across the run, so it includes garbage collection; wall time is `hrtime`.
 */
import { buildScaledTopology } from './scaled-topology';
import { AzurermProvider } from '../lib/azurerm';
import { skipTokenStackTraces, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable, Testing } from '../lib/cdktf';
import { TerraformDataSource } from 'cdktf';

skipTokenStackTraces();

const pairs = Number(process.argv[2]);
const mode = process.argv[3] ?? 'time';

interface Run {
  readonly cpuMs: number;
  readonly wallMs: number;
}

function measure(f: () => void): Run {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
}

let lastJson: any;

function librarySide(): void {
  const stack = new TerraformStack(Testing.app(), 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildScaledTopology(stack, pairs);
  lastJson = JSON.parse(Testing.synth(stack, true));
}

function overrides(target: { addOverride(path: string, value: unknown): void }, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) if (key !== '//') target.addOverride(key, value);
}

function cdktfAloneSide(json: any): any {
  const stack = new TerraformStack(Testing.app(), 'bench');
  // The provider exactly as the library side's stack author declares it.
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) overrides(new TerraformResource(stack, name, { terraformResourceType: type }), body);
  }
  for (const [type, byName] of Object.entries<Record<string, any>>(json.data ?? {})) {
    for (const [name, body] of Object.entries(byName)) overrides(new TerraformDataSource(stack, name, { terraformResourceType: type }), body);
  }
  for (const [name, body] of Object.entries<any>(json.variable ?? {})) {
    new TerraformVariable(stack, name, { type: body.type, sensitive: body.sensitive, nullable: body.nullable, description: body.description });
  }
  for (const [name, body] of Object.entries<any>(json.output ?? {})) {
    new TerraformOutput(stack, name, { value: body.value, description: body.description, sensitive: body.sensitive });
  }
  return Testing.synth(stack, true);
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

/**
 * cdktf alone as a user writes it by hand: the provider's typed classes (the same ones the library
 * uses), with the same values, plus meta-arguments as overrides. Not the least work cdktf can do (that is
 * cdktfAloneSide) but what "the same resources in cdktf" costs a user.
 */
function cdktfTypedSide(json: any): any {
  const stack = new TerraformStack(Testing.app(), 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(json[kind] ?? {})) {
      const Class = classOf(type, kind);
      for (const [name, body] of Object.entries(byName)) {
        const attrs = Object.fromEntries(Object.entries(body).filter(([k]) => !META.has(k)));
        const r = new Class(stack, name, config(attrs));
        for (const [k, v] of Object.entries(body)) if (META.has(k) && k !== '//') r.addOverride(k, v);
      }
    }
  }
  for (const [name, body] of Object.entries<any>(json.variable ?? {})) {
    new TerraformVariable(stack, name, { type: body.type, sensitive: body.sensitive, nullable: body.nullable, description: body.description });
  }
  for (const [name, body] of Object.entries<any>(json.output ?? {})) {
    new TerraformOutput(stack, name, { value: body.value, description: body.description, sensitive: body.sensitive });
  }
  return Testing.synth(stack, true);
}

/** The sections both sides must emit identically (cdktf's own metadata differs by construct types). */
function comparable(json: any): string {
  return JSON.stringify([json.resource, json.data, json.variable, json.output, json.provider]);
}

function count(json: any): number {
  return Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

if (mode === 'memory') {
  librarySide();
  process.stdout.write(JSON.stringify({ pairs, resources: count(lastJson), peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
} else {
  // Warm-up, untimed: one run of each side.
  librarySide();
  const json = lastJson;
  const sameJson = comparable(JSON.parse(cdktfAloneSide(json))) === comparable(json);
  const typedJson = JSON.parse(cdktfTypedSide(json));
  const sameTypedJson = comparable(typedJson) === comparable(json);
  if (!sameTypedJson && process.env.BENCH_DIFF) {
    for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        if (JSON.stringify(body) !== JSON.stringify(typedJson.resource?.[type]?.[name])) { console.error(type, name, JSON.stringify(body).slice(0, 400), '\n', JSON.stringify(typedJson.resource?.[type]?.[name]).slice(0, 400)); break; }
      }
    }
  }
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const lib: Run[] = [];
  const plain: Run[] = [];
  const typed: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    typed.push(measure(() => cdktfTypedSide(json)));
    // Alternate the order so that neither side always runs on the larger heap (the token map keeps
    // every tree); with one round (64 pairs) cdktf alone runs first, which favours the baseline.
    if (i % 2 === 0) {
      plain.push(measure(() => cdktfAloneSide(json)));
      lib.push(measure(librarySide));
    } else {
      lib.push(measure(librarySide));
      plain.push(measure(() => cdktfAloneSide(json)));
    }
  }
  const best = (runs: Run[]) => runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  process.stdout.write(JSON.stringify({ pairs, resources: count(json), sameJson, sameTypedJson, library: best(lib), cdktfAlone: best(plain), cdktfTyped: best(typed) }) + '\n');
}
