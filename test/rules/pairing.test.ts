import { BackEndMode, PairedPools, PoolEdition, ProductVersion, SfbDeployment, Severity, TopologyModel, validateTopology, WindowsServerVersion } from '../../lib/experimental';
import { PAIRING_RULES } from '../../lib/rules/pairing';
import { evaluate } from '../../lib/rules/engine';
import { check, findingsOf, modelOf, ruleIds, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => PAIRING_RULES.find((r) => r.id === id);

/** Two sites (west in westeurope, north in northeurope by default), one pool each, paired. */
function pairedDeployment(opts: { westLocation?: string; northLocation?: string; productVersion?: ProductVersion; west?: object; north?: object } = {}) {
  const t = testDeployment(opts.productVersion ? { productVersion: opts.productVersion } : {});
  const west = testPool(testSite(t.deployment, 'west', opts.westLocation ? { location: opts.westLocation } : {}), 'pool', opts.west);
  const north = testPool(testSite(t.deployment, 'north', opts.northLocation ? { location: opts.northLocation } : {}), 'pool', opts.north);
  new PairedPools(t.deployment, 'pair', { primary: west, backup: north });
  return { ...t, west, north };
}

function pairedModel(opts: Parameters<typeof pairedDeployment>[0] = {}): TopologyModel {
  return pairedDeployment(opts).deployment._toModel();
}

describe('a well-formed pair', () => {
  test('has no pairing error or warning findings (it names the pool that hosts the Central Management Store)', () => {
    const mine = new Set([...PAIRING_RULES.map((r) => r.id), 'FILE-1', 'FILE-4', 'AZURE-5']);
    const serious = validateTopology(pairedDeployment({ west: { hostsCentralManagementStore: true } }).deployment).filter((f) => mine.has(f.ruleId) && f.severity !== Severity.INFO);
    expect(serious).toEqual([]);
  });
});

describe('PAIR-1: paired pools have the same edition', () => {
  test('fails when an Enterprise pool is paired with a Standard Edition server', () => {
    const f = findingsOf(validateTopology(pairedDeployment({ north: { edition: PoolEdition.STANDARD, backEnd: undefined } }).deployment), 'PAIR-1');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/pair' });
    expect(f[0].message).toMatch(/Enterprise Edition but .* Standard Edition/);
  });
  test('passes for two Standard Edition servers', () => {
    const m = pairedModel({ west: { edition: PoolEdition.STANDARD, backEnd: undefined }, north: { edition: PoolEdition.STANDARD, backEnd: undefined } });
    expect(check(rule('PAIR-1'), m)).toHaveLength(0);
  });
});

describe('PAIR-3: paired pools run the same operating system', () => {
  test('fails for Windows Server 2016 paired with 2019', () => {
    const f = check(rule('PAIR-3'), pairedModel({ west: { operatingSystem: WindowsServerVersion.WINDOWS_SERVER_2016 } }));
    expect(f[0].message).toMatch(/runs Windows Server 2016 but .* runs 2019/);
  });
  test('passes with one OS', () => {
    expect(check(rule('PAIR-3'), pairedModel())).toHaveLength(0);
  });
});

describe('PAIR-4: pairing is one to one', () => {
  test('fails when a pool is paired twice', () => {
    const { deployment, west } = pairedDeployment();
    const third = testPool(testSite(deployment, 'east', { location: 'francecentral' }), 'pool');
    new PairedPools(deployment, 'second-pair', { primary: west, backup: third });
    const f = findingsOf(validateTopology(deployment), 'PAIR-4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: 'test/contoso/second-pair', severity: Severity.ERROR });
    expect(f[0].message).toMatch(/already paired in test\/contoso\/pair/);
  });
  test('fails when a pool is paired with itself', () => {
    const { deployment } = testDeployment();
    const pool = testPool(testSite(deployment));
    new PairedPools(deployment, 'self', { primary: pool, backup: pool });
    expect(findingsOf(validateTopology(deployment), 'PAIR-4')[0].message).toMatch(/paired with itself/);
  });
  test('passes for one pair', () => {
    expect(check(rule('PAIR-4'), pairedModel())).toHaveLength(0);
  });
});

describe('PAIR-6 (also VOICE-2), PAIR-24 and PAIR-11: paired pools are in different sites', () => {
  function sameSite() {
    const { deployment } = testDeployment();
    const site = testSite(deployment);
    new PairedPools(deployment, 'pair', { primary: testPool(site, 'a'), backup: testPool(site, 'b') });
    return validateTopology(deployment);
  }
  test('two pools of one site are one PAIR-6 error that names VOICE-2', () => {
    const f = sameSite();
    expect(findingsOf(f, 'PAIR-6')).toHaveLength(1);
    expect(findingsOf(f, 'PAIR-6')[0].severity).toBe(Severity.ERROR);
    expect(findingsOf(f, 'PAIR-6')[0].message).toMatch(/different central site.*also VOICE-2\)$/);
    expect(ruleIds(f)).not.toContain('VOICE-2');
    expect(ruleIds(f)).not.toContain('PAIR-24');
  });
  test('two sites in one Azure region are a PAIR-24 warning', () => {
    const f = validateTopology(pairedDeployment({ northLocation: 'westeurope' }).deployment);
    expect(ruleIds(f)).not.toContain('PAIR-6');
    expect(findingsOf(f, 'PAIR-24')[0]).toMatchObject({ severity: Severity.WARNING });
    expect(findingsOf(f, 'PAIR-24')[0].message).toMatch(/same Azure region westeurope/);
  });
  test('sites in two regions pass', () => {
    const m = pairedModel();
    expect(check(rule('PAIR-6'), m)).toHaveLength(0);
    expect(check(rule('PAIR-24'), m)).toHaveLength(0);
  });
  test('sites that are not peered are one PAIR-11 error that names VOICE-2', () => {
    const m = pairedModel();
    const f = evaluate({ ...m, peerings: [] });
    expect(findingsOf(f, 'PAIR-11')).toHaveLength(1);
    expect(findingsOf(f, 'PAIR-11')[0].severity).toBe(Severity.ERROR);
    expect(findingsOf(f, 'PAIR-11')[0].message).toMatch(/not peered both ways.*also VOICE-2\)$/);
    expect(ruleIds(f)).not.toContain('VOICE-2');
  });
});

