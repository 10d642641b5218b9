// unicode-name ships no type declarations; this covers the one function the glyph warnings use.
declare module 'unicode-name' {
  /** The character's Unicode name ("RIGHTWARDS ARROW", "CJK UNIFIED IDEOGRAPH-5BB9"), if it has one. */
  export function unicodeName(char: string): string | undefined;
}
