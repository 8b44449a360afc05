/**
 * EDGE-20: Edge Servers live in the perimeter network, outside the internal domain, behind two
 * firewalls. Checked on what the NSGs enforce (lib/model/flows.ts: priority order, denies, Azure's
 * defaults): the Edge external interface reaches no internal server and no internal server reaches it
 * (the external firewall), the Edge servers have their internal NIC in their own subnet (the internal
 * firewall, EDGE-12), and no Edge server is joined to the deployment's domain.
 */
import { Severity } from '../enums';
import { anyAdmittingFlowFrom, anyAdmittingFlowTo, nothingPasses, Range, subnetRangeOf } from '../model/flows';
import { ipToInt, SubnetRole } from '../model/network';
import { ROLE_PROFILES } from '../model/roles';
import { FlowModel, ServerModel, TopologyModel } from '../model/topology';
import { rule, Violation } from './rule';

const EDGE_SYSTEM = 'Edge Server system requirements in Skype for Business Server (perimeter network, two firewalls, not domain-joined)';

/** What passes (the first rule that admits any port), described. */
function described(flow: FlowModel | undefined): string | undefined {
  return flow ? `${flow.protocol === '*' ? 'any protocol' : flow.protocol.toUpperCase()} ${flow.ports.join(', ')} (rule ${flow.name})` : undefined;
}

function perimeterViolations(m: TopologyModel): Violation[] {
  const internal = m.servers.filter((s) => !ROLE_PROFILES[s.role].subnets.includes(SubnetRole.PERIMETER)).map((s) => ({ server: s, ip: s.nics[0]?.privateIp })).filter((x): x is { server: ServerModel; ip: string } => !!x.ip);
  // Internal servers by subnet: a subnet the NSGs provably close to an interface is skipped whole, so
  // the rule costs Edge interfaces x subnets plus the pairs in subnets that might be open.
  const bySubnet = new Map<string, { range: Range; members: typeof internal }>();
  for (const x of internal) {
    const range = subnetRangeOf(m, x.ip);
    if (!range) continue;
    const key = range.join('-');
    const group = bySubnet.get(key) ?? { range, members: [] };
    group.members.push(x);
    bySubnet.set(key, group);
  }
  const joined = new Set(m.labEnvironment?.domainJoinedPaths ?? []);
  const out: Violation[] = [];
  for (const e of m.edgePools) {
    for (const s of e.servers) {
      if (joined.has(s.path)) {
        out.push({ path: e.path, message: `Edge server ${s.computerName} is joined to the deployment's domain; Edge Servers belong in a workgroup or a separate perimeter domain; leave it out of the domain join` });
      }
      const external = s.nics.find((n) => n.subnet === 'perimeter')?.privateIp;
      if (!external) continue;
      const at = ipToInt(external);
      const self: Range = [at, at + 1];
      const from = anyAdmittingFlowFrom(m, external);
      const to = anyAdmittingFlowTo(m, external);
      for (const { range, members } of bySubnet.values()) {
        const outwardClosed = nothingPasses(m, self, range);
        const inwardClosed = nothingPasses(m, range, self);
        if (outwardClosed && inwardClosed) continue;
        for (const { server, ip } of members) {
          const outward = outwardClosed ? undefined : described(from(ip));
          if (outward) {
            out.push({ path: e.path, message: `the external interface of Edge server ${s.computerName} (${external}) reaches ${server.role} server ${server.computerName} (${ip}) on ${outward}; the perimeter must reach no internal server; remove the rule or narrow its source` });
          }
          const inward = inwardClosed ? undefined : described(to(ip));
          if (inward) {
            out.push({ path: e.path, message: `${server.role} server ${server.computerName} (${ip}) reaches the external interface of Edge server ${s.computerName} (${external}) on ${inward}; only the Internet may reach the external interface; remove the rule or narrow its source` });
          }
        }
      }
    }
  }
  return out;
}

export const EDGE_PERIMETER_RULE = rule('EDGE-20', Severity.WARNING, 'Edge servers sit in a perimeter network that reaches no internal server, outside the domain', EDGE_SYSTEM, perimeterViolations);
