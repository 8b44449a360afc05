/** Azure hosting (AZ-*, AZURE-*, VM-*): zones, load balancer settings, VM sizing, images, patching. */
import { Severity, SupportPosture } from '../enums';
import { productName, siteOf } from '../model/queries';
import { ServerModel, SiteModel, TopologyModel } from '../model/topology';
import { physicalCores, VM_SIZES, vmSizeInfo } from '../model/vm-sizes';
import { regionByName } from '../model/regions';
import { sizingFloor, SUPPORTED_OS } from '../model/versions';
import { rule, RuleStatus, RuleStatusKind, status, Violation, withUnacknowledgeable } from './rule';
import { PRODUCT_ROLES, ServerGroup, serverGroups, SINGLE_NIC_ROLES, SIZING_FAMILY } from '../model/roles';

const ZONES = 'Azure availability zones model';
const LB_REQ = 'Load balancing requirements for Skype for Business';

/** A group of servers that is placed and configured as one (a pool, a back end, a store). */
/** A group's servers per site, sites sorted: placement is per site, also for a stretched pool. */
export function groupSites(g: ServerGroup): { readonly sitePath: string; readonly servers: readonly ServerModel[]; readonly stretched: boolean }[] {
  if (g.sitePath !== undefined) return [{ sitePath: g.sitePath, servers: g.servers, stretched: false }];
  const sites = [...new Set(g.servers.map((s) => s.sitePath ?? ''))].sort();
  return sites.map((sitePath) => ({ sitePath, servers: g.servers.filter((s) => (s.sitePath ?? '') === sitePath), stretched: true }));
}

/** Failure domains a site offers: its zones, or its availability-set fault domains. */
export function failureDomains(site: SiteModel): string[] {
  return site.availabilityZones.length > 0
    ? [...site.availabilityZones]
    : Array.from({ length: site.faultDomainCount }, (_, i) => `fd${i}`);
}

const FAMILY = SIZING_FAMILY;

function nicViolations(s: ServerModel): Violation[] {
  const out: Violation[] = [];
  if (SINGLE_NIC_ROLES.has(s.role) && s.nics.length !== 1) {
    out.push({ path: s.path, message: `${s.role} server ${s.computerName} has ${s.nics.length} NICs; multi-homed ${s.role} servers are not supported; give it exactly one NIC` });
  }
  // An Edge server's two NICs, external first, are EDGE-12's finding (one fact, one finding).
  const size = vmSizeInfo(s.vmSize);
  if (size && s.nics.length > size.maxNics) {
    out.push({ path: s.path, message: `VM size ${s.vmSize} allows ${size.maxNics} NICs but ${s.computerName} needs ${s.nics.length}; choose a larger size` });
  }
  return out;
}

