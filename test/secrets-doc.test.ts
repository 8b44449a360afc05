import { readFileSync } from 'fs';
import { join } from 'path';
import { DEPLOY_BEGIN, DEPLOY_END, envName } from '../lib/reports/secrets-doc';
import { renderedSecretDocs } from '../scripts/secrets-doc-render';
import { labDeployInput, sensitiveVariables, synthesizeExamples } from '../scripts/secrets-doc-input';

const ROOT = join(__dirname, '..');

// Every example synthesized once for the whole file: the checks below read the same stacks.
const EXAMPLES = synthesizeExamples();
const RENDERED = renderedSecretDocs(EXAMPLES);

describe('secrets in README.md and docs/lab.md', () => {
  test.each(['README.md', 'docs/lab.md'])('%s lists every sensitive variable of the code (run `npm run docs`)', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(RENDERED[file]);
  });

  test('the lab deploy command in docs/lab.md exports every required variable of the lab stack', () => {
    const doc = readFileSync(join(ROOT, 'docs/lab.md'), 'utf8');
    const block = doc.slice(doc.indexOf(DEPLOY_BEGIN), doc.indexOf(DEPLOY_END));
    const exported = [...block.matchAll(/^export (TF_VAR_[A-Za-z0-9_]+)=/gm)].map((m) => m[1]);
    const lab = labDeployInput(EXAMPLES);
    const required = lab.variables.filter((v) => v.required).map(envName);
    // The five the issue names: administrator, cluster bootstrap, cluster operator, domain join, SQL service.
    expect(required).toHaveLength(5);
    expect(exported.sort()).toEqual(required.sort());
    expect(block).toContain('npx cdktf deploy contoso-global contoso-west contoso-north');
  });

  test('a variable with a default is listed as not required, a non-sensitive one not at all', () => {
    expect(sensitiveVariables({ variable: { a: { sensitive: true, default: 'x' }, b: { sensitive: false }, c: { sensitive: true } } })).toEqual([
      { name: 'a', description: '', required: false },
      { name: 'c', description: '', required: true },
    ]);
  });
});
