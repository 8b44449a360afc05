import { ReverseProxy, ReverseProxyKind, validateTopology } from '../../lib';
import { Testing } from '../../lib/cdktf';
import { REVERSE_PROXY_RULES } from '../../lib/rules/reverse-proxy';
import { TopologyModel } from '../../lib/model/topology';
import { testEdge } from '../edge-helpers';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const TOPO3 = REVERSE_PROXY_RULES.find((r) => r.id === 'TOPO-3');
const SECRET = 'https://kv-contoso.vault.azure.net/secrets/sfb-external';

function edgeSite(proxy?: ReverseProxyKind): TopologyModel {
  return modelOf(({ deployment }) => {
    const west = testSite(deployment, 'west');
    testEdge(west, testPool(west, 'pool'));
    if (proxy === ReverseProxyKind.APPLICATION_GATEWAY) new ReverseProxy(west, 'rp', { certificateSecretId: SECRET });
    if (proxy === ReverseProxyKind.WINDOWS_SERVERS) new ReverseProxy(west, 'rp', { kind: proxy });
  });
}

describe('TOPO-3: a reverse proxy publishes the external web services, bridging 443/80 to 4443/8080', () => {
  test('a site with external users and a proxy of either kind is fine, and so is a deployment without external users', () => {
    expect(check(TOPO3, edgeSite(ReverseProxyKind.APPLICATION_GATEWAY))).toEqual([]);
    expect(check(TOPO3, edgeSite(ReverseProxyKind.WINDOWS_SERVERS))).toEqual([]);
    const { deployment } = testDeployment();
    testPool(testSite(deployment, 'west'));
    expect(findingsOf(validateTopology(deployment), 'TOPO-3')).toEqual([]);
  });

  test('a site whose pools serve external users without a proxy is a warning naming its external web FQDNs', () => {
    const f = check(TOPO3, edgeSite());
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'TOPO-3', path: expect.stringMatching(/contoso\/west$/) });
    expect(f[0].message).toMatch(/pool-west-webext.contoso.com.*add a ReverseProxy/);
  });

  test('a proxy that leaves a pool out, bridges 443 to 443 or rewrites the Host header is a warning', () => {
    const m = edgeSite(ReverseProxyKind.APPLICATION_GATEWAY);
    const [proxy] = m.reverseProxies!;
    const without = { ...m, reverseProxies: [{ ...proxy, published: proxy.published.filter((p) => p.purpose !== 'external web services') }] };
    expect(check(TOPO3, without)[0].message).toMatch(/does not publish pool-west-webext.contoso.com/);
    const wrong = { ...m, reverseProxies: [{ ...proxy, published: proxy.published.map((p) => ({ ...p, bridging: [{ listenerPort: 443, protocol: 'Https' as const, backendPort: 443 }] })) }] };
    expect(check(TOPO3, wrong)[0].message).toMatch(/with 443 to 443 .*bridge 443 to 4443, 80 to 8080/);
    const rewritten = { ...m, reverseProxies: [{ ...proxy, published: proxy.published.map((p) => ({ ...p, hostHeader: 'rewritten' as const })) }] };
    expect(check(TOPO3, rewritten)[0].message).toMatch(/Host header rewritten/);
  });

  test('a proxy in a site with nothing to publish is a warning (no gateway is built)', () => {
    const { deployment, stack } = testDeployment();
    const east = testSite(deployment, 'east');
    testPool(testSite(deployment, 'west'), 'pool');
    new ReverseProxy(east, 'rp', { certificateSecretId: SECRET });
    const f = findingsOf(validateTopology(deployment), 'TOPO-3');
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/publishes nothing.*no Application Gateway is built/)]);
    expect(Testing.synth(stack)).not.toContain('azurerm_application_gateway');
  });
});