export const AZURE_RULES = withUnacknowledgeable([
  rule('AZ-1', Severity.ERROR, 'Availability zones are real zone names without repeats', ZONES, (m) =>
    m.sites.flatMap((s) => {
      const bad = s.availabilityZones.filter((z, i) => !['1', '2', '3'].includes(z) || s.availabilityZones.indexOf(z) !== i);
      return bad.length === 0
        ? []
        : [{ path: s.path, message: `availabilityZones is [${s.availabilityZones.join(', ')}]; zones are "1", "2" and "3", each at most once; use e.g. ["1","2","3"], or [] for an availability set` }];
    }),
  ),
  rule('AZ-3', Severity.ERROR, 'Availability zones only in regions that have them', `${ZONES}; Azure regions list`, (m) =>
    m.sites.flatMap((s): Violation[] => {
      const region = regionByName(s.location);
      if (!region || region.availabilityZones) return [];
      return s.availabilityZones.length > 0
        ? [{ path: s.path, message: `availabilityZones is [${s.availabilityZones.join(', ')}] but region ${region.name} (${region.displayName}) has no availability zones; Azure refuses zonal VMs there; give availabilityZones: [] or leave it out, and the site's pools use availability sets` }]
        : [];
    }),
  ),
  rule('AZ-4', Severity.INFO, 'A site in a region without availability zones uses availability sets', `${ZONES}; Azure regions list`, (m) =>
    m.sites.flatMap((s): Violation[] => {
      const region = regionByName(s.location);
      return region && !region.availabilityZones && s.availabilityZones.length === 0
        ? [{ path: s.path, message: `region ${region.name} (${region.displayName}) has no availability zones, so the site's pools use availability sets over ${s.faultDomainCount} fault domains instead; a datacenter failure can take down a whole pool; choose a region with zones for zone redundancy` }]
        : [];
    }),
  ),
  rule('AZ-2', Severity.ERROR, 'Pools spread their servers round-robin over the site\'s failure domains', 'Front End Pool high availability and management (FE-5)', (m) =>
    serverGroups(m).flatMap((g) => groupSites(g).flatMap(({ sitePath, servers, stretched }) => {
      const site = siteOf(m, sitePath);
      if (!site || servers.length === 0) return [];
      const where = stretched ? `in site ${site.name}, ` : '';
      const domains = failureDomains(site);
      const counts = domains.map((d) => servers.filter((s) => s.failureDomain === d).length);
      const outside = servers.filter((s) => !domains.includes(s.failureDomain));
      if (outside.length > 0) {
        return [{ path: g.path, message: `servers ${outside.map((s) => s.computerName).join(', ')} are placed in failure domain(s) ${[...new Set(outside.map((s) => s.failureDomain))].join(', ')}, which site ${site.name} does not offer (${domains.join(', ')})` }];
      }
      return Math.max(...counts) - Math.min(...counts) > 1
        ? [{ path: g.path, message: `${where}servers per failure domain are [${domains.map((d, i) => `${d}: ${counts[i]}`).join(', ')}]; spread them round-robin so that losing one domain loses as few servers as possible` }]
        : [];
    })),
  ),
  rule('AZURE-1', Severity.WARNING, 'Lync/SfB Server on Azure VMs has no published Microsoft support statement', 'Microsoft server software support for Microsoft Azure virtual machines (KB2721672)', (m) => [
    m.supportPosture === SupportPosture.UNACKNOWLEDGED
      ? { path: m.path, message: `${productName(m)} on Azure virtual machines has no published Microsoft support statement; set supportPosture to SupportPosture.LAB or SupportPosture.ACCEPTED_RISK to acknowledge it` }
      : { path: m.path, message: `${productName(m)} on Azure virtual machines has no published Microsoft support statement`, acknowledged: `supportPosture ${m.supportPosture}` },
  ]),
  rule('AZURE-9', Severity.INFO, 'Azure Load Balancer is not a qualified Lync/SfB load balancer', `${LB_REQ} (library rule: the info form of AZURE-4)`, (m) =>
    collectLoadBalancers(m).some((lb) => lb.purpose === 'web')
      ? [{ path: m.path, message: 'Azure Load Balancer is not a qualified Lync/SfB hardware load balancer and cannot balance mobile clients per request inside one TCP session; test mobile clients, or place a qualified load balancer in front of the web services' }]
      : [],
  ),
  // Physical cores, not vCPUs: the documented floors count cores ("dual processor, 6-core"), an Azure
  // vCPU of a hyperthreaded size is one thread (lib/model/vm-sizes.ts).
  rule('VM-1', Severity.WARNING, 'VM sizes meet the role\'s sizing floor (physical cores and memory)', 'Server hardware platforms; Server requirements; System requirements for Skype for Business Server 2019', (m) =>
    m.servers.flatMap((s) => {
      const family = FAMILY[s.role];
      if (!family) return [];
      const floor = sizingFloor(m.productVersion, family);
      const size = vmSizeInfo(s.vmSize);
      // An unknown size is VM-6's finding.
      if (!size) return [];
      const cores = physicalCores(size);
      const threads = size.hyperthreaded ? `${size.vcpus} vCPUs = ${cores} physical cores, hyperthreaded` : `${size.vcpus} vCPUs = ${cores} cores`;
      return cores < floor.cores || size.memoryGb < floor.memoryGb
        ? [{
            path: s.path,
            message: `VM size ${s.vmSize} (${threads}, ${size.memoryGb} GB) of ${s.role} server ${s.computerName} is below the ${productName(m)} floor of ${floor.cores} physical cores and ${floor.memoryGb} GB; choose a larger size (e.g. ${sizeMeeting(floor)})`,
            ...(m.lab ? { acknowledged: 'lab mode: small on purpose' } : {}),
          }]
        : [];
    }),
  ),
  rule('VM-6', Severity.ERROR, 'VM sizes are sizes the library knows', 'Sizes for virtual machines in Azure (the message lists the sizes the library knows)', (m) =>
    m.servers
      .filter((s) => !vmSizeInfo(s.vmSize))
      .map((s) => ({
        path: s.path,
        message: `vmSize ${JSON.stringify(s.vmSize)} of ${s.computerName} is not a size the library knows (${Object.keys(VM_SIZES).join(', ')}), so neither its sizing floor (VM-1) nor its NIC limit (VM-2) can be checked and a typo would only fail at apply; use a listed size, or acknowledge VM-6 on the construct if the size exists in your subscription`,
      })),
  ),
  rule('VM-2', Severity.ERROR, 'NIC count per role', 'Server requirements; Azure VMs with multiple NICs', (m) => m.servers.flatMap(nicViolations)),
  rule('VM-3', Severity.ERROR, 'Pool members share VM size, OS and placement', 'Topology Basics for Skype for Business Server', (m) =>
    serverGroups(m).flatMap((g) => {
      const out: Violation[] = [];
      const distinct = (f: (s: ServerModel) => string) => [...new Set(g.servers.map(f))];
      const os = distinct((s) => s.os);
      if (os.length > 1) out.push({ path: g.path, message: `members run different operating systems [${os.join(', ')}]; all members of a pool run the same OS` });
      return out;
    }),
  ),
  rule('VM-8', Severity.WARNING, 'Pool members share VM size and placement', 'Topology Basics for Skype for Business Server (library rule: the warning form of VM-3)', (m) =>
    serverGroups(m).flatMap((g) => {
      const out: Violation[] = [];
      const distinct = (f: (s: ServerModel) => string) => [...new Set(g.servers.map(f))];
      const sizes = distinct((s) => s.vmSize);
      if (sizes.length > 1) out.push({ path: g.path, message: `members use different VM sizes [${sizes.join(', ')}]; all members of a pool should be the same size` });
      // Placement is per site: a stretched pool may span a region with zones and one without.
      for (const { servers } of groupSites(g)) {
        const placement = [...new Set(servers.map((s) => (s.failureDomain.startsWith('fd') ? 'availability set' : 'zones')))];
        if (placement.length > 1) out.push({ path: g.path, message: `members mix placement strategies [${placement.join(', ')}]; place all members the same way` });
      }
      return out;
    }),
  ),
  rule('VM-4', Severity.ERROR, 'The OS image is one the product version supports', 'Server requirements for Skype for Business Server 2015; System requirements for Skype for Business Server 2019', (m) =>
    m.servers
      // SQL, file servers and domain controllers follow their own OS requirements, not the product's list.
      .filter((s) => PRODUCT_ROLES.has(s.role) && !SUPPORTED_OS[m.productVersion].includes(s.os))
      .map((s) => ({ path: s.path, message: `${s.role} server ${s.computerName} runs Windows Server ${s.os}; ${productName(m)} supports Windows Server ${SUPPORTED_OS[m.productVersion].join(', ')} here; set operatingSystem to one of them` })),
  ),
  rule('VM-5', Severity.WARNING, 'Pool members do not reboot for patches uncontrolled', 'Front End Pool high availability and management', (m) =>
    m.servers
      .filter((s) => FAMILY[s.role] !== undefined && s.patchMode !== 'Manual' && s.patchMode !== 'AutomaticByPlatform')
      .map((s) => ({ path: s.path, message: `server ${s.computerName} uses patch mode ${s.patchMode}; Front Ends must restart one at a time to keep quorum; use Manual patching (or platform patching with a maintenance configuration)` })),
  ),
], {
  'AZ-1':
    'Azure refuses a zone other than 1, 2 or 3 at apply time',
  'AZ-3':
    'Azure refuses zonal VMs, disks and load-balancer frontends in a region without availability zones',
  'VM-2':
    'Azure refuses a VM with more NICs than its size allows at apply time',
});

