/** File stores (FILE-*, AZURE-5). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const FILE_STORE_RULES: Rule[] = [];

export const FILE_STORE_STATUS: RuleStatus[] = [
  status('FILE-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('FILE-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('FILE-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('FILE-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
  status('AZURE-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #4.'),
];
