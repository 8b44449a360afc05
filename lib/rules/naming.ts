/** Names (NAME-*): computer names, FQDN syntax, AD domain, uniqueness, Azure resource name limits. */
import { Severity } from '../enums';
import { azureNameProblem, storageAccountNameProblem } from '../model/azure-names';
import { allFqdns } from '../model/queries';
import { TopologyModel } from '../model/topology';
import { rule, Violation, withUnacknowledgeable } from './rule';

const AD_NAMING = 'Naming conventions in Active Directory (KB909264)';
const AZURE_NAMING = 'Naming rules and restrictions for Azure resources';

/** NAME-1: why a Windows computer name is invalid, or undefined when it is valid. */
export function computerNameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 15) return `is ${name.length} characters long (1 to 15 allowed)`;
  if (!/^[A-Za-z0-9-]+$/.test(name)) return 'has characters other than A-Z, a-z, 0-9 and hyphen';
  if (/^[0-9]+$/.test(name)) return 'is all digits';
  if (name.startsWith('-') || name.endsWith('-')) return 'starts or ends with a hyphen';
  return undefined;
}

/** NAME-2: why an FQDN is invalid, or undefined when it is valid. */
export function fqdnProblem(fqdn: string): string | undefined {
  if (fqdn.length > 255) return `is ${fqdn.length} characters long (at most 255)`;
  const labels = fqdn.split('.');
  if (labels.length < 2) return 'is a single label (an FQDN has a domain)';
  for (const l of labels) {
    if (l.length < 1 || l.length > 63) return `has a label "${l}" of ${l.length} characters (1 to 63 allowed)`;
    if (!/^[A-Za-z0-9-]+$/.test(l)) return `has a label "${l}" with characters other than A-Z, a-z, 0-9 and hyphen (no underscores, no internationalized names)`;
    if (l.startsWith('-') || l.endsWith('-')) return `has a label "${l}" that starts or ends with a hyphen`;
  }
  return undefined;
}

function externalFqdns(m: TopologyModel): { path: string; fqdn: string }[] {
  return m.edgePools.flatMap((e) => [
    { path: e.path, fqdn: e.accessEdgeFqdn },
    { path: e.path, fqdn: e.webConferencingEdgeFqdn },
    { path: e.path, fqdn: e.audioVideoEdgeFqdn },
  ]);
}

