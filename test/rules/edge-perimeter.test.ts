import { FlowModel, TopologyModel } from '../../lib/experimental';
import { anyAdmittingFlow } from '../../lib/model/flows';
import { EDGE_RULES } from '../../lib/rules/edge';
import { testEdge } from '../edge-helpers';
import { check, modelOf, testPool, testSite } from '../helpers';

const rule = EDGE_RULES.find((r) => r.id === 'EDGE-20');

/** Two sites, each with a pool and an Edge pool. */
const twoSites = (): TopologyModel =>
  modelOf((t) => {
    for (const id of ['west', 'north']) {
      const site = testSite(t.deployment, id);
      testEdge(site, testPool(site, 'pool'), 'edge');
    }
  });

const allow = (m: TopologyModel, nsg: string, sourcePrefixes: string[], destinationPrefixes: string[]): FlowModel => ({
  path: 'test', name: 'too-wide', source: 'test', sourcePrefixes, destination: 'test', destinationPrefixes, protocol: 'Tcp', ports: ['1433'], nsg, priority: 150, direction: 'Inbound', access: 'Allow',
  ...{ reference: `test of ${m.path}` },
});

describe('EDGE-20: Edge servers sit in a perimeter that reaches no internal server, outside the domain', () => {
  test('passes for the library\'s NSGs: the perimeter reaches no internal server and no internal server reaches it', () => {
    expect(rule).toBeDefined();
    expect(check(rule, twoSites())).toEqual([]);
  });

  test('fails when a rule lets the perimeter subnet reach SQL (named with the rule and the port)', () => {
    const m = twoSites();
    const f = check(rule, { ...m, flows: [...m.flows, allow(m, 'west/back-end', ['10.10.48.0/20'], ['10.10.16.0/20'])] });
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].message).toMatch(/external interface of Edge server .* reaches Back End server .* on TCP 1433 \(rule too-wide\)/);
  });

  test('fails when an NSG is left to Azure\'s AllowVnetInBound (no closing rules): the other site\'s perimeter gets in', () => {
    const m = twoSites();
    const f = check(rule, { ...m, flows: m.flows.filter((x) => !(x.nsg === 'west/back-end' && x.access === 'Deny')) });
    expect(f.some((x) => /reaches Back End server .* \(rule AllowVnetInBound\)/.test(x.message))).toBe(true);
  });

  test('fails when an internal server may reach the external interface', () => {
    const m = twoSites();
    const f = check(rule, { ...m, flows: [...m.flows, allow(m, 'west/perimeter', ['VirtualNetwork'], ['*'])] });
    expect(f.some((x) => /server .* reaches the external interface of Edge server/.test(x.message))).toBe(true);
  });

  test('fails when an Edge server is joined to the domain', () => {
    const m = twoSites();
    const edge = m.edgePools[0].servers[0];
    const f = check(rule, { ...m, labEnvironment: { domainControllers: [], bastionSitePaths: [], domainJoinedPaths: [edge.path], shutdownPaths: [], shutdownTime: '1900', shutdownTimeZone: 'UTC' } });
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(new RegExp(`Edge server ${edge.computerName} is joined to the deployment's domain`))]);
  });

  // The rule skips whole subnets the NSGs provably close; it must find exactly the pairs a walk of
  // every (Edge interface, internal server) pair finds, on open and closed NSGs alike.
  test.each([
    ['the library\'s NSGs', (m: TopologyModel) => m.flows],
    ['a perimeter rule into SQL', (m: TopologyModel) => [...m.flows, allow(m, 'west/back-end', ['10.10.48.0/20'], ['10.10.16.0/20'])]],
    ['a back-end NSG left to AllowVnetInBound', (m: TopologyModel) => m.flows.filter((x) => !(x.nsg === 'west/back-end' && x.access === 'Deny'))],
    ['an open perimeter NSG', (m: TopologyModel) => [...m.flows, allow(m, 'north/perimeter', ['VirtualNetwork'], ['*'])]],
  ])('finds the same pairs as checking every pair: %s', (_name, flows) => {
    const base = twoSites();
    const m = { ...base, flows: flows(base) };
    const pairs = (text: string) => [...text.matchAll(/\((\d+\.\d+\.\d+\.\d+)\)/g)].map((x) => x[1]).join(' ');
    const expected: string[] = [];
    for (const e of m.edgePools.flatMap((p) => p.servers)) {
      const external = e.nics.find((n) => n.subnet === 'perimeter')!.privateIp;
      for (const s of m.servers.filter((x) => x.role !== 'Edge' && x.nics[0])) {
        const ip = s.nics[0].privateIp;
        if (anyAdmittingFlow(m, external, ip)) expected.push(`${external} ${ip}`);
        if (anyAdmittingFlow(m, ip, external)) expected.push(`${ip} ${external}`);
      }
    }
    const found = check(rule, m).map((f) => f.message).filter((x) => /reaches/.test(x)).map(pairs);
    expect(found.sort()).toEqual(expected.sort());
  });
});

