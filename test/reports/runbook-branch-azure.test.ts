/** The runbook's voice outages for a branch in Azure: its peering instead of a WAN, and its region. */
import { section, subsection } from '../runbook-sections';
import { azureBranchTopology, branchTopology } from '../voice-helpers';

describe('the runbook\'s voice outages of a branch in Azure', () => {
  const voice = section(azureBranchTopology().deployment.runbook(), 'Voice outages');

  test('has no WAN section for it, but its peering and its region', () => {
    expect(voice).not.toContain('WAN to branch oslo down');
    expect(voice).toContain('### Peering of branch oslo (Azure, norwayeast) with north down');
    expect(voice).toContain('### Region norwayeast of branch oslo down');
  });

  test('peering down: the branch keeps its registrar and its gateway, with the commands to check both directions', () => {
    const peering = subsection(voice, 'Peering of branch oslo (Azure, norwayeast) with north down');
    expect(peering).toContain('users stay registered on its survivable registrar sbs-oslo.corp.contoso.com');
    expect(peering).toMatch(/in and out through the branch gateway gw-oslo.corp.contoso.com \(the first usage Oslo local\)/);
    expect(peering).toContain('az network vnet peering show -g rg-contoso-branch-oslo --vnet-name vnet-contoso-branch-oslo -n peer-branch-oslo-to-north --query peeringState');
    expect(peering).toContain('az network vnet peering show -g rg-contoso-north --vnet-name vnet-contoso-north -n peer-north-to-branch-oslo --query peeringState');
    expect(peering).toContain('re-created by applying the stack, which holds both');
  });

  test('region down: users move to the backup Registrar and the branch route to its failover route', () => {
    const region = subsection(voice, 'Region norwayeast of branch oslo down');
    expect(region).toContain('branch users register with the backup Registrar pool-north.corp.contoso.com in north after the failover interval (300 seconds)');
    expect(region).toMatch(/route oslo-local: its failover route \(usage Oslo local failover\) takes over through gw-north.corp.contoso.com/);
    expect(region).toContain('Bootstrapper.exe');
  });

  test('an on-premises branch keeps its WAN section', () => {
    const onPremises = section(branchTopology().deployment.runbook(), 'Voice outages');
    expect(onPremises).toContain('### WAN to branch redmond down');
    expect(onPremises).not.toContain('Peering of branch');
  });
});
