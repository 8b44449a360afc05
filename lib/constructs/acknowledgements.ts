/** Deliberate deviations, the way cdk-nag suppressions work: still reported, as info, with the reason. */
import { IConstruct } from 'constructs';
import { CATALOG_IDS } from '../rules/catalog';
import { Acknowledgement } from '../rules/engine';
import { ALL_RULES, ALL_STATUS } from '../rules/index';
import { describeValue } from './validate-input';
import { planIndex } from '../model/memo';
import { deploymentsOf } from './tree-deployments';

// Kept on the root construct (the app or stack) itself: acknowledgements above a deployment apply to it.
const registry = planIndex<Acknowledgement[]>('acknowledgements');

const NONE: readonly Acknowledgement[] = Object.freeze([]);

/**
 * Records a deliberate deviation: every finding of `ruleId` on `scope` or under it is still reported,
 * with severity INFO and `acknowledged` set to `reason`, and no longer blocks synthesis.
 * Throws for an ID that is neither a catalog rule nor a library rule, and for a rule whose
 * violation cannot be applied (docs/rules.md, column "Acknowledgeable"). An acknowledgement that
 * matches no finding is reported as ACK-1.
 */
export function acknowledgeFinding(scope: IConstruct, ruleId: string, reason: string): void {
  if (typeof scope !== 'object' || scope === null || !('node' in scope)) {
    throw new Error(`acknowledgeFinding: scope ${describeValue(scope)} is not a construct; pass the construct the finding is reported on (e.g. the pool or the deployment)`);
  }
  if (typeof ruleId !== 'string' || !/^[A-Z]+-\d+$/.test(ruleId)) {
    throw new Error(`acknowledgeFinding on ${scope.node.path}: ruleId ${describeValue(ruleId)} is not a rule ID like "FE-2"; see docs/rules.md for every ID`);
  }
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!rule && !CATALOG_IDS.includes(ruleId) && !ALL_STATUS.some((s) => s.id === ruleId)) {
    throw new Error(`acknowledgeFinding on ${scope.node.path}: ruleId "${ruleId}" is neither a catalog rule nor a rule of the library, so no finding can ever match it; use an ID from docs/rules.md (findings print theirs as [ID])`);
  }
  const alias = ALL_STATUS.find((s) => s.id === ruleId && s.reportedAs);
  if (alias) {
    throw new Error(`acknowledgeFinding on ${scope.node.path}: ${ruleId} is reported as ${alias.reportedAs!.join(' or ')} (the same fact, one finding), so no finding carries ${ruleId}; acknowledge ${alias.reportedAs!.join(' or ')} instead`);
  }
  if (rule && rule.acknowledgeable === false) {
    throw new Error(`acknowledgeFinding on ${scope.node.path}: ${ruleId} (${rule.title}) cannot be acknowledged: ${rule.notAcknowledgeableBecause}; fix the topology instead`);
  }
  if (typeof reason !== 'string' || reason.trim().length < 10) {
    throw new Error(`acknowledgeFinding on ${scope.node.path} for ${ruleId}: reason ${describeValue(reason)} is shorter than 10 characters; say why the deviation is deliberate`);
  }
  const root = scope.node.root;
  // A new list each time: a deployment's findings are memoized per list (acknowledgementsFor).
  registry.set(root, [...(registry.get(root) ?? []), { path: scope.node.path, ruleId, reason: reason.trim() }]);
}

/** Acknowledgements recorded anywhere in the tree of `scope`: the same array until the next one is recorded. */
export function acknowledgementsFor(scope: IConstruct): readonly Acknowledgement[] {
  return registry.get(scope.node.root) ?? NONE;
}

const under = (parent: string, child: string) => parent === '' || child === parent || child.startsWith(parent + '/');

/**
 * Which acknowledgements a deployment reports as ACK-1 when they match none of its findings: those on
 * the deployment or inside it, and those above it (a stack, the app) when it is the only deployment
 * there (with several, the acknowledgement may match in another one, so none reports it).
 */
export function reportsUnmatched(deployment: IConstruct): (a: Acknowledgement) => boolean {
  const path = deployment.node.path;
  const deploymentPaths = deploymentsOf(deployment).map((d) => d.node.path);
  return (a) => {
    if (under(path, a.path)) return true;
    if (!under(a.path, path)) return false;
    return deploymentPaths.filter((p) => under(a.path, p)).length === 1;
  };
}
