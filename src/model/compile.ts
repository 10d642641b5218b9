import { collectImageRefs, type ImageRef } from '../content/image-refs.js';
import { loadSource, normalizeText, type PathSegment, type SourceFile } from '../content/load.js';
import type { RiskThresholds } from '../content/schema.js';
import { validateSource } from '../content/validate.js';
import { type ContentIssue, contentError } from '../errors.js';
import { buildComparison, type Comparison } from './comparison.js';

export interface Compiled {
  readonly comparison: Comparison;
  readonly warnings: readonly ContentIssue[];
  /** Images the text uses; the edge reads and checks them. */
  readonly images: readonly ImageRef[];
  /**
   * Where a field is in the file: a content path (`threats[0].title`) or `['body', sectionTitle]` for a
   * section of the Markdown body. With `needle`, the first occurrence of it from there on.
   */
  locate(path: readonly PathSegment[], needle?: string): { line: number; column: number };
}

/** load → validate → model, for one source. Throws a RiskdeckError listing every content issue. */
export function compileSource(source: SourceFile, defaultThresholds?: RiskThresholds): Compiled {
  const loaded = loadSource(source);
  const { content, issues, warnings } = validateSource(loaded);
  if (!content) throw contentError(source.path, issues);
  const text = normalizeText(source.text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = lineStarts.length;
    while (line > 1 && (lineStarts[line - 1] ?? 0) > offset) line--;
    return { line, column: offset - (lineStarts[line - 1] ?? 0) + 1 };
  };
  const locate = (path: readonly PathSegment[], needle?: string) => {
    let start: number;
    if (path[0] === 'body') {
      const title = String(path[1]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      start = Math.max(0, text.search(new RegExp(`^##\\s+${title}`, 'm')));
    } else {
      const at = loaded.locate(path);
      start = (lineStarts[at.line - 1] ?? 0) + at.column - 1;
    }
    const found = needle === undefined ? -1 : text.indexOf(needle, start);
    return position(found >= 0 ? found : start);
  };
  const images = collectImageRefs(loaded.data, loaded.body, source.path, loaded.locate);
  return { comparison: buildComparison(content, loaded.body, defaultThresholds), warnings, images, locate };
}
