/** Reading sections of a generated runbook in tests. */

/** The text of a `## heading` section up to the next `## `. */
export function section(runbook: string, heading: string): string {
  const start = runbook.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = runbook.indexOf('\n## ', start + 1);
  return runbook.slice(start, end < 0 ? undefined : end);
}

/** The text of a `### heading` subsection up to the next heading. */
export function subsection(text: string, heading: string): string {
  const start = text.indexOf(`### ${heading}`);
  if (start < 0) throw new Error(`no subsection ${heading}`);
  const end = text.indexOf('\n#', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}
