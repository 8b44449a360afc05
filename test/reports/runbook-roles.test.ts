import { DirectorPool, MediationPool, rolesRunbook } from '../../lib/experimental';
import { emptyTopology } from '../../lib/model/topology';
import { modelOf, testPool, testSite } from '../helpers';

function referenceLikeModel() {
  return modelOf(({ deployment }) => {
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const westPool = testPool(west, 'pool', { collocatedMediation: true });
    testPool(north, 'pool');
    new DirectorPool(west, 'director', { fqdn: 'dir-west.corp.contoso.com' });
    new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: westPool, gatewayPrefixes: ['192.168.10.0/24'] });
  });
}

describe('rolesRunbook', () => {
  test('restores each Director and Mediation pool member by member, listing every member', () => {
    const model = referenceLikeModel();
    const md = rolesRunbook(model);
    const [dir1, dir2] = model.directorPools[0].servers.map((s) => s.nics[0].privateIp.replace(/\./g, '\\.'));
    expect(md).toMatch(/## Restore Director pools, member by member/);
    expect(md).toMatch(/### dir-west.corp.contoso.com \(site west\)/);
    expect(md).toMatch(new RegExp(`\\| dir-west-1 \\| dir-west-1.corp.contoso.com \\| ${dir1} \\| 1 \\|`));
    expect(md).toMatch(new RegExp(`\\| dir-west-2 \\| dir-west-2.corp.contoso.com \\| ${dir2} \\| 2 \\|`));
    expect(md).toMatch(/### med-west.corp.contoso.com \(site west\)\n\nNext hop: pool-west.corp.contoso.com. Gateways: 192.168.10.0\/24./);
    expect(md).toMatch(/\| med-west-1 \|/);
    expect(md).toMatch(/### pool-west.corp.contoso.com: collocated Mediation/);
    expect(md).toMatch(/same computer name, FQDN and address/);
    expect(md).toMatch(/Do not delete its Active Directory computer account/);
  });

  test('lists the per-site sign-in answers for site-aware DNS', () => {
    const model = referenceLikeModel();
    const md = rolesRunbook(model);
    expect(md).toMatch(/\| west \| 0 \| 10 \| 5061 \| dir-west.contoso.com \|\n\| west \| 10 \| 10 \| 5061 \| pool-north.contoso.com \|/);
    expect(md).toMatch(/\| north \| 0 \| 10 \| 5061 \| pool-north.contoso.com \|\n\| north \| 10 \| 10 \| 5061 \| dir-west.contoso.com \|/);
  });

  test('lists what does not work during a central-site outage (VOICE-11) and what each site loses', () => {
    const model = referenceLikeModel();
    const md = rolesRunbook(model);
    for (const item of ['Response Group', 'Call Park', 'Conference Auto-Attendant', 'Presence- and DND-based routing', 'Updating call forwarding settings', 'Provisioning new phones and clients', 'Address Book Web Search']) {
      expect(md).toContain(`- ${item}`);
    }
    expect(md).toMatch(/300 seconds by default/);
    expect(md).toMatch(/### Site west down\n\n- Lost: Registrar pool pool-west.corp.contoso.com \(with its collocated Mediation\)\n- Lost: Director pool dir-west.corp.contoso.com\n- Lost: Mediation pool med-west.corp.contoso.com/);
    expect(md).toMatch(/Users of pool-north.corp.contoso.com have no backup Registrar pool in another site/);
  });

  test('names the backup Registrar of a paired pool', () => {
    const model = referenceLikeModel();
    const [west, north] = model.frontEndPools;
    const md = rolesRunbook({ ...model, pairs: [{ path: 'test/contoso/pair', primaryPath: west.path, backupPath: north.path }] });
    expect(md).toMatch(/Users of pool-west.corp.contoso.com fail over to backup Registrar pool-north.corp.contoso.com \(site north\)/);
    expect(md).toMatch(/Users of pool-north.corp.contoso.com fail over to backup Registrar pool-west.corp.contoso.com \(site west\)/);
  });

  test('says so when there is nothing to restore', () => {
    const md = rolesRunbook(emptyTopology());
    expect(md).toMatch(/The deployment has no Director pool./);
    expect(md).toMatch(/The deployment has no Mediation Server./);
  });
});
