/**
 * The backup plan report: what is backed up, from where, how, where the copy lives, how often, how
 * long, and the RPO that gives. A pure function of plain rows (the output of `backupPlan` in
 * lib/model/backup.ts has this shape; nothing else of the model is read).
 */
import { BACKUP_LOCATION_DECISION } from '../model/backup';
import { topologyBackupPlan } from '../model/backup-topology';
import { TopologyModel } from '../model/topology';
import { blocks, bullets, header, heading, table } from './markdown';

export interface BackupPlanReportRow {
  readonly site: string;
  readonly what: string;
  readonly from: string;
  readonly how: string;
  readonly where: string;
  readonly frequency: string;
  readonly retention: string;
  readonly rpo: string;
  readonly source: string;
}

export interface BackupPlanReportNote {
  readonly id: string;
  readonly severity: string;
  readonly site: string;
  readonly message: string;
}

export interface BackupPlanReportInput {
  readonly rows: readonly BackupPlanReportRow[];
  readonly notes?: readonly BackupPlanReportNote[];
  /** Decisions to print under the table (where copies live, SQL mechanism). @default none */
  readonly decisions?: readonly string[];
}

export const BACKUP_PLAN_HEADERS = ['Site', 'What', 'From', 'How', 'Where the copy lives', 'How often', 'Retention', 'RPO'] as const;

/** Markdown: a `## Backup plan` section with the table, the notes and the decisions. */
export function renderBackupPlan(input: BackupPlanReportInput): string {
  const notes = input.notes ?? [];
  const sources = [...new Set(input.rows.map((r) => r.source))].sort();
  return (
    blocks(
      heading(2, 'Backup plan'),
      table(BACKUP_PLAN_HEADERS, input.rows.map((r) => [r.site, r.what, r.from, r.how, r.where, r.frequency, r.retention, r.rpo])),
      notes.length > 0 ? heading(3, 'Notes') + '\n' + bullets(notes.map((n) => `[${n.id}] ${n.severity} ${n.site}: ${n.message}`)) : undefined,
      (input.decisions ?? []).length > 0 ? heading(3, 'Decisions') + '\n' + bullets(input.decisions!) : undefined,
      sources.length > 0 ? heading(3, 'Sources') + '\n' + bullets(sources) : undefined,
    ) + '\n'
  );
}

/**
 * `backup.md`: the backup plan of a topology (what, from where, how, where the copy lives, how often,
 * retention, RPO), the notes, and the decisions on where copies live.
 */
export function backupReport(model: TopologyModel): string {
  const plan = topologyBackupPlan(model);
  if (!plan) {
    return `${header('Backup plan', model)}\nNo backups are built (${model.lab ? 'a lab without the backup option' : 'backup: { enabled: false }'}); see BACKUP-1 and BACKUP-3.\n`;
  }
  return (
    header('Backup plan', model) +
    '\n' +
    renderBackupPlan({
      ...plan,
      decisions: [
        `VM restore points: ${BACKUP_LOCATION_DECISION.vmBackups}.`,
        'SQL backups: SQL IaaS Automated Backup (full + log) to a private storage account in the site\'s own region and stack, RA-GRS: the copies are in the Azure paired region, readable there while the site\'s region is down. The access key stays a reference inside the stack (state only); docs/backups.md says why not an account in the partner site.',
        `Exports: ${BACKUP_LOCATION_DECISION.exports}; the Front Ends write with a user-assigned managed identity, no key.`,
      ],
    })
  );
}
