/** Collocation, Office Web Apps, simple URLs and Azure maintenance (TOPO-*, OWA-*, TB-1, AZURE-8). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const ROLES_RULES: Rule[] = [];

export const ROLES_STATUS: RuleStatus[] = [
  status('TOPO-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
  status('TOPO-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
  status('OWA-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
  status('OWA-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
  status('OWA-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
  status('TB-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
  status('AZURE-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #8.'),
];
