/**
 * A group of Windows servers placed as one: round-robin over the site's availability zones, or
 * over the fault domains of one availability set when the site has no zones (AZ-2, FE-5).
 */
import { Construct } from 'constructs';
import { AvailabilitySet, NetworkInterface, PublicIp, WindowsVirtualMachine } from '../azurerm';
import { WindowsServerVersion } from '../enums';
import { ServerModel, ServerRole } from '../model/topology';
import { SubnetRole } from '../model/network';
import { fitName, publicIpName, serverComputerName } from '../model/names';
import { SitePlacement } from './placement';

/** Marketplace image; Windows Server Datacenter (never Server Core) unless a SQL image is given. */
export interface ServerImage {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
}

const WINDOWS_SKUS: Record<WindowsServerVersion, string> = {
  [WindowsServerVersion.WINDOWS_SERVER_2012_R2]: '2012-R2-Datacenter',
  [WindowsServerVersion.WINDOWS_SERVER_2016]: '2016-Datacenter',
  [WindowsServerVersion.WINDOWS_SERVER_2019]: '2019-Datacenter',
  [WindowsServerVersion.WINDOWS_SERVER_2022]: '2022-datacenter',
};

export function windowsImage(os: WindowsServerVersion): ServerImage {
  return { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: WINDOWS_SKUS[os] };
}

export interface NicSpec {
  readonly subnet: SubnetRole;
  /** Static public IPs on this NIC (Edge external NICs only, SEC-3). */
  readonly publicIps?: number;
  /**
   * Names of the public IPs, in order (e.g. `access`, `webconf`, `av`): they become
   * `pip-<computer>-<label>` and construct IDs `public-ip-<label>`. @default 1, 2, 3 ...
   */
  readonly publicIpLabels?: readonly string[];
}

export interface ServerGroupProps {
  readonly site: SitePlacement;
  readonly role: ServerRole;
  /** Computer names are `<prefix>-<n>` (NAME-1 checks the result). */
  readonly namePrefix: string;
  /**
   * Whether `namePrefix` was derived by the library: each computer name is then fitted to 15
   * characters on its own (`serverComputerName`). @default false (a prefix the user gave, used as given)
   */
  readonly fitComputerNames?: boolean;
  readonly count: number;
  readonly vmSize: string;
  readonly os: WindowsServerVersion;
  /** NICs in order; the first is the primary and holds the default gateway. */
  readonly nics: readonly NicSpec[];
  /** @default Windows Server Datacenter of `os` */
  readonly image?: ServerImage;
  /**
   * Construct path of the owner whose address block the servers take (a pool's servers and its load
   * balancers share one block). @default the group's parent construct
   */
  readonly addressOwner?: string;
  /** DNS suffix of the servers' FQDNs. @default the deployment's AD domain */
  readonly dnsSuffix?: string;
  /** FQDN of a single server that carries its pool's name (Standard Edition). */
  readonly fqdnOverride?: string;
  /**
   * Number of the first server, so one logical pool split over two sites' groups keeps one
   * numbering (`pchat-1`, `pchat-2` in one site, `pchat-3` in the other).
   * @default 1
   */
  readonly firstIndex?: number;
  /**
   * Zone (or fault domain) of the first server, as an index into the site's list; the rest follow
   * round-robin. A mirroring witness starts after the principal and the mirror. @default 0
   */
  readonly firstZoneIndex?: number;
}

/** One server of a group, for the constructs and other building blocks. */
export interface Server {
  readonly vm: WindowsVirtualMachine;
  readonly nics: readonly NetworkInterface[];
  readonly publicIps: readonly PublicIp[];
  readonly model: ServerModel;
  /** Private address of the primary (or only internal) NIC. */
  readonly privateIp: string;
  /** The site the server lives in. */
  readonly site: SitePlacement;
  /** Private addresses of every NIC, one list per NIC in order, one address per IP configuration. */
  readonly nicAddresses: readonly (readonly string[])[];
}

export class ServerGroup extends Construct {
  readonly servers: Server[] = [];
  readonly availabilitySet?: AvailabilitySet;

