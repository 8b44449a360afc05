/**
 * Issue 28 item 4: input that was accepted silently, or failed with a raw TypeError or cdktf message,
 * is refused in the library's words (construct, prop, value, fix); topology rules are findings.
 */
import {
  acknowledgeFinding,
  CentralSite,
  DirectorPool,
  FrontEndPool,
  MediationPool,
  ProductVersion,
  Severity,
  SfbDeployment,
  validateTopology,
} from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { App, TerraformStack, Testing } from '../../lib/cdktf';
import { chatTopology } from '../chat-helpers';
import { testEdge } from '../edge-helpers';
import { findingsOf, ruleIds, testDeployment, testPool, testSite, testStack } from '../helpers';

const props = { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com' };

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('NAME-8: internal pool FQDNs lie in the AD domain or the SIP domain', () => {
  test('a pool FQDN outside both is one error naming the prop, the value, the zone it would shadow and the fix', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { fqdn: 'pool.fabrikam.com' });
    const f = findingsOf(validateTopology(deployment), 'NAME-8');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/west/pool' });
    expect(f[0].message).toMatch(/fqdn "pool\.fabrikam\.com", internalWebFqdn "pool-webint\.fabrikam\.com" are outside the AD domain corp\.contoso\.com .* private DNS zone fabrikam\.com .* give an FQDN in corp\.contoso\.com \(e\.g\. "pool\.corp\.contoso\.com"\)/);
  });
  test('Director, Mediation and Edge internal FQDNs are checked too', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    const pool = testPool(site);
    new DirectorPool(site, 'director', { fqdn: 'dir.fabrikam.com' });
    new MediationPool(site, 'mediation', { fqdn: 'med.fabrikam.com', nextHop: pool });
    testEdge(site, pool, 'edge', { internalFqdn: 'edge.fabrikam.com' });
    expect(findingsOf(validateTopology(deployment), 'NAME-8').map((f) => f.path).sort()).toEqual(['test/contoso/west/director', 'test/contoso/west/edge', 'test/contoso/west/mediation']);
  });
  test('pools in the AD domain and in the SIP domain (strict name matching) pass', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'), 'pool', { fqdn: 'pool01.contoso.com' });
    expect(ruleIds(validateTopology(deployment))).not.toContain('NAME-8');
  });
});

describe('NAME-9: Edge external FQDNs lie outside the AD domain', () => {
  test('external FQDNs in the AD domain are one error naming each prop', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testEdge(site, testPool(site), 'edge', { accessEdgeFqdn: 'sip.corp.contoso.com', audioVideoEdgeFqdn: 'av.corp.contoso.com' });
    const f = findingsOf(validateTopology(deployment), 'NAME-9');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/west/edge' });
    expect(f[0].message).toMatch(/accessEdgeFqdn "sip\.corp\.contoso\.com", audioVideoEdgeFqdn "av\.corp\.contoso\.com" are in the AD domain corp\.contoso\.com: .* e\.g\. "sip\.contoso\.com"/);
  });
  test('external FQDNs in the SIP domain pass', () => {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    testEdge(site, testPool(site));
    expect(ruleIds(validateTopology(deployment))).not.toContain('NAME-9');
  });
});

