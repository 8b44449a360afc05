/**
 * Checks that the planning reports say what the synthesized JSON does, so they cannot drift from
 * it: every A record, NSG rule and VM of the JSON appears in its report with its values.
 * Each returns a list of problems (empty when consistent).
 */
import { physicalCores, vmSizeInfo } from '../lib/model/vm-sizes';
import { subnetNsgName } from '../lib/model/names';
import { ruleSide } from './security-groups';

type Json = any;

const values = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});

/** `${type.key.attr}` resolved to the referenced block's attribute. */
function deref(json: Json, value: string): string {
  const m = /^\$\{([a-z0-9_]+)\.([^.}]+)\.([a-z_]+)\}$/.exec(value);
  return m ? String(json.resource?.[m[1]]?.[m[2]]?.[m[3]] ?? value) : value;
}

/** Table rows of a Markdown text, as cell lists (header rows included, separator rows not). */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => l.slice(2, -2).split(' | ').map((c) => c.trim()));
}

/** A public IP is assigned at apply: the report names the public IP resource instead of an address. */
function reportedAddress(json: Json, value: string): string {
  const pip = /^\$\{azurerm_public_ip\.([^.]+)\.ip_address\}$/.exec(value);
  return pip ? `public IP ${json.resource.azurerm_public_ip[pip[1]].name}` : value;
}

export function dnsReportDrift(report: string, json: Json): string[] {
  const problems: string[] = [];
  const table = rows(report);
  for (const type of ['azurerm_private_dns_a_record', 'azurerm_dns_a_record']) {
    for (const r of values(json, type)) {
      const zone = deref(json, r.zone_name);
      const fqdn = r.name === '@' ? zone : `${r.name}.${zone}`;
      // A name may be in both tables (split-brain: a simple URL internal and, on the reverse proxy, public).
      const found = table.filter((cells) => cells[0] === fqdn && cells[1] === 'A');
      if (found.length === 0) problems.push(`A record ${fqdn} is not in the DNS report`);
      else for (const ip of r.records) if (!found.some((row) => row[2].split(', ').includes(reportedAddress(json, ip)))) problems.push(`A record ${fqdn} has ${ip}, which its report rows "${found.map((row) => row[2]).join('", "')}" lack`);
    }
  }
  for (const type of ['azurerm_private_dns_srv_record', 'azurerm_dns_srv_record']) {
    for (const r of values(json, type)) {
      const name = `${r.name}.${deref(json, r.zone_name)}`;
      for (const e of r.record ?? []) {
        const found = table.some((c) => c[0] === name && c[2] === String(e.priority) && c[3] === String(e.weight) && c[4] === String(e.port) && c[5] === e.target);
        if (!found) problems.push(`SRV entry ${name} ${e.priority} ${e.weight} ${e.port} ${e.target} is not in the DNS report`);
      }
    }
  }
  // Every private address of every NIC in the perimeter (an Edge external NIC has three).
  for (const nic of values(json, 'azurerm_network_interface')) {
    const vm = values(json, 'azurerm_windows_virtual_machine').find((v) => (v.network_interface_ids ?? []).some((id: string) => id.includes(`.${Object.keys(json.resource.azurerm_network_interface).find((k) => json.resource.azurerm_network_interface[k] === nic)}.`)));
    if (vm?.tags?.['sfb-role'] !== 'Edge') continue;
    for (const c of nic.ip_configuration ?? []) {
      const found = table.some((cells) => cells[0] === vm.computer_name && cells[3] === c.private_ip_address);
      if (!found) problems.push(`address ${c.private_ip_address} of ${nic.name} (${vm.computer_name}) is not in the DNS report's perimeter table`);
    }
  }
  // CNAMEs and Traffic Manager endpoints: every public CNAME is in the report.
  for (const r of values(json, 'azurerm_dns_cname_record')) {
    const fqdn = `${r.name}.${deref(json, r.zone_name)}`;
    if (!table.some((c) => c[0] === fqdn && c[1] === 'CNAME' && c[2] === r.record)) problems.push(`CNAME ${fqdn} -> ${r.record} is not in the DNS report`);
  }
  return problems;
}

