/** A two-site voice topology: a Front End pool and a stand-alone Mediation pool per site, one gateway in each. */
import { MediationPool, PstnGateway, SfbDeployment } from '../lib';
import { testPool, testSite } from './helpers';

export function voiceSites(deployment: SfbDeployment) {
  const make = (id: string, octet: number) => {
    const site = testSite(deployment, id);
    const pool = testPool(site, 'pool', { enterpriseVoice: true });
    const mediation = new MediationPool(site, 'mediation', { fqdn: `med-${id}.corp.contoso.com`, nextHop: pool });
    const gateway = new PstnGateway(site, 'gateway', { fqdn: `gw-${id}.corp.contoso.com`, address: `192.168.${octet}.5`, mediationPool: mediation });
    return { site, pool, mediation, gateway };
  };
  return { west: make('west', 10), north: make('north', 20) };
}
