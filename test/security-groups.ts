/**
 * What an application security group stands for in synthesized JSON: every private address of the
 * NICs associated with it (`azurerm_network_interface_application_security_group_association`).
 */
type Json = any;

const keyOf = (ref: string): string | undefined => /^\$\{[a-z_]+\.([^.}]+)\.id\}$/.exec(ref)?.[1];
const int = (p: string) => p.split('/')[0].split('.').reduce((acc, o) => acc * 256 + Number(o), 0);

/** The `/32` addresses of the groups `refs` (`${azurerm_application_security_group.<key>.id}`), in address order. */
export function groupAddresses(json: Json, refs: readonly string[]): string[] {
  const wanted = new Set(refs.map(keyOf));
  const nics = json.resource?.azurerm_network_interface ?? {};
  const out = Object.values<Json>(json.resource?.azurerm_network_interface_application_security_group_association ?? {})
    .filter((a) => wanted.has(keyOf(a.application_security_group_id)))
    .flatMap((a) => (nics[keyOf(a.network_interface_id)!]?.ip_configuration ?? []).map((c: Json) => `${c.private_ip_address}/32`));
  return [...new Set<string>(out)].sort((a, b) => int(a) - int(b));
}

/** A rule's sources (or destinations) as addresses: its prefixes, or what its groups stand for. */
export function ruleSide(json: Json, rule: Json, side: 'source' | 'destination'): string[] {
  const groups = rule[`${side}_application_security_group_ids`];
  if (groups) return groupAddresses(json, groups);
  return rule[`${side}_address_prefixes`] ?? (rule[`${side}_address_prefix`] !== undefined ? [rule[`${side}_address_prefix`]] : []);
}
