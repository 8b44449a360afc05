/**
 * Input that cannot be built at all throws, naming the construct, the prop, the value and the fix.
 * Everything the catalog documents is a finding instead (one run reports every problem).
 */
import { IConstruct } from 'constructs';

function fail(scope: IConstruct, construct: string, prop: string, value: unknown, why: string): never {
  throw new Error(`${construct} ${scope.node.path}: ${prop} ${JSON.stringify(value)} ${why}`);
}

/**
 * A dotted DNS name the library can place in a zone. Syntax details (label length, underscores)
 * are left to NAME-2, so they are reported with every other finding.
 */
export function requireDomainName(scope: IConstruct, construct: string, prop: string, value: unknown, allowSingleLabel = false): string {
  if (typeof value !== 'string' || value.length === 0) fail(scope, construct, prop, value, 'is not a DNS name; give an FQDN such as pool01.corp.contoso.com');
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(value)) {
    fail(scope, construct, prop, value, 'is not a dotted DNS name (letters, digits, hyphens, dots; no spaces, empty labels or trailing dot); give an FQDN such as pool01.corp.contoso.com');
  }
  if (!allowSingleLabel && !value.includes('.')) fail(scope, construct, prop, value, 'has a single label; give a fully qualified name such as pool01.corp.contoso.com');
  return value.toLowerCase();
}

/** A whole number within bounds. */
export function requireCount(scope: IConstruct, construct: string, prop: string, value: unknown, min: number, max = 1000): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(scope, construct, prop, value, `is not a whole number from ${min} to ${max}; give a whole number`);
  }
  return value;
}

/** A member of an enum. */
export function requireEnum<T extends string>(scope: IConstruct, construct: string, prop: string, value: unknown, e: Record<string, T>, enumName: string): T {
  const values = Object.values(e);
  if (!values.includes(value as T)) {
    fail(scope, construct, prop, value, `is not a ${enumName}; use one of ${Object.keys(e).map((k) => `${enumName}.${k}`).join(', ')}`);
  }
  return value as T;
}

/** Rejects props the construct does not know, so nothing is dropped silently. */
export function rejectUnknownProps(scope: IConstruct, construct: string, props: object, known: readonly string[]): void {
  for (const key of Object.keys(props)) {
    if (!known.includes(key)) {
      fail(scope, construct, key, (props as Record<string, unknown>)[key], `is not a prop of ${construct}; known props are ${known.join(', ')}`);
    }
  }
}
