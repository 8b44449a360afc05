import { Construct, IConstruct } from 'constructs';
import { ResourceGroup } from '../azurerm';
import { DnsRecords, renderDns } from '../azure/dns';
import { azureNamesOf } from '../azure/names';
import { Annotations, App, Aspects, TerraformStack, TerraformVariable } from '../cdktf';
import { isApp, isSite, libraryStack, RemoteStateStorage, siteOf } from './stacks';
import { sharedResourceGroupName } from '../model/names';
import { defaultGlobalLocation } from '../model/regions';
import { byPathOrder, compareKeys, sortedByKeys } from '../model/keys';
import { chooseCentralManagementStore, CmsCandidate } from '../model/central-management';
import { ProductVersion, Severity, SupportPosture } from '../enums';
import type { ServerDefaults } from '../azure/placement';
import type { Server } from '../azure/servers';
import { AddressBook } from './address-book';
import { defaultEvaluationDate, isIsoDate } from '../model/lifecycle';
import { CredentialModel, ServerRole, TopologyModel } from '../model/topology';
import { resolveAddresses } from './resolve';
import { Revision } from '../model/revision';
import type { SitePeering } from './peering';
import type { BranchNetwork } from './branch-network';
import { dnsRecordModels } from '../model/dns-plan';
import { FirstHopOffer, planRegistrarDiscovery } from '../model/registrar-discovery';
import { renderRunbook } from '../reports/runbook';
import { topologyDocument } from '../reports/topology-document';
import { planningReports } from '../reports/index';
import { evaluate } from '../rules/engine';
import { Finding, formatFinding } from '../rules/rule';
import { acknowledgementsFor, reportsUnmatched } from './acknowledgements';
import { deploymentsOf, registerDeployment } from './tree-deployments';
import { Lab, LabOptions } from './lab';
import { emptyParts, ITopologyMember } from './model-builder';
import { Roster } from './roster';
import type { CentralSite } from './site';
import { describeValue, rejectUnknownProps, requireDomainName, requireEnum, requireRegion, requireCount } from './validate-input';
import { rejectNameCollision, rejectSipDomainClaimed, requireAdminUsername, requireRemoteState } from './deployment-input';
import { requireSimpleUrls, simpleUrlPlanFromMembers, simpleUrlPlanOf, SimpleUrlsProps } from './simple-urls';
import { simpleUrlDnsIntents, SimpleUrlSettings } from '../model/simple-urls';
import { renderTrafficManager } from '../azure/traffic-manager';
import { BackupOptions, resolveBackupOptions, ResolvedBackup } from './backups';
import type { MssqlVirtualMachineAutoBackup } from '../azurerm';
import type { SitePlacement } from '../azure/placement';
import type { SqlHaMode } from '../model/backup';
import { SqlServerVersion } from '../enums';

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
   * explicitly (GLOBAL-2): the default moves with the Central Management Store, or with a site added later with a smaller ID.
   * @default - the region of the site whose pool hosts the Central Management Store (else of the smallest site ID); with a stack per site a region no site uses, near that site's
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
   * Remote state for the stacks a deployment makes in an `App` (one per site and `<id>-global`): per
   * region, the storage account that holds the state of the stacks in that region. Each stack gets an
   * azurerm backend in its own region (container: the stack name; key: terraform.tfstate), so the
   * state of a surviving site never lives in the failed region. The accounts cannot live in the stacks
   * they serve: create them first (docs/per-site-stacks.md). Needs `globalLocation`.
   * @default - local state
   */
  readonly remoteState?: { readonly [region: string]: RemoteStateStorage };
  /**
   * Simple URLs (Meet, Dial-in, Admin) as set in Topology Builder, and whether the external ones fail
   * over with Azure Traffic Manager (lib/model/simple-urls.ts says why and what cannot).
   * @default - Meet `https://meet.<sipDomain>`, Dial-in `https://dialin.<sipDomain>`, no Admin URL,
   * Traffic Manager when pools are paired across sites
   */
  readonly simpleUrls?: SimpleUrlsProps;
  /**
   * Backups the restore procedures start from (docs/backups.md): per site a Recovery Services vault
   * (GeoRedundant, Cross Region Restore) protecting every server the restore rebuilds, SQL Automated
   * Backup of the back ends (full + log), and a private storage account in the partner site for the
   * scheduled Export-CsConfiguration, -CsLisConfiguration, -CsRgsConfiguration and -CsUserData.
   * `{ enabled: false }` turns them off (BACKUP-1 warns).
   * @default - backups with the defaults of BackupOptions; none in lab mode (cost; BACKUP-3 notes it)
   */
  readonly backup?: BackupOptions;
}

