/** Mediation pools (MED-*). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const MEDIATION_RULES: Rule[] = [];

export const MEDIATION_STATUS: RuleStatus[] = [
  status('MED-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('MED-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('MED-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('MED-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('MED-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('MED-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
];
