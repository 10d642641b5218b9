import { type CST, Parser } from 'yaml';
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
  /**
   * Levels of block collections inside each other (indentation, `- - x` on one line), and of flow
   * collections (`[`, `{`), counted on the parser's syntax tree before the document is built from it: building
   * recurses once per level, and a file nested a few thousand levels deep took it to 0.5–0.8 GB of memory
   * (3,900 levels of indentation, 7.6 MB). A comparison needs about seven.
   */
  maxDepth: 64,
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

/**
 * The offset of the first collection nested past `maxDepth` block or flow levels in the parser's syntax tree,
 * or -1. The tree is walked with a stack of its own: it is as deep as the file.
 */
export function nestedPast(tokens: readonly CST.Token[]): number {
  const max = LOAD_LIMITS.maxDepth;
  const stack: [CST.Token | undefined | null, number, number][] = tokens.map((t) => [t, 0, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, outerBlock, outerFlow] = next;
    if (!token) continue;
    const block = outerBlock + (token.type === 'block-map' || token.type === 'block-seq' ? 1 : 0);
    const flow = outerFlow + (token.type === 'flow-collection' ? 1 : 0);
    if (block > max || flow > max) return 'offset' in token ? token.offset : 0;
    if (token.type === 'document') stack.push([token.value, block, flow]);
    if ('items' in token)
      for (const item of token.items) stack.push([item.key, block, flow], [item.value, block, flow]);
  }
  return -1;
}

/** `nestedPast` for a text alone: the offset where it first nests deeper than `maxDepth`, or -1. */
export const tooDeep = (yaml: string): number => nestedPast([...new Parser().parse(yaml)]);
