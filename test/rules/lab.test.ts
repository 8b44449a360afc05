import { ServerRole, Severity, SupportPosture, TopologyModel, validateTopology } from '../../lib/experimental';
import { LAB_RULES } from '../../lib/rules/lab';
import { check, findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const rule = (id: string) => LAB_RULES.find((r) => r.id === id);

function labModel(vmSizes: Record<string, string> = {}): TopologyModel {
  return modelOf(({ deployment }) => {
    testPool(testSite(deployment, 'west'));
    testPool(testSite(deployment, 'north'));
  }, { lab: { vmSizes }, supportPosture: undefined });
}

describe('LAB-1: lab VM sizes meet the software\'s documented minimum', () => {
  test('the default lab sizes pass', () => {
    expect(check(rule('LAB-1'), labModel())).toEqual([]);
  });

  test('fails (error) when a server has less than the 2 GB Windows Server needs', () => {
    const f = check(rule('LAB-1'), labModel({ [ServerRole.DOMAIN_CONTROLLER]: 'Standard_B1s' }));
    expect(f).toHaveLength(2);
    expect(f[0]).toMatchObject({ severity: Severity.ERROR });
    expect(f[0].message).toMatch(/Standard_B1s \(1 GB\) of Domain Controller server .* below the 2 GB/);
  });

  test('warns (LAB-6) when a SQL server has less than the 4 GB Microsoft recommends', () => {
    expect(check(rule('LAB-1'), labModel({ [ServerRole.BACK_END]: 'Standard_B1ms' }))).toEqual([]);
    const f = check(rule('LAB-6'), labModel({ [ServerRole.BACK_END]: 'Standard_B1ms' }));
    expect(f.map((x) => x.severity)).toEqual([Severity.WARNING, Severity.WARNING]);
    expect(f[0].message).toMatch(/SQL server .* below the 4 GB/);
  });

  test('does not apply outside lab mode (VM-1 covers production sizes)', () => {
    const m = modelOf(({ deployment }) => testPool(testSite(deployment), 'pool', { vmSize: 'Standard_B1s' }));
    expect(check(rule('LAB-1'), m)).toEqual([]);
  });
});

describe('LAB-2: a lab deployment has the LAB support posture', () => {
  test('the lab option alone sets LAB and passes', () => {
    const { deployment } = testDeployment({ lab: {}, supportPosture: undefined });
    testSite(deployment);
    expect(deployment.supportPosture).toBe(SupportPosture.LAB);
    expect(findingsOf(validateTopology(deployment), 'LAB-2')).toEqual([]);
  });

  test('warns when the lab option comes with another explicit posture', () => {
    const { deployment } = testDeployment({ lab: {}, supportPosture: SupportPosture.ACCEPTED_RISK });
    const f = findingsOf(validateTopology(deployment), 'LAB-2');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/supportPosture accepted-risk; a lab is SupportPosture.LAB/);
  });
});

describe('LAB-3: every lab VM shuts down, every site has Bastion and a DC, members join', () => {
  test('a lab built by the constructs passes', () => {
    expect(check(rule('LAB-3'), labModel())).toEqual([]);
  });

  test('fails for a server without schedule or domain join, and a site without Bastion or DC', () => {
    const m = labModel();
    const lab = m.labEnvironment!;
    const fe = m.servers.find((s) => s.role === ServerRole.FRONT_END)!;
    const broken: TopologyModel = {
      ...m,
      labEnvironment: {
        ...lab,
        shutdownPaths: lab.shutdownPaths.filter((p) => p !== fe.path),
        domainJoinedPaths: lab.domainJoinedPaths.filter((p) => p !== fe.path),
        bastionSitePaths: lab.bastionSitePaths.slice(1),
        domainControllers: lab.domainControllers.slice(0, 1),
      },
    };
    const messages = check(rule('LAB-3'), broken).map((f) => f.message);
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`server ${fe.computerName} has no auto-shutdown schedule`)),
      expect.stringMatching(new RegExp(`Front End server ${fe.computerName} does not join corp.contoso.com`)),
      // Bastion sites are listed by path (north first); the forest root (north: the store is chosen by
      // key) comes first among the DCs: slicing drops north's Bastion and west's DC.
      expect.stringMatching(/site north has no Azure Bastion/),
      expect.stringMatching(/site west has no domain controller/),
    ]);
  });

  test('Edge servers stay out of the domain without a finding', () => {
    const m = labModel();
    const fe = m.servers.find((s) => s.role === ServerRole.FRONT_END)!;
    const edge = { ...fe, path: `${fe.path}-edge`, role: ServerRole.EDGE };
    const model: TopologyModel = { ...m, servers: [...m.servers, edge], labEnvironment: { ...m.labEnvironment!, shutdownPaths: [...m.labEnvironment!.shutdownPaths, edge.path] } };
    expect(check(rule('LAB-3'), model)).toEqual([]);
  });
});