describe('deployments, stacks and providers', () => {
  test('two deployments claiming one SIP domain in one stack fail at the second, naming the first', () => {
    const stack = testStack();
    new SfbDeployment(stack, 'contoso', props);
    expect(() => new SfbDeployment(stack, 'contoso2', props)).toThrow(/^SfbDeployment test\/contoso2: sipDomain "contoso\.com" is already the SIP domain of deployment test\/contoso in the same stack; .*give this deployment its own SIP domain/);
    expect(() => new SfbDeployment(stack, 'fabrikam', { ...props, sipDomain: 'fabrikam.com', adDomain: 'corp.fabrikam.com' })).not.toThrow();
  });
  test('a provider the user adds to a stack the library made fails at synthesis, naming both providers', () => {
    const app = Testing.app();
    const deployment = new SfbDeployment(app, 'contoso', { ...props, globalLocation: 'francecentral' });
    const site = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
    testPool(site);
    new AzurermProvider(site.stack, 'mine', { features: [{}] });
    expect(thrown(() => Testing.synth(site.stack)).message).toMatch(/^CentralSite west: stack contoso-west is made by the library and has its own azurerm provider \(contoso-west\/azurerm\); remove the provider contoso-west\/mine: /);
  });
  test.each([
    [{ westeurope: { resourceGroupName: 'rg-state', storageAccountName: 'Bad_Name!' } }, /remoteState\.westeurope\.storageAccountName "Bad_Name!" breaks the .* character rules .*; Azure refuses it, so terraform init would fail; use e\.g\. "sttfstatewesteurope"/],
    [{ westeurope: { resourceGroupName: 'rg state.', storageAccountName: 'ststate' } }, /remoteState\.westeurope\.resourceGroupName "rg state\." breaks/],
    [{ westeurope: { storageAccountName: 'ststate' } }, /remoteState\.westeurope\.resourceGroupName is missing/],
    [{ 'West Europe': { resourceGroupName: 'rg', storageAccountName: 'ststate' } }, /remoteState\.West Europe: "West Europe" is not an Azure region name/],
    [{ westeurope: { resourceGroupName: 'rg', storageAccountName: 'ststate', container: 'x' } }, /remoteState\.westeurope\.container is not a setting/],
    [['ststate'], /remoteState \["ststate"\] is not an object/],
  ])('remoteState %j fails before any stack is made', (remoteState, message) => {
    const app = Testing.app();
    expect(() => new SfbDeployment(app, 'contoso', { ...props, globalLocation: 'westeurope', remoteState: remoteState as never })).toThrow(message);
    expect(app.node.children).toEqual([]);
  });
  test('new SfbDeployment(undefined, ...) and a missing id say so in the library\'s words', () => {
    const e = thrown(() => new SfbDeployment(undefined as never, 'contoso', props));
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e.message).toMatch(/^SfbDeployment contoso: scope undefined is not a construct; pass your TerraformStack .* or the App/);
    expect(() => new SfbDeployment(testStack(), undefined as never, props)).toThrow(/^SfbDeployment: id undefined is not a name/);
  });
  test('validateTopology(undefined) says what to pass, not a TypeError', () => {
    const e = thrown(() => validateTopology(undefined as never));
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e.message).toMatch(/^validateTopology: scope undefined is not a construct; pass the App, a stack or an SfbDeployment/);
  });
});

describe('associateEdgePool', () => {
  test('undefined, a string or a pool that is not an Edge pool fail naming the pool and the value', () => {
    const { deployment } = testDeployment();
    const pool = testPool(testSite(deployment));
    expect(() => pool.associateEdgePool(undefined as never)).toThrow(/^FrontEndPool test\/contoso\/west\/pool: associateEdgePool\(undefined\): not an EdgePool; pass the EdgePool construct itself/);
    expect(() => pool.associateEdgePool('edge' as never)).toThrow(/associateEdgePool\("edge"\): not an EdgePool/);
    expect(() => pool.associateEdgePool(pool as never)).toThrow(/associateEdgePool\(construct test\/contoso\/west\/pool\): not an EdgePool/);
  });
  test('another deployment\'s Edge pool fails naming both deployments', () => {
    const stack = testStack();
    const { deployment } = testDeployment({}, stack);
    const pool = testPool(testSite(deployment));
    const other = new SfbDeployment(stack, 'fabrikam', { ...props, sipDomain: 'fabrikam.com', adDomain: 'corp.fabrikam.com' });
    const otherSite = testSite(other);
    const edge = testEdge(otherSite, new FrontEndPool(otherSite, 'pool', { fqdn: 'pool.corp.fabrikam.com', backEnd: testPool(otherSite, 'x', { fqdn: 'x.corp.fabrikam.com' }).backEnd }), 'edge', {
      internalFqdn: 'edge.corp.fabrikam.com', accessEdgeFqdn: 'sip.fabrikam.com', webConferencingEdgeFqdn: 'webconf.fabrikam.com', audioVideoEdgeFqdn: 'av.fabrikam.com',
    });
    expect(() => pool.associateEdgePool(edge)).toThrow(/^FrontEndPool test\/contoso\/west\/pool: associateEdgePool\(test\/fabrikam\/west\/edge\): that Edge pool belongs to another deployment \(test\/fabrikam\), not to test\/contoso/);
  });
  test('an association changes the plan', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const pool = testPool(west);
    const northEdge = testEdge(north, testPool(north));
    expect(deployment._toModel().frontEndPools.find((p) => p.path === pool.node.path)?.associatedEdgePath).toBeUndefined();
    pool.associateEdgePool(northEdge);
    expect(deployment._toModel().frontEndPools.find((p) => p.path === pool.node.path)?.associatedEdgePath).toBe(northEdge.node.path);
  });
});

