/**
 * The upgrade report (`upgrade.md`): where the deployment stands in Microsoft's support lifecycle, the
 * documented path from its product version to Skype for Business Server Subscription Edition, and what
 * in the topology must change before that move.
 *
 * "What must change" is not a second list of facts: it is the version-gate rules run over the same
 * model with the product version set to Subscription Edition, so it always agrees with the rules.
 */
import { ProductVersion, Severity } from '../enums';
import { evaluationDateOf, supportStatus, UPGRADE_PATHS, versionsInUse } from '../model/lifecycle';
import { TopologyModel } from '../model/topology';
import { PRODUCT_NAMES, SE_FACTS } from '../model/versions';
import { evaluate } from '../rules/engine';
import { ALL_RULES } from '../rules/index';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, table } from './markdown';

/**
 * Rules whose outcome depends on the product version through a capability SE lacks or a list SE
 * narrows: database mirroring (VER-1), Persistent Chat (VER-3), XMPP (VER-4), 2-server pools (VER-5),
 * SQL Server versions (BE-12), Windows Server versions (VM-4). Only their errors count: an error is
 * something Subscription Edition cannot run.
 */
export const UPGRADE_GATE_RULES: readonly string[] = ['VER-1', 'VER-3', 'VER-4', 'VER-5', 'BE-12', 'VM-4'];

const SE = ProductVersion.SKYPE_FOR_BUSINESS_SE;

/** The errors the topology would have as Subscription Edition, for the gate rules only. */
export function changesForSubscriptionEdition(model: TopologyModel): Finding[] {
  const rules = ALL_RULES.filter((r) => UPGRADE_GATE_RULES.includes(r.id));
  return evaluate({ ...model, productVersion: SE }, [], rules).filter((f) => f.severity === Severity.ERROR);
}

const STATE_TEXT = { ended: 'out of support', ending: 'support ends within 12 months', supported: 'in support' } as const;

export function upgradeReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const date = evaluationDateOf(model);
  const se = PRODUCT_NAMES[SE];
  const path = UPGRADE_PATHS[model.productVersion];
  const lifecycleRows = versionsInUse(model).map((u) => {
    const s = supportStatus(u.entry, date);
    return [u.path, u.entry.name, u.entry.policy === 'modern' ? 'Modern Lifecycle Policy (while kept current)' : u.entry.supportEnd, STATE_TEXT[s.state], u.entry.source];
  });
  const changes = changesForSubscriptionEdition(model);
  const pathSection = path
    ? [
        `${PRODUCT_NAMES[model.productVersion]} → ${se}: ${path.summary}.`,
        '',
        `- In-place upgrade: ${path.inPlace ? 'yes' : 'no'}; side-by-side migration: ${path.sideBySide ? 'yes' : 'no'}.`,
        `- Source: ${path.source}.`,
        '',
      ].join('\n')
    : `The deployment is on ${se} (Modern Lifecycle Policy): it stays supported while its cumulative updates are kept current.\n`;
  return [
    header('Upgrade to Skype for Business Server Subscription Edition', model),
    `Support evaluated on ${date} (SfbDeployment \`evaluationDate\`).\n`,
    heading(2, 'Support lifecycle'),
    table(['Where', 'Version', 'Last day of support', 'State', 'Source'], lifecycleRows),
    heading(2, 'Path to Subscription Edition'),
    pathSection,
    heading(2, 'What the topology must change first'),
    path
      ? `The topology as ${se} (the version-gate rules ${UPGRADE_GATE_RULES.join(', ')} run with productVersion SKYPE_FOR_BUSINESS_SE): change these before the move, or while building the new pools side by side.\n\n${table(['Rule', 'Where', 'Finding'], changes.map((f) => [f.ruleId, f.path, f.message]))}`
      : `${table(['Rule', 'Where', 'Finding'], changes.map((f) => [f.ruleId, f.path, f.message]))}`,
    heading(2, `What ${se} inherits from Skype for Business Server 2019`),
    table(['Fact', 'Rules', 'Status', 'Source'], SE_FACTS.map((f) => [f.fact, f.ruleIds.join(', '), f.status, f.source])),
    acknowledgedSection(findings, ['LIFE-']),
  ].join('\n');
}
