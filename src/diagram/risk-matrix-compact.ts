import type { Comparison } from '../model/comparison.js';
import { plainLabel } from './label.js';
import type { TextMeasure } from './measure.js';
import { INK, TONES } from './palette.js';
import { describeMatrix, likelihoodTitle } from './risk-matrix.js';
import { type DiagramSvg, group, rectangle, type Shape, svgDocument, text } from './svg.js';

type SystemRisk = Comparison['risk'][number];

/** Every label at least 14 px: the matrix is drawn at the size it is shown, never scaled down. */
const KEY = { fontSize: 14, lineHeight: 17, bold: true } as const;
const SCORE = { fontSize: 14, lineHeight: 17 } as const;
const TICK = { fontSize: 14, lineHeight: 17 } as const;
const AXIS = { fontSize: 14, lineHeight: 17, bold: true } as const;
const PAD = 3;
const AXIS_BAND = AXIS.lineHeight + 4;
const TICK_BAND = 14;
/** Cells no larger than this, however much room the box has. */
const MAX_CELL = { width: 110, height: 90 } as const;

/**
 * One system's threats on the likelihood × impact grid, drawn to fill at most `box` with no text under 14 px
 * and no legend (the slide shows one key for all matrices). `undefined` when the threat keys of a cell would
 * not fit in that box: the caller gives the matrix more room.
 */
export function renderCompactRiskMatrix(
  risk: SystemRisk,
  levels: Comparison['levels'],
  measure: TextMeasure,
  box: { readonly width: number; readonly height: number },
): DiagramSvg | undefined {
  const id = `risk-${risk.system.id}`;
  const likelihoods = [...new Set(risk.cells.map((c) => c.likelihood))].sort((a, b) => b - a);
  const impacts = [...new Set(risk.cells.map((c) => c.impact))].sort((a, b) => a - b);
  const gridX = AXIS_BAND + TICK_BAND;
  const cellWidth = Math.min(MAX_CELL.width, Math.floor((box.width - gridX - PAD) / Math.max(1, impacts.length)));
  const cellHeight = Math.min(
    MAX_CELL.height,
    Math.floor((box.height - TICK.lineHeight - AXIS.lineHeight - 2 * PAD) / Math.max(1, likelihoods.length)),
  );
  const inner = cellWidth - 2 * PAD;
  const keyLines = (c: (typeof risk.cells)[number]) =>
    packKeys(c.threats, inner, inner - measure.width(String(c.score), SCORE.fontSize) - 6, (t) =>
      measure.width(t, KEY.fontSize, true),
    );
  const fits = risk.cells.every((c) => {
    const lines = keyLines(c);
    return lines !== undefined && Math.max(1, lines.length) * KEY.lineHeight + 2 * PAD <= cellHeight;
  });
  if (!fits || cellWidth < 36) return undefined;

  const gridHeight = likelihoods.length * cellHeight;
  const gridWidth = impacts.length * cellWidth;
  const cells = risk.cells.map((cell) =>
    drawCell(cell, {
      id,
      x: gridX + impacts.indexOf(cell.impact) * cellWidth,
      y: likelihoods.indexOf(cell.likelihood) * cellHeight,
      width: cellWidth,
      height: cellHeight,
      lines: keyLines(cell) ?? [],
      level: levels.find((l) => l.id === cell.level)?.label ?? cell.level,
    }),
  );
  const axisY = gridHeight + 2 + TICK.lineHeight;
  const axes = axesOf({ likelihoods, impacts, gridX, cellWidth, cellHeight });
  const system = plainLabel(risk.system.name);
  return svgDocument(measure, {
    id,
    width: gridX + gridWidth + PAD,
    height: axisY + AXIS.lineHeight + PAD,
    title: `Risk matrix: ${system}`,
    description: describeMatrix(risk, system, levels),
    shapes: [...cells, ...axes],
  });
}

type Cell = SystemRisk['cells'][number];

interface Grid {
  readonly likelihoods: readonly number[];
  readonly impacts: readonly number[];
  readonly gridX: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
}

/** The tick numbers along both axes and the axis titles. */
function axesOf(grid: Grid): Shape[] {
  const { likelihoods, impacts, gridX, cellWidth, cellHeight } = grid;
  const gridHeight = likelihoods.length * cellHeight;
  const gridWidth = impacts.length * cellWidth;
  const axisY = gridHeight + 2 + TICK.lineHeight;
  const tick = (label: string, x: number, top: number, anchor: 'middle' | 'end') =>
    text({ lines: [label], x, top, fill: INK.muted, anchor, ...TICK });
  const ticks = [
    ...likelihoods.map((l, row) =>
      tick(String(l), gridX - 3, row * cellHeight + (cellHeight - TICK.lineHeight) / 2, 'end'),
    ),
    ...impacts.map((impact, column) =>
      tick(String(impact), gridX + column * cellWidth + cellWidth / 2, gridHeight + 2, 'middle'),
    ),
  ];
  const cx = AXIS.lineHeight / 2;
  const cy = gridHeight / 2;
  return [
    ...ticks,
    text({ lines: ['Impact'], x: gridX + gridWidth / 2, top: axisY, fill: INK.text, anchor: 'middle', ...AXIS }),
    likelihoodTitle(cx, cy, AXIS),
  ];
}

interface CellPlace {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  readonly level: string;
}

/** A cell: its level's colour, its score at the top right, the keys of its threats from the top left. */
function drawCell(cell: Cell, at: CellPlace): Shape {
  const tone = TONES[cell.level];
  const summary = `Likelihood ${cell.likelihood}, impact ${cell.impact}: score ${cell.score}, ${at.level}${
    cell.threats.length > 0 ? `; ${cell.threats.join(', ')}` : ''
  }`;
  return group(
    { id: `${at.id}-cell-${cell.likelihood}-${cell.impact}` },
    [
      rectangle({ x: at.x, y: at.y, width: at.width, height: at.height, fill: tone.fill, stroke: INK.background }),
      text({
        lines: [String(cell.score)],
        x: at.x + at.width - PAD,
        top: at.y + PAD - 2,
        fill: tone.ink,
        anchor: 'end',
        ...SCORE,
      }),
      text({ lines: at.lines, x: at.x + PAD, top: at.y + PAD, fill: INK.text, ...KEY }),
    ],
    { title: summary },
  );
}

/**
 * Threat keys in lines of at most `width` px, the first line `firstWidth` (the score sits at its end);
 * `undefined` when a key is wider than a line.
 */
function packKeys(
  keys: readonly string[],
  width: number,
  firstWidth: number,
  measure: (text: string) => number,
): string[] | undefined {
  const room = (line: number) => (line === 0 ? firstWidth : width);
  const lines: string[] = [];
  for (const key of keys) {
    const last = lines.length - 1;
    const joined = last < 0 ? key : lines[last] === '' ? key : `${lines[last]} ${key}`;
    if (last >= 0 && measure(joined) <= room(last)) lines[last] = joined;
    else if (measure(key) <= room(lines.length)) lines.push(key);
    // A key too wide beside the score starts under it.
    else if (lines.length === 0 && measure(key) <= width) lines.push('', key);
    else return undefined;
  }
  return lines;
}
