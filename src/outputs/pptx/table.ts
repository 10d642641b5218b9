import { CONTENT_WIDTH, TABLE } from '../../plan/geometry.js';
import type { Slide, TableCell } from './library.js';
import type { PlanText, RichText } from './rich.js';
import type { Paragraph, Run } from './runs.js';
import { type Fonts, textProps } from './text.js';
import { BADGES, inch, pt, THEME, xmlSafe } from './units.js';

/** A table cell: its paragraphs, top to bottom. */
export type Cell = readonly Paragraph[];

export interface TableView {
  /** Column widths as fractions of the table's width. */
  readonly columns: readonly number[];
  readonly header: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
  /** The first column heads its row (bold on a tint), as the deck's `<th scope="row">`. */
  readonly rowHeaders?: boolean;
  readonly x?: number;
  readonly width?: number;
}

const CELL_LOOK = { size: TABLE.text.size, lineHeight: TABLE.text.lineHeight } as const;
const SUB_LOOK = { size: TABLE.sub.size, lineHeight: TABLE.sub.lineHeight, color: THEME.muted } as const;

/** The deck's cell padding, in points: [top, right, bottom, left]. */
const MARGIN: [number, number, number, number] = [pt(TABLE.padY), pt(TABLE.padX), pt(TABLE.padY), pt(TABLE.padX)];

/**
 * A native table at `y` (deck px), columns as the deck sizes them, the header in the accent colour, row
 * headers tinted, every other row striped. Rows are as tall as their text: the slide plan measured them.
 */
export function addTable(slide: Slide, view: TableView, y: number, fonts: Fonts): void {
  const width = view.width ?? CONTENT_WIDTH;
  const border = { type: 'solid' as const, pt: pt(TABLE.border), color: THEME.rule };
  const cell = (paragraphs: Cell, fill: string, color?: string, bold = false): TableCell => ({
    text: textProps(
      paragraphs.length > 0 ? paragraphs : [{ runs: [{ text: ' ' }], blockEnd: false }],
      { ...CELL_LOOK, ...(color ? { color } : {}), bold },
      fonts,
    ),
    options: { fill: { color: fill }, margin: MARGIN, valign: 'top', border: [border, border, border, border] },
  });
  const rows: TableCell[][] = [
    // Code in the dark header keeps its font but not its light background, as in the deck.
    view.header.map((h) =>
      cell(
        h.map((p) => ({ ...p, runs: p.runs.map((r) => (r.code ? { ...r, highlight: THEME.accent } : r)) })),
        THEME.accent,
        THEME.white,
        true,
      ),
    ),
    ...view.rows.map((row, r) =>
      row.map((c, i) =>
        view.rowHeaders && i === 0
          ? cell(c, THEME.accentSoft, undefined, true)
          : cell(c, r % 2 === 1 ? THEME.stripe : THEME.white),
      ),
    ),
  ];
  slide.addTable(rows, {
    x: inch(view.x ?? 56),
    y: inch(y),
    w: inch(width),
    colW: view.columns.map((f) => inch(f * width)),
    // The least height; a row grows to hold its text.
    rowH: inch(10),
    fontFace: fonts.family,
    fontSize: pt(TABLE.text.size),
    autoPage: false,
  });
}

/** Cell content built from the plan's values. */
export function cells(rich: RichText) {
  return {
    /** Markdown blocks (or a line) in the cell's look. */
    text: (value: PlanText, more: Partial<Paragraph> = {}): Paragraph[] =>
      rich.paragraphs(value).map((p, i, all) => ({ ...p, ...more, blockEnd: i < all.length - 1 && p.blockEnd })),
    line: (runs: readonly Run[], more: Partial<Paragraph> = {}): Paragraph[] =>
      runs.length === 0 ? [] : [{ runs, blockEnd: false, ...more }],
    /** A second line in the smaller, muted look of the deck's `.sub`. */
    sub: (runs: readonly Run[]): Paragraph[] =>
      runs.length === 0 ? [] : [{ runs, blockEnd: false, look: SUB_LOOK, spaceBefore: TABLE.subGap }],
    /** A rating or severity: its word on its level's colour. */
    badge: (badge: { level: string; label: string }): Paragraph[] => [
      { runs: [badgeRun(badge)], blockEnd: false, look: { size: TABLE.badge.size, lineHeight: 1.6 } },
    ],
  };
}

export function badgeRun(badge: { level: string; label: string }): Run {
  const look = BADGES[badge.level] ?? BADGES.unrated ?? { fill: 'FFFFFF', text: '374151' };
  return { text: xmlSafe(`\u00a0${badge.label}\u00a0`), bold: true, color: look.text, highlight: look.fill };
}
