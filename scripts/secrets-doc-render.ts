/** README.md and docs/lab.md with their generated secrets sections, as the code says they must read. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DEPLOY_BEGIN, DEPLOY_END, renderDeployCommand, renderSecretsTable, replaceBetween, SECRETS_BEGIN, SECRETS_END } from '../lib/reports/secrets-doc';
import { labDeployInput, labStacksInput, secretsDocInput, SynthesizedExample, synthesizeExamples } from './secrets-doc-input';

const ROOT = join(__dirname, '..');

export function renderedSecretDocs(examples: readonly SynthesizedExample[] = synthesizeExamples()): Record<string, string> {
  const stacks = secretsDocInput(examples);
  const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
  const readme = replaceBetween(read('README.md'), SECRETS_BEGIN, SECRETS_END, renderSecretsTable(stacks));
  let labDoc = replaceBetween(read('docs/lab.md'), SECRETS_BEGIN, SECRETS_END, renderSecretsTable(labStacksInput(examples)));
  labDoc = replaceBetween(labDoc, DEPLOY_BEGIN, DEPLOY_END, renderDeployCommand(labDeployInput(examples)));
  return { 'README.md': readme, 'docs/lab.md': labDoc };
}
