import { fontChain } from '../../fonts/chain.js';
import { fontkit } from '../../fonts/fontkit.js';
import { type FontFormat, fontFormat } from '../../fonts/format.js';
import { FACES, type FaceName, type FallbackFamily, type FontSet } from '../../fonts/load.js';
import type { Artifact } from '../render.js';

const EXTENSIONS: Record<FontFormat, string> = {
  truetype: 'ttf',
  opentype: 'otf',
  woff: 'woff',
  woff2: 'woff2',
  collection: 'ttc',
};

const STYLES: Record<FaceName, { weight: string; style: string }> = {
  normal: { weight: '100 499', style: 'normal' },
  bold: { weight: '500 900', style: 'normal' },
  italics: { weight: '100 499', style: 'italic' },
  bolditalics: { weight: '500 900', style: 'italic' },
};

/** The deck's characters, entities decoded: what the page will ask a font for. */
function deckCharacters(html: string): Set<number> {
  const found = new Set<number>();
  for (const char of html) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp > 0x7f) found.add(cp);
  }
  for (const [, hex, dec] of html.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi)) {
    const cp = hex === undefined ? Number(dec) : Number.parseInt(hex, 16);
    if (cp > 0x7f && cp <= 0x10ffff) found.add(cp);
  }
  return found;
}

/**
 * The fallback families the deck draws some character with: only those are copied beside it (DejaVu
 * Sans alone is 2.7 MB in four styles), so a deck in plain English stays as small as before.
 */
export function usedFallbacks(fonts: FontSet, html: string): FallbackFamily[] {
  const chain = fontChain(fonts);
  const used = new Set<number>();
  for (const cp of deckCharacters(html)) {
    const index = chain.fontOf(cp);
    if (index > 0) used.add(index);
  }
  return fonts.fallbacks.filter((_, i) => used.has(i + 1));
}

/**
 * Gaps in a font's coverage narrower than this join the ranges around them: a CJK font's map has
 * thousands of small holes, and `unicode-range` only decides whether to load a face (the browser still
 * falls back glyph by glyph), so listing every hole would only make `layout.css` 160 KB instead of 10.
 */
const GAP = 128;

/** `U+20-7E,U+A0-24F,…`: the code points the font maps, as CSS `unicode-range`. */
export function unicodeRange(bytes: Uint8Array): string {
  const points = [...new Set(fontkit.create(bytes).characterSet)].sort((a, b) => a - b);
  const ranges: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < points.length; ) {
    const start = points[i] as number;
    let end = start;
    while (i + 1 < points.length && (points[i + 1] as number) - end <= GAP) end = points[++i] as number;
    i++;
    ranges.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  }
  return ranges.join(',');
}

interface FaceFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly format: FontFormat;
}

/** Each face's file under `fonts/`; styles that share a file (a fallback given as one file) share it. */
function faceFiles(family: FallbackFamily): Record<FaceName, FaceFile> {
  // Family names are letters, digits, spaces, _ and - (see fonts/load.ts).
  const slug =
    family.family
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'fallback';
  const byBytes = new Map<Uint8Array, FaceFile>();
  const files = {} as Record<FaceName, FaceFile>;
  for (const face of FACES) {
    const bytes = family[face];
    let file = byBytes.get(bytes);
    if (!file) {
      const format = fontFormat(bytes) ?? 'truetype';
      file = { path: `fonts/${slug}-${face}.${EXTENSIONS[format]}`, bytes, format };
      byBytes.set(bytes, file);
    }
    files[face] = file;
  }
  return files;
}

/**
 * The fallback families the deck needs: their files and licences for `fonts/`, and the CSS that makes
 * them the deck's fallbacks in the chain's order, each `@font-face` limited by `unicode-range` to what
 * the font has, so that the browser draws each character with the font the pagination measured.
 */
export function fallbackFonts(fonts: FontSet, html: string): { artifacts: Artifact[]; css: string } {
  const used = usedFallbacks(fonts, html);
  const artifacts: Artifact[] = [];
  const rules: string[] = [];
  for (const family of used) {
    const files = faceFiles(family);
    const range = unicodeRange(family.normal);
    for (const file of new Set(Object.values(files))) artifacts.push({ path: file.path, data: file.bytes });
    if (family.licence) artifacts.push({ path: `fonts/${family.licence.name}`, data: family.licence.text });
    for (const face of FACES) {
      const { weight, style } = STYLES[face];
      rules.push(
        `@font-face{font-family:${JSON.stringify(family.family)};src:url("${files[face].path}") format("${files[face].format}");font-weight:${weight};font-style:${style};font-display:block;unicode-range:${range}}`,
      );
    }
  }
  const stack = [fonts.family, ...used.map((f) => f.family)].map((name) => JSON.stringify(name)).join(',');
  rules.push(`:root{--deck-font:${stack},sans-serif}`, `.reveal svg text{font-family:var(--deck-font)}`);
  return { artifacts, css: rules.join('\n') };
}
