/**
 * The reference topology (examples/reference) scaled to N pool pairs of 12 Front Ends each, with every
 * role the rules look across: per site an Edge pool, a Director pool and a stand-alone Mediation pool;
 * per site pair a Persistent Chat pool stretched over its two sites.
 *
 * Pool pairs are spread over site pairs, at most 4 pool pairs per site pair (1 and 4 pairs: one site
 * pair; 16 pairs: 4 site pairs; 64 pairs: 16 site pairs, 32 sites). Per pool pair one pool in each
 * site of its site pair, each on its own AlwaysOn back end, the two pools paired. The first site's Edge
 * pool carries federation and XMPP; every Edge pool has its own SRV priority.
 */
import { Construct } from 'constructs';
import {
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
  StretchedPersistentChatPool,
  SupportPosture,
} from '../lib';

/** Pool pairs per site pair. */
export const PAIRS_PER_SITE_PAIR = 4;

/** Every site pair spans the same two regions, as the reference topology does. */
const REGIONS = ['westeurope', 'northeurope'] as const;

export function sitePairsFor(pairs: number): number {
  return Math.ceil(pairs / PAIRS_PER_SITE_PAIR);
}

export function buildScaledTopology(scope: Construct, pairs: number): SfbDeployment {
  const deployment = new SfbDeployment(scope, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    globalLocation: 'westeurope',
    supportPosture: SupportPosture.ACCEPTED_RISK,
    evaluationDate: '2026-12-01',
  });
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const sitePairs = sitePairsFor(pairs);
  let siteIndex = 0;
  for (let k = 0; k < sitePairs; k++) {
    const sites = REGIONS.map((location) => {
      siteIndex++;
      return new CentralSite(deployment, `s${String(siteIndex).padStart(2, '0')}`, { location, addressSpace: `10.${siteIndex}.0.0/16` });
    });
    const inThisPair = Math.min(PAIRS_PER_SITE_PAIR, pairs - k * PAIRS_PER_SITE_PAIR);
    const firstPools: FrontEndPool[] = [];
    const pools: FrontEndPool[][] = [[], []];
    for (let j = 1; j <= inThisPair; j++) {
      const i = k * PAIRS_PER_SITE_PAIR + j;
      const [primary, backup] = sites.map((site) => {
        const backEnd = new AlwaysOnBackEnd(site, `backend${j}`, backEndProps);
        return new FrontEndPool(site, `pool${j}`, {
          fqdn: `p${String(i).padStart(2, '0')}${site.node.id}.corp.contoso.com`,
          frontEndServers: 12,
          backEnd,
          hostsCentralManagementStore: i === 1 && site === sites[0],
        });
      });
      if (j === 1) firstPools.push(primary, backup);
      pools[0].push(primary);
      pools[1].push(backup);
      new PairedPools(deployment, `pair${i}`, { primary, backup });
    }
    sites.forEach((site, n) => {
      const s = site.node.id;
      const edge = new EdgePool(site, 'edge', {
        internalFqdn: `edge-${s}.corp.contoso.com`,
        accessEdgeFqdn: `access-${s}.contoso.com`,
        webConferencingEdgeFqdn: `webconf-${s}.contoso.com`,
        audioVideoEdgeFqdn: `av-${s}.contoso.com`,
        nextHop: firstPools[n],
        srvPriority: 10 * (2 * k + n + 1),
        federation: k === 0 && n === 0,
        xmppFederation: k === 0 && n === 0,
      });
      for (const pool of pools[n].slice(1)) pool.associateEdgePool(edge);
      new DirectorPool(site, 'director', { fqdn: `dir-${s}.corp.contoso.com` });
      new MediationPool(site, 'mediation', { fqdn: `med-${s}.corp.contoso.com`, nextHop: firstPools[n] });
    });
    new StretchedPersistentChatPool(deployment, `chat${k + 1}`, {
      fqdn: `pchat${k + 1}.corp.contoso.com`,
      primarySite: sites[0],
      secondarySite: sites[1],
      homePool: firstPools[0],
      primaryActiveServers: 2,
      secondaryIdleServers: 2,
    });
  }
  return deployment;
}
