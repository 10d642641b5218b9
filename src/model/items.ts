import type { Content } from '../content/schema.js';
import { confidenceInfo, cveModels } from './extras.js';
import { severityInfo } from './severity.js';
import type {
  AttackModel,
  DefenseModel,
  DimensionModel,
  ReferenceModel,
  SystemModel,
  SystemRef,
  ThreatRef,
  VerdictModel,
} from './types.js';

/** What the item builders share: systems in order, and lookups for the ids items point at. */
export interface ModelContext {
  readonly systems: readonly SystemModel[];
  readonly systemRef: (id: string) => SystemRef;
  readonly threatRef: (id: string) => ThreatRef;
  readonly references: readonly ReferenceModel[];
  readonly sources: (ids: readonly string[] | undefined) => ReferenceModel[];
}

const ref = (s: SystemRef): SystemRef => ({ id: s.id, name: s.name });

export function buildDefenses(content: Content, ctx: ModelContext): DefenseModel[] {
  return (content.defenses ?? []).map((d) => ({
    id: d.id,
    name: d.name,
    systems: d.systems.map(ctx.systemRef),
    purpose: d.purpose,
    effectiveness: d.effectiveness,
    counters: (d.counters ?? []).map(ctx.threatRef),
    sources: ctx.sources(d.sources),
    caveat: d.caveat,
    notes: d.notes,
  }));
}

export function buildDimensions(content: Content, ctx: ModelContext): DimensionModel[] {
  return (content.dimensions ?? []).map((d) => ({
    id: d.id,
    name: d.name,
    summary: d.summary,
    values: ctx.systems.map((s) => ({
      system: ref(s),
      text: d.values[s.id]?.text,
      score: d.values[s.id]?.score,
      sources: ctx.sources(d.values[s.id]?.sources),
    })),
    notes: d.notes,
  }));
}

export function buildAttacks(content: Content, ctx: ModelContext): AttackModel[] {
  return (content.attacks ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    threats: (a.threats ?? []).map(ctx.threatRef),
    cves: cveModels(a.cves),
    outcomes: ctx.systems.map((s) => {
      const o = a.outcomes[s.id];
      return {
        system: ref(s),
        text: o?.text,
        severity: o?.severity === undefined ? undefined : severityInfo(o.severity),
        sources: ctx.sources(o?.sources),
      };
    }),
    caveat: a.caveat,
    notes: a.notes,
  }));
}

export function buildVerdicts(content: Content, ctx: ModelContext): VerdictModel[] {
  return (content.verdicts ?? []).map((v) => ({
    id: v.id,
    category: v.category,
    // In the order the author gave: the first named is the one the author puts first.
    better: v.better.flatMap((id) => ctx.systems.filter((s) => s.id === id).map(ref)),
    tie: ctx.systems.every((s) => v.better.includes(s.id)),
    rationale: v.rationale,
    threats: (v.threats ?? []).map(ctx.threatRef),
    references: ctx.references.filter((r) => v.references?.includes(r.id)),
    confidence: v.confidence === undefined ? undefined : confidenceInfo(v.confidence),
    ranking: (v.ranking ?? []).map(ctx.systemRef),
    caveat: v.caveat,
    notes: v.notes,
  }));
}
