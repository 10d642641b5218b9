import type { Comparison } from '../../model/comparison.js';
import type { RiskLevel } from '../../model/risk.js';
import { CONTENT_WIDTH, columnWidths, TEXT } from '../geometry.js';
import { BADGE_HEIGHT, budgetFor, type DeckContext, type PageView, rowHeight, tablePages } from '../pages.js';
import type { BadgeView } from '../text.js';
import { diagramView } from './diagram.js';
import { cellHeights, headerHeight } from './table.js';

type SystemRisk = Comparison['risk'][number];

/** Levels from the most severe down, as table headers: a word, its score range and its colour. */
function levelHeaders(ctx: DeckContext): (BadgeView & { range: string; id: RiskLevel })[] {
  return [...ctx.comparison.levels]
    .reverse()
    .map((l) => ({ id: l.id, level: l.id, label: l.label, range: `${l.min}–${l.max}` }));
}

/** How many threats each system has at each level. */
export function riskCounts(ctx: DeckContext): PageView[] {
  const h = cellHeights(ctx);
  const widths = columnWidths('risk-counts');
  const levels = levelHeaders(ctx);
  const header = Math.max(
    headerHeight(ctx, ['System', ...levels.map((l) => l.label), 'Not rated'], widths),
    rowHeight(BADGE_HEIGHT + h.sub('1–4', 100)),
  );
  const intro = `Threats per risk level, of ${ctx.comparison.threats.length}; risk = likelihood × impact (1–25).`;
  return tablePages(ctx, {
    partial: 'risk-counts',
    title: 'Risk overview',
    intro: ctx.estimate.text(intro, CONTENT_WIDTH, TEXT.small) + TEXT.blockGap * TEXT.small.size,
    header,
    rows: ctx.comparison.risk.map((r) => ({
      view: {
        system: ctx.text.inline(r.system.name),
        counts: levels.map((l) => r.counts[l.id]),
        unrated: r.unrated,
      },
      height: rowHeight(h.line(ctx.text.plain(r.system.name), widths[0] ?? 0, 'bold')),
    })),
    data: (rows, first) => ({ levels, rows, intro: first ? intro : undefined }),
  });
}

const MATRIX_GAP = 40;
const MATRIX_WIDTH = (CONTENT_WIDTH - MATRIX_GAP) / 2;

function matrixView(ctx: DeckContext, risk: SystemRisk, maxHeight: number) {
  const diagram = ctx.diagrams.riskMatrix(risk);
  const counts = levelHeaders(ctx).map((l) => ({ ...l, count: risk.counts[l.id] }));
  const countsLine = `${counts.map((c) => `${c.label} ${c.count}`).join(' · ')} · Not rated ${risk.unrated}`;
  const heading = TEXT.h3.size * TEXT.h3.lineHeight + TEXT.blockGap * TEXT.h3.size;
  const countsHeight = ctx.estimate.text(countsLine, MATRIX_WIDTH, TEXT.small) + 8;
  if (diagram) {
    const view = diagramView(diagram, MATRIX_WIDTH, maxHeight - heading - countsHeight);
    return {
      view: {
        system: ctx.text.inline(risk.system.name),
        diagram: view,
        grid: undefined,
        counts,
        unrated: risk.unrated,
      },
    };
  }
  // Impact from 5 at the top down to 1, likelihood from 1 to 5 left to right, as the report draws it.
  const grid = [5, 4, 3, 2, 1].map((impact) => ({
    impact,
    cells: [1, 2, 3, 4, 5].map((likelihood) => {
      const cell = risk.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
      return {
        likelihood,
        score: cell?.score ?? likelihood * impact,
        level: cell?.level ?? 'low',
        threats: cell?.threats ?? [],
      };
    }),
  }));
  return {
    view: { system: ctx.text.inline(risk.system.name), diagram: undefined, grid, counts, unrated: risk.unrated },
  };
}

/** A risk matrix per system, two side by side per slide. */
export function riskMatrices(ctx: DeckContext): PageView[] {
  const title = 'Risk matrix per system';
  const legend = ctx.comparison.levels.map((l) => ({ level: l.id, label: l.label, range: `${l.min}–${l.max}` }));
  const legendHeight = TEXT.small.size * TEXT.small.lineHeight + 16;
  const budget = budgetFor(ctx, title) - legendHeight;
  const matrices = ctx.comparison.risk.map((r) => matrixView(ctx, r, budget).view);
  const pages: (typeof matrices)[] = [];
  for (const m of matrices) {
    const last = pages[pages.length - 1];
    if (last && last.length < 2) last.push(m);
    else pages.push([m]);
  }
  return pages.map((pair, i) => ({
    partial: 'risk-matrix',
    id: undefined,
    title: ctx.text.inline(title),
    continued: i > 0,
    caption: undefined,
    notes: undefined,
    data: { matrices: pair, legend },
  }));
}
