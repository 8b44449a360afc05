/**
 * A branch in Azure with one stack per site: its network, server, peering and zone links go into its
 * central site's stack, and every reference of every stack stays inside that stack.
 */
import { TerraformStack, Testing } from '../../lib/cdktf';
import { testPerSiteDeployment } from '../helpers';
import { azureBranchTopology } from '../voice-helpers';
import { foreignReferences } from './foreign-references';

const json = (stack: TerraformStack) => JSON.parse(Testing.synth(stack));

describe('a branch in Azure, one stack per site', () => {
  const { app, deployment } = testPerSiteDeployment();
  azureBranchTopology({ deployment });
  const stacks = Object.fromEntries(app.node.children.filter(TerraformStack.isStack).map((s) => [s.node.id, json(s as TerraformStack)]));
  const names = (s: any, type: string) => Object.values<any>(s.resource?.[type] ?? {}).map((r) => r.name).sort();

  test('makes no stack of its own: global, north and west', () => {
    expect(Object.keys(stacks).sort()).toEqual(['contoso-global', 'contoso-north', 'contoso-west']);
  });

  test('its network, server, peering both ways and zone links are in the central site\'s stack only', () => {
    const north = stacks['contoso-north'];
    expect(names(north, 'azurerm_virtual_network')).toContain('vnet-contoso-branch-oslo');
    expect(names(north, 'azurerm_windows_virtual_machine')).toContain('sbs-oslo-1');
    expect(names(north, 'azurerm_virtual_network_peering').filter((n) => n.includes('branch'))).toEqual(['peer-branch-oslo-to-north', 'peer-north-to-branch-oslo']);
    expect(names(north, 'azurerm_private_dns_zone_virtual_network_link').filter((n) => n === 'link-branch-oslo')).toHaveLength(2);
    for (const id of ['contoso-global', 'contoso-west']) {
      expect(JSON.stringify(stacks[id])).not.toContain('branch-oslo');
    }
  });

  test('the runbook sends the operator to the central site\'s stack for the branch', () => {
    expect(deployment.runbook()).toContain('a peering that shows Disconnected is re-created by applying the stack of north, which holds both');
  });

  test('no stack refers to a resource of another', () => {
    for (const s of Object.values(stacks)) {
      expect(foreignReferences(s)).toEqual([]);
      expect(s.data?.terraform_remote_state).toBeUndefined();
    }
  });
});
