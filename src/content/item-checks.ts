import type { ContentIssue, SourceLocation } from '../errors.js';
import type { PathSegment } from './load.js';
import { formatPath } from './path.js';
import { didYouMean } from './suggest.js';

type Locate = (path: readonly PathSegment[], at?: 'key' | 'value') => SourceLocation;
type Raw = Record<string, unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const idsOf = (value: unknown): Set<string> =>
  new Set(list(value).flatMap((item) => (typeof record(item).id === 'string' ? [record(item).id as string] : [])));

/** Every `sources` list in the content, with its path: items, per-system values and flow steps. */
function sourceLists(root: Raw): [unknown, PathSegment[]][] {
  const found: [unknown, PathSegment[]][] = [];
  const perSystem = (map: unknown, path: PathSegment[]) => {
    for (const [key, value] of Object.entries(record(map)))
      found.push([record(value).sources, [...path, key, 'sources']]);
  };
  list(root.threats).forEach((t, i) => {
    found.push([record(t).sources, ['threats', i, 'sources']]);
    perSystem(record(t).assessments, ['threats', i, 'assessments']);
  });
  for (const [i, d] of list(root.defenses).entries()) found.push([record(d).sources, ['defenses', i, 'sources']]);
  for (const [i, d] of list(root.dimensions).entries()) perSystem(record(d).values, ['dimensions', i, 'values']);
  for (const [i, a] of list(root.attacks).entries()) perSystem(record(a).outcomes, ['attacks', i, 'outcomes']);
  for (const [i, f] of list(root.attackFlows).entries()) {
    for (const [j, s] of list(record(f).steps).entries()) {
      found.push([record(s).sources, ['attackFlows', i, 'steps', j, 'sources']]);
    }
  }
  return found;
}

/** A written-out scale defines each level 1–5 exactly once, so every rating has a meaning. */
function checkScales(root: Raw, report: (path: PathSegment[], message: string) => void) {
  const scales = record(root.scales);
  for (const name of ['likelihood', 'impact', 'score']) {
    const levels = scales[name];
    if (!Array.isArray(levels)) continue;
    const seen = new Set<number>();
    levels.forEach((entry, i) => {
      const level = record(entry).level;
      if (typeof level !== 'number') return;
      if (seen.has(level))
        report(['scales', name, i, 'level'], `level ${level} is defined twice; define each level 1–5 once`);
      seen.add(level);
    });
    const missing = [1, 2, 3, 4, 5].filter((l) => !seen.has(l));
    if (missing.length > 0 && levels.every((e) => typeof record(e).level === 'number')) {
      report(
        ['scales', name],
        `has no definition for level ${missing.join(', ')}; define every level 1–5 (or remove it to use the preset)`,
      );
    }
  }
}

/**
 * Checks the per-item fields the schema cannot: `sources` name existing references, a verdict's
 * `ranking` lists every system once, scales define every level, and systems share their fact labels.
 */
export function checkItems(data: unknown, locate: Locate): { issues: ContentIssue[]; warnings: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const root = record(data);
  const report = (into: ContentIssue[], path: PathSegment[], message: string, at: 'key' | 'value' = 'value') =>
    into.push({ ...locate(path, at), path: formatPath(path), message });
  const references = idsOf(root.references);
  const systems = idsOf(root.systems);

  for (const [value, path] of sourceLists(root)) {
    for (const [i, id] of list(value).entries()) {
      if (typeof id !== 'string' || references.has(id)) continue;
      report(
        issues,
        [...path, i],
        `unknown reference "${id}"${didYouMean(id, references)}; add it to references or fix the id`,
      );
    }
  }

  list(root.verdicts).forEach((verdict, i) => {
    const ranking = record(verdict).ranking;
    if (!Array.isArray(ranking)) return;
    const path: PathSegment[] = ['verdicts', i, 'ranking'];
    const seen = new Set<string>();
    ranking.forEach((id, j) => {
      if (typeof id !== 'string') return;
      if (!systems.has(id))
        report(
          issues,
          [...path, j],
          `unknown system "${id}"${didYouMean(id, systems)}; add it to systems or fix the id`,
        );
      else if (seen.has(id)) report(issues, [...path, j], `system "${id}" is ranked twice; list each system once`);
      seen.add(id);
    });
    const missing = [...systems].filter((s) => !seen.has(s));
    if (missing.length > 0)
      report(issues, path, `leaves out ${missing.map((s) => `"${s}"`).join(', ')}; a ranking lists every system`);
  });

  checkScales(root, (path, message) => report(issues, path, message));
  checkFacts(root, (path, message) => report(warnings, path, message, 'key'));
  return { issues, warnings };
}

/** Facts make one table: a label only some systems have shows "—" for the others, often a typo. */
function checkFacts(root: Raw, warn: (path: PathSegment[], message: string) => void) {
  const systems = list(root.systems).map(record);
  const withFacts = systems.filter((s) => s.facts !== undefined);
  if (withFacts.length === 0) return;
  const all = new Set(withFacts.flatMap((s) => Object.keys(record(s.facts))));
  systems.forEach((system, i) => {
    const labels = Object.keys(record(system.facts));
    for (const label of labels) {
      const others = systems.filter((s) => s !== system && !Object.hasOwn(record(s.facts), label));
      if (others.length === 0) continue;
      const candidates = [...all].filter((l) => !labels.includes(l));
      warn(
        ['systems', i, 'facts', label],
        `fact "${label}" is missing on ${others.map((s) => `"${String(s.id)}"`).join(', ')}${didYouMean(label, candidates)}; it shows as "—" there`,
      );
    }
  });
}
