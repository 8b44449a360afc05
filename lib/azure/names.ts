/**
 * The Azure resource names a construct tree will synthesize, read from the resources themselves, so
 * every construct (today's and the ones still to come) is covered without registering its names.
 */
import { IConstruct } from 'constructs';
import { TerraformResource, Token } from '../cdktf';
import { AzureNameModel } from '../model/topology';

/** Literal `name` of every azurerm resource at or under `scope`; names that are tokens are left out. */
export function azureNamesOf(scope: IConstruct): AzureNameModel[] {
  const out: AzureNameModel[] = [];
  for (const c of scope.node.findAll()) {
    if (!TerraformResource.isTerraformResource(c)) continue;
    const type = c.terraformResourceType;
    if (!type.startsWith('azurerm_')) continue;
    // Generated provider classes expose the configured value as `<attribute>Input`.
    const name = (c as unknown as { nameInput?: unknown }).nameInput;
    if (typeof name !== 'string' || Token.isUnresolved(name)) continue;
    out.push({ path: c.node.path, type, name });
  }
  return out;
}
