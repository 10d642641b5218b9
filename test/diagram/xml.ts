/**
 * A strict little XML parser for the diagrams' SVG: elements, attributes and text with the five
 * predefined entities and character references. Anything else (unquoted or repeated attributes, bare
 * `&` or `<`, unknown entities, mismatched tags, two roots) throws with the offset.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly parent: XmlElement | undefined;
}
export type XmlNode = XmlElement | { readonly text: string };

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /\s*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(xml: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at ${at}: ${what} near ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    at = SPACE.lastIndex;
  };
  const name = () => {
    NAME.lastIndex = at;
    const match = NAME.exec(xml);
    if (!match) fail('expected a name');
    at = NAME.lastIndex;
    return match?.[0] ?? '';
  };
  const decode = (raw: string) => {
    if (/[<]/.test(raw)) fail('"<" in text or attribute');
    return raw.replace(/&([^;\s&]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail('bare "&"');
      if (ref in ENTITIES) return ENTITIES[ref] ?? '';
      const code = /^#x([0-9a-f]+)$/i.exec(ref)?.[1];
      const decimal = /^#([0-9]+)$/.exec(ref)?.[1];
      if (code) return String.fromCodePoint(Number.parseInt(code, 16));
      if (decimal) return String.fromCodePoint(Number.parseInt(decimal, 10));
      return fail(`unknown entity ${whole}`);
    });
  };
  const element = (parent: XmlElement | undefined): XmlElement => {
    if (xml[at] !== '<') fail('expected "<"');
    at++;
    const tag = name();
    const attributes: Record<string, string> = {};
    const children: XmlNode[] = [];
    const node: XmlElement = { name: tag, attributes, children, parent };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return node;
      }
      if (xml[at] === '>') {
        at++;
        break;
      }
      const attr = name();
      skipSpace();
      if (xml[at] !== '=') fail('expected "="');
      at++;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") fail('unquoted attribute value');
      const end = xml.indexOf(quote ?? '"', at + 1);
      if (end < 0) fail('unterminated attribute value');
      if (attr in attributes) fail(`duplicate attribute ${attr}`);
      attributes[attr] = decode(xml.slice(at + 1, end));
      at = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', at);
      if (next < 0) fail(`unclosed <${tag}>`);
      if (next > at) children.push({ text: decode(xml.slice(at, next)) });
      at = next;
      if (xml.startsWith('</', at)) {
        at += 2;
        if (name() !== tag) fail(`mismatched </…> for <${tag}>`);
        skipSpace();
        if (xml[at] !== '>') fail('expected ">"');
        at++;
        return node;
      }
      children.push(element(node));
    }
  };
  skipSpace();
  const root = element(undefined);
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}

export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

/** Every element under `root` (itself included), in document order. */
export function descendants(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const child of root.children) if (isElement(child)) out.push(...descendants(child));
  return out;
}

export function textContent(node: XmlNode): string {
  return isElement(node) ? node.children.map(textContent).join('') : node.text;
}

/** An attribute of the element or, failing that, of its nearest ancestor (SVG presentation inheritance). */
export function inherited(element: XmlElement, attribute: string): string | undefined {
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    const value = e.attributes[attribute];
    if (value !== undefined) return value;
  }
  return undefined;
}
