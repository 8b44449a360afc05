/**
 * Runbook sections for Director and Mediation pools and central-site voice resiliency: a pure function
 * of the model (RESTORE-2, RESTORE-3, VOICE-3, VOICE-5, VOICE-11). The main runbook embeds it.
 */
import { shortName, siteOf } from '../model/queries';
import { ServerModel, TopologyModel } from '../model/topology';

/** VOICE-11: what the backup Registrar does not provide while a central site is down. */
export const OUTAGE_NOT_WORKING: readonly string[] = [
  'Response Group service (unless its configuration was imported into the backup pool, PAIR-19)',
  'Call Park',
  'Conference Auto-Attendant (dial-in conferencing attendant)',
  'Presence- and DND-based routing',
  'Updating call forwarding settings',
  'Provisioning new phones and clients',
  'Address Book Web Search',
];

/** What the backup Registrar keeps working (Enterprise Voice resiliency planning). */
export const OUTAGE_WORKING: readonly string[] = [
  'Outbound PSTN calls (through a failover route whose gateway is in another site, VOICE-4)',
  'Inbound PSTN calls, if the telephony provider can fail over to a backup site',
  'Enterprise calls within and between sites; hold, retrieve, transfer',
  'Two-party IM, audio and video between users of the same site',
  'Call forwarding, simultaneous ringing, delegation and team calls when all parties are in the same site',
  'Call detail recording; authentication and authorization; existing phones and clients',
];

const OUTAGE_MAYBE: readonly string[] = [
  'Voice mail: only if Exchange UM dial plans include UM servers of another site, or its SRV records are repointed',
  'Conferencing: failed-over users can join conferences of available pools, but cannot organize or host conferences on their own (failed) pool',
];

function serverTable(servers: readonly ServerModel[]): string[] {
  return [
    '| server | FQDN | address | failure domain |',
    '|---|---|---|---|',
    ...servers.map((s) => `| ${s.computerName} | ${s.fqdn} | ${s.nics[0]?.privateIp ?? ''} | ${s.failureDomain} |`),
  ];
}

function siteName(model: TopologyModel, path: string): string {
  return siteOf(model, path)?.name ?? shortName(path);
}

function directorSection(model: TopologyModel): string[] {
  const out = ['## Restore Director pools, member by member (RESTORE-2, RESTORE-3)', ''];
  if (model.directorPools.length === 0) return [...out, 'The deployment has no Director pool.', ''];
  out.push(
    'Restore one Director at a time; the other members keep serving (clients retry the other addresses of the DNS-load-balanced pool FQDN, and the web load balancer stops sending to a member whose port 5061 does not answer).',
    '',
    '1. Rebuild the member with the same computer name, FQDN and address (`terraform apply` recreates the VM as synthesized). Do not delete its Active Directory computer account.',
    '2. Re-enroll or restore its certificates before the role: pool FQDN, server FQDN, internal and external web services FQDNs, and the SIP-domain sign-in alias if it has one.',
    '3. Run the Deployment Wizard (Bootstrapper.exe) to install the local configuration store and the Director role, then `Start-CsWindowsService`.',
    '4. Check `Get-CsWindowsService` shows every service running, the member answers on 5061 (load balancer probe healthy) and its address is in the pool FQDN\'s A records. Then restore the next member.',
    '',
  );
  for (const d of model.directorPools) {
    out.push(`### ${d.fqdn} (site ${siteName(model, d.sitePath)})`, '', `Web services: internal ${d.internalWebFqdn}${d.webLoadBalancer ? ` (load balancer ${d.webLoadBalancer.privateIp})` : ''}, external ${d.externalWebFqdn}.`, '');
    out.push(...serverTable(d.servers), '');
  }
  return out;
}

