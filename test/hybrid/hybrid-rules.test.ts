/**
 * HYB-1..3 both ways, on real constructs (HYB-4 is satisfied by construction: one product version per
 * deployment). What Microsoft requires is restated from the pages, not read from the rules:
 * - plan-hybrid-connectivity.md, Infrastructure requirements: "A single on-premises deployment";
 *   "You can use only a single tenant"; Multi-forest support: "only one on-premises Skype for Business
 *   forest can be in hybrid mode (shared SIP address space)".
 * - Federation requirements: partner discovery on premises with open federation online, none with
 *   closed; the allowed and blocked domain lists "must exactly match".
 * - DNS settings: _sipfederationtls._tcp.<sipdomain> resolving to the Access Edge external IPs.
 */
import { ALL_STATUS, EdgePoolProps, ProductVersion, RuleStatusKind, Severity, SfbDeployment, SupportPosture, validateTopology } from '../../lib/experimental';
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { HYBRID_RULES } from '../../lib/rules/hybrid';
import { hybridEdges } from '../../lib/model/microsoft-365';
import { testEdge } from '../edge-helpers';
import { check, EVALUATION_DATE, findingsOf, testDeployment, testPool, testSite, testStack } from '../helpers';

const rule = (id: string) => HYBRID_RULES.find((r) => r.id === id);

/** Two sites with an Edge pool each; west carries federation unless told otherwise. */
function hybridDeployment(west: Partial<EdgePoolProps> = {}, north: Partial<EdgePoolProps> = {}, stack = testStack(), id = 'contoso') {
  const t = id === 'contoso'
    ? testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE }, stack)
    : { stack, deployment: new SfbDeployment(stack, id, { productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE, sipDomain: `${id}.com`, adDomain: `corp.${id}.com`, supportPosture: SupportPosture.ACCEPTED_RISK, evaluationDate: EVALUATION_DATE }) };
  const w = testSite(t.deployment, 'west');
  const n = testSite(t.deployment, 'north');
  const westEdge = testEdge(w, testPool(w), 'edge', { federation: true, teamsHybrid: true, ...west });
  const northEdge = testEdge(n, testPool(n), 'edge', north);
  return { ...t, westEdge, northEdge };
}

describe('HYB-1: Teams hybrid goes through the federation Edge pool, and through one', () => {
  test('fails when the Edge pool in hybrid is not the federation Edge pool, naming the federation pool to use', () => {
    const { stack } = hybridDeployment({ federation: false }, { federation: true });
    const f = findingsOf(validateTopology(stack), 'HYB-1');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe(Severity.ERROR);
    expect(f[0].path).toBe('test/contoso/west/edge');
    expect(f[0].message).toMatch(/sets teamsHybrid but not federation: Microsoft 365 \(sipfed\.online\.lync\.com\) is reached over the SIP federation route/);
    expect(f[0].message).toMatch(/move teamsHybrid to the federation Edge pool edge-north\.corp\.contoso\.com/);
  });

  test('fails when no Edge pool carries federation, asking for federation on the hybrid pool', () => {
    const { stack } = hybridDeployment({ federation: false });
    expect(findingsOf(validateTopology(stack), 'HYB-1')[0].message).toMatch(/set federation: true on this Edge pool/);
  });

  test('fails on the second Edge pool that sets teamsHybrid without federation (two with federation are EDGE-15)', () => {
    const { stack } = hybridDeployment({}, { teamsHybrid: true });
    const f = findingsOf(validateTopology(stack), 'HYB-1');
    expect(f.map((x) => x.path)).toEqual(['test/contoso/north/edge']);
    expect(f[0].message).toMatch(/move teamsHybrid to the federation Edge pool edge-west\.corp\.contoso\.com/);
  });

  test('passes on the federation Edge pool, which publishes _sipfederationtls._tcp to its Access Edge', () => {
    const { stack, deployment } = hybridDeployment();
    expect(findingsOf(validateTopology(stack), 'HYB-1')).toEqual([]);
    const model = deployment._toModel();
    expect(model.srvEntries.filter((e) => e.name === '_sipfederationtls._tcp.contoso.com').map((e) => [e.target, e.port, e.priority])).toEqual(
      expect.arrayContaining([['edge-access-west.contoso.com', 5061, 10]]),
    );
  });

  test('is silent without hybrid', () => {
    const { stack } = hybridDeployment({ teamsHybrid: false });
    expect(findingsOf(validateTopology(stack), 'HYB-1')).toEqual([]);
  });
});

describe('HYB-2: a single on-premises deployment is in hybrid', () => {
  /** Two deployments in one App, each in its own stack; `second` says whether the second is in hybrid. */
  function twoDeployments(second: boolean) {
    const app = Testing.app();
    const stack = (id: string) => {
      const s = new TerraformStack(app, id);
      new AzurermProvider(s, 'azurerm', { features: [{}] });
      return s;
    };
    hybridDeployment({}, {}, stack('a'));
    hybridDeployment({ teamsHybrid: second }, {}, stack('b'), 'fabrikam');
    return app;
  }

  test('fails on each deployment when two deployments of one program are in hybrid, naming the other', () => {
    const f = findingsOf(validateTopology(twoDeployments(true)), 'HYB-2');
    expect(f.map((x) => [x.path, x.severity])).toEqual([['a/contoso', Severity.ERROR], ['b/fabrikam', Severity.ERROR]]);
    expect(f[0].message).toMatch(/deployment a\/contoso is in Teams hybrid, and so is b\/fabrikam: Microsoft supports hybrid with a single on-premises deployment and a single tenant/);
  });

  test('passes when only one of them is in hybrid', () => {
    expect(findingsOf(validateTopology(twoDeployments(false)), 'HYB-2')).toEqual([]);
  });
});

