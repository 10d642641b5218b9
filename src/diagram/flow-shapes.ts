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
  /** The step's CVEs and sources, under its action, when the diagram draws details. */
  extras: { fontSize: 12, lineHeight: 16 },
} as const;
export const OUTCOME = {
  minWidth: 140,
  maxWidth: 230,
  /** The widest an outcome gets when it shows its text (`details`). */
  maxDetailWidth: 290,
  padding: 10,
  system: { fontSize: 12, lineHeight: 16, bold: true },
  label: { fontSize: 14, lineHeight: 18, bold: true },
  /** The step's result ("● Proceeds"), beside the system's name when both fit on its line. */
  result: { fontSize: 12, lineHeight: 16, bold: false },
  resultGap: 8,
  /** The outcome's text under its label, when the diagram draws details. */
  detail: { fontSize: 13, lineHeight: 17 },
} as const;
const CUE = { fontSize: 12, lineHeight: 16 } as const;

export interface StepContent {
  readonly actor: string[];
  readonly action: string[];
  /** "CVE-2024-21626 · Sources [3] [7]", wrapped; empty unless the diagram draws details. */
  readonly extras: string[];
  readonly height: number;
}

export interface OutcomeContent {
  readonly system: string[];
  /** The result in words after its symbol, when the content gives one. */
  readonly result?: { readonly text: string; readonly beside: boolean };
  readonly label: string[];
  /** The outcome's text under a short label, wrapped; empty unless the diagram draws details. */
  readonly detail: string[];
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

/** A step's CVEs and sources in one line of words: what a table row would link. */
function stepExtras(step: Step): string {
  const cves = step.cves.length > 0 ? `${step.cves.map((c) => c.id).join(', ')}` : '';
  const sources = step.sources.length > 0 ? `Sources ${step.sources.map((s) => `[${s.number}]`).join(' ')}` : '';
  return [cves, sources].filter((part) => part !== '').join(' · ');
}

export function stepContent(step: Step, width: number, measure: TextMeasure, details = false): StepContent {
  const textWidth = width - 2 * STEP.padding - STEP.badge - STEP.badgeGap;
  const actor = wrapText(measure, plainLabel(step.actor), STEP.actor, textWidth);
  const action = wrapText(measure, plainLabel(step.action), STEP.action, textWidth);
  const more = details ? stepExtras(step) : '';
  const extras = more === '' ? [] : wrapText(measure, more, STEP.extras, textWidth);
  const text =
    actor.length * STEP.actor.lineHeight +
    action.length * STEP.action.lineHeight +
    extras.length * STEP.extras.lineHeight;
  return { actor, action, extras, height: 2 * STEP.padding + Math.max(STEP.badge, text) };
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
export function outcomeContent(branch: Branch, width: number, measure: TextMeasure, details = false): OutcomeContent {
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
  // Without a label the label line already is the outcome's text.
  const detail =
    details && branch.label !== undefined
      ? wrapText(measure, plainLabel(branch.outcome), OUTCOME.detail, textWidth)
      : [];
  const resultLines = resultText === undefined || beside ? 0 : OUTCOME.result.lineHeight;
  const height =
    2 * OUTCOME.padding +
    system.length * OUTCOME.system.lineHeight +
    resultLines +
    4 +
    label.length * OUTCOME.label.lineHeight +
    (detail.length > 0 ? 2 + detail.length * OUTCOME.detail.lineHeight : 0);
  return {
    system,
    label,
    detail,
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
    ...(content.extras.length === 0
      ? []
      : [
          text({
            lines: content.extras,
            x: textX,
            top: actionTop + content.action.length * STEP.action.lineHeight,
            fill: INK.muted,
            ...STEP.extras,
          }),
        ]),
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
    ...(content.detail.length === 0
      ? []
      : [
          text({
            lines: content.detail,
            x,
            top: labelTop + content.label.length * OUTCOME.label.lineHeight + 2,
            fill: INK.text,
            ...OUTCOME.detail,
          }),
        ]),
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
