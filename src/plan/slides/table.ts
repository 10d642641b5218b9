import type { SystemRef } from '../../model/comparison.js';
import { columnWidths, TABLE, type TableKind } from '../geometry.js';
import type { FontFace } from '../measure.js';
import { type NoteItem, type PlanContext, type PlanPage, type Row, rowHeight, tablePages } from '../pages.js';
import { chunkEvenly } from '../paginate.js';
import type { MarkdownText } from '../text.js';

/** What a cell shows and how tall it is. */
export interface Cell<V> {
  readonly view: V;
  readonly height: number;
}

/** Height estimates for cell content in a column `width` px wide. */
export function cellHeights(ctx: PlanContext) {
  const { estimate, text } = ctx;
  return {
    markdown: (markdown: string | undefined, width: number) =>
      markdown === undefined ? 0 : estimate.blocks(text.tokens(markdown), width, TABLE.text),
    /** An empty string is no line at all: a cell part that is absent takes no room. */
    line: (plain: string, width: number, face: FontFace = 'regular') =>
      plain === '' ? 0 : estimate.text(plain, width, TABLE.text, face),
    subMarkdown: (markdown: string | undefined, width: number) =>
      markdown === undefined ? 0 : estimate.blocks(text.tokens(markdown), width, TABLE.sub) + TABLE.subGap,
    sub: (plain: string | undefined, width: number) =>
      plain === undefined || plain === '' ? 0 : estimate.text(plain, width, TABLE.sub) + TABLE.subGap,
  };
}

/** The header row's height for these labels (inline Markdown) in columns of these widths. */
export function headerHeight(ctx: PlanContext, labels: readonly string[], widths: readonly number[]): number {
  const h = cellHeights(ctx);
  return rowHeight(...labels.map((label, i) => h.line(ctx.text.plain(label), widths[i] ?? 100, 'bold')));
}

export interface SystemColumnsOptions<I, L, C> {
  readonly kind: TableKind;
  readonly partial: string;
  readonly title: string;
  readonly leadHeader: string;
  readonly items: readonly I[];
  readonly systems: readonly SystemRef[];
  readonly lead: (item: I, width: number) => Cell<L>;
  readonly cell: (item: I, systemIndex: number, width: number) => Cell<C>;
  readonly note?: (item: I) => NoteItem;
  readonly notes?: readonly NoteItem[];
}

export interface SystemColumnsData<L, C> {
  readonly cols: readonly number[];
  readonly leadHeader: string;
  readonly systems: readonly MarkdownText[];
  readonly rows: readonly { readonly lead: L; readonly cells: readonly C[] }[];
}

/**
 * A table with one column per system. More systems than fit side by side continue on the next slide, the
 * row headers repeated; long tables continue by rows, the header repeated.
 */
export function systemColumnPages<I, L, C>(
  ctx: PlanContext,
  options: SystemColumnsOptions<I, L, C>,
): PlanPage<SystemColumnsData<L, C>>[] {
  const indexed = options.systems.map((system, index) => ({ system, index }));
  const groups = chunkEvenly(indexed, TABLE.maxSystemColumns);
  return groups.flatMap((group) => {
    const widths = columnWidths(options.kind, group.length);
    const leadWidth = widths[0] ?? 0;
    const header = headerHeight(ctx, [options.leadHeader, ...group.map((g) => g.system.name)], widths);
    const rows: Row<{ lead: L; cells: C[] }>[] = options.items.map((item) => {
      const lead = options.lead(item, leadWidth);
      const cells = group.map((g, i) => options.cell(item, g.index, widths[i + 1] ?? 0));
      return {
        view: { lead: lead.view, cells: cells.map((c) => c.view) },
        height: rowHeight(lead.height, ...cells.map((c) => c.height)),
        ...(options.note ? { note: options.note(item) } : {}),
      };
    });
    const first = (group[0]?.index ?? 0) + 1;
    const last = (group[group.length - 1]?.index ?? 0) + 1;
    const caption =
      groups.length > 1 ? `Systems ${first}–${last} of ${options.systems.length}` : (undefined as string | undefined);
    return tablePages(ctx, {
      partial: options.partial,
      title: options.title,
      caption,
      header,
      rows,
      ...(options.notes ? { notes: options.notes } : {}),
      data: (pageRows) => ({
        cols: widths.map((_, i) => i),
        leadHeader: options.leadHeader,
        systems: group.map((g) => ctx.text.inline(g.system.name)),
        rows: pageRows,
      }),
    });
  });
}
