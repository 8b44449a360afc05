/**
 * One stack per site (issue 16): an SfbDeployment created in an App makes `<id>-global` and one stack
 * per site; a site's stack holds only its own region's resources and reads nothing of another stack.
 */
import { buildReferenceTopology } from '../../examples/reference/topology';
import { FrontEndPool, Severity, SfbDeployment, StandaloneBackEnd, SqlServerVersion, validateTopology, CentralSite, ProductVersion, SupportPosture } from '../../lib';
import { App, TerraformStack, Testing } from '../../lib/cdktf';
import { dnsReportDrift } from '../report-consistency';
import { foreignReferences } from './foreign-references';

function perSiteReference(options: { remoteState?: boolean } = {}) {
  const app = Testing.app();
  const topology = buildReferenceTopology(app, { globalLocation: 'francecentral' });
  void options;
  const stacks = Object.fromEntries(app.node.children.filter(TerraformStack.isStack).map((s) => [s.node.id, s as TerraformStack]));
  return { app, topology, stacks };
}

/** A stack's JSON, synthesized once per stack: the tests of a describe share its app and only read it. */
const texts = new WeakMap<TerraformStack, string>();
function json(stack: TerraformStack): any {
  if (!texts.has(stack)) texts.set(stack, Testing.synth(stack));
  return JSON.parse(texts.get(stack)!);
}

/** Every `location` of every resource and data source of a synthesized stack. */
function locations(stackJson: any): string[] {
  return Object.values(stackJson.resource ?? {}).flatMap((byId: any) => Object.values(byId).map((r: any) => r.location).filter((l) => l !== undefined));
}

describe('one stack per site', () => {
  const { topology, stacks } = perSiteReference();

  test('the reference makes three stacks: global, west and north, each with its own azurerm provider', () => {
    expect(Object.keys(stacks).sort()).toEqual(['contoso-global', 'contoso-north', 'contoso-west']);
    for (const stack of Object.values(stacks)) expect(Object.keys(json(stack).provider.azurerm)).toHaveLength(1);
    expect(topology.west.stack.node.id).toBe('contoso-west');
  });

  test('every resource with a location in a site stack is in that site\'s region', () => {
    expect(new Set(locations(json(stacks['contoso-west'])))).toEqual(new Set(['westeurope']));
    expect(new Set(locations(json(stacks['contoso-north'])))).toEqual(new Set(['northeurope']));
    expect(new Set(locations(json(stacks['contoso-global'])))).toEqual(new Set(['francecentral']));
  });

  test('no stack reads another: no remote state, no reference to a resource outside the stack', () => {
    for (const stack of Object.values(stacks)) {
      const j = json(stack);
      expect(j.data?.terraform_remote_state).toBeUndefined();
      expect(foreignReferences(j)).toEqual([]);
    }
  });

  test('each site has its own copy of every private zone, linked to its own network only', () => {
    for (const site of ['west', 'north']) {
      const j = json(stacks[`contoso-${site}`]);
      const zones = Object.values(j.resource.azurerm_private_dns_zone).map((z: any) => z.name).sort();
      // The blob private-link zone of the backups' private endpoints is the site's own too.
      expect(zones).toEqual(['contoso.com', 'corp.contoso.com', 'privatelink.blob.core.windows.net']);
      const links = Object.values(j.resource.azurerm_private_dns_zone_virtual_network_link).map((l: any) => l.name);
      expect(new Set(links)).toEqual(new Set([`link-${site}`]));
      // The other site's pools resolve in this site too.
      const names = Object.values(j.resource.azurerm_private_dns_a_record).map((r: any) => r.name);
      expect(names).toEqual(expect.arrayContaining(['pool-west', 'pool-north']));
    }
    expect(json(stacks['contoso-global']).resource.azurerm_private_dns_zone).toBeUndefined();
  });

  test('the public zone lives in the global stack; a site\'s Edge records live in the site\'s stack', () => {
    const global = json(stacks['contoso-global']);
    expect(Object.values(global.resource.azurerm_dns_zone).map((z: any) => z.name)).toEqual(['contoso.com']);
    expect(Object.values(global.resource.azurerm_dns_srv_record).map((r: any) => r.name)).toContain('_sip._tls');
    const west = json(stacks['contoso-west']);
    const a = Object.values(west.resource.azurerm_dns_a_record) as any[];
    // The Edge's and the reverse proxy's public IPs are this site's: so are the records of the names the proxy publishes.
    expect(a.map((r) => r.name).sort()).toEqual(['access-west', 'av-west', 'dir-west-webext', 'oos-west', 'pool-west-webext', 'webconf-west']);
    expect(a.every((r) => r.zone_name === 'contoso.com' && r.resource_group_name === 'rg-contoso-shared')).toBe(true);
  });

  test('peering: each direction in its own site\'s stack, naming the remote network by ID', () => {
    const west = json(stacks['contoso-west']);
    const peerings = Object.values(west.resource.azurerm_virtual_network_peering) as any[];
    expect(peerings.map((p) => p.name)).toEqual(['peer-west-to-north']);
    expect(peerings[0].remote_virtual_network_id).toMatch(/^\/subscriptions\/\$\{data\.azurerm_client_config\.[^}]+\.subscription_id\}\/resourceGroups\/rg-contoso-north\/providers\/Microsoft\.Network\/virtualNetworks\/vnet-contoso-north$/);
  });

  test('each stack declares the sensitive variables it uses, and only those', () => {
    expect(Object.keys(json(stacks['contoso-global']).variable ?? {})).toEqual([]);
    expect(Object.keys(json(stacks['contoso-west']).variable).sort()).toEqual(['contoso_admin_password', 'contoso_cluster_bootstrap_password', 'contoso_cluster_operator_password', 'contoso_domain_join_password', 'contoso_sql_service_password']);
  });

  test('addresses are the same as in one stack (keys do not depend on the layout)', () => {
    const single = buildReferenceTopology(new TerraformStack(Testing.app(), 'one'));
    const ips = (t: typeof topology) => t.deployment._toModel().frontEndPools.map((p) => p.servers.map((s) => s.nics[0].privateIp));
    expect(ips(topology)).toEqual(ips(single));
  });
});

