/**
 * The voice outages of a branch in Azure (a BranchSite with a location): the WAN of an on-premises
 * branch is here its network's peering with the central site, and the branch can also lose its
 * region, which takes its Survivable Branch Server with it. Pure function of the plan.
 */
import { TopologyModel } from '../model/topology';
import { BranchSiteModel, PstnPeerModel, voiceOf } from '../model/voice';
import { bullets, code } from './markdown';

/** `pstnFates(lost)`: what each voice route does when the peers `lost` names are unreachable (runbook-voice.ts). */
export function azureBranchOutages(m: TopologyModel, b: BranchSiteModel, peers: readonly PstnPeerModel[], pstnFates: (lost: (peerPath: string) => boolean) => string[]): string[] {
  const n = b.network!;
  const central = m.sites.find((s) => s.path === b.centralSitePath)?.name ?? b.centralSitePath;
  const own = peers.filter((p) => p.sitePath === b.path);
  const registrars = voiceOf(m).survivableBranches.filter((s) => s.branchPath === b.path);
  const backups = [...new Set(registrars.flatMap((s) => m.frontEndPools.filter((p) => p.path === s.backupRegistrarPath).map((p) => p.fqdn)))];
  const backup = backups.length > 0 ? `the backup Registrar ${backups.join(', ')} in ${central}` : 'no backup Registrar (VOICE-7): they cannot sign in';
  // With a stack per site the branch's resources are in its central site's stack (docs/per-site-stacks.md).
  const stack = m.perSiteStacks ? `the stack of ${central}` : 'the stack';
  const peering = (group: string, vnet: string, name: string) => code(`az network vnet peering show -g ${group} --vnet-name ${vnet} -n ${name} --query peeringState`);
  return [
    `### Peering of branch ${b.name} (Azure, ${b.location}) with ${central} down`,
    bullets([
      `Internal calls inside the branch keep working: users stay registered on its survivable registrar ${registrars.map((s) => s.fqdn).join(', ') || '(none: VOICE-6)'}${b.localRegistrarDiscovery ? '' : ' (phones that must find it anew need branch DNS caching or DHCP option 120, not configured: VOICE-8)'}.`,
      `PSTN: ${own.length > 0 ? `in and out through the branch gateway ${own.map((p) => p.fqdn).join(', ')} (the first usage ${b.voiceUsages[0] ?? '(none)'})` : 'no branch gateway: PSTN calls of branch users fail'}; calls to users in ${central} and other sites go out over the PSTN if their numbers match a route of the branch users' usages.`,
      'Voicemail: reached by voicemail rerouting over the PSTN (Set-CsVoicemailReroutingConfiguration); conferencing, presence of central users and the address book search are unavailable until the peering returns.',
      `Check both directions (Connected when up): ${peering(n.resourceGroup, n.virtualNetwork, n.peeringToSite)} and ${peering(n.siteResourceGroup, n.siteVirtualNetwork, n.peeringFromSite)}; a peering that shows Disconnected is re-created by applying ${stack}, which holds both.`,
    ]),
    `### Region ${b.location} of branch ${b.name} down`,
    bullets([
      `Registration: the survivable registrar goes down with the region; branch users register with ${backup} after the failover interval (300 seconds), if their clients reach ${central}.`,
      `PSTN: the branch gateway reaches the Mediation Server of the survivable registrar only: ${pstnFates((p) => own.some((o) => o.path === p)).join('; ')}.`,
      `Voicemail and conferencing: served by the backup Registrar's pool for the users it registers.`,
      `Check: ${code('Get-CsUserPoolInfo -Identity "<branch user>"')} (the survivable registrar is the primary pool, the backup Registrar the backup); rebuild: apply ${stack} when the region is back (it recreates the server) and run the deployment wizard (Bootstrapper.exe) on it, which takes its configuration from the Central Management store.`,
    ]),
  ];
}
