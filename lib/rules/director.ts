/** Director pools (DIR-*). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const DIRECTOR_RULES: Rule[] = [];

export const DIRECTOR_STATUS: RuleStatus[] = [
  status('DIR-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('DIR-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('DIR-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('DIR-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('DIR-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('DIR-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
];
