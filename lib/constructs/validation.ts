/** The public validation entry point. */
import { IConstruct } from 'constructs';
import { Finding } from '../rules/rule';
import { SfbDeployment } from './deployment';

/** Every finding of every SfbDeployment at or under `scope`, computed on the construct tree as it stands. */
export function validateTopology(scope: IConstruct): Finding[] {
  return scope.node
    .findAll()
    .filter(SfbDeployment.isSfbDeployment)
    .flatMap((d) => d.findings());
}
