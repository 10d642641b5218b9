import type { PathSegment } from './load.js';

/** A field's path as the user writes it: `threats[1].assessments.kata`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
