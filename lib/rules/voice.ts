/** Enterprise Voice resiliency (VOICE-*): registrar pools per site, sign-in discovery, Mediation for voice. */
import { LoadBalancing, Severity } from '../enums';
import { aRecordValues } from '../model/queries';
import { FrontEndPoolModel, SiteSrvAnswerModel, TopologyModel } from '../model/topology';
import { PstnPeerModel, voiceOf } from '../model/voice';
import { rule, RuleStatus, RuleStatusKind, status, Violation } from './rule';

const EV = 'Plan for Enterprise Voice resiliency in Skype for Business Server';

function addresses(m: TopologyModel, fqdn: string): readonly string[] {
  return aRecordValues(m, 'private', fqdn) ?? [];
}

/** A registrar pool is load balanced: one server, DNS (pool FQDN to every member), or SIP 5061 on the load balancer. */
function loadBalanced(m: TopologyModel, p: FrontEndPoolModel): boolean {
  if (p.servers.length <= 1) return true;
  if (p.sipLoadBalancing === LoadBalancing.HARDWARE) return (p.webLoadBalancer?.rules ?? []).some((r) => r.frontendPort === 5061);
  const resolved = new Set(addresses(m, p.fqdn));
  return p.servers.every((s) => resolved.has(s.nics[0]?.privateIp ?? ''));
}

/** Items grouped by a key, in model order. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The site of each peer path, and a site's short name for messages. */
function peerSites(m: TopologyModel): { readonly siteOf: (path: string) => string | undefined; readonly label: (sitePath: string) => string } {
  const byPath = new Map<string, PstnPeerModel>(voiceOf(m).peers.map((p) => [p.path, p]));
  const names = new Map(m.sites.map((s) => [s.path, s.name]));
  return { siteOf: (path) => byPath.get(path)?.sitePath, label: (sitePath) => names.get(sitePath) ?? sitePath };
}

const sortedUnique = (xs: readonly (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => x !== undefined))].sort();

