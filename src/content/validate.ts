import type { z } from 'zod';
import type { ContentIssue } from '../errors.js';
import { checkItems } from './item-checks.js';
import { checkTextLimits } from './limits.js';
import type { LoadedSource, PathSegment } from './load.js';
import { formatPath } from './path.js';
import { checkReferences } from './references.js';
import { type Content, contentSchema } from './schema.js';
import { checkStandards } from './standards.js';
import { didYouMean } from './suggest.js';

export interface Validated {
  readonly content: Content | undefined;
  readonly issues: readonly ContentIssue[];
  readonly warnings: readonly ContentIssue[];
}

export { formatPath } from './path.js';

type AnySchema = z.core.$ZodType;

/** The keys an object schema at `path` accepts, for "did you mean" on unknown fields. */
function keysAt(path: readonly PathSegment[]): string[] {
  let schema: AnySchema | undefined = contentSchema;
  const unwrap = (s: AnySchema | undefined): AnySchema | undefined => {
    let current = s;
    for (let i = 0; i < 10 && current; i++) {
      const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType;
      else if (def.type === 'pipe') current = def.in;
      // A union of text and a mapping (an author): the mapping's fields are the ones to suggest.
      else if (def.type === 'union')
        current = (def as { options?: AnySchema[] }).options?.find((o) => 'shape' in o._zod.def);
      else break;
    }
    return current;
  };
  for (const segment of path) {
    schema = unwrap(schema);
    if (!schema) return [];
    const def = schema._zod.def as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    if (def.type === 'object') schema = def.shape?.[String(segment)];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return [];
  }
  const def = unwrap(schema)?._zod.def as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function explain(issue: z.core.$ZodIssue, written: string | undefined): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return `is required; add it (${issue.expected})`;
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        // Suggest the text as written (`1.0`), not as YAML read it (`1`).
        const text = written && !/^["']/.test(written) ? written : String(input);
        return `must be text, not ${describeValue(input)}; put it in quotes, e.g. "${text}"`;
      }
      const expected =
        issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected;
      return `must be ${expected}, not ${describeValue(input)}`;
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'array') {
        const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        return issue.code === 'too_small' ? `needs at least ${bound} item(s)` : `allows at most ${bound} items`;
      }
      if (issue.origin === 'string' && issue.code === 'too_big') {
        return `is too long; use at most ${Number(issue.maximum)} characters`;
      }
      if (issue.origin === 'string') return 'must not be empty';
      return `is ${describeValue(input)}, out of range; use a whole number from 1 to 5`;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const hint = typeof input === 'string' ? didYouMean(input, values) : '';
      return `is ${describeValue(input)}${hint}; use one of: ${values.join(', ')}`;
    }
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `has the wrong format (${issue.format})` : issue.message;
    case 'not_multiple_of':
      return issue.message;
    default:
      if (issue.message.includes('expected int') || issue.message.includes('integer')) {
        return `is ${describeValue(input)}; use a whole number from 1 to 5`;
      }
      return issue.message;
  }
}

function isRatingRange(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number';
}

/**
 * One issue for one value: a value the schema refuses (`counters: [Unknown Thing]`, not an id) is not reported
 * again by a later check (as an unknown threat); the first check's message is the one thing to fix there.
 */
function onePerPlace(issues: readonly ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const place = `${issue.line}:${issue.column}:${issue.path}`;
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
}

function schemaIssues(source: LoadedSource, data: unknown): { content?: Content; issues: ContentIssue[] } {
  const result = contentSchema.safeParse(data, { reportInput: true });
  if (result.success) return { content: result.data, issues: [] };
  const issues: ContentIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as PathSegment[];
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(path);
      // A merge key is reported by the loader, which says why it is refused.
      for (const key of issue.keys.filter((k) => k !== '<<')) {
        const where = source.locate([...path, key], 'key');
        const cut = source.cutAtComma([...path, key]);
        issues.push({
          file: source.file,
          ...where,
          path: formatPath([...path, key]),
          message:
            cut === undefined
              ? `unknown field "${key}"${didYouMean(key, allowed)}; remove it or fix its name`
              : `unknown field "${key}": inside { } a comma ends a value, so the text of "${cut}" was cut here; put the value of "${cut}" in quotes`,
        });
      }
      continue;
    }
    const message =
      isRatingRange(issue) && typeof (issue as { input?: unknown }).input === 'number'
        ? `is ${(issue as { input?: unknown }).input as number}; ratings are whole numbers from 1 to 5`
        : explain(issue, source.written(path));
    issues.push({ file: source.file, ...source.locate(path), path: formatPath(path), message });
  }
  return { issues };
}

/** Checks a loaded source against the schema and its cross-references; collects every issue. */
export function validateSource(source: LoadedSource): Validated {
  if (source.data === undefined || source.data === null) {
    const issues =
      source.issues.length > 0
        ? source.issues
        : [
            {
              file: source.file,
              line: 1,
              column: 1,
              path: '',
              message: 'the file has no content; start from `riskdeck init`',
            },
          ];
    return { content: undefined, issues, warnings: [] };
  }
  const limits = checkTextLimits(source.data, source.body, source.file, (path) => ({
    file: source.file,
    ...source.locate(path),
  }));
  const { content, issues } = schemaIssues(source, source.data);
  const checked = checkReferences(source.data, source.body, (path, at) => ({
    file: source.file,
    ...source.locate(path, at),
  }));
  const at = (path: readonly PathSegment[], where?: 'key' | 'value') => ({
    file: source.file,
    ...source.locate(path, where),
  });
  const items = checkItems(source.data, at);
  const standards = checkStandards(source.data, at);
  const warnings = [...checked.warnings, ...items.warnings, ...standards.warnings];
  const all = onePerPlace([
    ...source.issues,
    ...limits,
    ...issues,
    ...checked.issues,
    ...items.issues,
    ...standards.issues,
  ]).sort((a, b) => a.line - b.line || a.column - b.column);
  if (all.length > 0 || !content) return { content: undefined, issues: all, warnings };
  return { content, issues: [], warnings };
}
