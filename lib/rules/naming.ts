/** Names (NAME-*): computer names, FQDN syntax, AD domain, uniqueness, Azure resource name limits. */
import { Severity } from '../enums';
import { azureNameProblem, storageAccountNameProblem } from '../model/azure-names';
import { allFqdns, NamedFqdn, ownerUnits } from '../model/queries';
import { AzureNameModel, ServerModel, TopologyModel } from '../model/topology';
import { alsoReports, rule, Violation, withUnacknowledgeable } from './rule';
import { planIndex } from '../model/memo';

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

/** What NAME-4 reports, computed once per model; DNS-2 and DNS-3 read `clashed` to leave those names to it. */
interface FqdnClashes {
  readonly violations: Violation[];
  /** Lower-case FQDNs NAME-4 reports as used by two constructs. */
  readonly clashed: ReadonlySet<string>;
  /** Pools whose internal web FQDN equals their pool FQDN (NAME-4 reports it; DNS-3 leaves it). */
  readonly webEqualsPool: ReadonlySet<string>;
}

const clashCache = planIndex<FqdnClashes>('clashCache');

/**
 * NAME-4 in one pass: the first owner of each FQDN in a map; a later owner's reuse is grouped by the
 * pair of constructs (pool, back end, ...) the two names belong to, so two pools with one FQDN are one
 * finding listing the pool, web and server FQDNs they share, not one finding per name.
 */
export function fqdnClashes(m: TopologyModel): FqdnClashes {
  const cached = clashCache.get(m);
  if (cached) return cached;
  const all = allFqdns(m);
  const unitOf = ownerUnits(m);
  const first = new Map<string, NamedFqdn>();
  const groups = new Map<string, { e: NamedFqdn; other: NamedFqdn }[]>();
  const violations: Violation[] = [];
  const clashed = new Set<string>();
  const webEqualsPool = new Set<string>();
  for (const e of all) {
    const other = first.get(e.fqdn);
    if (!other) {
      first.set(e.fqdn, e);
      continue;
    }
    // A Standard Edition server's FQDN is its pool's FQDN: same owner, not a clash.
    const sameOwner = e.path === other.path || e.path.startsWith(other.path + '/') || other.path.startsWith(e.path + '/');
    if (!sameOwner) {
      clashed.add(e.fqdn);
      // Either way round: which of the two owns a name first depends on the order the model lists them in.
      const pair = [unitOf(e.path), unitOf(other.path)].sort().join('\n');
      const list = groups.get(pair);
      // One entry per group and violation, in the order of the first name that clashes.
      if (list) list.push({ e, other });
      else {
        const entry = [{ e, other }];
        groups.set(pair, entry);
        violations.push({ path: '', message: pair });
      }
    } else if (e.path === other.path && e.kind !== other.kind && !e.kind.includes('server')) {
      if (other.kind === 'pool FQDN' || e.kind === 'pool FQDN') webEqualsPool.add(e.path);
      violations.push({ path: e.path, message: `${e.kind} ${e.fqdn} equals the ${other.kind}; the internal and external web FQDNs must differ from the pool FQDN; choose another name` });
    }
  }
  const result = {
    violations: violations.map((v) => {
      if (v.path !== '') return v;
      const list = groups.get(v.message)!;
      if (list.length === 1) {
        const { e, other } = list[0];
        return { path: e.path, message: `${e.kind} ${e.fqdn} is already the ${other.kind} of ${other.path}; every pool, server and web services FQDN must be unique in the deployment; choose another name` };
      }
      const [unit, otherUnit] = [unitOf(list[0].e.path), unitOf(list[0].other.path)];
      const servers = list.filter((x) => x.e.kind === 'server FQDN');
      const named = [
        ...list.filter((x) => x.e.kind !== 'server FQDN').map((x) => `${x.e.kind} ${x.e.fqdn}`),
        ...(servers.length > 0 ? [`server FQDNs ${servers.map((x) => x.e.fqdn).join(', ')}`] : []),
      ];
      const follows = [
        ...(servers.length > 0 ? ['their servers\' computer names (NAME-7)'] : []),
        ...(list.some((x) => x.e.kind !== 'server FQDN') ? ['the shared DNS record sets, which now resolve to both (DNS-2, DNS-3)'] : []),
      ];
      return {
        path: unit,
        message: `${unit} reuses ${list.length} names of ${otherUnit}: ${named.join('; ')}; every pool, server and web services FQDN must be unique in the deployment${follows.length > 0 ? `, and the clash also breaks ${follows.join(' and ')}` : ''}; give ${unit} its own FQDN (its other names derive from it)`,
      };
    }),
    clashed,
    webEqualsPool,
  };
  clashCache.set(m, result);
  return result;
}

