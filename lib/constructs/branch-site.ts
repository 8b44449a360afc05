/**
 * Branch sites and their survivable registrars. A branch is on premises, tied to a central site over
 * the WAN: the library records it in the plan (voice rules VOICE-6..9, the runbook's voice outages)
 * and creates nothing in Azure for it. A branch given a `location` is a network in Azure instead
 * (branch-network.ts), where a Survivable Branch Server is a VM (survivable-branch-server.ts).
 */
import { Construct, IConstruct } from 'constructs';
import { cidrToString, parseCidr } from '../model/network';
import { SurvivableBranchModel } from '../model/voice';
import { BranchNetwork } from './branch-network';
import { SfbDeployment } from './deployment';
import { FrontEndPool } from './front-end-pool';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { describeValue, optionalBoolean, optionalConstruct, rejectUnknownProps, requireConstruct, requireCount, requireDomainName, requirePrivateCidr, requireRegion, requireString } from './validate-input';

export interface BranchSiteProps {
  /** The central site the branch depends on (its users' backup Registrar and central PSTN route are there). */
  readonly centralSite: CentralSite;
  /**
   * The branch's address range (CIDR): on premises, for the runbook and reports; with `location`, the
   * range of its virtual network in Azure (/16 to /26, private, apart from every site's).
   * @default - not recorded (required with `location`)
   */
  readonly addressSpace?: string;
  /**
   * Azure region of the branch's own network (resource group, virtual network peered with its central
   * site, a Survivable Branch Server VM), e.g. `norwayeast`.
   * @default - on premises: nothing is created in Azure for the branch
   */
  readonly location?: string;
  /**
   * The PSTN usages of the branch users' voice policy, in order: first the usage whose route uses the
   * branch's gateway, then one whose route uses a central-site gateway (VOICE-8).
   * @default - none recorded (a VOICE-8 warning when the branch has a survivable registrar)
   */
  readonly voiceUsages?: string[];
  /**
   * Whether branch DNS caching or DHCP option 120 lets phones find the survivable registrar while the
   * WAN is down (VOICE-8).
   * @default false
   */
  readonly localRegistrarDiscovery?: boolean;
}

const BRANCH_PROPS = ['centralSite', 'addressSpace', 'location', 'voiceUsages', 'localRegistrarDiscovery'];

/** Prefixes of a branch network: the address plan's 32-address blocks need a /26 at least (docs/address-plan.md). */
const BRANCH_MIN_PREFIX = 16;
const BRANCH_MAX_PREFIX = 26;

/** A branch site: on-premises users, a Survivable Branch Appliance or Server, a local gateway. */
export class BranchSite extends Construct {
  readonly deployment: SfbDeployment;
  readonly centralSite: CentralSite;
  readonly addressSpace?: string;
  readonly voiceUsages: string[];
  readonly localRegistrarDiscovery: boolean;
  /** Azure region of the branch's network; undefined for a branch on premises. */
  readonly location?: string;
  /** The branch's network in Azure, when it has a `location`. @internal */
  readonly _network?: BranchNetwork;

  constructor(scope: SfbDeployment, id: string, props: BranchSiteProps) {
    super(scope, id);
    rejectUnknownProps(this, 'BranchSite', props, BRANCH_PROPS);
    if (!SfbDeployment.isSfbDeployment(scope)) throw new Error(`BranchSite ${this.node.path}: scope must be the SfbDeployment`);
    this.deployment = scope;
    this.centralSite = requireConstruct(this, 'BranchSite', 'centralSite', props.centralSite, (x): x is CentralSite => x instanceof CentralSite, 'the CentralSite the branch depends on');
    if (this.centralSite.deployment !== scope) throw new Error(`BranchSite ${this.node.path}: centralSite ${describeValue(this.centralSite)} belongs to another deployment; give a central site of ${scope.node.path}`);
    if (props.addressSpace !== undefined && (typeof props.addressSpace !== 'string' || typeof parseCidr(props.addressSpace) === 'string')) {
      throw new Error(`BranchSite ${this.node.path}: addressSpace ${describeValue(props.addressSpace)} is not an IPv4 CIDR; give the branch's range, e.g. "192.168.50.0/24"`);
    }
    this.addressSpace = props.addressSpace;
    if (props.location !== undefined) {
      this.location = requireRegion(this, 'BranchSite', 'location', props.location);
      this.addressSpace = this.azureAddressSpace(props.addressSpace);
      // With a stack per site the branch's resources go into its central site's stack.
      const host = scope._perSiteStacks ? new Construct(this.centralSite, `branch-${id}`) : this;
      this._network = new BranchNetwork(host, 'network', { deployment: scope, centralSite: this.centralSite, branchId: id, branchPath: this.node.path, location: this.location, addressSpace: this.addressSpace });
      scope._branchNetworks.push(this._network);
    }
    const usages = props.voiceUsages ?? [];
    if (!Array.isArray(usages)) throw new Error(`BranchSite ${this.node.path}: voiceUsages ${describeValue(usages)} is not a list of PSTN usage names; give e.g. ["Branch local", "Central"]`);
    usages.forEach((u, i) => requireString(this, 'BranchSite', `voiceUsages[${i}]`, u, 'a PSTN usage name'));
    this.voiceUsages = [...usages];
    this.localRegistrarDiscovery = optionalBoolean(this, 'BranchSite', 'localRegistrarDiscovery', props.localRegistrarDiscovery, false);
    scope._register(this);
  }

