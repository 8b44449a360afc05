/** Edge pools (EDGE-*, SRV-*, DNS-5, DNS-8, AZURE-3, VER-4). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const EDGE_RULES: Rule[] = [];

export const EDGE_STATUS: RuleStatus[] = [
  status('VER-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-9', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-10', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-11', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-12', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-13', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-14', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-15', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-16', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-17', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-18', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-19', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-20', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-21', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-22', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('EDGE-23', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('SRV-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('SRV-2', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('SRV-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('DNS-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('DNS-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
  status('AZURE-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #5.'),
];
