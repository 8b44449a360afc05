import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ProductVersion, SfbArtifacts, SfbDeployment, SupportPosture } from '../../lib';
import { App, TerraformStack } from '../../lib/cdktf';
import { AzurermProvider } from '../../lib/azurerm';
import { testDeployment, testPool, testSite, testStack } from '../helpers';

let outdir: string;
beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'sfb-artifacts-'));
});
afterEach(() => rmSync(outdir, { recursive: true, force: true }));

/** A deployment (`contoso` unless named) with one site and one pool in a new stack `stackId` of `app`. */
function deploymentIn(app: App, stackId = 'test', id = 'contoso'): SfbDeployment {
  const stack = new TerraformStack(app, stackId);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const deployment = id === 'contoso' ? testDeployment({}, stack).deployment : new SfbDeployment(stack, id, { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2015, sipDomain: 'fabrikam.com', adDomain: 'corp.fabrikam.com', supportPosture: SupportPosture.ACCEPTED_RISK });
  testPool(testSite(deployment), 'pool', { fqdn: `pool-west.${deployment.adDomain}` });
  return deployment;
}

function expectDocumentsOf(deployment: SfbDeployment, dir: string): void {
  expect(readFileSync(join(dir, 'runbook.md'), 'utf8')).toBe(deployment.runbook());
  expect(readFileSync(join(dir, 'topology.tbxml'), 'utf8')).toBe(deployment.topologyDocument());
  const reports = deployment.reports();
  expect(readdirSync(join(dir, 'reports')).sort()).toEqual(Object.keys(reports).sort());
  for (const [file, text] of Object.entries(reports)) expect(readFileSync(join(dir, 'reports', file), 'utf8')).toBe(text);
}

describe('SfbArtifacts.writeTo', () => {
  test('writes runbook.md, topology.tbxml and reports/*.md beside the stacks of an app with one deployment', () => {
    const app = new App({ outdir });
    const deployment = deploymentIn(app);
    SfbArtifacts.writeTo(app);
    app.synth();
    expect(readdirSync(outdir).sort()).toEqual(['manifest.json', 'reports', 'runbook.md', 'stacks', 'topology.tbxml']);
    expect(Object.keys(deployment.reports())).toEqual(
      expect.arrayContaining(['dns.md', 'certificates.md', 'firewall.md', 'hardware.md', 'findings.md']),
    );
    expectDocumentsOf(deployment, outdir);
    expect(SfbArtifacts.directoryOf(app, deployment)).toBe('');
  });

  test('writes nothing without the call', () => {
    const app = new App({ outdir });
    deploymentIn(app);
    app.synth();
    expect(existsSync(join(outdir, 'runbook.md'))).toBe(false);
    expect(existsSync(join(outdir, 'reports'))).toBe(false);
  });

  test('includes a deployment created after the call', () => {
    const app = new App({ outdir });
    SfbArtifacts.writeTo(app);
    const deployment = deploymentIn(app);
    app.synth();
    expectDocumentsOf(deployment, outdir);
  });

  test('writes one folder per deployment path when the app has several', () => {
    const app = new App({ outdir });
    const west = deploymentIn(app, 'west-stack');
    // Two deployments in one subscription need distinct names (their resource groups would collide).
    const north = deploymentIn(app, 'north-stack', 'fabrikam');
    SfbArtifacts.writeTo(app);
    app.synth();
    expect(SfbArtifacts.directoryOf(app, west)).toBe(join('deployments', 'west-stack', 'contoso'));
    expectDocumentsOf(west, join(outdir, 'deployments', 'west-stack', 'contoso'));
    expectDocumentsOf(north, join(outdir, 'deployments', 'north-stack', 'fabrikam'));
    expect(existsSync(join(outdir, 'runbook.md'))).toBe(false);
  });

  test('a second call changes nothing: each document is generated once', () => {
    const app = new App({ outdir });
    const deployment = deploymentIn(app);
    SfbArtifacts.writeTo(app);
    SfbArtifacts.writeTo(app);
    const runbook = jest.spyOn(deployment, 'runbook');
    app.synth();
    expect(runbook).toHaveBeenCalledTimes(1);
  });

  test('replaces the reports folder, so a report no longer produced does not linger', () => {
    mkdirSync(join(outdir, 'reports'));
    writeFileSync(join(outdir, 'reports', 'stale.md'), 'old');
    const app = new App({ outdir });
    deploymentIn(app);
    SfbArtifacts.writeTo(app);
    app.synth();
    expect(existsSync(join(outdir, 'reports', 'stale.md'))).toBe(false);
  });

  test('writes nothing when synthesis fails on an error finding', () => {
    const app = new App({ outdir });
    const { deployment } = testDeployment({}, testStack(app));
    testPool(testSite(deployment), 'pool', { frontEndServers: 13 }); // more Front Ends than a 2015 pool takes
    SfbArtifacts.writeTo(app);
    expect(() => app.synth()).toThrow(/\[[A-Z]+-\d+\] test\/contoso\/west\/pool: /);
    expect(existsSync(join(outdir, 'runbook.md'))).toBe(false);
  });

  test('refuses a deployment of another app', () => {
    const app = new App({ outdir });
    deploymentIn(app);
    const other = deploymentIn(new App({ outdir: join(outdir, 'other') }));
    expect(() => SfbArtifacts.directoryOf(app, other)).toThrow(/deployment test\/contoso is not in this app/);
  });
});
