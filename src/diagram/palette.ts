import type { Severity } from '../content/schema.js';
import type { RiskLevel } from '../model/risk.js';

/**
 * The diagrams' colours, in one place. Severities and risk levels share one scale per word, so that
 * "High" looks the same in the attack flow and in the risk matrix. Every pairing of text and fill used
 * here is checked by the tests against WCAG 2.x AA (4.5:1).
 */
export interface Tone {
  /** Borders, arrowheads and accents. */
  readonly strong: string;
  /** Risk-matrix cells: a heat-map shade dark text reads on. */
  readonly fill: string;
  /** Large areas (outcome boxes, legends): a pale tint. */
  readonly tint: string;
  /** Text on `fill` and `tint`. */
  readonly ink: string;
}

export const TONES: Readonly<Record<Severity | RiskLevel, Tone>> = {
  none: { strong: '#64748b', fill: '#e2e8f0', tint: '#f1f5f9', ink: '#334155' },
  low: { strong: '#15803d', fill: '#bbf7d0', tint: '#dcfce7', ink: '#14532d' },
  medium: { strong: '#b45309', fill: '#fde68a', tint: '#fef3c7', ink: '#78350f' },
  high: { strong: '#c2410c', fill: '#fdba74', tint: '#ffedd5', ink: '#7c2d12' },
  critical: { strong: '#b91c1c', fill: '#fca5a5', tint: '#fee2e2', ink: '#7f1d1d' },
};

/** Neutral colours of boxes, lines and text. */
export const INK = {
  text: '#0f172a',
  muted: '#475569',
  line: '#64748b',
  grid: '#cbd5e1',
  box: '#f8fafc',
  border: '#94a3b8',
  badge: '#1e293b',
  onBadge: '#ffffff',
  background: '#ffffff',
} as const;

/**
 * One colour per system, in system order (Okabe–Ito based, reordered and darkened where needed so
 * that every bar has at least 3:1 against white, WCAG 1.4.11). Bars are labelled too: colour is never
 * the only way to tell systems apart.
 */
export const SERIES = ['#0072b2', '#d55e00', '#009e73', '#7b3294', '#a6761d', '#cc79a7', '#6b7280', '#000000'] as const;

export function seriesColour(index: number): string {
  return SERIES[index % SERIES.length] ?? INK.text;
}
