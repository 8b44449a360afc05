/**
 * Input checks of SfbDeployment that need provider data or the other deployments of the app; kept
 * out of deployment.ts so the deployment's plumbing and its input rules change independently.
 */
import { IConstruct } from 'constructs';
import { TerraformStack } from '../cdktf';
import { azureNameProblem } from '../model/azure-names';
import { adminUsernameProblem, WINDOWS_ADMIN_USERNAME } from '../model/provider-constraints';
import { regionByName } from '../model/regions';
import { describeValue, requireString } from './validate-input';
import { deploymentsOf, TreeDeployment } from './tree-deployments';

/**
 * The VM administrator name, checked against the provider's own rules for
 * `azurerm_windows_virtual_machine.admin_username` (${WINDOWS_ADMIN_USERNAME.source.file}): at most 20
 * characters, no trailing dot, none of the 32 reserved names. Characters: letters, digits, dots,
 * hyphens and underscores, starting with a letter (Windows account names allow more, the library
 * keeps to what every tool that quotes the name handles).
 */
export function requireAdminUsername(scope: IConstruct, value: unknown): string {
  const name = requireString(scope, 'SfbDeployment', 'adminUsername', value, 'a Windows account name such as "sfbadmin"');
  const problem = adminUsernameProblem(name);
  if (problem) {
    throw new Error(
      `SfbDeployment ${scope.node.path}: adminUsername ${describeValue(value)} ${problem}; the azurerm provider refuses it for admin_username ` +
        `(${WINDOWS_ADMIN_USERNAME.source.file}); choose another name such as "sfbadmin"`,
    );
  }
  if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(name)) {
    throw new Error(`SfbDeployment ${scope.node.path}: adminUsername ${describeValue(value)} has characters other than letters, digits, dots, hyphens and underscores, or does not start with a letter; use e.g. "sfbadmin"`);
  }
  return name;
}

/**
 * Two deployments in one app whose IDs normalize to one name (`Contoso` and `contoso` in two stacks)
 * would synthesize the same resource-group names, Terraform variables and outputs: refused at the
 * second one, naming both.
 */
export function rejectNameCollision(deployment: TreeDeployment): void {
  for (const other of deploymentsOf(deployment)) {
    if (other === deployment) continue;
    if (other.name === deployment.name) {
      throw new Error(
        `SfbDeployment ${deployment.node.path}: id ${JSON.stringify(deployment.node.id)} normalizes to the name "${deployment.name}", which deployment ${other.node.path} already uses; ` +
          'resource groups (rg-<name>-<site>), Terraform variables and outputs would collide; give the deployments IDs that differ in more than letter case',
      );
    }
  }
}

/**
 * Two deployments claiming one SIP domain in one stack would each create the public zone and the
 * private zone of that domain: two zones of one name, of which only one can be delegated, and
 * SRV records that each list one deployment only. Refused at the second, naming the first.
 */
export function rejectSipDomainClaimed(deployment: TreeDeployment): void {
  const stack = deployment.node.scopes.find((c) => TerraformStack.isStack(c)) ?? deployment.node.root;
  for (const other of deploymentsOf(deployment)) {
    if (other === deployment || !other.node.scopes.includes(stack)) continue;
    if (other.sipDomain === deployment.sipDomain) {
      throw new Error(
        `SfbDeployment ${deployment.node.path}: sipDomain "${deployment.sipDomain}" is already the SIP domain of deployment ${other.node.path} in the same stack; ` +
          'each would create the public and private zones of that domain and its SRV records; model one organization as one deployment with several sites, or give this deployment its own SIP domain',
      );
    }
  }
}

const STORAGE_KEYS = ['resourceGroupName', 'storageAccountName'];

/**
 * The `remoteState` prop: per region, a storage account whose name Azure accepts. Checked before
 * any stack is made, so a bad name fails here and not at `terraform init`.
 */
export function requireRemoteState(id: string, remoteState: unknown): void {
  if (remoteState === undefined) return;
  const what = `SfbDeployment ${id}`;
  if (typeof remoteState !== 'object' || remoteState === null || Array.isArray(remoteState)) {
    throw new Error(`${what}: remoteState ${describeValue(remoteState)} is not an object; give storage accounts by region, e.g. { westeurope: { resourceGroupName: "rg-tfstate-we", storageAccountName: "sttfstatewe" } }`);
  }
  for (const region of Object.keys(remoteState).sort()) {
    const storage = (remoteState as Record<string, unknown>)[region];
    const at = `remoteState.${region}`;
    if (!regionByName(region) || regionByName(region)!.name !== region) {
      throw new Error(`${what}: ${at}: "${region}" is not an Azure region name the library knows; key each storage account by its region as \`az account list-locations\` prints it, e.g. "westeurope"`);
    }
    if (typeof storage !== 'object' || storage === null || Array.isArray(storage)) {
      throw new Error(`${what}: ${at} ${describeValue(storage)} is not an object; give { resourceGroupName, storageAccountName }`);
    }
    for (const key of Object.keys(storage)) {
      if (!STORAGE_KEYS.includes(key)) throw new Error(`${what}: ${at}.${key} is not a setting of a state storage account; known are ${STORAGE_KEYS.join(', ')}`);
    }
    const { resourceGroupName, storageAccountName } = storage as Record<string, unknown>;
    for (const [key, value, type] of [['resourceGroupName', resourceGroupName, 'azurerm_resource_group'], ['storageAccountName', storageAccountName, 'azurerm_storage_account']] as const) {
      if (typeof value !== 'string') throw new Error(`${what}: ${at}.${key} ${value === undefined ? 'is missing' : `${describeValue(value)} is not a string`}; give the name of the existing ${type === 'azurerm_storage_account' ? 'storage account' : 'resource group'} that holds the state`);
      const problem = azureNameProblem(type, value);
      if (problem) throw new Error(`${what}: ${at}.${key} ${describeValue(value)} ${problem}; Azure refuses it, so terraform init would fail; use e.g. "${type === 'azurerm_storage_account' ? `sttfstate${region.replace(/[^a-z0-9]/g, '').slice(0, 12)}` : `rg-tfstate-${region}`}"`);
    }
  }
}
