/** The reference topology's diagram page (docs/topology.md), shared by `npm run diagram` and its test. */
import { topologyDiagramPage } from '../../lib/experimental';
import { App, TerraformStack } from '../../lib/cdktf';
import { buildReferenceTopology } from './topology';

export function referenceDiagramPage(): string {
  const stack = new TerraformStack(new App(), 'sfb-reference');
  const { deployment } = buildReferenceTopology(stack);
  return topologyDiagramPage(deployment._toModel(), 'Reference topology');
}
