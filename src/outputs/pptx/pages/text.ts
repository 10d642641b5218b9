import type { Token } from 'marked';
import { CONTENT_WIDTH, FRAME, LIST, LIST_COLUMN_WIDTH, TABLE, TEXT } from '../../../plan/geometry.js';
import type { PageEnv, PageRenderer } from '../env.js';
import type { PlanText } from '../rich.js';
import { blocks, type Paragraph, type Run, runsText } from '../runs.js';
import { addTable } from '../table.js';
import { addText, textProps } from '../text.js';
import { THEME, xmlSafe } from '../units.js';

const BODY = { size: TEXT.body.size, lineHeight: TEXT.body.lineHeight } as const;
const SMALL = { size: TEXT.small.size, lineHeight: TEXT.small.lineHeight } as const;

/**
 * Markdown blocks from `y` down, `width` wide: text as text boxes, tables as tables, each as tall as the deck's
 * estimate of it (the same numbers that paginated it). Returns the y under the last block.
 */
export function drawMarkdown(
  env: PageEnv,
  tokens: readonly Token[],
  y: number,
  look: { size: number; lineHeight: number } = BODY,
  x: number = FRAME.padX,
  width: number = CONTENT_WIDTH,
): number {
  let top = y;
  let run: Token[] = [];
  const style = look === BODY ? TEXT.body : TEXT.small;
  const flush = () => {
    if (run.length === 0) return;
    const height = env.estimate.blocks(run, width, style);
    const paragraphs = blocks(run, env.rich.targets).flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));
    addText(env.slide, textProps(paragraphs, look, env.fonts), { x, y: top, w: width, h: height });
    top += height;
    run = [];
  };
  for (const token of tokens) {
    if (token.type !== 'table') {
      run.push(token);
      continue;
    }
    flush();
    const table = blocks([token], env.rich.targets)[0];
    if (table?.kind !== 'table') continue;
    const heights = env.estimate.tableRows(token as Parameters<typeof env.estimate.tableRows>[0], width);
    const cell = (runs: readonly Run[]): Paragraph[] => [{ runs, blockEnd: false }];
    addTable(
      env.slide,
      {
        columns: markdownColumns(env, [table.header, ...table.rows]),
        header: table.header.map(cell),
        rows: table.rows.map((row) => row.map(cell)),
        x,
        width,
      },
      top,
      env.fonts,
    );
    top += heights.reduce((a, b) => a + b, 0) + TEXT.blockGap * style.size;
  }
  flush();
  return top;
}

/**
 * A Markdown table's columns as the deck sets them (and its estimate measures them): each as wide as its
 * longest cell on one line, in proportion.
 */
function markdownColumns(env: PageEnv, rows: readonly (readonly (readonly Run[])[])[]): number[] {
  const pad = 2 * TABLE.padX + TABLE.border;
  const longest = (rows[0] ?? []).map(
    (_, c) => Math.max(...rows.map((r) => env.measure.width(runsText(r[c] ?? []), TABLE.text.size))) + pad,
  );
  const total = longest.reduce((a, b) => a + b, 0) || 1;
  return longest.map((w) => w / total);
}

const markdownOf = (env: PageEnv, value: PlanText): Token[] =>
  value !== undefined && typeof value === 'object' && 'markdown' in value
    ? env.rich.tokens(value.markdown)
    : [
        {
          type: 'paragraph',
          raw: '',
          text: env.rich.plain(value),
          tokens: [{ type: 'text', raw: '', text: env.rich.plain(value) }],
        } as Token,
      ];

export const narrative: PageRenderer = (page, env) => {
  const data = page.data as { blocks: PlanText[] };
  let y = env.top;
  // Blocks of the deck are apart by a paragraph's gap, which the last paragraph of each keeps below it.
  for (const block of data.blocks) y = drawMarkdown(env, markdownOf(env, block), y) + TEXT.blockGap * TEXT.body.size;
};

/** An introduction above a table or diagram, in the deck's small text; returns the y under it. */
export function drawIntro(env: PageEnv, value: PlanText, y: number): number {
  if (value === undefined) return y;
  return drawMarkdown(env, markdownOf(env, value), y, SMALL);
}

interface ListData<I> {
  readonly columns: boolean;
  readonly lists: readonly { start: number; items: readonly I[] }[];
}

function drawLists<I>(
  env: PageEnv,
  data: ListData<I>,
  item: (i: I, n: number) => Paragraph[],
  look: { size: number; lineHeight: number } = BODY,
): void {
  const width = data.columns ? LIST_COLUMN_WIDTH : CONTENT_WIDTH;
  data.lists.forEach((list, column) => {
    const paragraphs = list.items.flatMap((i, k) => item(i, list.start + k));
    const x = FRAME.padX + column * (LIST_COLUMN_WIDTH + LIST.columnGap);
    addText(env.slide, textProps(paragraphs, { ...look, gap: 0 }, env.fonts), {
      x,
      y: env.top,
      w: width,
      h: 660 - env.top,
    });
  });
}

export const agenda: PageRenderer = (page, env) => {
  const data = page.data as ListData<{ title: PlanText; href: string }>;
  drawLists(env, data, (entry, n) => {
    const slide = env.rich.targets.anchor(entry.href.replace(/^#\//, ''));
    const runs = env.rich.runs(entry.title, slide === undefined ? {} : { link: { slide } });
    return [
      {
        runs,
        list: { ordered: true, number: n, depth: 0 },
        blockEnd: false,
        spaceAfter: TEXT.entryGap,
      },
    ];
  });
};

export const references: PageRenderer = (page, env) => {
  const data = page.data as ListData<{ number: number; title: PlanText; url: string; note: PlanText }>;
  const detail = { size: LIST.detail.size, lineHeight: LIST.detail.lineHeight, color: THEME.muted };
  drawLists(
    env,
    data,
    (r) => {
      const url = xmlSafe(r.url);
      const link = /^(?:https?:\/\/|mailto:)/i.test(url) ? { url } : undefined;
      return [
        {
          runs: [
            { text: `[${r.number}] `, bold: true, color: THEME.muted },
            ...env.rich.runs(r.title, link ? { link } : {}),
          ],
          blockEnd: false,
        },
        { runs: [{ text: url }], blockEnd: false, look: detail },
        ...env.rich.paragraphs(r.note).map((p) => ({ ...p, look: { ...detail, color: THEME.ink }, blockEnd: false })),
        { runs: [{ text: ' ' }], blockEnd: false, look: { size: TEXT.entryGap, lineHeight: 1 } },
      ];
    },
    { size: LIST.reference.size, lineHeight: LIST.reference.lineHeight },
  );
};
