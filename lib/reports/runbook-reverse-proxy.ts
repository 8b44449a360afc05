/**
 * Runbook part for the reverse proxies (TOPO-3, OWA-3): what each site's proxy publishes, how to check
 * it, and what a site failover asks of it. A pure function of the model. Each site's proxy publishes
 * its own site's pools, so a failover changes no proxy; the shared names (Meet, Dial-in, lyncdiscover)
 * follow Traffic Manager, or are moved by hand without it.
 */
import { siteOf } from '../model/queries';
import { AUTODISCOVER_PROBE_PATH } from '../model/simple-urls';
import { ReverseProxyModel, TopologyModel } from '../model/topology';
import { blocks, bullets, code, steps, table } from './markdown';

const isGateway = (rp: ReverseProxyModel) => rp.kind === 'application-gateway';

/** The gateway's own view of its next hops; for Windows servers, the Autodiscover root through the proxy from outside. */
function checkCommand(rp: ReverseProxyModel): string {
  const web = rp.published.find((p) => p.purpose === 'external web services')?.fqdn ?? rp.published[0]?.fqdn;
  return isGateway(rp)
    ? code(`az network application-gateway show-backend-health -g ${rp.resourceGroup} -n ${rp.frontendName} -o table`)
    : code(`curl -sI https://${web}${AUTODISCOVER_PROBE_PATH}`);
}

/** The failover step for the external names of a lost site, proxy-aware (used by the site failover steps). */
export function reverseProxyFailoverStep(m: TopologyModel, lostSitePath: string): string | undefined {
  const proxies = m.reverseProxies ?? [];
  const survivors = proxies.filter((p) => p.sitePath !== lostSitePath);
  if (proxies.length === 0 || survivors.length === 0) return undefined;
  const shared = m.simpleUrls?.externalNames ?? [];
  const names = survivors.map((p) => `${p.publicIpName} (${siteOf(m, p.sitePath)?.name ?? p.sitePath})`).join(', ');
  const move = m.simpleUrls?.trafficManager
    ? `Traffic Manager moves ${shared.join(', ')} to the surviving site's external web services, which resolve to its proxy: nothing to change`
    : `without Traffic Manager point ${shared.join(', ')} at ${names}: ${shared.map((n) => code(`az network dns record-set a add-record -g ${m.simpleUrls?.resourceGroup ?? '<resource group of the DNS zones>'} -z ${m.sipDomain} -n ${n.endsWith(`.${m.sipDomain}`) ? n.slice(0, -m.sipDomain.length - 1) : n} -a <public IP of ${survivors[0].publicIpName}>`)).join(', ')} (and remove the lost site's address)`;
  return `Reverse proxy: the surviving site's proxy ${names} publishes its own pools already; ${move}. Check its next hops are healthy: ${survivors.map(checkCommand).join(', ')}.`;
}

export function reverseProxySection(m: TopologyModel): string {
  const proxies = m.reverseProxies ?? [];
  if (proxies.length === 0) return '';
  const rows = proxies.map((p) => [
    siteOf(m, p.sitePath)?.name ?? p.sitePath,
    `${isGateway(p) ? `Application Gateway ${p.frontendName}${p.wafEnabled ? ' (WAF_v2, Detection)' : ''}` : `${p.servers.map((s) => s.computerName).join(', ')} behind ${p.frontendName}`}`,
    p.publicIpName,
    p.published.map((n) => `${n.fqdn} to ${n.nextHopFqdn} ${n.nextHopAddress}:${n.bridging.map((b) => b.backendPort).join('/')}`).join('; '),
  ]);
  const gateways = proxies.filter(isGateway);
  const windows = proxies.filter((p) => !isGateway(p));
  return blocks(
    '## Reverse proxies',
    'Each site publishes its own pools, the shared names and its Office Online Server farm through its own proxy: listeners 443 and 80, forwarded to 4443 and 8080 of the next hop (a farm on 443) with the Host header unchanged (TOPO-3).',
    table(['Site', 'Proxy', 'Public IP', 'Publishes (name to next hop:ports)'], rows),
    steps([
      ...gateways.map((p) => `Before the first apply, grant the gateway's identity ${code(p.identityName ?? '')} the role "Key Vault Secrets User" on the vault of its certificate (or a get-secret access policy); the gateway cannot start without it.`),
      ...windows.map((p) => `On ${p.servers.map((s) => s.computerName).join(', ')} (workgroup servers): install IIS Application Request Routing and URL Rewrite, the public certificate with its private key (certificates.md, the same on every server), one server farm per next hop (its address on 4443 for HTTPS, 8080 for HTTP) and one URL Rewrite rule per published name; keep the Host header (${code('preserveHostHeader')} true) and turn off "Reverse rewrite host in response headers". Being outside the topology and naming their next hops by address, they need neither the domain's DNS suffix nor its DNS servers (unlike an Edge server).`),
      `After every change to the pools, check the next hops are healthy: ${proxies.map(checkCommand).join(', ')}.`,
    ]),
    bullets([
      'Site failover: the surviving site\'s proxy already publishes its own pools. The failover steps of each pool say what moves the shared names.',
      'A lost proxy alone (its site up): remote and mobile users of that site\'s pools, and external meeting content, stop until it is back; Traffic Manager sends the shared names to the other site once its probe of this site fails.',
    ]),
  );
}
