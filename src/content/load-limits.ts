/** Limits that keep a hostile file from exhausting memory; documented in the README. */
export const LOAD_LIMITS = {
  maxAliasCount: 100,
  maxBytes: 8_000_000,
} as const;
