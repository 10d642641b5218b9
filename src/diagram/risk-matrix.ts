import type { Comparison } from '../model/comparison.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK, TONES } from './palette.js';
import { type DiagramSvg, element, escapeXml, num, svgDocument, textBlock } from './svg.js';
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
  const cells = risk.cells.map((cell) => drawCell(cell, keyLines.get(cell) ?? [], grid, levels, measure));
  const impactTitleTop = grid.y + grid.height + 4 + TICK.lineHeight + 2;
  const legend = drawLegend(risk, levels, grid.x + grid.width + 28, grid.y, measure);
  const title = `Risk matrix: ${system}`;
  return svgDocument({
    id,
    width: legend.right + MARGIN,
    height: Math.max(impactTitleTop + AXIS.lineHeight, legend.bottom) + MARGIN,
    title,
    description: describeMatrix(risk, system, levels),
    body: cells.join('') + drawTicks(grid, measure) + drawAxes(grid, impactTitleTop, measure) + legend.svg,
  });
}

function drawCell(
  cell: Cell,
  lines: readonly string[],
  grid: Grid,
  levels: Comparison['levels'],
  measure: TextMeasure,
): string {
  const { cellWidth, cellHeight } = grid;
  const x = grid.x + grid.impacts.indexOf(cell.impact) * cellWidth;
  const y = grid.y + grid.likelihoods.indexOf(cell.likelihood) * cellHeight;
  const tone = TONES[cell.level];
  const level = levels.find((l) => l.id === cell.level)?.label ?? cell.level;
  const summary = `Likelihood ${cell.likelihood}, impact ${cell.impact}: score ${cell.score}, ${level}${
    cell.threats.length > 0 ? `; ${cell.threats.join(', ')}` : ''
  }`;
  return element(
    'g',
    { id: `${grid.id}-cell-${cell.likelihood}-${cell.impact}` },
    element('title', {}, escapeXml(summary)) +
      element('rect', {
        x,
        y,
        width: cellWidth,
        height: cellHeight,
        fill: tone.fill,
        stroke: INK.background,
        'stroke-width': 2,
      }) +
      textBlock(measure, {
        lines: [String(cell.score)],
        x: x + cellWidth - CELL_PADDING,
        top: y + CELL_PADDING - 2,
        fill: tone.ink,
        anchor: 'end',
        ...SCORE,
      }) +
      textBlock(measure, {
        lines: [...lines],
        x: x + cellWidth / 2,
        top: y + (cellHeight - lines.length * KEY.lineHeight + SCORE.lineHeight) / 2,
        fill: INK.text,
        anchor: 'middle',
        ...KEY,
      }),
  );
}

function drawTicks(grid: Grid, measure: TextMeasure): string {
  return [
    ...grid.likelihoods.map((l, row) =>
      textBlock(measure, {
        lines: [String(l)],
        x: grid.x - 8,
        top: grid.y + row * grid.cellHeight + (grid.cellHeight - TICK.lineHeight) / 2,
        fill: INK.muted,
        anchor: 'end',
        ...TICK,
      }),
    ),
    ...grid.impacts.map((impact, column) =>
      textBlock(measure, {
        lines: [String(impact)],
        x: grid.x + column * grid.cellWidth + grid.cellWidth / 2,
        top: grid.y + grid.height + 4,
        fill: INK.muted,
        anchor: 'middle',
        ...TICK,
      }),
    ),
  ].join('');
}

function drawAxes(grid: Grid, impactTitleTop: number, measure: TextMeasure): string {
  return (
    textBlock(measure, {
      lines: ['Impact'],
      x: grid.x + grid.width / 2,
      top: impactTitleTop,
      fill: INK.text,
      anchor: 'middle',
      ...AXIS,
    }) +
    element(
      'g',
      { transform: `rotate(-90 ${num(MARGIN + 4 + AXIS.lineHeight / 2)} ${num(grid.y + grid.height / 2)})` },
      textBlock(measure, {
        lines: ['Likelihood'],
        x: MARGIN + 4 + AXIS.lineHeight / 2,
        top: grid.y + grid.height / 2 - AXIS.lineHeight / 2,
        fill: INK.text,
        anchor: 'middle',
        ...AXIS,
      }),
    )
  );
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
  const legend = legendRows
    .map(({ level, note }, i) => {
      const rowTop = top + i * legendRowHeight;
      return element(
        'g',
        { id: `risk-${risk.system.id}-legend-${level.id}` },
        element('rect', {
          x: legendX,
          y: rowTop + (LEGEND.lineHeight - SWATCH) / 2,
          width: SWATCH,
          height: SWATCH,
          rx: 3,
          fill: TONES[level.id].fill,
          stroke: TONES[level.id].strong,
        }) +
          textBlock(measure, {
            lines: [level.label],
            x: legendX + SWATCH + 8,
            top: rowTop,
            fill: INK.text,
            ...LEGEND,
          }) +
          textBlock(measure, {
            lines: [note],
            x: legendX + SWATCH + 8,
            top: rowTop + LEGEND.lineHeight,
            fill: INK.muted,
            ...LEGEND_NOTE,
          }),
      );
    })
    .join('');
  const unratedNote =
    risk.unrated > 0 ? `${risk.unrated} ${risk.unrated === 1 ? 'threat' : 'threats'} not rated` : undefined;
  const unrated = unratedNote
    ? textBlock(measure, {
        lines: [unratedNote],
        x: legendX,
        top: top + legendRows.length * legendRowHeight,
        fill: INK.muted,
        ...LEGEND_NOTE,
      })
    : '';
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
    svg: legend + unrated,
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
