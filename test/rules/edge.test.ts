import { BranchSite, SurvivableBranchAppliance } from '../../lib';
import { LegacyEdgeInterop, LoadBalancing, ProductVersion, Severity, TopologyModel, validateTopology } from '../../lib/experimental';
import { certificateRows } from '../../lib/reports/certificates';
import { GROUP_COLLECTIONS } from '../../lib/model/roles';
import { AZURE_RULES } from '../../lib/rules/azure';
import { EDGE_RULES } from '../../lib/rules/edge';
import { SECURITY_RULES } from '../../lib/rules/security';
import { testEdge } from '../edge-helpers';
import { check, findingsOf, modelOf, ruleIds, TestDeployment, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => [...EDGE_RULES, ...AZURE_RULES, ...SECURITY_RULES].find((r) => r.id === id);

/** Two sites, a pool and an Edge pool in each (priorities 10 and 20), federation and XMPP on the first. */
function twoSiteEdges(t: TestDeployment, first: Parameters<typeof testEdge>[3] = {}, second: Parameters<typeof testEdge>[3] = {}) {
  const west = testSite(t.deployment, 'west');
  const westPool = testPool(west, 'pool');
  const westEdge = testEdge(west, westPool, 'edge', { federation: true, xmppFederation: true, ...first });
  const north = testSite(t.deployment, 'north');
  const northPool = testPool(north, 'pool');
  const northEdge = testEdge(north, northPool, 'edge', second);
  return { west, north, westPool, northPool, westEdge, northEdge };
}

function findings(build: (t: TestDeployment) => void, productVersion = ProductVersion.SKYPE_FOR_BUSINESS_2015) {
  const t = testDeployment({ productVersion });
  build(t);
  return validateTopology(t.deployment);
}

const reference = (): TopologyModel => modelOf((t) => twoSiteEdges(t));

describe('the reference two-site Edge topology', () => {
  test('has no Edge, SRV or DNS error or warning', () => {
    const edgeRules = /^(EDGE|SRV|DNS|AZURE-3|VER-4)/;
    const f = findings((t) => twoSiteEdges(t)).filter((x) => x.severity !== Severity.INFO && edgeRules.test(x.ruleId));
    // EDGE-16 is the one expected warning: federation does not fail over by SRV priority.
    expect(f.map((x) => x.ruleId)).toEqual(['EDGE-16']);
  });
});

describe('VER-4: XMPP federation only in 2013 and 2015', () => {
  test('fails when a 2019 Edge pool sets xmppFederation', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t), ProductVersion.SKYPE_FOR_BUSINESS_2019), 'VER-4');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/has no XMPP gateway.*set xmppFederation to false/);
    expect(f[0].message).toMatch(/EDGE-5 asks for no XMPP port \(23456\/TCP from the Front Ends\) in this version: caused by VER-4/);
  });

  test('passes for 2013 and for 2019 without XMPP', () => {
    expect(ruleIds(findings((t) => twoSiteEdges(t), ProductVersion.LYNC_SERVER_2013))).not.toContain('VER-4');
    expect(ruleIds(findings((t) => twoSiteEdges(t, { xmppFederation: false }), ProductVersion.SKYPE_FOR_BUSINESS_2019))).not.toContain('VER-4');
  });
});

describe('EDGE-1: Edge pool size', () => {
  test('fails with 13 servers, warns with 1 (EDGE-24), passes with 2 and 12', () => {
    expect(findingsOf(findings((t) => twoSiteEdges(t, { servers: 13 })), 'EDGE-1')[0]).toMatchObject({ severity: Severity.ERROR });
    expect(ruleIds(findings((t) => twoSiteEdges(t, { servers: 1 })))).not.toContain('EDGE-1');
    expect(findingsOf(findings((t) => twoSiteEdges(t, { servers: 1 })), 'EDGE-24')[0]).toMatchObject({ severity: Severity.WARNING });
    expect(ruleIds(findings((t) => twoSiteEdges(t)))).not.toContain('EDGE-24');
    expect(ruleIds(findings((t) => twoSiteEdges(t)))).not.toContain('EDGE-1');
    expect(ruleIds(findings((t) => twoSiteEdges(t, { servers: 12 })))).not.toContain('EDGE-1');
  });

  test('says the 12-server limit is unconfirmed for Lync Server 2013', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { servers: 13 }), ProductVersion.LYNC_SERVER_2013), 'EDGE-1');
    expect(f[0].message).toMatch(/UNCONFIRMED/);
  });
});