/** `deploymentName` matches NSGs by the name the library derives (a long site ID is shortened, docs/naming.md). */
export function firewallReportDrift(report: string, json: Json, deploymentName?: string): string[] {
  const problems: string[] = [];
  // Sections per NSG, keyed by the model label `site/subnet`.
  const sections = new Map<string, string[][]>();
  // A section ends at the next heading of its level or above (the open and acknowledged findings follow the last one).
  report.split('### Network security group ').slice(1).forEach((s) => sections.set(s.split("\n")[0].trim(), rows(s.split('\n## ')[0]).slice(1)));
  const rules = values(json, 'azurerm_network_security_rule');
  for (const r of rules) {
    const nsgName = deref(json, r.network_security_group_name);
    const label = [...sections.keys()].find((l) => {
      const [site, role] = l.split('/');
      return deploymentName === undefined ? nsgName.endsWith(`-${site}-${role}`) : nsgName === subnetNsgName(deploymentName, site, role);
    });
    const ports = (r.destination_port_ranges ?? [r.destination_port_range]).join(', ');
    const sources = ruleSide(json, r, 'source').join(', ');
    const row = label ? sections.get(label)!.find((c) => c[1] === r.name) : undefined;
    if (!row) problems.push(`NSG rule ${r.name} of ${nsgName} is not in the firewall report`);
    else if (row[0] !== String(r.priority) || row[2] !== r.direction || row[4] !== sources || row[7] !== r.protocol || row[8] !== ports || row[9] !== r.access) {
      problems.push(`NSG rule ${r.name} of ${nsgName} is ${r.priority} ${r.direction} ${r.access} ${sources} ${r.protocol} ${ports}, but the report says ${row.join(' | ')}`);
    } else if (!/\.md\b|\.tbxml\b/.test(row[11] ?? '')) {
      problems.push(`NSG rule ${r.name} of ${nsgName} names no source page in the firewall report (got "${row[11] ?? ''}")`);
    }
  }
  const reported = [...sections.values()].reduce((n, s) => n + s.length, 0);
  if (reported !== rules.length) problems.push(`the firewall report has ${reported} rules, the configuration ${rules.length}`);
  return problems;
}

export function hardwareReportDrift(report: string, json: Json): string[] {
  const problems: string[] = [];
  const table = rows(report);
  const vms = values(json, 'azurerm_windows_virtual_machine');
  for (const vm of vms) {
    const row = table.find((c) => c[3]?.split(', ').includes(vm.computer_name));
    if (!row) problems.push(`VM ${vm.computer_name} is not in the hardware profile`);
    else if (row[4] !== vm.size || row[0] !== vm.tags?.['sfb-role']) problems.push(`VM ${vm.computer_name} is a ${vm.tags?.['sfb-role']} of size ${vm.size}, the profile says ${row[0]} ${row[4]}`);
    else {
      // Physical cores, not vCPUs: half the vCPUs on a hyperthreaded size (lib/model/vm-sizes.ts).
      const info = vmSizeInfo(vm.size);
      const cores = parseInt(row[6] ?? '', 10);
      if (info && cores !== physicalCores(info)) problems.push(`VM ${vm.computer_name} (${vm.size}) has ${physicalCores(info)} physical cores, the profile says ${row[6]}`);
    }
  }
  if (!report.includes(`${vms.length} server(s) in all`)) problems.push(`the hardware profile does not count ${vms.length} servers in all`);
  return problems;
}

/** Every Front End and Standard Edition server FQDN is a SAN of its pool's default certificate. */
export function certificateReportDrift(report: string, json: Json, adDomain: string): string[] {
  const problems: string[] = [];
  const table = rows(report);
  for (const vm of values(json, 'azurerm_windows_virtual_machine')) {
    const role = vm.tags?.['sfb-role'];
    if (role !== 'Front End' && role !== 'Standard Edition') continue;
    const fqdn = `${vm.computer_name}.${adDomain}`.toLowerCase();
    const named = table.some((c) => c[1]?.startsWith('Default') && (c[2] === fqdn || c[3]?.split(', ').includes(fqdn)));
    // A Standard Edition server is named by its pool FQDN instead of computer name + domain.
    if (!named && role === 'Front End') problems.push(`Front End ${fqdn} is not on a default certificate in the certificate report`);
  }
  // Every name the configuration publishes for clients in the SIP domain's private zone (sign-in
  // aliases that SRV records target, lyncdiscoverinternal, simple URLs) is on a default certificate,
  // and every public CNAME to the web services (Traffic Manager) on an external web certificate.
  const sans = (use: string) => new Set(table.filter((c) => c[1]?.startsWith(use)).flatMap((c) => [c[2], ...(c[3] ?? '').split(', ')]));
  const internal = sans('Default');
  for (const r of values(json, 'azurerm_private_dns_srv_record')) {
    // The private copy of the federation record (Teams hybrid) targets the Access Edge's external name.
    if (r.name === '_sipfederationtls._tcp') continue;
    for (const e of r.record ?? []) if (!internal.has(e.target)) problems.push(`SRV target ${e.target} is not on a default certificate in the certificate report`);
  }
  for (const r of values(json, 'azurerm_private_dns_a_record')) {
    if (/^(lyncdiscoverinternal|meet|dialin|admin)$/.test(r.name)) {
      const fqdn = `${r.name}.${deref(json, r.zone_name)}`;
      if (!internal.has(fqdn)) problems.push(`${fqdn} is not on a default certificate in the certificate report`);
    }
  }
  const external = sans('External web services');
  for (const r of values(json, 'azurerm_dns_cname_record')) {
    if (!String(r.record).endsWith('.trafficmanager.net')) continue;
    const fqdn = `${r.name}.${deref(json, r.zone_name)}`;
    if (!external.has(fqdn)) problems.push(`${fqdn} is not on an external web services certificate in the certificate report`);
  }
  return problems;
}
