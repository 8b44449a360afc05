/**
 * Issue 15, sizing and operating systems per product version (docs/research/issue-15-audit.md S1-S5):
 * physical cores against the documented cores, Windows Server 2019 (not 2022) for Skype for Business
 * Server 2019 and SE, the 2019 Edge/Mediation/Director floor, and the cumulative updates 2015 needs on
 * Windows Server 2016 and 2019 (VM-7).
 */
import { DirectorPool, MediationPool, ProductVersion, Severity, validateTopology, WindowsServerVersion } from '../../lib';
import { physicalCores, VM_SIZES, vmSizeInfo } from '../../lib/model/vm-sizes';
import { productProfile, recommendedVmSize, SUPPORTED_OS } from '../../lib/model/versions';
import { ServerRole } from '../../lib/model/topology';
import { hardwareReport } from '../../lib/reports/hardware';
import { testEdge } from '../edge-helpers';
import { findingsOf, modelOf, testDeployment, testPool, testSite } from '../helpers';

const VERSIONS = Object.values(ProductVersion);

function everyRole(productVersion: ProductVersion) {
  const { deployment } = testDeployment({ productVersion });
  const site = testSite(deployment);
  const pool = testPool(site);
  testEdge(site, pool);
  new DirectorPool(site, 'director', { fqdn: 'dir-west.corp.contoso.com' });
  new MediationPool(site, 'mediation', { fqdn: 'med-west.corp.contoso.com', nextHop: pool });
  return deployment;
}

describe('VM sizes: physical cores, not vCPUs', () => {
  test('hyperthreaded Dv5, Ev5 and Fsv2 sizes have half their vCPUs as cores', () => {
    expect(physicalCores(vmSizeInfo('Standard_D16s_v5')!)).toBe(8);
    expect(physicalCores(vmSizeInfo('Standard_D32s_v5')!)).toBe(16);
    expect(physicalCores(vmSizeInfo('Standard_E16s_v5')!)).toBe(8);
    expect(physicalCores(vmSizeInfo('Standard_F16s_v2')!)).toBe(8);
    expect(Object.values(VM_SIZES).every((s) => typeof s.hyperthreaded === 'boolean')).toBe(true);
  });

  test('VM-1 warns about a Standard_D16s_v5 Front End: 16 vCPUs are 8 cores, below the 12 documented', () => {
    const { deployment } = testDeployment();
    testPool(testSite(deployment), 'pool', { vmSize: 'Standard_D16s_v5' });
    const f = findingsOf(validateTopology(deployment), 'VM-1');
    expect(f).toHaveLength(3);
    expect(f[0]).toMatchObject({ severity: Severity.WARNING });
    expect(f[0].message).toMatch(/16 vCPUs = 8 physical cores, hyperthreaded, 64 GB.*floor of 12 physical cores/);
  });

  test.each(VERSIONS)('%s: the default size of every role meets its floor (no VM-1 finding)', (productVersion) => {
    expect(findingsOf(validateTopology(everyRole(productVersion)), 'VM-1')).toEqual([]);
  });

  test('the hardware report shows vCPUs and physical cores', () => {
    const report = hardwareReport(modelOf(({ deployment }) => testPool(testSite(deployment))));
    expect(report).toContain('| vCPUs each | Physical cores each |');
    expect(report).toMatch(/\| Standard_D32s_v5 \| 32 \| 16 \(hyperthreaded\) \| 128 \|/);
  });
});