describe('EDGE-2: one Edge server per 12,000 (2019, SE: 18,000) concurrent remote users', () => {
  test('warns when 30,000 remote users meet 2 Edge servers in 2015, passes with 3 and in 2019', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { remoteUsers: 30000 })), 'EDGE-2');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/remoteUsers is 30000; at 12,000 concurrent remote users per Edge server .* needs 3 servers but has 2; set servers to 3/);
    expect(findingsOf(findings((t) => twoSiteEdges(t, { remoteUsers: 30000, servers: 3 })), 'EDGE-2')).toEqual([]);
    expect(findingsOf(findings((t) => twoSiteEdges(t, { remoteUsers: 30000, xmppFederation: false }), ProductVersion.SKYPE_FOR_BUSINESS_2019), 'EDGE-2')).toEqual([]);
    expect(findingsOf(findings((t) => twoSiteEdges(t, { remoteUsers: 40000, xmppFederation: false }), ProductVersion.SKYPE_FOR_BUSINESS_2019), 'EDGE-2')[0].message).toMatch(/18,000 .* needs 3 servers/);
  });

  test('counts the users of survivable branches registered with a pool of the site, only when remoteUsers is given', () => {
    const withBranch = (remoteUsers: number | undefined) =>
      findings((t) => {
        const { west, westPool } = twoSiteEdges(t, remoteUsers === undefined ? {} : { remoteUsers });
        const branch = new BranchSite(t.deployment, 'redmond', { centralSite: west });
        new SurvivableBranchAppliance(branch, 'sba', { fqdn: 'sba-redmond.corp.contoso.com', users: 1000, backupRegistrar: westPool });
      });
    expect(findingsOf(withBranch(23500), 'EDGE-2')[0].message).toMatch(/23500 remote users plus 1000 users of survivable branches registered in site west; .* needs 3 servers but has 2/);
    expect(findingsOf(withBranch(23000), 'EDGE-2')).toEqual([]);
    expect(findingsOf(withBranch(undefined), 'EDGE-2')).toEqual([]);
  });

  test('refuses a remoteUsers that is not a count', () => {
    const t = testDeployment();
    const west = testSite(t.deployment, 'west');
    expect(() => testEdge(west, testPool(west, 'pool'), 'edge', { remoteUsers: -1 })).toThrow(/EdgePool .*edge: remoteUsers/);
  });
});

describe('EDGE-10: partners whose failover needs a hardware load balancer on the Edge', () => {
  test('warns when a DNS-load-balanced Edge pool serves public IM connectivity or OCS 2007 federation', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { legacyInterop: [LegacyEdgeInterop.PUBLIC_IM_CONNECTIVITY, LegacyEdgeInterop.OCS_2007_FEDERATION] })), 'EDGE-10');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/west/edge' });
    expect(f[0].message).toMatch(/uses DNS load balancing and serves federation with Office Communications Server 2007 or 2007 R2, public IM connectivity; these do not fail over .* Azure cannot host one \(AZURE-3\)/);
  });

  test('passes without legacy partners, and leaves a hardware-load-balanced pool to AZURE-3', () => {
    expect(findingsOf(findings((t) => twoSiteEdges(t)), 'EDGE-10')).toEqual([]);
    const hardware = findings((t) => twoSiteEdges(t, { loadBalancing: LoadBalancing.HARDWARE, legacyInterop: [LegacyEdgeInterop.EXCHANGE_UM_BEFORE_2010_SP1] }));
    expect(findingsOf(hardware, 'EDGE-10')).toEqual([]);
    expect(ruleIds(hardware)).toContain('AZURE-3');
  });

  test('refuses a legacyInterop that is not a list of LegacyEdgeInterop members, or names one twice', () => {
    const edge = (legacyInterop: unknown) => () => {
      const t = testDeployment();
      const west = testSite(t.deployment, 'west');
      testEdge(west, testPool(west, 'pool'), 'edge', { legacyInterop: legacyInterop as LegacyEdgeInterop[] });
    };
    expect(edge('public IM')).toThrow(/EdgePool .*edge: legacyInterop "public IM" is not an array/);
    expect(edge(['pic'])).toThrow(/legacyInterop\[0\] "pic" is not a LegacyEdgeInterop/);
    expect(edge([LegacyEdgeInterop.PUBLIC_IM_CONNECTIVITY, LegacyEdgeInterop.PUBLIC_IM_CONNECTIVITY])).toThrow(/names "public IM connectivity" twice/);
  });
});

