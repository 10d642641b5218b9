/**
 * The report's logical structure (PDF/UA-1, ISO 14289-1), decided before layout from the pdfmake document
 * alone, by node type: every node that pdfmake draws gets a `_structure` frame saying which structure
 * element its content belongs to (a paragraph, a heading, a table cell, a list body, a figure) or that it
 * is an artifact (page furniture, rules, spacers). pdfmake copies a node's own properties into the lines
 * and boxes it lays out, so the frame travels with them to the renderer (see pdf-tagging.ts).
 */

/** Standard structure types of ISO 32000-1 §14.8.4 that the report uses. */
export type StructureRole =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'TOC'
  | 'TOCI';

export interface StructureFrame {
  readonly role: StructureRole;
  readonly parent: StructureFrame | undefined;
  /** Alternate text (figures). */
  readonly alt?: string;
  /** Header cells: the cells they head. */
  readonly scope?: 'Column';
  /** The table header a frame sits in: repeated on later pages, where it is an artifact. */
  thead?: StructureFrame;
  /** A list item's label (an ordered list's number), made before its body so it reads first. */
  label?: StructureFrame;
  /** What a link inside this frame is described as, when its own text is not enough (contents entries). */
  linkText?: string;
}

/** Content that is not part of the document's logical content (ISO 32000-1 §14.8.2.2). */
export interface ArtifactFrame {
  readonly role: 'Artifact';
  /** Running header and footer are pagination artifacts with their subtype. */
  readonly subtype?: 'Header' | 'Footer';
}

export type Frame = StructureFrame | ArtifactFrame;

export const LAYOUT_ARTIFACT: ArtifactFrame = { role: 'Artifact' };

/** What the renderer must finish once pdfmake has laid the document out. */
export interface StructurePlan {
  readonly root: StructureFrame;
  /** Contents nodes: pdfmake builds their rows during layout. */
  readonly tocs: { readonly node: Record<string, unknown>; readonly frame: StructureFrame }[];
  /** Ordered-list items with their label frame: pdfmake makes the number during layout. */
  readonly labels: { readonly item: Record<string, unknown>; readonly frame: StructureFrame }[];
}

type Node = Record<string, unknown>;

const BLANK = /[\s\u200B\u00AD]/g;
const INVISIBLE = /[\u200B\u00AD]/g;

/** The characters of a text node, whatever nesting of runs and strings it holds. */
export function plainOf(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'number') return String(text);
  if (Array.isArray(text)) return text.map(plainOf).join('');
  if (text !== null && typeof text === 'object') return plainOf((text as Node).text);
  return '';
}

const normalize = (node: unknown): Node =>
  Array.isArray(node)
    ? { stack: node }
    : node !== null && typeof node === 'object'
      ? (node as Node)
      : { text: node === undefined || node === null ? '' : String(node) };

/** Replaces strings and arrays among a container's children by the objects pdfmake would make of them. */
function children(list: unknown[]): Node[] {
  for (let i = 0; i < list.length; i++) list[i] = normalize(list[i]);
  return list as Node[];
}

