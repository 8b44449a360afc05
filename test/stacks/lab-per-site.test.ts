/**
 * The lab in per-site stacks (issue 24 item 5): every `${...}` reference and every `depends_on` entry
 * of a stack names something that stack declares, so a site plans with the other region down.
 */
import { buildLabTopology } from '../../examples/lab/topology';
import { Testing, TerraformStack } from '../../lib/cdktf';

const json = (stack: TerraformStack) => JSON.parse(Testing.synth(stack));

/** Addresses a stack declares: `type.id`, `data.type.id`, `var.x`, `local.x`. */
function declared(s: any): Set<string> {
  const of = (block: any, prefix: string) => Object.entries(block ?? {}).flatMap(([type, byId]: [string, any]) => Object.keys(byId).map((id) => `${prefix}${type}.${id}`));
  return new Set([...of(s.resource, ''), ...of(s.data, 'data.'), ...Object.keys(s.variable ?? {}).map((v) => `var.${v}`), ...Object.keys(s.locals ?? {}).map((l) => `local.${l}`)]);
}

/** Every address a stack's strings reference (inside `${...}`) or its `depends_on` lists name. */
function referenced(s: any): string[] {
  const out: string[] = [];
  const walk = (v: any, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'depends_on') out.push(v.replace(/^\$\{|\}$/g, ''));
      for (const m of v.matchAll(/\$\{([^}]*)\}/g)) for (const r of m[1].matchAll(/\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g)) out.push(r[1]);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk({ resource: s.resource, data: s.data, output: s.output, locals: s.locals });
  // Built-in functions and attribute paths of declared addresses are not foreign.
  return out.filter((r) => !/^(each|count|self|path|terraform)\./.test(r) && /^(data\.|var\.|local\.|[a-z]+_[a-z0-9_]+\.)/.test(r));
}

function foreign(s: any): string[] {
  const own = declared(s);
  const address = (r: string) => r.split('.').slice(0, r.startsWith('data.') ? 3 : 2).join('.');
  return [...new Set(referenced(s).map(address).filter((a) => !own.has(a)))].sort();
}

describe('the lab, one stack per site', () => {
  const app = Testing.app();
  buildLabTopology(app);
  const stacks = app.node.children.filter(TerraformStack.isStack) as TerraformStack[];

  test('makes a global and a stack per site', () => {
    expect(stacks.length).toBeGreaterThanOrEqual(3);
  });

  test.each(stacks.map((s) => [s.node.id, s] as const))('stack %s references only what it declares', (_id, stack) => {
    const s = json(stack);
    expect(referenced(s).length).toBeGreaterThan(0);
    expect(foreign(s)).toEqual([]);
  });

  test('each site stack has its own domain controller setup', () => {
    const siteStacks = stacks.filter((s) => !s.node.id.endsWith('-global'));
    for (const stack of siteStacks) {
      const extensions = Object.values(json(stack).resource?.azurerm_virtual_machine_extension ?? {}) as any[];
      expect(extensions.filter((e) => e.name === 'sfb-lab-dc-setup')).toHaveLength(1);
    }
  });

  test('the checker sees a foreign reference', () => {
    expect(foreign({ resource: { a_b: { x: { depends_on: ['c_d.y'], v: '${e_f.z.id}' } } } })).toEqual(['c_d.y', 'e_f.z']);
  });
});

describe('the lab, one stack', () => {
  test('synthesizes with every reference declared in it', () => {
    const stack = new TerraformStack(Testing.app(), 'lab');
    buildLabTopology(stack);
    expect(foreign(json(stack))).toEqual([]);
  });
});
