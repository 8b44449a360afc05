/**
 * Long construct IDs in per-site stacks (docs/naming.md): the names one stack gives another by
 * literal (resource groups, virtual network IDs, the shared resource group of the public zones,
 * storage account IDs) come from the same functions as the resources themselves, so every literal
 * resource group a stack names is one some stack declares, and every name fits its limits.
 */
import { AlwaysOnBackEnd, CentralSite, FrontEndPool, PairedPools, ProductVersion, Severity, SfbDeployment, SqlServerVersion, validateTopology } from '../../lib';
import { App, TerraformStack, Testing } from '../../lib/cdktf';
import { azureNameLimits } from '../invariants';

const LONG = `-${'abcdefghij'.repeat(5)}`;

function build(app: App): SfbDeployment {
  const deployment = new SfbDeployment(app, `contoso${LONG}`, {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE,
    sipDomain: 'contoso.com',
    adDomain: 'corp.contoso.com',
    globalLocation: 'francecentral',
    lab: {},
  });
  const sites = [
    new CentralSite(deployment, `west${LONG}`, { location: 'westeurope', addressSpace: '10.10.0.0/16' }),
    new CentralSite(deployment, `north${LONG}`, { location: 'northeurope', addressSpace: '10.20.0.0/16' }),
  ];
  const pools = sites.map((site, i) =>
    new FrontEndPool(site, `pool${LONG}`, {
      fqdn: `pool-${i === 0 ? 'west' : 'north'}-${'longlabel'.repeat(5)}.corp.contoso.com`,
      backEnd: new AlwaysOnBackEnd(site, `backend${LONG}`, { sqlVersion: SqlServerVersion.SQL_2019 }),
    }),
  );
  new PairedPools(deployment, `pair${LONG}`, { primary: pools[0], backup: pools[1] });
  return deployment;
}

/** Every `resourceGroups/<name>` in an ID and every `resource_group_name` literal of a stack. */
function resourceGroupsNamed(json: any): string[] {
  const out: string[] = [];
  const walk = (v: any, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'resource_group_name' && !v.includes('${')) out.push(v);
      for (const m of v.matchAll(/resourceGroups\/([^/$]+)\//g)) out.push(m[1]);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(json.resource);
  return out;
}

describe('long construct IDs, one stack per site', () => {
  const app = Testing.app();
  const deployment = build(app);
  const before = validateTopology(app);
  const stacks = app.node.children.filter(TerraformStack.isStack) as TerraformStack[];
  const jsons = stacks.map((s) => JSON.parse(Testing.synth(s)));

  test('reports no naming finding and the same findings after synthesis', () => {
    expect(before.filter((f) => f.ruleId.startsWith('NAME-'))).toEqual([]);
    expect(before.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(deployment.findings()).toEqual(before);
  });

  test('keeps every name of every stack within its limits', () => {
    expect(stacks.length).toBeGreaterThanOrEqual(3);
    expect(jsons.flatMap(azureNameLimits)).toEqual([]);
  });

  test('names, by literal, only resource groups some stack declares', () => {
    const declared = new Set(jsons.flatMap((j) => Object.values<any>(j.resource?.azurerm_resource_group ?? {}).map((g) => g.name)));
    expect(declared.size).toBe(3);
    const named = [...new Set(jsons.flatMap(resourceGroupsNamed))];
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !declared.has(n))).toEqual([]);
  });
});
