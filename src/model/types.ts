import type { NarrativeSection } from '../content/load.js';
import type { Severity } from '../content/schema.js';
import type { Rating, RiskLevel, RiskLevelInfo } from './risk.js';

/** A system as other items point at it. Names and titles are inline Markdown. */
export interface SystemRef {
  readonly id: string;
  readonly name: string;
}

export interface SystemModel extends SystemRef {
  /** The short name, or the name when none is given. */
  readonly shortName: string;
  readonly description: string | undefined;
  readonly isolation: string | undefined;
  readonly facts: readonly { label: string; value: string }[];
  readonly notes: string | undefined;
}

/** A CVE id and its record on cve.org. */
export interface CveModel {
  readonly id: string;
  readonly url: string;
}

/** A CVE in the index: where the comparison names it. */
export interface CveIndexEntry extends CveModel {
  readonly usedBy: readonly { kind: 'threat' | 'attack' | 'flow step'; id: string; title: string }[];
}

/** A row of the facts table: one label, the value per system in system order. */
export interface FactRow {
  readonly label: string;
  readonly values: readonly { system: SystemRef; value: string | undefined }[];
}

export interface ScaleLevelModel {
  readonly level: number;
  readonly label: string;
  readonly definition: string;
}

export interface ScalesModel {
  /** Where levels not written out come from, e.g. "NIST SP 800-30 Rev. 1 (Appendix G and H), adapted". */
  readonly preset: string | undefined;
  readonly likelihood: readonly ScaleLevelModel[];
  readonly impact: readonly ScaleLevelModel[];
  readonly score: readonly ScaleLevelModel[];
}

/** A standards mapping, with what the shipped catalog knows of its id. */
export interface StandardModel {
  readonly framework: string;
  readonly id: string;
  readonly name: string | undefined;
  readonly ourAssessment: boolean;
  /** The catalog's name for the id, when the framework has a catalog and knows it. */
  readonly officialName: string | undefined;
  readonly tactics: readonly string[];
  /** 'deprecated' or 'revoked' when the catalog says so. */
  readonly status: 'current' | 'deprecated' | 'revoked' | 'unknown' | undefined;
  readonly url: string | undefined;
}

export interface LabelInfo {
  readonly id: string;
  readonly label: string;
  readonly rank: number;
}

/** A branch result: in words, with a symbol that does not rely on colour. */
export interface ResultInfo extends LabelInfo {
  readonly symbol: string;
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
  readonly sources: readonly ReferenceModel[];
}

export interface ThreatModel {
  readonly id: string;
  /** Short label used in the risk matrix: T1, T2, … in content order. */
  readonly key: string;
  readonly number: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly standards: readonly StandardModel[];
  readonly cves: readonly CveModel[];
  readonly sources: readonly ReferenceModel[];
  readonly assessments: readonly AssessmentModel[];
  /** The highest rating over all systems, if any system is rated. */
  readonly highest: Rating | undefined;
  readonly caveat: string | undefined;
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
    /** The version as written, or "Draft". */
    readonly version: string;
    /** How the version prints: "v1.0", or the text itself when it does not start with a digit ("Draft"). */
    readonly versionLabel: string;
    readonly date: string;
    readonly authors: readonly { name: string; role: string | undefined }[];
    /** Printed on every page when set; no band when absent. */
    readonly classification: string | undefined;
    readonly audience: string | undefined;
    readonly language: string;
    readonly summary: string;
    readonly ratingNote: string | undefined;
  };
  readonly history: readonly { version: string; date: string; author: string | undefined; changes: string }[];
  readonly levels: readonly RiskLevelInfo[];
  readonly scales: ScalesModel | undefined;
  readonly systems: readonly SystemModel[];
  readonly facts: readonly FactRow[];
  readonly sections: readonly NarrativeSection[];
  readonly threats: readonly ThreatModel[];
  readonly risk: readonly SystemRisk[];
  readonly defenses: readonly DefenseModel[];
  readonly dimensions: readonly DimensionModel[];
  readonly attacks: readonly AttackModel[];
  readonly verdicts: readonly VerdictModel[];
  readonly flows: readonly FlowModel[];
  readonly references: readonly ReferenceModel[];
  readonly cves: readonly CveIndexEntry[];
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
  readonly sources: readonly ReferenceModel[];
  readonly caveat: string | undefined;
  readonly notes: string | undefined;
}

export interface DimensionModel {
  readonly id: string;
  readonly name: string;
  readonly summary: string | undefined;
  readonly values: readonly {
    system: SystemRef;
    text: string | undefined;
    score: number | undefined;
    sources: readonly ReferenceModel[];
  }[];
  readonly notes: string | undefined;
}

export interface AttackModel {
  readonly id: string;
  readonly name: string;
  readonly threats: readonly ThreatRef[];
  readonly cves: readonly CveModel[];
  readonly outcomes: readonly {
    system: SystemRef;
    text: string | undefined;
    severity: SeverityInfo | undefined;
    sources: readonly ReferenceModel[];
  }[];
  readonly caveat: string | undefined;
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
  readonly confidence: LabelInfo | undefined;
  /** Every system, best first, when the verdict ranks them; empty otherwise. */
  readonly ranking: readonly SystemRef[];
  readonly caveat: string | undefined;
  readonly notes: string | undefined;
}

export interface FlowBranchModel {
  readonly system: SystemRef;
  readonly outcome: string;
  readonly label: string | undefined;
  readonly severity: SeverityInfo;
  readonly result: ResultInfo | undefined;
}

export interface FlowStepModel {
  readonly id: string;
  readonly number: number;
  readonly actor: string;
  readonly action: string;
  readonly branches: readonly FlowBranchModel[];
  readonly cves: readonly CveModel[];
  readonly sources: readonly ReferenceModel[];
  readonly notes: string | undefined;
}

export interface FlowModel {
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly steps: readonly FlowStepModel[];
  readonly notes: string | undefined;
}
