import type { Comparison } from './comparison.js';
import { cveIds, diffDocument, diffFacts, rankingNames, sourceIds, standardIds } from './diff-fields.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One difference between two versions of a comparison; `before`/`after` are display strings. */
export interface Change {
  readonly kind: ChangeKind;
  readonly area:
    | 'document'
    | 'system'
    | 'threat'
    | 'defense'
    | 'dimension'
    | 'attack'
    | 'verdict'
    | 'flow'
    | 'reference';
  /** What changed, for people: `Container Escape › Kata Containers › rating`. Inline Markdown. */
  readonly subject: string;
  readonly before?: string;
  readonly after?: string;
}

export interface ChangeSet {
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly changes: readonly Change[];
}

interface Keyed {
  readonly id: string;
}

type Fields<T> = readonly (readonly [string, (item: T) => string | undefined])[];

function compareLists<T extends Keyed>(
  area: Change['area'],
  before: readonly T[],
  after: readonly T[],
  name: (item: T) => string,
  fields: Fields<T>,
  nested?: (old: T, current: T) => Change[],
): Change[] {
  const changes: Change[] = [];
  const oldById = new Map(before.map((item) => [item.id, item]));
  const newIds = new Set(after.map((item) => item.id));
  for (const item of before) {
    if (!newIds.has(item.id)) changes.push({ kind: 'removed', area, subject: name(item), before: name(item) });
  }
  for (const item of after) {
    const old = oldById.get(item.id);
    if (!old) {
      changes.push({ kind: 'added', area, subject: name(item), after: name(item) });
      continue;
    }
    for (const [field, read] of fields) {
      const a = read(old);
      const b = read(item);
      if (a !== b) changes.push(changed(area, `${name(item)} › ${field}`, a, b));
    }
    if (nested) changes.push(...nested(old, item));
  }
  return changes;
}

function changed(area: Change['area'], subject: string, before: string | undefined, after: string | undefined): Change {
  return { kind: 'changed', area, subject, before: before ?? '—', after: after ?? '—' };
}

const rating = (r: { score: number; label: string; likelihood: number; impact: number } | undefined) =>
  r === undefined ? undefined : `${r.label} ${r.score} (L${r.likelihood} × I${r.impact})`;
const names = (systems: readonly { name: string }[]) => systems.map((s) => s.name).join(', ');

function perSystem<V extends { system: { id: string; name: string } }>(
  area: Change['area'],
  owner: string,
  old: readonly V[],
  current: readonly V[],
  fields: Fields<V>,
): Change[] {
  const changes: Change[] = [];
  for (const value of current) {
    const previous = old.find((o) => o.system.id === value.system.id);
    if (!previous) continue;
    for (const [field, read] of fields) {
      const a = read(previous);
      const b = read(value);
      if (a !== b) changes.push(changed(area, `${owner} › ${value.system.name} › ${field}`, a, b));
    }
  }
  return changes;
}

const diffThreats = (before: Comparison, after: Comparison) =>
  compareLists(
    'threat',
    before.threats,
    after.threats,
    (t) => t.title,
    [
      ['description', (t) => t.description],
      ['standards', (t) => standardIds(t.standards)],
      ['CVEs', (t) => cveIds(t.cves)],
      ['sources', (t) => sourceIds(t.sources)],
      ['caveat', (t) => t.caveat],
    ],
    (old, current) =>
      perSystem('threat', current.title, old.assessments, current.assessments, [
        ['rating', (a) => rating(a.rating)],
        ['status', (a) => a.statusLabel],
        ['assessment', (a) => a.text],
        ['sources', (a) => sourceIds(a.sources)],
      ]),
  );

const diffDimensions = (before: Comparison, after: Comparison) =>
  compareLists(
    'dimension',
    before.dimensions,
    after.dimensions,
    (d) => d.name,
    [['summary', (d) => d.summary]],
    (old, current) =>
      perSystem('dimension', current.name, old.values, current.values, [
        ['score', (v) => (v.score === undefined ? undefined : String(v.score))],
        ['value', (v) => v.text],
        ['sources', (v) => sourceIds(v.sources)],
      ]),
  );

