import type { Comparison } from '../model/comparison.js';
import { type Box, layoutFlow, type Point } from './flow-layout.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK, TONES } from './palette.js';
import { type DiagramSvg, element, escapeXml, num, svgDocument, textBlock } from './svg.js';
import { wrapText } from './wrap.js';

export type AttackFlow = Comparison['flows'][number];
type Step = AttackFlow['steps'][number];
type Branch = Step['branches'][number];

export interface AttackFlowOptions {
  /** Mark each step (with its outcomes and incoming edges) as a Reveal.js fragment, in step order. */
  readonly fragments?: boolean;
}

/** Sizes in px at 1:1 on a 1280×720 slide; the PDF scales the SVG to the page width. */
const STEP = {
  minWidth: 340,
  maxWidth: 460,
  padding: 12,
  badge: 26,
  badgeGap: 10,
  actor: { fontSize: 12, lineHeight: 16, bold: true },
  action: { fontSize: 15, lineHeight: 20 },
} as const;
const OUTCOME = {
  maxWidth: 230,
  minWidth: 140,
  padding: 10,
  system: { fontSize: 12, lineHeight: 16, bold: true },
  label: { fontSize: 14, lineHeight: 18, bold: true },
} as const;
const SPACING = { nodeGap: 16, rowGap: 40, margin: 8 } as const;
/** Widest a row of outcomes should get: a 1280 px slide less its margins. */
const ROW_WIDTH = 1200;
const ARROW = { length: 8, halfWidth: 4.5 } as const;

interface StepContent {
  readonly actor: string[];
  readonly action: string[];
  readonly height: number;
}

interface OutcomeContent {
  readonly system: string[];
  readonly label: string[];
  readonly width: number;
  readonly height: number;
}

/** The attack flow as a top-to-bottom diagram: numbered steps, and per branching step one outcome per system. */
export function renderAttackFlow(
  flow: AttackFlow,
  systems: Comparison['systems'],
  measure: TextMeasure,
  options: AttackFlowOptions = {},
): DiagramSvg {
  const id = `flow-${flow.id}`;
  const outcomeWidth = clamp(
    (ROW_WIDTH - (systems.length - 1) * SPACING.nodeGap) / systems.length,
    OUTCOME.minWidth,
    OUTCOME.maxWidth,
  );
  const widestRow = Math.max(0, ...flow.steps.map((s) => s.branches.length));
  // Steps widen with the rows beneath them: fewer lines each, a shorter diagram.
  const stepWidth = clamp((widestRow * (outcomeWidth + SPACING.nodeGap)) / 2, STEP.minWidth, STEP.maxWidth);
  const steps = flow.steps.map((step) => stepContent(step, stepWidth, measure));
  const outcomes = flow.steps.map((step) =>
    equalHeights(step.branches.map((b) => outcomeContent(b, outcomeWidth, measure))),
  );
  const layout = layoutFlow(
    {
      steps: steps.map((s) => ({ width: stepWidth, height: s.height })),
      outcomes: outcomes.map((row) => row.map((o) => ({ width: o.width, height: o.height }))),
    },
    SPACING,
  );

  const groups = flow.steps.map((step, i) => {
    const fragment = options.fragments ? { class: 'fragment', 'data-fragment-index': String(i) } : {};
    const incoming = i > 0 ? edge(layout.chain[i - 1] ?? [], INK.badge, 1.75) : '';
    const stepBox = layout.steps[i];
    const content = steps[i];
    const stepGroup =
      stepBox && content
        ? element(
            'g',
            { id: `${id}-step-${step.id}`, ...fragment },
            element(
              'title',
              {},
              escapeXml(`Step ${step.number}. ${plainLabel(step.actor)}: ${plainLabel(step.action)}`),
            ) +
              incoming +
              drawStep(step, content, stepBox, measure),
          )
        : '';
    const outcomeGroups = step.branches.map((branch, k) => {
      const box = layout.outcomes[i]?.[k];
      const o = outcomes[i]?.[k];
      if (!box || !o) return '';
      return element(
        'g',
        { id: `${id}-outcome-${step.id}-${branch.system.id}`, ...fragment },
        element('title', {}, escapeXml(outcomeSentence(branch))) +
          edge(layout.branches[i]?.[k] ?? [], INK.line, 1.25) +
          drawOutcome(branch, o, box, measure),
      );
    });
    return stepGroup + outcomeGroups.join('');
  });

  const title = plainLabel(flow.title);
  return svgDocument({
    id,
    width: layout.width,
    height: layout.height,
    title,
    description: describeFlow(flow),
    body: groups.join(''),
  });
}

function stepContent(step: Step, width: number, measure: TextMeasure): StepContent {
  const textWidth = width - 2 * STEP.padding - STEP.badge - STEP.badgeGap;
  const actor = wrapText(measure, plainLabel(step.actor), STEP.actor, textWidth);
  const action = wrapText(measure, plainLabel(step.action), STEP.action, textWidth);
  const text = actor.length * STEP.actor.lineHeight + action.length * STEP.action.lineHeight;
  return { actor, action, height: 2 * STEP.padding + Math.max(STEP.badge, text) };
}

