import { Construct, IConstruct } from 'constructs';
import { ResourceGroup } from '../azurerm';
import { DnsRecords } from '../azure/dns';
import { azureNamesOf } from '../azure/names';
import { Annotations, Aspects, TerraformVariable } from '../cdktf';
import { ProductVersion, Severity, SupportPosture } from '../enums';
import type { ServerDefaults } from '../azure/placement';
import type { Server } from '../azure/servers';
import { AddressBook } from './address-book';
import { defaultEvaluationDate, isIsoDate } from '../model/lifecycle';
import { CredentialModel, ServerModel, ServerRole, TopologyModel } from '../model/topology';
import { resolveAddresses } from './resolve';
import { bumpRevision, perRevision } from '../azure/revision';
import { dnsRecordModels } from '../model/dns-plan';
import { FirstHopOffer, planRegistrarDiscovery } from '../model/registrar-discovery';
import { renderRunbook } from '../reports/runbook';
import { planningReports } from '../reports/index';
import { evaluate } from '../rules/engine';
import { Finding, formatFinding } from '../rules/rule';
import { acknowledgementsFor, reportsUnmatched } from './acknowledgements';
import { Lab, LabOptions } from './lab';
import { emptyParts, ITopologyMember } from './model-builder';
import { Roster } from './roster';
import type { CentralSite } from './site';
import { rejectUnknownProps, requireDomainName, requireEnum, requireRegion } from './validate-input';
import { rejectNameCollision, requireAdminUsername } from './deployment-input';
import { requireSimpleUrls, simpleUrlPlanFromMembers, simpleUrlPlanOf, SimpleUrlsProps } from './simple-urls';
import { simpleUrlDnsIntents, SimpleUrlSettings } from '../model/simple-urls';
import { renderTrafficManager } from '../azure/traffic-manager';

export interface SfbDeploymentProps {
  /** Lync Server 2013, Skype for Business Server 2015, 2019 or Subscription Edition. */
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
  /**
   * Azure region of the resource group that holds deployment-wide resources (the DNS zones). Give it
   * explicitly: the default depends on which site is declared first.
   * @default the region of the first CentralSite declared
   */
  readonly globalLocation?: string;
  /**
   * The day (`YYYY-MM-DD`) against which the lifecycle findings (LIFE-*) judge whether the product,
   * SQL Server and Windows Server versions are still supported. Pin it to keep findings stable.
   * @default - today (UTC) when the deployment is constructed, or the date in the environment
   * variable `SFB_EVALUATION_DATE` when it is set (to pin a whole build)
   */
  readonly evaluationDate?: string;
  /**
   * Simple URLs (Meet, Dial-in, Admin) as set in Topology Builder, and whether the external ones fail
   * over with Azure Traffic Manager (lib/model/simple-urls.ts says why and what cannot).
   * @default - Meet `https://meet.<sipDomain>`, Dial-in `https://dialin.<sipDomain>`, no Admin URL,
   * Traffic Manager when pools are paired across sites
   */
  readonly simpleUrls?: SimpleUrlsProps;
}

