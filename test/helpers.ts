/** Short helpers so tests read like specifications. */
import { Construct } from 'constructs';
import {
  CentralSite,
  Finding,
  FrontEndPool,
  FrontEndPoolProps,
  ProductVersion,
  Severity,
  SfbDeployment,
  SfbDeploymentProps,
  SqlServerVersion,
  StandaloneBackEnd,
  SupportPosture,
  TopologyModel,
} from '../lib/experimental';
import { AzurermProvider } from '../lib/azurerm';
import { App, TerraformStack, Testing } from '../lib/cdktf';
import { evaluate } from '../lib/rules/engine';
import { Rule } from '../lib/rules/rule';
import { cidrContains, ipToInt } from '../lib/model/network';

export interface TestDeployment {
  readonly stack: TerraformStack;
  readonly deployment: SfbDeployment;
}

/** A stack with the provider the stack author adds (the library never creates one). */
export function testStack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** The day lifecycle findings are evaluated against in tests (pinned: tests never depend on today). */
export const EVALUATION_DATE = '2026-12-01';

const TEST_DEPLOYMENT_PROPS = {
  productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015,
  sipDomain: 'contoso.com',
  adDomain: 'corp.contoso.com',
  supportPosture: SupportPosture.ACCEPTED_RISK,
  evaluationDate: EVALUATION_DATE,
};

/** A stack with one deployment (2015, support risk accepted so AZURE-1 stays info, evaluated on EVALUATION_DATE). */
export function testDeployment(props: Partial<SfbDeploymentProps> = {}, stack: TerraformStack = testStack()): TestDeployment {
  return { stack, deployment: new SfbDeployment(stack, 'contoso', { ...TEST_DEPLOYMENT_PROPS, ...props }) };
}

/** The same deployment in an App: a stack per site, and its global stack in francecentral. */
export function testPerSiteDeployment(props: Partial<SfbDeploymentProps> = {}, app: App = Testing.app()): { app: App; deployment: SfbDeployment } {
  return { app, deployment: new SfbDeployment(app, 'contoso', { ...TEST_DEPLOYMENT_PROPS, globalLocation: 'francecentral', ...props }) };
}

/** A site with a distinct address space. */
export function testSite(deployment: SfbDeployment, id = 'west', props: Partial<{ location: string; availabilityZones: string[]; addressSpace: string }> = {}): CentralSite {
  const index = deployment._sites.all.length + 1;
  return new CentralSite(deployment, id, {
    location: props.location ?? (index === 1 ? 'westeurope' : 'northeurope'),
    addressSpace: props.addressSpace ?? `10.${index * 10}.0.0/16`,
    ...(props.availabilityZones ? { availabilityZones: props.availabilityZones } : {}),
  });
}

/** An Enterprise pool with a standalone back end in the same site. */
export function testPool(site: CentralSite, id = 'pool', props: Partial<FrontEndPoolProps> = {}): FrontEndPool {
  const backEnd = props.backEnd ?? new StandaloneBackEnd(site, `${id}-backend`, { sqlVersion: SqlServerVersion.SQL_2019 });
  return new FrontEndPool(site, id, {
    fqdn: `${id}-${site.node.id}.corp.contoso.com`,
    backEnd,
    ...props,
  });
}

/** The findings of a scope (validateTopology) as `RULE-ID severity` strings, or only one rule's. */
export function ruleIds(findings: readonly Finding[], severity?: Severity): string[] {
  return findings.filter((f) => !severity || f.severity === severity).map((f) => f.ruleId);
}

export function findingsOf(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** Runs one rule over a model. */
export function check(rule: Rule | undefined, model: TopologyModel): Finding[] {
  if (!rule) throw new Error('rule not found');
  return evaluate(model, [], [rule]);
}

/** Parsed synthesized JSON of a stack. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** Resources of one Terraform type, as a list of blocks. */
export function resourcesOf(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** Builds a topology with `build` and returns the deployment's model (for mutating in rule tests). */
export function modelOf(build: (d: TestDeployment) => void, props: Partial<SfbDeploymentProps> = {}): TopologyModel {
  const t = testDeployment(props);
  build(t);
  return t.deployment._toModel();
}

/** A two-site deployment with one Enterprise pool per site. */
export function twoSiteModel(props: Partial<SfbDeploymentProps> = {}): TopologyModel {
  return modelOf(({ deployment }) => {
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
  }, props);
}

export type { Construct };

/** The planned address of an address token (servers and load balancers hold tokens until synthesis). */
export function ipOf(deployment: SfbDeployment, token: string): string {
  return deployment._addresses.resolve(token);
}

/** The planned addresses of a server group's members (their primary NIC). */
export function serverIps(deployment: SfbDeployment, servers: readonly { readonly privateIp: string }[]): string[] {
  return servers.map((s) => ipOf(deployment, s.privateIp));
}

/** Whether addresses lie in a CIDR and follow one another (a group's servers fill its block from the bottom). */
export function consecutiveIn(ips: readonly string[], cidr: string): boolean {
  const n = ips.map(ipToInt);
  return ips.every((ip) => cidrContains(cidr, ip)) && n.every((x, i) => i === 0 || x === n[i - 1] + 1);
}
