/**
 * The reverse proxy (TOPO-3): every site whose web services serve external users publishes them
 * through a ReverseProxy, which bridges 443 to 4443 and 80 to 8080 on the next hop and forwards the
 * Host header. TLS from clients with a public certificate and the unchanged Host header are the
 * proxy's construction (its listeners and backend settings, checked on the rendered Application
 * Gateway by test/constructs/reverse-proxy.test.ts); the rule checks what the topology decides.
 */
import { Severity } from '../enums';
import { SFB_BRIDGING } from '../model/reverse-proxy';
import { PublishedNameModel, TopologyModel } from '../model/topology';
import { rule, Violation } from './rule';

const SOURCE = 'Configuration requirements for reverse proxy (Lync Server 2013 / Skype for Business Server); Port summary - Reverse proxy; Edge Server system requirements';

const bridgingText = (b: PublishedNameModel['bridging']) => b.map((x) => `${x.listenerPort} to ${x.backendPort}`).join(', ') || 'nothing';

export const REVERSE_PROXY_RULES = [
  rule('TOPO-3', Severity.WARNING, 'A reverse proxy publishes the external web services of every site whose pools serve external users, bridging 443 to 4443 and 80 to 8080 with the Host header forwarded', SOURCE, (m: TopologyModel) => {
    const out: Violation[] = [];
    const proxies = m.reverseProxies ?? [];
    // A gateway needs a listener: a proxy with nothing to publish is built without one (no gateway) and says so.
    for (const p of proxies) {
      if (p.published.length === 0) out.push({ path: p.path, message: `the reverse proxy publishes nothing: its site has no Front End or Director pool and no Office Online Server farm with an externalFqdn${p.kind === 'application-gateway' ? ', so no Application Gateway is built (only its public IP and identity)' : ''}; add the site's pools or remove the proxy` });
    }
    // External users exist once an Edge pool carries remote access; their web traffic needs the proxy.
    if (m.edgePools.length === 0) return out;
    const proxyOf = new Map(proxies.map((p) => [p.sitePath, p] as const));
    for (const site of m.sites) {
      const pools = [...m.frontEndPools, ...m.directorPools].filter((p) => p.sitePath === site.path);
      if (pools.length === 0) continue;
      const proxy = proxyOf.get(site.path);
      if (!proxy) {
        out.push({ path: site.path, message: `site ${site.name} has web pools that serve external users (Edge pools exist) and no reverse proxy; their external web services (${pools.map((p) => p.externalWebFqdn).join(', ')}), the simple URLs and lyncdiscover have no path from the Internet; add a ReverseProxy to the site (it bridges 443 to 4443 and 80 to 8080 on the next hop)` });
        continue;
      }
      const published = new Map(proxy.published.map((p) => [p.fqdn, p] as const));
      for (const p of pools) {
        if (!published.has(p.externalWebFqdn.toLowerCase())) out.push({ path: proxy.path, message: `the reverse proxy of site ${site.name} does not publish ${p.externalWebFqdn}, the external web services of ${p.fqdn}; publish every pool of its site` });
      }
      for (const p of proxy.published) {
        if (p.purpose === 'Office Online Server') continue;
        const bridged = bridgingText(p.bridging) === bridgingText(SFB_BRIDGING);
        if (!bridged || p.hostHeader !== 'forwarded') {
          out.push({ path: proxy.path, message: `the reverse proxy publishes ${p.fqdn} with ${bridgingText(p.bridging)} and the Host header ${p.hostHeader}; the next hop's external web site listens on 4443 and 8080 and needs the original Host header: bridge ${bridgingText(SFB_BRIDGING)} and forward the Host header unchanged` });
        }
      }
    }
    return out;
  }),
];
