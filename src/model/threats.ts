import type { Content, RiskThresholds } from '../content/schema.js';
import { cveModels } from './extras.js';
import { type Rating, type RiskLevel, rate } from './risk.js';
import { standardModel } from './standards.js';
import type {
  AssessmentModel,
  ReferenceModel,
  RiskCell,
  SystemModel,
  SystemRisk,
  ThreatModel,
  ThreatRef,
} from './types.js';

const statusLabel = (status: string) => {
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Threats in content order, keyed T1…Tn, with one assessment per system (in system order) rated. */
export function buildThreats(
  content: Content,
  systems: readonly SystemModel[],
  thresholds: RiskThresholds,
  sources: (ids: readonly string[] | undefined) => ReferenceModel[],
): ThreatModel[] {
  return content.threats.map((t, i) => {
    const assessments = systems.map((s): AssessmentModel => {
      const a = t.assessments[s.id];
      const rating =
        a?.likelihood !== undefined && a.impact !== undefined ? rate(a.likelihood, a.impact, thresholds) : undefined;
      return {
        system: { id: s.id, name: s.name },
        text: a?.text,
        rating,
        status: a?.status,
        statusLabel: a?.status === undefined ? undefined : statusLabel(a.status),
        justification: a?.justification,
        sources: sources(a?.sources),
      };
    });
    const rated = assessments.flatMap((a) => (a.rating ? [a.rating] : []));
    const highest = rated.reduce<Rating | undefined>((max, r) => (max && max.score >= r.score ? max : r), undefined);
    return {
      id: t.id,
      key: `T${i + 1}`,
      number: i + 1,
      title: t.title,
      description: t.description,
      standards: (t.standards ?? []).map(standardModel),
      cves: cveModels(t.cves),
      sources: sources(t.sources),
      assessments,
      highest,
      caveat: t.caveat,
      notes: t.notes,
    };
  });
}

/** Looks a threat up by id for the items that point at it (validation has checked the ids). */
export function threatRefs(threats: readonly ThreatModel[]): (id: string) => ThreatRef {
  return (id) => {
    const t = threats.find((x) => x.id === id);
    return { id, key: t?.key ?? id, title: t?.title ?? id };
  };
}

/** One likelihood × impact grid per system: where each rated threat sits, and the counts per level. */
export function buildRisk(
  systems: readonly SystemModel[],
  threats: readonly ThreatModel[],
  thresholds: RiskThresholds,
): SystemRisk[] {
  return systems.map((s, index) => {
    const counts: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    let unrated = 0;
    const placed = new Map<string, string[]>();
    for (const t of threats) {
      const rating = t.assessments[index]?.rating;
      if (!rating) {
        unrated++;
        continue;
      }
      counts[rating.level]++;
      const cell = `${rating.likelihood}x${rating.impact}`;
      placed.set(cell, [...(placed.get(cell) ?? []), t.key]);
    }
    const cells: RiskCell[] = [];
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let impact = 1; impact <= 5; impact++) {
        const r = rate(likelihood, impact, thresholds);
        cells.push({
          likelihood,
          impact,
          score: r.score,
          level: r.level,
          threats: placed.get(`${likelihood}x${impact}`) ?? [],
        });
      }
    }
    return { system: { id: s.id, name: s.name }, cells, counts, unrated };
  });
}
