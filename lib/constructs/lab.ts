/**
 * Lab mode of an SfbDeployment: one domain controller per site, the sites' networks resolving
 * through them, every server joined to the domain after the controllers exist, the Windows
 * features each role needs, Azure Bastion as the only administrative path, and a daily shutdown.
 */
import { Construct } from 'constructs';
import { BastionHost, DevTestGlobalVmShutdownSchedule, PublicIp, VirtualMachineExtension, VirtualNetworkDnsServers } from '../azurerm';
import {
  AdDnsRecord,
  base64Utf8,
  domainControllerScript,
  memberPrerequisitesScript,
  PASSWORD_PLACEHOLDER,
  powershellCommand,
} from '../azure/lab-scripts';
import { primarySite } from '../model/regions';
import { compareKeys } from '../model/keys';
import { SubnetRole } from '../model/network';
import { bastionNames } from '../model/names';
import { peerSites } from './peering';
import { Server, ServerGroup } from '../azure/servers';
import { Fn, Lazy, TerraformResource } from '../cdktf';
import { SupportPosture, WindowsServerVersion } from '../enums';
import { LabModel, ServerRole } from '../model/topology';
import type { SfbDeployment } from './deployment';
import type { CentralSite } from './site';
import type { BranchNetwork } from './branch-network';
import type { Prefixes } from '../azure/firewall';
import { hosts, subnetsWithServers } from './flow-sources';
import { DOCUMENTED_FLOWS } from '../model/documented-flows';
import { readonlySet } from '../model/memo';
import { SHUTDOWN_SCHEDULE, shutdownTimeZone } from '../model/provider-constraints';
import { describeValue, rejectUnknownProps, requireBoolean, requireEnum, requireString, requireVmSize } from './validate-input';
import { DOMAIN_JOINING_ROLES, DOMAIN_ROLES, DOMAIN_SUBNETS, LAB_VM_SIZES, ROLE_PROFILES } from '../model/roles';

/**
 * The lab flows to the domain controllers that the members rule carries: every role file's flow to
 * `domain-controller` but those the other rules of `allowDomainTraffic` and `admitBranch` carry
 * (clients, the Edge's DNS, a branch network's server), so a new member role's flows join it.
 */
const OTHER_DIRECTORY_SOURCES = readonlySet<string>(['internal-clients', 'edge-internal', 'survivable-branch']);
const MEMBER_DIRECTORY_FLOWS = Object.freeze({
  Tcp: memberDirectoryFlows('Tcp'),
  Udp: memberDirectoryFlows('Udp'),
});
function memberDirectoryFlows(protocol: 'Tcp' | 'Udp'): readonly string[] {
  return Object.freeze(DOCUMENTED_FLOWS.filter((f) => f.to === 'domain-controller' && f.protocol === protocol && !OTHER_DIRECTORY_SOURCES.has(f.from)).map((f) => f.key));
}

export interface LabOptions {
  /**
   * Daily auto-shutdown time of every VM, 24-hour `HHmm` (Azure DevTest shutdown schedule).
   * @default "1900"
   */
  readonly shutdownTime?: string;
  /**
   * Windows time-zone ID of `shutdownTime`, e.g. `"W. Europe Standard Time"`: one of the IDs the
   * provider accepts (lib/model/provider-constraints.ts, SHUTDOWN_SCHEDULE.timeZones); IANA names
   * such as `Europe/Amsterdam` are refused.
   * @default "UTC"
   */
  readonly shutdownTimeZone?: string;
  /**
   * VM size per role (keys are `ServerRole` values, e.g. `ServerRole.FRONT_END`) for servers whose
   * construct is given no `vmSize` (an explicit `vmSize` always wins).
   * @default LAB_VM_SIZES - B-series burstable sizes: 4 vCPU / 16 GB for Front End, Standard Edition
   * and Back End, 2 vCPU / 8 GB for the other roles, 2 vCPU / 4 GB for domain controllers
   */
  readonly vmSizes?: { readonly [role: string]: string };
  /**
   * Operating system of the domain controllers.
   * @default WindowsServerVersion.WINDOWS_SERVER_2019 - the newest in the domain-controller list of
   * Skype/SfBServer2019/plan/system-requirements.md ("OS for Domain Controllers": 2019, 2016, 2012 R2, 2012)
   */
  readonly domainControllerOs?: WindowsServerVersion;
  /**
   * SQL Server Developer edition images (free, Enterprise features, licensed for non-production use)
   * for SQL 2016 and later, instead of the paid edition the back end names. The model keeps the
   * named edition, so the rules judge the topology you mean to build.
   * @default true
   */
  readonly sqlDeveloperEdition?: boolean;
}