export const NAMING_RULES = withUnacknowledgeable([
  rule('NAME-1', Severity.ERROR, 'Windows computer names are NetBIOS-safe', `${AD_NAMING}; azurerm computer-name check`, (m) =>
    m.servers.flatMap((s) => {
      const problem = computerNameProblem(s.computerName);
      return problem
        ? [{ path: s.path, message: `computer name "${s.computerName}" ${problem}; Windows computer names are 1-15 characters of A-Z, a-z, 0-9 and hyphen, not all digits, no leading or trailing hyphen; shorten the pool's host label or set serverNamePrefix` }]
        : [];
    }),
  ),
  rule('NAME-2', Severity.ERROR, 'FQDNs are valid DNS names', 'Environmental requirements for Skype for Business Server 2015', (m) => {
    const seen = new Set<string>();
    const out: Violation[] = [];
    for (const { path, fqdn } of [...allFqdns(m), ...externalFqdns(m), { path: m.path, fqdn: m.sipDomain }]) {
      const key = `${path}|${fqdn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = fqdnProblem(fqdn);
      if (problem) out.push({ path, message: `FQDN "${fqdn}" ${problem}; use ASCII labels of 1-63 letters, digits and hyphens, at most 255 characters in all` });
    }
    return out;
  }),
  rule('NAME-3', Severity.ERROR, 'The AD domain is not single-label and at most 64 characters', AD_NAMING, (m) => {
    const d = m.adDomain;
    if (!d.includes('.')) return [{ path: m.path, message: `adDomain "${d}" is a single-label domain, which Lync/SfB does not support; use a name like corp.contoso.com` }];
    if (d.length > 64) return [{ path: m.path, message: `adDomain "${d}" is ${d.length} characters; at most 64 are allowed; use a shorter AD DNS domain` }];
    const problem = fqdnProblem(d);
    return problem ? [{ path: m.path, message: `adDomain "${d}" ${problem}` }] : [];
  }),
  rule('NAME-4', Severity.ERROR, 'Pool, server and web FQDNs are unique across the deployment', 'Load balancing requirements for Skype for Business', (m) => {
    const out: Violation[] = [];
    const all = allFqdns(m);
    all.forEach((e, i) => {
      const first = all.findIndex((o) => o.fqdn === e.fqdn);
      const other = all[first];
      // A Standard Edition server's FQDN is its pool's FQDN: same owner, not a clash.
      const sameOwner = e.path === other.path || e.path.startsWith(other.path + '/') || other.path.startsWith(e.path + '/');
      if (first < i && !sameOwner) {
        out.push({ path: e.path, message: `${e.kind} ${e.fqdn} is already the ${other.kind} of ${other.path}; every pool, server and web services FQDN must be unique in the deployment; choose another name` });
      } else if (first < i && e.path === other.path && e.kind !== other.kind && !e.kind.includes('server')) {
        out.push({ path: e.path, message: `${e.kind} ${e.fqdn} equals the ${other.kind}; the internal and external web FQDNs must differ from the pool FQDN; choose another name` });
      }
    });
    return out;
  }),
  rule('NAME-5', Severity.ERROR, 'Azure resource names are within their type\'s length and characters', AZURE_NAMING, (m) =>
    (m.azureNames ?? [])
      .filter((n) => n.type !== 'azurerm_storage_account')
      .flatMap((n) => {
        const problem = azureNameProblem(n.type, n.name);
        return problem
          ? [{ path: n.path, message: `${n.type} name "${n.name}" ${problem}; Azure rejects it at apply time; shorten the construct ID, pool FQDN label or name prefix it is derived from` }]
          : [];
      }),
  ),
  rule('NAME-6', Severity.ERROR, 'Storage account names are 3-24 lowercase letters and digits, unique in the deployment', AZURE_NAMING, (m) => {
    const accounts = (m.azureNames ?? []).filter((n) => n.type === 'azurerm_storage_account');
    const out: Violation[] = [];
    accounts.forEach((n, i) => {
      const problem = storageAccountNameProblem(n.name);
      if (problem) {
        out.push({ path: n.path, message: `storage account name "${n.name}" ${problem}; use 3-24 lowercase letters and digits (no hyphens), unique across Azure` });
      }
      const first = accounts.findIndex((o) => o.name.toLowerCase() === n.name.toLowerCase());
      if (first < i) {
        out.push({ path: n.path, message: `storage account name "${n.name}" is already used by ${accounts[first].path}; storage account names are global in Azure, so each needs its own name` });
      }
    });
    return out;
  }),
  rule('NAME-7', Severity.ERROR, 'Computer names are unique in the AD domain', `${AD_NAMING}; Active Directory computer accounts`, (m) => {
    const out: Violation[] = [];
    m.servers.forEach((s, i) => {
      const first = m.servers.findIndex((o) => o.computerName.toLowerCase() === s.computerName.toLowerCase());
      if (first < i) {
        out.push({ path: s.path, message: `computer name "${s.computerName}" is already the name of ${m.servers[first].path}; NetBIOS computer names are case-insensitive and unique in the AD domain ${m.adDomain} (two servers cannot join with one name); set another serverNamePrefix or pool FQDN label` });
      }
    });
    return out;
  }),
], {
  'NAME-1':
    "the provider refuses the VM's computer_name (at most 15 letters, digits and hyphens, not all digits, no trailing hyphen: internal/services/compute/validate/windows_computer_name.go), so the configuration cannot be applied",
  'NAME-2':
    "the FQDN's first label names the servers, whose computer_name the provider refuses (letters, digits and hyphens only), and Azure DNS refuses the record names",
  'NAME-5':
    "Azure refuses a resource name outside its type's length and characters at apply time",
  'NAME-6':
    'Azure refuses an invalid or already used storage account name at apply time',
  'NAME-7':
    'two VMs with one computer name cannot both join the AD domain, and in one site they are one Azure resource name twice, which apply refuses',
});
