/** Back End Server HA (BE-*): modes per version, mirroring, AlwaysOn, SQL support. */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const BACK_END_RULES: Rule[] = [];

export const BACK_END_STATUS: RuleStatus[] = [
  status('VER-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('VER-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('FE-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('FE-11', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-9', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-11', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-12', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-13', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-14', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-15', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-16', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-17', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
  status('BE-18', RuleStatusKind.NOT_MODELLED, 'Planned: issue #3.'),
];
