/** Every public props member is documented, and every optional one states its @default (API.md). */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const DIR = path.join(__dirname, '..', '..', 'lib', 'constructs');

interface Gap {
  readonly where: string;
  readonly problem: string;
}

/** Props members of exported `*Props` interfaces in a source text that lack a doc comment or a @default. */
export function tsdocGaps(fileName: string, text: string): Gap[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const gaps: Gap[] = [];
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || !node.name.text.endsWith('Props')) return;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member)) continue;
      const where = `${path.basename(fileName)} ${node.name.text}.${member.name.getText(source)}`;
      const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
      const comment = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join(' ').trim();
      if (comment === '') gaps.push({ where, problem: 'has no description' });
      if (member.questionToken && !docs.some((d) => (d.tags ?? []).some((t) => t.tagName.text === 'default'))) {
        gaps.push({ where, problem: 'is optional without @default' });
      }
    }
  });
  return gaps;
}

describe('TSDoc of construct props', () => {
  it('documents every member of every *Props interface, with @default on optional ones', () => {
    const gaps = fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => tsdocGaps(f, fs.readFileSync(path.join(DIR, f), 'utf8')));
    expect(gaps.map((g) => `${g.where} ${g.problem}`)).toEqual([]);
  });

  it('fails on an undocumented member and on an optional member without @default', () => {
    const text = 'export interface XProps {\n  readonly a: string;\n  /** Size. */\n  readonly b?: number;\n}\n';
    expect(tsdocGaps('x.ts', text).map((g) => `${g.where} ${g.problem}`)).toEqual([
      'x.ts XProps.a has no description',
      'x.ts XProps.b is optional without @default',
    ]);
  });
});
