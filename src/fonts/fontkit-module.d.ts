// fontkit ships no type declarations; this covers what src/fonts and the report use (src/diagram declares the rest).
declare module 'fontkit' {
  export interface BBox {
    readonly minY: number;
    readonly maxY: number;
  }
  export interface Glyph {
    readonly bbox: BBox;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number | undefined;
    readonly xHeight: number | undefined;
    /** Every code point the font maps to a glyph. */
    readonly characterSet: readonly number[];
    readonly 'OS/2': { readonly capHeight?: number; readonly xHeight?: number } | undefined;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
