import { Lexer } from 'yaml';
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
   * Levels of nesting (indentation, `- - x` on one line, `[`/`{` inside each other), checked before parsing:
   * the YAML parser recurses once per level, and a file nested a few thousand levels deep takes it to
   * 0.5–0.8 GB of memory (3,900 levels of indentation, 7.6 MB). A comparison needs about ten.
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

/** Block indicators that open a level on the line they are on: `- - x`, `? - x`. */
const COMPACT = /^(?:[-?:](?:[ \t]+|$))+/;

/** The offset of the first line whose indentation and compact indicators nest past `max`, or -1. */
function blockTooDeep(yaml: string, max: number): number {
  const indents: number[] = [];
  let offset = 0;
  for (const line of yaml.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const rest = line.trimStart();
    if (rest === '' || rest.startsWith('#')) continue;
    const indent = line.length - rest.length;
    while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
    indents.push(indent);
    const compact = (COMPACT.exec(rest)?.[0].match(/[-?:]/g) ?? []).length;
    if (indents.length + compact > max) return start;
  }
  return -1;
}

/**
 * How deep `[` and `{` nest at most, counted without telling collections from text but never less than the
 * YAML's own nesting: a closing bracket inside quotes (any quote character starts one) does not count.
 */
function flowDepthBound(yaml: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** Lexer tokens that mark structure and are not part of the text. */
const MARKER = /^[\u0000-\u0008\u000b-\u001f]$/;

/** The offset of the first flow collection nested past `max`, or -1; the lexer is iterative. */
function flowTooDeep(yaml: string, max: number): number {
  // The bound is cheap and at most a few levels for any real file: the lexer runs only when it is passed.
  if (flowDepthBound(yaml) <= max) return -1;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(yaml)) {
    if (token === '[' || token === '{') {
      if (++depth > max) return offset;
    } else if ((token === ']' || token === '}') && depth > 0) depth--;
    if (!MARKER.test(token)) offset += token.length;
  }
  return -1;
}

/** The offset where the YAML first nests deeper than `maxDepth`, or -1; linear in the text. */
export function tooDeep(yaml: string): number {
  const block = blockTooDeep(yaml, LOAD_LIMITS.maxDepth);
  return block >= 0 ? block : flowTooDeep(yaml, LOAD_LIMITS.maxDepth);
}
