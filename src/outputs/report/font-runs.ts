import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FontChain } from '../../fonts/chain.js';

type Node = Record<string, unknown>;
type Inline = string | Node;

/** Keys whose value is content (a node, or an array of nodes) that may hold text. */
const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const;

const ascii = (text: string) => /^[\x00-\x7f]*$/.test(text);

/**
 * The inline pieces of one string: runs drawn by the main font stay plain strings (they inherit the node's
 * font and style); a run a fallback draws names that family and copies `props` (an inline's own style,
 * which pdfmake does not pass down from an inline to its pieces).
 */
function pieces(text: string, chain: FontChain, props: Node): Inline[] | undefined {
  if (ascii(text)) return undefined;
  const runs = chain.runs(text);
  if (runs.length === 1 && runs[0]?.font === 0) return undefined;
  const hasProps = Object.keys(props).length > 0;
  return runs.map((run) => {
    if (run.font === 0) return hasProps ? { ...props, text: run.text } : run.text;
    return { ...props, text: run.text, font: chain.families[run.font]?.family };
  });
}

/** An inline array with every piece split: strings and inline nodes with string text become several inlines. */
function inlines(items: readonly unknown[], chain: FontChain): unknown[] {
  return items.flatMap((item) => {
    if (typeof item === 'string') return pieces(item, chain, {}) ?? [item];
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const node = item as Node;
      if (typeof node.text === 'string') {
        const { text, ...props } = node;
        return pieces(text, chain, props) ?? [node];
      }
      if (Array.isArray(node.text)) return [{ ...node, text: inlines(node.text, chain) }];
    }
    return [item];
  });
}

/** A content node with its text split into font runs, and every node inside it too. */
export function splitNode(content: unknown, chain: FontChain): unknown {
  if (typeof content === 'string') {
    const split = pieces(content, chain, {});
    return split ? { text: split } : content;
  }
  if (Array.isArray(content)) return content.map((c) => splitNode(c, chain));
  if (!content || typeof content !== 'object') return content;
  const node = { ...(content as Node) };
  if (typeof node.text === 'string') {
    const split = pieces(node.text, chain, {});
    if (split) node.text = split;
  } else if (Array.isArray(node.text)) node.text = inlines(node.text, chain);
  else if (node.text && typeof node.text === 'object') node.text = splitNode(node.text, chain);
  for (const key of CONTAINERS) if (Array.isArray(node[key])) node[key] = splitNode(node[key], chain);
  const table = node.table as Node | undefined;
  if (table && Array.isArray(table.body)) {
    node.table = { ...table, body: table.body.map((row: unknown) => splitNode(row, chain)) };
  }
  const toc = node.toc as Node | undefined;
  if (toc?.title) node.toc = { ...toc, title: splitNode(toc.title, chain) };
  return node;
}

type Dynamic = (...args: never[]) => unknown;

/**
 * The document with every text split into runs by the font of the chain that has each glyph, so that a
 * paragraph mixes the main font with the fallbacks (an arrow from DejaVu Sans, Chinese from a configured
 * CJK font). Headers and footers are functions of the page: their result is split as it is made.
 */
export function withFontRuns(doc: TDocumentDefinitions, chain: FontChain): TDocumentDefinitions {
  const dynamic = (part: unknown) =>
    typeof part === 'function'
      ? (...args: never[]) => splitNode((part as Dynamic)(...args), chain)
      : splitNode(part, chain);
  return {
    ...doc,
    content: splitNode(doc.content, chain) as Content,
    ...(doc.header !== undefined && { header: dynamic(doc.header) as TDocumentDefinitions['header'] }),
    ...(doc.footer !== undefined && { footer: dynamic(doc.footer) as TDocumentDefinitions['footer'] }),
  };
}
