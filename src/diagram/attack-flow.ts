import type { Comparison } from '../model/comparison.js';
import { layoutFlow } from './flow-layout.js';
import {
  drawOutcome,
  drawStep,
  edge,
  entryCue,
  equalHeights,
  exitCue,
  OUTCOME,
  type OutcomeContent,
  outcomeContent,
  outcomeLabel,
  outcomeSentence,
  STEP,
  type StepContent,
  stepContent,
} from './flow-shapes.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK } from './palette.js';
import { type DiagramSvg, group, type Shape, svgDocument } from './svg.js';

export { outcomeLabel } from './flow-shapes.js';

export type AttackFlow = Comparison['flows'][number];
type Step = AttackFlow['steps'][number];

export interface AttackFlowOptions {
  /** Mark each step (with its outcomes and incoming edges) as a Reveal.js fragment, in step order. */
  readonly fragments?: boolean;
  /**
   * The widest the diagram may get, in px. A step's outcomes that do not fit side by side wrap into
   * rows. Default 1280, a slide: eight systems fit in one row. An A4 page reads well at about 720.
   */
  readonly maxWidth?: number;
  /**
   * Draw each outcome's text under its label and each step's CVEs and sources under its action: the diagram
   * then says all that a table of outcomes per step would (the deck shows no such table).
   */
  readonly details?: boolean;
}

export interface AttackFlowPartsOptions extends AttackFlowOptions {
  /** The tallest a part may get, in px; a step and its outcomes are never cut apart. */
  readonly maxHeight: number;
  /** The tallest the first part may get, when less room is left above it (a description); `maxHeight` if unset. */
  readonly firstMaxHeight?: number;
}

const SPACING = { nodeGap: 16, rowGap: 26, margin: 8 } as const;
const DEFAULT_MAX_WIDTH = 1280;

/** A step with its outcomes, wrapped and sized: the unit a flow is laid out and cut into parts by. */
interface Block {
  readonly step: StepContent;
  readonly rows: readonly (readonly OutcomeContent[])[];
}

interface Prepared {
  readonly stepWidth: number;
  readonly blocks: readonly Block[];
}

/** What drawing any part of one flow needs. */
interface Context {
  readonly flow: AttackFlow;
  readonly systems: Comparison['systems'];
  readonly measure: TextMeasure;
  readonly options: AttackFlowOptions;
  readonly prepared: Prepared;
}

/** The attack flow as a top-to-bottom diagram: numbered steps, and per branching step one outcome per system. */
export function renderAttackFlow(
  flow: AttackFlow,
  systems: Comparison['systems'],
  measure: TextMeasure,
  options: AttackFlowOptions = {},
): DiagramSvg {
  const prepared = prepare(flow, measure, options.maxWidth ?? DEFAULT_MAX_WIDTH, options.details ?? false);
  return draw({ flow, systems, measure, options, prepared }, 0, flow.steps.length);
}

/**
 * The flow cut between steps into diagrams of at most `maxHeight` (for a slide each, or a page each).
 * Each part but the first shows where it continues from, each but the last where it goes on; ids stay
 * those of the whole flow (steps and outcomes appear in one part only), the root's gains `-steps-a-b`.
 */
export function renderAttackFlowParts(
  flow: AttackFlow,
  systems: Comparison['systems'],
  measure: TextMeasure,
  options: AttackFlowPartsOptions,
): DiagramSvg[] {
  const prepared = prepare(flow, measure, options.maxWidth ?? DEFAULT_MAX_WIDTH, options.details ?? false);
  const context = { flow, systems, measure, options, prepared };
  const cut = (limit: number): [number, number][] => {
    const out: [number, number][] = [];
    let from = 0;
    for (let to = 1; to <= flow.steps.length; to++) {
      const room = Math.min(limit, out.length === 0 ? (options.firstMaxHeight ?? limit) : limit);
      if (partHeight(prepared.blocks, from, to, flow.steps.length) > room && to - 1 > from) {
        out.push([from, to - 1]);
        from = to - 1;
      }
    }
    out.push([from, flow.steps.length]);
    return out;
  };
  // As few parts as the room allows, then the parts evened out: the lowest limit that needs no more of them.
  const fewest = cut(options.maxHeight);
  let [low, high] = [0, options.maxHeight];
  for (let i = 0; i < 20 && high - low > 1; i++) {
    const mid = (low + high) / 2;
    if (cut(mid).length <= fewest.length) high = mid;
    else low = mid;
  }
  const ranges = fewest.length > 1 ? cut(high) : fewest;
  const parts = ranges.map(([a, b]) => draw(context, a, b));
  // One width for all parts, so that pages or slides show them at one scale.
  const width = Math.max(...parts.map((p) => p.width));
  return ranges.map(([a, b], n) => (parts[n]?.width === width ? (parts[n] as DiagramSvg) : draw(context, a, b, width)));
}

