import type { Comparison } from '../model/comparison.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK, seriesColour } from './palette.js';
import { type DiagramSvg, group, rectangle, type Shape, svgDocument, text } from './svg.js';
import { wrapText } from './wrap.js';

type Dimension = Comparison['dimensions'][number];

const MAX_SCORE = 5;
const SCORES = [0, 1, 2, 3, 4, 5] as const;
const HEADING = { fontSize: 15, lineHeight: 20, bold: true } as const;
const NAME = { fontSize: 13, lineHeight: 16 } as const;
const VALUE = { fontSize: 13, lineHeight: 16, bold: true } as const;
const TICK = { fontSize: 12, lineHeight: 16 } as const;
const BAR = { height: 18, gap: 6 } as const;
const NAME_MAX_WIDTH = 200;
const PLOT_WIDTH = 400;
const GROUP_GAP = 10;
const MARGIN = 8;
const SWATCH = 14;

/** The chart's columns: names right-aligned before `plotX`, bars from there, scores after the bar. */
interface Plot {
  readonly id: string;
  readonly names: readonly string[];
  readonly nameLines: readonly string[][];
  readonly plotX: number;
  readonly width: number;
  readonly measure: TextMeasure;
}

const scale = (score: number) => (score / MAX_SCORE) * PLOT_WIDTH;
const rowHeight = (lines: number) => Math.max(BAR.height, lines * NAME.lineHeight) + BAR.gap;

/**
 * The dimensions that carry scores (1–5, higher is better) as grouped horizontal bars: one group per
 * dimension, one bar per system in system order, each bar labelled with the system and its score.
 * Undefined when no dimension has a score.
 */
export function renderScoreChart(
  dimensions: Comparison['dimensions'],
  systems: Comparison['systems'],
  measure: TextMeasure,
): DiagramSvg | undefined {
  const scored = dimensions.filter((d) => d.values.some((v) => v.score !== undefined));
  if (scored.length === 0) return undefined;
  const names = systems.map((s) => plainLabel(s.name));
  const nameLines = names.map((n) => wrapText(measure, n, NAME, NAME_MAX_WIDTH));
  const nameWidth = Math.max(...nameLines.flat().map((l) => measure.width(l, NAME.fontSize)));
  const plotX = MARGIN + nameWidth + 12;
  const valueWidth = Math.max(
    measure.width(String(MAX_SCORE), VALUE.fontSize, true),
    measure.width('no score', NAME.fontSize),
  );
  const plot: Plot = {
    id: 'dimension-scores',
    names,
    nameLines,
    plotX,
    width: plotX + PLOT_WIDTH + 8 + valueWidth + MARGIN,
    measure,
  };
  let y = MARGIN;
  const groups: Shape[] = [];
  for (const dimension of scored) {
    const drawn = drawGroup(dimension, y, plot);
    groups.push(drawn.shape);
    y = drawn.bottom + GROUP_GAP;
  }
  const axis = drawAxis(y - GROUP_GAP, plot);
  const legend = drawLegend(axis.bottom, plot);
  return svgDocument(measure, {
    id: plot.id,
    width: plot.width,
    height: legend.bottom + MARGIN,
    title: 'Dimension scores',
    description: describeScores(scored, names),
    shapes: [...groups, ...axis.shapes, legend.shape],
  });
}

/** One dimension: its heading, then a bar per system over the score grid. */
function drawGroup(dimension: Dimension, top: number, plot: Plot): { shape: Shape; bottom: number } {
  const { measure } = plot;
  const heading = wrapText(measure, plainLabel(dimension.name), HEADING, plot.width - 2 * MARGIN);
  const parts = [text({ lines: heading, x: MARGIN, top, fill: INK.text, ...HEADING })];
  let y = top + heading.length * HEADING.lineHeight + 4;
  const barsTop = y;
  dimension.values.forEach((value, i) => {
    const lines = plot.nameLines[i] ?? [];
    const h = rowHeight(lines.length) - BAR.gap;
    parts.push(
      group(
        { id: `${plot.id}-${dimension.id}-${value.system.id}` },
        [
          text({
            lines,
            x: plot.plotX - 12,
            top: y + (h - lines.length * NAME.lineHeight) / 2,
            fill: INK.text,
            anchor: 'end',
            ...NAME,
          }),
          ...drawBar(value.score, i, y + (h - BAR.height) / 2, plot),
        ],
        { title: barSentence(dimension, value, plot.names[i] ?? value.system.id) },
      ),
    );
    y += rowHeight(lines.length);
  });
  // The grid goes first so that bars are drawn over it, and stops short of the heading.
  const shape = group({ id: `${plot.id}-${dimension.id}` }, [
    ...gridLines(barsTop - 2, y - BAR.gap + 2, plot.plotX),
    ...parts,
  ]);
  return { shape, bottom: y };
}

