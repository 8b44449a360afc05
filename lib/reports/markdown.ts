/** Small Markdown helpers shared by the reports and the runbook. */
import { Severity } from '../enums';
import { Finding } from '../rules/rule';
import { TopologyModel } from '../model/topology';
import { productName } from '../model/queries';

/** A cell: pipes escaped, line breaks as <br>. */
export function cell(value: unknown): string {
  return String(value ?? '').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '_None._\n';
  const line = (cells: readonly unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

export function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}\n`;
}

/** Title and the deployment it describes. */
export function header(title: string, model: TopologyModel): string {
  return `${heading(1, title)}\nDeployment \`${model.path}\`: ${productName(model)}, SIP domain \`${model.sipDomain}\`, AD domain \`${model.adDomain}\`, ${model.sites.length} central site(s). Generated from the topology model; do not edit.\n`;
}

/** Whether a model value is a Terraform reference resolved only at apply time (a public IP, say). */
export function isToken(value: string): boolean {
  return value.includes('${') || value.includes('TfToken');
}

/**
 * The acknowledged findings of the rule areas a report covers (IDs matched by prefix, `FE-` or
 * an exact `EDGE-14`), so a reviewer sees every deliberate deviation next to what it affects.
 */
export function acknowledgedSection(findings: readonly Finding[], ruleIds: readonly string[]): string {
  const matches = (id: string) => ruleIds.some((r) => (r.endsWith('-') ? id.startsWith(r) : id === r));
  const acknowledged = findings.filter((f) => f.acknowledged !== undefined && matches(f.ruleId));
  return `\n${heading(2, 'Acknowledged deviations')}\n${table(['Rule', 'Where', 'Finding', 'Reason'], acknowledged.map((f) => [f.ruleId, f.path, f.message, f.acknowledged]))}`;
}

/** Open error and warning findings of a report's areas, so a report of a broken topology says so. */
export function openFindingsSection(findings: readonly Finding[], ruleIds: readonly string[]): string {
  const matches = (id: string) => ruleIds.some((r) => (r.endsWith('-') ? id.startsWith(r) : id === r));
  const open = findings.filter((f) => f.acknowledged === undefined && f.severity !== Severity.INFO && matches(f.ruleId));
  return open.length === 0 ? '' : `\n${heading(2, 'Open findings')}\n${table(['Rule', 'Severity', 'Where', 'Finding'], open.map((f) => [f.ruleId, f.severity, f.path, f.message]))}`;
}

/** Site name of a construct path: the site whose path is a prefix, or `deployment-wide`. */
export function siteNameOf(model: TopologyModel, path: string, sitePath?: string): string {
  const site = model.sites.find((s) => s.path === sitePath) ?? model.sites.find((s) => path === s.path || path.startsWith(s.path + '/'));
  // A branch network in Azure holds servers too (a Survivable Branch Server).
  const branch = site ? undefined : model.voice?.branchSites.find((b) => b.path === sitePath);
  return site?.name ?? (branch ? `branch ${branch.name}` : 'deployment-wide');
}

/** Inline code. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** A numbered list; steps keep their order. */
export function steps(items: readonly string[]): string {
  return items.map((s, i) => `${i + 1}. ${s}`).join('\n');
}

export function bullets(items: readonly string[]): string {
  return items.map((s) => `- ${s}`).join('\n');
}

/** Blocks joined by blank lines, empty ones dropped (trailing line breaks trimmed so blocks join evenly). */
export function blocks(...parts: readonly (string | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .map((p) => p.replace(/\n+$/, ''))
    .join('\n\n');
}
