/**
 * Keys, not order (issue 24): a topology declared in any order (sites, the pools of a site, their back
 * ends, pairings, Edge, Director, Mediation and chat pools, acknowledgements) synthesizes the same
 * Terraform, runbook and reports, byte for byte. Every "one of several" default (the pool that hosts
 * the Central Management Store, the web services behind the simple URLs, Traffic Manager priorities,
 * the region of the shared resources) is chosen by key.
 */
import { Construct } from 'constructs';
import {
  acknowledgeFinding,
  AlwaysOnBackEnd,
  CentralSite,
  DirectorPool,
  EdgePool,
  FrontEndPool,
  MediationPool,
  PairedPools,
  ProductVersion,
  SfbDeployment,
  SqlEdition,
  SqlServerVersion,
  StandaloneBackEnd,
  StretchedPersistentChatPool,
  SupportPosture,
} from '../../lib';
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';

/** What the declarations build, by key. */
type Built = Map<string, Construct>;

/** One declaration: a key, the keys it needs built first, and how to build it. */
interface Declaration {
  readonly key: string;
  readonly needs: readonly string[];
  readonly build: (deployment: SfbDeployment, built: Built) => Construct;
}

const SITES = [
  { id: 'west', location: 'westeurope', addressSpace: '10.10.0.0/16' },
  { id: 'north', location: 'northeurope', addressSpace: '10.20.0.0/16' },
  { id: 'south', location: 'francecentral', addressSpace: '10.30.0.0/16' },
];

/** Pools per site: `<site>/<pool>`, each on its own back end. */
const POOLS = ['west/pool1', 'west/pool2', 'north/pool1', 'north/pool2', 'south/pool1'];

const get = <T extends Construct>(built: Built, key: string) => built.get(key) as T;
const site = (built: Built, key: string) => get<CentralSite>(built, key.split('/')[0]);

function declarations(): Declaration[] {
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const out: Declaration[] = SITES.map((s) => ({ key: s.id, needs: [], build: (d) => new CentralSite(d, s.id, { location: s.location, addressSpace: s.addressSpace }) }));
  for (const key of POOLS) {
    const [siteId, poolId] = key.split('/');
    out.push({
      key: `${key}-backend`,
      needs: [siteId],
      build: (_d, b) => (siteId === 'south' ? new StandaloneBackEnd(site(b, key), `${poolId}-backend`, { sqlVersion: SqlServerVersion.SQL_2019 }) : new AlwaysOnBackEnd(site(b, key), `${poolId}-backend`, backEndProps)),
    });
    out.push({
      key,
      needs: [`${key}-backend`],
      build: (_d, b) => new FrontEndPool(site(b, key), poolId, { fqdn: `${poolId}-${siteId}.corp.contoso.com`, backEnd: get<AlwaysOnBackEnd>(b, `${key}-backend`) }),
    });
  }
  for (const [id, primary, backup] of [['pair1', 'west/pool1', 'north/pool1'], ['pair2', 'west/pool2', 'north/pool2']]) {
    out.push({ key: id, needs: [primary, backup], build: (d, b) => new PairedPools(d, id, { primary: get<FrontEndPool>(b, primary), backup: get<FrontEndPool>(b, backup) }) });
  }
  for (const [siteId, priority] of [['west', 10], ['north', 20]] as const) {
    const nextHop = `${siteId}/pool1`;
    out.push({
      key: `${siteId}/edge`,
      needs: [nextHop],
      build: (_d, b) => {
        const edge = new EdgePool(site(b, nextHop), 'edge', {
          internalFqdn: `edge-${siteId}.corp.contoso.com`,
          accessEdgeFqdn: `access-${siteId}.contoso.com`,
          webConferencingEdgeFqdn: `webconf-${siteId}.contoso.com`,
          audioVideoEdgeFqdn: `av-${siteId}.contoso.com`,
          nextHop: get<FrontEndPool>(b, nextHop),
          srvPriority: priority,
          federation: siteId === 'west',
        });
        if (siteId === 'west') acknowledgeFinding(edge, 'EDGE-16', 'Inbound federation fails over by the runbook: move the federation flag to edge-north and republish');
        return edge;
      },
    });
    out.push({ key: `${siteId}/director`, needs: [siteId], build: (_d, b) => new DirectorPool(get<CentralSite>(b, siteId), 'director', { fqdn: `dir-${siteId}.corp.contoso.com` }) });
    out.push({ key: `${siteId}/mediation`, needs: [nextHop], build: (_d, b) => new MediationPool(get<CentralSite>(b, siteId), 'mediation', { fqdn: `med-${siteId}.corp.contoso.com`, nextHop: get<FrontEndPool>(b, nextHop) }) });
  }
  out.push({
    key: 'chat',
    needs: ['west', 'north', 'west/pool1'],
    build: (d, b) =>
      new StretchedPersistentChatPool(d, 'chat', {
        fqdn: 'pchat.corp.contoso.com',
        primarySite: get<CentralSite>(b, 'west'),
        secondarySite: get<CentralSite>(b, 'north'),
        homePool: get<FrontEndPool>(b, 'west/pool1'),
        primaryActiveServers: 2,
        secondaryIdleServers: 2,
      }),
  });
  return out;
}

