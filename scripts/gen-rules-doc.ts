/** `npm run docs`: writes docs/rules.md from the rule data. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { renderRulesDoc } from '../lib/reports/rules-doc';
import { rulesDocInput } from './rules-doc-input';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), renderRulesDoc(rulesDocInput()));
console.log('wrote docs/rules.md');
