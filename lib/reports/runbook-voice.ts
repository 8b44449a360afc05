/**
 * Voice outages: for a central site down, the WAN to a branch down, a gateway down and a Mediation
 * pool down, which calls still work and which route takes over, with the commands to check or move
 * it. A pure function of the plan's voice data (lib/model/voice.ts); empty when nothing is modelled.
 */
import { TopologyModel } from '../model/topology';
import { failoverUsage, PstnPeerModel, voiceOf, VoiceRouteModel } from '../model/voice';
import { blocks, bullets, code, table } from './markdown';
import { azureBranchOutages } from './runbook-branch-azure';

const byPath = <T extends { readonly path: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** What happens to one route when the peers in `lost` are unavailable. */
function routeFate(r: VoiceRouteModel, lost: (peerPath: string) => boolean, fqdn: (p: string) => string): string {
  const primary = r.gatewayPaths.filter((g) => !lost(g));
  if (primary.length === r.gatewayPaths.length) return '';
  if (primary.length > 0) return `route ${r.name}: calls go to its other gateways ${primary.map(fqdn).join(', ')}`;
  const failover = r.failoverGatewayPaths.filter((g) => !lost(g));
  if (failover.length > 0) return `route ${r.name}: its failover route (usage ${r.usages.map(failoverUsage).join(', ')}) takes over through ${failover.map(fqdn).join(', ')}`;
  return `route ${r.name}: **no gateway left**, PSTN calls of usages ${r.usages.join(', ')} matching ${code(r.numberPattern)} fail until a gateway returns or the route is moved`;
}

function fates(routes: readonly VoiceRouteModel[], lost: (p: string) => boolean, fqdn: (p: string) => string): string[] {
  const out = routes.map((r) => routeFate(r, lost, fqdn)).filter((x) => x !== '');
  return out.length > 0 ? out : ['no voice route depends on what is lost'];
}

/** Commands to check the routes and move one to a surviving gateway (a central-site one first: a branch gateway serves only its branch). */
function checkCommands(surviving: readonly PstnPeerModel[]): string[] {
  const target = surviving.find((p) => p.mediation !== 'branch') ?? surviving[0];
  return [
    `Check the routes: ${code('Get-CsVoiceRoute | Select-Object Identity,NumberPattern,PstnUsages,PstnGatewayList')}; and the trunks: ${code('Get-CsService -PstnGateway')}.`,
    ...(target ? [`Move a route to a surviving gateway: ${code(`Set-CsVoiceRoute -Identity "<route>" -PstnGatewayList @{Add="PstnGateway:${target.fqdn}"}`)}; test it with ${code('Test-CsPstnOutboundCall')}.`] : []),
  ];
}

export function voiceOutageSection(m: TopologyModel): string {
  const voice = voiceOf(m);
  if (voice.peers.length === 0 && voice.routes.length === 0 && voice.branchSites.length === 0) return '';
  const peers = byPath(voice.peers);
  const peerByPath = new Map(peers.map((p) => [p.path, p]));
  const fqdn = (p: string) => peerByPath.get(p)?.fqdn ?? p;
  const siteName = new Map<string, string>([...m.sites.map((s) => [s.path, s.name] as const), ...voice.branchSites.map((b) => [b.path, `branch ${b.name}`] as const)]);
  const where = (p: string) => siteName.get(p) ?? p;
  const routes = byPath(voice.routes);
  const parts: string[] = [
    '## Voice outages',
    'Which calls survive each failure, from the voice routes and gateways of the plan. Internal calls need a Registrar (the user\'s pool, its backup Registrar after the failover interval of 300 seconds, or a branch\'s survivable registrar); PSTN calls need a route with a reachable gateway and its Mediation Server; voicemail is Exchange UM, reached through the Front End pool (or, from a branch cut off from it, by voicemail rerouting over the PSTN); conferences run on the organizer\'s pool.',
    table(['Gateway or trunk', 'Site', 'Mediation', 'Address', 'SIP'], peers.map((p) => [p.fqdn, where(p.sitePath), `${p.mediationPath.split('/').pop()} (${p.mediation})`, p.address, `${p.transport} ${p.mediationPort} on Mediation, ${p.listeningPort} on the peer`])),
    table(['Route', 'Usages', 'Numbers', 'Gateways', 'Failover route gateways'], routes.map((r) => [
      r.name, r.usages.join(', '), r.numberPattern,
      r.gatewayPaths.map((g) => `${fqdn(g)} (${where(peerByPath.get(g)?.sitePath ?? '')})`).join(', '),
      r.failoverGatewayPaths.length > 0 ? r.failoverGatewayPaths.map((g) => `${fqdn(g)} (${where(peerByPath.get(g)?.sitePath ?? '')})`).join(', ') : 'none (VOICE-4)',
    ])),
  ];
  for (const site of byPath(m.sites)) {
    const lost = (p: string) => peerByPath.get(p)?.sitePath === site.path;
    const branches = voice.branchSites.filter((b) => b.centralSitePath === site.path).map((b) => b.name);
    parts.push(`### Central site ${site.name} down`, bullets([
      `Internal calls: users of the site's pools sign in to their backup Registrar after the failover interval and call again (no presence, Response Groups or Call Park until pool failover, see "During a central-site outage"); users of other sites are not affected.`,
      `PSTN: ${fates(routes, lost, fqdn).join('; ')}. Inbound PSTN calls the carrier delivers to gateways of ${site.name} fail until the carrier reroutes the numbers.`,
      `Voicemail and conferencing: served by the other sites' pools for their users; users of ${site.name} get them back after ${code('Invoke-CsPoolFailover')} (the pool sections above).`,
      ...(branches.length > 0 ? [`Branches ${branches.join(', ')}: their survivable registrars keep them registered with PSTN through the branch gateway; their backup Registrar is down, so a failing appliance now leaves them without service.`] : []),
      ...checkCommands(peers.filter((p) => !lost(p.path))),
    ]));
  }
  for (const b of byPath(voice.branchSites)) {
    // A branch in Azure: its peering instead of a WAN, and a region of its own to lose.
    if (b.network) {
      parts.push(...azureBranchOutages(m, b, peers, (lost) => fates(routes, lost, fqdn)));
      continue;
    }
    const own = peers.filter((p) => p.sitePath === b.path);
    const central = where(b.centralSitePath);
    parts.push(`### WAN to branch ${b.name} down`, bullets([
      `Internal calls inside the branch keep working: users stay registered on its survivable registrar${b.localRegistrarDiscovery ? '' : ' (phones that must find it anew need branch DNS caching or DHCP option 120, not configured: VOICE-8)'}.`,
      `PSTN: ${own.length > 0 ? `in and out through the branch gateway ${own.map((p) => p.fqdn).join(', ')} (the first usage ${b.voiceUsages[0] ?? '(none)'})` : 'no branch gateway: PSTN calls of branch users fail'}; calls to users in ${central} and other sites go out over the PSTN if their numbers match a route of the branch users' usages.`,
      'Voicemail: reached by voicemail rerouting over the PSTN (Set-CsVoicemailReroutingConfiguration); conferencing, presence of central users and the address book search are unavailable until the WAN returns.',
      `Check: ${code('Get-CsVoicemailReroutingConfiguration')}; on a phone, the registrar shown is the survivable registrar.`,
    ]));
  }
  for (const p of peers) {
    parts.push(`### Gateway ${p.fqdn} down`, bullets([
      `PSTN: ${fates(routes, (x) => x === p.path, fqdn).join('; ')}. Inbound calls the carrier delivers to ${p.fqdn} fail until the carrier reroutes them.`,
      'Internal calls, voicemail and conferencing (except dial-in through this gateway) keep working.',
      ...checkCommands(peers.filter((x) => x.path !== p.path)),
    ]));
  }
  const mediations = [...new Set(peers.filter((p) => p.mediation !== 'branch').map((p) => p.mediationPath))].sort();
  const servers = (path: string) => m.servers.filter((s) => s.path.startsWith(`${path}/`)).map((s) => s.computerName);
  const poolFqdn = new Map<string, string>([...m.mediationPools, ...m.frontEndPools].map((p) => [p.path, p.fqdn]));
  for (const path of mediations) {
    const served = peers.filter((p) => p.mediationPath === path);
    const collocated = served.some((p) => p.mediation === 'collocated');
    parts.push(`### ${collocated ? 'Collocated Mediation of pool' : 'Mediation pool'} ${poolFqdn.get(path) ?? path} down`, bullets([
      `Its peers ${served.map((p) => p.fqdn).join(', ')} cannot carry calls. PSTN: ${fates(routes, (x) => served.some((s) => s.path === x), fqdn).join('; ')}.`,
      'Internal calls, voicemail and conferencing keep working (dial-in conferencing needs a Mediation Server of another pool).',
      `Check the service on each server: ${servers(path).map((c) => code(`Get-CsWindowsService -Name RTCMEDSRV -ComputerName ${c}`)).join(', ') || code('Get-CsWindowsService -Name RTCMEDSRV')}.`,
    ]));
  }
  return blocks(...parts);
}