describe('EDGE-14: one external certificate and private key per Edge pool', () => {
  test('the certificate plan has a row per Edge pool with its SANs and the private-key export', () => {
    const rows = certificateRows(reference()).filter((r) => r.use.startsWith('External interface'));
    expect(rows.map((r) => r.forWhat).sort()).toEqual(['Edge pool edge-north.corp.contoso.com', 'Edge pool edge-west.corp.contoso.com']);
    const west = rows.find((r) => r.forWhat.includes('edge-west'))!;
    expect(west.sans).toEqual(expect.arrayContaining(['edge-access-west.contoso.com', 'edge-webconf-west.contoso.com', 'sip.contoso.com']));
    expect(west.note).toMatch(/the same certificate and private key on every server of the pool \(2\), exported with its private key \(EDGE-14/);
  });
});

describe('EDGE-3: Edge pools are not stretched', () => {
  test('fails when an Edge server sits in another site (model)', () => {
    const m = reference();
    const [west, north] = m.edgePools;
    const stretched = { ...m, edgePools: [{ ...west, servers: [west.servers[0], north.servers[0]] }, north] };
    expect(check(rule('EDGE-3'), stretched)[0].message).toMatch(/cannot be stretched/);
    expect(check(rule('EDGE-3'), m)).toHaveLength(0);
  });
});

describe('EDGE-4: unique Edge FQDNs, an Edge pool per site', () => {
  test('fails when two Edge pools share an external FQDN', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, {}, { accessEdgeFqdn: 'edge-access-west.contoso.com' })), 'EDGE-4');
    expect(f).toHaveLength(1);
    // The model lists constructs in key (path) order: north owns the name first, west reuses it.
    expect(f[0].path).toBe('test/contoso/west/edge');
    expect(f[0].message).toMatch(/accessEdgeFqdn edge-access-west.contoso.com is already/);
  });

  test('an internal FQDN that is another pool\'s FQDN is NAME-4\'s one finding, not EDGE-4\'s', () => {
    const all = findings((t) => twoSiteEdges(t, {}, { internalFqdn: 'pool-west.corp.contoso.com' }));
    expect(findingsOf(all, 'EDGE-4')).toEqual([]);
    const f = findingsOf(all, 'NAME-4');
    expect(f).toHaveLength(1);
    // The Edge servers take their names from the internal FQDN, so they clash with the pool's servers too: one finding.
    expect(f[0].message).toMatch(/test\/contoso\/north\/edge reuses 3 names of test\/contoso\/west\/pool: Edge internal FQDN pool-west.corp.contoso.com; server FQDNs pool-west-1.corp.contoso.com, pool-west-2.corp.contoso.com/);
  });

  test('fails when an internal FQDN is another Edge pool\'s external FQDN', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, {}, { internalFqdn: 'edge-access-west.contoso.com' })), 'EDGE-4');
    expect(f).toHaveLength(1);
    // Key (path) order: north's internal FQDN owns the name, west's Access Edge FQDN reuses it.
    expect(f[0].message).toMatch(/accessEdgeFqdn edge-access-west.contoso.com is already the Edge pool FQDN of test\/contoso\/north\/edge/);
  });

  test('fails when two services of one pool share an FQDN', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { audioVideoEdgeFqdn: 'edge-access-west.contoso.com' })), 'EDGE-4');
    expect(f[0].message).toMatch(/audioVideoEdgeFqdn .* equals accessEdgeFqdn/);
  });

  test('warns when every Edge pool is in one of two sites, passes with one per site', () => {
    const single = findingsOf(
      findings((t) => {
        const west = testSite(t.deployment, 'west');
        testEdge(west, testPool(west, 'pool'));
        testPool(testSite(t.deployment, 'north'), 'pool');
      }),
      'EDGE-25',
    );
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ severity: Severity.WARNING });
    expect(single[0].message).toMatch(/deploy an Edge pool in a second site/);
    expect(ruleIds(findings((t) => twoSiteEdges(t)))).not.toContain('EDGE-25');
  });
});

