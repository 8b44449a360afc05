/** Load-balancer rules for Lync/SfB web services (DNS-10, AZURE-4), shared by pools that publish web services. */
import { LoadBalancerRuleModel } from '../model/topology';

function tcpRule(port: number, distribution: LoadBalancerRuleModel['loadDistribution']): LoadBalancerRuleModel {
  return {
    name: `tcp-${port}`,
    protocol: 'Tcp',
    frontendPort: port,
    backendPort: port,
    floatingIp: false,
    idleTimeoutMinutes: 30,
    loadDistribution: distribution,
  };
}

/**
 * Internal web traffic (80, 443) with source-address affinity, the reverse proxy's ports (8080, 4443)
 * without, a 30-minute idle timeout; `hardwarePorts` are the extra ports of a pool whose SIP is
 * hardware load balanced too (balanced with source affinity).
 */
export function webServiceRules(hardwarePorts: readonly number[] = []): LoadBalancerRuleModel[] {
  return [
    tcpRule(80, 'SourceIP'),
    tcpRule(443, 'SourceIP'),
    tcpRule(8080, 'Default'),
    tcpRule(4443, 'Default'),
    ...hardwarePorts.map((p) => tcpRule(p, 'SourceIP')),
  ];
}

/** One TCP rule without affinity (SIP on a hardware-load-balanced Mediation pool). */
export function tcpBalancingRule(port: number): LoadBalancerRuleModel {
  return tcpRule(port, 'Default');
}

/** A TCP rule that keeps a client on one member (source-IP affinity), for stateful web farms. */
export function affinityTcpRule(port: number): LoadBalancerRuleModel {
  return tcpRule(port, 'SourceIP');
}
