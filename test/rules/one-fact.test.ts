/**
 * One fact, one finding: for each fact several catalog IDs describe, the smallest topology that has
 * the fact gets exactly one finding more than the same topology without it, under the primary ID,
 * and the message names the other IDs.
 */
import { DirectorPool, EdgePool, Finding, LoadBalancing, PairedPools, ProductVersion, SfbDeployment, validateTopology } from '../../lib';
import { evaluate } from '../../lib/rules/engine';
import { testEdge } from '../edge-helpers';
import { modelOf, testDeployment, testPool, testSite } from '../helpers';

const key = (f: Finding) => `${f.ruleId} ${f.path}`;

/** The findings `bad` has that `good` has not (by rule and path). */
function added(bad: readonly Finding[], good: readonly Finding[]): Finding[] {
  const known = new Set(good.map(key));
  return bad.filter((f) => !known.has(key(f)));
}

function findings(build: (d: SfbDeployment) => void, productVersion?: ProductVersion): Finding[] {
  const { deployment } = testDeployment(productVersion ? { productVersion } : {});
  build(deployment);
  return validateTopology(deployment);
}

describe('one fact, one finding', () => {
  test('13 Front Ends (FE-1, VER-6): one FE-1 finding', () => {
    const extra = added(findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 13 })), findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 11 })));
    expect(extra.map(key)).toEqual(['FE-1 test/contoso/west/pool']);
    expect(extra[0].message).toMatch(/also VER-6\)$/);
  });

  test('a 2-server pool in 2019 (VER-5, FE-2, FE-3): one VER-5 finding', () => {
    const v = ProductVersion.SKYPE_FOR_BUSINESS_2019;
    const extra = added(findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 2 }), v), findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 4 }), v));
    expect(extra.map(key)).toEqual(['VER-5 test/contoso/west/pool']);
    expect(extra[0].message).toMatch(/also FE-2, FE-3\)$/);
  });

  test('a 2-server pool in 2015 (FE-2, FE-3): one FE-2 finding', () => {
    const extra = added(findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 2 })), findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 4 })));
    expect(extra.map(key)).toEqual(['FE-2 test/contoso/west/pool']);
  });

  test('a 1-server pool (FE-4, FE-3): one FE-4 finding', () => {
    const extra = added(findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 1 })), findings((d) => testPool(testSite(d), 'pool', { frontEndServers: 3 })));
    expect(extra.map(key)).toEqual(['FE-4 test/contoso/west/pool']);
  });

  test('an empty central site (FE-20, TB-2, VOICE-1): one FE-20 finding', () => {
    const pool = (d: SfbDeployment) => testPool(testSite(d, 'west'), 'pool');
    // globalLocation given: a second site would otherwise also make its default a choice (GLOBAL-2, another fact).
    const withRegion = (build: (d: SfbDeployment) => void) => {
      const { deployment } = testDeployment({ globalLocation: 'westeurope' });
      build(deployment);
      return validateTopology(deployment);
    };
    const extra = added(withRegion((d) => { pool(d); testSite(d, 'north'); }), withRegion(pool));
    expect(extra.map(key)).toEqual(['FE-20 test/contoso/north']);
    expect(extra[0].message).toMatch(/also TB-2, VOICE-1\)$/);
  });

  test('a duplicated pool FQDN (NAME-4 with DNS-4, NAME-7, DNS-2, DNS-3; 15 findings before): one NAME-4 finding', () => {
    const two = (fqdn: string) => (d: SfbDeployment) => {
      testPool(testSite(d, 'west'), 'a', { fqdn: 'pool1.corp.contoso.com' });
      testPool(testSite(d, 'north'), 'b', { fqdn });
    };
    const extra = added(findings(two('pool1.corp.contoso.com')), findings(two('pool2.corp.contoso.com')));
    // In key (path) order north/b owns the names first; west/a reuses them.
    expect(extra.map(key)).toEqual(['NAME-4 test/contoso/west/a']);
    expect(extra[0].message).toMatch(/test\/contoso\/west\/a reuses 6 names of test\/contoso\/north\/b: pool FQDN pool1.corp.contoso.com; internal web FQDN .*; external web FQDN .*; server FQDNs pool1-1.corp.contoso.com, pool1-2.corp.contoso.com, pool1-3.corp.contoso.com/);
    expect(extra[0].message).toMatch(/NAME-7.*DNS-2, DNS-3.*also DNS-4, DIR-6\)$/);
  });

  test('a Director web FQDN equal to a Front End pool\'s (NAME-4, DNS-4, DIR-6): one NAME-4 finding', () => {
    const build = (externalWebFqdn?: string) => (d: SfbDeployment) => {
      const west = testSite(d, 'west');
      testPool(west, 'pool');
      new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com', ...(externalWebFqdn ? { externalWebFqdn } : {}) });
    };
    const extra = added(findings(build('pool-west-webext.contoso.com')), findings(build()));
    expect(extra.map(key)).toEqual(['NAME-4 test/contoso/west/director']);
  });

  test('a pair in one site (PAIR-6, VOICE-2): one PAIR-6 finding', () => {
    const f = findings((d) => {
      const site = testSite(d);
      new PairedPools(d, 'pair', { primary: testPool(site, 'a'), backup: testPool(site, 'b') });
    }).filter((x) => ['PAIR-6', 'PAIR-24', 'VOICE-2'].includes(x.ruleId));
    expect(f.map(key)).toEqual(['PAIR-6 test/contoso/pair']);
    expect(f[0].message).toMatch(/also VOICE-2\)$/);
  });

  test('paired sites without peering (PAIR-11, VOICE-2): one PAIR-11 finding', () => {
    const model = modelOf(({ deployment }) => {
      new PairedPools(deployment, 'pair', { primary: testPool(testSite(deployment, 'west')), backup: testPool(testSite(deployment, 'north')) });
    });
    const extra = added(evaluate({ ...model, peerings: [] }), evaluate(model));
    expect(extra.map(key)).toEqual(['PAIR-11 test/contoso/pair']);
  });

  test('a hardware-load-balanced Edge pool (AZURE-3, EDGE-7): one AZURE-3 finding', () => {
    const build = (loadBalancing?: LoadBalancing) => (d: SfbDeployment) => {
      const west = testSite(d, 'west');
      testEdge(west, testPool(west, 'pool'), 'edge', loadBalancing ? { loadBalancing } : {});
      const north = testSite(d, 'north');
      testEdge(north, testPool(north, 'pool'));
    };
    const extra = added(findings(build(LoadBalancing.HARDWARE)), findings(build()));
    expect(extra.map(key)).toEqual(['AZURE-3 test/contoso/west/edge']);
  });

  test('an Edge server with its internal NIC first (EDGE-12, VM-2): one EDGE-12 finding', () => {
    let edge: EdgePool | undefined;
    const model = modelOf(({ deployment }) => {
      const west = testSite(deployment, 'west');
      edge = testEdge(west, testPool(west, 'pool'));
    });
    const e = model.edgePools.find((x) => x.path === edge!.node.path)!;
    const s = e.servers[0];
    const swapped = { ...s, nics: [s.nics[1], s.nics[0]] };
    const broken = { ...model, servers: model.servers.map((x) => (x.path === s.path ? swapped : x)), edgePools: [{ ...e, servers: [swapped, ...e.servers.slice(1)] }] };
    const extra = added(evaluate(broken), evaluate(model)).filter((f) => f.ruleId === 'EDGE-12' || f.ruleId === 'VM-2');
    expect(extra.map(key)).toEqual([`EDGE-12 ${s.path}`]);
  });
});
