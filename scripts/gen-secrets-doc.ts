/** `npm run docs` (second part): writes the secrets tables into README.md and docs/lab.md, and the lab deploy command. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { renderedSecretDocs } from './secrets-doc-render';

for (const [file, text] of Object.entries(renderedSecretDocs())) {
  writeFileSync(join(__dirname, '..', file), text);
  console.log(`wrote ${file}`);
}
