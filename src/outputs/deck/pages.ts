import Handlebars from 'handlebars';
import type { Comparison } from '../../model/comparison.js';
import type { ChangeSet } from '../../model/diff.js';
import type { DeckDiagrams } from './diagrams.js';
import { bodyBudget, CAPTION_GAP, CONTENT_WIDTH, TABLE, TEXT } from './geometry.js';
import type { HeightEstimator } from './measure.js';
import { paginate } from './paginate.js';
import type { DeckText, Html } from './text.js';

/** One slide as a template sees it: plain data, content already rendered safe. */
export interface PageView<D = unknown> {
  /** The partial that draws the body: `threat` is `templates/deck/partials/threat.hbs`. */
  readonly partial: string;
  /** Set on the first page of a part, so the agenda can link to it. */
  readonly id: string | undefined;
  readonly title: Html;
  readonly continued: boolean;
  /** A line under the title, e.g. which systems a page shows when they do not fit side by side. */
  readonly caption: string | undefined;
  readonly notes: Html | undefined;
  readonly data: D;
}

/** A horizontal slide: one page, or a vertical stack of a page and its continuations. */
export interface SlideView {
  readonly pages: readonly PageView[];
}

export interface DeckContext {
  readonly comparison: Comparison;
  /** What changed since an earlier version, when the build compares (`--since`). */
  readonly changes: ChangeSet | undefined;
  readonly text: DeckText;
  readonly estimate: HeightEstimator;
  readonly diagrams: DeckDiagrams;
}

/**
 * A page titled `title` (inline Markdown). Which part it opens (`id`) and whether it continues the page before
 * it are set by `slide()`, which assembles pages into a slide.
 */
export function page<D>(
  ctx: DeckContext,
  partial: string,
  title: string,
  data: D,
  more: { readonly caption?: string | undefined; readonly notes?: Html | undefined } = {},
): PageView<D> {
  return {
    partial,
    id: undefined,
    title: ctx.text.inline(title),
    continued: false,
    caption: more.caption,
    notes: more.notes,
    data,
  };
}

export interface NoteItem {
  /** Inline Markdown naming what the note is about; omitted when the slide is about that one item. */
  readonly label: string | undefined;
  readonly notes: string | undefined;
}

export function notesHtml(ctx: DeckContext, items: readonly NoteItem[]): Html | undefined {
  const parts = items.flatMap((item) => {
    if (item.notes === undefined) return [];
    const body = ctx.text.block(item.notes).toHTML();
    return [item.label === undefined ? body : `<p><strong>${ctx.text.inline(item.label).toHTML()}</strong></p>${body}`];
  });
  return parts.length === 0 ? undefined : new Handlebars.SafeString(parts.join('\n'));
}

/** The body height a slide titled `title` leaves, for the longer "(continued)" form of the title. */
export function budgetFor(ctx: DeckContext, title: string, caption?: string): number {
  const lines = ctx.estimate.lines(`${ctx.text.plain(title)} (continued)`, CONTENT_WIDTH, TEXT.title.size, 'bold');
  const captionHeight = caption === undefined ? 0 : TEXT.small.size * TEXT.small.lineHeight + CAPTION_GAP;
  // Ten pixels kept back: the estimate rounds nothing up on its own.
  return bodyBudget(Math.max(1, lines)) - captionHeight - 10;
}

export interface Row<R> {
  readonly view: R;
  readonly height: number;
  readonly note?: NoteItem;
}

/** Height of a table row whose cells hold content of the given heights. */
export const rowHeight = (...cells: number[]) => Math.max(0, ...cells) + 2 * TABLE.padY + TABLE.border;

/** Height of a badge on a line of its own inside a cell, its margin included. */
export const BADGE_HEIGHT = TABLE.badge.size * TABLE.badge.lineHeight + 2 * TABLE.badge.padY + 6;

export interface TablePagesOptions<R, D> {
  readonly partial: string;
  readonly title: string;
  readonly caption?: string | undefined;
  /** Height of what the first page shows above the table. */
  readonly intro?: number;
  readonly header: number;
  readonly rows: readonly Row<R>[];
  readonly data: (rows: R[], first: boolean) => D;
  readonly notes?: readonly NoteItem[];
}

/** Pages of one table, its header repeated on each. */
export function tablePages<R, D>(ctx: DeckContext, options: TablePagesOptions<R, D>): PageView<D>[] {
  const budget = budgetFor(ctx, options.title, options.caption);
  const chunks = paginate(options.rows, (r) => r.height, {
    first: budget - (options.intro ?? 0) - options.header,
    rest: budget - options.header,
  });
  return chunks.map((rows, i) =>
    page(
      ctx,
      options.partial,
      options.title,
      options.data(
        rows.map((r) => r.view),
        i === 0,
      ),
      {
        caption: options.caption,
        notes: notesHtml(ctx, [
          ...(i === 0 ? (options.notes ?? []) : []),
          ...rows.flatMap((r) => (r.note ? [r.note] : [])),
        ]),
      },
    ),
  );
}

/** Marks every page after the first as continued and puts the part's id on the first. */
export function slide(id: string, pages: readonly PageView[]): SlideView {
  return { pages: pages.map((page, i) => ({ ...page, id: i === 0 ? id : undefined, continued: i > 0 })) };
}
