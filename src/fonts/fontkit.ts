import type * as Fontkit from 'fontkit';
import { original, replaceRequired } from './fontkit-cjs.js';
import { type LayoutFont, speedUpLayout } from './word-layout.js';

/**
 * Parsed fonts by the bytes they were parsed from. pdfkit parses every font face again for every document
 * (`PDFFontFactory.open` → `fontkit.create`), which profiled at ~35 ms of each report rebuild; our FontSet
 * bytes are read once per process, so the parsed font is reused. pdfkit only reads from the font and makes
 * a fresh subset per document, so sharing it between documents is safe.
 */
const parsed = new WeakMap<ArrayBufferLike, Map<string, ReturnType<typeof Fontkit.create>>>();

const stats = { hits: 0, misses: 0 };

/** How often a parse was saved; the test that pdfkit uses the cache reads it. */
export function fontkitCacheStats(): Readonly<typeof stats> {
  return { ...stats };
}

type Font = ReturnType<typeof Fontkit.create>;
type GlyphLike = { codePoints: number[] };

/**
 * fontkit caches a glyph with the characters of its first request, and pdfkit writes a glyph's characters into
 * the PDF's ToUnicode map. A glyph first made without characters (by a substitution, in an earlier document of
 * this process) would map to nothing in every later document, so copy-paste and search lose that character and
 * the bytes depend on what was built before. The first request that names its characters fills them in.
 */
function keepCodePoints(font: Font): void {
  const target = font as unknown as { getGlyph(id: number, characters?: number[]): GlyphLike | null };
  const getGlyph = target.getGlyph;
  target.getGlyph = function (id, characters = []) {
    const glyph = getGlyph.call(this, id, characters);
    if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = [...characters];
    return glyph;
  };
}

function createCached(bytes: Uint8Array, postscriptName?: string): ReturnType<typeof Fontkit.create> {
  const key = `${bytes.byteOffset}:${bytes.byteLength}:${postscriptName ?? ''}`;
  let fonts = parsed.get(bytes.buffer);
  if (!fonts) {
    fonts = new Map();
    parsed.set(bytes.buffer, fonts);
  }
  let font = fonts.get(key);
  if (font) stats.hits++;
  else {
    stats.misses++;
    font = original.create(bytes as Buffer, postscriptName);
    keepCodePoints(font);
    speedUpLayout(font as unknown as LayoutFont);
    fonts.set(key, font);
  }
  return font;
}

/**
 * fontkit with the cache above, and the copy pdfkit gets (this module is imported before pdfmake; if pdfkit
 * were loaded first it would keep the plain fontkit, which is only slower). Import fontkit from here, never
 * from 'fontkit': its ESM build is a second copy (~30 ms to load).
 */
export const fontkit: typeof Fontkit = Object.freeze({ ...original, create: createCached }) as typeof Fontkit;

replaceRequired(fontkit);
