import { ProductVersion } from '../../lib/enums';
import { DOCUMENTED_FLOWS, DocumentedFlow, documentedPort, ENDPOINTS, FlowCondition, flowsFor } from '../../lib/model/documented-flows';

/*
 * The list's integrity, and the flows issue 15 found missing, restated here from the pages
 * (not read from the list under test):
 * - edge-environmental-requirements.md, internal table: HTTPS 4443 from the pool that holds the CMS;
 *   SIP/MTLS 5061 from Director or Director pool; STUN 3478/UDP and 443/TCP from Any.
 * - ports-and-protocols.md: 445 from the Front End Servers where the CMS resides; SQL Browser
 *   1434/UDP on All Servers; Persistent Chat File Transfer Service 443; the HLB table's
 *   "Front End Server load balancer (if the pool also runs Mediation Server) 5070".
 * - disaster-recovery.md: the standby CMS in the backup pool becomes active after a CMS failover,
 *   so the pool that hosts the standby replicates to the Edge afterwards.
 */
const P13 = ProductVersion.LYNC_SERVER_2013;
const P15 = ProductVersion.SKYPE_FOR_BUSINESS_2015;
const P19 = ProductVersion.SKYPE_FOR_BUSINESS_2019;

function admits(from: DocumentedFlow['from'], to: DocumentedFlow['to'], protocol: 'Tcp' | 'Udp', port: number, flows: readonly DocumentedFlow[] = DOCUMENTED_FLOWS): DocumentedFlow[] {
  return flows.filter((f) => f.from === from && f.to === to && documentedPort(f, protocol, port));
}

describe('documented flows: integrity', () => {
  it('has unique keys in kebab case', () => {
    const keys = DOCUMENTED_FLOWS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses only endpoints of the Endpoint type', () => {
    for (const f of DOCUMENTED_FLOWS) {
      expect(ENDPOINTS).toContain(f.from);
      expect(ENDPOINTS).toContain(f.to);
    }
  });

  it('gives ports as single ports or ascending ranges within 1-65535, without repeats', () => {
    for (const f of DOCUMENTED_FLOWS) {
      expect(f.ports.length).toBeGreaterThan(0);
      expect(new Set(f.ports).size).toBe(f.ports.length);
      for (const p of f.ports) {
        const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
        expect(m).not.toBeNull();
        const lo = Number(m![1]);
        const hi = Number(m![2] ?? m![1]);
        expect(lo).toBeGreaterThanOrEqual(1);
        expect(hi).toBeLessThanOrEqual(65535);
        if (m![2] !== undefined) expect(hi).toBeGreaterThan(lo);
      }
    }
  });

  it('gives every entry a protocol, a purpose and a source path', () => {
    for (const f of DOCUMENTED_FLOWS) {
      expect(['Tcp', 'Udp']).toContain(f.protocol);
      expect(f.purpose.length).toBeGreaterThan(10);
      expect(f.source).toMatch(/\.(md|tbxml)/);
    }
  });

  it('names only product versions that exist, and never an empty list', () => {
    const versions = Object.values(ProductVersion);
    for (const f of DOCUMENTED_FLOWS.filter((x) => x.versions)) {
      expect(f.versions!.length).toBeGreaterThan(0);
      for (const v of f.versions!) expect(versions).toContain(v);
    }
  });

  it('names the external Edge service of every flow that touches the external interface, and only those', () => {
    for (const f of DOCUMENTED_FLOWS) {
      const external = f.from === 'edge-external' || f.to === 'edge-external';
      expect([f.key, f.edgeService !== undefined]).toEqual([f.key, external]);
    }
  });

  it('marks every flow that is not in Microsoft\'s tables with a note', () => {
    for (const f of DOCUMENTED_FLOWS.filter((x) => x.source.includes('tbxml'))) expect(f.note).toBeDefined();
  });

  it('has no two entries with the same endpoints, protocol, conditions, scope and an overlapping port', () => {
    const sig = (f: DocumentedFlow) => [f.from, f.to, f.protocol, (f.when ?? []).join('+'), f.scope ?? '', f.via ?? '', f.edgeService ?? '', (f.versions ?? []).join('+')].join('|');
    const groups = new Map<string, DocumentedFlow[]>();
    for (const f of DOCUMENTED_FLOWS) groups.set(sig(f), [...(groups.get(sig(f)) ?? []), f]);
    for (const list of groups.values()) {
      const seen = new Map<number, string>();
      for (const f of list) {
        for (const p of f.ports) {
          const [lo, hi] = p.split('-').map(Number);
          // Ranges are checked at their ends and single ports exactly: enough to catch a copied row.
          for (const port of [lo, hi ?? lo]) {
            expect(`${port} in ${seen.get(port) ?? f.key}`).toBe(`${port} in ${f.key}`);
            seen.set(port, f.key);
          }
        }
      }
    }
  });
});

