import type { Comparison } from '../model/comparison.js';
import type { Box, FlowLayout, Point } from './flow-layout.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK, TONES } from './palette.js';
import { rectangle, type Shape, text } from './svg.js';
import { wrapText } from './wrap.js';

/** The boxes, cues and arrows an attack flow is drawn with, sized and wrapped by the font that draws them. */

type Step = Comparison['flows'][number]['steps'][number];
type Branch = Step['branches'][number];

/** Sizes in px at 1:1 on a 1280×720 slide; the PDF scales the SVG to the page width. */
export const STEP = {
  minWidth: 320,
  maxWidth: 460,
  padding: 12,
  badge: 26,
  badgeGap: 10,
  actor: { fontSize: 12, lineHeight: 16, bold: true },
  action: { fontSize: 15, lineHeight: 20 },
} as const;
export const OUTCOME = {
  minWidth: 140,
  maxWidth: 230,
  padding: 10,
  system: { fontSize: 12, lineHeight: 16, bold: true },
  label: { fontSize: 14, lineHeight: 18, bold: true },
  /** The step's result ("● Proceeds"), beside the system's name when both fit on its line. */
  result: { fontSize: 12, lineHeight: 16, bold: false },
  resultGap: 8,
} as const;
const CUE = { fontSize: 12, lineHeight: 16 } as const;

export interface StepContent {
  readonly actor: string[];
  readonly action: string[];
  readonly height: number;
}

export interface OutcomeContent {
  readonly system: string[];
  /** The result in words after its symbol, when the content gives one. */
  readonly result?: { readonly text: string; readonly beside: boolean };
  readonly label: string[];
  readonly width: number;
  readonly height: number;
}

export function entryCue(layout: FlowLayout, step: Step): Shape[] {
  if (!layout.entry) return [];
  const start = layout.entry[0] ?? { x: 0, y: 0 };
  return [
    edge(layout.entry, INK.badge, 1.75),
    text({ lines: [`from step ${step.number - 1}`], x: start.x + 8, top: start.y, fill: INK.muted, ...CUE }),
  ];
}

export function exitCue(layout: FlowLayout, next: Step | undefined): Shape[] {
  if (!layout.exit || !next) return [];
  const end = layout.exit[layout.exit.length - 1] ?? { x: 0, y: 0 };
  return [
    edge(layout.exit, INK.badge, 1.75),
    text({
      lines: [`continues with step ${next.number}`],
      x: end.x + 8,
      top: end.y - CUE.lineHeight,
      fill: INK.muted,
      ...CUE,
    }),
  ];
}

export function stepContent(step: Step, width: number, measure: TextMeasure): StepContent {
  const textWidth = width - 2 * STEP.padding - STEP.badge - STEP.badgeGap;
  const actor = wrapText(measure, plainLabel(step.actor), STEP.actor, textWidth);
  const action = wrapText(measure, plainLabel(step.action), STEP.action, textWidth);
  const text = actor.length * STEP.actor.lineHeight + action.length * STEP.action.lineHeight;
  return { actor, action, height: 2 * STEP.padding + Math.max(STEP.badge, text) };
}

/**
 * "Critical: On the host": the severity in words first, so that colour is never the only signal. A step's
 * result (blocked, contained, …) is drawn in words beside the system's name (see `outcomeContent`).
 */
export function outcomeLabel(branch: Branch): string {
  return `${branch.severity.label}: ${plainLabel(branch.label ?? branch.outcome)}`;
}

export function outcomeSentence(branch: Branch): string {
  const result = branch.result === undefined ? '' : ` ${branch.result.label}.`;
  return `${plainLabel(branch.system.name)}:${result} ${branch.severity.label} severity. ${plainLabel(branch.outcome)}`;
}

/**
 * The result goes on the system's line, right-aligned, when the name and it fit there; else on a line of its
 * own under the name, so a long name is never squeezed by it. A box without a result is as before.
 */
