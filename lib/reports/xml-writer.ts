/** Writes XML elements as indented text (two spaces, attributes in the order given, `/>` when empty). */

export interface XmlNode {
  readonly name: string;
  /** Attributes in order; undefined values are left out. */
  readonly attributes?: readonly (readonly [string, string | number | boolean | undefined])[];
  readonly children?: readonly XmlNode[];
  readonly text?: string;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Shorthand for a node. */
export function el(name: string, attributes: XmlNode['attributes'] = [], children: readonly XmlNode[] = [], text?: string): XmlNode {
  return { name, attributes, children, ...(text !== undefined ? { text } : {}) };
}

export function renderXml(node: XmlNode, indent = ''): string {
  const attributes = (node.attributes ?? [])
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.text !== undefined) return `${open}>${escapeText(node.text)}</${node.name}>`;
  if (!node.children?.length) return `${open} />`;
  return [`${open}>`, ...node.children.map((c) => renderXml(c, `${indent}  `)), `${indent}</${node.name}>`].join('\n');
}
