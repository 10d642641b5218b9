import type { RiskLevel } from '../../model/risk.js';
import { CONTENT_WIDTH, columnWidths, TEXT } from '../geometry.js';
import { BADGE_HEIGHT, budgetFor, type PlanContext, type PlanPage, page, rowHeight, tablePages } from '../pages.js';
import { chunkEvenly } from '../paginate.js';
import type { BadgeView } from '../text.js';
import { diagramView } from './diagram.js';
import { cellHeights, headerHeight } from './table.js';

/** Levels from the most severe down, as table headers: a word, its score range and its colour. */
function levelHeaders(ctx: PlanContext): (BadgeView & { range: string; id: RiskLevel })[] {
  return [...ctx.comparison.levels]
    .reverse()
    .map((l) => ({ id: l.id, level: l.id, label: l.label, range: `${l.min}–${l.max}` }));
}

/** How many threats each system has at each level. */
export function riskCounts(ctx: PlanContext): PlanPage[] {
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

const MATRIX_GAP = 20;
/** At most this many matrices side by side: more continue on the next slide. */
const MATRICES_PER_SLIDE = 4;
const KEY_COLUMNS = 3;
const KEY_STYLE = { size: 16, lineHeight: 1.3 } as const;

/** The key under the matrices: each threat id with its title, and the colour of each level. */
function matrixKey(ctx: PlanContext) {
  const threats = ctx.comparison.threats.map((t) => ({
    key: t.key,
    title: ctx.text.inline(t.title),
    plain: ctx.text.plain(t.title),
  }));
  const width = (CONTENT_WIDTH - (KEY_COLUMNS - 1) * 24) / KEY_COLUMNS;
  const rows: number[] = [];
  threats.forEach((t, i) => {
    const row = Math.floor(i / KEY_COLUMNS);
    rows[row] = Math.max(rows[row] ?? 0, ctx.estimate.text(`${t.key} ${t.plain}`, width, KEY_STYLE, 'bold'));
  });
  const levels = levelHeaders(ctx);
  const height = KEY_STYLE.size * KEY_STYLE.lineHeight + 8 + rows.reduce((a, b) => a + b, 0) + 12;
  return { threats, levels, height };
}

/**
 * The risk matrices side by side, up to four a slide, drawn at their shown size (no text under 14 px), with
 * one key for all of them; more systems continue on the next slide, the slides balanced (5 → 3 + 2).
 */
export function riskMatrices(ctx: PlanContext): PlanPage[] {
  const title = 'Risk matrix per system';
  const key = matrixKey(ctx);
  const room = budgetFor(ctx, title) - key.height;
  // The tallest system name above a matrix of the slide sets the room left for the drawings.
  const heading = (group: readonly (typeof ctx.comparison.risk)[number][], width: number) =>
    Math.max(...group.map((r) => ctx.estimate.text(ctx.text.plain(r.system.name), width, TEXT.h3, 'bold'))) +
    TEXT.blockGap * TEXT.h3.size;
  const risks = ctx.comparison.risk;
  for (let per = Math.min(MATRICES_PER_SLIDE, risks.length); per >= 1; per--) {
    const groups = chunkEvenly(risks, per);
    const width = (CONTENT_WIDTH - (per - 1) * MATRIX_GAP) / per;
    const drawn = groups.map((group) => {
      const height = room - heading(group, width);
      return group.map((r) => ({ risk: r, height, svg: ctx.diagrams.compactRiskMatrix(r, { width, height }) }));
    });
    if (drawn.flat().some((m) => m.svg === undefined) && per > 1) continue;
    return drawn.map((group) =>
      page(ctx, 'risk-matrix', title, {
        count: group.length,
        matrices: group.map(({ risk, svg, height }) => ({
          system: ctx.text.inline(risk.system.name),
          // One matrix a slide that still does not fit at 14 px is drawn in full, scaled to the room.
          diagram: diagramView(svg ?? ctx.diagrams.riskMatrix(risk), width, height, 1),
        })),
        threats: key.threats,
        levels: key.levels,
      }),
    );
  }
  return [];
}
