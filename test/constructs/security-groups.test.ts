import { securityGroupName } from '../../lib/azure/security-groups';
import { azureNameProblem } from '../../lib/model/azure-names';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';
import { groupAddresses } from '../security-groups';

describe('application security groups', () => {
  test('a group name is `<prefix>-<key>` when it fits', () => {
    expect(securityGroupName('asg-contoso-west', 'pool')).toBe('asg-contoso-west-pool');
  });

  test('a name too long for Azure, or ending in a hyphen, is shortened with a stable hash: legal, distinct, the same every time', () => {
    const long = (k: string) => securityGroupName('asg-contoso-west', `${'a'.repeat(100)}${k}`);
    for (const name of [long('1'), long('2'), securityGroupName('asg-contoso-west', 'pool-')]) {
      expect(azureNameProblem('azurerm_application_security_group', name)).toBeUndefined();
    }
    expect(long('1')).toHaveLength(80);
    expect(long('1')).not.toBe(long('2'));
    expect(long('1')).toBe(securityGroupName('asg-contoso-west', `${'a'.repeat(100)}1`));
  });

  test('one group per pool and site, holding exactly the internal NICs of its servers, in the site\'s region and resource group', () => {
    const { stack, deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    testPool(west);
    testPool(north);
    const json = synthJson(stack);
    const groups = resourcesOf(json, 'azurerm_application_security_group').filter((g) => g.name.endsWith('-pool'));
    expect(groups.map((g) => [g.name, g.location])).toEqual([['asg-contoso-north-pool', 'northeurope'], ['asg-contoso-west-pool', 'westeurope']]);
    const keys = Object.entries<any>(json.resource.azurerm_application_security_group).filter(([, g]) => g.name === 'asg-contoso-west-pool').map(([k]) => k);
    const members = groupAddresses(json, keys.map((k) => `\${azurerm_application_security_group.${k}.id}`));
    const nics = resourcesOf(json, 'azurerm_network_interface').filter((n) => n.name.startsWith('nic-pool-west-')).map((n) => `${n.ip_configuration[0].private_ip_address}/32`);
    expect(nics).toHaveLength(3);
    expect(members).toEqual([...nics].sort());
  });

  test('a group key is its owner\'s: a second owner asking for the same key is refused, naming both', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const a = testPool(west, 'a');
    const b = testPool(west, 'b');
    west._serverGroup(a, a._servers.servers);
    // The same owner again is a no-op (each server is associated once).
    expect(west._serverGroup(a, a._servers.servers)).toBe('a');
    const groups = (west.node.findChild('security-groups') as unknown as { add: (k: string, o: string, s: unknown[]) => void });
    expect(() => groups.add('a', b.node.path, b._servers.servers)).toThrow(/application security group a: already holds the servers of \S*contoso\/west\/a; \S*contoso\/west\/b needs a group key of its own/);
  });
});
