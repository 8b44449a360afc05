/**
 * Branch sites and their survivable registrars. A branch is on premises, tied to a central site over
 * the WAN: the library records it in the plan (voice rules VOICE-6..9, the runbook's voice outages)
 * and creates nothing in Azure for it.
 */
import { Construct, IConstruct } from 'constructs';
import { parseCidr } from '../model/network';
import { SurvivableBranchModel } from '../model/voice';
import { SfbDeployment } from './deployment';
import { FrontEndPool } from './front-end-pool';
import { ModelParts } from './model-builder';
import { CentralSite } from './site';
import { describeValue, optionalBoolean, optionalConstruct, rejectUnknownProps, requireConstruct, requireCount, requireDomainName, requireString } from './validate-input';

export interface BranchSiteProps {
  /** The central site the branch depends on (its users' backup Registrar and central PSTN route are there). */
  readonly centralSite: CentralSite;
  /** The branch's on-premises address range (CIDR), for the runbook and reports. @default - not recorded */
  readonly addressSpace?: string;
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

const BRANCH_PROPS = ['centralSite', 'addressSpace', 'voiceUsages', 'localRegistrarDiscovery'];

/** A branch site: on-premises users, a Survivable Branch Appliance or Server, a local gateway. */
export class BranchSite extends Construct {
  readonly deployment: SfbDeployment;
  readonly centralSite: CentralSite;
  readonly addressSpace?: string;
  readonly voiceUsages: string[];
  readonly localRegistrarDiscovery: boolean;

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
    const usages = props.voiceUsages ?? [];
    if (!Array.isArray(usages)) throw new Error(`BranchSite ${this.node.path}: voiceUsages ${describeValue(usages)} is not a list of PSTN usage names; give e.g. ["Branch local", "Central"]`);
    usages.forEach((u, i) => requireString(this, 'BranchSite', `voiceUsages[${i}]`, u, 'a PSTN usage name'));
    this.voiceUsages = [...usages];
    this.localRegistrarDiscovery = optionalBoolean(this, 'BranchSite', 'localRegistrarDiscovery', props.localRegistrarDiscovery, false);
    scope._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.branchSites.push({
      path: this.node.path,
      name: this.node.id,
      centralSitePath: this.centralSite.node.path,
      ...(this.addressSpace !== undefined ? { addressSpace: this.addressSpace } : {}),
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

const SURVIVABLE_PROPS = ['fqdn', 'backupRegistrar', 'users'];

/** Validated props of a survivable registrar, and its model record (shared by the appliance and the server). */
function survivableIntent(c: Construct, construct: string, kind: SurvivableBranchModel['kind'], props: SurvivableBranchProps): { branch: BranchSite; model: () => SurvivableBranchModel } {
  rejectUnknownProps(c, construct, props, SURVIVABLE_PROPS);
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
    this.record = intent.model;
    this.fqdn = props.fqdn;
    this.branch.deployment._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.survivableBranches.push(this.record());
  }
}

/** A Survivable Branch Server: a Windows server with a Registrar and a Mediation Server, for branches of 1,000 to 2,000 users without a resilient WAN (VOICE-6). */
export class SurvivableBranchServer extends Construct implements ISurvivableBranch {
  readonly fqdn: string;
  readonly branch: BranchSite;
  private readonly record: () => SurvivableBranchModel;

  constructor(scope: BranchSite, id: string, props: SurvivableBranchProps) {
    super(scope, id);
    const intent = survivableIntent(this, 'SurvivableBranchServer', 'server', props);
    this.branch = intent.branch;
    this.record = intent.model;
    this.fqdn = props.fqdn;
    this.branch.deployment._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.survivableBranches.push(this.record());
  }
}
