/**
 * Simple URLs, Autodiscover and the names around them (TB-1, PAIR-21, DNS-9, DNS-12), checked on the
 * plan in `model.simpleUrls` (lib/model/simple-urls.ts) and the DNS records of the model.
 */
import { LoadBalancing, Severity } from '../enums';
import { resolvedPairs } from '../model/pairs';
import { SimpleUrlModel, SimpleUrlsModel } from '../model/simple-urls';
import { TopologyModel } from '../model/topology';
import { rule, Violation } from './rule';

const SURL = 'DNS requirements for simple URLs in Skype for Business Server (simple-urls.md)';
const ADV_DNS = 'Advanced Edge Server DNS planning for Skype for Business Server (advanced-edge-server-dns.md)';
const DNS_REQ = 'DNS requirements for Skype for Business Server (dns.md)';

const label = (u: SimpleUrlModel) => ({ meet: 'Meet', dialin: 'Dial-in', admin: 'Admin' })[u.kind];

/** Every pool FQDN of the deployment (a simple URL must not contain one). */
function poolFqdns(m: TopologyModel): string[] {
  return [
    ...m.frontEndPools.map((p) => p.fqdn),
    ...m.directorPools.map((p) => p.fqdn),
    ...m.edgePools.map((p) => p.internalFqdn),
    ...m.mediationPools.map((p) => p.fqdn),
    ...m.chatPools.map((p) => p.fqdn),
  ].map((f) => f.toLowerCase());
}

/** TB-1: Topology Builder's validation of simple URLs, as SURL states it. */
function simpleUrlViolations(m: TopologyModel): Violation[] {
  const plan = m.simpleUrls;
  if (!plan) return [];
  const out: Violation[] = [];
  const say = (u: SimpleUrlModel, what: string) => out.push({ path: m.path, message: `the ${label(u)} simple URL ${JSON.stringify(u.url)} ${what}` });
  const pools = poolFqdns(m);
  for (const u of plan.urls) {
    const lower = u.url.toLowerCase();
    if (!lower.startsWith('https://')) say(u, 'does not start with https://; every simple URL must ("All simple URLs must start with the https:// prefix"); write it as https://<name>');
    const authority = /^[a-z]+:\/\/([^/]*)/i.exec(u.url)?.[1] ?? '';
    if (authority.includes(':')) say(u, 'contains a port; simple URLs cannot contain port information; remove it');
    else if (!u.host) say(u, 'has no valid host name; give https://<host>[/<path>] with a DNS name such as meet.contoso.com');
    if (!/^[a-z]+:\/\/[A-Za-z0-9./-]+$/.test(u.url)) say(u, 'contains characters other than letters, digits, periods, hyphens and slashes; "If you use other characters, the simple URLs might not work as expected"');
    const pool = pools.find((f) => lower.includes(f));
    if (pool) say(u, `contains the pool FQDN ${pool}; simple URL names cannot contain the FQDN of any pool; use a name of its own such as meet.${m.sipDomain}`);
    if (u.host !== undefined && u.host === m.sipDomain.toLowerCase()) say(u, `uses the SIP domain ${m.sipDomain} itself as its host; simple URLs use their own domain, which must not match a SIP domain; use e.g. meet.${m.sipDomain}`);
  }
  const norm = (u: SimpleUrlModel) => u.url.toLowerCase().replace(/\/+$/, '');
  plan.urls.forEach((u, i) => {
    for (const other of plan.urls.slice(0, i)) {
      if (norm(u) === norm(other)) say(u, `is the same as the ${label(other)} simple URL; each simple URL must have a unique name`);
      else if (norm(u).startsWith(`${norm(other)}/`) || norm(other).startsWith(`${norm(u)}/`)) {
        say(u, `and the ${label(other)} simple URL ${JSON.stringify(other.url)} are a prefix of one another; a simple URL cannot be a prefix of another (e.g. https://sfb.contoso.com/Meet and https://sfb.contoso.com/Meet/Dialin)`);
      }
    }
  });
  return out;
}

/** Two sites with web services, as the plan sees them. */
function hasStandby(plan: SimpleUrlsModel): boolean {
  return plan.primary !== undefined && plan.standby !== undefined;
}

/** PAIR-25 (info): how the simple URLs and Autodiscover of paired pools fail over through Traffic Manager. */
function webFailoverNotes(m: TopologyModel): Violation[] {
  const plan = m.simpleUrls;
  const pairs = resolvedPairs(m).filter((p) => p.primary.sitePath !== p.backup.sitePath);
  if (!plan?.trafficManager || pairs.length === 0) return [];
  const tm = plan.trafficManager;
  const names = plan.externalNames.join(', ');
  return [{
    path: m.path,
    message: `${names} fail over through Traffic Manager profile ${tm.profileName} (${tm.fqdn}, priority routing: ${tm.endpoints.map((e) => `${e.priority}. ${e.target}`).join(', ')}); the internal names ${plan.internalNames.join(', ')} point at the internal web services of ${plan.primary!.fqdn} and move to ${plan.standby!.fqdn} by the runbook step (Traffic Manager cannot probe private addresses)`,
  }];
}

