/**
 * ACK-1: an acknowledgement that matches no finding. `acknowledgeFinding` records a deviation on a
 * construct; when the finding never occurs there (a typo in the scope, a topology that was fixed
 * since), the acknowledgement would silently do nothing, so it is reported. The engine applies the
 * rule, because only the engine sees the acknowledgements; `check` itself finds nothing in a model.
 */
import { Severity } from '../enums';
import { rule, unacknowledgeable } from './rule';

export const ACKNOWLEDGEMENT_RULE = unacknowledgeable(
  rule('ACK-1', Severity.WARNING, 'Every acknowledgement matches a finding', 'the library: deviations are acknowledged where they occur (cdk-nag suppressions)', () => []),
  'it reports a stale acknowledgement; remove the acknowledgeFinding call or move it to the construct the finding is on',
);

export const ACKNOWLEDGEMENT_RULES = [ACKNOWLEDGEMENT_RULE];
