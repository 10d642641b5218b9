import type { RiskThresholds } from '../content/schema.js';

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Lowest score of each level on likelihood × impact (1–25), in the spirit of the semi-quantitative
 * scales of NIST SP 800-30 Rev. 1 (Appendix I) and the OWASP Risk Rating Methodology. The one place
 * these numbers live; content may override them with `riskThresholds`.
 */
export const DEFAULT_THRESHOLDS: RiskThresholds = Object.freeze({ medium: 5, high: 10, critical: 17 });

export interface RiskLevelInfo {
  readonly id: RiskLevel;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

export interface Rating {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: RiskLevel;
  readonly label: string;
}

const LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export function riskLevels(thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskLevelInfo[] {
  return [
    { id: 'low', label: LABELS.low, min: 1, max: thresholds.medium - 1 },
    { id: 'medium', label: LABELS.medium, min: thresholds.medium, max: thresholds.high - 1 },
    { id: 'high', label: LABELS.high, min: thresholds.high, max: thresholds.critical - 1 },
    { id: 'critical', label: LABELS.critical, min: thresholds.critical, max: 25 },
  ];
}

export function levelOf(score: number, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskLevel {
  if (score >= thresholds.critical) return 'critical';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

export function rate(likelihood: number, impact: number, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): Rating {
  const score = likelihood * impact;
  const level = levelOf(score, thresholds);
  return { likelihood, impact, score, level, label: LABELS[level] };
}

export function compareRatings(a: Rating | undefined, b: Rating | undefined): number {
  return (a?.score ?? 0) - (b?.score ?? 0);
}