/** "Critical: On the host": the severity in words first, so colour is never the only signal. */
export function outcomeLabel(branch: Branch): string {
  return `${branch.severity.label}: ${branch.label ? plainLabel(branch.label) : plainLabel(branch.outcome)}`;
}

function outcomeSentence(branch: Branch): string {
  return `${plainLabel(branch.system.name)}: ${branch.severity.label} severity. ${plainLabel(branch.outcome)}`;
}

function outcomeContent(branch: Branch, width: number, measure: TextMeasure): OutcomeContent {
  const textWidth = width - 2 * OUTCOME.padding;
  const system = wrapText(measure, plainLabel(branch.system.name), OUTCOME.system, textWidth);
  const label = wrapText(measure, outcomeLabel(branch), OUTCOME.label, textWidth);
  const height =
    2 * OUTCOME.padding + system.length * OUTCOME.system.lineHeight + 4 + label.length * OUTCOME.label.lineHeight;
  return { system, label, width, height };
}

/** A row of outcomes reads as a row when its boxes are one height. */
function equalHeights(row: OutcomeContent[]): OutcomeContent[] {
  const height = Math.max(0, ...row.map((o) => o.height));
  return row.map((o) => ({ ...o, height }));
}

function drawStep(step: Step, content: StepContent, box: Box, measure: TextMeasure): string {
  const badgeX = box.x + STEP.padding;
  const badgeY = box.y + STEP.padding;
  const textX = badgeX + STEP.badge + STEP.badgeGap;
  const actorTop = box.y + STEP.padding;
  const actionTop = actorTop + content.actor.length * STEP.actor.lineHeight;
  return (
    element('rect', { ...rect(box), rx: 6, fill: INK.background, stroke: INK.border, 'stroke-width': 1.25 }) +
    element('rect', {
      x: badgeX,
      y: badgeY,
      width: STEP.badge,
      height: STEP.badge,
      rx: STEP.badge / 2,
      fill: INK.badge,
    }) +
    textBlock(measure, {
      lines: [String(step.number)],
      x: badgeX + STEP.badge / 2,
      top: badgeY,
      fontSize: 13,
      lineHeight: STEP.badge,
      bold: true,
      fill: INK.onBadge,
      anchor: 'middle',
    }) +
    textBlock(measure, { lines: content.actor, x: textX, top: actorTop, fill: INK.muted, ...STEP.actor }) +
    textBlock(measure, { lines: content.action, x: textX, top: actionTop, fill: INK.text, ...STEP.action })
  );
}

function drawOutcome(branch: Branch, content: OutcomeContent, box: Box, measure: TextMeasure): string {
  const tone = TONES[branch.severity.id];
  const x = box.x + OUTCOME.padding;
  const systemTop = box.y + OUTCOME.padding;
  const labelTop = systemTop + content.system.length * OUTCOME.system.lineHeight + 4;
  return (
    element('rect', { ...rect(box), rx: 6, fill: tone.tint, stroke: tone.strong, 'stroke-width': 1.5 }) +
    textBlock(measure, { lines: content.system, x, top: systemTop, fill: INK.text, ...OUTCOME.system }) +
    textBlock(measure, { lines: content.label, x, top: labelTop, fill: tone.ink, ...OUTCOME.label })
  );
}

/** An orthogonal route ending in an arrowhead polygon (svg-to-pdfkit draws no markers). */
function edge(route: readonly Point[], colour: string, strokeWidth: number): string {
  const end = route[route.length - 1];
  const before = route[route.length - 2];
  if (!end || !before) return '';
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  const base = { x: end.x - ux * ARROW.length, y: end.y - uy * ARROW.length };
  const points = [...route.slice(0, -1), base];
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ');
  const head = [
    end,
    { x: base.x - uy * ARROW.halfWidth, y: base.y + ux * ARROW.halfWidth },
    { x: base.x + uy * ARROW.halfWidth, y: base.y - ux * ARROW.halfWidth },
  ];
  return (
    element('path', { d, fill: 'none', stroke: colour, 'stroke-width': strokeWidth }) +
    element('polygon', { points: head.map((p) => `${num(p.x)},${num(p.y)}`).join(' '), fill: colour })
  );
}

function describeFlow(flow: AttackFlow): string {
  const parts = flow.steps.map((step) => {
    const outcomes = step.branches.map((b) => `${plainLabel(b.system.name)}: ${outcomeLabel(b)}`).join('; ');
    const base = `Step ${step.number}, ${plainLabel(step.actor)}: ${plainLabel(step.action)}`;
    return outcomes ? `${base} Outcomes: ${outcomes}.` : base;
  });
  const intro = flow.description ? `${plainLabel(flow.description)} ` : '';
  return `${intro}Attack flow in ${flow.steps.length} steps. ${parts.join(' ')}`;
}

const rect = (box: Box) => ({ x: box.x, y: box.y, width: box.width, height: box.height });

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
