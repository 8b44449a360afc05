import { TerraformStack, Testing } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { buildReferenceTopology } from '../../examples/reference/topology';
import { ReverseProxy } from '../../lib';
import { testDeployment, testPool, testSite } from '../helpers';

const stack = new TerraformStack(Testing.app(), 'ref');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const REF = buildReferenceTopology(stack);
const reports = REF.deployment.reports();
const runbook = REF.deployment.runbook();

describe('the reverse proxies in the reports and the runbook (reference topology)', () => {
  test('the DNS report lists every published name with its proxy, next hop and ports', () => {
    expect(reports['dns.md']).toContain('### Published through the reverse proxies (remote, mobile and meeting-content paths)');
    expect(reports['dns.md']).toMatch(/\| lyncdiscover.contoso.com \| Autodiscover \| pip-contoso-west-reverse-proxy \(application-gateway\) \| dir-west.corp.contoso.com 10\.10\.\d+\.\d+ \| 443 to 4443, 80 to 8080 \|/);
    expect(reports['dns.md']).toMatch(/\| oos-north.contoso.com \| Office Online Server farm oos-north.corp.contoso.com \| pip-contoso-north-reverse-proxy \(windows-servers\) \| .* \| 443 to 443 \|/);
  });

  test('the firewall report shows the Internet, Gateway Manager and proxy-to-pool rules', () => {
    for (const rule of ['rp-from-internet-https', 'rp-from-internet-http', 'rp-from-gateway-manager', 'web-from-reverse-proxy', 'oos-from-reverse-proxy']) expect(reports['firewall.md']).toContain(rule);
  });

  test('the hardware report lists the Windows proxy servers, the diagram the proxies', () => {
    expect(reports['hardware.md']).toMatch(/north-rp-1.*Standard_D2s_v5/);
    expect(reports['topology.md']).toMatch(/reverse_proxy -->\|443 to 4443, 80 to 8080\| n_ref_contoso_west_director/);
  });

  test('the runbook says what each proxy publishes, what to grant or configure, and what a site failover asks of it', () => {
    expect(runbook).toContain('## Reverse proxies');
    expect(runbook).toContain('grant the gateway\'s identity `id-contoso-west-reverse-proxy-agw` the role "Key Vault Secrets User"');
    expect(runbook).toMatch(/On north-rp-1, north-rp-2 \(workgroup servers\): install IIS Application Request Routing/);
    // DNS audit (issue 28): the farms name next hops by address, so a workgroup ARR server needs no internal DNS.
    expect(runbook).toMatch(/one server farm per next hop \(its address on 4443[^)]*\)[^\n]*need neither the domain's DNS suffix nor its DNS servers/);
    expect(runbook).toMatch(/Reverse proxy: the surviving site's proxy pip-contoso-north-reverse-proxy \(north\) publishes its own pools already; Traffic Manager moves/);
  });
});

test('without Traffic Manager the shared names resolve to the proxy of the primary web services\' site', () => {
  const { deployment } = testDeployment();
  const west = testSite(deployment, 'west');
  const east = testSite(deployment, 'east');
  testPool(west, 'pool', { hostsCentralManagementStore: true });
  testPool(east, 'pool');
  const secret = 'https://kv-contoso.vault.azure.net/secrets/sfb-external';
  new ReverseProxy(west, 'rp', { certificateSecretId: secret });
  new ReverseProxy(east, 'rp', { certificateSecretId: secret });
  const model = deployment._toModel();
  expect(model.simpleUrls?.trafficManager).toBeUndefined();
  const meet = model.dnsRecords.find((r) => r.scope === 'public' && r.fqdn === 'meet.contoso.com');
  expect(meet?.values).toEqual(['public IP pip-contoso-west-rp']);
  expect(model.dnsRecords.find((r) => r.scope === 'public' && r.fqdn === 'pool-east-webext.contoso.com')?.values).toEqual(['public IP pip-contoso-east-rp']);
});