const KNOWN_PROPS = ['productVersion', 'sipDomain', 'adDomain', 'adminUsername', 'supportPosture', 'lab', 'globalLocation', 'evaluationDate', 'remoteState', 'simpleUrls', 'backup'];

const DEPLOYMENT_SYMBOL = Symbol.for('cdktf-sfb-hadr.SfbDeployment');

/**
 * One Lync Server 2013 / Skype for Business Server topology: its central sites, pools and the
 * rules they must satisfy. Synthesis fails with every error finding at once.
 */
export class SfbDeployment extends Construct {
  static isSfbDeployment(x: unknown): x is SfbDeployment {
    return typeof x === 'object' && x !== null && DEPLOYMENT_SYMBOL in x;
  }

  /** The deployment a construct belongs to; throws, naming the construct, when there is none. @internal */
  static _of(construct: IConstruct, what: string): SfbDeployment {
    for (const c of construct.node.scopes.slice().reverse()) {
      if (SfbDeployment.isSfbDeployment(c)) return c;
      // A site in a stack of its own is not under its deployment: it knows it.
      if (isSite(c)) return c.deployment as SfbDeployment;
    }
    throw new Error(`${what} ${construct.node.path} must be created inside an SfbDeployment (scope chain has none)`);
  }

  readonly productVersion: ProductVersion;
  readonly sipDomain: string;
  readonly adDomain: string;
  readonly adminUsername: string;
  readonly supportPosture: SupportPosture;
  /** Region of deployment-wide resources, when given (else chosen by key: `defaultGlobalLocation` in lib/model/regions.ts). */
  readonly globalLocation?: string;
  /** The day the lifecycle findings are evaluated against (`YYYY-MM-DD`). */
  readonly evaluationDate: string;
  /** Lower-case name used in Azure resource names. */
  readonly name: string;
  /** Sensitive variable holding the VM administrator password (one stack: the deployment's; one stack per site: each site has its own). @internal */
  readonly _adminPasswordVariable?: TerraformVariable;
  /** Every DNS record set of the deployment, private and public. @internal */
  readonly _dns: DnsRecords;
  /** The simple-URL settings given (defaults are filled in by the plan). @internal */
  readonly _simpleUrls?: SimpleUrlSettings;

  /** @internal */
  readonly _sites = new Roster<CentralSite>();
  /** Every construct that records itself into the model, in creation order. @internal */
  readonly _members = new Roster<ITopologyMember & IConstruct>();
  /** Every server of the deployment (ServerGroup adds them), for cross-cutting resources such as the lab's. @internal */
  readonly _servers = new Roster<Server>();
  /** This deployment's change counter: every intent bumps it, every plan is memoized on it. @internal */
  readonly _revision = new Revision();
  /** Every address block requested, planned by stable key (lib/model/address-plan.ts). @internal */
  readonly _addresses = new AddressBook(this._revision);
  /** NSG flow sources by key, one per change, shared by every intent that asks (flow-sources.ts). @internal */
  readonly _sharedSources = new Map<string, () => string[]>();
  /** The pools that host the Central Management Store, chosen by key once per change (lib/model/central-management.ts). @internal */
  readonly _centralManagementStore = this._revision.memo(() =>
    chooseCentralManagementStore(this._members.all.flatMap((m) => (m as { readonly _cmsCandidate?: CmsCandidate })._cmsCandidate ?? [])),
  );
  /** The networks of branch sites in Azure, in creation order (branch-network.ts). @internal */
  readonly _branchNetworks: BranchNetwork[] = [];
  /** Site peerings by sorted pair of site IDs (peering.ts). @internal */
  readonly _peerings = new Map<string, SitePeering>();
  /** Whether `sip.<sipDomain>` is asked for already (edge-pool.ts). @internal */
  _sipNamePublished = false;
  /** Lab mode, when the `lab` prop is given. @internal */
  readonly _lab?: Lab;
  /** The backup settings, defaults applied (the `backup` prop). @internal */
  readonly _backupSettings: ResolvedBackup;
  private readonly credentials: CredentialModel[] = [];
  private sharedGroup?: ResourceGroup;
  private readonly firstHopOffers: FirstHopOffer[] = [];
  private rendered = false;
  // The plan is taken from the intents alone. Rendering reads it and never writes back: when rendering
  // starts the revision is locked, and an intent recorded after that throws (lib/model/revision.ts).
  private readonly plannedModel = this._revision.memo(() => resolveAddresses(this.rawModel(), (text) => this._addresses.resolve(text)));
  // Keyed by what outside the deployment they read too: the acknowledgements and the deployments of
  // the tree (ACK-1 reports one above the deployment only if it is the only deployment there), each a
  // new array per change. The model is this revision's own.
  private readonly plannedFindings = this._revision.memoAnd(
    () => [acknowledgementsFor(this), deploymentsOf(this)] as const,
    ([acknowledgements]) => evaluate(this._toModel(), acknowledgements, undefined, reportsUnmatched(this)),
  );
  private readonly variableTokens = new Map<string, string>();
  private annotated = false;

