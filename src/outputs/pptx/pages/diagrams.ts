import { TONES } from '../../../diagram/palette.js';
import { CONTENT_WIDTH, FRAME, TEXT } from '../../../plan/geometry.js';
import type { PlanDiagram } from '../../../plan/index.js';
import { drawDiagram } from '../diagram.js';
import type { PageEnv, PageRenderer } from '../env.js';
import type { PlanText } from '../rich.js';
import type { Paragraph, Run } from '../runs.js';
import { addText, textProps } from '../text.js';
import { hex, inch, THEME, xmlSafe } from '../units.js';
import { drawIntro } from './text.js';

/** A diagram as the deck shows it: centred in a column `width` wide from `x`, at the size the plan fitted. */
function place(env: PageEnv, view: PlanDiagram, x: number, y: number, width: number): void {
  const scale = view.width / view.drawing.width;
  const target = { slide: env.slide, fonts: env.fonts, measure: env.measure, connectors: env.connectors };
  drawDiagram(target, view.drawing, { x: x + (width - view.width) / 2, y, scale });
}

export const flow: PageRenderer = (page, env) => {
  const data = page.data as { description: PlanText; diagram: PlanDiagram };
  const y = drawIntro(env, data.description, env.top);
  place(env, data.diagram, FRAME.padX, y, CONTENT_WIDTH);
};

const CHART_GAP = 24;

export const scoreCharts: PageRenderer = (page, env) => {
  const data = page.data as { charts: PlanDiagram[] };
  const count = data.charts.length;
  const width = (CONTENT_WIDTH - (count - 1) * CHART_GAP) / Math.max(1, count);
  data.charts.forEach((chart, i) => {
    place(env, chart, FRAME.padX + i * (width + CHART_GAP), env.top, width);
  });
};

const MATRIX_GAP = 20;
const KEY = { size: 16, lineHeight: 1.3 } as const;
const KEY_COLUMNS = 3;

/** The matrices side by side, each under its system's name, and one key of levels and threats under them. */
export const riskMatrix: PageRenderer = (page, env) => {
  const data = page.data as {
    count: number;
    matrices: { system: PlanText; diagram: PlanDiagram }[];
    threats: { key: string; title: PlanText; plain: string }[];
    levels: { level: string; label: string; range: string }[];
  };
  const width = (CONTENT_WIDTH - (data.count - 1) * MATRIX_GAP) / data.count;
  let bottom = env.top;
  data.matrices.forEach((m, i) => {
    const x = FRAME.padX + i * (width + MATRIX_GAP);
    const height = env.estimate.text(env.rich.plain(m.system), width, TEXT.h3, 'bold');
    const heading: Paragraph = { runs: env.rich.runs(m.system, { bold: true }), blockEnd: false };
    addText(env.slide, textProps([heading], { ...TEXT.h3, color: THEME.ink, gap: 0 }, env.fonts), {
      x,
      y: env.top,
      w: width,
      h: height,
    });
    const y = env.top + height + TEXT.blockGap * TEXT.h3.size;
    place(env, m.diagram, x, y, width);
    bottom = Math.max(bottom, y + m.diagram.height);
  });
  drawKey(env, data, bottom + 12);
};

function drawKey(
  env: PageEnv,
  data: {
    threats: { key: string; title: PlanText; plain: string }[];
    levels: { level: string; label: string; range: string }[];
  },
  top: number,
): void {
  const lineHeight = KEY.size * KEY.lineHeight;
  // The levels line: a swatch in each level's matrix colour, then its name and score range.
  let x = FRAME.padX;
  const levelRuns: [string, string][] = [
    ...data.levels.map((l): [string, string] => [l.level, `${l.label} ${l.range}`]),
    ['', 'Cells show the score, likelihood × impact'],
  ];
  for (const [level, label] of levelRuns) {
    const tone = TONES[level as keyof typeof TONES];
    if (tone) {
      env.slide.addShape('rect', {
        x: inch(x),
        y: inch(top + (lineHeight - 14) / 2),
        w: inch(14),
        h: inch(14),
        fill: { color: hex(tone.fill) },
        line: { color: THEME.rule, width: 0.75 },
      });
      x += 20;
    }
    const width = env.measure.width(label, KEY.size) * 1.04 + 4;
    addText(
      env.slide,
      textProps(
        [{ runs: [{ text: xmlSafe(label) }], blockEnd: false }],
        { ...KEY, color: THEME.muted, gap: 0 },
        env.fonts,
      ),
      {
        x,
        y: top,
        w: width,
        h: lineHeight,
      },
      { wrap: false },
    );
    x += width + 20;
  }
  // The threats fill the key row by row, as the deck's grid does; a row is as tall as its tallest entry.
  const columnWidth = (CONTENT_WIDTH - (KEY_COLUMNS - 1) * 24) / KEY_COLUMNS;
  let y = top + lineHeight + 8;
  for (let i = 0; i < data.threats.length; i += KEY_COLUMNS) {
    const row = data.threats.slice(i, i + KEY_COLUMNS);
    const height = Math.max(...row.map((t) => env.estimate.text(`${t.key} ${t.plain}`, columnWidth, KEY, 'bold')));
    row.forEach((t, c) => {
      const paragraph: Paragraph = {
        runs: [{ text: `${xmlSafe(t.key)} `, bold: true } as Run, ...env.rich.runs(t.title)],
        blockEnd: false,
      };
      addText(env.slide, textProps([paragraph], { ...KEY, gap: 0 }, env.fonts), {
        x: FRAME.padX + c * (columnWidth + 24),
        y,
        w: columnWidth,
        h: height,
      });
    });
    y += height;
  }
}