const KNOWN_OPTIONS = ['shutdownTime', 'shutdownTimeZone', 'vmSizes', 'domainControllerOs', 'sqlDeveloperEdition'];

/** Lab VM sizes per role (B-series: burstable, the cheapest sizes that run the role at all): the role profiles' `labVmSize`. */
export { LAB_VM_SIZES };


/** Azure Bastion reaches VMs over RDP from its subnet; an NSG on the VMs' subnet must allow it. */
const BASTION_NSG = 'MicrosoftDocs/azure-docs: articles/bastion/bastion-nsg.md (target VM subnet: RDP 3389 from the AzureBastionSubnet)';

/** A `depends_on` entry for a resource created earlier (the form cdktf writes for `dependsOn` in a config). */
function dependencyOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

interface SiteLab {
  readonly site: CentralSite;
  readonly holder: Construct;
  readonly controller: Server;
  readonly setup: VirtualMachineExtension;
}

export class Lab extends Construct {
  readonly shutdownTime: string;
  readonly shutdownTimeZone: string;
  readonly vmSizes: Readonly<Record<ServerRole, string>>;
  readonly domainControllerOs: WindowsServerVersion;
  readonly sqlDeveloperEdition: boolean;
  private readonly deployment: SfbDeployment;
  private readonly siteLabs = new Map<CentralSite, SiteLab>();
  private readonly bastionSites: string[] = [];
  /** Resources that need a VM's domain join first (SQL cluster registrations), by VM. */
  private readonly afterJoin = new Map<Construct, TerraformResource[]>();
  private applied = false;

  constructor(deployment: SfbDeployment, id: string, options: LabOptions, private readonly explicitPosture?: SupportPosture) {
    super(deployment, id);
    this.deployment = deployment;
    const what = 'SfbDeployment lab';
    if (typeof options !== 'object' || options === null) {
      throw new Error(`${what} ${this.node.path}: lab ${describeValue(options)} is not an object; give {} or LabOptions`);
    }
    rejectUnknownProps(this, what, options, KNOWN_OPTIONS);
    this.shutdownTime = options.shutdownTime ?? '1900';
    if (typeof this.shutdownTime !== 'string' || !/^([01]\d|2[0-3])[0-5]\d$/.test(this.shutdownTime) || !SHUTDOWN_SCHEDULE.dailyRecurrenceTime.test(this.shutdownTime)) {
      throw new Error(`${what} ${this.node.path}: shutdownTime ${describeValue(options.shutdownTime)} is not a 24-hour HHmm time; give e.g. "1900"`);
    }
    this.shutdownTimeZone = requireShutdownTimeZone(this, what, options.shutdownTimeZone ?? 'UTC');
    if (options.vmSizes !== undefined && (typeof options.vmSizes !== 'object' || options.vmSizes === null || Array.isArray(options.vmSizes))) {
      throw new Error(`${what} ${this.node.path}: vmSizes ${describeValue(options.vmSizes)} is not an object; give sizes by role, e.g. { [ServerRole.FRONT_END]: "Standard_B4ms" }`);
    }
    for (const [key, size] of Object.entries(options.vmSizes ?? {})) {
      requireEnum(this, what, `vmSizes key`, key, ServerRole, 'ServerRole');
      requireVmSize(this, what, `vmSizes.${key}`, size);
    }
    this.vmSizes = { ...LAB_VM_SIZES, ...(options.vmSizes ?? {}) };
    this.domainControllerOs = requireEnum(this, what, 'domainControllerOs', options.domainControllerOs ?? WindowsServerVersion.WINDOWS_SERVER_2019, WindowsServerVersion, 'WindowsServerVersion');
    this.sqlDeveloperEdition = requireBoolean(this, what, 'sqlDeveloperEdition', options.sqlDeveloperEdition ?? true);

    // Domain controllers are part of the topology (the model and rules see them); everything the lab
    // adds to other constructs' servers is applied once, at synthesis (`apply`), over the servers as
    // rendered: no hook in any construct, nothing created and then rewritten.
    deployment._sites.forEach((site) => this.addSite(site));
  }