  /** The range of the branch's network in Azure: given, /16 to /26 and private (an overlap with another range is VOICE-15). */
  private azureAddressSpace(value: unknown): string {
    const fix = 'give the range of its virtual network, e.g. "10.50.0.0/24"';
    if (value === undefined) throw new Error(`BranchSite ${this.node.path}: addressSpace is missing; a branch with a location is a network in Azure: ${fix}`);
    const parsed = parseCidr(value as string);
    if (typeof parsed === 'string' || parsed.prefix < BRANCH_MIN_PREFIX || parsed.prefix > BRANCH_MAX_PREFIX) {
      throw new Error(`BranchSite ${this.node.path}: addressSpace ${describeValue(value)} ${typeof parsed === 'string' ? parsed : `is a /${parsed.prefix}`}; a branch network in Azure needs /${BRANCH_MIN_PREFIX} to /${BRANCH_MAX_PREFIX}: ${fix}`);
    }
    const cidr = cidrToString(parsed);
    requirePrivateCidr(this, 'BranchSite', 'addressSpace', value, cidr);
    return cidr;
  }

  /** Where a construct of the branch builds its Azure resources: itself in one stack, a holder in the branch network's stack. @internal */
  _holderFor(owner: Construct): Construct {
    if (!this._network || !this.deployment._perSiteStacks) return owner;
    return new Construct(this._network, owner.node.id);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.branchSites.push({
      path: this.node.path,
      name: this.node.id,
      centralSitePath: this.centralSite.node.path,
      ...(this.addressSpace !== undefined ? { addressSpace: this.addressSpace } : {}),
      ...(this.location !== undefined ? { location: this.location } : {}),
      ...(this._network ? { network: this._network.names } : {}),
      voiceUsages: [...this.voiceUsages],
      localRegistrarDiscovery: this.localRegistrarDiscovery,
    });
  }
}

/** A Survivable Branch Appliance or Server: the Registrar and Mediation Server of a branch site. */
export interface ISurvivableBranch extends IConstruct {
  readonly fqdn: string;
  readonly branch: BranchSite;
}

export interface SurvivableBranchProps {
  /** FQDN of the appliance or server in the topology. */
  readonly fqdn: string;
  /**
   * The Front End pool of the branch's central site that registers the branch users when the
   * appliance or the WAN fails (VOICE-7).
   * @default - none: a VOICE-7 error
   */
  readonly backupRegistrar?: FrontEndPool;
  /** Users homed on it; they count against the backup Registrar pool's capacity (VOICE-7). @default 0 */
  readonly users?: number;
}

/** @internal */
export const SURVIVABLE_PROPS: readonly string[] = ['fqdn', 'backupRegistrar', 'users'];

/**
 * Validated props of a survivable registrar, and its model record (shared by the appliance and the server).
 * @internal
 */
export function survivableIntent(c: Construct, construct: string, kind: SurvivableBranchModel['kind'], props: SurvivableBranchProps, known: readonly string[] = SURVIVABLE_PROPS): { branch: BranchSite; model: () => SurvivableBranchModel } {
  rejectUnknownProps(c, construct, props, [...known]);
  const branch = c.node.scope;
  if (!(branch instanceof BranchSite)) throw new Error(`${construct} ${c.node.path}: scope must be a BranchSite; create it in the branch it serves`);
  const fqdn = requireDomainName(c, construct, 'fqdn', props.fqdn);
  const backup = optionalConstruct(c, construct, 'backupRegistrar', props.backupRegistrar, (x): x is FrontEndPool => x instanceof FrontEndPool, 'a FrontEndPool of a central site');
  const users = requireCount(c, construct, 'users', props.users ?? 0, 0, 100_000);
  return {
    branch,
    model: () => ({ path: c.node.path, kind, branchPath: branch.node.path, fqdn, ...(backup ? { backupRegistrarPath: backup.node.path } : {}), users }),
  };
}

/** A Survivable Branch Appliance: vendor hardware with a Registrar, a Mediation Server and a PSTN gateway (25 to 1,000 users, VOICE-6). */
export class SurvivableBranchAppliance extends Construct implements ISurvivableBranch {
  readonly fqdn: string;
  readonly branch: BranchSite;
  private readonly record: () => SurvivableBranchModel;

  constructor(scope: BranchSite, id: string, props: SurvivableBranchProps) {
    super(scope, id);
    const intent = survivableIntent(this, 'SurvivableBranchAppliance', 'appliance', props);
    this.branch = intent.branch;
    // Branch-site resiliency: an appliance is a partner's hardware with its own gateway, which no Azure region hosts.
    if (this.branch.location !== undefined) {
      throw new Error(`SurvivableBranchAppliance ${this.node.path}: branch ${this.branch.node.id} has location ${describeValue(this.branch.location)}, a network in Azure, where no vendor appliance can run; use a SurvivableBranchServer (a Windows VM) there, or leave the branch's location unset for an appliance on premises`);
    }
    this.record = intent.model;
    this.fqdn = props.fqdn;
    this.branch.deployment._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.survivableBranches.push(this.record());
  }
}
