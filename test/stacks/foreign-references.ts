/** References to resources that are not in the stack (cdktf writes cross-stack ones as remote state). */
export function foreignReferences(stackJson: any): string[] {
  const text = JSON.stringify(stackJson);
  const declared = new Set(Object.entries(stackJson.resource ?? {}).flatMap(([type, byId]: [string, any]) => Object.keys(byId).map((id) => `${type}.${id}`)));
  const data = new Set(Object.entries(stackJson.data ?? {}).flatMap(([type, byId]: [string, any]) => Object.keys(byId).map((id) => `data.${type}.${id}`)));
  const refs = [...text.matchAll(/\$\{(data\.[a-z_0-9]+\.[A-Za-z0-9_-]+|azurerm_[a-z_0-9]+\.[A-Za-z0-9_-]+)/g)].map((m) => m[1]);
  return refs.filter((r) => !declared.has(r) && !data.has(r));
}
