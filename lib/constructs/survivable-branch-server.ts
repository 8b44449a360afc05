/**
 * A Survivable Branch Server: the Registrar and Mediation Server of a branch (VOICE-6). On premises it
 * is recorded in the plan only; in a branch with a `location` it is a Windows VM in the branch network
 * with the documented flows between it, its central site's Front Ends, clients and its gateways.
 */
import { Construct } from 'constructs';
import { ServerGroup } from '../azure/servers';
import { WindowsServerVersion } from '../enums';
import { serverNaming } from '../model/names';
import { cidrContains, SubnetRole } from '../model/network';
import { ServerRole } from '../model/topology';
import { newestSupportedOs, recommendedVmSize } from '../model/versions';
import { SurvivableBranchModel } from '../model/voice';
import { BranchSite, ISurvivableBranch, survivableIntent, SurvivableBranchProps, SURVIVABLE_PROPS } from './branch-site';
import { cmsServers, forVersion, hosts } from './flow-sources';
import { ModelParts } from './model-builder';
import { describeValue, optionalNamePrefix, optionalVmSize, requireEnum } from './validate-input';

export interface SurvivableBranchServerProps extends SurvivableBranchProps {
  /** Windows Server version of the VM (a branch in Azure only). @default the newest Windows Server the product version supports */
  readonly operatingSystem?: WindowsServerVersion;
  /** VM size (a branch in Azure only). @default the Edge/Director/Mediation size of the product version (Standard_D16s_v5 for 2015 and 2019); in lab mode the lab size of the role */
  readonly vmSize?: string;
  /** Computer-name prefix (a branch in Azure only); the server is `<prefix>-1`. @default the first label of `fqdn`, shortened with a hash when too long (docs/naming.md) */
  readonly serverNamePrefix?: string;
}

const VM_PROPS = ['operatingSystem', 'vmSize', 'serverNamePrefix'] as const;

/** A Survivable Branch Server: a Windows server with a Registrar and a Mediation Server, for branches of 1,000 to 2,000 users without a resilient WAN (VOICE-6). */
export class SurvivableBranchServer extends Construct implements ISurvivableBranch {
  readonly fqdn: string;
  readonly branch: BranchSite;
  /** The VM, in a branch in Azure. @internal */
  readonly _servers?: ServerGroup;
  private readonly record: () => SurvivableBranchModel;

  constructor(scope: BranchSite, id: string, props: SurvivableBranchServerProps) {
    super(scope, id);
    const intent = survivableIntent(this, 'SurvivableBranchServer', 'server', props, [...SURVIVABLE_PROPS, ...VM_PROPS]);
    this.branch = intent.branch;
    this.record = intent.model;
    this.fqdn = props.fqdn;
    const network = this.branch._network;
    if (!network) {
      const given = VM_PROPS.filter((p) => props[p] !== undefined);
      if (given.length > 0) {
        throw new Error(`SurvivableBranchServer ${this.node.path}: ${given.map((p) => `${p} ${describeValue(props[p])}`).join(', ')} describe a VM, but branch ${this.branch.node.id} is on premises (no location); give the branch a location to build the server in Azure, or leave these props out`);
      }
    } else {
      const d = this.branch.deployment;
      const role = ServerRole.SURVIVABLE_BRANCH_SERVER;
      this._servers = new ServerGroup(this.branch._holderFor(this), 'servers', {
        site: network,
        role,
        ...serverNaming(optionalNamePrefix(this, 'SurvivableBranchServer', props.serverNamePrefix), this.fqdn.split('.')[0]),
        count: 1,
        vmSize: optionalVmSize(this, 'SurvivableBranchServer', props.vmSize) ?? d._defaultVmSize(role, recommendedVmSize(d.productVersion, role)),
        os: requireEnum(this, 'SurvivableBranchServer', 'operatingSystem', props.operatingSystem ?? newestSupportedOs(d.productVersion), WindowsServerVersion, 'WindowsServerVersion'),
        nics: [{ subnet: SubnetRole.SURVIVABLE_BRANCH }],
        addressOwner: this.node.path,
      });
      const server = this._servers.servers[0];
      d._dns.addA('private', this.fqdn, [server.privateIp]);
      if (server.model.fqdn !== this.fqdn.toLowerCase()) d._dns.addA('private', server.model.fqdn, [server.privateIp]);
      this.allowTraffic();
    }
    this.branch.deployment._register(this);
  }

  /**
   * Into the branch subnet: SIP and Mediation from the central site's Front Ends, configuration from
   * the Central Management store, SIP and media from clients; into the central site's Front End subnet:
   * SIP and HTTPS from this server (its backup Registrar is a pool there, VOICE-7).
   */
  private allowTraffic(): void {
    const d = this.branch.deployment;
    const site = this.branch.centralSite;
    const fw = this.branch._network!._firewall;
    const me = hosts(this._servers!.servers);
    const destination = `Survivable Branch Server ${this.fqdn}`;
    const into = (name: string, source: string, sourcePrefixes: (() => readonly string[]) | readonly string[], flows: readonly string[]) =>
      fw.allow({ name: `${this.node.id}-${name}`, ownerPath: this.node.path, source, sourcePrefixes, destination, destinationPrefixes: me, flows: forVersion(d.productVersion, flows) });
    into('from-front-ends', `${site.node.id} Front End subnet`, () => [site._subnetPrefix(SubnetRole.FRONT_END)], ['fe-to-sbs-sip', 'fe-to-sbs-mediation-sip']);
    // Only what the peering reaches: the store's pools in the central site (elsewhere it is VOICE-16).
    const cms = cmsServers(d);
    const inSite = (prefix: string) => cidrContains(site.addressSpace, prefix.split('/')[0]);
    into('from-cms', `pools of ${site.node.id} that host the Central Management store (or its standby)`, () => cms().filter(inSite), ['cms-to-sbs-smb']);
    into('from-clients-tcp', 'connected networks (clients)', ['VirtualNetwork'], ['clients-to-sbs-sip', 'clients-to-sbs-audio-tcp']);
    into('from-clients-udp', 'connected networks (clients)', ['VirtualNetwork'], ['clients-to-sbs-audio-udp']);
    site._firewall(SubnetRole.FRONT_END).allow({
      name: `sbs-${this.branch.node.id}-${this.node.id}`,
      ownerPath: this.node.path,
      source: destination,
      sourcePrefixes: me,
      destination: `${site.node.id} Front End subnet`,
      flows: forVersion(d.productVersion, ['sbs-to-fe-sip', 'sbs-to-fe-https']),
    });
  }

  /** SIP and audio from a branch gateway's address, when the server is in Azure (pstn-gateway.ts asks). @internal */
  _admitPeer(peerId: string, label: string, address: string): void {
    const fw = this.branch._network?._firewall;
    if (!fw) return;
    const version = this.branch.deployment.productVersion;
    const common = { ownerPath: this.node.path, source: label, sourcePrefixes: [`${address}/32`], destination: `Survivable Branch Server ${this.fqdn}`, destinationPrefixes: hosts(this._servers!.servers) };
    fw.allow({ ...common, name: `pstn-${peerId}-tcp`, flows: forVersion(version, ['pstn-to-sbs-sip', 'pstn-to-sbs-audio-tcp']) });
    fw.allow({ ...common, name: `pstn-${peerId}-udp`, flows: forVersion(version, ['pstn-to-sbs-audio-udp']) });
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.survivableBranches.push(this.record());
  }
}