function mediationSection(model: TopologyModel): string[] {
  const out = ['## Restore Mediation pools, member by member (RESTORE-2, RESTORE-3)', ''];
  const collocated = model.frontEndPools.filter((p) => p.collocatedMediation);
  if (model.mediationPools.length === 0 && collocated.length === 0) return [...out, 'The deployment has no Mediation Server.', ''];
  out.push(
    'Restore one Mediation server at a time; gateways and Front Ends use the other members meanwhile (the pool FQDN resolves to every member).',
    '',
    '1. Rebuild the member with the same computer name, FQDN and address; keep its AD computer account.',
    '2. Re-enroll or restore its certificate (server FQDN and pool FQDN), then run the Deployment Wizard to install the Mediation Server role and `Start-CsWindowsService`.',
    '3. Check `Get-CsWindowsService -Name RTCMEDSRV` is running and each gateway of the pool reaches the member on 5067 (TLS) or 5068 (TCP); then restore the next member.',
    '',
  );
  for (const p of model.mediationPools) {
    const hop = [...model.frontEndPools, ...model.directorPools].find((f) => f.path === p.nextHopPath);
    out.push(`### ${p.fqdn} (site ${siteName(model, p.sitePath)})`, '', `Next hop: ${hop?.fqdn ?? p.nextHopPath}. Gateways: ${(p.gatewayPrefixes ?? ['VirtualNetwork']).join(', ')}.`, '');
    out.push(...serverTable(p.servers), '');
  }
  for (const p of collocated) {
    out.push(`### ${p.fqdn}: collocated Mediation (site ${siteName(model, p.sitePath)})`, '', 'The Mediation Server comes back with each Front End server: restore the Front End (Front End pool procedure) and check RTCMEDSRV on it.', '');
  }
  return out;
}

function discoverySection(model: TopologyModel): string[] {
  const name = `_sipinternaltls._tcp.${model.sipDomain}`;
  const answers = model.siteSrvAnswers ?? [];
  const out = [`## Internal sign-in discovery across central sites (VOICE-5)`, ''];
  if (answers.length === 0) return [...out, `No ${name} record: the deployment has no Front End or Director pool yet.`, ''];
  out.push(
    `Azure private DNS publishes ${name} once for every network, with one entry per central site at the same priority and weight: clients spread their first hop over the sites, and the first hop redirects each user to their home pool. Give each site's clients their own site first in the DNS they query (for example Windows Server DNS policies with a client-subnet criterion, or per-site DNS servers):`,
    '',
    '| clients of site | priority | weight | port | target |',
    '|---|---|---|---|---|',
  );
  for (const a of answers) {
    for (const e of [...a.entries].sort((x, y) => x.priority - y.priority || x.target.localeCompare(y.target))) {
      out.push(`| ${siteName(model, a.sitePath)} | ${e.priority} | ${e.weight} | ${e.port} | ${e.target} |`);
    }
  }
  out.push('', `Targets in ${model.sipDomain} that are not the pool FQDN are sign-in aliases: add them to the pool's certificate (clients match the SRV target against the SIP domain strictly).`, '');
  return out;
}

function outageSection(model: TopologyModel): string[] {
  const out = ['## During a central-site outage (VOICE-11, VOICE-3)', ''];
  out.push(
    'Users whose primary Registrar pool is down register with its backup Registrar pool in another central site after the failover interval (300 seconds by default, set in Topology Builder).',
    '',
    'Does **not** work from the backup Registrar:',
    '',
    ...OUTAGE_NOT_WORKING.map((x) => `- ${x}`),
    '',
    'Keeps working:',
    '',
    ...OUTAGE_WORKING.map((x) => `- ${x}`),
    '',
    'Depends on configuration:',
    '',
    ...OUTAGE_MAYBE.map((x) => `- ${x}`),
    '',
  );
  for (const site of model.sites) {
    const pools = model.frontEndPools.filter((p) => p.sitePath === site.path);
    const lost = [
      ...pools.map((p) => `Registrar pool ${p.fqdn}${p.collocatedMediation ? ' (with its collocated Mediation)' : ''}`),
      ...model.directorPools.filter((d) => d.sitePath === site.path).map((d) => `Director pool ${d.fqdn}`),
      ...model.mediationPools.filter((p) => p.sitePath === site.path).map((p) => `Mediation pool ${p.fqdn} and the calls of its gateways`),
    ];
    if (lost.length === 0) continue;
    out.push(`### Site ${site.name} down`, '', ...lost.map((x) => `- Lost: ${x}`));
    for (const p of pools) {
      const pair = model.pairs.find((x) => x.primaryPath === p.path || x.backupPath === p.path);
      const partnerPath = pair ? (pair.primaryPath === p.path ? pair.backupPath : pair.primaryPath) : undefined;
      const partner = model.frontEndPools.find((f) => f.path === partnerPath);
      out.push(partner ? `- Users of ${p.fqdn} fail over to backup Registrar ${partner.fqdn} (site ${siteName(model, partner.sitePath)}).` : `- Users of ${p.fqdn} have no backup Registrar pool in another site (VOICE-2): they lose service.`);
    }
    out.push('');
  }
  return out;
}

/** Markdown sections: Director and Mediation restore, sign-in discovery per site, central-site outage. */
export function rolesRunbook(model: TopologyModel): string {
  return [...directorSection(model), ...mediationSection(model), ...discoverySection(model), ...outageSection(model)].join('\n').trimEnd() + '\n';
}