  /** Where the deployment lives: the user's stack, or in an App the `<id>-global` stack it makes. */
  private static hostOf(scope: Construct, id: string, props: SfbDeploymentProps): Construct {
    if (typeof id !== 'string' || id === '') {
      throw new Error(`SfbDeployment: id ${describeValue(id)} is not a name; give the deployment an ID such as "contoso" (it becomes part of every Azure name)`);
    }
    if (typeof scope !== 'object' || scope === null || !Construct.isConstruct(scope)) {
      throw new Error(`SfbDeployment ${id}: scope ${describeValue(scope)} is not a construct; pass your TerraformStack (everything in one stack) or the App (one stack per site), e.g. new SfbDeployment(stack, "${id}", { ... })`);
    }
    requireRemoteState(id, props?.remoteState);
    if (!isApp(scope)) return scope;
    const region = typeof props?.globalLocation === 'string' ? props.globalLocation.toLowerCase() : undefined;
    if (props?.remoteState !== undefined && region === undefined) {
      throw new Error(`SfbDeployment ${id}: remoteState needs globalLocation, the region of the ${id}-global stack and of its state; give a region that no site uses`);
    }
    return libraryStack(scope, `${id}-global`, region, props?.remoteState, `SfbDeployment ${id}`);
  }

  /** True when the deployment was created in an App and makes one stack per site. @internal */
  readonly _perSiteStacks: boolean;
  /** The stack of deployment-wide resources: `<id>-global` in an App, else the user's stack. */
  readonly stack: TerraformStack;
  /** Remote state storage per region (App mode). */
  readonly remoteState?: { readonly [region: string]: RemoteStateStorage };

  constructor(scope: Construct, id: string, props: SfbDeploymentProps) {
    super(SfbDeployment.hostOf(scope, id, props), id);
    this._perSiteStacks = isApp(scope);
    this.stack = TerraformStack.of(this);
    Object.defineProperty(this, DEPLOYMENT_SYMBOL, { value: true });
    registerDeployment(this);
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
    this._simpleUrls = requireSimpleUrls(this, props.simpleUrls);
    rejectNameCollision(this);
    rejectSipDomainClaimed(this);
    if (props.remoteState !== undefined && !this._perSiteStacks) {
      throw new Error(`SfbDeployment ${this.node.path}: remoteState is for the stacks a deployment makes in an App; in your own TerraformStack add a backend to that stack (cdktf's AzurermBackend)`);
    }
    this.remoteState = props.remoteState;
    this._backupSettings = resolveBackupOptions(this.node.path, props.backup, props.lab !== undefined);

    if (!this._perSiteStacks) {
      this._adminPasswordFor(this);
      this._adminPasswordVariable = this.node.findChild('admin-password') as TerraformVariable;
    }

    this._dns = new DnsRecords(this, 'dns', {
      privateDomains: [this.adDomain, this.sipDomain],
      publicDomains: [this.sipDomain],
      requiredPrivateZones: [this.adDomain],
      revision: this._revision,
    });
    this._dns.derive(() => {
      const plan = this.registrarDiscovery();
      return { srv: plan.srv, a: plan.aliases };
    });
    this._dns.derive(() => simpleUrlDnsIntents(simpleUrlPlanFromMembers(this, this._members.all)));

    if (props.lab !== undefined) this._lab = new Lab(this, 'lab', props.lab, props.supportPosture);

    this.node.addValidation({
      validate: () => this.findings().filter((f) => f.severity === Severity.ERROR).map(formatFinding),
    });
    Aspects.of(this).add({
      visit: (node) => {
        if (node !== this) return;
        this._render();
        this.annotateWarnings();
        this.refuseErrorsWithoutValidation();
      },
    });
  }

