import type * as Fontkit from 'fontkit';
import { fontkit } from '../fonts/fontkit.js';
import type { FontSet } from '../fonts/load.js';

/** Text widths in the font that draws the diagrams, so that labels are wrapped to fit, not guessed. */
export interface TextMeasure {
  /** Advance width of `text` at `fontSize`, in the same units as `fontSize`. */
  width(text: string, fontSize: number, bold?: boolean): number;
  /** Height of a capital letter at `fontSize`; used to centre a line of text on its box. */
  capHeight(fontSize: number): number;
}

interface Face {
  readonly font: Fontkit.Font;
  /** Advance per code point in em; a glyph's advance never changes, and lookups dominate the cost. */
  readonly advances: Map<number, number>;
}

const cache = new WeakMap<FontSet, TextMeasure>();

/**
 * A measure over the set's regular and bold faces, parsed once per FontSet (rebuilds reuse it).
 * Widths are sums of glyph advances without kerning: kerning only ever narrows Roboto's Latin text
 * (browsers and pdfkit apply it), so the sum is a safe upper bound and costs no shaping (~100x faster).
 */
export function createTextMeasure(fonts: FontSet): TextMeasure {
  const cached = cache.get(fonts);
  if (cached) return cached;
  const regular = face(fonts.normal);
  const bold = face(fonts.bold);
  const capHeight = regular.font.capHeight / regular.font.unitsPerEm;
  const measure: TextMeasure = {
    width: (text, fontSize, isBold = false) => emWidth(isBold ? bold : regular, text) * fontSize,
    capHeight: (fontSize) => capHeight * fontSize,
  };
  cache.set(fonts, measure);
  return measure;
}

function face(bytes: Uint8Array): Face {
  return { font: fontkit.create(bytes) as Fontkit.Font, advances: new Map() };
}

function emWidth({ font, advances }: Face, text: string): number {
  let total = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let advance = advances.get(codePoint);
    if (advance === undefined) {
      // A character the font lacks is drawn by a fallback font; 1 em covers the widest (CJK) ones.
      advance = font.hasGlyphForCodePoint(codePoint)
        ? font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm
        : 1;
      advances.set(codePoint, advance);
    }
    total += advance;
  }
  return total;
}
