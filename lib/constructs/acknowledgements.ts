/** Deliberate deviations, the way cdk-nag suppressions work: still reported, as info, with the reason. */
import { IConstruct } from 'constructs';
import { Acknowledgement } from '../rules/engine';

const registry = new WeakMap<IConstruct, Acknowledgement[]>();

/**
 * Records a deliberate deviation: every finding of `ruleId` on `scope` or under it is still reported,
 * with severity INFO and `acknowledged` set to `reason`, and no longer blocks synthesis.
 */
export function acknowledgeFinding(scope: IConstruct, ruleId: string, reason: string): void {
  if (!/^[A-Z]+-\d+$/.test(ruleId)) {
    throw new Error(`acknowledgeFinding on ${scope.node.path}: ruleId "${ruleId}" is not a rule ID like "FE-2"`);
  }
  if (typeof reason !== 'string' || reason.trim().length < 10) {
    throw new Error(`acknowledgeFinding on ${scope.node.path} for ${ruleId}: reason "${reason}" is shorter than 10 characters; say why the deviation is deliberate`);
  }
  const root = scope.node.root;
  const list = registry.get(root) ?? [];
  list.push({ path: scope.node.path, ruleId, reason: reason.trim() });
  registry.set(root, list);
}

/** Acknowledgements recorded anywhere in the tree of `scope`. */
export function acknowledgementsFor(scope: IConstruct): Acknowledgement[] {
  return registry.get(scope.node.root) ?? [];
}
