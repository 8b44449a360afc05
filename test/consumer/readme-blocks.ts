/**
 * The README's code blocks that name a file, so tests use them as written: a block whose first line is
 * a comment naming it (`// main.ts`), or, for JSON, which has no comments, a block right after a line
 * that is only the file name in backticks and a colon (`` `tsconfig.json`: ``).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const README = join(__dirname, '..', '..', 'README.md');

/** Every named fenced block of README.md, by file name; the naming comment line is left out. */
export function readmeFiles(readme = readFileSync(README, 'utf8')): Map<string, string> {
  const files = new Map<string, string>();
  const add = (name: string | undefined, body: string | undefined): void => {
    if (!name || body === undefined) return;
    if (files.has(name)) throw new Error(`README.md has two blocks named ${name}`);
    files.set(name, body);
  };
  for (const [, name, body] of readme.matchAll(/^```[a-z]*\n(?:\/\/|#) ([\w./-]+)[^\n]*\n([\s\S]*?)^```$/gm)) add(name, body);
  for (const [, name, body] of readme.matchAll(/^`([\w./-]+)`:\n\n```[a-z]*\n([\s\S]*?)^```$/gm)) add(name, body);
  return files;
}

/** The README block named `file`; throws, naming the file, when there is none. */
export function readmeFile(file: string): string {
  const body = readmeFiles().get(file);
  if (body === undefined) throw new Error(`README.md has no code block named ${file}`);
  return body;
}