describe('HYB-3: on-premises federation settings match the tenant', () => {
  const findings = (hybridFederation: EdgePoolProps['hybridFederation']) => findingsOf(validateTopology(hybridDeployment({ hybridFederation }).stack), 'HYB-3');

  test('fails when partner discovery is on premises and the tenant is closed, and the other way round', () => {
    const closed = findings({ onPremisesPartnerDiscovery: true, tenantFederation: 'closed' });
    expect(closed).toHaveLength(1);
    expect(closed[0].severity).toBe(Severity.ERROR);
    expect(closed[0].message).toMatch(/partner discovery is enabled on premises but the tenant's federation is closed/);
    expect(findings({ onPremisesPartnerDiscovery: false, tenantFederation: 'open' })[0].message).toMatch(/partner discovery is off on premises but the tenant's federation is open/);
  });

  test('fails when the allowed or blocked domain lists differ, naming the domains on each side', () => {
    const [f] = findings({
      onPremisesPartnerDiscovery: false,
      tenantFederation: 'closed',
      onPremisesAllowedDomains: ['fabrikam.com', 'northwind.com'],
      tenantAllowedDomains: ['fabrikam.com', 'tailspin.com'],
      onPremisesBlockedDomains: ['spam.example'],
    });
    expect(f.message).toMatch(/the allowed domain lists differ \(northwind\.com only on premises; tailspin\.com only in the tenant\)/);
    expect(f.message).toMatch(/the blocked domain lists differ \(spam\.example only on premises\)/);
  });

  test('passes when the settings match (lists compared without case or order), or when none are declared', () => {
    expect(findings({ onPremisesPartnerDiscovery: true, tenantFederation: 'open' })).toEqual([]);
    expect(findings({ onPremisesPartnerDiscovery: false, tenantFederation: 'closed', onPremisesAllowedDomains: ['fabrikam.com', 'northwind.com'], tenantAllowedDomains: ['Northwind.com', 'fabrikam.com'] })).toEqual([]);
    expect(findings(undefined)).toEqual([]);
  });

  test('checks the model as recorded: a single rule run over a mutated model', () => {
    const model = hybridDeployment({ hybridFederation: { onPremisesPartnerDiscovery: true, tenantFederation: 'open' } }).deployment._toModel();
    expect(check(rule('HYB-3'), model)).toEqual([]);
    const [h] = hybridEdges(model);
    const broken = { ...model, extra: { ...model.extra, teamsHybrid: [{ ...h, federationSettings: { ...h.federationSettings!, tenantFederation: 'closed' as const } }] } };
    expect(check(rule('HYB-3'), broken).map((f) => f.ruleId)).toEqual(['HYB-3']);
  });
});

describe('HYB-4: the federation Edge pool and its Director on the newest version', () => {
  test('is satisfied by construction (one product version per deployment), with its sources', () => {
    const s = ALL_STATUS.find((x) => x.id === 'HYB-4')!;
    expect(s.status).toBe(RuleStatusKind.BY_CONSTRUCTION);
    expect(s.note).toMatch(/plan-hybrid-connectivity\.md/);
    expect(s.note).toMatch(/one product version/);
  });
});

describe('Teams hybrid props', () => {
  test('default to no hybrid and to the recorded Microsoft 365 ranges', () => {
    const { westEdge, northEdge } = hybridDeployment({ teamsHybrid: undefined, federation: true });
    expect(northEdge.teamsHybrid).toBe(false);
    expect(westEdge.teamsHybrid).toBe(false);
    expect(westEdge.microsoft365Prefixes).toEqual(['52.112.0.0/14', '52.122.0.0/15', '52.238.119.141/32', '52.244.160.207/32']);
  });

  test.each([
    [{ teamsHybrid: 'yes' }, /teamsHybrid "yes" .*true or false/],
    [{ hybridFederation: { onPremisesPartnerDiscovery: true } }, /hybridFederation\.tenantFederation is missing/],
    [{ hybridFederation: { onPremisesPartnerDiscovery: true, tenantFederation: 'partly' } }, /hybridFederation\.tenantFederation "partly" is not allowed; give "open" or "closed"/],
    [{ hybridFederation: { onPremisesPartnerDiscovery: true, tenantFederation: 'open', allowed: [] } }, /hybridFederation .*has unknown key\(s\) allowed/],
    [{ hybridFederation: { onPremisesPartnerDiscovery: true, tenantFederation: 'open', tenantAllowedDomains: 'fabrikam.com' } }, /tenantAllowedDomains "fabrikam\.com" is not a list/],
    [{ microsoft365AddressPrefixes: [] }, /microsoft365AddressPrefixes \[\] is not a non-empty list/],
    [{ microsoft365AddressPrefixes: ['52.112.0.0/33'] }, /has "52\.112\.0\.0\/33", which is not an IPv4 CIDR block/],
  ])('throw for input that cannot be built: %j', (props, message) => {
    expect(() => hybridDeployment(props as Partial<EdgePoolProps>)).toThrow(message);
  });
});
