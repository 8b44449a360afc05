import { Construct } from 'constructs';
import { PublicIp, UserAssignedIdentity, WebApplicationFirewallPolicy } from '../azurerm';
import { renderApplicationGateway } from '../azure/application-gateway';
import { PublicLoadBalancer } from '../azure/public-load-balancer';
import { ServerGroup } from '../azure/servers';
import { ReverseProxyKind, WindowsServerVersion } from '../enums';
import { reverseProxyNames, siteResourceGroupName } from '../model/names';
import { SubnetRole } from '../model/network';
import { APPLICATION_GATEWAY } from '../model/provider-constraints';
import { ProxiedFarm, ProxiedWebPool, publishedNames } from '../model/reverse-proxy';
import { planSimpleUrls } from '../model/simple-urls';
import { PublishedNameModel, ServerRole, TopologyModel } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SfbDeployment } from './deployment';
import { DirectorPool } from './director-pool';
import { forVersion } from './flow-sources';
import { FrontEndPool } from './front-end-pool';
import { ModelParts } from './model-builder';
import { OfficeOnlineServerFarm } from './office-online-server-farm';
import { CentralSite } from './site';
import { simpleUrlPlanFromMembers } from './simple-urls';
import { optionalBoolean, optionalNamePrefix, optionalVmSize, rejectUnknownProps, requireServerCount, requireEnum, requireString } from './validate-input';

export interface ReverseProxyProps {
  /** Application Gateway v2, or Windows Server VMs (IIS ARR) behind a Standard public load balancer. @default ReverseProxyKind.APPLICATION_GATEWAY */
  readonly kind?: ReverseProxyKind;
  /**
   * Application Gateway only, and required there: the Key Vault secret ID of the public certificate
   * (PFX) the listeners present, `https://<vault>.vault.azure.net/secrets/<name>[/<version>]`; its
   * SANs are every published name (certificates.md). The gateway reads it through its user-assigned
   * identity (`id-<deployment>-<site>-<id>-agw`): grant that identity "Key Vault Secrets User" on the
   * vault (or a get-secret access policy) before apply.
   * @default none - required for an Application Gateway (the construct throws without it), refused for Windows servers, which hold the certificate themselves
   */
  readonly certificateSecretId?: string;
  /**
   * Application Gateway only: the Key Vault secret ID of your internal CA's root certificate, which
   * the gateway trusts for the pools' external web certificates (4443) when they come from that CA.
   * @default none - the next hops' certificates must chain to a CA Application Gateway trusts already
   */
  readonly trustedRootCertificateSecretId?: string;
  /**
   * Application Gateway only: the WAF_v2 SKU with a Web Application Firewall policy (OWASP 3.2) in
   * Detection mode, which logs and blocks nothing: Prevention would block legitimate web-service
   * requests of the clients until the rules are tuned to them; switch the policy after reviewing its log.
   * @default false - Standard_v2, no WAF
   */
  readonly wafEnabled?: boolean;
  /** Windows servers only: how many (IIS ARR), spread over the site's zones. @default 2 */
  readonly servers?: number;
  /** Windows servers only: VM size. @default Standard_D2s_v5; in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Windows servers only: Windows Server version. @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** Windows servers only: computer-name prefix, servers are `<prefix>-<n>`. @default `<site>-rp` (docs/naming.md) */
  readonly serverNamePrefix?: string;
  /**
   * Windows servers only: pins the construct's address block in the proxy subnet (0 = its first 32 addresses).
   * @default - the block the construct's key names (docs/address-plan.md)
   */
  readonly addressBlock?: number;
}

const KNOWN_PROPS = ['kind', 'certificateSecretId', 'trustedRootCertificateSecretId', 'wafEnabled', 'servers', 'vmSize', 'operatingSystem', 'serverNamePrefix', 'addressBlock'];
const GATEWAY_ONLY = ['certificateSecretId', 'trustedRootCertificateSecretId', 'wafEnabled'] as const;
const WINDOWS_ONLY = ['servers', 'vmSize', 'operatingSystem', 'serverNamePrefix', 'addressBlock'] as const;


/** Application Gateway v2 infrastructure ports the gateway's subnet must admit (Application Gateway infrastructure configuration). */
const GATEWAY_MANAGER_PORTS = '65200-65535';
const APPGW_INFRASTRUCTURE = 'MicrosoftDocs/azure-docs: articles/application-gateway/configuration-infrastructure.md (v2: inbound from GatewayManager to Any on 65200-65535, and from AzureLoadBalancer)';

