/**
 * The deck's geometry: one source for the pagination estimate and for the CSS that lays the slides out
 * (`layout.css`, generated from these numbers), so that what the estimate assumes is what the browser draws.
 * All sizes are CSS pixels of the 1280×720 slide that reveal.js scales to the window.
 */
export const SLIDE = { width: 1280, height: 720 } as const;

export const FRAME = {
  padX: 56,
  /** The classification band across the top of every slide. */
  band: 34,
  padTop: 26,
  /** Kept free at the bottom, where reveal.js draws its navigation arrows. */
  padBottom: 60,
} as const;

export const CONTENT_WIDTH = SLIDE.width - 2 * FRAME.padX;

/** Space under a slide's caption line ("Systems 5–8 of 8"). */
export const CAPTION_GAP = 8;

export interface TextStyle {
  readonly size: number;
  readonly lineHeight: number;
}

export const TEXT = {
  title: { size: 36, lineHeight: 1.15 },
  titleGap: 18,
  body: { size: 23, lineHeight: 1.4 },
  /** Space between blocks (paragraphs, lists) in narrative text and in table cells. */
  blockGap: 0.55,
  /** Indent of a list item, in em. */
  listIndent: 1.3,
  /** Space below each list item, in em. */
  itemGap: 0.15,
  /** Space below each entry of the agenda and of the references, in px. */
  entryGap: 10,
  small: { size: 19, lineHeight: 1.35 },
  h3: { size: 26, lineHeight: 1.25 },
} as const satisfies Record<string, TextStyle | number>;

export const TABLE = {
  text: { size: 18, lineHeight: 1.32 },
  /** The smaller text of a row header's second line (a dimension's summary, a threat's standards). */
  sub: { size: 15, lineHeight: 1.3 },
  subGap: 4,
  padY: 7,
  padX: 10,
  border: 1,
  /** A badge (rating, severity) is one line of its own inside a cell. */
  badge: { size: 16, lineHeight: 1.25, padY: 3 },
  /** At most this many systems side by side; more continue on the next slide. */
  maxSystemColumns: 4,
  /**
   * A Markdown table of more columns continues by columns (`splitWideTables`): about 145 px a column, a
   * dozen characters of table type, below which words break letter by letter.
   */
  maxMarkdownColumns: 8,
} as const;

/** Lists that run past one slide (agenda, references) are set in two columns this far apart. */
export const LIST = {
  columnGap: 40,
  /** A reference's title line, and its URL and note under it. */
  reference: { size: 19, lineHeight: 1.35 },
  detail: { size: 16, lineHeight: 1.3 },
} as const;

/** Width of one of the two columns of a list. */
export const LIST_COLUMN_WIDTH = (CONTENT_WIDTH - LIST.columnGap) / 2;

/** Images in content are drawn at most this tall (and at most as wide as their box). */
export const IMAGE = { maxHeight: 380 } as const;

/**
 * Column widths (fractions of the table) of each kind of table. For tables with one column per system,
 * `lead` is the width of the row-header column(s) and the systems share the rest equally.
 */
export const COLUMNS = {
  systems: { fixed: [0.22, 0.44, 0.34] },
  assessments: { fixed: [0.19, 0.47, 0.17, 0.17] },
  /** The same without the Status column, when no assessment of the threat has a status. */
  'assessments-no-status': { fixed: [0.19, 0.63, 0.18] },
  defenses: { fixed: [0.18, 0.15, 0.25, 0.26, 0.16] },
  /** The same without the Counters column, when no defense lists threats it counters. */
  'defenses-no-counters': { fixed: [0.2, 0.16, 0.32, 0.32] },
  verdicts: { fixed: [0.25, 0.19, 0.56] },
  changes: { fixed: [0.13, 0.35, 0.26, 0.26] },
  'risk-counts': { fixed: [0.3, 0.14, 0.14, 0.14, 0.14, 0.14] },
  scales: { fixed: [0.1, 0.3, 0.3, 0.3] },
  cves: { fixed: [0.25, 0.75] },
  'threat-overview': { lead: 0.36 },
  comparison: { lead: 0.3 },
  attacks: { lead: 0.26 },
} as const satisfies Record<string, { fixed: readonly number[] } | { lead: number }>;

export type TableKind = keyof typeof COLUMNS;

/** Widths in px of the content of each column (cell padding removed) for a table of `systems` system columns. */
export function columnWidths(kind: TableKind, systems = 0): number[] {
  const spec: { fixed?: readonly number[]; lead?: number } = COLUMNS[kind];
  const fractions = spec.fixed ?? [
    spec.lead ?? 0,
    ...Array.from({ length: systems }, () => (1 - (spec.lead ?? 0)) / systems),
  ];
  return fractions.map((f) => f * CONTENT_WIDTH - 2 * TABLE.padX - TABLE.border);
}

/** The height left for the body of a slide under a title of `titleLines` lines. */
export function bodyBudget(titleLines: number): number {
  return (
    SLIDE.height -
    FRAME.band -
    FRAME.padTop -
    titleLines * TEXT.title.size * TEXT.title.lineHeight -
    TEXT.titleGap -
    FRAME.padBottom
  );
}
