/** Planning reports of a deployment, generated from its model: what Microsoft's Planning Tool gave architects. */
import { Severity } from '../enums';
import { TopologyModel } from '../model/topology';
import { Finding } from '../rules/rule';
import { addressReport } from './addresses';
import { backupReport } from './backup-plan';
import { certificateReport } from './certificates';
import { topologyDiagramPage } from './diagram';
import { dnsReport } from './dns';
import { firewallReport } from './firewall';
import { hardwareReport } from './hardware';
import { header, heading, table } from './markdown';
import { upgradeReport } from './upgrade';

export { addressReport } from './addresses';
export { backupReport } from './backup-plan';
export { certificateReport, certificateRows } from './certificates';
export { topologyDiagram, topologyDiagramPage } from './diagram';
export { dnsReport } from './dns';
export { firewallReport } from './firewall';
export { hardwareReport } from './hardware';
export { changesForSubscriptionEdition, upgradeReport } from './upgrade';

/** Every finding, acknowledged ones with their reasons: the review page of the reports. */
export function findingsReport(model: TopologyModel, findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s && !f.acknowledged).length;
  const acknowledged = findings.filter((f) => f.acknowledged !== undefined);
  return [
    header('Findings', model),
    `${count(Severity.ERROR)} error(s), ${count(Severity.WARNING)} warning(s), ${acknowledged.length} acknowledged deviation(s), ${count(Severity.INFO)} note(s).\n`,
    heading(2, 'Acknowledged deviations'),
    table(['Rule', 'Where', 'Finding', 'Reason'], acknowledged.map((f) => [f.ruleId, f.path, f.message, f.acknowledged])),
    heading(2, 'Errors and warnings'),
    table(['Rule', 'Severity', 'Where', 'Finding'], findings.filter((f) => !f.acknowledged && f.severity !== Severity.INFO).map((f) => [f.ruleId, f.severity, f.path, f.message])),
    heading(2, 'Notes'),
    table(['Rule', 'Where', 'Finding'], findings.filter((f) => !f.acknowledged && f.severity === Severity.INFO).map((f) => [f.ruleId, f.path, f.message])),
  ].join('\n');
}

/**
 * The planning reports of one deployment as Markdown files by name: `dns.md`, `certificates.md`,
 * `firewall.md`, `hardware.md`, `topology.md` (Mermaid diagram), `findings.md`, `upgrade.md`
 * (support lifecycle and the path to Subscription Edition), `addresses.md` (the address plan) and
 * `backup.md` (what is backed up, where, how often, retention, RPO). Pass the
 * deployment's findings so acknowledged deviations appear next to what they affect.
 */
export function planningReports(model: TopologyModel, findings: readonly Finding[] = []): Record<string, string> {
  return {
    'dns.md': dnsReport(model, findings),
    'certificates.md': certificateReport(model, findings),
    'firewall.md': firewallReport(model, findings),
    'hardware.md': hardwareReport(model, findings),
    'topology.md': topologyDiagramPage(model, `Topology of ${model.path}`),
    'findings.md': findingsReport(model, findings),
    'upgrade.md': upgradeReport(model, findings),
    'addresses.md': addressReport(model),
    'backup.md': backupReport(model),
  };
}
