/** Limits that keep a hostile file from exhausting memory; documented in the README. */
export const LOAD_LIMITS = {
  maxAliasCount: 100,
  maxBytes: 8_000_000,
  /**
   * List entries (`- `) and flow collections (`{`, `[`) in the YAML, counted before it is parsed: parsing
   * is the slowest step for a large file (3.4 MB take 2–10 s), so a file with far more items than any
   * comparison needs is refused before it. 8 systems × 1,000 threats use 13,047.
   */
  maxCollections: 15_000,
} as const;

const COLLECTION = /^[ \t]*(?:- )+|(?:^|[:,[{-])[ \t]*[{[]/gm;

/** The offset of the first collection past `maxCollections`, or -1; linear in the text. */
export function tooManyCollections(yaml: string): number {
  let count = 0;
  for (const match of yaml.matchAll(COLLECTION)) {
    count += Math.max(1, (match[0].match(/- |[{[]/g) ?? []).length);
    if (count > LOAD_LIMITS.maxCollections) return match.index ?? 0;
  }
  return -1;
}