const diffAttacks = (before: Comparison, after: Comparison) =>
  compareLists(
    'attack',
    before.attacks,
    after.attacks,
    (a) => a.name,
    [
      ['CVEs', (a) => cveIds(a.cves)],
      ['caveat', (a) => a.caveat],
    ],
    (old, current) =>
      perSystem('attack', current.name, old.outcomes, current.outcomes, [
        ['severity', (o) => o.severity?.label],
        ['outcome', (o) => o.text],
        ['sources', (o) => sourceIds(o.sources)],
      ]),
  );

const diffFlows = (before: Comparison, after: Comparison) =>
  compareLists(
    'flow',
    before.flows,
    after.flows,
    (f) => f.title,
    [['steps', (f) => String(f.steps.length)]],
    (old, current) =>
      compareLists(
        'flow',
        old.steps,
        current.steps,
        (s) => `${current.title} › step ${s.number}`,
        [
          ['action', (s) => s.action],
          ['CVEs', (s) => cveIds(s.cves)],
          ['sources', (s) => sourceIds(s.sources)],
        ],
        (oldStep, step) =>
          perSystem('flow', `${current.title} › step ${step.number}`, oldStep.branches, step.branches, [
            ['severity', (b) => b.severity.label],
            ['result', (b) => b.result?.label],
            ['outcome', (b) => b.outcome],
          ]),
      ),
  );

/** What changed from `before` to `after`: threats, ratings, verdicts, outcomes and references, old → new. */
export function diffComparisons(before: Comparison, after: Comparison): ChangeSet {
  const changes: Change[] = [
    ...diffDocument(before, after),
    ...compareLists(
      'system',
      before.systems,
      after.systems,
      (s) => s.name,
      [
        ['name', (s) => s.name],
        ['short name', (s) => (s.shortName === s.name ? undefined : s.shortName)],
        ['isolation', (s) => s.isolation],
      ],
      diffFacts,
    ),
    ...diffThreats(before, after),
    ...compareLists('defense', before.defenses, after.defenses, (d) => d.name, [
      ['systems', (d) => names(d.systems)],
      ['effectiveness', (d) => d.effectiveness],
      ['sources', (d) => sourceIds(d.sources)],
      ['caveat', (d) => d.caveat],
    ]),
    ...diffDimensions(before, after),
    ...diffAttacks(before, after),
    ...compareLists('verdict', before.verdicts, after.verdicts, (v) => v.category, [
      ['better', (v) => (v.tie ? `Tie: ${names(v.better)}` : names(v.better))],
      ['rationale', (v) => v.rationale],
      ['confidence', (v) => v.confidence?.label],
      ['ranking', (v) => rankingNames(v.ranking)],
      ['caveat', (v) => v.caveat],
    ]),
    ...diffFlows(before, after),
    ...compareLists('reference', before.references, after.references, (r) => r.title, [
      ['title', (r) => r.title],
      ['url', (r) => r.url],
    ]),
  ];
  return { fromVersion: before.meta.version, toVersion: after.meta.version, changes };
}

const SYMBOL: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

/** The change set as terminal lines: `~ threat  Container Escape › Kata › rating: Medium 6 → High 10`. */
export function formatChanges(set: ChangeSet): string {
  if (set.changes.length === 0) return `No changes from version ${set.fromVersion} to ${set.toVersion}.\n`;
  const lines = set.changes.map((c) => {
    const detail = c.kind === 'changed' ? `: ${oneLine(c.before)} → ${oneLine(c.after)}` : '';
    return `${SYMBOL[c.kind]} ${c.area.padEnd(9)} ${c.subject}${c.kind === 'changed' ? detail : ` (${c.kind})`}`;
  });
  return `Changes from version ${set.fromVersion} to ${set.toVersion} (${set.changes.length}):\n${lines.join('\n')}\n`;
}

function oneLine(text: string | undefined): string {
  const flat = (text ?? '—').replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