describe('PAIR-7 and AZURE-7: pairs stay in one world region and Azure geography', () => {
  test('westeurope with northeurope: same geography, no finding', () => {
    const m = pairedModel();
    expect(check(rule('PAIR-7'), m)).toHaveLength(0);
    expect(check(rule('AZURE-7'), m)).toHaveLength(0);
  });
  test('westeurope with uksouth: another Azure geography (AZURE-7) in the same world region (no PAIR-7)', () => {
    const m = pairedModel({ northLocation: 'uksouth' });
    expect(check(rule('AZURE-7'), m)[0]).toMatchObject({ severity: Severity.WARNING });
    expect(check(rule('AZURE-7'), m)[0].message).toMatch(/westeurope: Europe, uksouth: United Kingdom/);
    expect(check(rule('PAIR-7'), m)).toHaveLength(0);
  });
  test('westeurope with eastus: both warn', () => {
    const m = pairedModel({ northLocation: 'eastus' });
    expect(check(rule('PAIR-7'), m)[0].message).toMatch(/Europe, eastus: Americas/);
    expect(check(rule('AZURE-7'), m)).toHaveLength(1);
  });
  test('a region outside the catalog (only reachable by editing the model: CentralSite refuses it) is one PAIR-22 info finding', () => {
    const m = pairedModel();
    const sites = m.sites.map((s, i) => (i === 1 ? { ...s, location: 'marsnorth' } : s));
    const f = evaluate({ ...m, sites }).filter((x) => ['PAIR-7', 'AZURE-7', 'PAIR-22'].includes(x.ruleId));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'PAIR-22', severity: Severity.INFO });
    expect(f[0].message).toMatch(/marsnorth/);
    expect(check(rule('PAIR-22'), m)).toEqual([]);
  });
});

