import type { Comparison } from '../../model/comparison.js';
import { CONTENT_WIDTH, TEXT } from '../geometry.js';
import { budgetFor, type PlanContext, type PlanPage, page, planNotes } from '../pages.js';
import { diagramView, fitScale, MIN_READABLE_SCALE } from './diagram.js';

type Flow = Comparison['flows'][number];

const stepNotes = (flow: Flow) => [
  { label: undefined, notes: flow.notes },
  ...flow.steps.map((s) => ({ label: `Step ${s.number}`, notes: s.notes })),
];

/**
 * The flow as a diagram whose steps appear one by one (reveal.js fragments). A flow too tall for one slide is
 * cut between steps into several diagrams, continued on vertical sub-slides.
 */
export function flowSlide(ctx: PlanContext, flow: Flow): PlanPage[] {
  const { text, estimate } = ctx;
  const description = flow.description === undefined ? undefined : text.block(flow.description);
  const intro =
    flow.description === undefined
      ? 0
      : estimate.blocks(text.tokens(flow.description), CONTENT_WIDTH, TEXT.small) + TEXT.blockGap * TEXT.small.size;
  // The first part is cut to the room the description leaves, the others to a whole slide; all are drawn at the
  // scale of the tightest fit, one scale for all.
  const budget = budgetFor(ctx, flow.title);
  const room = (i: number) => (i === 0 ? budget - intro : budget);
  const parts = ctx.diagrams.flow(flow, CONTENT_WIDTH, budget, budget - intro);
  const scale = Math.min(1, ...parts.map((part, i) => fitScale(part, CONTENT_WIDTH, room(i))));
  if (scale < MIN_READABLE_SCALE) {
    ctx.warnings.push({
      path: ['attackFlows', ctx.comparison.flows.indexOf(flow)],
      message: `is drawn at ${Math.floor(scale * 100)} % of its size to fit the slides "${ctx.text.plain(flow.title)}", too small to read; shorten the text of its longest step and outcomes`,
    });
  }
  return parts.map((part, i) =>
    page(
      ctx,
      'flow',
      flow.title,
      { description: i === 0 ? description : undefined, diagram: diagramView(part, CONTENT_WIDTH, room(i), scale) },
      { notes: i === 0 ? planNotes(ctx, stepNotes(flow)) : undefined },
    ),
  );
}
