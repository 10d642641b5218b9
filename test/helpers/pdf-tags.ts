import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A structure element as pdf.js reports it, with the text of its own marked content gathered in. */
export interface TagNode {
  readonly role: string;
  readonly alt: string | undefined;
  readonly children: TagNode[];
  /** Text of the marked content directly inside this element. */
  text: string;
  /** Annotation (OBJR) ids directly inside. */
  readonly objects: string[];
  /** Own text and child elements, in the order of the element's kids. */
  readonly sequence: (string | TagNode)[];
}

export interface TaggedText {
  readonly str: string;
  /** `artifact`, `content` (inside a marked-content sequence of a structure element) or `untagged`. */
  readonly kind: 'artifact' | 'content' | 'untagged';
  readonly x: number;
  /** The top of the glyphs (baseline + ascent), in PDF user space. */
  readonly top: number;
}

export interface TaggedPage {
  readonly number: number;
  readonly tree: TagNode[];
  readonly texts: readonly TaggedText[];
  readonly links: readonly { id: string; contents: string }[];
}

interface PdfJsNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: PdfJsNode[];
}

const all = (nodes: readonly TagNode[]): TagNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

/** Every element of a page's tree, depth first. */
export const elements = (page: TaggedPage) => all(page.tree);

/** All the text under an element, its descendants' included. */
export const deepText = (node: TagNode): string =>
  node.sequence
    .map((part) => (typeof part === 'string' ? part : deepText(part)))
    .join(' ')
    .replace(/\u200B/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();

/** Reads a PDF's structure tree and marked content page by page (pdf.js getStructTree + getTextContent). */
export async function readTagged(bytes: Uint8Array) {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: TaggedPage[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const texts: TaggedText[] = [];
    const stack: { tag: string; id: string | null }[] = [];
    for (const item of content.items) {
      if ('type' in item && (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')) {
        stack.push({ tag: (item as { tag?: string }).tag ?? '', id: item.id ?? null });
      } else if ('type' in item && item.type === 'endMarkedContent') stack.pop();
      else if ('str' in item) {
        const artifact = stack.some((m) => m.tag === 'Artifact');
        const owner = [...stack].reverse().find((m) => m.id !== null);
        if (owner?.id && !artifact) byId.set(owner.id, (byId.get(owner.id) ?? '') + item.str);
        const ascent = (content.styles[item.fontName] as { ascent?: number } | undefined)?.ascent ?? 0.9;
        const size = Math.hypot(item.transform[2] as number, item.transform[3] as number);
        texts.push({
          str: item.str,
          kind: artifact ? 'artifact' : owner?.id ? 'content' : 'untagged',
          x: item.transform[4] as number,
          top: (item.transform[5] as number) + ascent * size,
        });
      }
    }
    const convert = (node: PdfJsNode): TagNode => {
      const children: TagNode[] = [];
      const objects: string[] = [];
      const sequence: (string | TagNode)[] = [];
      let text = '';
      for (const kid of node.children ?? []) {
        if (kid.type === 'content') {
          const own = byId.get(kid.id ?? '') ?? '';
          text += own;
          sequence.push(own);
        } else if (kid.type === 'object' || kid.type === 'annotation') objects.push(kid.id ?? '');
        else {
          const child = convert(kid);
          children.push(child);
          sequence.push(child);
        }
      }
      return { role: node.role ?? '', alt: node.alt, children, text, objects, sequence };
    };
    const root = (await page.getStructTree()) as PdfJsNode | null;
    const annotations = (await page.getAnnotations()) as {
      subtype: string;
      id: string;
      contentsObj?: { str?: string };
    }[];
    pages.push({
      number,
      tree: root ? convert(root).children : [],
      texts,
      links: annotations
        .filter((a) => a.subtype === 'Link')
        .map((a) => ({ id: a.id, contents: a.contentsObj?.str ?? '' })),
    });
  }
  const outline: { title: string; dest: unknown[]; page: number }[] = [];
  const walk = async (items: { title: string; dest: unknown; items: unknown[] }[] | null) => {
    for (const item of items ?? []) {
      const dest = (typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest) as unknown[];
      const page = (await doc.getPageIndex(dest[0] as never)) + 1;
      outline.push({ title: item.title, dest, page });
      await walk(item.items as typeof items);
    }
  };
  await walk(await doc.getOutline());
  await doc.destroy();
  return { pages, outline };
}
