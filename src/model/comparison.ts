import type { NarrativeSection } from '../content/load.js';
import type { Content, RiskThresholds, Severity } from '../content/schema.js';
import { DEFAULT_THRESHOLDS, type Rating, type RiskLevel, type RiskLevelInfo, rate, riskLevels } from './risk.js';

/** A system as other items point at it. Names and titles are inline Markdown. */
export interface SystemRef {
  readonly id: string;
  readonly name: string;
}

export interface SeverityInfo {
  readonly id: Severity;
  readonly label: string;
  /** 0 (none) to 4 (critical), for sorting and colour scales. */
  readonly rank: number;
}

export interface AssessmentModel {
  readonly system: SystemRef;
  readonly text: string | undefined;
  readonly rating: Rating | undefined;
  readonly status: string | undefined;
  readonly statusLabel: string | undefined;
  readonly justification: string | undefined;
}

export interface ThreatModel {
  readonly id: string;
  /** Short label used in the risk matrix: T1, T2, … in content order. */
  readonly key: string;
  readonly number: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly standards: readonly { framework: string; id: string; name: string | undefined; ourAssessment: boolean }[];
  readonly assessments: readonly AssessmentModel[];
  /** The highest rating over all systems, if any system is rated. */
  readonly highest: Rating | undefined;
  readonly notes: string | undefined;
}

export interface ReferenceModel {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly note: string | undefined;
}

export interface RiskCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: RiskLevel;
  /** Threat keys (T1…) placed in this cell. */
  readonly threats: readonly string[];
}

export interface SystemRisk {
  readonly system: SystemRef;
  /** 25 cells, likelihood 1–5 × impact 1–5, likelihood-major. */
  readonly cells: readonly RiskCell[];
  readonly counts: Readonly<Record<RiskLevel, number>>;
  readonly unrated: number;
}

export interface Comparison {
  readonly meta: {
    readonly title: string;
    readonly subtitle: string | undefined;
    readonly version: string;
    readonly date: string;
    readonly authors: readonly string[];
    readonly classification: string;
    readonly language: string;
    readonly summary: string;
    readonly ratingNote: string | undefined;
  };
  readonly history: readonly { version: string; date: string; author: string | undefined; changes: string }[];
  readonly levels: readonly RiskLevelInfo[];
  readonly systems: readonly (SystemRef & {
    readonly description: string | undefined;
    readonly isolation: string | undefined;
    readonly notes: string | undefined;
  })[];
  readonly sections: readonly NarrativeSection[];
  readonly threats: readonly ThreatModel[];
  readonly risk: readonly SystemRisk[];
  readonly defenses: readonly {
    readonly id: string;
    readonly name: string;
    readonly systems: readonly SystemRef[];
    readonly purpose: string;
    readonly effectiveness: string;
    readonly counters: readonly { id: string; key: string; title: string }[];
    readonly notes: string | undefined;
  }[];
  readonly dimensions: readonly {
    readonly id: string;
    readonly name: string;
    readonly summary: string | undefined;
    readonly values: readonly { system: SystemRef; text: string | undefined; score: number | undefined }[];
    readonly notes: string | undefined;
  }[];
  readonly attacks: readonly {
    readonly id: string;
    readonly name: string;
    readonly threats: readonly { id: string; key: string; title: string }[];
    readonly outcomes: readonly { system: SystemRef; text: string | undefined; severity: SeverityInfo | undefined }[];
    readonly notes: string | undefined;
  }[];
  readonly verdicts: readonly {
    readonly id: string;
    readonly category: string;
    readonly better: readonly SystemRef[];
    readonly tie: boolean;
    readonly rationale: string;
    readonly threats: readonly { id: string; key: string; title: string }[];
    readonly references: readonly ReferenceModel[];
    readonly notes: string | undefined;
  }[];
  readonly flows: readonly {
    readonly id: string;
    readonly title: string;
    readonly description: string | undefined;
    readonly steps: readonly {
      readonly id: string;
      readonly number: number;
      readonly actor: string;
      readonly action: string;
      readonly branches: readonly {
        readonly system: SystemRef;
        readonly outcome: string;
        readonly label: string | undefined;
        readonly severity: SeverityInfo;
      }[];
      readonly notes: string | undefined;
    }[];
    readonly notes: string | undefined;
  }[];
  readonly references: readonly ReferenceModel[];
}