export const VOICE_RULES = [
  rule('VOICE-1', Severity.ERROR, 'Every central site has a load-balanced Registrar pool', EV, (m) => {
    const poolsBySite = groupBy(m.frontEndPools, (p) => p.sitePath);
    return m.sites.flatMap((site): Violation[] => {
      const pools = poolsBySite.get(site.path) ?? [];
      // A site without any Registrar pool is FE-20's finding (one fact, one finding).
      if (pools.length === 0) return [];
      return pools.some((p) => loadBalanced(m, p))
        ? []
        : [{ path: site.path, message: `no Registrar pool of central site ${site.name} is load balanced (${pools.map((p) => p.fqdn).join(', ')}); a Registrar pool needs DNS load balancing (pool FQDN to every Front End) or a load balancer on SIP 5061; publish the missing records or balance 5061` }];
    });
  }),
  rule('VOICE-4', Severity.WARNING, 'A voice route has a failover route whose gateways are in another site', EV, (m) => {
    const { siteOf, label } = peerSites(m);
    return voiceOf(m).routes.flatMap((r): Violation[] => {
      const primary = sortedUnique(r.gatewayPaths.map(siteOf));
      const failover = sortedUnique(r.failoverGatewayPaths.map(siteOf));
      const names = (sites: readonly string[]) => sites.map(label).join(', ');
      if (failover.length === 0) {
        return [{ path: r.path, message: `voice route ${r.name} sends calls only to gateways in site ${names(primary)} and has no failover route; when those gateways or their site fail, PSTN calls of usages ${r.usages.join(', ')} fail; give failoverGateways in another central site` }];
      }
      if (failover.every((s) => primary.includes(s))) {
        return [{ path: r.path, message: `the failover route of voice route ${r.name} uses gateways in site ${names(failover)}, the site of its primary gateways; a site outage takes both down; give failoverGateways in another central site` }];
      }
      return [];
    });
  }),
  rule('VOICE-5', Severity.WARNING, 'Internal sign-in SRV records reach every central site, each site preferring its own', EV, (m) => {
    const name = `_sipinternaltls._tcp.${m.sipDomain}`.toLowerCase();
    const published = m.srvEntries.filter((e) => e.scope === 'private' && e.name.toLowerCase() === name);
    const answers = new Map<string, SiteSrvAnswerModel>();
    for (const a of m.siteSrvAnswers ?? []) if (!answers.has(a.sitePath)) answers.set(a.sitePath, a);
    // The pools that may be a site's first hop: Director pools first, then Front End pools.
    const firstHops = groupBy([...m.directorPools, ...m.frontEndPools], (p) => p.sitePath);
    const publishedOwners = new Set(published.map((e) => e.ownerPath));
    const out: Violation[] = [];
    for (const site of m.sites) {
      const targets = (firstHops.get(site.path) ?? []).map((p) => p.path);
      if (targets.length === 0) continue;
      if (!targets.some((t) => publishedOwners.has(t))) {
        out.push({ path: site.path, message: `${name} has no entry for a Director or Front End pool of central site ${site.name}; when another site fails its clients cannot find this site; publish one entry per central site` });
        continue;
      }
      const answer = answers.get(site.path);
      const best = answer ? Math.min(...answer.entries.map((e) => e.priority)) : undefined;
      const preferred = answer?.entries.filter((e) => e.priority === best) ?? [];
      if (!answer || preferred.length !== 1 || !targets.includes(preferred[0].ownerPath)) {
        out.push({ path: site.path, message: `the ${name} answer for clients of central site ${site.name} ${answer ? `prefers [${preferred.map((e) => e.target).join(', ')}]` : 'is missing'}; each site's clients should get their own site's Director or Front End pool at the lowest priority and the other sites' after it (site-aware DNS)` });
      }
    }
    // One shared record set serves every network: an entry preferred over the others makes every site's clients prefer that site.
    const priorities = [...new Set(published.map((e) => e.priority))];
    if (priorities.length > 1) {
      const top = Math.min(...priorities);
      out.push({ path: m.path, message: `${name} in the shared private zone has priorities [${priorities.sort((a, b) => a - b).join(', ')}], so clients of every site prefer ${published.filter((e) => e.priority === top).map((e) => e.target).join(', ')}; the zone answers every network alike, so give its entries one priority and put per-site preference in site-aware DNS` });
    }
    return out;
  }),
  rule('VOICE-12', Severity.ERROR, 'Enterprise Voice and dial-in conferencing need a Mediation Server', 'Mediation Server component in Skype for Business Server; Topology Basics', (m) => {
    const mediation = m.mediationPools.length > 0 || m.frontEndPools.some((p) => p.collocatedMediation);
    if (mediation) return [];
    return m.frontEndPools
      .filter((p) => p.enterpriseVoice)
      .map((p) => ({
        path: p.path,
        message: `pool ${p.fqdn} has enterpriseVoice but the deployment has no Mediation Server; Enterprise Voice and dial-in conferencing need one, collocated or stand-alone; set collocatedMediation on a Front End pool or add a MediationPool`,
      }));
  }),
];

export const VOICE_STATUS: RuleStatus[] = [
  status('VOICE-3', RuleStatusKind.IN_RUNBOOK, 'The Registrar failover interval is a Topology Builder setting the library leaves at its default of 300 seconds; the runbook section "During a central-site outage (VOICE-11, VOICE-3)" states it.'),
  status('VOICE-10', RuleStatusKind.BY_CONSTRUCTION, 'The Application service, Conferencing Attendant and Conferencing Announcement run on Front End pools, and a FrontEndPool can only be created in a CentralSite, so they cannot land on a branch site; enabling dial-in conferencing per pool is a Topology Builder setting the library does not model.'),
  status('VOICE-11', RuleStatusKind.IN_RUNBOOK, 'The runbook section "During a central-site outage (VOICE-11, VOICE-3)" (rolesRunbook) lists what does and does not work from the backup Registrar.'),
];