function headingLevel(node: Node): number | undefined {
  const styles = Array.isArray(node.style) ? node.style : [node.style];
  for (const style of styles) {
    const match = typeof style === 'string' ? /^h([1-6])$/.exec(style) : null;
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** Link runs carry the whole text of their link, so each piece pdfmake draws can describe it. */
function describeLinks(text: unknown): void {
  if (!Array.isArray(text)) return;
  let i = 0;
  while (i < text.length) {
    const run = text[i] as Node | undefined;
    const key = run && typeof run === 'object' ? (run.link ?? run.linkToDestination) : undefined;
    if (typeof key !== 'string') {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && ((text[end] as Node).link ?? (text[end] as Node).linkToDestination) === key) end++;
    const label = plainOf(text.slice(i, end)).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
    for (let k = i; k < end; k++) (text[k] as Node)._linkText = label || key;
    i = end;
  }
}

export function describeDiagram(svg: string): string {
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  const title = decode(/<title[^>]*>([\s\S]*?)<\/title>/.exec(svg)?.[1] ?? '');
  const desc = decode(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? '');
  if (title === '' || desc === '') return title || desc;
  return /[.!?]$/.test(title) ? `${title} ${desc}` : `${title}. ${desc}`;
}

/** Marks a node tree (the running header or footer) as one artifact. */
export function markArtifact(node: unknown, frame: ArtifactFrame): unknown {
  if (node === null || node === undefined) return node;
  const top = normalize(node);
  const walk = (n: Node) => {
    n._structure = frame;
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
      if (Array.isArray(n[key])) children(n[key] as unknown[]).forEach(walk);
    }
    const body = (n.table as { body?: unknown[][] } | undefined)?.body;
    for (const row of body ?? []) children(row).forEach(walk);
  };
  walk(top);
  return top;
}

const frame = (role: StructureRole, parent: StructureFrame, extra: Partial<StructureFrame> = {}): StructureFrame => ({
  role,
  parent,
  ...(parent.thead ? { thead: parent.thead } : {}),
  ...extra,
});

/** One walk over the document: the plan it fills and the headings open above the current node. */
interface Walk {
  readonly plan: StructurePlan;
  readonly headings: { style: number; rank: number }[];
}

function leaf(walk: Walk, node: Node, parent: StructureFrame, direct: boolean): void {
  describeLinks(node.text);
  const level = headingLevel(node);
  if (plainOf(node.text).replace(BLANK, '') === '') node._structure = LAYOUT_ARTIFACT;
  else if (level !== undefined) {
    // Headings rank by their style against the headings above them and never skip a level
    // (Matterhorn 14-003): captions styled h4 under an h2 are H3s, and so are their siblings.
    const open = walk.headings;
    while ((open.at(-1)?.style ?? 0) >= level) open.pop();
    const rank = Math.min((open.at(-1)?.rank ?? 0) + 1, 6);
    open.push({ style: level, rank });
    node._structure = frame(`H${rank}` as StructureRole, parent);
  } else node._structure = direct ? parent : frame('P', parent);
}

function table(walk: Walk, node: Node, parent: StructureFrame): void {
  const spec = node.table as { body: unknown[][]; headerRows?: number };
  const headerRows = spec.headerRows ?? 0;
  const rows = spec.body.map(children);
  // A one-cell table without header is a box drawn around its content (quotes, code, labels).
  if (headerRows === 0 && rows.length === 1 && rows[0]?.length === 1) {
    visit(walk, rows[0][0] as Node, parent, false);
    return;
  }
  const tableFrame = frame('Table', parent);
  const head = headerRows > 0 ? frame('THead', tableFrame) : undefined;
  if (head) head.thead = head;
  const body = frame('TBody', tableFrame);
  rows.forEach((row, r) => {
    const inHead = r < headerRows && head !== undefined;
    const tr = frame('TR', inHead ? head : body);
    for (const cell of row) {
      if (cell._span === true) continue;
      visit(walk, cell, frame(inHead ? 'TH' : 'TD', tr, inHead ? { scope: 'Column' } : {}), true);
    }
  });
}

function list(walk: Walk, node: Node, parent: StructureFrame, ordered: boolean): void {
  const l = frame('L', parent);
  for (const item of children((ordered ? node.ol : node.ul) as unknown[])) {
    const li = frame('LI', l);
    if (ordered) {
      li.label = frame('Lbl', li);
      walk.plan.labels.push({ item, frame: li.label });
    }
    visit(walk, item, frame('LBody', li), true);
  }
}

function toc(walk: Walk, node: Node, parent: StructureFrame): void {
  const spec = node.toc as Node;
  if (spec.title !== undefined) {
    spec.title = normalize(spec.title);
    visit(walk, spec.title as Node, parent, false);
  }
  const tocFrame = frame('TOC', parent);
  node._structure = tocFrame;
  walk.plan.tocs.push({ node, frame: tocFrame });
}

/** `direct`: the node is all its parent holds, so a paragraph of it would only wrap the parent's text. */
function visit(walk: Walk, node: Node, parent: StructureFrame, direct: boolean): void {
  if (Array.isArray(node.stack) || Array.isArray(node.columns)) {
    const items = children((node.stack ?? node.columns) as unknown[]);
    for (const item of items) visit(walk, item, parent, direct && items.length === 1);
  } else if (Array.isArray(node.ul)) list(walk, node, parent, false);
  else if (Array.isArray(node.ol)) list(walk, node, parent, true);
  else if (node.table !== undefined) table(walk, node, parent);
  else if (node.toc !== undefined) toc(walk, node, parent);
  else if (node.text !== undefined) leaf(walk, node, parent, direct);
  else if (typeof node.svg === 'string') {
    // A diagram drawn from its shapes carries its SVG for its description (pdf-diagrams.ts).
    const drawn = (node._diagram as { diagram?: { svg?: string } } | undefined)?.diagram?.svg;
    node._structure = frame('Figure', parent, { alt: describeDiagram(drawn ?? node.svg) });
  } else if (node.image !== undefined && typeof node.alt === 'string' && node.alt.trim() !== '') {
    node._structure = frame('Figure', parent, { alt: node.alt.trim() });
  } else node._structure = LAYOUT_ARTIFACT;
}

/**
 * Gives every node of `content` its frame, in document order (which is the visual order: one column of
 * text, tables row by row). Mutates the nodes, as pdfmake itself does with the document it lays out.
 */
export function planStructure(content: unknown[]): StructurePlan {
  const root: StructureFrame = { role: 'Document', parent: undefined };
  const walk: Walk = { plan: { root, tocs: [], labels: [] }, headings: [] };
  for (const node of children(content)) visit(walk, node, root, false);
  return walk.plan;
}