  /**
   * The VM size of a server whose construct was given no `vmSize`: the lab size of the role in lab
   * mode, else the construct's production default. Constructs call it as
   * `props.vmSize ?? deployment.defaultVmSize(role, 'Standard_D16s_v5')`, so an explicit prop wins.
* @internal
      */
  _defaultVmSize(role: ServerRole, productionDefault: string): string {
    return this._lab?.vmSizes[role] ?? productionDefault;
  }

  /** Terraform-safe prefix for the deployment's variables. @internal */
  _variablePrefix(): string {
    return this.node.id.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  }

  /** The administrator password as a variable reference (never a literal). @internal */
  get _adminPassword(): string {
    return this._adminPasswordFor(this);
  }

  /** The administrator password as a variable reference in the stack of `near`. @internal */
  _adminPasswordFor(near: IConstruct): string {
    return this.sensitiveVariable(near, 'admin_password', 'VM administrator password', `Administrator password of every VM of deployment ${this.node.id} (user ${this.adminUsername})`);
  }

  /** The password of a service account as a variable reference in the stack of `near`. @internal */
  _passwordVariable(near: IConstruct, key: string, account: string): string {
    return this.sensitiveVariable(near, key, `${account} password`, `Password of the ${account} of deployment ${this.node.id}`);
  }

  /**
   * A sensitive variable's reference in the stack of `near`: the deployment's own in one stack, the
   * site's in a stack per site, so no stack reads another's. Created once per stack and key, and
   * registered once as a credential (SEC-1).
   */
  private sensitiveVariable(near: IConstruct, key: string, what: string, description: string): string {
    const host: Construct = this._perSiteStacks ? siteOf(near) ?? this : this;
    const id = key.replace(/_/g, '-');
    const cacheKey = `${host.node.path}|${id}`;
    const known = this.variableTokens.get(cacheKey);
    if (known) return known;
    const v = new TerraformVariable(host, id, {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: `${description}. Never committed: pass it as TF_VAR_${this._variablePrefix()}_${key}.`,
    });
    v.overrideLogicalId(`${this._variablePrefix()}_${key}`);
    if (!this.credentials.some((c) => c.name === what)) this._registerCredential({ path: this.node.path, name: what, source: 'sensitive-variable' });
    const token = v.stringValue;
    this.variableTokens.set(cacheKey, token);
    return token;
  }

  /** Name of the resource group of deployment-wide resources (a literal: other stacks refer to it by name). @internal */
  get _sharedResourceGroupName(): string {
    return sharedResourceGroupName(this.name);
  }

  /**
   * Region of deployment-wide resources: `globalLocation`, else in one stack the region of the primary
   * site (the Central Management Store's, else the smallest site ID), and with a stack per site a region
   * no site uses (that site's paired region when free, else the first free region of its geography), so
   * the public DNS survives the loss of any site's region (lib/model/regions.ts `defaultGlobalLocation`).
* @internal
      */
  _resolvedGlobalLocation(): string | undefined {
    if (this.globalLocation !== undefined) return this.globalLocation;
    return defaultGlobalLocation(this._sites.all.map((s) => ({ name: s.node.id, location: s.location })), this._perSiteStacks, this._primarySiteId())?.location;
  }

  /**
   * ID of the site that hosts the Central Management Store (given or chosen by key), if any: the
   * primary site of the choices of one site (`primarySite` in lib/model/regions.ts).
   * @internal
   */
  _primarySiteId(): string | undefined {
    return this._centralManagementStore().hosts[0]?.split('/')[0];
  }

  /** Resource group for deployment-wide resources (DNS zones), in `resolvedGlobalLocation()`. @internal */
  _sharedResourceGroup(): ResourceGroup {
    if (!this.sharedGroup) {
      const location = this._resolvedGlobalLocation();
      if (!location) {
        throw new Error(`SfbDeployment ${this.node.path}: create a CentralSite (or give globalLocation) before the first pool, so shared resources have a region`);
      }
      this.sharedGroup = new ResourceGroup(this, 'shared-resource-group', {
        name: this._sharedResourceGroupName,
        location,
      });
    }
    return this.sharedGroup;
  }

