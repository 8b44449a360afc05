/**
 * Names fit by construction (docs/naming.md): random deployments with long construct IDs (40+
 * characters on the deployment, every site and every member) and long FQDN labels report the same
 * findings before synthesis as after it, derive no name a NAME rule refuses, and every synthesized
 * name fits its type's limits. FUZZ_RUNS and FUZZ_SEED as in topology.test.ts.
 */
import * as fc from 'fast-check';
import { Severity, validateTopology } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { Finding } from '../../lib/rules/rule';
import { azureNameLimits, formatViolations } from '../invariants';
import { buildDeployment, DeploymentSpec, deploymentSpec } from './arbitraries';

const RUNS = Math.max(40, Math.floor(Number(process.env.FUZZ_RUNS ?? 200) / 4));
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261207);
const TIMEOUT = 60_000 + RUNS * 1_500;
/** 41 characters: with `contoso`, `west`, `pool1` every ID passes 40. */
const LONG = `-${'abcdefghij'.repeat(4)}`;
/** The rules about names the library derives: with no name given by the user, none may fire. */
const DERIVED_NAME_RULES = ['NAME-1', 'NAME-5', 'NAME-6'];

/** A host label lengthened to 50 characters (still a valid DNS label with `-int`/`-ext` appended); bad labels stay bad. */
function lengthen(label: string): string {
  return /^[a-z0-9]+$/.test(label) ? `${label}-${'longlabel'.repeat(6)}`.slice(0, 50) : label;
}

/** Long labels everywhere, and no user-given computer-name prefix: every name is the library's. */
function longLabels(spec: DeploymentSpec): DeploymentSpec {
  const members = Object.fromEntries(
    Object.entries(spec.members).map(([kind, list]) => [
      kind,
      list.map((m) => {
        const { serverNamePrefix: _, ...rest } = m as Record<string, unknown>;
        for (const key of ['label', 'internalWebLabel', 'externalWebLabel']) {
          if (typeof rest[key] === 'string') rest[key] = lengthen(rest[key] as string);
        }
        return rest;
      }),
    ]),
  );
  return { ...spec, members };
}

const errorsAndWarnings = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity !== Severity.INFO).map((f) => `[${f.ruleId}] ${f.path}: ${f.message}`).sort();

describe('long construct IDs and FQDN labels', () => {
  it('give the same findings before and after synthesis, no NAME-1/5/6, and names within their limits', () => {
    let synthesized = 0;
    fc.assert(
      fc.property(deploymentSpec().map(longLabels), (spec) => {
        const { stack, deployment } = buildDeployment(spec, undefined, undefined, { idSuffix: LONG });
        const before = validateTopology(stack);
        const derived = before.filter((f) => DERIVED_NAME_RULES.includes(f.ruleId));
        if (derived.length > 0) throw new Error(`derived names refused:\n${derived.map((f) => `[${f.ruleId}] ${f.path}: ${f.message}`).join('\n')}`);
        let text: string | undefined;
        try {
          text = Testing.synth(stack, true);
        } catch (e) {
          if (!before.some((f) => f.severity === Severity.ERROR)) throw e;
        }
        expect(errorsAndWarnings(deployment.findings())).toEqual(errorsAndWarnings(before));
        if (text !== undefined) {
          synthesized++;
          const names = azureNameLimits(JSON.parse(text));
          if (names.length > 0) throw new Error(`synthesized names out of limits:\n${formatViolations(names)}`);
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    // The property proves nothing about synthesized names if none synthesized (about 1 in 20 draws is clean).
    expect(synthesized).toBeGreaterThanOrEqual(Math.max(2, RUNS / 40));
  }, TIMEOUT);
});
