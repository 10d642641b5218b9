import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { normalizeText } from './seed.js';

export interface PdfOutlineItem {
  readonly title: string;
  readonly depth: number;
  readonly page: number;
}

export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly width: number;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  /** The page's text, white space collapsed, zero-width break opportunities removed. */
  readonly text: string;
  readonly items: readonly PdfTextItem[];
  readonly links: readonly { url: string | undefined; dest: string | undefined }[];
}

export interface ReadPdf {
  readonly pages: readonly PdfPage[];
  readonly outline: readonly PdfOutlineItem[];
  readonly info: Record<string, unknown>;
  /** Page number (1-based) of a named destination, or undefined. */
  destinationPage(name: string): Promise<number | undefined>;
}

/** Reads a PDF the way the tests look at it: text per page, links, outline and metadata (pdfjs-dist). */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pageOf = async (dest: unknown): Promise<number | undefined> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const ref = Array.isArray(explicit) ? explicit[0] : undefined;
    return ref ? (await doc.getPageIndex(ref)) + 1 : undefined;
  };
  const pages: PdfPage[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    let raw = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // pdf text comes in runs; a run that ends a line is followed by a space, not glued to the next.
      raw += item.str + (item.hasEOL ? ' ' : '');
      items.push({ str: item.str, x: item.transform[4] as number, width: item.width });
    }
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string; dest?: string }[];
    pages.push({
      number,
      width: page.view[2] ?? 0,
      text: normalizeText(raw.replace(/\u200B/g, '')),
      items,
      links: annotations.filter((a) => a.subtype === 'Link').map((a) => ({ url: a.url, dest: a.dest })),
    });
  }
  const outline: PdfOutlineItem[] = [];
  const walk = async (items: { title: string; dest: unknown; items: unknown[] }[] | null, depth: number) => {
    for (const item of items ?? []) {
      outline.push({ title: item.title, depth, page: (await pageOf(item.dest)) ?? 0 });
      await walk(item.items as typeof items, depth + 1);
    }
  };
  await walk(await doc.getOutline(), 1);
  const { info } = await doc.getMetadata();
  return { pages, outline, info: info as Record<string, unknown>, destinationPage: pageOf };
}