const inDomain = (fqdn: string, domain: string) => fqdn === domain || fqdn.endsWith('.' + domain);

/** The prop a name of allFqdns comes from, for messages. */
const PROP_OF_KIND: Readonly<Record<string, string>> = {
  'pool FQDN': 'fqdn', 'internal web FQDN': 'internalWebFqdn', 'Director pool FQDN': 'fqdn', 'Mediation pool FQDN': 'fqdn',
  'Persistent Chat pool FQDN': 'fqdn', 'Edge internal FQDN': 'internalFqdn',
};

/**
 * NAME-8: an internal name outside the AD domain and the SIP domain gets a private zone of its own
 * parent domain, linked to every site network, which hides that whole domain's public names there.
 * One finding per construct (a pool FQDN outside takes its derived web FQDN with it).
 */
function outsideDomainViolations(m: TopologyModel): Violation[] {
  const ad = m.adDomain.toLowerCase();
  const sip = m.sipDomain.toLowerCase();
  const byPath = new Map<string, NamedFqdn[]>();
  for (const n of allFqdns(m)) {
    if (!(n.kind in PROP_OF_KIND) || inDomain(n.fqdn, ad) || inDomain(n.fqdn, sip)) continue;
    byPath.set(n.path, [...(byPath.get(n.path) ?? []), n]);
  }
  return [...byPath.entries()].map(([path, names]) => {
    const zones = [...new Set(names.map((n) => n.fqdn.split('.').slice(1).join('.')))].sort();
    const given = names.map((n) => `${PROP_OF_KIND[n.kind]} "${n.fqdn}"`).join(', ');
    const label = names[0].fqdn.split('.')[0];
    return {
      path,
      message: `${given} ${names.length > 1 ? 'are' : 'is'} outside the AD domain ${ad} and the SIP domain ${sip}: the library would create the private DNS zone ${zones.join(', ')} linked to every site network, which hides every public name of that domain from the servers and internal clients; give an FQDN in ${ad} (e.g. "${label}.${ad}")`,
    };
  });
}

