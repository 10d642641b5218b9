import type { Content } from 'pdfmake/interfaces.js';
import { LIST, LIST_COLUMN_WIDTH, TEXT } from '../../plan/geometry.js';
import type { BadgeView, MarkdownText, NumberedPage, PlanDiagram } from '../../plan/index.js';
import type { Draw } from './draw.js';
import { ITEM_BODIES } from './item-tables.js';
import { badgeColours, INK, size, spacer } from './look.js';
import { type Body, destination, TABLE_BODIES } from './tables.js';

type MT = MarkdownText;

const title: Body = (d, page) => {
  const data = page.data as {
    subtitle?: MT;
    version: string;
    date: string;
    authors: string;
    classification?: string;
    audience?: string;
  };
  const meta = [
    ['Version', data.version],
    ['Date', data.date],
    ['Authors', data.authors],
    ...(data.classification ? [['Classification', data.classification]] : []),
    ...(data.audience ? [['Audience', data.audience]] : []),
  ];
  return [
    spacer(40 * d.u),
    ...(data.classification
      ? [
          {
            text: ` ${data.classification.toUpperCase()} `,
            background: INK.band,
            color: '#ffffff',
            bold: true,
            fontSize: 16 * d.u,
            margin: [0, 0, 0, 28 * d.u],
          } as Content,
        ]
      : []),
    {
      text: d.runs(page.title),
      ...size(d, { size: 50, lineHeight: 1.12 }),
      color: INK.accent,
      margin: [0, 0, 0, 20 * d.u],
    },
    ...(data.subtitle
      ? [{ text: d.runs(data.subtitle), fontSize: 27 * d.u, color: INK.muted, margin: [0, 0, 0, 40 * d.u] } as Content]
      : []),
    {
      columns: meta.map(([label, value]) => ({
        width: 'auto',
        stack: [
          { text: (label ?? '').toUpperCase(), fontSize: 15 * d.u, color: INK.muted },
          { text: value ?? '', fontSize: 19 * d.u },
        ],
      })),
      columnGap: 56 * d.u,
    },
  ];
};

const divider: Body = (d, page) => {
  const data = page.data as { number: number; lead: string; contents: MT[] };
  return [
    spacer(84 * d.u),
    { text: `PART ${data.number}`, fontSize: 22 * d.u, color: INK.muted, margin: [0, 0, 0, 8 * d.u] },
    {
      text: d.runs(page.title),
      ...size(d, { size: 52, lineHeight: 1.1 }),
      color: INK.accent,
      margin: [0, 0, 0, 18 * d.u],
    },
    ...(data.lead ? [{ text: data.lead, fontSize: 26 * d.u, margin: [0, 0, 0, 20 * d.u] } as Content] : []),
    ...(data.contents.length > 0
      ? [{ ul: data.contents.map((c) => ({ text: d.runs(c) })), fontSize: 21 * d.u, color: INK.muted } as Content]
      : []),
  ];
};

/** Lists of the agenda and the references: one column, or two side by side. */
function listColumns(d: Draw, columns: boolean, lists: Content[]): Content[] {
  if (!columns) return lists;
  return [
    { columns: lists.map((l) => ({ width: LIST_COLUMN_WIDTH * d.u, stack: [l] })), columnGap: LIST.columnGap * d.u },
  ];
}

const agenda: Body = (d, page) => {
  const data = page.data as { columns: boolean; lists: { start: number; items: { title: MT; href: string }[] }[] };
  return listColumns(
    d,
    data.columns,
    data.lists.map((list) => ({
      ol: list.items.map((item) => ({
        text: d.runs(item.title, { linkToDestination: destination(item.href) }),
        margin: [0, 0, 0, TEXT.entryGap * d.u],
      })),
      start: list.start,
      ...size(d, TEXT.body),
      markerColor: INK.muted,
    })),
  );
};

