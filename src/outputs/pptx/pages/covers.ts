import { CONTENT_WIDTH, FRAME } from '../../../plan/geometry.js';
import type { PageRenderer } from '../env.js';
import type { PlanText } from '../rich.js';
import type { Paragraph } from '../runs.js';
import { addText, textProps } from '../text.js';
import { THEME, xmlSafe } from '../units.js';

const X = FRAME.padX + 14;
const WIDTH = CONTENT_WIDTH - 14;

/** The title slide: classification, title, subtitle, and version, date, authors, audience under a rule. */
export const title: PageRenderer = (page, env) => {
  const data = page.data as {
    subtitle: PlanText;
    version: string;
    date: string;
    authors: string;
    classification: string | undefined;
    audience: string | undefined;
  };
  const { slide, fonts, rich, measure } = env;
  let y = env.top + 56;
  if (data.classification !== undefined) {
    const label = xmlSafe(data.classification.toUpperCase());
    const width = measure.width(label, 16, true) * 1.15 + 28;
    slide.addText(label, {
      x: X / 96,
      y: y / 96,
      w: width / 96,
      h: 32 / 96,
      margin: 0,
      align: 'center',
      valign: 'middle',
      fill: { color: THEME.band },
      color: THEME.white,
      bold: true,
      fontFace: fonts.family,
      fontSize: 12,
      charSpacing: 1.2,
    });
    y += 32 + 28;
  }
  const heading = (text: PlanText, size: number, lineHeight: number, color: string, gap: number, bold = false) => {
    const plain = rich.plain(text);
    const lines = Math.max(1, Math.ceil((measure.width(plain, size, bold) * 1.02) / WIDTH));
    const height = lines * size * lineHeight;
    const paragraph: Paragraph = { runs: rich.runs(text), blockEnd: false };
    addText(slide, textProps([paragraph], { size, lineHeight, color, bold, gap: 0 }, fonts), {
      x: X,
      y,
      w: WIDTH,
      h: height,
    });
    y += height + gap;
  };
  heading(page.title, 50, 1.12, THEME.accent, 20, true);
  if (data.subtitle !== undefined) heading(data.subtitle, 27, 1.3, THEME.muted, 40);
  const meta: [string, string][] = [
    ['Version', data.version],
    ['Date', data.date],
    ['Authors', data.authors],
    ...(data.classification === undefined ? [] : [['Classification', data.classification] as [string, string]]),
    ...(data.audience === undefined ? [] : [['Audience', data.audience] as [string, string]]),
  ];
  slide.addShape('line', { x: X / 96, y: y / 96, w: WIDTH / 96, h: 0, line: { color: THEME.rule, width: 0.75 } });
  y += 16;
  const columns = Math.min(4, meta.length);
  const width = WIDTH / columns;
  meta.forEach(([label, value], i) => {
    const row = Math.floor(i / columns);
    const paragraphs: Paragraph[] = [
      {
        runs: [{ text: label.toUpperCase() }],
        blockEnd: false,
        look: { size: 15, lineHeight: 1.4, color: THEME.muted },
      },
      { runs: [{ text: xmlSafe(value) }], blockEnd: false },
    ];
    addText(slide, textProps(paragraphs, { size: 19, lineHeight: 1.4, gap: 0 }, fonts), {
      x: X + (i % columns) * width,
      y: y + row * 90,
      w: width - 16,
      h: 84,
    });
  });
};

/** A part's divider: its number, title, lead sentence and what follows. */
export const divider: PageRenderer = (page, env) => {
  const data = page.data as { number: number; lead: string; contents: PlanText[] };
  const { slide, fonts, rich } = env;
  const paragraphs: Paragraph[] = [
    {
      runs: [{ text: `PART ${data.number}` }],
      blockEnd: false,
      look: { size: 22, lineHeight: 1.4, color: THEME.muted },
      spaceBefore: 0,
    },
    {
      runs: rich.runs(page.title, { bold: true }),
      blockEnd: false,
      look: { size: 52, lineHeight: 1.1, color: THEME.accent },
    },
    ...(data.lead
      ? [
          {
            runs: [{ text: xmlSafe(data.lead) }],
            blockEnd: false,
            look: { size: 26, lineHeight: 1.4 },
            spaceBefore: 18,
          },
        ]
      : []),
    ...data.contents.map(
      (c, i): Paragraph => ({
        runs: rich.runs(c),
        list: { ordered: false, number: i + 1, depth: 0 },
        blockEnd: false,
        look: { size: 21, lineHeight: 1.4, color: THEME.muted },
        ...(i === 0 ? { spaceBefore: 20 } : {}),
      }),
    ),
  ];
  addText(slide, textProps(paragraphs, { size: 21, lineHeight: 1.4, gap: 0 }, fonts), {
    x: X,
    y: env.top + 100,
    w: WIDTH,
    h: 660 - env.top - 100,
  });
};
