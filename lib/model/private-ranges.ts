/**
 * Address ranges a site's virtual network may use: the private ranges of RFC 1918 and the shared
 * address space of RFC 6598 (100.64.0.0/10), as Azure's "Plan virtual networks" page recommends.
 * A public range (8.8.0.0/16) in a virtual network hides those Internet addresses from every VM of
 * the site, so the library refuses it. Pure data and functions.
 */

export interface PrivateRange {
  readonly cidr: string;
  readonly source: string;
}

export const PRIVATE_RANGES: readonly PrivateRange[] = [
  { cidr: '10.0.0.0/8', source: 'RFC 1918' },
  { cidr: '172.16.0.0/12', source: 'RFC 1918' },
  { cidr: '192.168.0.0/16', source: 'RFC 1918' },
  { cidr: '100.64.0.0/10', source: 'RFC 6598 (shared address space)' },
];

function parse(cidr: string): { base: number; prefix: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  return { base: octets.reduce((a, o) => a * 256 + o, 0), prefix };
}

/** Whether a whole IPv4 CIDR lies inside one of the private ranges. */
export function isPrivateCidr(cidr: string): boolean {
  const c = parse(cidr);
  if (!c) return false;
  return PRIVATE_RANGES.some((r) => {
    const p = parse(r.cidr)!;
    if (c.prefix < p.prefix) return false;
    const size = 2 ** (32 - p.prefix);
    return Math.floor(c.base / size) === Math.floor(p.base / size);
  });
}