describe('PAIR-8: each pool of a pair can serve both pools\' users', () => {
  test('warns when a paired 2015 pool has more than 40,000 users', () => {
    const f = check(rule('PAIR-8'), pairedModel({ west: { users: 41000, frontEndServers: 12 } }));
    expect(f.map((x) => x.message).join()).toMatch(/users is 41000; .* at most 40,000/);
  });
  test('allows 53,000 per pool in 2019', () => {
    const m = pairedModel({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019, west: { users: 41000, frontEndServers: 16 }, north: { users: 1000, frontEndServers: 16 } });
    expect(check(rule('PAIR-8'), m)).toHaveLength(0);
  });
  test('warns when a pool has too few Front Ends for both pools\' users', () => {
    const f = check(rule('PAIR-8'), pairedModel({ west: { users: 15000 }, north: { users: 10000 } }));
    expect(f).toHaveLength(2);
    expect(f[0].message).toMatch(/25000 users of both pools, which needs 4 Front End servers .* has 3/);
  });
  test('passes when both pools can carry both', () => {
    expect(check(rule('PAIR-8'), pairedModel({ west: { users: 8000 }, north: { users: 8000 } }))).toHaveLength(0);
  });
});

describe('PAIR-9: same Back End HA technology', () => {
  test('warns when the back end modes differ', () => {
    const m = pairedModel();
    const [a, b] = m.backEnds;
    const mixed = { ...m, backEnds: [a, { ...b, mode: BackEndMode.MIRRORING }] };
    // Back ends in key (path) order: b is west's, the pair's primary.
    expect(check(rule('PAIR-9'), mixed)[0].message).toMatch(/pool-west.corp.contoso.com uses a mirroring back end but pool-north.corp.contoso.com uses standalone/);
  });
  test('passes when they match', () => {
    expect(check(rule('PAIR-9'), pairedModel())).toHaveLength(0);
  });
});

describe('PAIR-10: Standard Edition pairs', () => {
  test('an SE pair gets an info finding, an Enterprise pair none', () => {
    const se = pairedModel({ west: { edition: PoolEdition.STANDARD, backEnd: undefined }, north: { edition: PoolEdition.STANDARD, backEnd: undefined } });
    expect(check(rule('PAIR-10'), se)[0].severity).toBe(Severity.INFO);
    expect(check(rule('PAIR-10'), pairedModel())).toHaveLength(0);
  });
});

describe('PAIR-11: the paired pools reach each other over a private link', () => {
  test('fails when the sites are not peered', () => {
    const m = pairedModel();
    const f = check(rule('PAIR-11'), { ...m, peerings: m.peerings!.slice(0, 1) });
    expect(f[0]).toMatchObject({ severity: Severity.ERROR });
    expect(f[0].message).toMatch(/not peered both ways/);
  });
  test('fails when no flow admits SIP between the pools', () => {
    const m = pairedModel();
    // Without the Front End subnets' allows, their closing rules deny what Azure's AllowVnetInBound would admit.
    const flows = m.flows.filter((f) => !f.nsg.endsWith('/front-end') || f.access === 'Deny');
    expect(check(rule('PAIR-11'), { ...m, flows })[0].message).toMatch(/on TCP 5061, 444, 443/);
  });
  test('passes for PairedPools', () => {
    expect(check(rule('PAIR-11'), pairedModel())).toHaveLength(0);
  });
});

