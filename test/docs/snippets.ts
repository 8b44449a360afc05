/**
 * Every TypeScript snippet of README.md and docs/*.md, completed into a program by a named harness, so
 * a documented snippet is compiled (test/consumer: the packed package, the README's strict tsconfig)
 * and run (test/docs/snippets.test.ts) and cannot drift from the code. A snippet without a harness
 * fails the test: a new snippet gets one here. README blocks that name a file (`// main.ts`) are the
 * user's files themselves and run in test/consumer and test/docs/readme-first-contact.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { readmeFile } from '../consumer/readme-blocks';

const ROOT = join(__dirname, '..', '..');

export interface Snippet {
  /** `<file>#<n>`: the n-th TypeScript block of the file, from 0 (README blocks that name a file count too). */
  readonly id: string;
  readonly code: string;
}

/** Every ```ts block of README.md and docs/*.md, except README blocks that name a file. */
export function documentedSnippets(): Snippet[] {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  return files.flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm)]
      .map((m, n) => ({ id: `${file}#${n}`, code: m[1]! }))
      .filter((s) => !(s.id.startsWith('README.md#') && /^\/\/ [\w./-]+\.ts\n/.test(s.code))),
  );
}

const IMPORTS = `import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { writeFileSync } from 'fs';
import {
  acknowledgeFinding, AlwaysOnBackEnd, CentralSite, DirectorPool, EdgePool, FrontEndPool, MediationPool, PairedPools,
  ProductVersion, SfbArtifacts, SfbDeployment, SqlServerVersion, StandaloneBackEnd, StretchedPersistentChatPool,
  SupportPosture, validateTopology, PstnGateway, SipTrunk, VoiceRoute, BranchSite, SurvivableBranchAppliance,
  SurvivableBranchServer, OfficeOnlineServerFarm, PoolPurpose, ReverseProxy, ReverseProxyKind,
} from 'cdktf-sfb-hadr';
`;

/** The props a `...,` line of a deployment snippet stands for. */
const DEPLOYMENT_PROPS = `productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE,
  sipDomain: 'contoso.com',
  adDomain: 'corp.contoso.com',
  supportPosture: SupportPosture.ACCEPTED_RISK,`;

const APP = `const app = new App();\n`;
const STACK = `const stack = new TerraformStack(app, 'sfb');\nnew AzurermProvider(stack, 'azurerm', { features: [{}] });\n`;
const deployment = (version: string, scope = 'stack') =>
  `const deployment = new SfbDeployment(${scope}, 'contoso', { productVersion: ProductVersion.${version}, sipDomain: 'contoso.com', adDomain: 'corp.contoso.com', supportPosture: SupportPosture.ACCEPTED_RISK });\n`;
const SITES = `const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.10.0.0/16' });
const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.20.0.0/16' });
`;
const BACK_ENDS = `const westBackEnd = new AlwaysOnBackEnd(west, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
const northBackEnd = new AlwaysOnBackEnd(north, 'backend', { sqlVersion: SqlServerVersion.SQL_2019 });
const backEnd = westBackEnd;
`;
const WEST_POOL = `const westPool = new FrontEndPool(west, 'pool', { fqdn: 'pool-west.corp.contoso.com', backEnd: westBackEnd, hostsCentralManagementStore: true });\n`;
const NORTH_POOL_AND_PAIR = `const northPool = new FrontEndPool(north, 'pool', { fqdn: 'pool-north.corp.contoso.com', backEnd: northBackEnd });
new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });
`;
const POOLS = WEST_POOL + NORTH_POOL_AND_PAIR;
const SYNTH = `SfbArtifacts.writeTo(app);\napp.synth();\n`;
const EDGE_PROPS = `internalFqdn: 'edge-west.corp.contoso.com',
  accessEdgeFqdn: 'access-west.contoso.com',
  webConferencingEdgeFqdn: 'webconf-west.contoso.com',
  audioVideoEdgeFqdn: 'av-west.contoso.com',
  nextHop: westPool,
  srvPriority: 10,`;

export interface Harness {
  /** The program before the snippet (its declarations) and after it (what completes the topology). */
  readonly before: string;
  readonly after: string;
  /** Text of the snippet that stands for more (`...,`, a `// ...` line) and what it stands for here. */
  readonly fill?: readonly (readonly [string, string])[];
  /** Error findings the snippet is shown to produce (none unless it documents one). */
  readonly errors?: readonly string[];
}

