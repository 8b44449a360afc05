/** Small Markdown helpers for the generated reports. */

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

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Blocks joined by blank lines, empty ones dropped. */
export function blocks(...parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim().length > 0).join('\n\n');
}
