import { collectImageRefs, type ImageRef } from './content/image-refs.js';
import { loadSource, type SourceFile } from './content/load.js';
import type { RiskThresholds } from './content/schema.js';
import { validateSource } from './content/validate.js';
import { type ContentIssue, contentError } from './errors.js';
import { buildComparison, type Comparison } from './model/comparison.js';

export interface Compiled {
  readonly comparison: Comparison;
  readonly warnings: readonly ContentIssue[];
  /** Images the text uses; the edge reads and checks them. */
  readonly images: readonly ImageRef[];
}

/** load → validate → model, for one source. Throws a RiskdeckError listing every content issue. */
export function compileSource(source: SourceFile, defaultThresholds?: RiskThresholds): Compiled {
  const loaded = loadSource(source);
  const { content, issues, warnings } = validateSource(loaded);
  if (!content) throw contentError(source.path, issues);
  const images = collectImageRefs(loaded.data, loaded.body, source.path, loaded.locate);
  return { comparison: buildComparison(content, loaded.body, defaultThresholds), warnings, images };
}
