import type { Font } from 'fontkit';
import { fontkit } from './fontkit.js';
import type { FaceName, FontFamily, FontSet } from './load.js';

/** A piece of text drawn by one family of the chain: 0 is the main font, 1… the fallbacks in order. */
export interface TextRun {
  readonly text: string;
  readonly font: number;
}

/** Which family of a font set draws each character. */
export interface FontChain {
  /** The families in order: the main one, then the fallbacks. */
  readonly families: readonly FontFamily[];
  /** The first family with a glyph for the code point in that style, or -1 when none has one. */
  fontOf(codePoint: number, face?: FaceName): number;
  /** `text` cut where the drawing family changes; characters no family has stay in the run around them. */
  runs(text: string, face?: FaceName): TextRun[];
  /** The distinct characters of `text` that no family of the chain can draw (controls aside). */
  missing(text: string): string[];
}

/**
 * Characters that take the font of the run around them: controls, joiners and variation selectors draw
 * nothing of their own. Spaces are looked up like any character, as browsers do (the main font has them).
 */
const CONTROL_OR_FORMAT = /^[\p{Cc}\p{Cf}]$/u;
const neutral = (char: string) => {
  const cp = char.codePointAt(0) ?? 0;
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || CONTROL_OR_FORMAT.test(char);
};

const cache = new WeakMap<FontSet, FontChain>();

/** The chain of a font set, built once per set; glyph lookups are remembered per code point and style. */
export function fontChain(fonts: FontSet): FontChain {
  const cached = cache.get(fonts);
  if (cached) return cached;
  const families: FontFamily[] = [fonts, ...fonts.fallbacks];
  const parsed = new Map<Uint8Array, Font>();
  const open = (bytes: Uint8Array) => {
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsed.set(bytes, font);
    }
    return font;
  };
  const known = new Map<FaceName, Map<number, number>>();
  const fontOf = (codePoint: number, face: FaceName = 'normal') => {
    let inFace = known.get(face);
    if (!inFace) {
      inFace = new Map();
      known.set(face, inFace);
    }
    let index = inFace.get(codePoint);
    if (index === undefined) {
      index = families.findIndex((family) => open(family[face]).hasGlyphForCodePoint(codePoint));
      inFace.set(codePoint, index);
    }
    return index;
  };
  const runs = (text: string, face: FaceName = 'normal'): TextRun[] => {
    const out: { text: string; font: number }[] = [];
    let current: { text: string; font: number } | undefined;
    for (const char of text) {
      const found = neutral(char) ? -1 : fontOf(char.codePointAt(0) ?? 0, face);
      const font = found >= 0 ? found : (current?.font ?? 0);
      if (current && current.font === font) current.text += char;
      else {
        current = { text: char, font };
        out.push(current);
      }
    }
    return out;
  };
  const missing = (text: string) => {
    const chars = new Set<string>();
    for (const char of text) {
      if (!neutral(char) && fontOf(char.codePointAt(0) ?? 0) < 0) chars.add(char);
    }
    return [...chars];
  };
  const chain: FontChain = { families, fontOf, runs, missing };
  cache.set(fonts, chain);
  return chain;
}