describe('one stack per site: synthesis and findings', () => {
  test('a site stack synthesizes alone, with the other site absent, and refers to nothing of it', () => {
    const app = Testing.app();
    const deployment = new SfbDeployment(app, 'contoso', { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com', supportPosture: SupportPosture.ACCEPTED_RISK, globalLocation: 'francecentral' });
    const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
    new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.contoso.com', backEnd: new StandaloneBackEnd(west, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    const j = json(west.stack);
    expect(JSON.stringify(j)).not.toMatch(/north|terraform_remote_state/);
    expect(foreignReferences(j)).toEqual([]);
    expect(Object.keys(j.resource.azurerm_network_security_rule ?? {}).length).toBeGreaterThan(0);
  });

  test('an invalid topology in App mode refuses to synthesize with every error finding', () => {
    const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'sfb-')) });
    const deployment = new SfbDeployment(app, 'contoso', { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com', supportPosture: SupportPosture.ACCEPTED_RISK, globalLocation: 'francecentral' });
    const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
    new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.contoso.com', frontEndServers: 2, backEnd: new StandaloneBackEnd(west, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 }) });
    const errors = validateTopology(app).filter((f) => f.severity === Severity.ERROR);
    expect(errors.length).toBeGreaterThan(0);
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    for (const f of errors) expect(message).toContain(`[${f.ruleId}] ${f.path}`);
  });

  test('GLOBAL-1: deployment-wide resources in a site\'s region are a warning', () => {
    const { topology } = perSiteReference();
    expect(validateTopology(topology.deployment).filter((f) => f.ruleId === 'GLOBAL-1')).toEqual([]);
    const app = Testing.app();
    const t = buildReferenceTopology(app, { globalLocation: 'westeurope' });
    const [finding] = validateTopology(t.deployment).filter((f) => f.ruleId === 'GLOBAL-1');
    expect(finding.severity).toBe(Severity.WARNING);
    expect(finding.message).toMatch(/globalLocation westeurope is the region of site west.*e\.g\. /);
  });

  test('remote state: each stack\'s backend is a storage account in its own region', () => {
    const app = Testing.app();
    const remoteState = {
      francecentral: { resourceGroupName: 'rg-state-fr', storageAccountName: 'ststatefr' },
      westeurope: { resourceGroupName: 'rg-state-we', storageAccountName: 'ststatewe' },
      northeurope: { resourceGroupName: 'rg-state-ne', storageAccountName: 'ststatene' },
    };
    const deployment = new SfbDeployment(app, 'contoso', { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com', globalLocation: 'francecentral', remoteState });
    new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
    new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });
    const backends = Object.fromEntries(app.node.children.filter(TerraformStack.isStack).map((s) => [s.node.id, json(s as TerraformStack).terraform.backend.azurerm]));
    expect(backends['contoso-global']).toMatchObject({ storage_account_name: 'ststatefr', container_name: 'contoso-global', key: 'terraform.tfstate' });
    expect(backends['contoso-west']).toMatchObject({ storage_account_name: 'ststatewe', resource_group_name: 'rg-state-we', container_name: 'contoso-west' });
    expect(backends['contoso-north']).toMatchObject({ storage_account_name: 'ststatene', container_name: 'contoso-north' });
    expect(() => new CentralSite(deployment, 'south', { location: 'uksouth', addressSpace: '10.30.0.0/16' })).toThrow(/remoteState has no storage account for region "uksouth"/);
  });

  test('single-stack users keep working: a deployment in a TerraformStack makes no stack and no provider', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'mine');
    const { deployment } = buildReferenceTopology(stack);
    expect(deployment._perSiteStacks).toBe(false);
    expect(app.node.children.filter(TerraformStack.isStack)).toHaveLength(1);
    expect(JSON.parse(Testing.synth(stack)).provider).toBeUndefined();
  });
});

describe('runbook: a regional outage', () => {
  test('with a stack per site it names the stacks to plan and apply, and what to do when the region returns', () => {
    const { topology } = perSiteReference();
    const runbook = topology.deployment.runbook();
    expect(runbook).toMatch(/## Changing the infrastructure during a regional outage/);
    expect(runbook).toMatch(/\| contoso-west \| westeurope \|/);
    expect(runbook).toMatch(/\| contoso-global \| francecentral \|/);
    expect(runbook).toMatch(/`cdktf deploy contoso-<site>`/);
    expect(runbook).toMatch(/### When the region returns/);
  });

  test('in one stack it says the stack cannot be planned during the outage and how to split it', () => {
    const { deployment } = buildReferenceTopology(new TerraformStack(Testing.app(), 'one'));
    expect(deployment.runbook()).toMatch(/one Terraform stack for every site\. While a region is down, `terraform plan` must refresh/);
  });
});

describe('reports with a stack per site', () => {
  test('every DNS record of every stack is in the DNS report', () => {
    const { topology, stacks } = perSiteReference();
    const report = topology.deployment.reports()['dns.md'];
    for (const stack of Object.values(stacks)) expect(dnsReportDrift(report, json(stack))).toEqual([]);
  });
});