describe('error findings refuse synthesis with or without skipValidation', () => {
  const twoServerPool2019 = (stack: TerraformStack) => {
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 }, stack);
    return testPool(testSite(deployment), 'pool', { frontEndServers: 2 });
  };
  test('App({ skipValidation: true }) refuses a topology with an error finding, listing it', () => {
    const app = new App({ skipValidation: true, outdir: Testing.app().outdir });
    twoServerPool2019(testStack(app));
    expect(thrown(() => app.synth()).message).toMatch(/^SfbDeployment test\/contoso: the topology has 1 error finding\(s\), which skipValidation does not skip; .*\n  \[VER-5\] test\/contoso\/west\/pool: /);
  });
  test('App({ skipValidation: true }) synthesizes a topology without error findings', () => {
    const app = new App({ skipValidation: true, outdir: Testing.app().outdir });
    const { deployment } = testDeployment({}, testStack(app));
    testPool(testSite(deployment));
    expect(() => app.synth()).not.toThrow();
  });
  test('VER-5 is fatal: acknowledging it throws, naming why', () => {
    const pool = twoServerPool2019(testStack());
    expect(() => acknowledgeFinding(pool, 'VER-5', 'two servers, we know better')).toThrow(/VER-5 \(.*\) cannot be acknowledged: Topology Builder refuses to publish .*; fix the topology instead/);
  });
});

describe('secrets in unknown props are never printed', () => {
  test.each(['adminPassword', 'password', 'storageKey', 'clientSecret', 'apiToken'])('%s: the value is <redacted>', (key) => {
    const e = thrown(() => new SfbDeployment(testStack(), 'contoso', { ...props, [key]: 'Hunter2!Secret' } as never));
    expect(e.message).toMatch(new RegExp(`^SfbDeployment test/contoso: ${key} <redacted> is not a prop of SfbDeployment; known props are .*; no prop takes a secret`));
    expect(e.message).not.toContain('Hunter2');
  });
  test('other unknown props still print their value', () => {
    expect(() => new SfbDeployment(testStack(), 'contoso', { ...props, sipDomian: 'contoso.com' } as never)).toThrow(/sipDomian "contoso\.com" is not a prop of SfbDeployment/);
  });
});

describe('one mistake, one error: follow-on findings are folded into their cause', () => {
  test('xmppFederation on Subscription Edition is VER-4 only (no EDGE-5 asking for 23456/TCP)', () => {
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE });
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    testEdge(west, testPool(west), 'edge', { federation: true, xmppFederation: true });
    testEdge(north, testPool(north));
    expect(ruleIds(validateTopology(deployment), Severity.ERROR)).toEqual(['VER-4']);
  });
  test('xmppFederation in 2015 still needs 23456/TCP from every pool (EDGE-5 still checks it)', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    testEdge(west, testPool(west), 'edge', { federation: true, xmppFederation: true });
    expect(ruleIds(validateTopology(deployment), Severity.ERROR)).toEqual([]);
  });
  test('a chat pool in 2019 is VER-3 only (no PCHAT-7)', () => {
    const { deployment } = chatTopology({}, { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
    expect(ruleIds(validateTopology(deployment), Severity.ERROR)).toEqual(['VER-3']);
  });
});