/**
 * A site's reverse proxy (TOPO-3): publishes the external web services of the site's Front End and
 * Director pools, the shared external names (Meet, Dial-in, `lyncdiscover`) and the external FQDN of
 * the site's Office Online Server farms, on a public IP the published names resolve to, bridging
 * 443 to 4443 and 80 to 8080 on the next hop with the Host header unchanged. One per site.
 */
export class ReverseProxy extends Construct {
  readonly site: CentralSite;
  readonly deployment: SfbDeployment;
  readonly kind: ReverseProxyKind;
  readonly wafEnabled: boolean;
  /** The public IP the published names resolve to. @internal */
  readonly _publicIp: PublicIp;
  /** The Windows servers; undefined for an Application Gateway. @internal */
  readonly _servers?: ServerGroup;
  private readonly names: ReturnType<typeof reverseProxyNames>;
  private readonly gateway?: { readonly identity: UserAssignedIdentity; readonly policy?: WebApplicationFirewallPolicy; readonly certificateSecretId: string; readonly trustedRoot?: string };
  private rendered = false;

  constructor(scope: CentralSite, id: string, props: ReverseProxyProps) {
    super(scope, id);
    rejectUnknownProps(this, 'ReverseProxy', props, KNOWN_PROPS);
    if (!(scope instanceof CentralSite)) throw new Error(`ReverseProxy ${this.node.path}: scope must be a CentralSite`);
    const deployment = SfbDeployment._of(this, 'ReverseProxy');
    const other = deployment._members.all.find((m) => m instanceof ReverseProxy && m.site === scope);
    if (other) throw new Error(`ReverseProxy ${this.node.path}: site ${scope.node.id} already has reverse proxy ${other.node.path}; a site publishes its names through one proxy (scale it with servers or autoscaling instead)`);
    this.site = scope;
    this.deployment = deployment;
    this.kind = requireEnum(this, 'ReverseProxy', 'kind', props.kind ?? ReverseProxyKind.APPLICATION_GATEWAY, ReverseProxyKind, 'ReverseProxyKind');
    const gatewayKind = this.kind === ReverseProxyKind.APPLICATION_GATEWAY;
    for (const prop of gatewayKind ? WINDOWS_ONLY : GATEWAY_ONLY) {
      if (props[prop] !== undefined) {
        throw new Error(`ReverseProxy ${this.node.path}: ${prop} ${JSON.stringify(props[prop])} applies to kind ${gatewayKind ? ReverseProxyKind.WINDOWS_SERVERS : ReverseProxyKind.APPLICATION_GATEWAY} only, and this proxy is ${this.kind}; remove it or change kind`);
      }
    }
    this.wafEnabled = optionalBoolean(this, 'ReverseProxy', 'wafEnabled', props.wafEnabled, false);
    this.names = reverseProxyNames(deployment.name, scope.node.id, id);
    // Created on first use, so sites without a proxy keep their resources (docs/address-plan.md).
    scope._subnet(SubnetRole.REVERSE_PROXY);
    const zones = scope.availabilityZones;
    this._publicIp = new PublicIp(this, 'public-ip', {
      name: this.names.publicIp,
      location: scope.location,
      resourceGroupName: scope.resourceGroupName,
      allocationMethod: 'Static',
      sku: 'Standard',
      // Zone-redundant: the address survives a zone, like the gateway or the servers behind it.
      ...(zones.length > 0 ? { zones: [...zones] } : {}),
    });

    if (gatewayKind) {
      const secret = (prop: 'certificateSecretId' | 'trustedRootCertificateSecretId', required: boolean) => {
        const value = props[prop];
        if (value === undefined && !required) return undefined;
        if (value === undefined) throw new Error(`ReverseProxy ${this.node.path}: certificateSecretId is missing; an Application Gateway needs the Key Vault secret ID of its public certificate, e.g. "https://kv-contoso.vault.azure.net/secrets/sfb-external"`);
        return requireString(this, 'ReverseProxy', prop, value, 'a Key Vault secret ID https://<vault>.vault.azure.net/secrets/<name>[/<32-character version>]', APPLICATION_GATEWAY.keyVaultSecretId);
      };
      const certificateSecretId = secret('certificateSecretId', true)!;
      const trustedRoot = secret('trustedRootCertificateSecretId', false);
      const identity = new UserAssignedIdentity(this, 'identity', { name: this.names.identity, location: scope.location, resourceGroupName: scope.resourceGroupName });
      const policy = this.wafEnabled
        ? new WebApplicationFirewallPolicy(this, 'waf-policy', {
            name: this.names.wafPolicy,
            location: scope.location,
            resourceGroupName: scope.resourceGroupName,
            policySettings: { enabled: true, mode: 'Detection', requestBodyCheck: true },
            managedRules: { managedRuleSet: [{ type: 'OWASP', version: '3.2' }] },
          })
        : undefined;
      this.gateway = { identity, policy, certificateSecretId, ...(trustedRoot ? { trustedRoot } : {}) };
    } else {
      deployment._pinAddressBlock(this, 'ReverseProxy', props.addressBlock);
      const role = ServerRole.REVERSE_PROXY;
      const count = requireServerCount(this, role, 'ReverseProxy', 'servers', props.servers);
      this._servers = new ServerGroup(this, 'servers', {
        site: scope,
        role,
        ...scope._serverNaming('rp', undefined, optionalNamePrefix(this, 'ReverseProxy', props.serverNamePrefix)),
        count,
        vmSize: optionalVmSize(this, 'ReverseProxy', props.vmSize) ?? deployment._defaultVmSize(role, recommendedVmSize(deployment.productVersion, role)),
        os: requireEnum(this, 'ReverseProxy', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(deployment.productVersion), WindowsServerVersion, 'WindowsServerVersion'),
        nics: [{ subnet: SubnetRole.REVERSE_PROXY }],
      });
      new PublicLoadBalancer(this, 'load-balancer', { site: scope, name: this.names.loadBalancer, publicIp: this._publicIp, ports: [443, 80], probePort: 443, members: this._servers.servers });
    }
    this.allowTraffic();
    this.publishDns();
    deployment._register(this);
  }