describe('EDGE-5: the Front Ends of every pool reach every Edge server', () => {
  test('passes for two sites, each site\'s Front Ends reaching both Edge pools', () => {
    expect(check(rule('EDGE-5'), reference())).toHaveLength(0);
  });

  test('covers a site and a pool created after the Edge pools', () => {
    const m = modelOf((t) => {
      twoSiteEdges(t);
      testPool(testSite(t.deployment, 'south'), 'pool');
    });
    expect(m.frontEndPools).toHaveLength(3);
    expect(check(rule('EDGE-5'), m)).toHaveLength(0);
  });

  test('fails when the flows from one site are missing (model)', () => {
    const m = reference();
    // The west Edge's rules admit every site's Front End subnet in one list: take north's out of them.
    const northFrontEnds = m.sites.find((s) => s.name === 'north')!.addressSpace.replace(/\.0\.0\/16$/, '.0.0/20');
    const flows = m.flows.map((f) => (f.nsg === 'west/edge-internal' && f.name.startsWith('edge-from-front-ends') ? { ...f, sourcePrefixes: f.sourcePrefixes.filter((p) => p !== northFrontEnds) } : f));
    const f = check(rule('EDGE-5'), { ...m, flows });
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe('test/contoso/west/edge');
    expect(f[0].message).toMatch(/pool-north.corp.contoso.com cannot reach .* 443\/TCP, 5061\/TCP, 5062\/TCP, 8057\/TCP, 50001\/TCP.*3478\/UDP, 23456\/TCP/);
  });

  test('fails when Central Management Store replication (4443) is missing (model)', () => {
    const m = reference();
    const flows = m.flows.filter((f) => !f.name.includes('-cms-'));
    const f = check(rule('EDGE-5'), { ...m, flows });
    // north/pool hosts the store (the smallest key): only its Front Ends replicate to the Edge.
    expect(f.map((x) => x.message).join()).toMatch(/pool-north.*4443\/TCP/);
    expect(f.map((x) => x.message).join()).not.toMatch(/pool-west.*4443/);
  });
});

describe('EDGE-6: one load-balancing type on both interfaces', () => {
  test('holds by construction: the model records the one setting for both interfaces', () => {
    const m = reference();
    expect(m.edgePools.every((e) => e.internalLoadBalancing === e.loadBalancing)).toBe(true);
    expect(check(rule('EDGE-6'), m)).toHaveLength(0);
  });

  test('fails when the interfaces differ (model)', () => {
    const m = reference();
    const mixed = { ...m, edgePools: [{ ...m.edgePools[0], internalLoadBalancing: LoadBalancing.HARDWARE }] };
    expect(check(rule('EDGE-6'), mixed)[0].message).toMatch(/mixing is unsupported/);
  });
});

describe('AZURE-3 (also EDGE-7): no hardware-load-balanced Edge behind Azure NAT', () => {
  test('a hardware-load-balanced Edge pool is one AZURE-3 error that names EDGE-7', () => {
    const f = findings((t) => twoSiteEdges(t, { loadBalancing: LoadBalancing.HARDWARE }));
    expect(findingsOf(f, 'EDGE-7')).toEqual([]);
    expect(findingsOf(f, 'AZURE-3')).toHaveLength(1);
    expect(findingsOf(f, 'AZURE-3')[0]).toMatchObject({ severity: Severity.ERROR, path: 'test/contoso/west/edge' });
    expect(findingsOf(f, 'AZURE-3')[0].message).toMatch(/forbids NAT.*also EDGE-7\)$/);
  });

  test('pass with DNS load balancing', () => {
    const ids = ruleIds(findings((t) => twoSiteEdges(t)));
    expect(ids).not.toContain('EDGE-7');
    expect(ids).not.toContain('AZURE-3');
  });
});

