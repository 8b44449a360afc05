import { Construct, IConstruct } from 'constructs';
import { ResourceGroup } from '../azurerm';
import { DnsRecords } from '../azure/dns';
import { azureNamesOf } from '../azure/names';
import { Annotations, Aspects, TerraformVariable } from '../cdktf';
import { ProductVersion, Severity, SupportPosture } from '../enums';
import type { Server } from '../azure/servers';
import { CredentialModel, ServerModel, ServerRole, TopologyModel } from '../model/topology';
import { renderRunbook } from '../reports/runbook';
import { planningReports } from '../reports/index';
import { evaluate } from '../rules/engine';
import { Finding, formatFinding } from '../rules/rule';
import { acknowledgementsFor, reportsUnmatched } from './acknowledgements';
import { Lab, LabOptions } from './lab';
import { emptyParts, ITopologyMember } from './model-builder';
import { Roster } from './roster';
import type { CentralSite } from './site';
import { rejectUnknownProps, requireDomainName, requireEnum } from './validate-input';
import { rejectNameCollision, requireAdminUsername } from './deployment-input';

export interface SfbDeploymentProps {
  /** Lync Server 2013, Skype for Business Server 2015 or 2019. */
  readonly productVersion: ProductVersion;
  /** Public SIP domain (e.g. `contoso.com`): the public DNS zone of the SRV and Edge records. */
  readonly sipDomain: string;
  /** Internal AD DNS domain (e.g. `corp.contoso.com`): the private DNS zone of the servers and pools. */
  readonly adDomain: string;
  /**
   * Local administrator of every VM. The password is a sensitive Terraform variable, never a literal (SEC-1).
   * @default "sfbadmin"
   */
  readonly adminUsername?: string;
  /**
   * Acknowledges that Lync/SfB on Azure VMs has no Microsoft support statement (AZURE-1).
   * @default SupportPosture.UNACKNOWLEDGED - a warning finding until acknowledged
   */
  readonly supportPosture?: SupportPosture;
  /**
   * Lab mode: a domain controller per site, every server joined to the domain, the Windows features
   * each role needs, Azure Bastion per site, a daily shutdown and small VM sizes (see docs/lab.md).
   * Sets `supportPosture` to LAB unless given, and turns VM-1 sizing findings into info.
   * @default - no lab: no domain controllers, Bastion, prerequisites or shutdown schedules
   */
  readonly lab?: LabOptions;
}

const KNOWN_PROPS = ['productVersion', 'sipDomain', 'adDomain', 'adminUsername', 'supportPosture', 'lab'];

const DEPLOYMENT_SYMBOL = Symbol.for('cdktf-sfb-hadr.SfbDeployment');

/**
 * One Lync Server 2013 / Skype for Business Server topology: its central sites, pools and the
 * rules they must satisfy. Synthesis fails with every error finding at once.
 */
export class SfbDeployment extends Construct {
  static isSfbDeployment(x: unknown): x is SfbDeployment {
    return typeof x === 'object' && x !== null && DEPLOYMENT_SYMBOL in x;
  }

  /** The deployment a construct belongs to; throws, naming the construct, when there is none. */
  static of(construct: IConstruct, what: string): SfbDeployment {
    for (const c of construct.node.scopes.slice().reverse()) {
      if (SfbDeployment.isSfbDeployment(c)) return c;
    }
    throw new Error(`${what} ${construct.node.path} must be created inside an SfbDeployment (scope chain has none)`);
  }

  readonly productVersion: ProductVersion;
  readonly sipDomain: string;
  readonly adDomain: string;
  readonly adminUsername: string;
  readonly supportPosture: SupportPosture;
  /** Lower-case name used in Azure resource names. */
  readonly name: string;
  /** Sensitive variable holding the VM administrator password. */
  readonly adminPasswordVariable: TerraformVariable;
  /** Every DNS record set of the deployment, private and public. */
  readonly dns: DnsRecords;

  readonly sites = new Roster<CentralSite>();
  /** Every construct that records itself into the model, in creation order. */
  readonly members = new Roster<ITopologyMember & IConstruct>();
  /** Every server of the deployment (ServerGroup adds them), for cross-cutting resources such as the lab's. */
  readonly servers = new Roster<Server>();
  /** Lab mode, when the `lab` prop is given. */
  readonly lab?: Lab;
  private readonly serverModels: ServerModel[] = [];
  private readonly credentials: CredentialModel[] = [];
  private sharedGroup?: ResourceGroup;
  private sharedGroupName?: string;
  private adminPasswordToken?: string;
  private annotated = false;