  /** The site's web pools and farms as the proxy forwards to them, and what it publishes. */
  private publishedNow(): PublishedNameModel[] {
    const d = this.deployment;
    const pools: ProxiedWebPool[] = [];
    const farms: ProxiedFarm[] = [];
    for (const m of d._members.all) {
      if (m instanceof FrontEndPool && m.site === this.site) {
        const address = m._webLoadBalancer?.privateIp ?? m._servers.servers[0].privateIp;
        pools.push({ path: m.node.path, kind: 'Front End pool', externalWebFqdn: m.externalWebFqdn, address });
      } else if (m instanceof DirectorPool && m.site === this.site) {
        pools.push({ path: m.node.path, kind: 'Director pool', externalWebFqdn: m.externalWebFqdn, address: m._webLoadBalancer.privateIp });
      } else if (OfficeOnlineServerFarm.isOfficeOnlineServerFarm(m) && m.site === this.site) {
        farms.push({ path: m.node.path, fqdn: m.fqdn, externalFqdn: m.externalFqdn, address: m._loadBalancer?.privateIp ?? m._servers.servers[0].privateIp });
      }
    }
    const shared = planSimpleUrls({ deploymentName: d.name, sipDomain: d.sipDomain, settings: d._simpleUrls, pools: [], pairs: [] }).externalNames;
    return publishedNames(pools, farms, shared);
  }

  /** Internet 443/80 into the proxy, the proxy into the site's pools (4443/8080) and farms (443); Azure's own needs for a gateway. */
  private allowTraffic(): void {
    const d = this.deployment;
    const site = this.site;
    const self = site._subnetPrefix(SubnetRole.REVERSE_PROXY);
    const fw = site._firewall(SubnetRole.REVERSE_PROXY);
    const owner = this.node.path;
    const destination = `${site.node.id} reverse proxy subnet`;
    fw.allow({ name: 'rp-from-internet-https', ownerPath: owner, source: 'Internet', sourcePrefixes: ['Internet'], destination, flows: ['internet-to-rp-https'] });
    fw.allow({ name: 'rp-from-internet-http', ownerPath: owner, source: 'Internet', sourcePrefixes: ['Internet'], destination, flows: ['internet-to-rp-http'] });
    if (this.kind === ReverseProxyKind.APPLICATION_GATEWAY) {
      // Destination Any, as the infrastructure page asks: Azure refuses a v2 gateway whose subnet NSG may block these ports.
      fw.allow({ name: 'rp-from-gateway-manager', ownerPath: owner, source: 'GatewayManager (Application Gateway infrastructure)', sourcePrefixes: ['GatewayManager'], destination: 'Any (Application Gateway infrastructure)', destinationPrefixes: ['*'], protocol: 'Tcp', ports: [GATEWAY_MANAGER_PORTS], reference: APPGW_INFRASTRUCTURE });
    }
    // Only while the site has what the rule reaches: an empty source renders no rule.
    const when = (purpose: (p: PublishedNameModel) => boolean) => () => (this.publishedNow().some(purpose) ? [self] : []);
    const hopIs = (ctor: typeof FrontEndPool | typeof DirectorPool) => (p: PublishedNameModel) => d._members.all.some((m) => m instanceof ctor && m.node.path === p.nextHopPath);
    site._firewall(SubnetRole.FRONT_END).allow({ name: 'web-from-reverse-proxy', ownerPath: owner, source: `${site.node.id} reverse proxy`, sourcePrefixes: when(hopIs(FrontEndPool)), destination: `${site.node.id} Front End subnet`, flows: ['rp-to-fe-lb-web'] });
    site._firewall(SubnetRole.DIRECTOR).allow({ name: 'web-from-reverse-proxy', ownerPath: owner, source: `${site.node.id} reverse proxy`, sourcePrefixes: when(hopIs(DirectorPool)), destination: `${site.node.id} Director subnet`, flows: ['rp-to-director-web'] });
    site._forEachFirewall((role, firewall) => {
      if (role !== SubnetRole.OFFICE_ONLINE) return;
      const flows = forVersion(d.productVersion, ['rp-to-owa']);
      firewall.allow({ name: 'oos-from-reverse-proxy', ownerPath: owner, source: `${site.node.id} reverse proxy`, sourcePrefixes: when((p) => p.purpose === 'Office Online Server'), destination: `${site.node.id} Office Online Server subnet`, flows });
    });
  }