describe('documented flows: what issue 15 found missing', () => {
  it('replicates the CMS to the Edge on 4443 from the pool that hosts it and from its standby', () => {
    const cms = admits('front-end', 'edge-internal', 'Tcp', 4443);
    expect(cms).toHaveLength(1);
    expect(cms[0].when).toEqual(['hosts-cms']);
    expect(cms[0].note).toMatch(/standby/);
    expect(cms[0].source).toBe('Skype/SfbServer/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md');
  });

  it('lets the Director reach the Edge internal interface on 5061, and the Edge reach the Director', () => {
    expect(admits('director', 'edge-internal', 'Tcp', 5061)).toHaveLength(1);
    expect(admits('edge-internal', 'director', 'Tcp', 5061)).toHaveLength(1);
  });

  it('lets internal clients reach the Edge internal interface on 3478/UDP and 443/TCP', () => {
    expect(admits('internal-clients', 'edge-internal', 'Udp', 3478)).toHaveLength(1);
    expect(admits('internal-clients', 'edge-internal', 'Tcp', 443)).toHaveLength(1);
  });

  it('pushes configuration from the CMS pool over SMB 445 and SQL Browser 1434/UDP to Front End, Director, Mediation and Persistent Chat servers', () => {
    for (const to of ['front-end', 'director', 'mediation', 'persistent-chat'] as const) {
      const smb = admits('front-end', to, 'Tcp', 445).filter((f) => f.when?.includes('hosts-cms'));
      const browser = admits('front-end', to, 'Udp', 1434).filter((f) => f.when?.includes('hosts-cms'));
      expect([to, smb.length]).toEqual([to, 1]);
      expect([to, browser.length]).toEqual([to, 1]);
    }
  });

  it('lets clients reach the Persistent Chat File Transfer Service on 443 (2013 and 2015)', () => {
    const files = admits('internal-clients', 'persistent-chat', 'Tcp', 443);
    expect(files).toHaveLength(1);
    expect(files[0].versions).toEqual([P13, P15]);
  });

  it('balances 5070 on a hardware-load-balanced Front End pool with collocated Mediation', () => {
    const lb = admits('front-end', 'front-end', 'Tcp', 5070).filter((f) => f.via === 'load-balancer');
    expect(lb).toHaveLength(1);
    expect([...lb[0].when!].sort()).toEqual(['collocated-mediation', 'hardware-load-balancing']);
    expect(flowsFor(P15, new Set<FlowCondition>(['hardware-load-balancing']))).not.toContainEqual(lb[0]);
    expect(flowsFor(P15, new Set<FlowCondition>(['hardware-load-balancing', 'collocated-mediation']))).toContainEqual(lb[0]);
  });

  it('opens 50000-59999 outbound from the A/V Edge, and inbound only for Office Communications Server 2007 federation', () => {
    for (const protocol of ['Tcp', 'Udp'] as const) {
      expect(admits('edge-external', 'internet', protocol, 50000)).toHaveLength(1);
      const inbound = admits('internet', 'edge-external', protocol, 55000);
      expect(inbound).toHaveLength(1);
      expect(inbound[0].when).toEqual(['ocs-2007-federation']);
      for (const v of [P13, P15, P19]) {
        const conditions = new Set<FlowCondition>(['federation', 'xmpp', 'hardware-load-balancing', 'collocated-mediation', 'hosts-cms', 'paired-pools', 'enterprise-voice']);
        expect(admits('internet', 'edge-external', protocol, 55000, flowsFor(v, conditions))).toHaveLength(0);
      }
    }
  });

  it('keeps the intra-pool Front End ports open between the servers of one pool', () => {
    for (const port of [5090, 5091, 5092, 5093, 5094, 5077]) {
      const f = admits('front-end', 'front-end', 'Tcp', port).filter((x) => x.scope === 'same-pool');
      expect([port, f.length]).toEqual([port, 1]);
    }
  });

  it('drops XMPP and Persistent Chat for 2019', () => {
    const all = new Set<FlowCondition>(['federation', 'xmpp', 'hosts-cms', 'persistent-chat-dr']);
    const v19 = flowsFor(P19, all);
    expect(admits('internet', 'edge-external', 'Tcp', 5269, v19)).toHaveLength(0);
    expect(admits('front-end', 'edge-internal', 'Tcp', 23456, v19)).toHaveLength(0);
    expect(v19.filter((f) => f.to === 'persistent-chat' || f.from === 'persistent-chat')).toHaveLength(0);
    expect(admits('front-end', 'edge-internal', 'Tcp', 23456, flowsFor(P15, all))).toHaveLength(1);
  });

  it('documents no flow from the Internet to a Front End, a back end or a Director', () => {
    for (const to of ['front-end', 'back-end-sql', 'director', 'mediation', 'persistent-chat', 'file-store'] as const) {
      expect(DOCUMENTED_FLOWS.filter((f) => f.from === 'internet' && f.to === to)).toHaveLength(0);
    }
    // The external interface talks to the Internet, to other Edge Servers and, in hybrid, to Microsoft 365 only.
    expect(DOCUMENTED_FLOWS.filter((f) => f.from === 'edge-external' && !['internet', 'edge-external', 'microsoft-365'].includes(f.to))).toHaveLength(0);
    expect(DOCUMENTED_FLOWS.filter((f) => f.to === 'back-end-sql' && f.from !== 'front-end' && f.from !== 'back-end-sql')).toHaveLength(0);
  });
});

