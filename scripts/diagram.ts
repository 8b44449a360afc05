/** `npm run diagram`: writes the reference topology's Mermaid diagram to docs/topology.md. */
import * as fs from 'fs';
import * as path from 'path';
import { referenceDiagramPage } from '../examples/reference/diagram';

const file = path.join(__dirname, '..', 'docs', 'topology.md');
fs.writeFileSync(file, referenceDiagramPage());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