  /**
   * Applies lab mode over every server of the deployment, once, at synthesis (the deployment's render
   * step calls it): shutdown schedules, prerequisites, domain join, and each network's DNS servers.
   */
  apply(): void {
    if (this.applied) return;
    this.applied = true;
    const labs = this.labsByKey();
    const root = this.forestRoot;
    for (const own of labs) {
      // A replica waits for the forest root and the peering; with a stack per site no stack depends on
      // another's resources, so the replica's setup retries until the forest root answers.
      if (root && own !== root && !this.deployment._perSiteStacks) own.setup.dependsOn = [dependencyOf(root.setup), ...peerSites(root.site, own.site)!.resources.map(dependencyOf)];
      // Each site resolves through its own DC first, then the others; only once the DCs are promoted
      // (with a stack per site, once its own is: no stack depends on another's resources).
      new VirtualNetworkDnsServers(own.holder, 'dns-servers', {
        virtualNetworkId: own.site._virtualNetwork.id,
        dnsServers: [own, ...labs.filter((l) => l !== own)].map((l) => l.controller.privateIp),
        dependsOn: this.deployment._perSiteStacks ? [own.setup] : labs.map((l) => l.setup),
      });
    }
    // A branch network in Azure resolves through its central site's DC first, like that site.
    for (const network of this.deployment._branchNetworks) {
      const own = this.siteLabs.get(network.centralSite)!;
      new VirtualNetworkDnsServers(network, 'lab-dns-servers', {
        virtualNetworkId: network._virtualNetwork.id,
        dnsServers: [own, ...labs.filter((l) => l !== own)].map((l) => l.controller.privateIp),
        dependsOn: this.deployment._perSiteStacks ? [own.setup] : labs.map((l) => l.setup),
      });
    }
    for (const server of this.deployment._servers.all) this.addServer(server);
  }

  /**
   * What the central site's domain controller accepts from a branch network in Azure (hub and spoke:
   * no other site's DC is reachable from it): AD, DNS and Kerberos from the branch's range. Asked for
   * when the branch network is created, so the plan has it before synthesis.
   */
  admitBranch(network: BranchNetwork): void {
    const lab = this.siteLabs.get(network.centralSite);
    if (!lab) throw new Error(`SfbDeployment lab ${this.node.path}: branch network ${network.node.path} is tied to ${network.centralSite.node.path}, which has no lab site`);
    const fw = network.centralSite._firewall(SubnetRole.INFRASTRUCTURE);
    const common = { ownerPath: this.node.path, source: `branch network ${network.linkKey}`, sourcePrefixes: [network.addressSpace], destination: `domain controller of ${network.centralSite.node.id}`, destinationPrefixes: hosts([lab.controller]) };
    fw.allow({ ...common, name: `lab-dc-from-${network.linkKey}-tcp`, flows: ['sbs-to-dc-tcp'] });
    fw.allow({ ...common, name: `lab-dc-from-${network.linkKey}-udp`, flows: ['sbs-to-dc-udp'] });
  }

  /** Makes a resource wait for the lab's domain join of a VM (a SQL cluster registration needs a domain member). */
  joinBefore(vm: Construct, dependent: TerraformResource): void {
    this.afterJoin.set(vm, [...(this.afterJoin.get(vm) ?? []), dependent]);
  }