  constructor(scope: Construct, id: string, props: SfbDeploymentProps) {
    super(scope, id);
    Object.defineProperty(this, DEPLOYMENT_SYMBOL, { value: true });
    rejectUnknownProps(this, 'SfbDeployment', props, KNOWN_PROPS);
    this.productVersion = requireEnum(this, 'SfbDeployment', 'productVersion', props.productVersion, ProductVersion, 'ProductVersion');
    this.sipDomain = requireDomainName(this, 'SfbDeployment', 'sipDomain', props.sipDomain);
    this.adDomain = requireDomainName(this, 'SfbDeployment', 'adDomain', props.adDomain, true);
    this.adminUsername = requireAdminUsername(this, props.adminUsername ?? 'sfbadmin');
    this.supportPosture = requireEnum(this, 'SfbDeployment', 'supportPosture', props.supportPosture ?? (props.lab !== undefined ? SupportPosture.LAB : SupportPosture.UNACKNOWLEDGED), SupportPosture, 'SupportPosture');
    this.name = id.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    rejectNameCollision(this);

    this.adminPasswordVariable = new TerraformVariable(this, 'admin-password', {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: `Administrator password of every VM of deployment ${id} (user ${this.adminUsername}). Never committed: pass it as TF_VAR_${this.variablePrefix()}_admin_password.`,
    });
    this.adminPasswordVariable.overrideLogicalId(`${this.variablePrefix()}_admin_password`);
    this.registerCredential({ path: this.node.path, name: 'VM administrator password', source: 'sensitive-variable' });

    this.dns = new DnsRecords(this, 'dns', {
      resourceGroupName: () => (this.sharedGroupName ??= this.sharedResourceGroup().name),
      privateDomains: [this.adDomain, this.sipDomain],
      publicDomains: [this.sipDomain],
    });

    this.dns.privateZones.forEach((zone) =>
      this.sites.forEach((site) => this.dns.linkPrivateZone(zone, site.node.id, site.virtualNetwork.id)),
    );

    if (props.lab !== undefined) this.lab = new Lab(this, 'lab', props.lab, props.supportPosture);

    this.node.addValidation({
      validate: () => this.findings().filter((f) => f.severity === Severity.ERROR).map(formatFinding),
    });
    Aspects.of(this).add({
      visit: (node) => {
        if (node === this) this.annotateWarnings();
      },
    });
  }

  /**
   * The VM size of a server whose construct was given no `vmSize`: the lab size of the role in lab
   * mode, else the construct's production default. Constructs call it as
   * `props.vmSize ?? deployment.defaultVmSize(role, 'Standard_D16s_v5')`, so an explicit prop wins.
   */
  defaultVmSize(role: ServerRole, productionDefault: string): string {
    return this.lab?.vmSizes[role] ?? productionDefault;
  }

  /** Terraform-safe prefix for the deployment's variables. */
  variablePrefix(): string {
    return this.node.id.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  }

  /** The administrator password as a variable reference (never a literal). */
  get adminPassword(): string {
    return (this.adminPasswordToken ??= this.adminPasswordVariable.stringValue);
  }

  /** Resource group for deployment-wide resources (DNS zones), in the first site's region. */
  sharedResourceGroup(): ResourceGroup {
    if (!this.sharedGroup) {
      const first = this.sites.all[0];
      if (!first) {
        throw new Error(`SfbDeployment ${this.node.path}: create a CentralSite before the first pool, so shared resources have a region`);
      }
      this.sharedGroup = new ResourceGroup(this, 'shared-resource-group', {
        name: `rg-${this.name}-shared`,
        location: first.location,
      });
    }
    return this.sharedGroup;
  }

  /** Records a construct into the topology model. */
  register(member: ITopologyMember & IConstruct): void {
    this.members.add(member);
  }

  registerServer(server: ServerModel): void {
    this.serverModels.push(server);
  }

  registerCredential(credential: CredentialModel): void {
    this.credentials.push(credential);
  }

  /** The topology as it stands, as plain data. */
  toModel(): TopologyModel {
    const parts = emptyParts();
    for (const m of this.members.all) m.contribute(parts);
    const { extra, ...rest } = parts;
    return {
      path: this.node.path,
      productVersion: this.productVersion,
      sipDomain: this.sipDomain,
      adDomain: this.adDomain,
      supportPosture: this.supportPosture,
      lab: this.lab !== undefined,
      ...(this.lab ? { labEnvironment: this.lab.toModel() } : {}),
      ...rest,
      flows: this.sites.all.flatMap((s) => s.flows),
      credentials: [...this.credentials],
      srvEntries: this.dns.srvEntries,
      dnsRecords: this.dns.records,
      servers: [...this.serverModels],
      azureNames: azureNamesOf(this),
      extra,
    };
  }

  /** The disaster-recovery runbook of the topology as it stands, as Markdown (lib/reports/runbook.ts). */
  runbook(): string {
    return renderRunbook(this.toModel());
  }

  /** Every finding of this deployment, acknowledgements applied. */
  findings(): Finding[] {
    return evaluate(this.toModel(), acknowledgementsFor(this), undefined, reportsUnmatched(this));
  }

  /**
   * The planning reports (DNS, certificates, firewall, hardware, topology diagram, findings) as
   * Markdown by file name, generated from the model with acknowledged findings shown.
   */
  reports(): Record<string, string> {
    return planningReports(this.toModel(), this.findings());
  }

  private annotateWarnings(): void {
    if (this.annotated) return;
    this.annotated = true;
    const byPath = new Map(this.node.findAll().map((c) => [c.node.path, c]));
    for (const f of this.findings()) {
      if (f.severity !== Severity.WARNING) continue;
      Annotations.of(byPath.get(f.path) ?? this).addWarning(formatFinding(f));
    }
  }
}