  /**
   * The published names' public A records on the proxy's public IP: a pool's and a farm's names always;
   * the shared names only without Traffic Manager (it holds them as CNAMEs and fails them over between
   * the pools' external web FQDNs, which resolve to each site's proxy), and only from the site of the
   * simple URLs' primary web services.
   */
  private publishDns(): void {
    const d = this.deployment;
    const label = `public IP ${this.names.publicIp}`;
    d._dns.derive(() => {
      const published = this.publishedNow();
      const own = published.filter((p) => p.purpose === 'external web services' || p.purpose === 'Office Online Server');
      const plan = simpleUrlPlanFromMembers(d, d._members.all);
      const primaryHere = plan.primary?.sitePath === this.site.node.path;
      const shared = plan.trafficManager || !primaryHere ? [] : published.filter((p) => p.purpose === 'simple URL' || p.purpose === 'Autodiscover');
      const value = { value: this._publicIp.ipAddress, label, site: this.site.node.id };
      return { a: [...own, ...shared].map((p) => ({ scope: 'public' as const, fqdn: p.fqdn, values: [value] })) };
    });
  }

  /** The Application Gateway, from the planned names (the Windows kind's publishing rules are set on the servers). @internal */
  _renderFromPlan(model: TopologyModel): void {
    if (this.rendered || !this.gateway) return;
    this.rendered = true;
    const me = (model.reverseProxies ?? []).find((p) => p.path === this.node.path);
    if (!me || me.published.length === 0) return;
    const lab = model.lab;
    renderApplicationGateway(this, 'gateway', {
      name: this.names.gateway,
      location: this.site.location,
      resourceGroupName: this.site.resourceGroupName,
      zones: this.site.availabilityZones,
      subnetId: this.site._subnetId(SubnetRole.REVERSE_PROXY),
      publicIpId: this._publicIp.id,
      identityId: this.gateway.identity.id,
      certificateSecretId: this.gateway.certificateSecretId,
      ...(this.gateway.trustedRoot ? { trustedRootCertificateSecretId: this.gateway.trustedRoot } : {}),
      ...(this.gateway.policy ? { firewallPolicyId: this.gateway.policy.id } : {}),
      // Lab: one fixed instance, the cheapest v2 gateway; production: two instances at least, one per zone, up to ten.
      scale: lab ? { capacity: 1 } : { minCapacity: 2, maxCapacity: 10 },
      published: me.published,
    });
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.reverseProxies.push({
      path: this.node.path,
      sitePath: this.site.node.path,
      kind: this.kind,
      servers: this._servers?.models ?? [],
      publicIpName: this.names.publicIp,
      frontendName: this.kind === ReverseProxyKind.APPLICATION_GATEWAY ? this.names.gateway : this.names.loadBalancer,
      resourceGroup: siteResourceGroupName(this.deployment.name, this.site.node.id),
      ...(this.gateway ? { identityName: this.names.identity } : {}),
      wafEnabled: this.wafEnabled,
      published: this.publishedNow(),
    });
  }
}