function prepare(flow: AttackFlow, measure: TextMeasure, maxWidth: number, details: boolean): Prepared {
  const room = maxWidth - 2 * SPACING.margin;
  const slot = (width: number) => width + SPACING.nodeGap;
  // A row with a trunk down its middle spans an even number of slots around it (an odd row one more on the right).
  const slotsFor = (count: number) => count + (count % 2);
  const fits = (count: number, width: number) => slotsFor(count) * slot(width) <= room;
  const widest = Math.max(0, ...flow.steps.map((s) => s.branches.length));
  let perRow = Math.max(1, widest);
  while (perRow > 2 && !fits(perRow, OUTCOME.minWidth)) perRow -= perRow % 2 === 1 ? 1 : 2;
  const outcomeWidth = clamp(
    room / Math.max(1, slotsFor(perRow)) - SPACING.nodeGap,
    OUTCOME.minWidth,
    // An outcome's text under its label reads in fewer, longer lines where the row leaves the room.
    details ? OUTCOME.maxDetailWidth : OUTCOME.maxWidth,
  );
  // Steps widen with the rows beneath them: fewer lines each, a shorter diagram.
  const rowWidth = Math.min(widest, perRow) * slot(outcomeWidth);
  const stepWidth = Math.min(clamp(rowWidth / 2, STEP.minWidth, STEP.maxWidth), room);
  const blocks = flow.steps.map((step) => ({
    step: stepContent(step, stepWidth, measure, details),
    rows: splitRows(step.branches, perRow).map((row) =>
      equalHeights(row.map((b) => outcomeContent(b, outcomeWidth, measure, details))),
    ),
  }));
  return { stepWidth, blocks };
}

/** Rows as even as can be, the fuller ones first (7 in rows of 4: 4 + 3). */
function splitRows<T>(items: readonly T[], perRow: number): T[][] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / perRow);
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, r) => items.slice(r * size, (r + 1) * size)).filter((r) => r.length > 0);
}

/** The height dagre gives a part: its ranks (entry, step, outcome rows, exit) stacked with the row gap. */
function partHeight(blocks: readonly Block[], from: number, to: number, total: number): number {
  const ranks = blocks
    .slice(from, to)
    .flatMap((b) => [b.step.height, ...b.rows.map((row) => Math.max(...row.map((o) => o.height)))]);
  if (from > 0) ranks.unshift(0);
  if (to < total) ranks.push(0);
  return ranks.reduce((sum, h) => sum + h, 0) + (ranks.length - 1) * SPACING.rowGap + 2 * SPACING.margin;
}

function draw(
  { flow, systems, measure, options, prepared }: Context,
  from: number,
  to: number,
  minWidth = 0,
): DiagramSvg {
  const whole = from === 0 && to === flow.steps.length;
  const id = whole ? `flow-${flow.id}` : `flow-${flow.id}-steps-${from + 1}-${to}`;
  const steps = flow.steps.slice(from, to);
  const blocks = prepared.blocks.slice(from, to);
  const layout = layoutFlow(
    {
      steps: blocks.map((b) => ({ width: prepared.stepWidth, height: b.step.height })),
      outcomes: blocks.map((b) => b.rows.map((row) => row.map((o) => ({ width: o.width, height: o.height })))),
      entry: from > 0,
      exit: to < flow.steps.length,
      minWidth,
    },
    SPACING,
  );

  const groups = steps.flatMap((step, j): Shape[] => {
    const i = from + j;
    const fragment = options.fragments ? { class: 'fragment', 'data-fragment-index': String(i) } : {};
    const box = layout.steps[j];
    const block = blocks[j];
    if (!box || !block) return [];
    const incoming = j > 0 ? [edge(layout.chain[j - 1] ?? [], INK.badge, 1.75)] : entryCue(layout, step);
    const outgoing = j === steps.length - 1 ? exitCue(layout, flow.steps[to]) : [];
    const stepGroup = group(
      { id: `flow-${flow.id}-step-${step.id}`, ...fragment },
      [...incoming, ...outgoing, ...drawStep(step, block.step, box)],
      { title: `Step ${step.number}. ${plainLabel(step.actor)}: ${plainLabel(step.action)}` },
    );
    const contents = block.rows.flat();
    const outcomeGroups = step.branches.flatMap((branch, k) => {
      const outcomeBox = layout.outcomes[j]?.[k];
      const content = contents[k];
      if (!outcomeBox || !content) return [];
      return [
        group(
          { id: `flow-${flow.id}-outcome-${step.id}-${branch.system.id}`, ...fragment },
          [edge(layout.branches[j]?.[k] ?? [], INK.line, 1.25), ...drawOutcome(branch, content, outcomeBox)],
          { title: outcomeSentence(branch) },
        ),
      ];
    });
    return [stepGroup, ...outcomeGroups];
  });

  const title = plainLabel(flow.title);
  const first = steps[0]?.number ?? 1;
  const lastNumber = steps[steps.length - 1]?.number ?? first;
  return svgDocument(measure, {
    id,
    width: layout.width,
    height: layout.height,
    title: whole
      ? title
      : `${title} (${first === lastNumber ? `step ${first}` : `steps ${first}–${lastNumber}`} of ${flow.steps.length})`,
    description: describeFlow(flow, systems, steps),
    shapes: groups,
  });
}

function describeFlow(flow: AttackFlow, systems: Comparison['systems'], steps: readonly Step[]): string {
  const parts = steps.map((step) => {
    const outcomes = step.branches.map((b) => `${plainLabel(b.system.name)}: ${outcomeLabel(b)}`).join('; ');
    const base = `Step ${step.number}, ${plainLabel(step.actor)}: ${plainLabel(step.action)}`;
    return outcomes ? `${base} Outcomes: ${outcomes}.` : base;
  });
  const intro = flow.description ? `${plainLabel(flow.description)} ` : '';
  const names = systems.map((s) => plainLabel(s.name)).join(', ');
  return `${intro}Attack flow in ${flow.steps.length} steps on ${names}. ${parts.join(' ')}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
