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

/** Collects issues and warnings about ids while the parts of a comparison are checked one by one. */
class IdCheck {
  readonly issues: ContentIssue[] = [];
  readonly warnings: ContentIssue[] = [];
  readonly locate: Locate;
  systems = new Set<string>();

  constructor(locate: Locate) {
    this.locate = locate;
  }

  report(into: ContentIssue[], path: PathSegment[], message: string, at: 'key' | 'value' = 'value'): void {
    into.push({ ...this.locate(path, at), path: formatPath(path), message });
  }

  /** The ids of a collection, each reported once more when it repeats. */
  ids(collection: string, items: unknown[], prefix: PathSegment[] = [collection]): Set<string> {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const id = idOf(item);
      if (id === undefined) return;
      if (seen.has(id))
        this.report(
          this.issues,
          [...prefix, i, 'id'],
          `duplicate id "${id}"; every id in ${collection} must be unique`,
        );
      seen.add(id);
    });
    return seen;
  }

  expect(
    kind: string,
    known: Set<string>,
    id: unknown,
    path: PathSegment[],
    at: 'key' | 'value' = 'value',
    likely: readonly string[] = [],
  ): void {
    if (typeof id !== 'string' || known.has(id)) return;
    const add = `add it to ${kind === 'system' ? 'systems' : kind === 'threat' ? 'threats' : 'references'} or fix the id`;
    // When exactly one system is missing from a per-system map, an unknown key is most likely that one.
    const hint = didYouMean(id, known) || (likely.length === 1 ? ` (did you mean "${likely[0]}"?)` : '');
    this.report(this.issues, path, `unknown ${kind} "${id}"${hint}; ${add}`, at);
  }

  /** A per-system map: every key a system, every system a key (a missing one is a warning). */
  systemKeys(map: unknown, path: PathSegment[], what: string, owner: string): void {
    const keys = Object.keys(record(map));
    const missing = [...this.systems].filter((system) => !keys.includes(system));
    for (const key of keys) this.expect('system', this.systems, key, [...path, key], 'key', missing);
    if (map === undefined) return;
    for (const system of missing)
      this.report(this.warnings, path, `${owner} has no ${what} for system "${system}"; it shows as "—"`);
  }

  idList(kind: string, known: Set<string>, value: unknown, path: PathSegment[]): void {
    for (const [i, id] of list(value).entries()) this.expect(kind, known, id, [...path, i]);
  }

  /** Each assessment is scored by both likelihood and impact, or by neither. */
  assessments(threats: unknown[]): void {
    threats.forEach((threat, i) => {
      const t = record(threat);
      this.systemKeys(t.assessments, ['threats', i, 'assessments'], 'assessment', `threat "${String(t.id)}"`);
      for (const [system, assessment] of Object.entries(record(t.assessments))) {
        const a = record(assessment);
        if ((a.likelihood === undefined) === (a.impact === undefined)) continue;
        const missing = a.likelihood === undefined ? 'likelihood' : 'impact';
        this.report(
          this.issues,
          ['threats', i, 'assessments', system],
          `has only one of likelihood and impact; add ${missing} or remove the other`,
        );
      }
    });
  }

  /** Citations (`[@id]`) in the narrative sections of a Markdown file, at their line and column. */
  sectionCitations(body: readonly LocatedSection[], references: Set<string>): void {
    for (const section of body) {
      for (const id of citationsIn(section.markdown)) {
        if (references.has(id)) continue;
        const before = section.markdown.slice(0, section.markdown.indexOf(`[@${id}]`)).split('\n');
        this.issues.push({
          file: this.locate([]).file,
          line: section.line + before.length - 1,
          column: (before.at(-1)?.length ?? 0) + 1,
          path: `section "${section.title}"`,
          message: `cites unknown reference "${id}"${didYouMean(id, references)}; add it to references or fix the id`,
        });
      }
    }
  }
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
  const check = new IdCheck(locate);
  const root = record(data);
  const systems = check.ids('systems', list(root.systems));
  check.systems = systems;
  const threats = check.ids('threats', list(root.threats));
  const references = check.ids('references', list(root.references));
  for (const collection of ['defenses', 'dimensions', 'attacks', 'verdicts', 'attackFlows'])
    check.ids(collection, list(root[collection]));

  check.assessments(list(root.threats));
  list(root.defenses).forEach((defense, i) => {
    const d = record(defense);
    check.idList('system', systems, d.systems, ['defenses', i, 'systems']);
    check.idList('threat', threats, d.counters, ['defenses', i, 'counters']);
  });
  for (const [i, dimension] of list(root.dimensions).entries()) {
    const owner = `dimension "${String(idOf(dimension))}"`;
    check.systemKeys(record(dimension).values, ['dimensions', i, 'values'], 'value', owner);
  }
  list(root.attacks).forEach((attack, i) => {
    const a = record(attack);
    check.systemKeys(a.outcomes, ['attacks', i, 'outcomes'], 'outcome', `attack "${String(a.id)}"`);
    check.idList('threat', threats, a.threats, ['attacks', i, 'threats']);
  });
  list(root.verdicts).forEach((verdict, i) => {
    const v = record(verdict);
    check.idList('system', systems, v.better, ['verdicts', i, 'better']);
    check.idList('threat', threats, v.threats, ['verdicts', i, 'threats']);
    check.idList('reference', references, v.references, ['verdicts', i, 'references']);
  });
  list(root.attackFlows).forEach((flow, i) => {
    const steps = list(record(flow).steps);
    check.ids('steps', steps, ['attackFlows', i, 'steps']);
    steps.forEach((step, j) => {
      for (const key of Object.keys(record(record(step).branches))) {
        check.expect('system', systems, key, ['attackFlows', i, 'steps', j, 'branches', key], 'key');
      }
    });
  });

  forEachString(root, (text, path) => {
    for (const id of citationsIn(text)) check.expect('reference', references, id, path);
  });
  check.sectionCitations(body, references);
  return { issues: check.issues, warnings: check.warnings };
}