/** PAIR-21: the simple URLs and Autodiscover fail over with paired pools. */
function webFailoverViolations(m: TopologyModel): Violation[] {
  const plan = m.simpleUrls;
  const pairs = resolvedPairs(m).filter((p) => p.primary.sitePath !== p.backup.sitePath);
  if (!plan || pairs.length === 0 || plan.trafficManager) return [];
  const names = plan.externalNames.join(', ');
  const why = plan.trafficManagerDisabled
    ? 'simpleUrls.trafficManager is false'
    : hasStandby(plan) ? 'the two web services publish the same external FQDN' : 'no pool with web services exists in a second site';
  return [{
    path: m.path,
    message: `the deployment pairs pools across sites (${pairs.map((p) => `${p.primary.fqdn} with ${p.backup.fqdn}`).join('; ')}) but ${why}, so ${names} and ${plan.lyncdiscoverInternal} do not fail over with the pools; publish them through a GeoDNS provider (primary pool first, the partner on failure) with HTTPS monitoring of <external web FQDN>${'/autodiscover/autodiscoverservice.svc/root'}, or leave simpleUrls.trafficManager at its default`,
  }];
}

/** DNS-9: the private SIP-domain zone answers for the whole domain inside the networks (split-brain). */
function splitBrainViolations(m: TopologyModel): Violation[] {
  const sip = m.sipDomain.toLowerCase();
  const privateNames = new Set(m.dnsRecords.filter((r) => r.scope === 'private').map((r) => r.fqdn.toLowerCase()));
  const hasPrivateZone = [...privateNames].some((n) => n === sip || n.endsWith(`.${sip}`));
  if (!hasPrivateZone) return [];
  const inSip = (n: string) => n === sip || n.endsWith(`.${sip}`);
  const publicNames = [
    ...m.dnsRecords.filter((r) => r.scope === 'public').map((r) => r.fqdn),
    ...m.frontEndPools.map((p) => p.externalWebFqdn),
    ...m.directorPools.map((p) => p.externalWebFqdn),
    ...(m.simpleUrls ? m.simpleUrls.externalNames : []),
  ].map((n) => n.toLowerCase());
  const shadowed = [...new Set(publicNames)].filter((n) => inSip(n) && !privateNames.has(n)).sort();
  if (shadowed.length === 0) return [];
  const webExternal = [...m.frontEndPools, ...m.directorPools].map((p) => p.externalWebFqdn.toLowerCase()).filter((n) => shadowed.includes(n));
  return [{
    path: m.path,
    message: `the private zone ${sip} answers every query for ${sip} inside the virtual networks, so these public names do not resolve there: ${shadowed.join(', ')} (split-brain DNS by construction). For mobility that is what Autodiscover needs (lyncdiscover external only, lyncdiscoverinternal internal only, both published here), but ${webExternal.length > 0 ? `mobile clients that resolve internally also need the external web services FQDNs (${webExternal.join(', ')}) in the internal zone, pointing at the reverse proxy (dns.md: "Required if mobile clients will resolve DNS internally")` : 'any public name internal clients must reach has to be copied into the private zone'}; add them to the private zone with your reverse proxy's address, or replace the whole-domain zone with pin-point zones (advanced-edge-server-dns.md, "Pin-point internal zone")`,
  }];
}

/** DNS-12: a hardware-load-balanced pool FQDN resolves to its load balancer only. */
function hardwarePoolRecordViolations(m: TopologyModel): Violation[] {
  const privateA = (fqdn: string) => m.dnsRecords.filter((r) => r.scope === 'private' && r.type === 'A' && r.fqdn.toLowerCase() === fqdn.toLowerCase()).flatMap((r) => r.values);
  return [
    ...m.frontEndPools.map((p) => ({ ...p, kind: 'Front End pool' })),
    ...m.directorPools.map((p) => ({ ...p, kind: 'Director pool' })),
  ]
    .filter((p) => p.sipLoadBalancing === LoadBalancing.HARDWARE && p.webLoadBalancer)
    .flatMap((p) => {
      const values = privateA(p.fqdn);
      const vip = p.webLoadBalancer!.privateIp;
      return values.length === 1 && values[0] === vip
        ? []
        : [{ path: p.path, message: `${p.kind} ${p.fqdn} uses hardware load balancing but its pool FQDN resolves to [${values.join(', ')}]; with a hardware load balancer the pool FQDN has a single entry, the load balancer's address ${vip}; publish only that address` }];
    });
}

export const SIMPLE_URL_RULES = [
  rule('TB-1', Severity.ERROR, 'Simple URLs: Meet and Dial-in set, Admin optional; https://, unique, no prefix of another, no pool FQDN, no port, not the SIP domain', SURL, simpleUrlViolations),
  rule('PAIR-21', Severity.WARNING, 'The simple URLs and Autodiscover of paired pools fail over with them (Traffic Manager priority routing, or GeoDNS)', `${SURL}, "Disaster Recovery option for simple URLs"; ${ADV_DNS}, "DNS disaster recovery"`, webFailoverViolations),
  rule('PAIR-25', Severity.INFO, 'How the simple URLs and Autodiscover of paired pools fail over (Traffic Manager)', `${SURL}, "Disaster Recovery option for simple URLs" (library rule: the note form of PAIR-21)`, webFailoverNotes),
  rule('DNS-9', Severity.INFO, 'The private SIP-domain zone shadows public names inside the networks (split-brain DNS)', `${ADV_DNS}, "Split-brain DNS" and "Pin-point internal zone"; ${DNS_REQ}`, splitBrainViolations),
  rule('DNS-12', Severity.ERROR, 'A hardware-load-balanced pool FQDN resolves to its load balancer only', `${ADV_DNS} ("If HLB is used, there'd only be a single Front End pool entry")`, hardwarePoolRecordViolations),
];