const SEVERITY_LABELS: Record<Severity, string> = {
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
const SEVERITY_RANK: Record<Severity, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function severityInfo(severity: Severity): SeverityInfo {
  return { id: severity, label: SEVERITY_LABELS[severity], rank: SEVERITY_RANK[severity] };
}

const statusLabel = (status: string) => {
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Turns validated content into the model both outputs render: ids resolved, risk computed, order fixed. */
export function buildComparison(
  content: Content,
  sections: readonly NarrativeSection[] = [],
  defaultThresholds: RiskThresholds = DEFAULT_THRESHOLDS,
): Comparison {
  const thresholds = content.riskThresholds ?? defaultThresholds;
  const systems = content.systems.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    isolation: s.isolation,
    notes: s.notes,
  }));
  const systemRef = (id: string): SystemRef => {
    const system = systems.find((s) => s.id === id);
    return { id, name: system?.name ?? id };
  };
  const references: ReferenceModel[] = (content.references ?? []).map((r, i) => ({
    id: r.id,
    number: i + 1,
    title: r.title,
    url: r.url,
    note: r.note,
  }));
  const threats: ThreatModel[] = content.threats.map((t, i) => {
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
      standards: (t.standards ?? []).map((s) => ({
        framework: s.framework,
        id: s.id,
        name: s.name,
        ourAssessment: s.ourAssessment ?? false,
      })),
      assessments,
      highest,
      notes: t.notes,
    };
  });
  const threatRef = (id: string) => {
    const t = threats.find((x) => x.id === id);
    return { id, key: t?.key ?? id, title: t?.title ?? id };
  };
  const risk: SystemRisk[] = systems.map((s, index) => {
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
  return {
    meta: {
      title: content.title,
      subtitle: content.subtitle,
      version: content.version,
      date: content.date,
      authors: content.authors,
      classification: content.classification,
      language: content.language ?? 'en',
      summary: content.summary,
      ratingNote: content.ratingNote,
    },
    history: (content.history ?? []).map((h) => ({
      version: h.version,
      date: h.date,
      author: h.author,
      changes: h.changes,
    })),
    levels: riskLevels(thresholds),
    systems,
    sections: sections.map((s) => ({ title: s.title, markdown: s.markdown })),
    threats,
    risk,
    defenses: (content.defenses ?? []).map((d) => ({
      id: d.id,
      name: d.name,
      systems: d.systems.map(systemRef),
      purpose: d.purpose,
      effectiveness: d.effectiveness,
      counters: (d.counters ?? []).map(threatRef),
      notes: d.notes,
    })),
    dimensions: (content.dimensions ?? []).map((d) => ({
      id: d.id,
      name: d.name,
      summary: d.summary,
      values: systems.map((s) => ({
        system: { id: s.id, name: s.name },
        text: d.values[s.id]?.text,
        score: d.values[s.id]?.score,
      })),
      notes: d.notes,
    })),
    attacks: (content.attacks ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      threats: (a.threats ?? []).map(threatRef),
      outcomes: systems.map((s) => {
        const o = a.outcomes[s.id];
        return {
          system: { id: s.id, name: s.name },
          text: o?.text,
          severity: o?.severity === undefined ? undefined : severityInfo(o.severity),
        };
      }),
      notes: a.notes,
    })),
    verdicts: (content.verdicts ?? []).map((v) => ({
      id: v.id,
      category: v.category,
      better: systems.filter((s) => v.better.includes(s.id)).map((s) => ({ id: s.id, name: s.name })),
      tie: systems.every((s) => v.better.includes(s.id)),
      rationale: v.rationale,
      threats: (v.threats ?? []).map(threatRef),
      references: references.filter((r) => v.references?.includes(r.id)),
      notes: v.notes,
    })),
    flows: (content.attackFlows ?? []).map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      steps: f.steps.map((step, i) => ({
        id: step.id,
        number: i + 1,
        actor: step.actor,
        action: step.action,
        branches: systems.flatMap((s) => {
          const b = step.branches?.[s.id];
          return b
            ? [
                {
                  system: { id: s.id, name: s.name },
                  outcome: b.outcome,
                  label: b.label,
                  severity: severityInfo(b.severity),
                },
              ]
            : [];
        }),
        notes: step.notes,
      })),
      notes: f.notes,
    })),
    references,
  };
}
