import type { Confidence, Content, Result, ScaleLevel } from '../content/schema.js';
import { PRESET_SCALES } from './scale-presets.js';
import type {
  CveIndexEntry,
  CveModel,
  FactRow,
  LabelInfo,
  ReferenceModel,
  ResultInfo,
  ScalesModel,
  SystemModel,
} from './types.js';

const RESULTS: Record<Result, Omit<ResultInfo, 'id'>> = {
  // Rank orders results from worst for the defender (the attack goes on) to not relevant. The symbols are
  // ones the default font (Roboto) draws, so they need no fallback font.
  proceeds: { label: 'Proceeds', symbol: '\u25CF', rank: 3 },
  contained: { label: 'Contained', symbol: '\u25CB', rank: 2 },
  blocked: { label: 'Blocked', symbol: '\u25A0', rank: 1 },
  'not-applicable': { label: 'Not applicable', symbol: '\u2013', rank: 0 },
};
const CONFIDENCE: Record<Confidence, Omit<LabelInfo, 'id'>> = {
  low: { label: 'Low confidence', rank: 1 },
  medium: { label: 'Medium confidence', rank: 2 },
  high: { label: 'High confidence', rank: 3 },
};

export const resultInfo = (result: Result): ResultInfo => ({ id: result, ...RESULTS[result] });
export const confidenceInfo = (confidence: Confidence): LabelInfo => ({ id: confidence, ...CONFIDENCE[confidence] });

export const cveModels = (ids: readonly string[] | undefined): CveModel[] =>
  (ids ?? []).map((id) => ({ id, url: `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}` }));

/** Resolves `sources` ids to references in the order written (validation has checked they exist). */
export function sourceRefs(references: readonly ReferenceModel[]) {
  return (ids: readonly string[] | undefined): ReferenceModel[] =>
    (ids ?? []).flatMap((id) => references.filter((r) => r.id === id));
}

/** Every CVE the comparison names, sorted by year then number, with the threats, attacks and steps that name it. */
export function buildCveIndex(content: Content): CveIndexEntry[] {
  const index = new Map<string, CveIndexEntry['usedBy'][number][]>();
  const add = (ids: readonly string[] | undefined, use: CveIndexEntry['usedBy'][number]) => {
    for (const id of ids ?? []) {
      const uses = index.get(id) ?? [];
      if (!uses.some((u) => u.kind === use.kind && u.id === use.id)) uses.push(use);
      index.set(id, uses);
    }
  };
  for (const t of content.threats) add(t.cves, { kind: 'threat', id: t.id, title: t.title });
  for (const a of content.attacks ?? []) add(a.cves, { kind: 'attack', id: a.id, title: a.name });
  for (const f of content.attackFlows ?? []) {
    for (const [i, s] of f.steps.entries()) {
      add(s.cves, { kind: 'flow step', id: s.id, title: `${f.title} › step ${i + 1}` });
    }
  }
  const key = (id: string) => id.split('-').map((part) => part.padStart(12, '0'));
  return [...index.entries()]
    .sort(([a], [b]) => (key(a).join() < key(b).join() ? -1 : 1))
    .map(([id, usedBy]) => ({ ...(cveModels([id])[0] as CveModel), usedBy }));
}

const levels = (written: readonly ScaleLevel[] | undefined, preset: readonly ScaleLevel[] | undefined) =>
  [...(written ?? preset ?? [])]
    .sort((a, b) => a.level - b.level)
    .map((l) => ({ level: l.level, label: l.label, definition: l.definition }));

/** The rating scales: those written out, the rest from the named preset. */
export function buildScales(content: Content): ScalesModel | undefined {
  const s = content.scales;
  if (!s) return undefined;
  const preset = s.preset === undefined ? undefined : PRESET_SCALES[s.preset];
  return {
    preset: preset?.title,
    likelihood: levels(s.likelihood, preset?.likelihood),
    impact: levels(s.impact, preset?.impact),
    score: levels(s.score, preset?.score),
  };
}

/** One row per fact label, in order of first use; a system without the fact has `undefined`. */
export function buildFacts(systems: readonly SystemModel[]): FactRow[] {
  const labels = [...new Set(systems.flatMap((s) => s.facts.map((f) => f.label)))];
  return labels.map((label) => ({
    label,
    values: systems.map((s) => ({
      system: { id: s.id, name: s.name },
      value: s.facts.find((f) => f.label === label)?.value,
    })),
  }));
}

/** The document's front matter, with the honest defaults for a first draft. */
export function buildMeta(content: Content) {
  const version = content.version ?? 'Draft';
  return {
    title: content.title,
    subtitle: content.subtitle,
    version,
    versionLabel: /^\d/.test(version) ? `v${version}` : version,
    date: content.date,
    authors: content.authors.map((a) =>
      typeof a === 'string' ? { name: a, role: undefined } : { name: a.name, role: a.role },
    ),
    classification: content.classification,
    audience: content.audience,
    language: content.language ?? 'en',
    summary: content.summary,
    ratingNote: content.ratingNote,
  };
}
