/**
 * Input that cannot be built at all throws, naming the construct, the prop, the value as given, what
 * is allowed and the fix. Everything the catalog documents is a finding instead (one run reports
 * every problem). Every message prints the value as the user wrote it: NaN as NaN, Infinity as
 * Infinity, undefined as "is missing", a construct by its path. An optional prop given as null
 * means "not given", as undefined does (the constructs read optional props with `??`); a required
 * prop given as null is missing.
 */
import { IConstruct } from 'constructs';
import { isPrivateCidr, PRIVATE_RANGES } from '../model/private-ranges';
import { closestRegions, regionByName } from '../model/regions';
import { isVmSizeName, VM_SIZE_PATTERN_TEXT } from '../model/vm-sizes';
import { serverCountOf } from '../model/roles';
import type { ServerRole } from '../model/topology';

/** The value as the user gave it, for messages (JSON.stringify prints NaN and Infinity as null). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'object' && value !== null && 'node' in value) {
    const node = (value as { node?: { path?: unknown } }).node;
    if (node && typeof node.path === 'string') return `construct ${node.path}`;
  }
  try {
    const text = JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function fail(scope: IConstruct, construct: string, prop: string, value: unknown, why: string): never {
  throw new Error(`${construct} ${scope.node.path}: ${prop} ${describeValue(value)} ${why}`);
}

/** A required prop that was not given: says "is missing" and what to give. */
function missing(scope: IConstruct, construct: string, prop: string, what: string): never {
  throw new Error(`${construct} ${scope.node.path}: ${prop} is missing; give ${what}`);
}

/**
 * A dotted DNS name the library can place in a zone. Syntax details (label length, underscores)
 * are left to NAME-2, so they are reported with every other finding.
 */
export function requireDomainName(scope: IConstruct, construct: string, prop: string, value: unknown, allowSingleLabel = false): string {
  if (value === undefined || value === null) missing(scope, construct, prop, 'an FQDN such as pool01.corp.contoso.com');
  if (typeof value !== 'string') fail(scope, construct, prop, value, `is a ${kindOf(value)}, not a DNS name; give an FQDN string such as pool01.corp.contoso.com`);
  if (value.length === 0) fail(scope, construct, prop, value, 'is empty; give an FQDN such as pool01.corp.contoso.com');
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(value)) {
    fail(scope, construct, prop, value, 'is not a dotted DNS name (letters, digits, hyphens, dots; no spaces, empty labels or trailing dot); give an FQDN such as pool01.corp.contoso.com');
  }
  if (!allowSingleLabel && !value.includes('.')) fail(scope, construct, prop, value, 'has a single label; give a fully qualified name such as pool01.corp.contoso.com');
  return value.toLowerCase();
}

/** A whole number within bounds; says which of "missing", "not a number", "not whole" or "out of range" applies. */
export function requireCount(scope: IConstruct, construct: string, prop: string, value: unknown, min: number, max = 1000): number {
  if (value === undefined || value === null) missing(scope, construct, prop, `a whole number from ${min} to ${max}`);
  if (typeof value !== 'number') fail(scope, construct, prop, value, `is a ${kindOf(value)}, not a number; give a whole number from ${min} to ${max}`);
  if (!Number.isFinite(value)) fail(scope, construct, prop, value, `is not a finite number; give a whole number from ${min} to ${max}`);
  if (!Number.isInteger(value)) fail(scope, construct, prop, value, `is not a whole number; give a whole number from ${min} to ${max}`);
  if (value < min || value > max) fail(scope, construct, prop, value, `is out of range; allowed are whole numbers from ${min} to ${max}`);
  return value;
}

/** How many servers of `role` to build: `value` as given, else the role profile's default, within the bounds the profile gives. */
export function requireServerCount(scope: IConstruct, role: ServerRole, construct: string, prop: string, value: unknown): number {
  const count = serverCountOf(role, construct, prop);
  return requireCount(scope, construct, prop, value ?? count.default, count.min, count.max);
}

/** A member of an enum. */
export function requireEnum<T extends string>(scope: IConstruct, construct: string, prop: string, value: unknown, e: Record<string, T>, enumName: string): T {
  const values = Object.values(e);
  const allowed = Object.keys(e).map((k) => `${enumName}.${k}`).join(', ');
  if (value === undefined || value === null) missing(scope, construct, prop, `one of ${allowed}`);
  if (!values.includes(value as T)) {
    fail(scope, construct, prop, value, `is not a ${enumName}; use one of ${allowed}`);
  }
  return value as T;
}

/** A boolean (JavaScript callers can pass anything). */
export function requireBoolean(scope: IConstruct, construct: string, prop: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(scope, construct, prop, value, 'is not a boolean; give true or false');
  return value;
}

/** A non-empty string (no leading or trailing spaces), optionally matching a pattern described by `allowed`. */
export function requireString(scope: IConstruct, construct: string, prop: string, value: unknown, allowed: string, pattern?: RegExp): string {
  if (value === undefined || value === null) missing(scope, construct, prop, allowed);
  if (typeof value !== 'string') fail(scope, construct, prop, value, `is a ${kindOf(value)}, not a string; give ${allowed}`);
  if (value.trim() === '') fail(scope, construct, prop, value, `is empty; give ${allowed}`);
  if (value.trim() !== value) fail(scope, construct, prop, value, `has leading or trailing spaces; give ${allowed}`);
  if (pattern && !pattern.test(value)) fail(scope, construct, prop, value, `is not allowed; give ${allowed}`);
  return value;
}

/**
 * A construct of the expected class (JavaScript callers can pass a string or a plain object).
 * `what` names the kind in messages, e.g. "a back end (AlwaysOnBackEnd, MirroredBackEnd, ...)".
 */
