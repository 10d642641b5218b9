import { CONTENT_WIDTH } from '../geometry.js';
import { budgetFor, type PlanContext, type PlanPage, page } from '../pages.js';
import { paginate, paginateInto } from '../paginate.js';
import { diagramView } from './diagram.js';

const COLUMN_GAP = 24;
const COLUMN_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2;
/** A chart is never drawn smaller than this: its 12–15 px labels stay readable. */
const MIN_SCALE = 0.9;

type Dimension = PlanContext['comparison']['dimensions'][number];

/**
 * The scores as grouped bar charts, two side by side a slide: the dimensions are shared out among as many
 * charts as it takes for each to be drawn at full size, balanced, so no chart is ever left out for being too
 * small to read.
 */
export function scoreChartPages(ctx: PlanContext): PlanPage[] {
  const scored = ctx.comparison.dimensions.filter((d) => d.values.some((v) => v.score !== undefined));
  const whole = ctx.diagrams.scoreChart(scored);
  if (whole === undefined) return [];
  const title = 'Scores by dimension';
  const budget = budgetFor(ctx, title);
  const scale = Math.min(1, COLUMN_WIDTH / whole.width);
  const alone = new Map(scored.map((d) => [d, ctx.diagrams.scoreChart([d])?.height ?? 0]));
  // What every chart has once (margins, the axis): two groups drawn together save it once.
  const [a, b] = scored;
  const margins =
    a && b ? (alone.get(a) ?? 0) + (alone.get(b) ?? 0) - (ctx.diagrams.scoreChart([a, b])?.height ?? 0) : 0;
  const heights = new Map(scored.map((d) => [d, (alone.get(d) ?? 0) - margins]));
  // A chart may shrink to MIN_SCALE to take one more group, never further.
  const limit = budget / Math.min(scale, MIN_SCALE) - margins;
  const room = { first: limit, rest: limit };
  const height = (d: Dimension) => heights.get(d) ?? 0;
  const count = paginate(scored, height, room).length;
  const columns = paginateInto(scored, height, room, count > 1 ? count + (count % 2) : 1);
  const pages: PlanPage[] = [];
  for (let i = 0; i < columns.length; i += 2) {
    const charts = columns.slice(i, i + 2).flatMap((dimensions) => {
      const chart = ctx.diagrams.scoreChart(dimensions);
      return chart ? [diagramView(chart, columns.length > 1 ? COLUMN_WIDTH : CONTENT_WIDTH, budget, 1)] : [];
    });
    pages.push(page(ctx, 'score-charts', title, { charts }));
  }
  return pages;
}
