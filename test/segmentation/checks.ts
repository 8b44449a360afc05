/**
 * Segmentation checks over a synthesized configuration: both sides, computed by the JSON evaluator.
 * Shared by the reference test and the property test.
 */
import { DOCUMENTED_FLOWS } from '../../lib/model/documented-flows';
import { admittingFlow } from '../../lib/model/flows';
import { TopologyModel } from '../../lib/model/topology';
import { documentedConnections, ExpectedConnection, inPorts, Outside, probePorts } from './documented-connections';
import { NsgEvaluator } from './nsg-evaluator';

type Json = any;

/** A client network connected to the sites (part of their VirtualNetwork tag), and an Internet address. */
export const CONNECTED = ['192.168.50.0/24'];
export const OUTSIDE: Outside = { client: '192.168.50.10', internet: '203.0.113.10' };

/** Ports no documented flow opens between servers and that must stay shut: admin, SQL, SMB, RPC. */
export const SENSITIVE_PORTS = [22, 135, 445, 1433, 1434, 3389, 5022, 5985, 5986];

/** Every port a documented flow names (both ends of ranges), and the sensitive ones. */
export const PROBE_PORTS = [...new Set([...probePorts(DOCUMENTED_FLOWS.flatMap((f) => f.ports)), ...SENSITIVE_PORTS])].sort((a, b) => a - b);

export interface Segmentation {
  readonly evaluator: NsgEvaluator;
  readonly expected: readonly ExpectedConnection[];
  /** Every private address of every server NIC (the three service addresses of an Edge external NIC). */
  readonly addresses: readonly string[];
}

export function segmentation(model: TopologyModel, json: Json): Segmentation {
  const evaluator = new NsgEvaluator(json, CONNECTED);
  const expected = documentedConnections(model, json, OUTSIDE);
  const nics = Object.values<Json>(json.resource.azurerm_network_interface ?? {});
  const addresses = [...new Set(nics.flatMap((n) => n.ip_configuration.map((c: Json) => c.private_ip_address as string)))];
  return { evaluator, expected, addresses };
}

/** Documented connections the NSGs deny: `key source -> destination proto/port (rule)`. */
export function deniedDocumented(s: Segmentation, sample: (e: ExpectedConnection, i: number) => boolean = () => true): string[] {
  const out: string[] = [];
  s.expected.forEach((e, i) => {
    if (!sample(e, i)) return;
    for (const port of probePorts(e.ports)) {
      const d = s.evaluator.decide({ sourceIp: e.sourceIp, destinationIp: e.destinationIp, protocol: e.protocol, port });
      if (d?.access !== 'Allow') out.push(`${e.key}: ${e.sourceIp} -> ${e.destinationIp} ${e.protocol}/${port} denied by ${d?.rule ?? 'no subnet'}`);
    }
  });
  return out;
}

/**
 * Connections between the given sources and the servers' addresses, on every probe port, that the
 * NSGs allow but no documented connection explains.
 */
export function undocumentedAllowed(s: Segmentation, sources: readonly string[], destinations: readonly string[] = s.addresses, ports: readonly number[] = PROBE_PORTS): string[] {
  const byPair = new Map<string, ExpectedConnection[]>();
  for (const e of s.expected) {
    const k = `${e.sourceIp}|${e.destinationIp}`;
    byPair.set(k, [...(byPair.get(k) ?? []), e]);
  }
  const out: string[] = [];
  for (const src of sources) {
    for (const dst of destinations) {
      if (src === dst) continue;
      const known = byPair.get(`${src}|${dst}`) ?? [];
      for (const protocol of ['Tcp', 'Udp'] as const) {
        for (const port of ports) {
          const d = s.evaluator.decide({ sourceIp: src, destinationIp: dst, protocol, port });
          if (d?.access !== 'Allow') continue;
          if (known.some((e) => e.protocol === protocol && inPorts(e.ports, port))) continue;
          out.push(`${src} -> ${dst} ${protocol}/${port} allowed by ${d.rule} (${d.priority}), documented by no flow`);
        }
      }
    }
  }
  return out;
}

/** Connections where the model's reachability (lib/model/flows.ts) and the JSON's differ. */
export function modelDisagreements(model: TopologyModel, s: Segmentation, sources: readonly string[], destinations: readonly string[], ports: readonly number[]): string[] {
  const out: string[] = [];
  for (const src of sources) {
    for (const dst of destinations) {
      if (src === dst) continue;
      for (const protocol of ['Tcp', 'Udp'] as const) {
        for (const port of ports) {
          const c = { sourceIp: src, destinationIp: dst, protocol, port };
          const json = s.evaluator.allows(c);
          const modelSays = admittingFlow(model, c) !== undefined;
          if (json !== modelSays) out.push(`${src} -> ${dst} ${protocol}/${port}: JSON ${json ? 'allows' : 'denies'}, the model ${modelSays ? 'admits' : 'denies'}`);
        }
      }
    }
  }
  return out;
}
