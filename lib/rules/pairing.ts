/** Front End pool pairing and disaster recovery (PAIR-*). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const PAIRING_RULES: Rule[] = [];

export const PAIRING_STATUS: RuleStatus[] = [
  status('PAIR-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-9', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-10', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-11', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-12', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-13', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-14', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-15', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-16', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-17', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-18', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-19', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-20', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('PAIR-21', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('AZURE-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('RESTORE-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
];
