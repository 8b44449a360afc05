/** The rule registry: every area's rules and the status of catalog rules that are not checks. */
import { ACKNOWLEDGEMENT_RULES } from './acknowledgement';
import { ADDRESS_RULES } from './addresses';
import { AZURE_RULES, AZURE_STATUS } from './azure';
import { BACKUP_RULES } from './backup';
import { BACK_END_RULES, BACK_END_STATUS } from './back-end';
import { CHAT_RULES, CHAT_STATUS } from './chat';
import { DIRECTOR_RULES, DIRECTOR_STATUS } from './director';
import { DNS_RULES, DNS_STATUS } from './dns';
import { EDGE_RULES, EDGE_STATUS } from './edge';
import { FILE_STORE_RULES, FILE_STORE_STATUS } from './file-store';
import { FRONT_END_RULES, FRONT_END_STATUS } from './front-end';
import { GLOBAL_RULES } from './global';
import { HYBRID_RULES, HYBRID_STATUS } from './hybrid';
import { LAB_RULES, LAB_STATUS } from './lab';
import { LARGE_MEETING_RULES } from './large-meetings';
import { LIFECYCLE_RULES } from './lifecycle';
import { MEDIATION_RULES, MEDIATION_STATUS } from './mediation';
import { NAMING_RULES } from './naming';
import { OFFICE_ONLINE_RULES, OFFICE_ONLINE_STATUS } from './office-online';
import { OS_UPDATE_RULES } from './os-updates';
import { PAIRING_RULES, PAIRING_STATUS } from './pairing';
import { REVERSE_PROXY_RULES } from './reverse-proxy';
import { ROLES_RULES, ROLES_STATUS } from './roles';
import { Rule, RuleStatus } from './rule';
import { SECURITY_RULES, SECURITY_STATUS } from './security';
import { SIMPLE_URL_RULES } from './simple-urls';
import { VERSION_RULES, VERSION_STATUS } from './version';
import { VOICE_RULES, VOICE_STATUS } from './voice';
import { BRANCH_RULES } from './branch';

/** Every rule, in evaluation order: version gates first, then areas. */
export const ALL_RULES: readonly Rule[] = [
  ...VERSION_RULES,
  ...FRONT_END_RULES,
  ...LARGE_MEETING_RULES,
  ...BACK_END_RULES,
  ...PAIRING_RULES,
  ...FILE_STORE_RULES,
  ...EDGE_RULES,
  ...HYBRID_RULES,
  ...CHAT_RULES,
  ...DIRECTOR_RULES,
  ...MEDIATION_RULES,
  ...OFFICE_ONLINE_RULES,
  ...REVERSE_PROXY_RULES,
  ...VOICE_RULES,
  ...BRANCH_RULES,
  ...DNS_RULES,
  ...SIMPLE_URL_RULES,
  ...AZURE_RULES,
  ...OS_UPDATE_RULES,
  ...SECURITY_RULES,
  ...NAMING_RULES,
  ...ROLES_RULES,
  ...LAB_RULES,
  ...LIFECYCLE_RULES,
  ...ADDRESS_RULES,
  ...GLOBAL_RULES,
  ...BACKUP_RULES,
  ...ACKNOWLEDGEMENT_RULES,
];

/** Catalog rules that are satisfied by construction, used by the runbook, or not modelled. */
export const ALL_STATUS: readonly RuleStatus[] = [
  ...VERSION_STATUS,
  ...FRONT_END_STATUS,
  ...BACK_END_STATUS,
  ...PAIRING_STATUS,
  ...FILE_STORE_STATUS,
  ...EDGE_STATUS,
  ...HYBRID_STATUS,
  ...CHAT_STATUS,
  ...DIRECTOR_STATUS,
  ...MEDIATION_STATUS,
  ...OFFICE_ONLINE_STATUS,
  ...VOICE_STATUS,
  ...DNS_STATUS,
  ...AZURE_STATUS,
  ...SECURITY_STATUS,
  ...ROLES_STATUS,
  ...LAB_STATUS,
];
