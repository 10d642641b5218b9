import type { Comparison, ScaleLevelModel } from './comparison.js';

/**
 * Readers for the fields a diff compares beyond the original ones. Each takes its value as optional:
 * a baseline `model.json` written before a field existed has no such key, and reads as "—".
 */
type Change = {
  readonly kind: 'changed';
  readonly area: 'document' | 'system';
  readonly subject: string;
  readonly before: string;
  readonly after: string;
};

const text = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** Reference ids cited as sources, as `[@a] [@b]`. */
export const sourceIds = (sources: readonly { id: string }[] | undefined) =>
  text((sources ?? []).map((s) => `[@${s.id}]`).join(' '));
export const cveIds = (cves: readonly { id: string }[] | undefined) => text((cves ?? []).map((c) => c.id).join(', '));
export const standardIds = (standards: readonly { framework: string; id: string }[] | undefined) =>
  text((standards ?? []).map((s) => `${s.framework} ${s.id}`).join(', '));
export const rankingNames = (ranking: readonly { name: string }[] | undefined) =>
  text((ranking ?? []).map((s) => s.name).join(' > '));

const authors = (list: readonly ({ name: string; role?: string | undefined } | string)[] | undefined) =>
  text(
    (list ?? [])
      .map((a) => (typeof a === 'string' ? a : a.role === undefined ? a.name : `${a.name} (${a.role})`))
      .join(', '),
  );

function pair(area: Change['area'], subject: string, a: string | undefined, b: string | undefined): Change[] {
  return a === b ? [] : [{ kind: 'changed', area, subject, before: a ?? '—', after: b ?? '—' }];
}

const levelText = (l: ScaleLevelModel | undefined) => (l === undefined ? undefined : `${l.label}: ${l.definition}`);

/** Front matter and rating scales: the parts of a comparison that are not a list of items. */
export function diffDocument(before: Comparison, after: Comparison): Change[] {
  const a = before.meta;
  const b = after.meta;
  const changes = [
    ...pair('document', 'classification', a.classification, b.classification),
    ...pair('document', 'audience', a.audience, b.audience),
    ...pair('document', 'authors', authors(a.authors), authors(b.authors)),
    ...pair('document', 'scales › preset', before.scales?.preset, after.scales?.preset),
  ];
  for (const scale of ['likelihood', 'impact', 'score'] as const) {
    for (let level = 1; level <= 5; level++) {
      const old = before.scales?.[scale]?.find((l) => l.level === level);
      const current = after.scales?.[scale]?.find((l) => l.level === level);
      changes.push(...pair('document', `scales › ${scale} ${level}`, levelText(old), levelText(current)));
    }
  }
  return changes;
}

type FactSystem = { id: string; name: string; facts?: readonly { label: string; value: string }[] };

/** A system's key facts, label by label. */
export function diffFacts(old: FactSystem, current: FactSystem): Change[] {
  const labels = [...new Set([...(old.facts ?? []), ...(current.facts ?? [])].map((f) => f.label))];
  return labels.flatMap((label) =>
    pair(
      'system',
      `${current.name} › fact › ${label}`,
      old.facts?.find((f) => f.label === label)?.value,
      current.facts?.find((f) => f.label === label)?.value,
    ),
  );
}
