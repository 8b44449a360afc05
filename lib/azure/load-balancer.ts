/** A Standard internal load balancer in front of a group of servers. */
import { Construct } from 'constructs';
import { Lb, LbBackendAddressPool, LbProbe, LbRule, NetworkInterfaceBackendAddressPoolAssociation } from '../azurerm';
import { LoadBalancerModel, LoadBalancerRuleModel } from '../model/topology';
import { SubnetRole } from '../model/network';
import { SitePlacement } from './placement';
import { Server } from './servers';

export interface InternalLoadBalancerProps {
  readonly site: SitePlacement;
  readonly name: string;
  readonly subnet: SubnetRole;
  readonly purpose: LoadBalancerModel['purpose'];
  /** Name that resolves to the frontend address, for the model. */
  readonly fqdn?: string;
  readonly probe: { readonly protocol: 'Tcp'; readonly port: number };
  readonly rules: readonly LoadBalancerRuleModel[];
  readonly members: readonly Server[];
  /** Frontend address. @default the next address from the top of the parent construct's block in `subnet` */
  readonly privateIp?: string;
}

export class InternalLoadBalancer extends Construct {
  readonly lb: Lb;
  readonly privateIp: string;
  readonly model: LoadBalancerModel;

  constructor(scope: Construct, id: string, props: InternalLoadBalancerProps) {
    super(scope, id);
    const site = props.site;
    this.privateIp = props.privateIp ?? site._addressBlock(props.subnet, scope.node.path).top();
    const zones = site.availabilityZones;
    this.lb = new Lb(this, 'lb', {
      name: props.name,
      location: site.location,
      resourceGroupName: site.resourceGroupName,
      sku: 'Standard',
      frontendIpConfiguration: [
        {
          name: 'frontend',
          subnetId: site._subnetId(props.subnet),
          privateIpAddressAllocation: 'Static',
          privateIpAddress: this.privateIp,
          ...(zones.length > 0 ? { zones: [...zones] } : {}),
        },
      ],
    });
    const lbId = this.lb.id;
    const pool = new LbBackendAddressPool(this, 'backend-pool', { name: 'members', loadbalancerId: lbId });
    const poolId = pool.id;
    props.members.forEach((m, i) => {
      new NetworkInterfaceBackendAddressPoolAssociation(this, `member${i + 1}`, {
        networkInterfaceId: m.nics[0].id,
        ipConfigurationName: 'primary',
        backendAddressPoolId: poolId,
      });
    });
    const probe = new LbProbe(this, 'probe', {
      name: `probe-${props.probe.port}`,
      loadbalancerId: lbId,
      protocol: props.probe.protocol,
      port: props.probe.port,
      intervalInSeconds: 5,
      numberOfProbes: 2,
    });
    const probeId = probe.id;
    for (const r of props.rules) {
      new LbRule(this, r.name, {
        name: r.name,
        loadbalancerId: lbId,
        frontendIpConfigurationName: 'frontend',
        protocol: r.protocol,
        frontendPort: r.frontendPort,
        backendPort: r.backendPort,
        backendAddressPoolIds: [poolId],
        probeId,
        floatingIpEnabled: r.floatingIp,
        idleTimeoutInMinutes: r.idleTimeoutMinutes,
        loadDistribution: r.loadDistribution,
        tcpResetEnabled: r.protocol !== 'Udp',
      });
    }
    this.model = {
      path: this.node.path,
      fqdn: props.fqdn,
      privateIp: this.privateIp,
      sku: 'Standard',
      purpose: props.purpose,
      probe: { ...props.probe },
      rules: props.rules.map((r) => ({ ...r })),
    };
  }
}
