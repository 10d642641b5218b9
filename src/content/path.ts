/** A key or an index; the same type as `PathSegment` in load.ts, which uses this module. */
type PathSegment = string | number;

/** A field's path as the user writes it: `threats[1].assessments.kata`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
