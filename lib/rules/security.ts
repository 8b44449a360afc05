/** Security baseline (SEC-*): no literal secrets, no Internet admin ports, public IPs only on Edge. */
import { Severity } from '../enums';
import { ServerRole } from '../model/topology';
import { rule } from './rule';

export const ADMIN_PORTS = [22, 3389, 5985, 5986];

export function portCovers(range: string, port: number): boolean {
  if (range === '*') return true;
  const [lo, hi] = range.split('-').map(Number);
  return port >= lo && port <= (hi ?? lo);
}

export const SECURITY_RULES = [
  rule('SEC-1', Severity.ERROR, 'No literal secrets in the configuration', 'security baseline', (m) =>
    m.credentials
      .filter((c) => c.source === 'literal')
      .map((c) => ({ path: c.path, message: `credential ${c.name} is written into the configuration as a literal; take it from a sensitive Terraform variable or a Key Vault reference` })),
  ),
  rule('SEC-2', Severity.ERROR, 'No RDP, WinRM or SSH from the Internet', 'security baseline', (m) =>
    m.flows
      .filter((f) => f.direction === 'Inbound' && (f.source === 'Internet' || f.sourcePrefixes.some((p) => p === '*' || p === '0.0.0.0/0' || p === 'Internet')))
      .flatMap((f) => {
        const open = ADMIN_PORTS.filter((p) => f.ports.some((r) => portCovers(r, p)));
        return open.length === 0
          ? []
          : [{ path: f.path, message: `flow ${f.name} allows port(s) ${open.join(', ')} from the Internet; administer through Azure Bastion or a private path and remove the rule` }];
      }),
  ),
  rule('SEC-3', Severity.ERROR, 'Only Edge external interfaces get public IP addresses', 'Edge Server environmental requirements (perimeter network)', (m) =>
    m.servers.flatMap((s) =>
      s.nics
        .filter((n, i) => n.publicIps > 0 && !(s.role === ServerRole.EDGE && n.subnet === 'perimeter' && i === 0))
        .map((n) => ({ path: s.path, message: `${s.role} server ${s.computerName} has ${n.publicIps} public IP(s) on its ${n.subnet} NIC; only Edge external NICs may have public addresses; remove them` })),
    ),
  ),
];
