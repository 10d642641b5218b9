/** How a font file is stored, by its first bytes; the deck's `@font-face` names it in `format()`. */
export type FontFormat = 'truetype' | 'opentype' | 'woff' | 'woff2' | 'collection';

export function fontFormat(bytes: Uint8Array): FontFormat | undefined {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === 'wOFF') return 'woff';
  if (tag === 'wOF2') return 'woff2';
  if (tag === 'ttcf') return 'collection';
  if (tag === 'OTTO') return 'opentype';
  if (tag === '\u0000\u0001\u0000\u0000' || tag === 'true') return 'truetype';
  return undefined;
}
