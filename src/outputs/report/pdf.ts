import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontkit } from '../../fonts/fontkit.js';
import { FACES, type FaceName as Face, type FontFamily, type FontSet } from '../../fonts/load.js';
import { compactPdf } from './pdf-compact.js';
import { markArtifact, planStructure } from './pdf-structure.js';
import { installStyleMemo } from './pdf-styles.js';
import { installTagging, tagRender } from './pdf-tagging.js';

/** The part of pdfmake's server API we use; its typings leave out `virtualfs` and the constructor. */
interface PdfMaker {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, Record<Face, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

interface VirtualFs {
  existsSync(name: string): boolean;
  readFileSync(name: string): Uint8Array;
  writeFileSync(name: string, content: unknown): void;
}

/**
 * PDF/A-2 level A: archivable (fonts embedded, sRGB output intent, XMP equal to the Info dictionary), every
 * glyph mapped to Unicode and the content tagged; pdfkit writes the pdfaid and the output intent.
 */
export const PDFA_SUBSET = 'PDF/A-2a';

type Furniture = TDocumentDefinitions['header'];

/** The running header or footer, marked as a pagination artifact of its kind. */
function asArtifact(furniture: Furniture, subtype: 'Header' | 'Footer'): Furniture {
  if (typeof furniture !== 'function') return markArtifact(furniture, { role: 'Artifact', subtype }) as Furniture;
  return ((...args: Parameters<typeof furniture>) =>
    markArtifact(furniture(...args), { role: 'Artifact', subtype })) as Furniture;
}

/**
 * The document as the report writes it: tagged (PDF/UA-1 structure for every node, see pdf-structure.ts)
 * and PDF/A-2u. Mutates the content's nodes, as pdfmake itself does.
 */
function taggedDocument(doc: TDocumentDefinitions, store: object): TDocumentDefinitions {
  const content = (Array.isArray(doc.content) ? doc.content : [doc.content]) as unknown[];
  installTagging();
  installStyleMemo();
  tagRender(store, planStructure(content));
  return {
    ...doc,
    content: content as TDocumentDefinitions['content'],
    header: asArtifact(doc.header, 'Header'),
    footer: asArtifact(doc.footer, 'Footer'),
    // pdfkit writes XMP metadata, which PDF/A needs, only from PDF 1.4 on.
    version: '1.7',
    tagged: true,
    subset: PDFA_SUBSET,
  };
}

const fontNames = new WeakMap<FontFamily, Record<Face, string>>();

/**
 * Each face is filed under its PostScript name. svg-to-pdfkit asks pdfkit for SVG text fonts by the
 * file name pdfmake was given; pdfkit finds an already loaded font under its PostScript name and would
 * otherwise read that name from the real disk. So diagram text is drawn with our embedded faces.
 */
function namesOf(fonts: FontFamily): Record<Face, string> {
  let names = fontNames.get(fonts);
  if (!names) {
    names = Object.fromEntries(FACES.map((face) => [face, fontkit.create(fonts[face]).postscriptName])) as Record<
      Face,
      string
    >;
    fontNames.set(fonts, names);
  }
  return names;
}

/**
 * Lays out and writes the PDF, closed to the outside: the URL policy denies every URL, and the only
 * local files pdfmake may open are our font faces and the content images the edge checked (by name,
 * as in `doc.images`), served from memory. pdfmake's package export is a
 * process-wide instance with a shared file store, so each render makes its own instance and store.
 */
export async function renderPdf(
  doc: TDocumentDefinitions,
  fonts: FontSet,
  images: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<Uint8Array> {
  const families: FontFamily[] = [fonts, ...fonts.fallbacks];
  const files = new Map<string, Uint8Array>([
    ...families.flatMap((family) => FACES.map((face) => [namesOf(family)[face], family[face]] as const)),
    ...images,
  ]);
  // Loaded on first use, after '../fontkit.js' has given pdfkit the fontkit with the parsed-font cache.
  const pdfmake = (await import('pdfmake')).default as unknown as { constructor: new () => PdfMaker };
  const maker = new pdfmake.constructor();
  maker.virtualfs = {
    existsSync: (name) => files.has(name),
    readFileSync: (name) => {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`report: no file "${name}"`);
      // pdfkit takes images only as Buffer (a plain Uint8Array would be read as a path); no copy.
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    writeFileSync: (name) => {
      throw new Error(`report: refusing to store "${name}"`);
    },
  };
  maker.setUrlAccessPolicy(() => false);
  maker.setLocalAccessPolicy((path) => files.has(path));
  // Every family of the chain; pdfkit embeds a subset of a face only when some text is drawn with it.
  maker.setFonts(Object.fromEntries(families.map((family) => [family.family, { ...namesOf(family) }])));
  return compactPdf(await maker.createPdf(taggedDocument(doc, maker.virtualfs)).getBuffer());
}
