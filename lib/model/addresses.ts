/** IPv4 address arithmetic for rules that check placement (DIR-3, MED-3): pure functions. */

function toInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  return m.slice(1).reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** Whether an IPv4 address lies inside a CIDR; false when either is malformed. */
export function addressInCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const a = toInt(ip);
  const b = toInt(base);
  const prefix = Number(bits);
  if (a === undefined || b === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(a / size) === Math.floor(b / size);
}