function drawBar(score: number | undefined, series: number, barY: number, plot: Plot): Shape[] {
  const { plotX } = plot;
  if (score === undefined) {
    return [
      text({
        lines: ['no score'],
        x: plotX + 4,
        top: barY + (BAR.height - NAME.lineHeight) / 2,
        fill: INK.muted,
        ...NAME,
      }),
    ];
  }
  return [
    rectangle({ x: plotX, y: barY, width: scale(score), height: BAR.height, fill: seriesColour(series) }),
    text({
      lines: [String(score)],
      x: plotX + scale(score) + 6,
      top: barY + (BAR.height - VALUE.lineHeight) / 2,
      fill: INK.text,
      ...VALUE,
    }),
  ];
}

function gridLines(top: number, bottom: number, plotX: number): Shape[] {
  return SCORES.map((score) => ({
    kind: 'line',
    from: { x: plotX + scale(score), y: top },
    to: { x: plotX + scale(score), y: bottom },
    stroke: score === 0 ? INK.line : INK.grid,
    strokeWidth: 1,
  }));
}

/** The score ticks under the last group and the axis title. */
function drawAxis(plotBottom: number, plot: Plot): { shapes: Shape[]; bottom: number } {
  const { plotX } = plot;
  const ticks = SCORES.map((score) =>
    text({
      lines: [String(score)],
      x: plotX + scale(score),
      top: plotBottom + 4,
      fill: INK.muted,
      anchor: 'middle',
      ...TICK,
    }),
  );
  const y = plotBottom + 4 + TICK.lineHeight;
  const axisTitle = text({
    lines: ['Score (higher is better)'],
    x: plotX + PLOT_WIDTH / 2,
    top: y,
    fill: INK.muted,
    anchor: 'middle',
    ...TICK,
  });
  return { shapes: [...ticks, axisTitle], bottom: y + TICK.lineHeight + 12 };
}

/** A swatch and name per system, wrapping onto further lines when the chart is too narrow. */
function drawLegend(top: number, plot: Plot): { shape: Shape; bottom: number } {
  const { measure, width } = plot;
  const legend: Shape[] = [];
  let y = top;
  let legendX = MARGIN;
  plot.names.forEach((name, i) => {
    const itemWidth = SWATCH + 6 + measure.width(name, NAME.fontSize);
    if (legendX > MARGIN && legendX + itemWidth > width - MARGIN) {
      legendX = MARGIN;
      y += NAME.lineHeight + 6;
    }
    legend.push(
      rectangle({
        x: legendX,
        y: y + (NAME.lineHeight - SWATCH) / 2,
        width: SWATCH,
        height: SWATCH,
        fill: seriesColour(i),
      }),
      text({ lines: [name], x: legendX + SWATCH + 6, top: y, fill: INK.text, ...NAME }),
    );
    legendX += itemWidth + 18;
  });
  return { shape: group({ id: `${plot.id}-legend` }, legend), bottom: y + NAME.lineHeight };
}

function barSentence(dimension: Dimension, value: Dimension['values'][number], system: string): string {
  const score = value.score === undefined ? 'no score' : `${value.score} of ${MAX_SCORE}`;
  return `${plainLabel(dimension.name)}, ${system}: ${score}`;
}

function describeScores(dimensions: readonly Dimension[], names: readonly string[]): string {
  const parts = dimensions.map((d) => {
    const values = d.values.map((v, i) => `${names[i] ?? v.system.id} ${v.score ?? 'no score'}`).join(', ');
    return `${plainLabel(d.name)}: ${values}`;
  });
  return `Scores from 1 to ${MAX_SCORE}, higher is better. ${parts.join('. ')}.`;
}
