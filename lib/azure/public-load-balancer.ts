/**
 * A Standard public load balancer in front of a group of servers (a reverse proxy's Windows servers):
 * a zone-redundant static public IP, TCP rules that keep their port, a TCP probe. Provider constraints,
 * hashicorp/terraform-provider-azurerm `internal/services/loadbalancer/loadbalancer_resource.go` (a
 * frontend names a public IP or a subnet, not both) and `rule_resource.go` (`frontend_port` and
 * `backend_port` 0 to 65535, `idle_timeout_in_minutes` 4 to 100).
 */
import { Construct } from 'constructs';
import { Lb, LbBackendAddressPool, LbProbe, LbRule, NetworkInterfaceBackendAddressPoolAssociation, PublicIp } from '../azurerm';
import { SitePlacement } from './placement';
import { Server } from './servers';

export interface PublicLoadBalancerProps {
  readonly site: SitePlacement;
  readonly name: string;
  readonly publicIp: PublicIp;
  /** TCP ports balanced to the same port on the members. */
  readonly ports: readonly number[];
  readonly probePort: number;
  readonly members: readonly Server[];
}

export class PublicLoadBalancer extends Construct {
  readonly lb: Lb;

  constructor(scope: Construct, id: string, props: PublicLoadBalancerProps) {
    super(scope, id);
    const site = props.site;
    this.lb = new Lb(this, 'lb', {
      name: props.name,
      location: site.location,
      resourceGroupName: site.resourceGroupName,
      sku: 'Standard',
      frontendIpConfiguration: [{ name: 'public', publicIpAddressId: props.publicIp.id }],
    });
    const lbId = this.lb.id;
    const poolId = new LbBackendAddressPool(this, 'backend-pool', { name: 'members', loadbalancerId: lbId }).id;
    props.members.forEach((m, i) => {
      new NetworkInterfaceBackendAddressPoolAssociation(this, `member${i + 1}`, { networkInterfaceId: m.nics[0].id, ipConfigurationName: 'primary', backendAddressPoolId: poolId });
    });
    const probeId = new LbProbe(this, 'probe', { name: `probe-${props.probePort}`, loadbalancerId: lbId, protocol: 'Tcp', port: props.probePort, intervalInSeconds: 5, numberOfProbes: 2 }).id;
    for (const port of props.ports) {
      new LbRule(this, `tcp-${port}`, {
        name: `tcp-${port}`,
        loadbalancerId: lbId,
        frontendIpConfigurationName: 'public',
        protocol: 'Tcp',
        frontendPort: port,
        backendPort: port,
        backendAddressPoolIds: [poolId],
        probeId,
        // Long polls of the web clients (UCWA, mobility) outlive the 4-minute default.
        idleTimeoutInMinutes: 30,
        loadDistribution: 'SourceIP',
        tcpResetEnabled: true,
      });
    }
  }
}
