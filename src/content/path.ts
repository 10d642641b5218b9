/** A key or an index; the same type as `PathSegment` in load.ts, which uses this module. */
type PathSegment = string | number;

/**
 * A field's path as the user writes it: `threats[1].assessments.kata`; a section of the Markdown body
 * (`['body', title]`, as outputs and the locator name it) as `section "Scope"`, as the content checks say it.
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 2 && path[0] === 'body' && typeof path[1] === 'string') return `section "${path[1]}"`;
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
