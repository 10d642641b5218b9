import type * as Fontkit from 'fontkit';
import { fontChain } from '../fonts/chain.js';
import { fontMetrics } from '../fonts/face.js';
import { fontkit } from '../fonts/fontkit.js';
import type { FaceName, FontSet } from '../fonts/load.js';

/** A piece of a label and the fallback family that draws it (undefined: the main font). */
export interface LabelRun {
  readonly text: string;
  readonly family: string | undefined;
}

/** Text widths in the fonts that draw the diagrams, so that labels are wrapped to fit, not guessed. */
export interface TextMeasure {
  /** Advance width of `text` at `fontSize`, in the same units as `fontSize`. */
  width(text: string, fontSize: number, bold?: boolean): number;
  /** Height of a capital letter at `fontSize`; used to centre a line of text on its box. */
  capHeight(fontSize: number): number;
  /** `text` cut into runs by the family of the font chain that draws each character. */
  runs(text: string, bold?: boolean): LabelRun[];
}

interface Face {
  readonly font: Fontkit.Font;
  /** Advance per code point in em; a glyph's advance never changes, and lookups dominate the cost. */
  readonly advances: Map<number, number>;
}

const cache = new WeakMap<FontSet, TextMeasure>();

const ascii = (text: string) => /^[\x00-\x7f]*$/.test(text);

/**
 * A measure over the regular and bold faces of the set's font chain, parsed once per FontSet (rebuilds
 * reuse it). Each run of a label is measured in the family that draws it, as pdfkit and the browser do.
 * Widths are sums of glyph advances without kerning: kerning only ever narrows Roboto's Latin text
 * (browsers and pdfkit apply it), so the sum is a safe upper bound and costs no shaping (~100x faster).
 */
export function createTextMeasure(fonts: FontSet): TextMeasure {
  const cached = cache.get(fonts);
  if (cached) return cached;
  const chain = fontChain(fonts);
  const faces = (name: FaceName) => chain.families.map((family) => face(family[name]));
  const regular = faces('normal');
  const bold = faces('bold');
  const main = regular[0] as Face;
  const metrics = fontMetrics(main.font);
  const capHeight = metrics.capHeight / metrics.unitsPerEm;
  const width = (text: string, isBold: boolean) => {
    const chosen = isBold ? bold : regular;
    if (ascii(text)) return emWidth(chosen[0] as Face, text);
    let total = 0;
    for (const run of chain.runs(text, isBold ? 'bold' : 'normal'))
      total += emWidth(chosen[run.font] as Face, run.text);
    return total;
  };
  const measure: TextMeasure = {
    width: (text, fontSize, isBold = false) => width(text, isBold) * fontSize,
    capHeight: (fontSize) => capHeight * fontSize,
    runs: (text, isBold = false) =>
      ascii(text)
        ? [{ text, family: undefined }]
        : chain.runs(text, isBold ? 'bold' : 'normal').map((run) => ({
            text: run.text,
            family: run.font === 0 ? undefined : chain.families[run.font]?.family,
          })),
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
      // A character no font of the chain has prints as an empty box; 1 em covers the widest (CJK) ones.
      advance = font.hasGlyphForCodePoint(codePoint)
        ? font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm
        : 1;
      advances.set(codePoint, advance);
    }
    total += advance;
  }
  return total;
}