describe('documented flows per version', () => {
  test('Subscription Edition gets every flow 2019 gets (it derives from 2019)', () => {
    const { DOCUMENTED_FLOWS } = require('../../lib/model/documented-flows');
    const { ProductVersion } = require('../../lib');
    const applies = (f: { versions?: readonly string[] }, v: string) => !f.versions || f.versions.includes(v);
    const missing = DOCUMENTED_FLOWS.filter((f: any) => applies(f, ProductVersion.SKYPE_FOR_BUSINESS_2019) && !applies(f, ProductVersion.SKYPE_FOR_BUSINESS_SE)).map((f: any) => f.key);
    expect(missing).toEqual([]);
  });
});

describe('the Backup Service between paired pools (audit, issue 28)', () => {
  // disaster-recovery.md, "Mitigating security risks": the Backup Service's traffic is SMB (TCP/445) from
  // each Front End Server of pool A to the file store used by pool B, and from pool B to pool A's; the
  // ports table (ports-and-protocols.md) has no Backup Service row, and the CMS standby travels the same
  // way (exported, zipped, transferred, imported into the target pool's own store): no cross-pool SQL.
  const paired = DOCUMENTED_FLOWS.filter((f) => f.scope === 'paired-pool' || f.when?.includes('paired-pools'));

  it('is the one SMB flow from every Front End to the partner pool\'s file store, in both directions', () => {
    expect(paired.map((f) => ({ from: f.from, to: f.to, protocol: f.protocol, ports: f.ports, scope: f.scope }))).toEqual([
      { from: 'front-end', to: 'file-store', protocol: 'Tcp', ports: ['445'], scope: 'paired-pool' },
    ]);
    expect(paired[0].source).toMatch(/high-availability-and-disaster-recovery\/disaster-recovery\.md$/);
  });

  it('adds no SQL path between the pools: each Front End reaches only its own back end', () => {
    expect(admits('front-end', 'back-end-sql', 'Tcp', 1433).map((f) => f.scope)).toEqual(['own-pool']);
  });
});
