/** Hardware profile: servers per site and role with their VM sizes, vCPUs, physical cores and memory. */
import { PoolPurpose } from '../enums';
import { ServerModel, TopologyModel } from '../model/topology';
import { physicalCores, VmSizeInfo, vmSizeInfo } from '../model/vm-sizes';
import { ROLE_PROFILES } from '../model/roles';
import { Finding } from '../rules/rule';
import { acknowledgedSection, header, heading, openFindingsSection, siteNameOf, table } from './markdown';
import { voiceEquipmentSection } from './voice-equipment';

const HARDWARE_RULES = ['VM-', 'AZ-', 'FE-', 'BE-', 'VER-', 'PCHAT-', 'AZURE-', 'DIR-', 'MED-', 'NAME-1', 'NAME-7'];

interface Group {
  readonly site: string;
  /** The pool or back end the servers belong to (their server group's parent). */
  readonly owner: string;
  readonly role: string;
  readonly vmSize: string;
  readonly os: string;
  readonly servers: ServerModel[];
}

export function hardwareReport(model: TopologyModel, findings: readonly Finding[] = []): string {
  const groups = new Map<string, Group>();
  for (const s of model.servers) {
    const site = siteNameOf(model, s.path, s.sitePath);
    const owner = s.path.split('/').slice(0, -2).join('/') || s.path;
    const key = `${site}|${s.role}|${owner}|${s.vmSize}|${s.os}`;
    const g = groups.get(key) ?? { site, owner, role: ROLE_PROFILES[s.role].displayName, vmSize: s.vmSize, os: s.os, servers: [] };
    g.servers.push(s);
    groups.set(key, g);
  }
  // FE-16: a pool dedicated to large meetings says so next to its servers.
  const largeMeetings = new Set(model.frontEndPools.filter((p) => p.purpose === PoolPurpose.LARGE_MEETINGS).map((p) => p.path));
  const groupName = (owner: string) => (largeMeetings.has(owner) ? `${owner} (large-meeting pool, FE-16)` : owner);
  const size = (v: string) => vmSizeInfo(v);
  const total = (list: readonly ServerModel[], f: (i: VmSizeInfo) => number) =>
    list.reduce((n, s) => n + (size(s.vmSize) ? f(size(s.vmSize)!) : 0), 0);
  const siteNames = [...new Set([...groups.values()].map((g) => g.site))];
  const perSite = siteNames.map((site) => {
    const list = [...groups.values()].filter((g) => g.site === site);
    const servers = list.flatMap((g) => g.servers);
    return `${heading(3, `Site ${site}`)}\n${table(
      ['Role', 'Group', 'Servers', 'Computer names', 'VM size', 'vCPUs each', 'Physical cores each', 'Memory each (GB)', 'Windows Server', 'Failure domains'],
      list.map((g) => [
        g.role,
        groupName(g.owner),
        g.servers.length,
        g.servers.map((s) => s.computerName).join(', '),
        g.vmSize,
        size(g.vmSize)?.vcpus ?? 'unknown size',
        size(g.vmSize) ? `${physicalCores(size(g.vmSize)!)}${size(g.vmSize)!.hyperthreaded ? ' (hyperthreaded)' : ''}` : 'unknown size',
        size(g.vmSize)?.memoryGb ?? 'unknown size',
        g.os,
        [...new Set(g.servers.map((s) => s.failureDomain))].join(', '),
      ]),
    )}\nSite total: ${servers.length} server(s), ${total(servers, (i) => i.vcpus)} vCPUs (${total(servers, physicalCores)} physical cores), ${total(servers, (i) => i.memoryGb)} GB memory.\n`;
  });
  return [
    header('Hardware profile', model),
    `${model.servers.length} server(s) in all, ${total(model.servers, (i) => i.vcpus)} vCPUs (${total(model.servers, physicalCores)} physical cores) and ${total(model.servers, (i) => i.memoryGb)} GB of memory (sizes the library knows). The documented hardware counts physical cores; on hyperthreaded Azure sizes two vCPUs are one core (VM-1 compares cores).\n`,
    heading(2, 'Servers per site and role'),
    perSite.length > 0 ? perSite.join('\n') : '_None._\n',
    voiceEquipmentSection(model),
    openFindingsSection(findings, HARDWARE_RULES),
    acknowledgedSection(findings, HARDWARE_RULES),
  ]
    .filter((part) => part !== '')
    .join('\n');
}