describe('EDGE-11: three public IPs per Edge server', () => {
  test('passes with 3n public IPs (by construction)', () => {
    const m = reference();
    expect(m.edgePools[0].publicIpCount).toBe(6);
    expect(check(rule('EDGE-11'), m)).toHaveLength(0);
  });

  test('fails on a count mismatch and warns on one IP per server (model)', () => {
    const m = reference();
    const withCount = (n: number) => ({ ...m, edgePools: [{ ...m.edgePools[0], publicIpCount: n }] });
    expect(check(rule('EDGE-11'), withCount(4))[0]).toMatchObject({ severity: Severity.ERROR });
    expect(check(rule('EDGE-11'), withCount(2))).toEqual([]);
    expect(check(rule('EDGE-26'), withCount(2))[0]).toMatchObject({ severity: Severity.WARNING });
    expect(check(rule('EDGE-26'), withCount(4))).toEqual([]);
  });
});

describe('EDGE-12 (also VM-2): two NICs per Edge server, external first', () => {
  test('pass for the Edge servers the library builds', () => {
    const m = reference();
    expect(check(rule('EDGE-12'), m)).toHaveLength(0);
    expect(check(rule('VM-2'), m)).toHaveLength(0);
  });

  test('fail with one NIC, and flag the internal NIC first (model)', () => {
    const m = reference();
    const edge = m.edgePools[0];
    const s = edge.servers[0];
    const oneNic = { ...s, nics: [s.nics[0]] };
    const swapped = { ...s, nics: [s.nics[1], s.nics[0]] };
    const withServer = (server: typeof s) => ({ ...m, servers: [server], edgePools: [{ ...edge, servers: [server] }] });
    expect(check(rule('EDGE-12'), withServer(oneNic))[0]).toMatchObject({ severity: Severity.ERROR });
    expect(check(rule('EDGE-12'), withServer(swapped))[0]).toMatchObject({ severity: Severity.ERROR });
    expect(check(rule('EDGE-12'), withServer(swapped))[0].message).toMatch(/internal NIC first.*also VM-2\)$/);
    // One fact, one finding: VM-2 leaves the Edge NICs to EDGE-12.
    expect(check(rule('VM-2'), withServer(swapped))).toEqual([]);
  });
});

describe('EDGE-15: one federation Edge pool', () => {
  test('fails when two Edge pools enable federation', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, {}, { federation: true })), 'EDGE-15');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/exactly one Edge pool/);
  });

  test('passes with one', () => {
    expect(ruleIds(findings((t) => twoSiteEdges(t)))).not.toContain('EDGE-15');
  });
});

describe('EDGE-16: inbound federation does not fail over by SRV priority', () => {
  test('warns when federation is published for two Edge pools', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t)), 'EDGE-16');
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/do not fail over by SRV priority/);
  });

  test('is silent without federation or with one Edge pool', () => {
    expect(ruleIds(findings((t) => twoSiteEdges(t, { federation: false })))).not.toContain('EDGE-16');
    const one = findings((t) => {
      const west = testSite(t.deployment, 'west');
      testEdge(west, testPool(west, 'pool'), 'edge', { federation: true });
    });
    expect(ruleIds(one)).not.toContain('EDGE-16');
  });
});

describe('EDGE-17: one XMPP route, an XMPP SRV entry per Edge pool', () => {
  test('fails when two Edge pools set xmppFederation', () => {
    expect(findingsOf(findings((t) => twoSiteEdges(t, {}, { xmppFederation: true })), 'EDGE-17')[0].message).toMatch(/one XMPP federation route/);
  });

  test('passes with one route: every Edge pool has its XMPP entry', () => {
    const m = reference();
    expect(m.srvEntries.filter((e) => e.name === '_xmpp-server._tcp.contoso.com')).toHaveLength(2);
    expect(check(rule('EDGE-17'), m)).toHaveLength(0);
  });

  test('warns when an Edge pool has no XMPP entry (model)', () => {
    const m = reference();
    const srvEntries = m.srvEntries.filter((e) => !(e.name.startsWith('_xmpp') && e.ownerPath.includes('north')));
    expect(check(rule('EDGE-17'), { ...m, srvEntries })).toEqual([]);
    expect(check(rule('EDGE-28'), { ...m, srvEntries })[0]).toMatchObject({ severity: Severity.WARNING, path: 'test/contoso/north/edge' });
    expect(check(rule('EDGE-28'), m)).toEqual([]);
  });
});