/** The smallest catalog size that meets a floor, for the VM-1 message. */
function sizeMeeting(floor: { cores: number; memoryGb: number }): string {
  const fits = Object.entries(VM_SIZES)
    .filter(([, i]) => physicalCores(i) >= floor.cores && i.memoryGb >= floor.memoryGb)
    .sort(([a, x], [b, y]) => x.vcpus - y.vcpus || x.memoryGb - y.memoryGb || (a < b ? -1 : 1));
  return fits[0]?.[0] ?? 'a larger size';
}

function collectLoadBalancers(m: TopologyModel) {
  return [
    ...m.frontEndPools.flatMap((p) => (p.webLoadBalancer ? [p.webLoadBalancer] : [])),
    ...m.directorPools.flatMap((p) => (p.webLoadBalancer ? [p.webLoadBalancer] : [])),
    ...m.backEnds.flatMap((b) => (b.listenerLoadBalancer ? [b.listenerLoadBalancer] : [])),
  ];
}

// AZURE-2 and AZURE-4 only re-checked what the building blocks hard-code: they are checked on the
// rendered azurerm_lb_rule and azurerm_lb_probe resources instead (test/rendered-invariants.test.ts).
export const AZURE_STATUS: RuleStatus[] = [
  status('AZURE-2', RuleStatusKind.BY_CONSTRUCTION, 'Every load-balancer rule for Lync/SfB traffic comes from lib/azure/web-services.ts (webServiceRules, tcpBalancingRule), which sets Floating IP off; only the SQL listener and failover-cluster network-name rules of AlwaysOnBackEnd and FailoverClusterBackEnd turn it on, as SQL needs. No prop changes it; checked on the rendered load-balancer rules.'),
  status('AZURE-4', RuleStatusKind.BY_CONSTRUCTION, 'Front End and Director web load balancers take their rules from webServiceRules (lib/azure/web-services.ts): 80 and 443 with SourceIP, 8080 and 4443 with Default distribution, a 30-minute idle timeout, and a TCP probe on 5061; no prop changes them. Checked on the rendered load-balancer rules and probes.'),
  status('AZURE-6', RuleStatusKind.BY_CONSTRUCTION, 'The library balances with Azure Standard Load Balancer and DNS load balancing only; it never configures Windows Network Load Balancing.'),
];