describe('PAIR-23 and PAIR-12: exactly one Central Management Store, its standby in the partner', () => {
  test('fails (PAIR-23) when two pools host it', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'), 'pool', { hostsCentralManagementStore: true });
    testPool(testSite(deployment, 'north'), 'pool', { hostsCentralManagementStore: true });
    expect(findingsOf(validateTopology(deployment), 'PAIR-12')).toEqual([]);
    const f = findingsOf(validateTopology(deployment), 'PAIR-23');
    expect(f.map((x) => x.severity)).toEqual([Severity.ERROR, Severity.ERROR]);
    expect(f[0].message).toMatch(/2 pools host the Central Management Store/);
  });
  test('fails when no pool hosts it', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { hostsCentralManagementStore: false });
    expect(findingsOf(validateTopology(deployment), 'PAIR-23')[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso' });
  });
  test('by default the smallest key <site id>/<pool id> hosts it (north/pool, though west was declared first) and its partner holds the standby', () => {
    const { deployment, west, north } = pairedDeployment();
    // The public property reads the same choice.
    expect([west.hostsCentralManagementStore, north.hostsCentralManagementStore]).toEqual([false, true]);
    const f = findingsOf(validateTopology(deployment), 'PAIR-12');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.INFO, path: 'test/contoso/north/pool' });
    expect(f[0].message).toMatch(/pool-west.corp.contoso.com holds the standby/);
  });
});

describe('PAIR-26: the host of the Central Management Store is given when there are several pools', () => {
  const hosts = (deployment: SfbDeployment) => findingsOf(validateTopology(deployment), 'PAIR-12').map((f) => f.path);
  test('warns when the store is chosen by key among several pools, naming the pool, its key and the fix', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'), 'pool');
    testPool(testSite(deployment, 'north'), 'pool');
    const f = findingsOf(validateTopology(deployment), 'PAIR-26');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/north/pool' });
    expect(f[0].message).toMatch(/pool-north.corp.contoso.com hosts the Central Management Store because no pool sets hostsCentralManagementStore.*\(north\/pool\) among 2 Front End pools.*set hostsCentralManagementStore: true/);
  });
  test('passes when a pool sets it, or with one pool', () => {
    const pinned = testDeployment().deployment;
    testPool(testSite(pinned, 'west'), 'pool', { hostsCentralManagementStore: true });
    testPool(testSite(pinned, 'north'), 'pool');
    expect(findingsOf(validateTopology(pinned), 'PAIR-26')).toEqual([]);
    expect(hosts(pinned)).toEqual(['test/contoso/west/pool']);
    const single = testDeployment().deployment;
    testPool(testSite(single, 'west'), 'pool');
    expect(findingsOf(validateTopology(single), 'PAIR-26')).toEqual([]);
  });
  test('the choice depends on keys, not on declaration order; Enterprise pools come before Standard Edition servers', () => {
    const declare = (order: string[]) => {
      const { deployment } = testDeployment();
      const sites = new Map(['south', 'east'].map((id) => [id, testSite(deployment, id)]));
      for (const k of order) {
        const [site, pool] = k.split('/');
        testPool(sites.get(site)!, pool, pool === 'a' ? { edition: PoolEdition.STANDARD, fqdn: `se-${site}.corp.contoso.com` } : { fqdn: `${pool}-${site}.corp.contoso.com` });
      }
      return hosts(deployment);
    };
    const keys = ['south/a', 'south/b', 'east/c', 'east/d'];
    expect(declare(keys)).toEqual(['test/contoso/east/c']);
    expect(declare([...keys].reverse())).toEqual(['test/contoso/east/c']);
    expect(declare(['south/a', 'east/d', 'south/b'])).toEqual(['test/contoso/east/d']);
    expect(declare(['south/a'])).toEqual(['test/contoso/south/a']);
  });
});

describe('DR-1: a pool without a partner stays valid', () => {
  test('an unpaired pool gets only an info finding', () => {
    const m = modelOf(({ deployment }) => testPool(testSite(deployment)));
    const f = check(rule('DR-1'), m);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe(Severity.INFO);
  });
  test('paired pools get none', () => {
    expect(check(rule('DR-1'), pairedModel())).toHaveLength(0);
  });
});