describe('EDGE-18: every Front End pool has an Edge pool for media', () => {
  test('derives the association from the next hop in the pool\'s site', () => {
    const m = reference();
    expect(m.frontEndPools.every((p) => p.associatedEdgePath === undefined)).toBe(true);
    expect(check(rule('EDGE-18'), m)).toHaveLength(0);
  });

  test('warns for a pool that is no Edge pool\'s next hop, passes once associated', () => {
    const f = findings((t) => {
      testPool(twoSiteEdges(t).west, 'pool2');
    });
    expect(findingsOf(f, 'EDGE-18')).toEqual([]);
    expect(findingsOf(f, 'EDGE-29')).toEqual([expect.objectContaining({ severity: Severity.WARNING, path: 'test/contoso/west/pool2' })]);
    const ok = findings((t) => {
      const { west, northEdge } = twoSiteEdges(t);
      testPool(west, 'pool2').associateEdgePool(northEdge);
    });
    expect(ruleIds(ok)).not.toContain('EDGE-29');
  });

  test('fails when the associated Edge pool is not in the deployment (a model the constructs refuse to build)', () => {
    const other = testDeployment();
    // Another deployment, in a site whose path this deployment does not have.
    const otherSite = testSite(other.deployment, 'east');
    const foreign = testEdge(otherSite, testPool(otherSite, 'pool'));
    expect(() => findings((t) => twoSiteEdges(t).westPool.associateEdgePool(foreign))).toThrow(/associateEdgePool\(test\/contoso\/east\/edge\): that Edge pool belongs to another deployment \(test\/contoso, in another app\)/);
    const model = modelOf((t) => twoSiteEdges(t));
    const pools = model.frontEndPools.map((p) => (p.path === 'test/contoso/west/pool' ? { ...p, associatedEdgePath: foreign.node.path } : p));
    expect(check(rule('EDGE-18'), { ...model, frontEndPools: pools }).filter((f) => f.path === 'test/contoso/west/pool')[0]).toMatchObject({ severity: Severity.ERROR });
  });
});

describe('EDGE-19: the next hop exists and has an alternative', () => {
  test('fails when the next hop is not a pool of the deployment', () => {
    const other = testDeployment();
    const foreignPool = testPool(testSite(other.deployment, 'east'), 'pool');
    const f = findings((t) => {
      const west = testSite(t.deployment, 'west');
      testPool(west, 'pool');
      testEdge(west, foreignPool);
    });
    expect(findingsOf(f, 'EDGE-19')[0]).toMatchObject({ severity: Severity.ERROR });
  });

  test('warns when the next hop is the only pool, passes with a second pool', () => {
    const single = findings((t) => {
      const west = testSite(t.deployment, 'west');
      testEdge(west, testPool(west, 'pool'));
    });
    expect(findingsOf(single, 'EDGE-19')).toEqual([]);
    expect(findingsOf(single, 'EDGE-30')[0]).toMatchObject({ severity: Severity.WARNING });
    expect(ruleIds(findings((t) => twoSiteEdges(t)))).not.toContain('EDGE-30');
  });
});

