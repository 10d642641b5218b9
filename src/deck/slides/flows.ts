import type { Comparison } from '../../model/comparison.js';
import { CONTENT_WIDTH, FLOW, TEXT } from '../geometry.js';
import { BADGE_HEIGHT, budgetFor, type DeckContext, notesHtml, type PageView, page } from '../pages.js';
import { paginate } from '../paginate.js';
import { severityBadge } from '../text.js';
import { diagramView } from './diagram.js';
import { cellHeights, systemColumnPages } from './table.js';

type Flow = Comparison['flows'][number];
type Step = Flow['steps'][number];

const stepNotes = (flow: Flow) => [
  { label: undefined, notes: flow.notes },
  ...flow.steps.map((s) => ({ label: `Step ${s.number}`, notes: s.notes })),
];

/**
 * The flow drawn as a diagram whose steps appear one by one (reveal.js fragments); a flow too long for one
 * slide as an ordered list of its steps, one fragment per step.
 */
export function flowSlide(ctx: DeckContext, flow: Flow): PageView[] {
  const { text, estimate } = ctx;
  const description = flow.description === undefined ? undefined : text.block(flow.description);
  const intro =
    flow.description === undefined
      ? 0
      : estimate.blocks(text.tokens(flow.description), CONTENT_WIDTH, TEXT.small) + TEXT.blockGap * TEXT.small.size;
  const budget = budgetFor(ctx, flow.title);
  const diagram = ctx.diagrams.flow(flow);
  const view = diagramView(diagram, CONTENT_WIDTH, budget - intro);
  const flowPage = (data: unknown, notes = stepNotes(flow)) =>
    page(ctx, 'flow', flow.title, data, { notes: notesHtml(ctx, notes) });
  // A flow too long to read as one diagram is a numbered list, continued over as many slides as it needs.
  if (view.readable) return [flowPage({ description, diagram: view })];
  const indent = TEXT.listIndent * TEXT.body.size;
  const height = (step: Step) =>
    estimate.text(`${step.actor}: ${text.plain(step.action)}`, CONTENT_WIDTH - indent, TEXT.body) +
    (step.branches.length > 0 ? FLOW.branchesTop : 0) +
    step.branches.reduce(
      (sum, b) =>
        sum +
        Math.max(
          BADGE_HEIGHT,
          estimate.text(
            `${text.plain(b.system.name)} ${b.label ?? ''}: ${text.plain(b.outcome)} ${b.severity.label}`,
            CONTENT_WIDTH - 2 * indent,
            TEXT.small,
          ),
        ) +
        FLOW.branchGap,
      0,
    ) +
    TEXT.blockGap * TEXT.body.size;
  const pages = paginate(flow.steps, height, { first: budget - intro, rest: budget });
  return pages.map((steps, i) =>
    flowPage(
      {
        description: i === 0 ? description : undefined,
        diagram: undefined,
        start: steps[0]?.number ?? 1,
        steps: steps.map((s) => ({
          number: s.number,
          actor: s.actor,
          action: text.inline(s.action),
          branches: s.branches.map((b) => ({
            system: text.inline(b.system.name),
            label: b.label,
            outcome: text.inline(b.outcome),
            badge: severityBadge(b.severity),
          })),
        })),
      },
      i === 0 ? stepNotes(flow) : [],
    ),
  );
}

/** Where the flow branches, each system's outcome side by side. */
export function flowOutcomes(ctx: DeckContext, flow: Flow): PageView[] {
  const h = cellHeights(ctx);
  const steps = flow.steps.filter((s) => s.branches.length > 0);
  if (steps.length === 0) return [];
  return systemColumnPages(ctx, {
    kind: 'flow-outcomes',
    partial: 'flow-outcomes',
    title: `${flow.title}: outcome per system`,
    leadHeader: 'Step',
    items: steps,
    systems: ctx.comparison.systems,
    lead: (step, width) => ({
      view: { number: step.number, actor: step.actor, action: ctx.text.inline(step.action) },
      height: h.line(`${step.number}. ${step.actor}`, width, 'bold') + h.line(ctx.text.plain(step.action), width),
    }),
    cell: (step, index, width) => {
      const system = ctx.comparison.systems[index];
      const branch = step.branches.find((b) => b.system.id === system?.id);
      return {
        view: branch
          ? { label: branch.label, outcome: ctx.text.block(branch.outcome), badge: severityBadge(branch.severity) }
          : undefined,
        height: branch
          ? BADGE_HEIGHT + h.line(branch.label ?? '', width, 'bold') + h.markdown(branch.outcome, width)
          : h.line('No separate outcome', width),
      };
    },
  });
}