const references: Body = (d, page) => {
  const data = page.data as {
    columns: boolean;
    lists: { start: number; items: { anchor: string; number: number; title: MT; url: string; note?: MT }[] }[];
  };
  const detail = size(d, LIST.detail);
  return listColumns(
    d,
    data.columns,
    data.lists.map((list) => ({
      stack: list.items.map((item) => ({
        stack: [
          {
            // Citations link here: pdfmake names destinations only after the ids of text nodes.
            id: item.anchor,
            text: [
              { text: `[${item.number}] `, color: INK.muted, bold: true },
              ...d.runs(item.title, { link: item.url, color: INK.accent }),
            ],
          },
          { text: item.url, ...detail, color: INK.muted },
          ...(item.note ? [{ ...(d.block(item.note, LIST.detail) as object) } as Content] : []),
        ],
        margin: [0, 0, 0, TEXT.entryGap * d.u],
      })),
      ...size(d, LIST.reference),
    })),
  );
};

const narrative: Body = (d, page) => (page.data as { blocks: MT[] }).blocks.map((b) => d.block(b, TEXT.body));

const flow: Body = (d, page) => {
  const data = page.data as { description?: MT; diagram: PlanDiagram };
  return [
    ...(data.description
      ? [
          {
            ...(d.block(data.description, TEXT.small) as object),
            margin: [0, 0, 0, TEXT.blockGap * TEXT.small.size * d.u],
          } as Content,
        ]
      : []),
    { ...(d.figure(data.diagram) as object), alignment: 'center' } as Content,
  ];
};

const scoreCharts: Body = (d, page) => {
  const charts = (page.data as { charts: PlanDiagram[] }).charts;
  if (charts.length < 2) return charts.map((c) => d.figure(c));
  return [{ columns: charts.map((c) => ({ width: '*', stack: [d.figure(c, d.width / 2)] })), columnGap: 24 * d.u }];
};

const riskMatrix: Body = (d, page) => {
  const data = page.data as {
    count: number;
    matrices: { system: MT; diagram: PlanDiagram }[];
    threats: { key: string; title: MT }[];
    levels: (BadgeView & { range: string })[];
  };
  const key = size(d, { size: 16, lineHeight: 1.3 });
  const swatch = (level: string) => ({ text: '\u00a0\u00a0\u00a0\u00a0', background: badgeColours(level).fill });
  const perColumn = Math.ceil(data.threats.length / 3);
  return [
    {
      columns: data.matrices.map((m) => ({
        width: '*',
        stack: [
          {
            text: d.runs(m.system, { bold: true }),
            ...size(d, TEXT.h3),
            margin: [0, 0, 0, TEXT.blockGap * TEXT.h3.size * d.u],
          },
          d.figure(m.diagram, (d.width - (data.count - 1) * 20 * d.u) / data.count),
        ],
      })),
      columnGap: 20 * d.u,
    },
    {
      text: [
        ...data.levels.flatMap((l) => [swatch(l.level), { text: ` ${l.label} ${l.range}    ` }]),
        { text: 'Cells show the score, likelihood × impact' },
      ],
      ...key,
      color: INK.muted,
      margin: [0, 12 * d.u, 0, 8 * d.u],
    },
    {
      columns: [0, 1, 2].map((c) => ({
        width: '*',
        stack: data.threats
          .slice(c * perColumn, (c + 1) * perColumn)
          .map((t) => ({ text: [{ text: `${t.key} `, bold: true }, ...d.runs(t.title)], ...key })),
      })),
      columnGap: 24 * d.u,
    },
  ];
};

const BODIES: Readonly<Record<string, Body>> = {
  ...TABLE_BODIES,
  ...ITEM_BODIES,
  title,
  divider,
  agenda,
  references,
  narrative,
  flow,
  diagram: flow,
  'score-charts': scoreCharts,
  'risk-matrix': riskMatrix,
};

/** The body of a slide of the plan, as pdfmake nodes. A kind of slide this output cannot draw is a bug. */
export function slideBody(d: Draw, page: NumberedPage): Content[] {
  const body = BODIES[page.partial];
  if (body === undefined) throw new Error(`slides: no drawing for slides of kind "${page.partial}"`);
  return body(d, page);
}
