/**
 * `deployment.plan()`: one plan, plain data, owned by its deployment. Validation, synthesis, the runbook
 * and the reports read it, and rendering never writes back (docs/plan.md).
 */
import { buildReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { acknowledgeFinding, Severity, validateTopology } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { testDeployment, testPool, testSite, testStack } from '../helpers';

/** Every string of a JSON value, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe.each([
  ['the reference example', buildReferenceTopology],
  ['the Skype for Business 2015 example', buildSfb2015Topology],
])('the plan of %s', (_, build) => {
  test('is plain JSON with no cdktf token in it', () => {
    const { deployment } = build(testStack());
    const plan = deployment.plan();
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(strings(plan).filter((s) => /\$\{|TfToken\[/.test(s))).toEqual([]);
    expect(plan.servers.length).toBeGreaterThan(0);
  });

  test('and its findings are the same before and after synthesis: rendering never writes back', () => {
    const stack = testStack();
    const { deployment } = build(stack);
    const before = { plan: JSON.stringify(deployment.plan()), findings: JSON.stringify(validateTopology(stack)) };
    Testing.synth(stack);
    expect(JSON.stringify(deployment.plan())).toBe(before.plan);
    expect(JSON.stringify(validateTopology(stack))).toBe(before.findings);
  });
});

test('a copy: changing the plan returned changes nothing', () => {
  const { deployment } = testDeployment();
  testPool(testSite(deployment));
  const plan = deployment.plan();
  plan.servers.length = 0;
  expect(deployment.plan().servers.length).toBeGreaterThan(0);
});

test('an intent recorded once rendering started throws, naming the deployment and the fix', () => {
  const { stack, deployment } = testDeployment();
  const west = testSite(deployment);
  testPool(west);
  Testing.synth(stack);
  expect(() => testPool(west, 'late')).toThrow(/test\/contoso is being rendered: its plan is final .* create every construct before synthesis/);
});

test('two deployments in one process own their plans: building one leaves the other\'s plan as it was', () => {
  const a = testDeployment();
  testPool(testSite(a.deployment));
  const planOfA = a.deployment._toModel();
  const b = testDeployment();
  testPool(testSite(b.deployment), 'other');
  // The same object: b's intents did not invalidate a's memo (a process-wide counter would have).
  expect(a.deployment._toModel()).toBe(planOfA);
  expect(b.deployment._toModel()).not.toBe(planOfA);
});

test('findings are evaluated once per plan: asked again they are the same findings, and an acknowledgement or a new intent evaluates afresh', () => {
  const { deployment } = testDeployment();
  const west = testSite(deployment);
  testPool(west);
  const first = deployment.findings();
  const warning = first.find((f) => f.severity === Severity.WARNING && f.acknowledged === undefined);
  expect(warning).toBeDefined();
  // The same objects: validation, annotations, the runbook and the reports share one evaluation.
  expect(deployment.findings()[0]).toBe(first[0]);
  // A copy of the list, so a caller's change stays its own.
  deployment.findings().length = 0;
  expect(deployment.findings()).toHaveLength(first.length);
  acknowledgeFinding(deployment, warning!.ruleId, 'accepted for this test deployment');
  const acknowledged = deployment.findings();
  expect(acknowledged[0]).not.toBe(first[0]);
  expect(acknowledged.find((f) => f.ruleId === warning!.ruleId && f.path === warning!.path)?.acknowledged).toBe('accepted for this test deployment');
  testPool(west, 'second');
  expect(deployment.findings()[0]).not.toBe(acknowledged[0]);
});
