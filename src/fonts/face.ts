import type { Font } from 'fontkit';
import { RiskdeckError } from '../errors.js';
import { fontkit } from './fontkit.js';
import { fontFormat } from './format.js';

/** What the diagrams need of a font, in font units, every one a finite number. */
export interface FontMetrics {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** The top of a glyph's outline, or undefined when the font has no such glyph or it draws nothing. */
function glyphTop(font: Font, codePoint: number): number | undefined {
  if (!font.hasGlyphForCodePoint(codePoint)) return undefined;
  const top = font.glyphForCodePoint(codePoint).bbox.maxY;
  return finite(top) && top > 0 ? top : undefined;
}

const positive = (n: unknown): number | undefined => (finite(n) && n > 0 ? n : undefined);

/**
 * Metrics with the gaps filled: fontkit reads cap height and x-height from OS/2 fields that version 1 of
 * the table lacks (DejaVu Sans), so a missing one is measured from the outline of "H" or "x", and only
 * then estimated from the ascent (0.7 and 0.5 of it, close to most sans faces).
 */
export function fontMetrics(font: Font): FontMetrics {
  const os2 = font['OS/2'];
  const ascent = font.ascent;
  return {
    unitsPerEm: font.unitsPerEm,
    ascent,
    descent: font.descent,
    capHeight: positive(font.capHeight) ?? positive(os2?.capHeight) ?? glyphTop(font, 0x48) ?? ascent * 0.7,
    xHeight: positive(font.xHeight) ?? positive(os2?.xHeight) ?? glyphTop(font, 0x78) ?? ascent * 0.5,
  };
}

/** Printable basic Latin: every font the text starts from must draw all of it. */
const BASIC_LATIN = Array.from({ length: 0x7e - 0x20 }, (_, i) => 0x21 + i);

/** Opens a font file's bytes as fontkit does for the report, or says in one line why it cannot be used. */
export function openFace(bytes: Uint8Array, file: string, options: { basicLatin: boolean }): Font {
  const fail = (what: string, fix = 'give a TrueType, OpenType, WOFF, WOFF2 or TTC font file') =>
    new RiskdeckError('USAGE', `${file}: ${what}; ${fix}`);
  if (fontFormat(bytes) === undefined) throw fail('not a font file (unknown signature)');
  let font: Font;
  try {
    font = fontkit.create(bytes);
    // Reading the tables the diagrams and pdfkit use (cmap, hmtx, glyf or CFF) is where a damaged file fails.
    font.hasGlyphForCodePoint(0x48);
    fontMetrics(font);
  } catch (error) {
    throw fail(`a damaged font file (${(error as Error).message})`);
  }
  const m = fontMetrics(font);
  const bad = Object.entries(m).filter(([, v]) => !finite(v) || (v === m.unitsPerEm && v <= 0));
  if (bad.length > 0 || m.ascent <= 0) {
    throw fail(`a font without usable metrics (${bad.map(([k]) => k).join(', ') || 'ascent'})`);
  }
  if (options.basicLatin) {
    const missing = BASIC_LATIN.filter((cp) => !font.hasGlyphForCodePoint(cp)).map((cp) => String.fromCodePoint(cp));
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).join(' ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '');
      throw fail(
        `the font has no glyph for the basic Latin characters ${shown}`,
        'the main font must draw them all; list a font like this one under "fallbackFonts" instead',
      );
    }
  }
  return font;
}
