import type { ContentIssue, SourceLocation } from '../errors.js';
import type { LocatedSection, PathSegment } from './load.js';
import { formatPath } from './path.js';
import { didYouMean } from './suggest.js';
import { forEachString } from './walk.js';

type Locate = (path: readonly PathSegment[], at?: 'key' | 'value') => SourceLocation;
type Raw = Record<string, unknown>;

const CITATION = /\[@([^\]\s;]+)\]/g;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const idOf = (value: unknown): string | undefined => {
  const id = record(value).id;
  return typeof id === 'string' ? id : undefined;
};

/** Citation ids (`[@id]`) used in a Markdown string. */
export function citationsIn(markdown: string): string[] {
  return [...markdown.matchAll(CITATION)].map((m) => m[1] ?? '');
}

/**
 * Checks what the schema cannot: unique ids, and that every system, threat and reference id used
 * anywhere names one that exists. Works on the raw data so that it reports alongside schema errors.
 */
export function checkReferences(
  data: unknown,
  body: readonly LocatedSection[],
  locate: Locate,
): { issues: ContentIssue[]; warnings: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const root = record(data);
  const report = (into: ContentIssue[], path: PathSegment[], message: string, at: 'key' | 'value' = 'value') =>
    into.push({ ...locate(path, at), path: formatPath(path), message });

  const ids = (collection: string, items: unknown[] = list(root[collection]), prefix: PathSegment[] = [collection]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const id = idOf(item);
      if (id === undefined) return;
      if (seen.has(id))
        report(issues, [...prefix, i, 'id'], `duplicate id "${id}"; every id in ${collection} must be unique`);
      seen.add(id);
    });
    return seen;
  };
  const systems = ids('systems');
  const threats = ids('threats');
  const references = ids('references');
  for (const collection of ['defenses', 'dimensions', 'attacks', 'verdicts', 'attackFlows']) ids(collection);

  const expect = (
    kind: string,
    known: Set<string>,
    id: unknown,
    path: PathSegment[],
    at: 'key' | 'value' = 'value',
    likely: readonly string[] = [],
  ) => {
    if (typeof id !== 'string' || known.has(id)) return;
    const add = `add it to ${kind === 'system' ? 'systems' : kind === 'threat' ? 'threats' : 'references'} or fix the id`;
    // When exactly one system is missing from a per-system map, an unknown key is most likely that one.
    const hint = didYouMean(id, known) || (likely.length === 1 ? ` (did you mean "${likely[0]}"?)` : '');
    report(issues, path, `unknown ${kind} "${id}"${hint}; ${add}`, at);
  };
  const systemKeys = (map: unknown, path: PathSegment[], what: string, owner: string) => {
    const keys = Object.keys(record(map));
    const missing = [...systems].filter((system) => !keys.includes(system));
    for (const key of keys) expect('system', systems, key, [...path, key], 'key', missing);
    if (map === undefined) return;
    for (const system of missing)
      report(warnings, path, `${owner} has no ${what} for system "${system}"; it shows as "—"`);
  };
  const idList = (kind: string, known: Set<string>, value: unknown, path: PathSegment[]) => {
    for (const [i, id] of list(value).entries()) expect(kind, known, id, [...path, i]);
  };

  list(root.threats).forEach((threat, i) => {
    const t = record(threat);
    systemKeys(t.assessments, ['threats', i, 'assessments'], 'assessment', `threat "${String(t.id)}"`);
    for (const [system, assessment] of Object.entries(record(t.assessments))) {
      const a = record(assessment);
      if ((a.likelihood === undefined) !== (a.impact === undefined)) {
        const missing = a.likelihood === undefined ? 'likelihood' : 'impact';
        report(
          issues,
          ['threats', i, 'assessments', system],
          `has only one of likelihood and impact; add ${missing} or remove the other`,
        );
      }
    }
  });
  list(root.defenses).forEach((defense, i) => {
    const d = record(defense);
    idList('system', systems, d.systems, ['defenses', i, 'systems']);
    idList('threat', threats, d.counters, ['defenses', i, 'counters']);
  });
  for (const [i, dimension] of list(root.dimensions).entries()) {
    systemKeys(
      record(dimension).values,
      ['dimensions', i, 'values'],
      'value',
      `dimension "${String(idOf(dimension))}"`,
    );
  }
  list(root.attacks).forEach((attack, i) => {
    const a = record(attack);
    systemKeys(a.outcomes, ['attacks', i, 'outcomes'], 'outcome', `attack "${String(a.id)}"`);
    idList('threat', threats, a.threats, ['attacks', i, 'threats']);
  });
  list(root.verdicts).forEach((verdict, i) => {
    const v = record(verdict);
    idList('system', systems, v.better, ['verdicts', i, 'better']);
    idList('threat', threats, v.threats, ['verdicts', i, 'threats']);
    idList('reference', references, v.references, ['verdicts', i, 'references']);
  });
  list(root.attackFlows).forEach((flow, i) => {
    const steps = list(record(flow).steps);
    ids('steps', steps, ['attackFlows', i, 'steps']);
    steps.forEach((step, j) => {
      for (const key of Object.keys(record(record(step).branches))) {
        expect('system', systems, key, ['attackFlows', i, 'steps', j, 'branches', key], 'key');
      }
    });
  });

  forEachString(root, (text, path) => {
    for (const id of citationsIn(text)) expect('reference', references, id, path);
  });
  for (const section of body) {
    for (const id of citationsIn(section.markdown)) {
      if (references.has(id)) continue;
      const before = section.markdown.slice(0, section.markdown.indexOf(`[@${id}]`)).split('\n');
      issues.push({
        file: locate([]).file,
        line: section.line + before.length - 1,
        column: (before.at(-1)?.length ?? 0) + 1,
        path: `section "${section.title}"`,
        message: `cites unknown reference "${id}"${didYouMean(id, references)}; add it to references or fix the id`,
      });
    }
  }
  return { issues, warnings };
}
