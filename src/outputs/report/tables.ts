import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { breakable } from './inline.js';
import type { ReportStyle } from './style.js';

/** A table cell, with what the column-width heuristic needs to know about its text. */
export interface Cell {
  readonly node: TableCell;
  /** Characters of text in the cell. */
  readonly length: number;
}

export type Align = 'left' | 'center' | 'right' | null;

/** A row whose text is longer than this may not fit on one page, so rows may then break. */
const ROW_FITS_PAGE = 1800;
/** A table whose cells are all at most this long is a table of short labels and values. */
const SHORT_TABLE = 20;
/** Beyond this many columns, tables use the smaller `tableWide` style (eight systems + a label column). */
const WIDE_TABLE = 6;
/** A column narrower than this many characters of the `tableWide` type reads as a column of broken words. */
const MIN_COLUMN_CHARACTERS = 10;

/**
 * How many columns a table may have on a page `width` points wide: on A4, 10 (eight systems and a label
 * column fit; a wider Markdown table continues by columns, see `splitWideTables`). Columns of a table too
 * wide for the page are split into parts rather than set on a landscape page: a 300-column table fits no
 * page, the reading order and the running header stay as they are, and the deck splits the same way.
 */
export function maxTableColumns(width: number, style: ReportStyle): number {
  const fontSize = Number(style.styles.tableWide?.fontSize ?? 8);
  // Half an em is about Roboto's average character; 3 pt of padding each side, as gridTable sets.
  return Math.max(2, Math.floor(width / (MIN_COLUMN_CHARACTERS * fontSize * 0.5 + 2 * 3)));
}

/**
 * Every column sized by pdfmake between its longest word and its longest line, as browsers size
 * table columns; the column with the most text takes what is left, so tables span the text width.
 */
function widths(header: readonly Cell[], rows: readonly (readonly Cell[])[]): ('auto' | '*')[] {
  const longest = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const most = Math.max(...longest);
  // Where every column is short (counts, badges), the label column takes the spare width.
  const widest = most <= SHORT_TABLE ? 0 : longest.indexOf(most);
  return longest.map((_, column) => (column === widest ? '*' : 'auto'));
}

/** Break opportunities inside words a column of `max` characters could not hold. */
function rebreak(node: unknown, max: number): unknown {
  if (typeof node === 'string') return breakable(node, max);
  if (Array.isArray(node)) return node.map((item) => rebreak(item, max));
  if (node === null || typeof node !== 'object' || 'table' in node) return node;
  const copy: Record<string, unknown> = { ...node };
  // An identifier kept whole that the column cannot hold wraps after all.
  if (copy.noWrap === true && typeof copy.text === 'string' && copy.text.length > max) delete copy.noWrap;
  else if (copy.noWrap === true) return copy;
  for (const key of ['text', 'stack', 'ul', 'ol']) if (key in copy) copy[key] = rebreak(copy[key], max);
  return copy;
}

function gridLayout(style: ReportStyle, padding: number): CustomTableLayout {
  const { colors } = style;
  return {
    hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
    vLineWidth: () => 0,
    hLineColor: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? colors.muted : colors.rule),
    fillColor: (row) => (row === 0 ? colors.tableHeader : row % 2 === 0 ? colors.zebra : null),
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => 3.5,
    paddingBottom: () => 3.5,
  };
}

/**
 * A data table `width` points wide at most: the header row repeats on every page the table runs onto,
 * rows stay whole when they fit a page, and wide tables (many systems) switch to a smaller type size
 * and tighter padding rather than to landscape. Words too long for an even share of the width get
 * break opportunities, so that pdfmake never has to give a column more than its share.
 */
export function gridTable(
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  style: ReportStyle,
  options: { width: number; align?: readonly Align[] },
): Content {
  const wide = header.length > WIDE_TABLE;
  const styleName = wide ? 'tableWide' : 'table';
  const padding = wide ? 3 : 5;
  const fontSize = Number(style.styles[styleName]?.fontSize ?? 10);
  // Half an em is about Roboto's average character; columns may borrow from one another past it.
  const share = options.width / header.length - 2 * padding;
  const max = Math.max(6, Math.min(20, Math.floor(share / (fontSize * 0.5))));
  const align = (cell: Cell, column: number): TableCell => {
    const alignment = options.align?.[column];
    const node = rebreak(cell.node, max) as TableCell;
    return alignment ? ({ ...(node as object), alignment } as TableCell) : node;
  };
  const rowLength = (row: readonly Cell[]) => row.reduce((sum, cell) => sum + cell.length, 0);
  return {
    style: styleName,
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: rows.every((row) => rowLength(row) <= ROW_FITS_PAGE),
      widths: widths(header, rows),
      body: [
        header.map((cell, column) =>
          align({ ...cell, node: { ...(cell.node as object), style: 'tableHeader' } as TableCell }, column),
        ),
        ...rows.map((row) => row.map(align)),
      ],
    },
    layout: gridLayout(style, padding),
  };
}
