import type { NarrativeSection } from '../content/load.js';
import type { Content, RiskThresholds } from '../content/schema.js';
import { buildCveIndex, buildFacts, buildMeta, buildScales, sourceRefs } from './extras.js';
import { buildFlows } from './flows.js';
import { buildAttacks, buildDefenses, buildDimensions, buildVerdicts, type ModelContext } from './items.js';
import { DEFAULT_THRESHOLDS, riskLevels } from './risk.js';
import { buildRisk, buildThreats, threatRefs } from './threats.js';
import type { Comparison, ReferenceModel, SystemModel, SystemRef } from './types.js';

export { severityInfo } from './severity.js';
export type * from './types.js';

/** Turns validated content into the model both outputs render: ids resolved, risk computed, order fixed. */
export function buildComparison(
  content: Content,
  sections: readonly NarrativeSection[] = [],
  defaultThresholds: RiskThresholds = DEFAULT_THRESHOLDS,
): Comparison {
  const thresholds = content.riskThresholds ?? defaultThresholds;
  const systems: SystemModel[] = content.systems.map((s) => ({
    id: s.id,
    name: s.name,
    shortName: s.shortName ?? s.name,
    description: s.description,
    isolation: s.isolation,
    facts: Object.entries(s.facts ?? {}).map(([label, value]) => ({ label, value })),
    notes: s.notes,
  }));
  const systemRef = (id: string): SystemRef => ({ id, name: systems.find((s) => s.id === id)?.name ?? id });
  const references: ReferenceModel[] = (content.references ?? []).map((r, i) => ({
    id: r.id,
    number: i + 1,
    title: r.title,
    url: r.url,
    note: r.note,
  }));
  const sources = sourceRefs(references);
  const threats = buildThreats(content, systems, thresholds, sources);
  const ctx: ModelContext = { systems, systemRef, threatRef: threatRefs(threats), references, sources };
  return {
    meta: buildMeta(content),
    history: (content.history ?? []).map((h) => ({
      version: h.version,
      date: h.date,
      author: h.author,
      changes: h.changes,
    })),
    levels: riskLevels(thresholds),
    scales: buildScales(content),
    systems,
    facts: buildFacts(systems),
    sections: sections.map((s) => ({ title: s.title, markdown: s.markdown })),
    threats,
    risk: buildRisk(systems, threats, thresholds),
    defenses: buildDefenses(content, ctx),
    dimensions: buildDimensions(content, ctx),
    attacks: buildAttacks(content, ctx),
    verdicts: buildVerdicts(content, ctx),
    flows: buildFlows(content, systems, sources),
    references,
    cves: buildCveIndex(content),
  };
}
