import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { COLUMNS, columnWidths, TABLE, type TableKind } from '../../plan/geometry.js';
import type { BadgeView, MarkdownText } from '../../plan/index.js';
import type { Run } from '../report/inline.js';
import type { Draw } from './draw.js';
import { badgeRun, INK, size } from './look.js';

/** What the deck's `extras` partial shows under an item: CVEs, sources and a caveat. */
export interface Extras {
  readonly cves: readonly { readonly id: string; readonly url: string }[];
  readonly sources: readonly { readonly id: string; readonly number: number }[];
  readonly caveat: MarkdownText | undefined;
}

/** A cell's parts, top to bottom. */
export type Part = Content | undefined | false;

/** Column widths in points for a table of this kind (system columns share the rest). */
export function widthsOf(d: Draw, kind: TableKind, systems = 0): number[] {
  const count = 'fixed' in COLUMNS[kind] ? 0 : systems;
  return columnWidths(kind, count).map((w) => w * d.u);
}

export const cell = (d: Draw, ...parts: Part[]): TableCell => ({
  stack: parts.filter((p): p is Content => p !== undefined && p !== false),
  ...size(d, TABLE.text),
});

/** The smaller, muted line under a cell's main text. */
export const sub = (d: Draw, runs: readonly Run[] | string | undefined): Part =>
  runs === undefined || runs.length === 0
    ? undefined
    : { text: runs as Run[] | string, ...size(d, TABLE.sub), color: INK.muted, margin: [0, TABLE.subGap * d.u, 0, 0] };

export const badgeLine = (d: Draw, badge: BadgeView): Content => ({
  text: [badgeRun(d, badge)],
  margin: [0, 0, 0, 6 * d.u],
});

export const strong = (d: Draw, text: MarkdownText | string | undefined): Content => ({
  text: d.runs(text, { bold: true }),
});

/** An item's CVEs (linked to their records), sources (linked to the references) and caveat, in one line. */
export function extrasLine(d: Draw, extras: Extras | undefined): Part {
  if (extras === undefined) return undefined;
  const runs: Run[] = [];
  if (extras.cves.length > 0) {
    runs.push({ text: 'CVE ' });
    extras.cves.forEach((c, i) => {
      runs.push({ text: c.id, link: c.url, color: INK.accent, noWrap: true });
      if (i < extras.cves.length - 1) runs.push({ text: ', ' });
    });
  }
  if (extras.sources.length > 0) {
    runs.push({ text: `${runs.length > 0 ? ' · ' : ''}Sources ` });
    extras.sources.forEach((s, i) => {
      runs.push({ text: `[${s.number}]`, linkToDestination: `ref-${s.id}`, color: INK.accent });
      if (i < extras.sources.length - 1) runs.push({ text: ' ' });
    });
  }
  if (extras.caveat !== undefined) {
    runs.push({ text: `${runs.length > 0 ? ' · ' : ''}Caveat: `, bold: true }, ...d.runs(extras.caveat));
  }
  return sub(d, runs);
}

/**
 * A table as the deck draws it: the header row in the accent colour (repeated on no later page: a slide's
 * table never runs past its slide), the row headers shaded, even rows striped, thin rules.
 */
export function slideTable(
  d: Draw,
  widths: readonly number[],
  header: readonly (readonly Run[] | string)[],
  rows: readonly TableCell[][],
  leadColumn = 0,
): Content {
  // White on the accent colour: runs lose their own colour and code background there.
  const white = (h: readonly Run[] | string) =>
    typeof h === 'string' ? h : h.map(({ background: _b, color: _c, ...run }) => run);
  const head = header.map(
    (h): TableCell => ({ text: white(h) as Run[] | string, bold: true, color: '#ffffff', fillColor: INK.accent }),
  );
  const body = rows.map((row, r) =>
    row.map((c, i) => {
      const fill = i === leadColumn ? INK.accentSoft : r % 2 === 1 ? INK.zebra : undefined;
      return fill === undefined ? c : ({ ...(c as object), fillColor: fill } as TableCell);
    }),
  );
  const line = TABLE.border * d.u;
  return {
    table: { widths: [...widths], headerRows: 1, dontBreakRows: true, body: [head, ...body] },
    ...size(d, TABLE.text),
    layout: {
      hLineWidth: () => line,
      vLineWidth: () => line,
      hLineColor: () => INK.rule,
      vLineColor: () => INK.rule,
      paddingLeft: () => TABLE.padX * d.u,
      paddingRight: () => TABLE.padX * d.u,
      paddingTop: () => TABLE.padY * d.u,
      paddingBottom: () => TABLE.padY * d.u,
    },
  };
}
