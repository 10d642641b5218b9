import type { Comparison } from '../model/comparison.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK, TONES } from './palette.js';
import { type DiagramSvg, group, rectangle, type Shape, svgDocument, text } from './svg.js';
import { wrapText } from './wrap.js';

type SystemRisk = Comparison['risk'][number];
type Cell = SystemRisk['cells'][number];

const KEY = { fontSize: 15, lineHeight: 19, bold: true } as const;
const SCORE = { fontSize: 11, lineHeight: 14 } as const;
const TICK = { fontSize: 13, lineHeight: 16 } as const;
const AXIS = { fontSize: 14, lineHeight: 18, bold: true } as const;
const LEGEND = { fontSize: 14, lineHeight: 18, bold: true } as const;
const LEGEND_NOTE = { fontSize: 12, lineHeight: 16 } as const;
const CELL_PADDING = 6;
/** Cell widths to try, narrowest first: the first that fits every cell's keys in three lines wins. */
const CELL_WIDTHS = [84, 104, 128] as const;
const CELL_MIN_HEIGHT = 64;
const SWATCH = 16;
const MARGIN = 8;

/** Where the grid sits and how big its cells are; every part of the matrix is drawn from it. */
interface Grid {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly likelihoods: readonly number[];
  readonly impacts: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** One system's threats on the likelihood × impact grid, cells shaded by risk level, with a legend. */
export function renderRiskMatrix(risk: SystemRisk, levels: Comparison['levels'], measure: TextMeasure): DiagramSvg {
  const id = `risk-${risk.system.id}`;
  const system = plainLabel(risk.system.name);
  const likelihoods = distinct(risk.cells.map((c) => c.likelihood)).sort((a, b) => b - a);
  const impacts = distinct(risk.cells.map((c) => c.impact)).sort((a, b) => a - b);

  const cellWidth = pickCellWidth(risk.cells, measure);
  const keyLines = new Map(risk.cells.map((c) => [c, keysIn(c, cellWidth, measure)]));
  const keysHeight = Math.max(0, ...[...keyLines.values()].map((lines) => lines.length * KEY.lineHeight));
  const cellHeight = Math.max(CELL_MIN_HEIGHT, 2 * CELL_PADDING + SCORE.lineHeight + keysHeight);

  const axisTitleWidth = AXIS.lineHeight + 10;
  const tickWidth = 22;
  const x = MARGIN + axisTitleWidth + tickWidth;
  const grid: Grid = {
    id,
    x,
    y: MARGIN,
    cellWidth,
    cellHeight,
    likelihoods,
    impacts,
    width: impacts.length * cellWidth,
    height: likelihoods.length * cellHeight,
  };
  const cells = risk.cells.map((cell) => drawCell(cell, keyLines.get(cell) ?? [], grid, levels));
  const impactTitleTop = grid.y + grid.height + 4 + TICK.lineHeight + 2;
  const legend = drawLegend(risk, levels, grid.x + grid.width + 28, grid.y, measure);
  const title = `Risk matrix: ${system}`;
  return svgDocument(measure, {
    id,
    width: legend.right + MARGIN,
    height: Math.max(impactTitleTop + AXIS.lineHeight, legend.bottom) + MARGIN,
    title,
    description: describeMatrix(risk, system, levels),
    shapes: [...cells, ...drawTicks(grid), ...drawAxes(grid, impactTitleTop), ...legend.shapes],
  });
}

function drawCell(cell: Cell, lines: readonly string[], grid: Grid, levels: Comparison['levels']): Shape {
  const { cellWidth, cellHeight } = grid;
  const x = grid.x + grid.impacts.indexOf(cell.impact) * cellWidth;
  const y = grid.y + grid.likelihoods.indexOf(cell.likelihood) * cellHeight;
  const tone = TONES[cell.level];
  const level = levels.find((l) => l.id === cell.level)?.label ?? cell.level;
  const summary = `Likelihood ${cell.likelihood}, impact ${cell.impact}: score ${cell.score}, ${level}${
    cell.threats.length > 0 ? `; ${cell.threats.join(', ')}` : ''
  }`;
  return group(
    { id: `${grid.id}-cell-${cell.likelihood}-${cell.impact}` },
    [
      rectangle({
        x,
        y,
        width: cellWidth,
        height: cellHeight,
        fill: tone.fill,
        stroke: INK.background,
        strokeWidth: 2,
      }),
      text({
        lines: [String(cell.score)],
        x: x + cellWidth - CELL_PADDING,
        top: y + CELL_PADDING - 2,
        fill: tone.ink,
        anchor: 'end',
        ...SCORE,
      }),
      text({
        lines: [...lines],
        x: x + cellWidth / 2,
        top: y + (cellHeight - lines.length * KEY.lineHeight + SCORE.lineHeight) / 2,
        fill: INK.text,
        anchor: 'middle',
        ...KEY,
      }),
    ],
    { title: summary },
  );
}

function drawTicks(grid: Grid): Shape[] {
  return [
    ...grid.likelihoods.map((l, row) =>
      text({
        lines: [String(l)],
        x: grid.x - 8,
        top: grid.y + row * grid.cellHeight + (grid.cellHeight - TICK.lineHeight) / 2,
        fill: INK.muted,
        anchor: 'end',
        ...TICK,
      }),
    ),
    ...grid.impacts.map((impact, column) =>
      text({
        lines: [String(impact)],
        x: grid.x + column * grid.cellWidth + grid.cellWidth / 2,
        top: grid.y + grid.height + 4,
        fill: INK.muted,
        anchor: 'middle',
        ...TICK,
      }),
    ),
  ];
}

function drawAxes(grid: Grid, impactTitleTop: number): Shape[] {
  const cx = MARGIN + 4 + AXIS.lineHeight / 2;
  const cy = grid.y + grid.height / 2;
  return [
    text({
      lines: ['Impact'],
      x: grid.x + grid.width / 2,
      top: impactTitleTop,
      fill: INK.text,
      anchor: 'middle',
      ...AXIS,
    }),
    likelihoodTitle(cx, cy, AXIS),
  ];
}

/** "Likelihood" read bottom to top, centred on (`cx`, `cy`): the vertical axis title of both matrices. */
export function likelihoodTitle(
  cx: number,
  cy: number,
  style: { readonly fontSize: number; readonly lineHeight: number; readonly bold: boolean },
): Shape {
  const title = text({
    lines: ['Likelihood'],
    x: cx,
    top: cy - style.lineHeight / 2,
    fill: INK.text,
    anchor: 'middle',
    ...style,
  });
  return group({}, [title], { rotate: { angle: -90, cx, cy } });
}

/** The levels, highest first, each with its score range and this system's count; then the unrated count. */
function drawLegend(
  risk: SystemRisk,
  levels: Comparison['levels'],
  legendX: number,
  top: number,
  measure: TextMeasure,
) {
  const legendRows = [...levels].reverse().map((level) => {
    const count = risk.counts[level.id];
    return {
      level,
      note: `Score ${level.min}–${level.max} · ${count} ${count === 1 ? 'threat' : 'threats'}`,
    };
  });
  const legendRowHeight = LEGEND.lineHeight + LEGEND_NOTE.lineHeight + 10;
  const legend = legendRows.map(({ level, note }, i) => {
    const rowTop = top + i * legendRowHeight;
    return group({ id: `risk-${risk.system.id}-legend-${level.id}` }, [
      rectangle({
        x: legendX,
        y: rowTop + (LEGEND.lineHeight - SWATCH) / 2,
        width: SWATCH,
        height: SWATCH,
        rx: 3,
        fill: TONES[level.id].fill,
        stroke: TONES[level.id].strong,
      }),
      text({ lines: [level.label], x: legendX + SWATCH + 8, top: rowTop, fill: INK.text, ...LEGEND }),
      text({
        lines: [note],
        x: legendX + SWATCH + 8,
        top: rowTop + LEGEND.lineHeight,
        fill: INK.muted,
        ...LEGEND_NOTE,
      }),
    ]);
  });
  const unratedNote =
    risk.unrated > 0 ? `${risk.unrated} ${risk.unrated === 1 ? 'threat' : 'threats'} not rated` : undefined;
  const unrated = unratedNote
    ? [
        text({
          lines: [unratedNote],
          x: legendX,
          top: top + legendRows.length * legendRowHeight,
          fill: INK.muted,
          ...LEGEND_NOTE,
        }),
      ]
    : [];
  const legendWidth = Math.max(
    ...legendRows.map(
      ({ level, note }) =>
        SWATCH +
        8 +
        Math.max(measure.width(level.label, LEGEND.fontSize, true), measure.width(note, LEGEND_NOTE.fontSize)),
    ),
    unratedNote ? measure.width(unratedNote, LEGEND_NOTE.fontSize) : 0,
  );
  return {
    shapes: [...legend, ...unrated],
    right: legendX + legendWidth,
    bottom: top + (legendRows.length + 1) * legendRowHeight,
  };
}

function keysIn(cell: Cell, cellWidth: number, measure: TextMeasure): string[] {
  return wrapText(measure, cell.threats.join(' '), KEY, cellWidth - 2 * CELL_PADDING);
}

function pickCellWidth(cells: readonly Cell[], measure: TextMeasure): number {
  const fits = (width: number) => cells.every((c) => keysIn(c, width, measure).length <= 3);
  return CELL_WIDTHS.find(fits) ?? CELL_WIDTHS[2];
}

/** The matrix in words, for its <desc>: both the full and the compact drawing say the same. */
export function describeMatrix(risk: SystemRisk, system: string, levels: Comparison['levels']): string {
  const placed = risk.cells
    .filter((c) => c.threats.length > 0)
    .sort((a, b) => b.score - a.score || b.likelihood - a.likelihood)
    .map((c) => {
      const level = levels.find((l) => l.id === c.level)?.label ?? c.level;
      return `${c.threats.join(', ')}: likelihood ${c.likelihood}, impact ${c.impact}, score ${c.score} (${level})`;
    });
  const unrated = risk.unrated > 0 ? ` ${risk.unrated} not rated.` : '';
  const body = placed.length > 0 ? `${placed.join('; ')}.` : 'No rated threats.';
  return `Likelihood by impact for ${system}, risk = likelihood × impact. ${body}${unrated}`;
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)];
}