describe('Skype for Business Server 2019 sizing floors (System requirements for 2019)', () => {
  test('Edge, standalone Mediation and Director: 12 cores (dual 6-core) and 32 GB', () => {
    for (const v of [ProductVersion.SKYPE_FOR_BUSINESS_2019, ProductVersion.SKYPE_FOR_BUSINESS_SE]) {
      expect(productProfile(v).sizing['edge-director-mediation']).toEqual({ cores: 12, memoryGb: 32 });
      expect(productProfile(v).sizing['pool-core']).toEqual({ cores: 12, memoryGb: 64 });
      expect(productProfile(v).sizing['standard-edition']).toEqual({ cores: 12, memoryGb: 32 });
    }
  });

  test('an 8-core Edge server (Standard_D16s_v5) is below the 2019 floor but meets 2015\'s', () => {
    const edgeFindings = (productVersion: ProductVersion) => {
      const { deployment } = testDeployment({ productVersion });
      const site = testSite(deployment);
      testEdge(site, testPool(site), 'edge', { vmSize: 'Standard_D16s_v5' });
      return findingsOf(validateTopology(deployment), 'VM-1').filter((f) => f.path.includes('/edge/'));
    };
    expect(edgeFindings(ProductVersion.SKYPE_FOR_BUSINESS_2019).length).toBeGreaterThan(0);
    expect(edgeFindings(ProductVersion.SKYPE_FOR_BUSINESS_2015)).toEqual([]);
  });

  test('defaults: 2019 Edge, Director and Mediation get 16-core sizes, 2015 8-core sizes', () => {
    for (const role of [ServerRole.EDGE, ServerRole.DIRECTOR, ServerRole.MEDIATION]) {
      expect(recommendedVmSize(ProductVersion.SKYPE_FOR_BUSINESS_2019, role)).toBe('Standard_D32s_v5');
      expect(recommendedVmSize(ProductVersion.SKYPE_FOR_BUSINESS_2015, role)).toBe('Standard_D16s_v5');
    }
  });
});

describe('Windows Server for Skype for Business Server 2019 and SE', () => {
  test.each([ProductVersion.SKYPE_FOR_BUSINESS_2019, ProductVersion.SKYPE_FOR_BUSINESS_SE])('%s supports Windows Server 2016 and 2019 only', (v) => {
    expect(SUPPORTED_OS[v]).toEqual([WindowsServerVersion.WINDOWS_SERVER_2016, WindowsServerVersion.WINDOWS_SERVER_2019]);
  });

  test('VM-4 refuses Windows Server 2022 for 2019 (no Microsoft source lists it)', () => {
    const { deployment } = testDeployment({ productVersion: ProductVersion.SKYPE_FOR_BUSINESS_2019 });
    testPool(testSite(deployment), 'pool', { operatingSystem: WindowsServerVersion.WINDOWS_SERVER_2022 });
    const f = findingsOf(validateTopology(deployment), 'VM-4');
    expect(f).toHaveLength(3);
    expect(f[0].message).toMatch(/supports Windows Server 2016, 2019 here/);
  });

  test('the default servers of 2019 run Windows Server 2019', () => {
    const m = everyRole(ProductVersion.SKYPE_FOR_BUSINESS_2019)._toModel();
    expect([...new Set(m.servers.map((s) => s.os))]).toEqual([WindowsServerVersion.WINDOWS_SERVER_2019]);
  });
});

describe('VM-7: cumulative updates an operating system needs', () => {
  const findings = (productVersion: ProductVersion, os: WindowsServerVersion) => {
    const { deployment } = testDeployment({ productVersion });
    testPool(testSite(deployment), 'pool', { operatingSystem: os });
    return findingsOf(validateTopology(deployment), 'VM-7');
  };

  test('2015 on Windows Server 2019 needs Cumulative Update 9, once per pool', () => {
    const f = findings(ProductVersion.SKYPE_FOR_BUSINESS_2015, WindowsServerVersion.WINDOWS_SERVER_2019);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: Severity.INFO, path: 'test/contoso/west/pool' });
    expect(f[0].message).toMatch(/Cumulative Update 9 or later.*server-requirements\.md/);
  });

  test('2015 on Windows Server 2016 needs Cumulative Update 5 (KB4015888)', () => {
    const f = findings(ProductVersion.SKYPE_FOR_BUSINESS_2015, WindowsServerVersion.WINDOWS_SERVER_2016);
    expect(f[0].message).toMatch(/Cumulative Update 5 or later.*KB4015888/);
  });

  test('no finding for 2015 on Windows Server 2012 R2, nor for 2019', () => {
    expect(findings(ProductVersion.SKYPE_FOR_BUSINESS_2015, WindowsServerVersion.WINDOWS_SERVER_2012_R2)).toEqual([]);
    expect(findings(ProductVersion.SKYPE_FOR_BUSINESS_2019, WindowsServerVersion.WINDOWS_SERVER_2019)).toEqual([]);
  });
});
