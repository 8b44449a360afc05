/** Security baseline (SEC-*): no literal secrets, no Internet admin ports, public IPs only on Edge. */
import { Severity } from '../enums';
import { rule, RuleStatus, RuleStatusKind, status } from './rule';

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
];

// SEC-3 only re-checked what the building blocks hard-code: it is checked on the rendered public IPs
// instead (publicIpsOnlyOnEdge in test/invariants.ts).
export const SECURITY_STATUS: RuleStatus[] = [
  status('SEC-3', RuleStatusKind.BY_CONSTRUCTION, 'Only EdgePool asks the server building block (lib/azure/servers.ts) for public IPs, on its first NIC in the perimeter subnet; every other construct gives its servers private NICs only, and no prop adds a public IP (a lab\'s Azure Bastion host has its own). Checked on the rendered public IPs and NICs.'),
];
