/**
 * The reference topology scaled to N pool pairs of 12 Front Ends each: per pair one pool per site on
 * its own AlwaysOn back end, the two pools paired.
 */
import { Construct } from 'constructs';
import { AlwaysOnBackEnd, CentralSite, FrontEndPool, PairedPools, ProductVersion, SfbDeployment, SqlServerVersion, SupportPosture } from '../lib';

export function buildScaledTopology(scope: Construct, pairs: number): SfbDeployment {
  const deployment = new SfbDeployment(scope, 'contoso', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
  });
  const sites = [
    new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' }),
    new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' }),
  ];
  for (let i = 1; i <= pairs; i++) {
    const [primary, backup] = sites.map((site) => {
      const label = `p${String(i).padStart(2, '0')}${site.node.id[0]}`;
      const backEnd = new AlwaysOnBackEnd(site, `backend${i}`, { sqlVersion: SqlServerVersion.SQL_2019 });
      return new FrontEndPool(site, `pool${i}`, { fqdn: `${label}.corp.contoso.com`, frontEndServers: 12, backEnd });
    });
    new PairedPools(deployment, `pair${i}`, { primary, backup });
  }
  return deployment;
}
