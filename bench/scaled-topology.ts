/** The reference topology scaled to N pool pairs of 12 Front Ends each (one pool of each pair per site). */
import { Construct } from 'constructs';
import { CentralSite, FrontEndPool, ProductVersion, SfbDeployment, SqlServerVersion, StandaloneBackEnd, SupportPosture } from '../lib';

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
    for (const site of sites) {
      const label = `p${String(i).padStart(2, '0')}${site.node.id[0]}`;
      const backEnd = new StandaloneBackEnd(site, `backend${i}`, { sqlVersion: SqlServerVersion.SQL_2019 });
      new FrontEndPool(site, `pool${i}`, { fqdn: `${label}.corp.contoso.com`, frontEndServers: 12, backEnd });
    }
  }
  return deployment;
}
