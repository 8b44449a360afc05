/**
 * Input checks of SfbDeployment that need provider data or the other deployments of the app; kept
 * out of deployment.ts so the deployment's plumbing and its input rules change independently.
 */
import { IConstruct } from 'constructs';
import { adminUsernameProblem, WINDOWS_ADMIN_USERNAME } from '../model/provider-constraints';
import { describeValue, requireString } from './validate-input';

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

const DEPLOYMENT_SYMBOL = Symbol.for('cdktf-sfb-hadr.SfbDeployment');

/**
 * Two deployments in one app whose IDs normalize to one name (`Contoso` and `contoso` in two stacks)
 * would synthesize the same resource-group names, Terraform variables and outputs: refused at the
 * second one, naming both.
 */
export function rejectNameCollision(deployment: IConstruct & { readonly name: string }): void {
  for (const other of deployment.node.root.node.findAll()) {
    if (other === deployment || !(DEPLOYMENT_SYMBOL in other)) continue;
    const otherName = (other as unknown as { name?: string }).name;
    if (otherName === deployment.name) {
      throw new Error(
        `SfbDeployment ${deployment.node.path}: id ${JSON.stringify(deployment.node.id)} normalizes to the name "${deployment.name}", which deployment ${other.node.path} already uses; ` +
          'resource groups (rg-<name>-<site>), Terraform variables and outputs would collide; give the deployments IDs that differ in more than letter case',
      );
    }
  }
}
