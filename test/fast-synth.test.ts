import { AzurermProvider } from '../lib/azurerm';
import { App, TerraformStack, Testing } from '../lib/cdktf';
import { buildReferenceTopology } from '../examples/reference/topology';
import { buildLabTopology } from '../examples/lab/topology';
import { buildSfb2015Topology } from '../examples/sfb2015/topology';
import { cdktfSynth, fastSynth } from './fast-synth';

function referenceStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'ref');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildReferenceTopology(stack);
  return stack;
}

describe('the linear Testing.synth the tests use', () => {
  test('is installed', () => {
    expect(Testing.synth).toBe(fastSynth);
  });

  test.each([false, true])('gives the bytes cdktf gives for the reference example (validations %s)', (validations) => {
    expect(fastSynth(referenceStack(), validations)).toBe(cdktfSynth(referenceStack(), validations));
  });

  test('gives the bytes cdktf gives for a stack with overrides (cdktf resolves those after merging)', () => {
    const withOverrides = () => {
      const stack = referenceStack();
      stack.addOverride('terraform.required_version', '>= 1.6');
      stack.addOverride('locals.owner', 'contoso');
      return stack;
    };
    const text = fastSynth(withOverrides());
    expect(JSON.parse(text).locals).toEqual({ owner: 'contoso' });
    expect(text).toBe(cdktfSynth(withOverrides()));
  });

  test('gives the bytes cdktf gives for every stack of the lab and the 2015 example', () => {
    const app = new App();
    buildLabTopology(app);
    const stack = new TerraformStack(new App(), 'sfb-2015');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    buildSfb2015Topology(stack);
    const stacks = [...(app.node.children.filter(TerraformStack.isStack) as TerraformStack[]), stack];
    expect(stacks.length).toBeGreaterThan(2);
    for (const s of stacks) expect(fastSynth(s)).toBe(cdktfSynth(s));
  });
});
