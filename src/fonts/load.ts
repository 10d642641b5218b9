import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RiskdeckError } from '../errors.js';
import { firstFontOfCollection } from './collection.js';
import { fontFormat } from './format.js';

export const FACES = ['normal', 'bold', 'italics', 'bolditalics'] as const;
export type FaceName = (typeof FACES)[number];

/** The four faces of one family, as font file bytes. Diagrams measure with them; the report embeds them. */
export interface FontFamily {
  readonly family: string;
  readonly normal: Uint8Array;
  readonly bold: Uint8Array;
  readonly italics: Uint8Array;
  readonly bolditalics: Uint8Array;
}

/** A family tried, in order, for characters the main font has no glyph for. */
export interface FallbackFamily extends FontFamily {
  /** The font's licence, copied into the deck's `fonts/` folder under this name. */
  readonly licence?: { readonly name: string; readonly text: Uint8Array } | undefined;
}

/** The main family and its fallback chain. */
export interface FontSet extends FontFamily {
  readonly fallbacks: readonly FallbackFamily[];
}

export interface FontFiles {
  readonly family: string;
  readonly normal: string;
  readonly bold: string;
  readonly italics: string;
  readonly bolditalics: string;
}

/** A fallback font as configured: one file for every style, or a file per style (missing ones use `normal`). */
export type FallbackFiles =
  | string
  | {
      readonly normal: string;
      readonly bold?: string | undefined;
      readonly italics?: string | undefined;
      readonly bolditalics?: string | undefined;
    };

const require = createRequire(import.meta.url);

/** Roboto as shipped in pdfmake's package: the default everywhere, so the deck and the PDF draw alike. */
export function defaultFontFiles(): FontFiles {
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  return {
    family: 'Roboto',
    normal: join(dir, 'Roboto-Regular.ttf'),
    bold: join(dir, 'Roboto-Medium.ttf'),
    italics: join(dir, 'Roboto-Italic.ttf'),
    bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
  };
}

/**
 * DejaVu Sans, always first after the main font: one family with all four styles that covers Latin-1,
 * Latin Extended-A/B, Greek, Cyrillic, punctuation, arrows, mathematical operators, letterlike symbols,
 * box drawing, geometric shapes and the common miscellaneous symbols (TTF, which pdfkit embeds as subsets).
 */
function bundledFallback() {
  const dir = dirname(require.resolve('dejavu-fonts-ttf/package.json'));
  const ttf = (name: string) => join(dir, 'ttf', `${name}.ttf`);
  return {
    family: 'DejaVu Sans',
    files: {
      normal: ttf('DejaVuSans'),
      bold: ttf('DejaVuSans-Bold'),
      italics: ttf('DejaVuSans-Oblique'),
      bolditalics: ttf('DejaVuSans-BoldOblique'),
    },
    licence: { name: 'LICENSE-DejaVu.txt', path: join(dir, 'LICENSE') },
  };
}

type Check = 'main' | 'fallback' | 'bundled';

async function readFont(path: string, check: Check) {
  const read = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new RiskdeckError('USAGE', `${path}: cannot read the font (${error.code ?? error.message})`);
  });
  const bytes = fontFormat(read) === 'collection' ? collectionMember(read, path) : read;
  // The bundled fonts are known good: a build that uses no other font loads no fontkit here (~90 ms), so
  // content refused by validation is refused as fast as before.
  if (check === 'bundled') return { bytes, familyName: '' };
  const { openFace } = await import('./face.js');
  return { bytes, familyName: openFace(bytes, path, { basicLatin: check === 'main' }).familyName };
}

/** Reads and checks the four faces; a style without its own file (a fallback's) reuses bold or normal. */
async function readFamily(
  files: { readonly [face in FaceName]?: string | undefined } & { normal: string },
  check: Check,
) {
  // A file given for several styles is read once: the deck then copies it once.
  const reads = new Map<string, ReturnType<typeof readFont>>();
  const read = (path: string) => {
    let font = reads.get(path);
    if (!font) {
      font = readFont(path, check);
      reads.set(path, font);
    }
    return font;
  };
  const file = (face: FaceName) => files[face] ?? (face === 'bolditalics' ? files.bold : undefined) ?? files.normal;
  const faces = await Promise.all(FACES.map((face) => read(file(face))));
  const [normal, bold, italics, bolditalics] = faces.map((f) => f.bytes) as [Buffer, Buffer, Buffer, Buffer];
  return { faces: { normal, bold, italics, bolditalics }, familyName: faces[0]?.familyName ?? '' };
}

/** A family name safe in CSS and distinct from the others in the chain. */
function uniqueName(name: string, taken: Set<string>): string {
  const base = name.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'Fallback';
  let unique = base;
  for (let i = 2; taken.has(unique.toLowerCase()); i++) unique = `${base} ${i}`;
  taken.add(unique.toLowerCase());
  return unique;
}

async function readFontSet(files: FontFiles, configured: readonly FallbackFiles[]): Promise<FontSet> {
  const bundled = bundledFallback();
  const roboto = JSON.stringify(files) === JSON.stringify(defaultFontFiles());
  const [main, dejavu, licence, ...user] = await Promise.all([
    readFamily(files, roboto ? 'bundled' : 'main'),
    readFamily(bundled.files, 'bundled'),
    readFile(bundled.licence.path),
    ...configured.map((f) => readFamily(typeof f === 'string' ? { normal: f } : f, 'fallback')),
  ]);
  const taken = new Set([files.family.toLowerCase()]);
  return {
    family: files.family,
    ...main.faces,
    fallbacks: [
      {
        family: uniqueName(bundled.family, taken),
        ...dejavu.faces,
        licence: { name: bundled.licence.name, text: licence },
      },
      ...user.map((f) => ({ family: uniqueName(f.familyName, taken), ...f.faces })),
    ],
  };
}

/** A collection (TTC) stands for its first font, made a file of its own. */
function collectionMember(bytes: Uint8Array, path: string): Uint8Array {
  try {
    return firstFontOfCollection(bytes);
  } catch (error) {
    throw new RiskdeckError(
      'USAGE',
      `${path}: a damaged font collection (${(error as Error).message}); give a TrueType, OpenType, WOFF, WOFF2 or TTC font file`,
    );
  }
}

const cache = new Map<string, Promise<FontSet>>();

/**
 * Reads and checks a font set once per process; rebuilds reuse the bytes. A file that is missing, is not
 * a font fontkit reads, lacks metrics, or (for the main family) lacks basic Latin is a usage error naming it.
 */
export function loadFonts(
  files: FontFiles = defaultFontFiles(),
  fallbacks: readonly FallbackFiles[] = [],
): Promise<FontSet> {
  const key = JSON.stringify([files, fallbacks]);
  let fonts = cache.get(key);
  if (!fonts) {
    fonts = readFontSet(files, fallbacks);
    // A failed load is not kept: the user fixes the file and the next rebuild reads it again.
    fonts.catch(() => cache.delete(key));
    cache.set(key, fonts);
  }
  return fonts;
}
