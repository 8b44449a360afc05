/**
 * The deployments of a construct tree, recorded on its root as each is created: what the checks that
 * span deployments read (one name per app, one SIP domain per stack, ACK-1 above a deployment) without
 * listing the tree. A new list per deployment, so a memo can key on it (deployment.ts). Under a global
 * symbol, like SfbDeployment's own mark: two copies of the library in one app see each other's.
 */
import { IConstruct } from 'constructs';

export interface TreeDeployment extends IConstruct {
  readonly name: string;
  readonly sipDomain: string;
}

const DEPLOYMENTS = Symbol.for('cdktf-sfb-hadr.deployments');

type Root = { [DEPLOYMENTS]?: readonly TreeDeployment[] };

/** Records a deployment in its tree (SfbDeployment's constructor, before its checks). */
export function registerDeployment(deployment: TreeDeployment): void {
  Object.defineProperty(deployment.node.root, DEPLOYMENTS, { value: [...deploymentsOf(deployment), deployment], enumerable: false, configurable: true, writable: true });
}

/** The deployments in the tree of `scope`, in creation order: the same array until another is created. */
export function deploymentsOf(scope: IConstruct): readonly TreeDeployment[] {
  return (scope.node.root as Root)[DEPLOYMENTS] ?? [];
}
