import { Lexer, type Token } from 'marked';
import type { SourceLocation } from '../errors.js';
import type { LocatedSection, PathSegment } from './load.js';
import { forEachString } from './walk.js';

/** An image a content file refers to, with the place to name when it cannot be used. */
export interface ImageRef extends SourceLocation {
  readonly src: string;
}

function imagesIn(markdown: string): string[] {
  if (!markdown.includes('![')) return [];
  const found: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'image') found.push((token as Token & { href: string }).href);
      const t = token as Token & {
        tokens?: Token[];
        items?: Token[];
        rows?: { tokens: Token[] }[][];
        header?: { tokens: Token[] }[];
      };
      if (t.tokens) walk(t.tokens);
      if (t.items) walk(t.items);
      if (t.header) for (const cell of t.header) walk(cell.tokens);
      if (t.rows) for (const row of t.rows) for (const cell of row) walk(cell.tokens);
    }
  };
  walk(Lexer.lex(markdown, { gfm: true }));
  return found;
}

/** Every image used in the front matter's text fields and in the body, in document order. */
export function collectImageRefs(
  data: unknown,
  body: readonly LocatedSection[],
  file: string,
  locate: (path: readonly PathSegment[]) => { line: number; column: number },
): ImageRef[] {
  const refs: ImageRef[] = [];
  forEachString(data, (text, path) => {
    for (const src of imagesIn(text)) refs.push({ file, ...locate(path), src });
  });
  for (const section of body) {
    // Each use is found after the one before, so the second use of a path is named at its own line.
    let from = 0;
    for (const src of imagesIn(section.markdown)) {
      const found = section.markdown.indexOf(src, from);
      const offset = found >= 0 ? found : section.markdown.indexOf(src);
      from = Math.max(from, offset + src.length);
      const before = section.markdown.slice(0, Math.max(0, offset)).split('\n');
      refs.push({ file, line: section.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1, src });
    }
  }
  return refs;
}