  /**
   * The site labs, forest root first, then by site ID: key order, never the order the sites were
   * declared in. The forest root is the primary site's (the site of the Central Management Store, else
   * the smallest site ID), asked for at synthesis, when every site and pool exists.
   */
  private labsByKey(): SiteLab[] {
    const primary = primarySite([...this.siteLabs.values()].map((l) => ({ name: l.site.node.id, lab: l })), this.deployment._primarySiteId())?.lab;
    const rest = [...this.siteLabs.values()].filter((l) => l !== primary).sort((a, b) => (a.site.node.id < b.site.node.id ? -1 : a.site.node.id > b.site.node.id ? 1 : 0));
    return primary ? [primary, ...rest] : rest;
  }

  private get forestRoot(): SiteLab | undefined {
    return this.labsByKey()[0];
  }

  private addSite(site: CentralSite): void {
    // With a stack per site, the site's lab resources live in its stack.
    const perSite = this.deployment._perSiteStacks;
    const holder = perSite ? new Construct(site, 'lab') : new Construct(this, site.node.id);
    // Replica DCs reach the forest root, and Bastion users every site, over global peering.
    for (const other of this.deployment._sites.all) peerSites(other, site);

    const group = new ServerGroup(holder, 'domain-controller', {
      site,
      role: ServerRole.DOMAIN_CONTROLLER,
      ...site._serverNaming('dc'),
      count: 1,
      vmSize: this.vmSizes[ServerRole.DOMAIN_CONTROLLER],
      os: this.domainControllerOs,
      nics: [{ subnet: SubnetRole.INFRASTRUCTURE }],
    });
    const controller = group.servers[0];
    const d = this.deployment;
    // Rendered at synthesis, when the forest root (a choice by key) is known.
    const script = () => {
      const root = this.forestRoot;
      const replica = root !== undefined && root.site !== site;
      return domainControllerScript({
        domain: d.adDomain,
        netbiosName: d.adDomain.split('.')[0].toUpperCase().replace(/[^A-Z0-9-]/g, '').slice(0, 15),
        adminUsername: d.adminUsername,
        forestRootIp: replica ? d._addresses.resolve(root.controller.privateIp) : undefined,
        records: replica ? [] : this.adRecords(),
      });
    };
    const setup = new VirtualMachineExtension(controller.vm.node.scope as Construct, 'dc-setup', {
      name: 'sfb-lab-dc-setup',
      virtualMachineId: controller.vm.id,
      publisher: 'Microsoft.Compute',
      type: 'CustomScriptExtension',
      typeHandlerVersion: '1.10',
      autoUpgradeMinorVersion: true,
      // Lazy: the forest root publishes the records of pools created after it.
      protectedSettings: Lazy.stringValue({
        produce: () =>
          Fn.jsonencode({
            commandToExecute: powershellCommand(Fn.base64encode(Fn.replace(Fn.rawString(script()), PASSWORD_PLACEHOLDER, Fn.base64encode(d._adminPasswordFor(site))))),
          }),
      }),
      // A replica's wait for the forest root is set at synthesis (`apply`), when the root is known.
    });
    this.siteLabs.set(site, { site, holder, controller, setup });

    const bastionIp = new PublicIp(holder, 'bastion-ip', {
      name: bastionNames(d.name, site.node.id).publicIp,
      location: site.location,
      resourceGroupName: site._resourceGroup.name,
      allocationMethod: 'Static',
      sku: 'Standard',
    });
    new BastionHost(holder, 'bastion', {
      name: bastionNames(d.name, site.node.id).host,
      location: site.location,
      resourceGroupName: site._resourceGroup.name,
      sku: 'Basic',
      ipConfiguration: { name: 'bastion', subnetId: site._subnet(SubnetRole.BASTION).id, publicIpAddressId: bastionIp.id },
    });
    this.bastionSites.push(site.node.path);
    // RDP from the Bastion subnets of every lab site (a Bastion reaches the other sites over global peering).
    const bastions = () => this.deployment._sites.all.filter((s) => this.bastionSites.includes(s.node.path)).map((s) => s._subnetPrefix(SubnetRole.BASTION));
    // Also for subnets created after the lab (an Office Online Server farm's); private endpoints take no RDP.
    site._forEachFirewall((role, firewall) => {
      if (role === SubnetRole.PRIVATE_ENDPOINTS) return;
      firewall.allow({
        name: 'admin-rdp-from-bastion',
        ownerPath: this.node.path,
        source: 'Azure Bastion of every lab site',
        sourcePrefixes: bastions,
        destination: `${site.node.id} ${role} subnet`,
        protocol: 'Tcp',
        ports: [3389],
        reference: BASTION_NSG,
      });
    });
    this.allowDomainTraffic(site, controller);
  }

