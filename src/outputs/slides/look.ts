import type { Content } from 'pdfmake/interfaces.js';
import type { TextStyle } from '../../plan/geometry.js';
import type { BadgeView } from '../../plan/index.js';
import type { ReportStyle } from '../report/style.js';

/** The deck's colours (templates/deck/theme.css), so that the PDF slides look like the deck. */
export const INK = {
  text: '#1f2933',
  muted: '#4b5563',
  accent: '#1d3557',
  accentSoft: '#e8eef6',
  rule: '#c9d2dc',
  band: '#1d3557',
  zebra: '#fafbfc',
} as const;

/** Badge colours by level, as the deck's theme draws them: the word is always there, the colour repeats it. */
const BADGES: Readonly<Record<string, { fill: string; text: string }>> = {
  critical: { fill: '#8b1c1c', text: '#ffffff' },
  high: { fill: '#b4410c', text: '#ffffff' },
  medium: { fill: '#f2c94c', text: '#1f2933' },
  low: { fill: '#1e6b3a', text: '#ffffff' },
  none: { fill: '#e5e7eb', text: '#1f2933' },
  unrated: { fill: '#f3f4f6', text: '#374151' },
  tie: { fill: '#374151', text: '#ffffff' },
  added: { fill: '#1d4ed8', text: '#ffffff' },
  removed: { fill: '#fde2e2', text: '#7f1d1d' },
  changed: { fill: '#e5e7eb', text: '#1f2933' },
};

export const badgeColours = (level: string) => BADGES[level] ?? (BADGES.none as { fill: string; text: string });

/**
 * How big a slide is drawn: `u` points per px of the plan's 1280×720 slide. The slides PDF uses 0.75 (a
 * 960×540 pt page, PowerPoint's 16:9); the handout draws the same slide smaller.
 */
export interface Scale {
  readonly u: number;
  /**
   * The main font's own line height in em ((ascent - descent + line gap) / units per em; 1.17 for Roboto):
   * pdfmake's `lineHeight` multiplies it, where CSS's multiplies the font size.
   */
  readonly natural: number;
}

/** A CSS line height (a multiple of the font size) as pdfmake's (a multiple of the font's own line height). */
export const lineHeight = (s: Scale, css: number) => css / s.natural;

export const size = (s: Scale, style: TextStyle) => ({
  fontSize: style.size * s.u,
  lineHeight: lineHeight(s, style.lineHeight),
});

/** A badge: its words on its colour, never wrapped. */
export function badgeRun(s: Scale, badge: BadgeView, fontPx = 16) {
  const c = badgeColours(badge.level);
  return {
    text: `\u00a0${badge.label.replaceAll(' ', '\u00a0')}\u00a0`,
    background: c.fill,
    color: c.text,
    bold: true,
    fontSize: fontPx * s.u,
  };
}

/**
 * The report's style with the deck's colours and sizes at this scale: the Markdown converter the report uses
 * draws slide text with it (paragraph gaps, tables in Markdown, links and code in the deck's colours).
 */
export function slideStyle(report: ReportStyle, s: Scale, body: TextStyle): ReportStyle {
  const gap = 0.55 * body.size * s.u;
  return {
    ...report,
    colors: { ...report.colors, text: INK.text, muted: INK.muted, accent: INK.accent, rule: INK.rule },
    styles: {
      ...report.styles,
      p: { margin: [0, 0, 0, gap] },
      h1: { ...size(s, { size: 36, lineHeight: 1.15 }), color: INK.accent, bold: true },
      table: { ...size(s, { size: 18, lineHeight: 1.32 }), margin: [0, 2 * s.u, 0, gap] },
      tableWide: { ...size(s, { size: 15, lineHeight: 1.25 }), margin: [0, 2 * s.u, 0, gap] },
      tableHeader: { bold: true },
    },
  };
}

/** An empty line of the given height: pdfmake has no vertical spacer. */
export const spacer = (height: number): Content => ({ text: '', margin: [0, height, 0, 0] });
