import type { NarrativeSection } from '../content/load.js';
import type { Severity } from '../content/schema.js';
import type { Rating, RiskLevel, RiskLevelInfo } from './risk.js';

/** A system as other items point at it. Names and titles are inline Markdown. */
export interface SystemRef {
  readonly id: string;
  readonly name: string;
}

export interface SystemModel extends SystemRef {
  readonly description: string | undefined;
  readonly isolation: string | undefined;
  readonly notes: string | undefined;
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
  readonly systems: readonly SystemModel[];
  readonly sections: readonly NarrativeSection[];
  readonly threats: readonly ThreatModel[];
  readonly risk: readonly SystemRisk[];
  readonly defenses: readonly DefenseModel[];
  readonly dimensions: readonly DimensionModel[];
  readonly attacks: readonly AttackModel[];
  readonly verdicts: readonly VerdictModel[];
  readonly flows: readonly FlowModel[];
  readonly references: readonly ReferenceModel[];
}

/** A threat as other items point at it. */
export interface ThreatRef {
  readonly id: string;
  readonly key: string;
  readonly title: string;
}

export interface DefenseModel {
  readonly id: string;
  readonly name: string;
  readonly systems: readonly SystemRef[];
  readonly purpose: string;
  readonly effectiveness: string;
  readonly counters: readonly ThreatRef[];
  readonly notes: string | undefined;
}

export interface DimensionModel {
  readonly id: string;
  readonly name: string;
  readonly summary: string | undefined;
  readonly values: readonly { system: SystemRef; text: string | undefined; score: number | undefined }[];
  readonly notes: string | undefined;
}

export interface AttackModel {
  readonly id: string;
  readonly name: string;
  readonly threats: readonly ThreatRef[];
  readonly outcomes: readonly { system: SystemRef; text: string | undefined; severity: SeverityInfo | undefined }[];
  readonly notes: string | undefined;
}

export interface VerdictModel {
  readonly id: string;
  readonly category: string;
  readonly better: readonly SystemRef[];
  readonly tie: boolean;
  readonly rationale: string;
  readonly threats: readonly ThreatRef[];
  readonly references: readonly ReferenceModel[];
  readonly notes: string | undefined;
}

export interface FlowBranchModel {
  readonly system: SystemRef;
  readonly outcome: string;
  readonly label: string | undefined;
  readonly severity: SeverityInfo;
}

export interface FlowStepModel {
  readonly id: string;
  readonly number: number;
  readonly actor: string;
  readonly action: string;
  readonly branches: readonly FlowBranchModel[];
  readonly notes: string | undefined;
}

export interface FlowModel {
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly steps: readonly FlowStepModel[];
  readonly notes: string | undefined;
}