/** A deterministic generator (mulberry32), so a failing order can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The declarations in an order the seed picks among those that build what each needs first; seed 0: as listed. */
function order(seed: number): Declaration[] {
  const rest = declarations();
  const next = random(seed);
  const done = new Set<string>();
  const out: Declaration[] = [];
  while (rest.length > 0) {
    const ready = rest.filter((d) => d.needs.every((n) => done.has(n)));
    const pick = ready[seed === 0 ? 0 : Math.floor(next() * ready.length)];
    rest.splice(rest.indexOf(pick), 1);
    done.add(pick.key);
    out.push(pick);
  }
  return out;
}

interface Output {
  readonly order: string;
  readonly terraform: string;
  readonly runbook: string;
  readonly reports: Record<string, string>;
  readonly findings: string[];
}

function synthesize(seed: number, lab = false): Output {
  const stack = new TerraformStack(Testing.app(), 'sfb-order');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const deployment = new SfbDeployment(stack, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    ...(lab ? { lab: {} } : { supportPosture: SupportPosture.ACCEPTED_RISK }),
  });
  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');
  const built: Built = new Map();
  const declared = order(seed);
  for (const d of declared) built.set(d.key, d.build(deployment, built));
  const terraform = Testing.synth(stack, true);
  return {
    order: declared.map((d) => d.key).join(' '),
    terraform,
    runbook: deployment.runbook(),
    reports: deployment.reports(),
    findings: deployment.findings().map((f) => `[${f.ruleId}] ${f.severity} ${f.path}: ${f.message}`),
  };
}

/** The top-level blocks of two Terraform JSON texts that differ, for a readable failure. */
function differingBlocks(a: string, b: string): string[] {
  const [x, y] = [JSON.parse(a), JSON.parse(b)];
  const out: string[] = [];
  for (const section of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
    for (const type of [...new Set([...Object.keys(x[section] ?? {}), ...Object.keys(y[section] ?? {})])].sort()) {
      const [bx, by] = [x[section]?.[type] ?? {}, y[section]?.[type] ?? {}];
      if (typeof bx !== 'object' || typeof by !== 'object') {
        if (JSON.stringify(bx) !== JSON.stringify(by)) out.push(`${section}.${type}`);
        continue;
      }
      for (const id of [...new Set([...Object.keys(bx), ...Object.keys(by)])].sort()) {
        if (JSON.stringify(bx[id]) !== JSON.stringify(by[id])) out.push(`${section}.${type}.${id}`);
      }
    }
  }
  return out;
}

describe('declaration order (keys, not order)', () => {
  const base = synthesize(0);

  test('the topology synthesizes, and the store and the shared region are chosen by key (PAIR-26, GLOBAL-2 ask to give them)', () => {
    expect(base.findings.filter((f) => f.includes('] error '))).toEqual([]);
    expect(base.findings.filter((f) => f.startsWith('[GLOBAL-2]'))).toEqual([expect.stringMatching(/go to northeurope, chosen from site north, the site of the Central Management Store/)]);
    expect(base.findings.filter((f) => f.startsWith('[PAIR-26]'))).toEqual([
      expect.stringMatching(/^\[PAIR-26\] warning sfb-order\/contoso\/north\/pool1: pool1-north.corp.contoso.com hosts the Central Management Store/),
    ]);
  });

  test.each([1, 2, 3, 4, 5])('every declaration shuffled (seed %i) gives byte-identical Terraform, runbook, reports and findings', (seed) => {
    const shuffled = synthesize(seed);
    expect(shuffled.order).not.toEqual(base.order);
    expect(differingBlocks(base.terraform, shuffled.terraform)).toEqual([]);
    expect(shuffled.terraform).toEqual(base.terraform);
    expect(shuffled.runbook).toEqual(base.runbook);
    expect(Object.keys(shuffled.reports).sort()).toEqual(Object.keys(base.reports).sort());
    for (const name of Object.keys(base.reports)) expect({ name, text: shuffled.reports[name] }).toEqual({ name, text: base.reports[name] });
    expect(shuffled.findings).toEqual(base.findings);
  });

  test.each([1, 2])('in lab mode too (seed %i): the forest root and each site\'s DNS servers follow keys', (seed) => {
    const [before, after] = [synthesize(0, true), synthesize(seed, true)];
    expect(differingBlocks(before.terraform, after.terraform)).toEqual([]);
    expect(after.runbook).toEqual(before.runbook);
    expect(after.findings).toEqual(before.findings);
  });
});
