import { PairedPools, renderRunbook } from '../../lib/experimental';
import { modelOf, testPool, testSite } from '../helpers';
import { section } from '../runbook-sections';

const TITLE = 'Where the one-of-a-kind roles are, and why';

function choices(pinWest: boolean, globalLocation?: string): string {
  const m = modelOf(({ deployment }) => {
    const west = testPool(testSite(deployment, 'west'), 'pool', pinWest ? { hostsCentralManagementStore: true } : {});
    const north = testPool(testSite(deployment, 'north'));
    new PairedPools(deployment, 'pair', { primary: west, backup: north });
  }, globalLocation ? { globalLocation } : {});
  return section(renderRunbook(m), TITLE);
}

describe('runbook: where the one-of-a-kind roles are, and why', () => {
  test('a store chosen by key says so, with the key, the rule and how to pin it', () => {
    const text = choices(false);
    expect(text).toMatch(/Central Management Store: pool-north.corp.contoso.com \(site north\), chosen by key: no pool sets hostsCentralManagementStore.*\(`north\/pool`\)\. A pool added with a smaller key would take it over.*\(PAIR-26\); the standby store is in its paired pool pool-west.corp.contoso.com\./);
    expect(text).toMatch(/Deployment-wide resources \(the DNS zones\): northeurope, chosen from site north, the site of the Central Management Store; give `globalLocation`/);
  });

  test('a given store and region say they are given; the web services say which pool serves them and why', () => {
    const text = choices(true, 'westeurope');
    expect(text).toMatch(/Central Management Store: pool-west.corp.contoso.com \(site west\), given: the pool sets `hostsCentralManagementStore: true`/);
    expect(text).toMatch(/Deployment-wide resources \(the DNS zones\): westeurope, given by `globalLocation`\./);
    expect(text).toMatch(/Simple URLs and Autodiscover \(lyncdiscoverinternal.contoso.com, meet.contoso.com, dialin.contoso.com\): the web services of pool-west.corp.contoso.com \(Front End pool\), the pool that hosts the Central Management Store \(no Director pool\)\. Standby: pool-north.corp.contoso.com, the paired pool of the primary\./);
    expect(text).toMatch(/Traffic Manager `tm-contoso-web` priorities: 1 pool-west-webext.contoso.com, 2 pool-north-webext.contoso.com/);
    expect(text).toMatch(/Configuration exports: every site \(north, west\) runs its own scheduled export/);
  });
});