  /**
   * What the site's domain controller accepts (the `*-to-dc-*` flows, lab only): AD, DNS, Kerberos,
   * RPC and SMB from the subnets of every domain member (every role but the Edge) in every site, which
   * also covers replication between the domain controllers; DNS from the Edge internal subnets (Edge
   * Servers are not domain members); the same from client networks connected to the sites.
   */
  private allowDomainTraffic(site: CentralSite, controller: Server): void {
    const d = this.deployment;
    const fw = site._firewall(SubnetRole.INFRASTRUCTURE);
    const members = () => [...new Set(DOMAIN_SUBNETS.flatMap((subnet) => subnetsWithServers(d, subnet, DOMAIN_ROLES)()))];
    const allow = (name: string, source: string, sourcePrefixes: Prefixes, flows: readonly string[]) =>
      fw.allow({ name, ownerPath: this.node.path, source, sourcePrefixes, destination: `domain controller of ${site.node.id}`, destinationPrefixes: hosts([controller]), flows });
    allow('lab-dc-from-members-tcp', 'domain members of every site', members, MEMBER_DIRECTORY_FLOWS.Tcp);
    allow('lab-dc-from-members-udp', 'domain members of every site', members, MEMBER_DIRECTORY_FLOWS.Udp);
    allow('lab-dc-from-edge-dns-tcp', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-dc-dns-tcp']);
    allow('lab-dc-from-edge-dns-udp', 'Edge internal subnets of every site', subnetsWithServers(d, SubnetRole.EDGE_INTERNAL), ['edge-int-to-dc-dns-udp']);
    allow('lab-dc-from-clients-tcp', 'connected networks (domain clients)', ['VirtualNetwork'], ['clients-to-dc-tcp']);
    allow('lab-dc-from-clients-udp', 'connected networks (domain clients)', ['VirtualNetwork'], ['clients-to-dc-udp']);
  }

  /** The AD domain's A and CNAME records, which the AD-integrated zone must hold (it shadows the Azure private zone). */
  private adRecords(): AdDnsRecord[] {
    const suffix = `.${this.deployment.adDomain}`;
    return this.deployment._toModel().dnsRecords
      .filter((r) => r.scope === 'private' && r.fqdn.endsWith(suffix))
      .flatMap((r): AdDnsRecord[] => {
        const name = r.fqdn.slice(0, -suffix.length);
        return r.type === 'A' ? r.values.map((value) => ({ name, type: 'A', value })) : [{ name, type: 'CNAME', value: r.values[0] }];
      })
      .sort((a, b) => `${a.name}|${a.value}`.localeCompare(`${b.name}|${b.value}`));
  }

  private addServer(server: Server): void {
    const scope = server.vm.node.scope as Construct;
    new DevTestGlobalVmShutdownSchedule(scope, 'lab-shutdown', {
      virtualMachineId: server.vm.id,
      location: server.site.location,
      enabled: true,
      dailyRecurrenceTime: this.shutdownTime,
      timezone: this.shutdownTimeZone,
      notificationSettings: { enabled: false },
    });
    // A domain controller gets its own setup (promotion), not the member prerequisites.
    if (ROLE_PROFILES[server.model.role].domain === 'controller') return;

    // A server of a branch network in Azure joins through its central site's lab.
    const sitePath = this.deployment._branchNetworks.find((n) => n === server.site)?.centralSite._path ?? server.site._path;
    const siteLab = [...this.siteLabs.entries()].find(([site]) => site._path === sitePath)?.[1];
    const root = this.forestRoot;
    if (!siteLab || !root) {
      throw new Error(`SfbDeployment lab ${this.node.path}: server ${server.model.path} belongs to site ${server.site._path}, which is not a site of this deployment`);
    }
    // Boot with the domain controllers as DNS servers (a running VM keeps its DHCP DNS until renewed).
    const dnsServers = siteLab.holder.node.findChild('dns-servers') as VirtualNetworkDnsServers;
    server.vm.dependsOn = [...(server.vm.dependsOn ?? []), dependencyOf(dnsServers)];
    const joins = DOMAIN_JOINING_ROLES.has(server.model.role);
    const prerequisites = new VirtualMachineExtension(scope, 'lab-prerequisites', {
      name: 'sfb-lab-prerequisites',
      virtualMachineId: server.vm.id,
      publisher: 'Microsoft.Compute',
      type: 'CustomScriptExtension',
      typeHandlerVersion: '1.10',
      autoUpgradeMinorVersion: true,
      settings: JSON.stringify({
        commandToExecute: powershellCommand(base64Utf8(memberPrerequisitesScript(server.model.role, this.deployment.adDomain, joins))),
      }),
    });
    if (!joins) return;
    const join = new VirtualMachineExtension(scope, 'lab-domain-join', {
      name: 'sfb-lab-domain-join',
      virtualMachineId: server.vm.id,
      publisher: 'Microsoft.Compute',
      type: 'JsonADDomainExtension',
      typeHandlerVersion: '1.3',
      autoUpgradeMinorVersion: true,
      settings: JSON.stringify({
        Name: this.deployment.adDomain,
        User: `${this.deployment.adDomain}\\${this.deployment.adminUsername}`,
        Restart: 'true',
        Options: '3',
      }),
      protectedSettings: Fn.jsonencode({ Password: this.deployment._adminPasswordFor(server.vm) }),
      // After the site's DC is promoted (a replica's promotion already waits for the forest); with a stack
      // per site only its own stack's DC, so a site plans and applies with the other region down.
      dependsOn: [...new Set(this.deployment._perSiteStacks ? [siteLab.setup] : [root.setup, siteLab.setup]), prerequisites],
    });
    // A VM takes one extension of a type: building blocks that need a domain member wait for this one.
    for (const dependent of this.afterJoin.get(server.vm) ?? []) dependent.dependsOn = [...(dependent.dependsOn ?? []), dependencyOf(join)];
  }

  toModel(): LabModel {
    return {
      domainControllers: this.labsByKey().map((l) => ({ sitePath: l.site.node.path, server: l.controller.model })),
      bastionSitePaths: [...this.bastionSites].sort(compareKeys),
      // Derived from the servers, so the model says the same before and after synthesis.
      domainJoinedPaths: this.deployment._servers.all.filter((s) => DOMAIN_JOINING_ROLES.has(s.model.role)).map((s) => s.model.path).sort(compareKeys),
      shutdownPaths: this.deployment._servers.all.map((s) => s.model.path).sort(compareKeys),
      shutdownTime: this.shutdownTime,
      shutdownTimeZone: this.shutdownTimeZone,
      ...(this.explicitPosture !== undefined && this.explicitPosture !== SupportPosture.LAB ? { explicitSupportPosture: this.explicitPosture } : {}),
    };
  }
}

/** A Windows time-zone ID the provider accepts for the shutdown schedule, in the provider's spelling. */
function requireShutdownTimeZone(scope: Construct, what: string, value: unknown): string {
  const tz = requireString(scope, what, 'shutdownTimeZone', value, 'a Windows time-zone ID such as "UTC" or "W. Europe Standard Time"');
  const known = shutdownTimeZone(tz);
  if (!known) {
    const hint = tz.includes('/') ? ' (an IANA name; Azure takes Windows IDs: Europe/Amsterdam is "W. Europe Standard Time")' : '';
    throw new Error(
      `${what} ${scope.node.path}: shutdownTimeZone ${describeValue(value)} is not a Windows time-zone ID the azurerm provider accepts${hint}; ` +
        `give one of ${SHUTDOWN_SCHEDULE.timeZones.map((z) => `"${z}"`).join(', ')} (${SHUTDOWN_SCHEDULE.source.file})`,
    );
  }
  return known;
}