/** The README's own program, with the snippet run before it synthesizes. */
function readmeProgram(): Harness {
  const main = readmeFile('main.ts');
  const at = main.indexOf('SfbArtifacts.writeTo(app);');
  if (at < 0) throw new Error('README.md main.ts no longer calls SfbArtifacts.writeTo(app): update test/docs/snippets.ts');
  // The findings functions the snippets call, beside the imports of main.ts.
  const imports = "import { acknowledgeFinding, validateTopology } from 'cdktf-sfb-hadr';\n";
  return { before: imports + main.slice(0, at), after: main.slice(at) };
}

export const HARNESSES: Readonly<Record<string, () => Harness>> = {
  'README.md#2': readmeProgram,
  'README.md#3': readmeProgram,
  'README.md#4': readmeProgram,
  'docs/backups.md#0': () => ({
    before: APP,
    after: SITES + BACK_ENDS + POOLS + SYNTH,
    fill: [['new SfbDeployment(', 'const deployment = new SfbDeployment('], ['  ...,\n', `  ${DEPLOYMENT_PROPS}\n`]],
  }),
  'docs/director-mediation-voice.md#0': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/director-mediation-voice.md#1': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/director-mediation-voice.md#2': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS, after: NORTH_POOL_AND_PAIR + SYNTH }),
  'docs/disaster-recovery.md#0': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE'), after: SYNTH }),
  'docs/edge.md#0': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_2015') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/hybrid.md#0': () => ({
    before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_2019') + SITES + BACK_ENDS + POOLS,
    after: SYNTH,
    fill: [['  // ... FQDNs, nextHop, srvPriority\n', `  ${EDGE_PROPS}\n`]],
  }),
  'docs/large-meetings.md#0': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/lab.md#0': () => ({ before: APP, after: SITES + BACK_ENDS + POOLS + SYNTH }),
  'docs/per-site-stacks.md#0': () => ({ before: '', after: '' }),
  'docs/per-site-stacks.md#1': () => ({
    before: APP,
    after: SITES + BACK_ENDS + POOLS + SYNTH,
    fill: [['new SfbDeployment(', 'const deployment = new SfbDeployment('], ['  ...,\n', `  ${DEPLOYMENT_PROPS}\n`]],
  }),
  'docs/voice.md#0': () => ({
    before:
      APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS +
      `const poolWest = westPool;
const medWest = new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: westPool, gatewayPrefixes: ['192.168.10.0/24'] });
const medNorth = new MediationPool(north, 'mediation', { fqdn: 'med-north.corp.contoso.com', nextHop: northPool, gatewayPrefixes: ['192.168.20.0/24'] });
`,
    after: SYNTH,
  }),
  'docs/voice.md#1': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/office-online-reverse-proxy.md#0': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/office-online-reverse-proxy.md#1': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_SE') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
  'docs/persistent-chat.md#0': () => ({ before: APP + STACK + deployment('SKYPE_FOR_BUSINESS_2015') + SITES + BACK_ENDS + POOLS, after: SYNTH }),
};

/** The snippet as a whole program: imports first (the snippet's own ones hoisted), then the harness around it. */
export function snippetProgram(snippet: Snippet): { readonly program: string; readonly harness: Harness } {
  const make = HARNESSES[snippet.id];
  if (!make) throw new Error(`${snippet.id} is a TypeScript snippet with no harness: add one to HARNESSES in test/docs/snippets.ts`);
  const harness = make();
  let code = snippet.code;
  for (const [from, to] of harness.fill ?? []) {
    if (!code.includes(from)) throw new Error(`${snippet.id}: the harness fills in ${JSON.stringify(from)}, which the snippet no longer has`);
    code = code.replace(from, to);
  }
  const lines = (harness.before + code + harness.after).split('\n');
  const own = lines.filter((l) => /^import .* from '[^']+';$/.test(l));
  const rest = lines.filter((l) => !/^import .* from '[^']+';$/.test(l));
  // The README program brings its imports; other harnesses take the shared ones.
  const header = own.some((l) => l.includes("from 'cdktf-sfb-hadr'")) ? '' : IMPORTS;
  return { program: `${header}${own.join('\n')}\n${rest.join('\n')}`, harness };
}

/** A file name for the snippet's program in a project (`docs-edge-md-0.ts`). */
export function snippetFileName(snippet: Snippet): string {
  return `${snippet.id.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.ts`;
}
