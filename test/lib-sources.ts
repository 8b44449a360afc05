/** The library's TypeScript sources, for tests that read lib/ as text (layers, module state, role lists). */
import { readdirSync } from 'fs';
import { join } from 'path';

export const LIB = join(__dirname, '..', 'lib');

/** Every .ts file at or below `dir` (default lib/), depth first. */
export function tsFilesUnder(dir: string = LIB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFilesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
