/**
 * The backup plan report: what is backed up, from where, how, where the copy lives, how often, how
 * long, and the RPO that gives. A pure function of plain rows (the output of `backupPlan` in
 * lib/model/backup.ts has this shape; nothing else of the model is read).
 */
import { blocks, bullets, heading, table } from './markdown';

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
