/** The public validation entry point. */
import { Construct, IConstruct } from 'constructs';
import { describeValue } from './validate-input';
import { Finding } from '../rules/rule';
import { SfbDeployment } from './deployment';

/** Every finding of every SfbDeployment at or under `scope`, computed on the construct tree as it stands. */
export function validateTopology(scope: IConstruct): Finding[] {
  if (typeof scope !== 'object' || scope === null || !Construct.isConstruct(scope)) {
    throw new Error(`validateTopology: scope ${describeValue(scope)} is not a construct; pass the App, a stack or an SfbDeployment (e.g. validateTopology(stack))`);
  }
  return scope.node
    .findAll()
    .filter(SfbDeployment.isSfbDeployment)
    .flatMap((d) => d.findings());
}