export function requireConstruct<T>(
  scope: IConstruct,
  construct: string,
  prop: string,
  value: unknown,
  is: (v: unknown) => v is T,
  what: string,
): T {
  if (value === undefined || value === null) missing(scope, construct, prop, what);
  if (!is(value)) fail(scope, construct, prop, value, `is not ${what}; pass the construct object itself, not its name or ID`);
  return value;
}

/** Like requireConstruct, for an optional prop: undefined stays undefined. */
export function optionalConstruct<T>(
  scope: IConstruct,
  construct: string,
  prop: string,
  value: unknown,
  is: (v: unknown) => v is T,
  what: string,
): T | undefined {
  return value === undefined ? undefined : requireConstruct(scope, construct, prop, value, is, what);
}

/**
 * A construct ID that Azure names can be made of: it becomes part of resource-group, network,
 * NSG-rule and share names (`rg-<deployment>-<site>`, `sfb-<site>`), so letters, digits and inner
 * hyphens only (no underscores, spaces, dots or emoji).
 */
export const NAME_ID_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

export function requireNameableId(scope: IConstruct, construct: string): void {
  const id = scope.node.id;
  if (!NAME_ID_PATTERN.test(id)) {
    const suggestion = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    throw new Error(
      `${construct} ${scope.node.path}: id ${JSON.stringify(id)} cannot form Azure resource names (it becomes part of resource-group, network and share names); ` +
        `use letters, digits and inner hyphens only${suggestion ? `, e.g. ${JSON.stringify(suggestion)}` : ''}`,
    );
  }
}

/** Prop names whose values are never printed: a secret pasted into the wrong prop must not reach a build log. */
const SECRET_LIKE = /pass(word|wd|phrase)?|secret|token|key|credential|pwd/i;

/** Rejects a props object that is missing or not an object, and props the construct does not know, so nothing is dropped silently. */
export function rejectUnknownProps(scope: IConstruct, construct: string, props: unknown, known: readonly string[]): void {
  requireNameableId(scope, construct);
  if (props === undefined || props === null) {
    throw new Error(`${construct} ${scope.node.path}: props ${describeValue(props)} is missing; give an object with the construct's props (${known.join(', ')})`);
  }
  if (typeof props !== 'object' || Array.isArray(props)) {
    fail(scope, construct, 'props', props, `is a ${kindOf(props)}, not an object; give an object with the construct's props (${known.join(', ')})`);
  }
  for (const key of Object.keys(props)) {
    if (!known.includes(key)) {
      const why = `is not a prop of ${construct}; known props are ${known.join(', ')}`;
      if (!SECRET_LIKE.test(key)) fail(scope, construct, key, (props as Record<string, unknown>)[key], why);
      throw new Error(`${construct} ${scope.node.path}: ${key} <redacted> ${why}; no prop takes a secret: passwords are sensitive Terraform variables (TF_VAR_..., README "Secrets")`);
    }
  }
}

/**
 * An Azure VM size: a well-formed size name (`Standard_D16s_v5`). Whether the library knows the
 * size is a finding (VM-6), since Azure adds sizes the catalog cannot foresee.
 */
export function requireVmSize(scope: IConstruct, construct: string, prop: string, value: unknown): string {
  const size = requireString(scope, construct, prop, value, `an Azure VM size such as "Standard_D16s_v5" (${VM_SIZE_PATTERN_TEXT})`);
  if (!isVmSizeName(size)) fail(scope, construct, prop, value, `is not an Azure VM size name; give one such as "Standard_D16s_v5" (${VM_SIZE_PATTERN_TEXT})`);
  return size;
}

/** An Azure region of the catalog (lib/model/regions.ts), by name or display name; returns the name. */
export function requireRegion(scope: IConstruct, construct: string, prop: string, value: unknown): string {
  const name = requireString(scope, construct, prop, value, 'an Azure region name such as "westeurope"');
  const region = regionByName(name);
  if (!region) {
    fail(scope, construct, prop, value, `is not an Azure region the library knows; did you mean ${closestRegions(name).map((r) => `"${r}"`).join(' or ')}? (region names as \`az account list-locations\` prints them)`);
  }
  return region.name;
}

/** A CIDR already parsed by the caller must be a private range (RFC 1918 or RFC 6598 shared space). */
export function requirePrivateCidr(scope: IConstruct, construct: string, prop: string, value: unknown, cidr: string): void {
  if (!isPrivateCidr(cidr)) {
    fail(scope, construct, prop, value, `is not a private address range; a site's virtual network must lie inside ${PRIVATE_RANGES.map((r) => r.cidr).join(', ')}; use e.g. 10.1.0.0/16`);
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object' && 'node' in (value as object)) return 'construct';
  return typeof value;
}

/**
 * An optional computer-name prefix: a non-empty string when given. Its length and characters are
 * NAME-1 findings (reported with every other problem, and not acknowledgeable).
 */
export function optionalNamePrefix(scope: IConstruct, construct: string, value: unknown, prop = 'serverNamePrefix'): string | undefined {
  return value === undefined ? undefined : requireString(scope, construct, prop, value, 'a computer-name prefix such as "pool01" (servers become <prefix>-<n>)');
}

/** An optional VM size prop, checked when given. */
export function optionalVmSize(scope: IConstruct, construct: string, value: unknown, prop = 'vmSize'): string | undefined {
  return value === undefined ? undefined : requireVmSize(scope, construct, prop, value);
}

/** An optional boolean prop with its default. */
export function optionalBoolean(scope: IConstruct, construct: string, prop: string, value: unknown, fallback: boolean): boolean {
  return value === undefined ? fallback : requireBoolean(scope, construct, prop, value);
}