  /** Records a construct into the topology model. @internal */
  _register(member: ITopologyMember & IConstruct): void {
    this._members.add(member);
    this._revision.bump();
  }

  /** @internal */
  _registerServer(server: Server): void {
    this._servers.add(server);
    this._revision.bump();
  }

  /** The servers below a construct path (a back end's SQL servers), from one index per change. @internal */
  _serversUnder(path: string): readonly Server[] {
    return this.serversByAncestor().get(path) ?? [];
  }

  private readonly serversByAncestor = this._revision.memo(() => {
    const index = new Map<string, Server[]>();
    for (const server of this._servers.all) {
      const path = server.model.path;
      for (let at = path.indexOf('/'); at > 0; at = path.indexOf('/', at + 1)) {
        const ancestor = path.slice(0, at);
        const list = index.get(ancestor);
        if (list) list.push(server);
        else index.set(ancestor, [server]);
      }
    }
    return index;
  });

  /** What every server in the stack of `near` shares. @internal */
  _serverDefaultsFor(near: IConstruct): ServerDefaults {
    return { deploymentName: this.name, adminUsername: this.adminUsername, adminPassword: this._adminPasswordFor(near), adDomain: this.adDomain };
  }

  /** @internal */
  _registerCredential(credential: CredentialModel): void {
    this.credentials.push(credential);
    this._revision.bump();
  }

  /**
   * The topology as it stands, as plain data, with every planned address in place of its token.
   * Planned once per change: validation, annotations, the runbook and the reports share it.
* @internal
      */
  _toModel(): TopologyModel {
    return this.plannedModel();
  }

  /** The stable key of an address owner: its construct path below the deployment. @internal */
  _addressOwnerKey(path: string): string {
    const dep = this.node.path;
    if (path.startsWith(dep + '/')) return path.slice(dep.length + 1);
    // A site in a stack of its own: the same key as under the deployment (`<site>/<owner>`).
    const site = this._sites.all.find((s) => path === s.node.path || path.startsWith(s.node.path + '/'));
    return site ? `${site.node.id}${path.slice(site.node.path.length)}` : path;
  }

  /** Pins an owner's address block (the `addressBlock` prop of pools, back ends and file stores). @internal */
  _pinAddressBlock(owner: IConstruct, construct: string, value: unknown): void {
    if (value === undefined || value === null) return;
    const index = requireCount(owner, construct, 'addressBlock', value, 0, 1023);
    this._addresses.pin(this._addressOwnerKey(owner.node.path), index);
  }

  /** Offers a pool as its site's first hop for sign-in (lib/model/registrar-discovery.ts decides). @internal */
  _offerFirstHop(offer: Omit<FirstHopOffer, 'addresses'> & { readonly addresses: readonly string[] }): void {
    this.firstHopOffers.push({ ...offer, addresses: offer.addresses.map((value) => ({ value })) });
    this._revision.bump();
  }

  /** Each site's first hop for sign-in, planned once per change (the DNS plan and the model share it). */
  private readonly registrarDiscovery = this._revision.memo(() => {
    const resolve = (text: string) => this._addresses.resolve(text);
    return planRegistrarDiscovery(
      this.sipDomain,
      this.firstHopOffers.map((o) => ({ ...o, addresses: o.addresses.map((a) => ({ value: resolve(a.value) })) })),
    );
  });

  /** The DNS plan of every record asked for, once per change (the model and render share it). */
  private readonly dnsPlan = this._revision.memo(() => this._dns.plan((text) => this._addresses.resolve(text)));