  constructor(scope: Construct, id: string, props: ServerGroupProps) {
    super(scope, id);
    const site = props.site;
    const defaults = site._serverDefaults;
    const owner = props.addressOwner ?? scope.node.path;
    const zones = site.availabilityZones;
    if (zones.length === 0) {
      this.availabilitySet = new AvailabilitySet(this, 'availability-set', {
        name: fitName('azurerm_availability_set', `avset-${props.namePrefix}`),
        location: site.location,
        resourceGroupName: site.resourceGroupName,
        platformFaultDomainCount: site.faultDomainCount,
        platformUpdateDomainCount: 5,
        managed: true,
      });
    }
    const image = props.image ?? windowsImage(props.os);
    const suffix = props.dnsSuffix ?? defaults.adDomain;
    for (let i = 0; i < props.count; i++) {
      const n = i + (props.firstIndex ?? 1);
      const computerName = serverComputerName(props.namePrefix, n, props.fitComputerNames ?? false);
      const server = new Construct(this, `server${n}`);
      const publicIps: PublicIp[] = [];
      const nicModels: ServerModel['nics'][number][] = [];
      const nicAddresses: string[][] = [];
      const slot = i + (props.firstZoneIndex ?? 0);
      const zone = zones.length > 0 ? zones[slot % zones.length] : undefined;
      const nics = props.nics.map((spec, k) => {
        const block = site._addressBlock(spec.subnet, owner);
        const ip = block.next();
        const pips = Array.from({ length: spec.publicIps ?? 0 }, (_, p) => {
          const label = spec.publicIpLabels?.[p];
          const pip = new PublicIp(server, label ? `public-ip-${label}` : `public-ip${p + 1}`, {
            name: publicIpName(computerName, `${label ?? p + 1}`),
            location: site.location,
            resourceGroupName: site.resourceGroupName,
            allocationMethod: 'Static',
            sku: 'Standard',
            ...(zone ? { zones: [zone] } : {}),
          });
          publicIps.push(pip);
          return pip;
        });
        const configs = (pips.length > 0 ? pips : [undefined]).map((pip, c) => ({
          name: c === 0 ? 'primary' : `ipconfig${c + 1}`,
          primary: c === 0,
          subnetId: site._subnetId(spec.subnet),
          privateIpAddressAllocation: 'Static',
          privateIpAddress: c === 0 ? ip : block.next(),
          ...(pip ? { publicIpAddressId: pip.id } : {}),
        }));
        nicAddresses.push(configs.map((c) => c.privateIpAddress));
        nicModels.push({ subnet: spec.subnet, privateIp: ip, publicIps: pips.length, privateIps: configs.map((c) => c.privateIpAddress) });
        return new NetworkInterface(server, k === 0 ? 'nic' : `nic${k + 1}`, {
          name: fitName('azurerm_network_interface', `nic-${computerName}`, k === 0 ? '' : `-${k + 1}`),
          location: site.location,
          resourceGroupName: site.resourceGroupName,
          ipConfiguration: configs,
        });
      });
      const identityIds = site._identityIdsFor?.(props.role);
      const identity = identityIds ? { identity: { type: 'UserAssigned', identityIds } } : {};
      const vm = new WindowsVirtualMachine(server, 'vm', {
        name: fitName('azurerm_windows_virtual_machine', computerName),
        computerName,
        location: site.location,
        resourceGroupName: site.resourceGroupName,
        size: props.vmSize,
        adminUsername: defaults.adminUsername,
        adminPassword: defaults.adminPassword,
        networkInterfaceIds: nics.map((nic) => nic.id),
        osDisk: { caching: 'ReadWrite', storageAccountType: 'Premium_LRS' },
        sourceImageReference: { ...image, version: 'latest' },
        patchMode: 'Manual',
        automaticUpdatesEnabled: false,
        ...(zone ? { zone } : { availabilitySetId: this.availabilitySet!.id }),
        ...identity,
        tags: { 'sfb-role': props.role, 'sfb-deployment': defaults.deploymentName },
      });
      const model: ServerModel = {
        path: server.node.path,
        role: props.role,
        computerName,
        fqdn: (props.fqdnOverride ?? `${computerName}.${suffix}`).toLowerCase(),
        failureDomain: zone ?? `fd${slot % site.faultDomainCount}`,
        vmSize: props.vmSize,
        os: props.os,
        imageOffer: image.offer,
        nics: nicModels,
        patchMode: 'Manual',
        sitePath: site._path,
      };
      const internal = nicModels.find((m) => m.subnet !== SubnetRole.PERIMETER) ?? nicModels[0];
      const handle: Server = { vm, nics, publicIps, model, privateIp: internal.privateIp, site, nicAddresses };
      this.servers.push(handle);
      site._registerServer(handle);
    }
  }

  get models(): ServerModel[] {
    return this.servers.map((s) => s.model);
  }
}
