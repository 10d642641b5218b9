import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { TABLE, TEXT } from '../../plan/geometry.js';
import type { BadgeView, MarkdownText, NumberedPage } from '../../plan/index.js';
import type { Draw } from './draw.js';
import { badgeRun, INK, size } from './look.js';
import { badgeLine, cell, type Extras, extrasLine, slideTable, strong, sub, widthsOf } from './table.js';

type MT = MarkdownText;

/** Markdown in a table cell: the deck's table text size. */
export const md18 = { size: 18, lineHeight: 1.32 } as const;
type Link = { readonly key: string; readonly title?: MT; readonly href: string };

/** A table with one column per system: its rows, each a row header and a cell per system. */
interface SystemColumns<L, C> {
  readonly leadHeader: string;
  readonly systems: readonly MT[];
  readonly rows: readonly { readonly lead: L; readonly cells: readonly C[] }[];
}

/** `#/threat-x`, the deck's link to a slide, as the PDF's named destination `threat-x`. */
export const destination = (href: string) => href.replace(/^#\/?/, '');

export const threatLinks = (d: Draw, links: readonly Link[], separator: string) =>
  links.flatMap((t, i) => [
    { text: t.key, linkToDestination: destination(t.href), color: INK.accent, noWrap: true },
    ...(t.title === undefined ? [] : [{ text: ' ' }, ...d.runs(t.title)]),
    ...(i < links.length - 1 ? [{ text: separator }] : []),
  ]);

export const none = (d: Draw, text = '—'): Content => ({ text, color: INK.muted, ...size(d, TEXT.small) });

function systemColumns<L, C>(
  d: Draw,
  page: NumberedPage,
  kind: 'threat-overview' | 'comparison' | 'attacks',
  lead: (l: L) => TableCell,
  cellOf: (c: C) => TableCell,
): Content {
  const data = page.data as SystemColumns<L, C>;
  return slideTable(
    d,
    widthsOf(d, kind, data.systems.length),
    [data.leadHeader, ...data.systems.map((s) => d.runs(s))],
    data.rows.map((row) => [lead(row.lead), ...row.cells.map(cellOf)]),
  );
}

export type Body = (d: Draw, page: NumberedPage) => Content[];

const threatOverview: Body = (d, page) => [
  systemColumns<{ href: string; title: MT; standards: string }, { badge: BadgeView; status: string | undefined }>(
    d,
    page,
    'threat-overview',
    (l) =>
      cell(
        d,
        { text: d.runs(l.title, { bold: true, linkToDestination: destination(l.href) }) },
        sub(d, l.standards || undefined),
      ),
    (c) => cell(d, { text: [badgeRun(d, c.badge)] }, sub(d, c.status)),
  ),
];

const comparison: Body = (d, page) => [
  systemColumns<{ name: MT; summary?: MT }, { text?: MT; score?: string; extras?: Extras }>(
    d,
    page,
    'comparison',
    (l) =>
      cell(
        d,
        strong(d, l.name),
        l.summary && ({ ...(d.block(l.summary, TABLE.sub) as object), color: INK.muted } as Content),
      ),
    (c) => cell(d, c.text ? d.block(c.text, md18) : none(d), sub(d, c.score), extrasLine(d, c.extras)),
  ),
];

const facts: Body = (d, page) => [
  systemColumns<{ label: MT }, { value?: MT }>(
    d,
    page,
    'comparison',
    (l) => cell(d, strong(d, l.label)),
    (c) => cell(d, c.value ? d.block(c.value, md18) : none(d)),
  ),
];

const attacks: Body = (d, page) => [
  systemColumns<{ name: MT; threats: Link[]; extras?: Extras }, { badge: BadgeView; text?: MT; extras?: Extras }>(
    d,
    page,
    'attacks',
    (l) =>
      cell(
        d,
        strong(d, l.name),
        l.threats.length > 0 && sub(d, [{ text: 'Realises ' }, ...threatLinks(d, l.threats, ', ')]),
        extrasLine(d, l.extras),
      ),
    (c) => cell(d, badgeLine(d, c.badge), c.text && d.block(c.text, md18), extrasLine(d, c.extras)),
  ),
];

export const TABLE_BODIES: Readonly<Record<string, Body>> = {
  'threat-overview': threatOverview,
  comparison,
  facts,
  attacks,
  systems: (d, page) => {
    const data = page.data as { rows: { name: MT; description?: MT; isolation?: MT }[] };
    return [
      slideTable(
        d,
        widthsOf(d, 'systems'),
        ['System', 'What it is', 'Isolation boundary'],
        data.rows.map((r) => [
          cell(d, strong(d, r.name)),
          cell(d, r.description && d.block(r.description, md18)),
          cell(d, r.isolation && d.block(r.isolation, md18)),
        ]),
      ),
    ];
  },
};