  /**
   * Renders what is planned from the whole topology (DNS record sets and zone links, NSG rules), once,
   * at synthesis, when every construct has asked for what it needs. An aspect on the deployment (and,
   * with a stack per site, on every site) calls it, whichever stack is synthesized first.
* @internal
      */
  _render(): void {
    if (this.rendered) return;
    this.rendered = true;
    const sites = this._sites.all;
    if (sites.length === 0) return;
    this._lab?.apply();
    const model = this._toModel();
    this._revision.lock(`${this.node.path} is being rendered`);
    const plan = this.dnsPlan();
    if (!this._perSiteStacks) {
      this._dns.render(plan, this._sharedResourceGroup().name, [...sites.map((site) => ({ key: site.node.id, networkId: site._virtualNetwork.id })), ...this.branchLinks()]);
    } else {
      // The global stack: the public zones and the public record sets no one site owns (SRV, CNAME).
      renderDns(this._dns, plan, { resourceGroupName: this._sharedResourceGroup().name, links: [], privateZones: false, publicZones: true, records: (r) => r.site === undefined });
      // Each site: its own copy of every private zone, linked to its own network, and the public
      // record sets of its own public IPs, referring to the public zone by name.
      for (const site of sites) {
        renderDns(new Construct(site, 'dns'), plan, {
          resourceGroupName: site.resourceGroupName,
          links: [{ key: site.node.id, networkId: site._virtualNetwork.id }, ...this.branchLinks(site)],
          privateZones: true,
          publicZones: false,
          publicZoneResourceGroupName: this._sharedResourceGroupName,
          records: (r) => r.site === site.node.id,
        });
      }
    }
    for (const site of sites) site._renderFirewalls();
    // What members build from the whole plan (a reverse proxy's Application Gateway).
    for (const m of this._members.all) m._renderFromPlan?.(model);
    for (const network of this._branchNetworks) network._firewall.render();
    const trafficManager = model.simpleUrls?.trafficManager;
    if (trafficManager) renderTrafficManager(this, trafficManager, this._sharedResourceGroup().name);
    for (const site of sites) site._backups?.render(model);
  }

  /** Private-zone links of the branch networks in Azure (of one central site's, with a stack per site: they share its stack). */
  private branchLinks(site?: CentralSite): { key: string; networkId: string }[] {
    return this._branchNetworks.filter((n) => site === undefined || n.centralSite === site).map((n) => ({ key: n.linkKey, networkId: n._virtualNetwork.id }));
  }

  /** The `auto_backup` block of a SQL Server VM in `site` (the SQL building block asks), if backups serve it. @internal */
  _sqlAutoBackup(site: SitePlacement, server: { readonly path: string; readonly haMode: SqlHaMode; readonly sqlVersion: SqlServerVersion }): MssqlVirtualMachineAutoBackup | undefined {
    return this._sites.all.find((s) => s._path === site._path)?._backups?.sqlAutoBackup(server);
  }

  /** The deployment and, with a stack per site, each site: together they hold every construct of it. */
  private scopes(): IConstruct[] {
    return this._perSiteStacks ? [this, ...this._sites.all] : [this];
  }

  private rawModel(): TopologyModel {
    const parts = emptyParts();
    for (const m of this._members.all) m._contribute(parts);
    const { extra, ...contributed } = parts;
    // Key order, not declaration order: rules, reports and the runbook list what they read in this order.
    // A part is a list of records, or a group of lists (voice: peers, routes, branches).
    const ordered = (part: unknown): unknown =>
      Array.isArray(part) ? byPathOrder(part as { path: string }[]) : Object.fromEntries(Object.entries(part as object).map(([k, list]) => [k, ordered(list)]));
    const rest = Object.fromEntries(Object.entries(contributed).map(([k, part]) => [k, ordered(part)])) as unknown as typeof contributed;
    const dnsPlan = this.dnsPlan();
    return {
      path: this.node.path,
      productVersion: this.productVersion,
      sipDomain: this.sipDomain,
      adDomain: this.adDomain,
      supportPosture: this.supportPosture,
      evaluationDate: this.evaluationDate,
      lab: this._lab !== undefined,
      ...(this._lab ? { labEnvironment: this._lab.toModel() } : {}),
      ...rest,
      flows: [...this._sites.all, ...this._branchNetworks].sort((a, b) => compareKeys(a.node.path, b.node.path)).flatMap((s) => s._flows),
      credentials: [...this.credentials].sort((a, b) => compareKeys(a.path, b.path) || compareKeys(a.name, b.name)),
      srvEntries: dnsPlan.srv.flatMap((r) => r.entries),
      dnsRecords: dnsRecordModels(dnsPlan),
      siteSrvAnswers: [...this.registrarDiscovery().siteAnswers],
      simpleUrls: simpleUrlPlanOf(this, parts),
      servers: byPathOrder(this._servers.all.map((s) => s.model)),
      azureNames: sortedByKeys(this.scopes().flatMap((c) => azureNamesOf(c)), (n) => n.path, (n) => n.type),
      perSiteStacks: this._perSiteStacks,
      ...(this._resolvedGlobalLocation() !== undefined ? { globalLocation: this._resolvedGlobalLocation(), globalLocationGiven: this.globalLocation !== undefined } : {}),
      addressPlan: this._addresses.plan(),
      backup: {
        enabled: this._backupSettings.enabled,
        deploymentName: this.name,
        schedule: this._backupSettings.schedule,
        geoRedundant: this._backupSettings.geoRedundant,
        protectedServerPaths: this._sites.all.flatMap((s) => s._backups?.protectedServerPaths ?? []),
        sqlAutoBackupServerPaths: this._sites.all.flatMap((s) => s._backups?.sqlAutoBackupServerPaths ?? []),
      },
      extra,
    };
  }

