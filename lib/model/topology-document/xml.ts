/**
 * A small, strict XML reader for topology documents: elements, attributes, namespaces, text, comments,
 * CDATA, the XML declaration, processing instructions and the predefined and numeric entities. No XML
 * library is a dependency, and a topology document needs nothing more.
 *
 * Strict on purpose: a document Topology Builder wrote is well formed, so anything that is not is a
 * truncated or hand-edited file, and it fails with the line and the element it happened in instead of
 * being read half. A DOCTYPE is refused: topology documents have none, and refusing it rules out
 * entity expansion attacks.
 */

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI the element is in ('' when none). */
  readonly namespace: string;
  /** Attributes by local name (namespace declarations left out). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (character data and CDATA), entities resolved. */
  readonly text: string;
  /** Line (1-based) of the start tag. */
  readonly line: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlError';
  }
}

interface OpenElement {
  name: string;
  qname: string;
  namespace: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  scope: Readonly<Record<string, string>>;
}

const NAME = /^[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?$/;
const ENTITIES: Readonly<Record<string, string>> = Object.freeze({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

/** Parses one XML document; throws XmlError naming the line (and the open element) on malformed input. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, pos: number): never => {
    throw new XmlError(message, lineAt(pos));
  };
  const inside = (open: OpenElement | undefined) => (open ? ` inside <${open.qname}> (opened on line ${open.line})` : '');

  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;

  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&<\s]*);?/g, (match, name: string, offset: number) => {
      if (!match.endsWith(';')) fail(`"&${name}" is not an entity reference (write &amp; for a literal &)${inside(stack[stack.length - 1])}`, at + offset);
      if (name.startsWith('#x')) return codePoint(parseInt(name.slice(2), 16), match, at + offset);
      if (name.startsWith('#')) return codePoint(Number(name.slice(1)), match, at + offset);
      const value = ENTITIES[name];
      if (value === undefined) fail(`unknown entity ${match}${inside(stack[stack.length - 1])}; only &lt; &gt; &amp; &quot; &apos; and numeric references are defined`, at + offset);
      return value;
    });
  const codePoint = (n: number, match: string, at: number): string => {
    if (!Number.isInteger(n) || n <= 0 || n > 0x10ffff) fail(`${match} is not a valid character reference`, at);
    return String.fromCodePoint(n);
  };
  const addText = (raw: string, at: number, cdata = false) => {
    const open = stack[stack.length - 1];
    const value = cdata ? raw : decode(raw, at);
    if (open) open.text += value;
    else if (value.trim() !== '') fail(`text "${value.trim().slice(0, 30)}" outside the root element`, at);
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(text.slice(pos), pos);
      break;
    }
    if (lt > pos) addText(text.slice(pos, lt), pos);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) fail(`comment never closed${inside(stack[stack.length - 1])}: the document is truncated`, lt);
      if (text.slice(lt + 4, end).includes('--')) fail('"--" inside a comment', lt);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) fail(`CDATA section never closed${inside(stack[stack.length - 1])}: the document is truncated`, lt);
      if (!stack.length) fail('CDATA outside the root element', lt);
      addText(text.slice(lt + 9, end), lt, true);
      pos = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) fail('processing instruction never closed: the document is truncated', lt);
      const target = text.slice(lt + 2, end).split(/\s/)[0];
      if (target.toLowerCase() === 'xml' && lt !== 0) fail('the XML declaration must be the very first thing in the document', lt);
      pos = end + 2;
    } else if (text.startsWith('<!', lt)) {
      fail(`${text.slice(lt, lt + 9)}... is not read: topology documents have no DOCTYPE or DTD`, lt);
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      if (end < 0) fail(`end tag never closed${inside(stack[stack.length - 1])}: the document is truncated`, lt);
      const qname = text.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open) fail(`</${qname}> closes nothing`, lt);
      if (open!.qname !== qname) fail(`</${qname}> does not close <${open!.qname}> opened on line ${open!.line}`, lt);
      close(open!);
      pos = end + 1;
    } else {
      pos = startTag(lt);
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    fail(`the document ends inside <${open.qname}> opened on line ${open.line}: it is truncated`, text.length);
  }
  if (!root) fail('the document has no root element', text.length);
  return root!;

  function close(open: OpenElement): void {
    const element: XmlElement = Object.freeze({
      name: open.name,
      namespace: open.namespace,
      attributes: Object.freeze(open.attributes),
      children: Object.freeze(open.children),
      text: open.text,
      line: open.line,
    });
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
  }

  function startTag(lt: number): number {
    if (root && !stack.length) fail('a second root element: a document has exactly one', lt);
    let i = lt + 1;
    const nameEnd = scanName(i);
    const qname = text.slice(i, nameEnd);
    if (!NAME.test(qname)) fail(`"<${text.slice(i, i + 20).split(/[\s>]/)[0]}" is not a valid start tag${inside(stack[stack.length - 1])}`, lt);
    i = nameEnd;
    const raw: [string, string, number][] = [];
    for (;;) {
      const before = i;
      while (i < text.length && /\s/.test(text[i])) i++;
      if (i >= text.length) fail(`<${qname}> never closed: the document is truncated`, lt);
      if (text[i] === '>' || text.startsWith('/>', i)) break;
      if (i === before) fail(`<${qname}>: attributes must be separated by white space`, i);
      const attrEnd = scanName(i);
      const attr = text.slice(i, attrEnd);
      if (!NAME.test(attr)) fail(`<${qname}>: "${text.slice(i, i + 20).split(/[\s=>]/)[0]}" is not a valid attribute name`, i);
      i = attrEnd;
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] !== '=') fail(`<${qname}>: attribute ${attr} has no value`, i);
      i++;
      while (/\s/.test(text[i] ?? '')) i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail(`<${qname}>: the value of ${attr} must be quoted`, i);
      const valueEnd = text.indexOf(quote, i + 1);
      if (valueEnd < 0) fail(`<${qname}>: the value of ${attr} is never closed: the document is truncated`, i);
      const value = text.slice(i + 1, valueEnd);
      if (value.includes('<')) fail(`<${qname}>: "<" in the value of ${attr}`, i);
      if (raw.some(([name]) => name === attr)) fail(`<${qname}>: attribute ${attr} given twice`, i);
      raw.push([attr, decode(value, i + 1), i]);
      i = valueEnd + 1;
    }
    const selfClosing = text[i] === '/';
    const parentScope = stack[stack.length - 1]?.scope ?? { xml: 'http://www.w3.org/XML/1998/namespace' };
    const scope: Record<string, string> = { ...parentScope };
    for (const [name, value] of raw) {
      if (name === 'xmlns') scope[''] = value;
      else if (name.startsWith('xmlns:')) scope[name.slice(6)] = value;
    }
    const resolve = (prefixed: string, at: number): [string, string] => {
      const colon = prefixed.indexOf(':');
      if (colon < 0) return ['', prefixed];
      const prefix = prefixed.slice(0, colon);
      if (scope[prefix] === undefined) fail(`<${qname}>: namespace prefix "${prefix}" is not declared`, at);
      return [scope[prefix], prefixed.slice(colon + 1)];
    };
    const [, local] = resolve(qname, lt);
    const namespace = qname.includes(':') ? resolve(qname, lt)[0] : scope[''] ?? '';
    const attributes: Record<string, string> = {};
    for (const [name, value, at] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const attrLocal = resolve(name, at)[1];
      if (attributes[attrLocal] !== undefined) fail(`<${qname}>: attribute ${attrLocal} given twice`, at);
      attributes[attrLocal] = value;
    }
    const open: OpenElement = { name: local, qname, namespace, attributes, children: [], text: '', line: lineAt(lt), scope };
    if (selfClosing) close(open);
    else stack.push(open);
    return i + (selfClosing ? 2 : 1);
  }

  function scanName(from: number): number {
    let i = from;
    while (i < text.length && !/[\s=>/'"<]/.test(text[i])) i++;
    return i;
  }
}

/** The children of `element` named `name` (any namespace). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The one child named `name`, or undefined. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The element as XML text again (namespace declared where it changes), for what the reader keeps unread. */
export function serializeXml(element: XmlElement, parentNamespace?: string): string {
  const ns = element.namespace !== parentNamespace ? ` xmlns="${escape(element.namespace)}"` : '';
  const attributes = Object.entries(element.attributes).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const body = element.children.map((c) => serializeXml(c, element.namespace)).join('') + escape(element.text.trim());
  return body ? `<${element.name}${ns}${attributes}>${body}</${element.name}>` : `<${element.name}${ns}${attributes} />`;
}