describe('EDGE-21: Edge servers run no other role', () => {
  test('fails when an Edge server is also a Front End (model)', () => {
    const m = reference();
    const fe = m.frontEndPools[0];
    const edge = m.edgePools[0];
    const shared = { ...m, frontEndPools: [{ ...fe, servers: [...fe.servers, edge.servers[0]] }] };
    // The first pool and Edge pool in key (path) order are north's.
    expect(check(rule('EDGE-21'), shared)[0].message).toMatch(/also a member of test\/contoso\/north\/pool/);
    const relabelled = { ...m, edgePools: [{ ...edge, servers: [{ ...edge.servers[0], role: fe.servers[0].role }] }] };
    expect(check(rule('EDGE-21'), relabelled)[0].message).toMatch(/has role Front End/);
    expect(check(rule('EDGE-21'), m)).toHaveLength(0);
  });

  test.each(GROUP_COLLECTIONS.filter((c) => c !== 'edgePools'))('fails when an Edge server is also in a group of %s (every role profile\'s list)', (collection) => {
    const m = reference();
    const edge = m.edgePools[0];
    const other = { path: `test/contoso/north/other-${collection}`, sitePath: edge.sitePath, servers: [edge.servers[0]] };
    const shared = { ...m, [collection]: [...((m[collection] ?? []) as readonly object[]), other] } as TopologyModel;
    expect(check(rule('EDGE-21'), shared).map((f) => f.message)).toEqual([expect.stringMatching(new RegExp(`also a member of ${other.path}`))]);
  });
});

describe('SRV-1: distinct priorities per SRV name', () => {
  test('fails when two Edge pools use the same priority', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { srvPriority: 10 }, { srvPriority: 10 })), 'SRV-1');
    expect(f.map((x) => x.message).join()).toMatch(/_sip._tls.contoso.com priority 10 is also used/);
  });

  test('passes with distinct priorities', () => {
    expect(ruleIds(findings((t) => twoSiteEdges(t)))).not.toContain('SRV-1');
  });
});

describe('SRV-2: SRV numbers are whole numbers from 0 to 65535', () => {
  test('fails for a priority above 65535 and a fractional weight', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { srvPriority: 70000, srvWeight: 1.5, federation: false, xmppFederation: false })), 'SRV-2');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(/_sip._tls.contoso.com priority is 70000/),
      expect.stringMatching(/_sip._tls.contoso.com weight is 1.5/),
    ]);
  });

  test('passes for 0 and 65535', () => {
    expect(ruleIds(findings((t) => twoSiteEdges(t, { srvPriority: 0 }, { srvPriority: 65535, srvWeight: 65535 })))).not.toContain('SRV-2');
  });
});

describe('DNS-5: Edge DNS load balancing records', () => {
  test('passes: one public A record per server and service, internal pool and server records', () => {
    expect(check(rule('DNS-5'), reference())).toHaveLength(0);
  });

  test('fails when a public name misses a server or the internal pool FQDN misses a member (model)', () => {
    const m = reference();
    const cut = (fqdn: string) => ({ ...m, dnsRecords: m.dnsRecords.map((r) => (r.fqdn === fqdn ? { ...r, values: r.values.slice(1) } : r)) });
    expect(check(rule('DNS-5'), cut('edge-av-west.contoso.com'))[0].message).toMatch(/edge-av-west.contoso.com has 1 A record\(s\) for 2 Edge servers/);
    expect(check(rule('DNS-5'), cut('edge-west.corp.contoso.com'))[0].message).toMatch(/needs one A record per member/);
    const noHost = { ...m, dnsRecords: m.dnsRecords.filter((r) => r.fqdn !== 'edge-west-1.corp.contoso.com') };
    expect(check(rule('DNS-5'), noHost)[0].message).toMatch(/edge-west-1.corp.contoso.com has no A record/);
  });
});

describe('DNS-8: SRV targets are A names in the SRV record\'s domain', () => {
  test('fails when the Access Edge FQDN is in another domain', () => {
    const f = findingsOf(findings((t) => twoSiteEdges(t, { accessEdgeFqdn: 'sip.fabrikam.net', federation: false, xmppFederation: false })), 'DNS-8');
    expect(f[0].message).toMatch(/targets sip.fabrikam.net, outside contoso.com/);
  });

  test('fails when the target has no A record (model), passes otherwise', () => {
    const m = reference();
    expect(check(rule('DNS-8'), m)).toHaveLength(0);
    const noA = { ...m, dnsRecords: m.dnsRecords.filter((r) => r.fqdn !== 'edge-access-west.contoso.com') };
    expect(check(rule('DNS-8'), noA)[0].message).toMatch(/has no A record in the public zone/);
  });
});
