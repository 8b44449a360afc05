import { DirectorPool, LoadBalancing, MediationPool, validateTopology } from '../../lib';
import { VOICE_RULES } from '../../lib/rules/voice';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite, twoSiteModel } from '../helpers';

const rule = (id: string) => VOICE_RULES.find((r) => r.id === id);

describe('VOICE-1: every central site has a load-balanced Registrar pool', () => {
  test('a site with a DNS-load-balanced pool is fine', () => {
    expect(check(rule('VOICE-1'), twoSiteModel())).toEqual([]);
  });

  test('a site with only a Director pool is one error, FE-20, which names VOICE-1', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'), 'pool');
    const north = testSite(deployment, 'north');
    new DirectorPool(north, 'director', { fqdn: 'dir-north.corp.contoso.com' });
    const all = validateTopology(deployment);
    expect(findingsOf(all, 'VOICE-1')).toEqual([]);
    const f = findingsOf(all, 'FE-20');
    expect(f.map((x) => x.path)).toEqual(['test/contoso/north']);
    expect(f[0].message).toMatch(/no Registrar pool.*also TB-2, VOICE-1/);
  });

  test('a pool whose FQDN misses Front Ends is not load balanced', () => {
    const model = twoSiteModel();
    const records = model.dnsRecords.map((r) => (r.fqdn === 'pool-west.corp.contoso.com' ? { ...r, values: r.values.slice(0, 1) } : r));
    expect(check(rule('VOICE-1'), { ...model, dnsRecords: records })[0].message).toMatch(/no Registrar pool of central site west is load balanced/);
  });

  test('a hardware-load-balanced pool needs 5061 on its balancer', () => {
    const model = modelOf(({ deployment }) => testPool(testSite(deployment), 'pool', { sipLoadBalancing: LoadBalancing.HARDWARE }));
    expect(check(rule('VOICE-1'), model)).toEqual([]);
    const p = model.frontEndPools[0];
    const lb = { ...p.webLoadBalancer!, rules: p.webLoadBalancer!.rules.filter((r) => r.frontendPort !== 5061) };
    expect(check(rule('VOICE-1'), { ...model, frontEndPools: [{ ...p, webLoadBalancer: lb }] })).toHaveLength(1);
  });
});

describe('VOICE-5: internal sign-in SRV records reach every central site, each preferring its own', () => {
  test('the synthesized record set and per-site answers pass, with and without Directors', () => {
    expect(check(rule('VOICE-5'), twoSiteModel())).toEqual([]);
    const withDirector = modelOf(({ deployment }) => {
      const west = testSite(deployment, 'west');
      testPool(west, 'pool');
      testPool(testSite(deployment, 'north'), 'pool');
      new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    });
    expect(check(rule('VOICE-5'), withDirector)).toEqual([]);
  });

  test('a site missing from the record set is a warning', () => {
    const model = twoSiteModel();
    const srvEntries = model.srvEntries.filter((e) => !e.ownerPath.includes('/north/'));
    const f = check(rule('VOICE-5'), { ...model, srvEntries });
    expect(f.map((x) => x.path)).toEqual(['test/contoso/north']);
    expect(f[0].message).toMatch(/no entry for a Director or Front End pool of central site north/);
  });

  test('a per-site answer that prefers another site is a warning', () => {
    const model = twoSiteModel();
    const answers = (model.siteSrvAnswers ?? []).map((a) => ({ ...a, entries: a.entries.map((e) => ({ ...e, priority: e.ownerPath.includes('/west/') ? 0 : 10 })) }));
    const f = check(rule('VOICE-5'), { ...model, siteSrvAnswers: answers });
    expect(f.map((x) => x.path)).toEqual(['test/contoso/north']);
    expect(f[0].message).toMatch(/clients of central site north prefers \[pool-west.contoso.com\]/);
  });

  test('unequal priorities in the shared private zone are a warning', () => {
    const model = twoSiteModel();
    const srvEntries = model.srvEntries.map((e) => (e.ownerPath.includes('/north/') ? { ...e, priority: 5 } : e));
    expect(check(rule('VOICE-5'), { ...model, srvEntries })[0].message).toMatch(/priorities \[0, 5\], so clients of every site prefer pool-west.contoso.com/);
  });
});

describe('VOICE-12: Enterprise Voice needs a Mediation Server', () => {
  const voiceFindings = (build: (west: ReturnType<typeof testSite>) => void) => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    build(west);
    return findingsOf(validateTopology(deployment), 'VOICE-12');
  };

  test('enterpriseVoice defaults to false and needs no Mediation', () => {
    expect(voiceFindings((west) => testPool(west, 'pool'))).toEqual([]);
  });

  test('a voice pool without any Mediation Server is an error', () => {
    const f = voiceFindings((west) => testPool(west, 'pool', { enterpriseVoice: true }));
    expect(f[0].message).toMatch(/has enterpriseVoice but the deployment has no Mediation Server/);
  });

  test('collocated or stand-alone Mediation satisfies it', () => {
    expect(voiceFindings((west) => testPool(west, 'pool', { enterpriseVoice: true, collocatedMediation: true }))).toEqual([]);
    expect(
      voiceFindings((west) => {
        const pool = testPool(west, 'pool', { enterpriseVoice: true });
        new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool });
      }),
    ).toEqual([]);
  });
});