  /**
   * The deployment's plan as plain JSON data (no tokens, no constructs): sites, pools, back ends and
   * stores, servers with their computer names and addresses, flows and NSG rules, DNS records and SRV
   * entries, the address plan, simple URLs, backups and the Azure names given before rendering. It has
   * the shape of `TopologyModel` (`cdktf-sfb-hadr/experimental`; docs/plan.md). Findings, the runbook,
   * the reports and synthesis all read this one plan; the value returned is a copy, so changing it
   * changes nothing.
   */
  plan(): { [key: string]: any } {
    return JSON.parse(JSON.stringify(this._toModel()));
  }

  /** The disaster-recovery runbook of the topology as it stands, as Markdown (lib/reports/runbook.ts). */
  runbook(): string {
    return renderRunbook(this._toModel());
  }

  /**
   * The deployment as a Topology Builder document (`.tbxml`): sites, pools with their machines, SQL
   * stores, file stores, pairings, Edge pools with their next hops and external FQDNs, Director,
   * Mediation and Persistent Chat pools, simple URLs and the CMS location, with the library's FQDNs.
   * Open it in Topology Builder and publish it (docs/topology-document.md).
   */
  topologyDocument(): string {
    return topologyDocument(this._toModel());
  }

  /** Every finding of this deployment, acknowledgements applied. */
  findings(): Finding[] {
    return [...this.plannedFindings()];
  }

  /**
   * The planning reports (DNS, certificates, firewall, hardware, topology diagram, findings, upgrade) as
   * Markdown by file name, generated from the model with acknowledged findings shown.
   */
  reports(): Record<string, string> {
    return planningReports(this._toModel(), this.findings());
  }

  /**
   * `App({ skipValidation: true })`, which cdktf suggests under every validation error, skips the
   * construct validations and so the error findings: the aspect refuses them itself, so only an
   * acknowledgement changes an error (and fatal ones cannot be acknowledged).
   */
  private refuseErrorsWithoutValidation(): void {
    if (!App.isApp(this.node.root) || !(this.node.root as App).skipValidation) return;
    const errors = this.findings().filter((f) => f.severity === Severity.ERROR);
    if (errors.length === 0) return;
    throw new Error(
      `SfbDeployment ${this.node.path}: the topology has ${errors.length} error finding(s), which skipValidation does not skip; fix them, or acknowledge a deliberate deviation with acknowledgeFinding(construct, ruleId, reason):\n  ${errors.map(formatFinding).join('\n  ')}`,
    );
  }

  private annotateWarnings(): void {
    if (this.annotated) return;
    this.annotated = true;
    for (const f of this.findings()) {
      if (f.severity !== Severity.WARNING) continue;
      Annotations.of(this.constructAt(f.path) ?? this).addWarning(formatFinding(f));
    }
  }

  /** The construct at a finding's path in one of this deployment's scopes, found by walking down to it (not by listing the tree). */
  private constructAt(path: string): IConstruct | undefined {
    for (const scope of this.scopes()) {
      const base = scope.node.path;
      if (path !== base && !path.startsWith(`${base}/`)) continue;
      let at: IConstruct | undefined = scope;
      for (const id of path.slice(base.length + 1).split('/').filter((s) => s !== '')) at = at?.node.tryFindChild(id);
      if (at) return at;
    }
    return undefined;
  }
}
