import { Construct } from 'constructs';
import { acknowledgeFinding, FrontEndPool, ProductVersion, Severity, validateTopology } from '../lib';
import { App, Testing } from '../lib/cdktf';
import { testDeployment, testPerSiteDeployment, testPool, testSite, testStack } from './helpers';

/** A 2019 deployment with two error findings (a 2-server pool: FE-2 and VER-5) and one pool without a back end (TB-3). */
function invalid() {
  const t = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
  const site = testSite(t.deployment);
  testPool(site, 'pool', { frontEndServers: 2 });
  new FrontEndPool(site, 'nobackend', { fqdn: 'nobackend.corp.contoso.com' });
  return t;
}

function errorMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('synthesis refuses an invalid topology with every error at once', () => {
  test('Testing.synth with validations lists each error as [RULE-ID] path: message', () => {
    const { stack } = invalid();
    const message = errorMessage(() => Testing.synth(stack, true));
    expect(message).toMatch(/\[VER-5\] test\/contoso\/west\/pool: Enterprise pool .* has 2 Front End servers/);
    expect(message).not.toMatch(/\[FE-2\]/);
    expect(message).toMatch(/\[TB-3\] test\/contoso\/west\/nobackend: /);
  });

  test('Testing.fullSynth refuses too', () => {
    const { stack } = invalid();
    expect(errorMessage(() => Testing.fullSynth(stack))).toMatch(/\[VER-5\]/);
  });

  test('app.synth refuses too', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 }, testStack(app));
    testPool(testSite(deployment), 'pool', { frontEndServers: 2 });
    const message = errorMessage(() => app.synth());
    expect(message).toMatch(/\[VER-5\] test\/contoso\/west\/pool: /);
  });

  test('a valid topology synthesizes with validations', () => {
    const { stack, deployment } = testDeployment();
    testPool(testSite(deployment));
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('documented rules never throw from constructors: all findings come from one run', () => {
    const { deployment } = invalid();
    const ids = validateTopology(deployment).filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['VER-5', 'TB-3']));
  });
});

describe('warnings become annotations starting with the rule ID', () => {
  test('a 2015 two-server pool carries an FE-2 warning annotation on the pool', () => {
    const { stack, deployment } = testDeployment();
    const pool = testPool(testSite(deployment), 'pool', { frontEndServers: 2 });
    Testing.synth(stack);
    const warnings = pool.node.metadata.filter((m) => m.type === 'aws:cdk:warning' || m.type === '@cdktf/warn' || String(m.type).includes('warn'));
    expect(warnings.map((w) => String(w.data))).toEqual(expect.arrayContaining([expect.stringMatching(/^\[FE-2\] test\/contoso\/west\/pool: /)]));
  });

  test('with a stack per site, on the pool in its site\'s stack', () => {
    const { app, deployment } = testPerSiteDeployment();
    const pool = testPool(testSite(deployment), 'pool', { frontEndServers: 2 });
    app.synth();
    const warnings = pool.node.metadata.filter((m) => String(m.type).includes('warn')).map((m) => String(m.data));
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^\\[FE-2\\] ${pool.node.path}: `)), expect.stringMatching(/^\[FE-8\] /)]));
    expect(pool.node.path).toMatch(/^contoso-west\//);
  });
});

describe('acknowledgeFinding', () => {
  // VER-5 is fatal (Topology Builder refuses the topology): an acknowledgeable error shows the mechanism.
  const acknowledgeable = () => {
    const t = testDeployment();
    const site = testSite(t.deployment);
    testPool(site, 'pool');
    new FrontEndPool(site, 'nobackend', { fqdn: 'nobackend.corp.contoso.com' });
    return { ...t, site };
  };

  test('turns matching findings into info with the reason and unblocks synthesis', () => {
    const { stack, site } = acknowledgeable();
    expect(() => Testing.synth(stack, true)).toThrow(/\[TB-3\]/);
    acknowledgeFinding(site.node.findChild('nobackend'), 'TB-3', 'back end added by a later stage');
    const tb3 = validateTopology(stack).filter((f) => f.ruleId === 'TB-3');
    expect(tb3[0]).toMatchObject({ severity: Severity.INFO, acknowledged: 'back end added by a later stage' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('only covers the scope it is given', () => {
    const { stack, site } = acknowledgeable();
    acknowledgeFinding(site.node.findChild('pool') as Construct, 'TB-3', 'does not cover the other pool');
    expect(validateTopology(stack).find((f) => f.ruleId === 'TB-3')?.severity).toBe(Severity.ERROR);
  });

  test('a reason shorter than 10 characters throws', () => {
    const { deployment } = invalid();
    expect(() => acknowledgeFinding(deployment, 'FE-2', 'lab')).toThrow(/shorter than 10 characters/);
  });
});
