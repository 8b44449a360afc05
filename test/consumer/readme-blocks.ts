/** The README's code blocks that name a file on their first line (`// main.ts`), so tests can use them as written. */
import { readFileSync } from 'fs';
import { join } from 'path';

const README = join(__dirname, '..', '..', 'README.md');

/** Every fenced block of README.md whose first line is `// <file>` (or `# <file>`), by file name. */
export function readmeFiles(readme = readFileSync(README, 'utf8')): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of readme.matchAll(/^```[a-z]*\n(?:\/\/|#) ([\w./-]+)(?:[^\n]*)\n([\s\S]*?)^```$/gm)) {
    const [, name, body] = m;
    if (!name || body === undefined) continue;
    if (files.has(name)) throw new Error(`README.md has two blocks named ${name}`);
    files.set(name, body);
  }
  return files;
}

/** The README block named `file`; throws, naming the file, when there is none. */
export function readmeFile(file: string): string {
  const body = readmeFiles().get(file);
  if (body === undefined) throw new Error(`README.md has no code block starting with "// ${file}"`);
  return body;
}
