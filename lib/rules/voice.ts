/** Enterprise Voice resiliency (VOICE-*). */
import { Rule, RuleStatus, RuleStatusKind, status } from './rule';

export const VOICE_RULES: Rule[] = [];

export const VOICE_STATUS: RuleStatus[] = [
  status('VOICE-1', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-3', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-4', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-5', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-6', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-7', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-8', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-9', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-10', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-11', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
  status('VOICE-12', RuleStatusKind.NOT_MODELLED, 'Planned: issue #9.'),
];