/** NAME-9: an Edge external FQDN in the AD domain: inside the networks the private AD zone answers for it with nothing. */
function externalInAdDomainViolations(m: TopologyModel): Violation[] {
  const ad = m.adDomain.toLowerCase();
  return m.edgePools.flatMap((e) => {
    const given = ([['accessEdgeFqdn', e.accessEdgeFqdn], ['webConferencingEdgeFqdn', e.webConferencingEdgeFqdn], ['audioVideoEdgeFqdn', e.audioVideoEdgeFqdn]] as const)
      .filter(([, fqdn]) => inDomain(fqdn.toLowerCase(), ad));
    if (given.length === 0) return [];
    return [{
      path: e.path,
      message: `${given.map(([prop, fqdn]) => `${prop} "${fqdn}"`).join(', ')} ${given.length > 1 ? 'are' : 'is'} in the AD domain ${ad}: external Edge names are public, yet inside the networks the private zone ${ad} answers for them and has no record, so servers and internal clients cannot resolve them (and publishing them needs a public zone of the AD domain); give the external FQDNs in the SIP domain, e.g. "${given[0][1].split('.')[0]}.${m.sipDomain}"`,
    }];
  });
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
  // One fact, one finding: a reused name is reported once per pair of constructs, with every name the
  // two share (a pool FQDN reused makes its web and server FQDNs clash too); DNS-4 and DIR-6 (web FQDNs)
  // are part of it, and NAME-7, DNS-2 and DNS-3 leave to it what follows from the clash.
  alsoReports(rule('NAME-4', Severity.ERROR, 'Pool, server and web FQDNs are unique across the deployment', 'Load balancing requirements for Skype for Business', (m) => fqdnClashes(m).violations), 'DNS-4', 'DIR-6'),
  rule('NAME-5', Severity.ERROR, 'Azure resource names are within their type\'s length and characters', AZURE_NAMING, (m) =>
    (m.azureNames ?? [])
      .filter((n) => n.type !== 'azurerm_storage_account')
      .flatMap((n) => {
        const problem = azureNameProblem(n.type, n.name);
        return problem
          ? [{ path: n.path, message: `${n.type} name "${n.name}" ${problem}; Azure rejects it at apply time; shorten the name or name prefix you gave (the names the library derives fit by construction, docs/naming.md)` }]
          : [];
      }),
  ),
  rule('NAME-6', Severity.ERROR, 'Storage account names are 3-24 lowercase letters and digits, unique in the deployment', AZURE_NAMING, (m) => {
    const accounts = (m.azureNames ?? []).filter((n) => n.type === 'azurerm_storage_account');
    const first = new Map<string, AzureNameModel>();
    const out: Violation[] = [];
    for (const n of accounts) {
      const problem = storageAccountNameProblem(n.name);
      if (problem) {
        out.push({ path: n.path, message: `storage account name "${n.name}" ${problem}; use 3-24 lowercase letters and digits (no hyphens), unique across Azure` });
      }
      const key = n.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier) {
        out.push({ path: n.path, message: `storage account name "${n.name}" is already used by ${earlier.path}; storage account names are global in Azure, so each needs its own name` });
      } else {
        first.set(key, n);
      }
    }
    return out;
  }),
  rule('NAME-7', Severity.ERROR, 'Computer names are unique in the AD domain', `${AD_NAMING}; Active Directory computer accounts`, (m) => {
    const unitOf = ownerUnits(m);
    const first = new Map<string, ServerModel>();
    const groups = new Map<string, { server: ServerModel; other: ServerModel }[]>();
    for (const s of m.servers) {
      const key = s.computerName.toLowerCase();
      const other = first.get(key);
      if (!other) {
        first.set(key, s);
        continue;
      }
      // Servers whose FQDNs clash too: NAME-4 reports the pair once, naming this.
      if (other.fqdn.toLowerCase() === s.fqdn.toLowerCase()) continue;
      const pair = [unitOf(s.path), unitOf(other.path)].sort().join('\n');
      const list = groups.get(pair);
      if (list) list.push({ server: s, other });
      else groups.set(pair, [{ server: s, other }]);
    }
    return [...groups.values()].map((list) => {
      if (list.length === 1) {
        const { server: s, other } = list[0];
        return { path: s.path, message: `computer name "${s.computerName}" is already the name of ${other.path}; NetBIOS computer names are case-insensitive and unique in the AD domain ${m.adDomain} (two servers cannot join with one name); set another serverNamePrefix or pool FQDN label` };
      }
      const [unit, otherUnit] = [unitOf(list[0].server.path), unitOf(list[0].other.path)];
      return { path: unit, message: `computer names ${list.map((x) => `"${x.server.computerName}"`).join(', ')} of ${unit} are already the names of servers of ${otherUnit}; NetBIOS computer names are case-insensitive and unique in the AD domain ${m.adDomain} (two servers cannot join with one name); set another serverNamePrefix or pool FQDN label` };
    });
  }),
  rule('NAME-8', Severity.ERROR, 'Internal pool FQDNs lie in the AD domain or the SIP domain', 'the library: a private DNS zone linked to a network answers every name of its domain there (Azure Private DNS, "What is a private Azure DNS zone?"); DNS requirements for Skype for Business Server', outsideDomainViolations),
  rule('NAME-9', Severity.ERROR, 'Edge external FQDNs lie outside the AD domain', 'DNS requirements for Skype for Business Server (external Edge records in the external DNS zone); Plan for Edge Server deployments in Skype for Business Server', externalInAdDomainViolations),
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
