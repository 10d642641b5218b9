import type { Comparison } from '../../../model/comparison.js';
import type { RiskLevel } from '../../../model/risk.js';
import { CONTENT_WIDTH, columnWidths, TEXT } from '../geometry.js';
import { BADGE_HEIGHT, budgetFor, type DeckContext, type PageView, page, rowHeight, tablePages } from '../pages.js';
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
  const intro = `How many of the ${ctx.comparison.threats.length} threats fall in each risk level; risk = likelihood × impact (1–25).`;
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
  const heading = TEXT.h3.size * TEXT.h3.lineHeight + TEXT.blockGap * TEXT.h3.size;
  return {
    system: ctx.text.inline(risk.system.name),
    diagram: diagramView(ctx.diagrams.riskMatrix(risk), MATRIX_WIDTH, maxHeight - heading),
  };
}

/** A risk matrix per system, two side by side per slide. */
export function riskMatrices(ctx: DeckContext): PageView[] {
  const title = 'Risk matrix per system';
  const budget = budgetFor(ctx, title);
  const matrices = ctx.comparison.risk.map((r) => matrixView(ctx, r, budget));
  const pages: (typeof matrices)[] = [];
  for (const m of matrices) {
    const last = pages[pages.length - 1];
    if (last && last.length < 2) last.push(m);
    else pages.push([m]);
  }
  return pages.map((pair) => page(ctx, 'risk-matrix', title, { matrices: pair }));
}
