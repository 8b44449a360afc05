/** Persistent Chat (PCHAT-*, VER-3, BE-10, TOPO-2). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const CHAT_RULES: Rule[] = [];

export const CHAT_STATUS: RuleStatus[] = [
  status('VER-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-9', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-10', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-11', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('PCHAT-12', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('BE-10', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
  status('TOPO-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #6.'),
];