export function outcomeContent(branch: Branch, width: number, measure: TextMeasure): OutcomeContent {
  const textWidth = width - 2 * OUTCOME.padding;
  const name = plainLabel(branch.system.name);
  const resultText = branch.result === undefined ? undefined : `${branch.result.symbol} ${branch.result.label}`;
  const resultWidth =
    resultText === undefined ? 0 : measure.width(resultText, OUTCOME.result.fontSize, OUTCOME.result.bold);
  const beside =
    resultText !== undefined &&
    measure.width(name, OUTCOME.system.fontSize, OUTCOME.system.bold) + OUTCOME.resultGap + resultWidth <= textWidth;
  const system = wrapText(measure, name, OUTCOME.system, textWidth);
  const label = wrapText(measure, outcomeLabel(branch), OUTCOME.label, textWidth);
  const resultLines = resultText === undefined || beside ? 0 : OUTCOME.result.lineHeight;
  const height =
    2 * OUTCOME.padding +
    system.length * OUTCOME.system.lineHeight +
    resultLines +
    4 +
    label.length * OUTCOME.label.lineHeight;
  return {
    system,
    label,
    width,
    height,
    ...(resultText === undefined ? {} : { result: { text: resultText, beside } }),
  };
}

/** A row of outcomes reads as a row when its boxes are one height. */
export function equalHeights(row: OutcomeContent[]): OutcomeContent[] {
  const height = Math.max(0, ...row.map((o) => o.height));
  return row.map((o) => ({ ...o, height }));
}

export function drawStep(step: Step, content: StepContent, box: Box): Shape[] {
  const badgeX = box.x + STEP.padding;
  const badgeY = box.y + STEP.padding;
  const textX = badgeX + STEP.badge + STEP.badgeGap;
  const actorTop = box.y + STEP.padding;
  const actionTop = actorTop + content.actor.length * STEP.actor.lineHeight;
  return [
    rectangle({ ...rect(box), rx: 6, fill: INK.background, stroke: INK.border, strokeWidth: 1.25 }),
    rectangle({ x: badgeX, y: badgeY, width: STEP.badge, height: STEP.badge, rx: STEP.badge / 2, fill: INK.badge }),
    text({
      lines: [String(step.number)],
      x: badgeX + STEP.badge / 2,
      top: badgeY,
      fontSize: 13,
      lineHeight: STEP.badge,
      bold: true,
      fill: INK.onBadge,
      anchor: 'middle',
    }),
    text({ lines: content.actor, x: textX, top: actorTop, fill: INK.muted, ...STEP.actor }),
    text({ lines: content.action, x: textX, top: actionTop, fill: INK.text, ...STEP.action }),
  ];
}

export function drawOutcome(branch: Branch, content: OutcomeContent, box: Box): Shape[] {
  const tone = TONES[branch.severity.id];
  const x = box.x + OUTCOME.padding;
  const systemTop = box.y + OUTCOME.padding;
  const nameBottom = systemTop + content.system.length * OUTCOME.system.lineHeight;
  const { result } = content;
  const resultShapes =
    result === undefined
      ? []
      : [
          text({
            lines: [result.text],
            x: result.beside ? box.x + box.width - OUTCOME.padding : x,
            top: result.beside ? systemTop : nameBottom,
            anchor: result.beside ? 'end' : 'start',
            fill: tone.ink,
            ...OUTCOME.result,
          }),
        ];
  const labelTop = nameBottom + (result === undefined || result.beside ? 0 : OUTCOME.result.lineHeight) + 4;
  return [
    rectangle({ ...rect(box), rx: 6, fill: tone.tint, stroke: tone.strong, strokeWidth: 1.5 }),
    text({ lines: content.system, x, top: systemTop, fill: INK.text, ...OUTCOME.system }),
    ...resultShapes,
    text({ lines: content.label, x, top: labelTop, fill: tone.ink, ...OUTCOME.label }),
  ];
}

/** An orthogonal route ending in an arrowhead. */
export const edge = (route: readonly Point[], colour: string, strokeWidth: number): Shape => ({
  kind: 'edge',
  route,
  colour,
  strokeWidth,
});

const rect = (box: Box) => ({ x: box.x, y: box.y, width: box.width, height: box.height });
