/**
 * One stack per site (API contract, "One stack per site"). An `SfbDeployment` created in an `App` makes
 * `<id>-global` for deployment-wide resources and `<id>-<siteId>` for each `CentralSite`, each with its
 * own azurerm provider and, with `remoteState`, its own azurerm backend in its own region: a site's
 * stack can be planned and applied while another region is down. Created in a `TerraformStack`, a
 * deployment keeps everything in that one stack, as before.
 */
import { Construct, IConstruct } from 'constructs';
import { AzurermProvider } from '../azurerm';
import { App, Aspects, AzurermBackend, TerraformProvider, TerraformStack } from '../cdktf';

/** A storage account that holds Terraform state, in the region it is keyed by in `remoteState`. */
export interface RemoteStateStorage {
  /** Resource group of the storage account. */
  readonly resourceGroupName: string;
  /** Storage account name (3-24 lower-case letters and digits). */
  readonly storageAccountName: string;
}

/** Whether a scope is an App, where a deployment makes its own stacks. */
export function isApp(scope: IConstruct): boolean {
  return App.isApp(scope);
}

/**
 * A stack the library makes: the provider the stack needs and, with remote state, an azurerm backend
 * whose storage account is in the stack's own region (container: the stack name; key: terraform.tfstate).
 */
export function libraryStack(app: Construct, name: string, region: string | undefined, remoteState: { readonly [region: string]: RemoteStateStorage } | undefined, what: string): TerraformStack {
  const stack = new TerraformStack(app, name);
  const own = new AzurermProvider(stack, 'azurerm', { features: [{}] });
  // An aspect, not a validation: it holds with App({ skipValidation: true }) too.
  Aspects.of(stack).add({
    visit: (node) => {
      if (node === own || !TerraformProvider.isTerraformProvider(node) || node.terraformResourceType !== 'azurerm') return;
      throw new Error(
        `${what}: stack ${name} is made by the library and has its own azurerm provider (${own.node.path}); remove the provider ${node.node.path}: ` +
          'two azurerm providers in one stack cannot be planned (Terraform: duplicate provider configuration); the library\'s provider takes the subscription from az login or the ARM_* environment variables',
      );
    },
  });
  if (remoteState !== undefined) {
    const storage = region !== undefined ? remoteState[region] : undefined;
    if (!storage) {
      throw new Error(`${what}: remoteState has no storage account for region ${JSON.stringify(region)}; add one in that region (a stack's state must live in its own region, so it can be changed while another region is down); regions given: ${Object.keys(remoteState).sort().join(', ') || 'none'}`);
    }
    new AzurermBackend(stack, {
      resourceGroupName: storage.resourceGroupName,
      storageAccountName: storage.storageAccountName,
      containerName: name.toLowerCase(),
      key: 'terraform.tfstate',
      useAzureadAuth: true,
    });
  }
  return stack;
}

const SITE_SYMBOL = Symbol.for('cdktf-sfb-hadr.CentralSite');

/** Marks a construct as a central site (so lookups need not import the class). */
export function markSite(site: Construct): void {
  Object.defineProperty(site, SITE_SYMBOL, { value: true });
}

/** A central site as other constructs see it without importing the class. */
export type SiteLike = Construct & { readonly deployment: Construct };

export function isSite(c: IConstruct): c is SiteLike {
  return SITE_SYMBOL in c;
}

/** The central site a construct is, or is under, if any. */
export function siteOf(construct: IConstruct): SiteLike | undefined {
  return construct.node.scopes.slice().reverse().find(isSite);
}