const KNOWN_PROPS = ['productVersion', 'sipDomain', 'adDomain', 'adminUsername', 'supportPosture', 'lab', 'globalLocation', 'evaluationDate', 'simpleUrls'];

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
  /** Region of deployment-wide resources, when given (else the first site's). */
  readonly globalLocation?: string;
  /** The day the lifecycle findings are evaluated against (`YYYY-MM-DD`). */
  readonly evaluationDate: string;
  /** Lower-case name used in Azure resource names. */
  readonly name: string;
  /** Sensitive variable holding the VM administrator password. */
  readonly adminPasswordVariable: TerraformVariable;
  /** Every DNS record set of the deployment, private and public. */
  readonly dns: DnsRecords;
  /** The simple-URL settings given (defaults are filled in by the plan). */
  readonly simpleUrls?: SimpleUrlSettings;

  readonly sites = new Roster<CentralSite>();
  /** Every construct that records itself into the model, in creation order. */
  readonly members = new Roster<ITopologyMember & IConstruct>();
  /** Every server of the deployment (ServerGroup adds them), for cross-cutting resources such as the lab's. */
  readonly servers = new Roster<Server>();
  /** Every address block requested, planned by stable key (lib/model/address-plan.ts). */
  readonly addresses = new AddressBook();
  /** Lab mode, when the `lab` prop is given. */
  readonly lab?: Lab;
  private readonly serverModels: ServerModel[] = [];
  private readonly credentials: CredentialModel[] = [];
  private sharedGroup?: ResourceGroup;
  private readonly firstHopOffers: FirstHopOffer[] = [];
  private rendered = false;
  private readonly plannedModel = perRevision(() => resolveAddresses(this.rawModel(), (text) => this.addresses.resolve(text)));
  private readonly plannedFindings = perRevision(() => evaluate(this.toModel(), acknowledgementsFor(this), undefined, reportsUnmatched(this)));
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
    if (props.globalLocation !== undefined) this.globalLocation = requireRegion(this, 'SfbDeployment', 'globalLocation', props.globalLocation);
    if (props.evaluationDate !== undefined && !isIsoDate(props.evaluationDate)) {
      throw new Error(`SfbDeployment ${this.node.path}: evaluationDate "${props.evaluationDate}" is not a date; write it as YYYY-MM-DD, e.g. "2026-12-01"`);
    }
    this.evaluationDate = props.evaluationDate ?? defaultEvaluationDate();
    this.simpleUrls = requireSimpleUrls(this, props.simpleUrls);
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
      privateDomains: [this.adDomain, this.sipDomain],
      publicDomains: [this.sipDomain],
      requiredPrivateZones: [this.adDomain],
    });
    this.dns.derive(() => {
      const plan = this.registrarDiscovery();
      return { srv: plan.srv, a: plan.aliases };
    });
    this.dns.derive(() => simpleUrlDnsIntents(simpleUrlPlanFromMembers(this, this.members.all)));

    if (props.lab !== undefined) this.lab = new Lab(this, 'lab', props.lab, props.supportPosture);

    this.node.addValidation({
      validate: () => this.findings().filter((f) => f.severity === Severity.ERROR).map(formatFinding),
    });
    Aspects.of(this).add({
      visit: (node) => {
        if (node !== this) return;
        this.render();
        this.annotateWarnings();
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
      const location = this.globalLocation ?? this.sites.all[0]?.location;
      if (!location) {
        throw new Error(`SfbDeployment ${this.node.path}: create a CentralSite (or give globalLocation) before the first pool, so shared resources have a region`);
      }
      this.sharedGroup = new ResourceGroup(this, 'shared-resource-group', {
        name: `rg-${this.name}-shared`,
        location,
      });
    }
    return this.sharedGroup;
  }

  /** Records a construct into the topology model. */
  register(member: ITopologyMember & IConstruct): void {
    this.members.add(member);
    bumpRevision();
  }

  registerServer(server: Server): void {
    this.serverModels.push(server.model);
    this.servers.add(server);
    bumpRevision();
  }

  /** What every server of the deployment shares. */
  get serverDefaults(): ServerDefaults {
    return { deploymentName: this.name, adminUsername: this.adminUsername, adminPassword: this.adminPassword, adDomain: this.adDomain };
  }

  registerCredential(credential: CredentialModel): void {
    this.credentials.push(credential);
    bumpRevision();
  }

  /**
   * The topology as it stands, as plain data, with every planned address in place of its token.
   * Planned once per change: validation, annotations, the runbook and the reports share it.
   */
  toModel(): TopologyModel {
    return this.plannedModel();
  }

  /** Offers a pool as its site's first hop for sign-in (lib/model/registrar-discovery.ts decides). */
  offerFirstHop(offer: Omit<FirstHopOffer, 'addresses'> & { readonly addresses: readonly string[] }): void {
    this.firstHopOffers.push({ ...offer, addresses: offer.addresses.map((value) => ({ value })) });
    bumpRevision();
  }

  private registrarDiscovery() {
    const resolve = (text: string) => this.addresses.resolve(text);
    return planRegistrarDiscovery(
      this.sipDomain,
      this.firstHopOffers.map((o) => ({ ...o, addresses: o.addresses.map((a) => ({ value: resolve(a.value) })) })),
    );
  }

  /**
   * Renders what is planned from the whole topology (DNS record sets and zone links, NSG rules), once,
   * at synthesis, when every construct has asked for what it needs.
   */
  private render(): void {
    if (this.rendered) return;
    this.rendered = true;
    const sites = this.sites.all;
    if (sites.length === 0) return;
    this.dns.render(
      this.dns.plan((text) => this.addresses.resolve(text)),
      this.sharedResourceGroup().name,
      sites.map((site) => ({ key: site.node.id, networkId: site.virtualNetwork.id })),
    );
    for (const site of sites) site.renderFirewalls();
    const trafficManager = this.toModel().simpleUrls?.trafficManager;
    if (trafficManager) renderTrafficManager(this, trafficManager, this.sharedResourceGroup().name);
  }

  private rawModel(): TopologyModel {
    const parts = emptyParts();
    for (const m of this.members.all) m.contribute(parts);
    const { extra, ...rest } = parts;
    const dnsPlan = this.dns.plan((text) => this.addresses.resolve(text));
    return {
      path: this.node.path,
      productVersion: this.productVersion,
      sipDomain: this.sipDomain,
      adDomain: this.adDomain,
      supportPosture: this.supportPosture,
      evaluationDate: this.evaluationDate,
      lab: this.lab !== undefined,
      ...(this.lab ? { labEnvironment: this.lab.toModel() } : {}),
      ...rest,
      flows: this.sites.all.flatMap((s) => s.flows),
      credentials: [...this.credentials],
      srvEntries: dnsPlan.srv.flatMap((r) => r.entries),
      dnsRecords: dnsRecordModels(dnsPlan),
      siteSrvAnswers: [...this.registrarDiscovery().siteAnswers],
      simpleUrls: simpleUrlPlanOf(this, parts),
      servers: [...this.serverModels],
      azureNames: azureNamesOf(this),
      addressPlan: this.addresses.plan(),
      extra,
    };
  }

  /** The disaster-recovery runbook of the topology as it stands, as Markdown (lib/reports/runbook.ts). */
  runbook(): string {
    return renderRunbook(this.toModel());
  }

  /** Every finding of this deployment, acknowledgements applied. */
  findings(): Finding[] {
    return this.plannedFindings();
  }

  /**
   * The planning reports (DNS, certificates, firewall, hardware, topology diagram, findings, upgrade) as
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
