import type { PathSegment } from '../content/load.js';
import type { Comparison } from '../model/comparison.js';
import type { ChangeSet } from '../model/diff.js';
import type { PlanDiagrams } from './diagrams.js';
import { bodyBudget, CAPTION_GAP, CONTENT_WIDTH, TABLE, TEXT } from './geometry.js';
import type { HeightEstimator } from './measure.js';
import { paginate } from './paginate.js';
import type { MarkdownText, PlanText } from './text.js';

/** One slide of the plan: plain data, its text still Markdown (`MarkdownText`) for each output to render. */
export interface PlanPage<D = unknown> {
  /** The kind of slide, which fixes the shape of `data`; the deck draws it with `templates/deck/partials/<partial>.hbs`. */
  readonly partial: string;
  /** Set on the first page of a part, so the agenda can link to it. */
  readonly id: string | undefined;
  readonly title: MarkdownText;
  readonly continued: boolean;
  /** A line under the title, e.g. which systems a page shows when they do not fit side by side. */
  readonly caption: string | undefined;
  readonly notes: readonly PlanNote[] | undefined;
  readonly data: D;
}

/** A horizontal slide: one page, or a vertical stack of a page and its continuations. */
export interface PlanSlide {
  readonly pages: readonly PlanPage[];
}

export interface PlanContext {
  readonly comparison: Comparison;
  /** What changed since an earlier version, when the build compares (`--since`). */
  readonly changes: ChangeSet | undefined;
  readonly text: PlanText;
  readonly estimate: HeightEstimator;
  readonly diagrams: PlanDiagrams;
  /** What the plan could not show whole, filled while it is built (see `checkRoom`). */
  readonly warnings: PlanWarning[];
}

/** Something a slide cannot show as the content has it, by the field path it comes from. */
export interface PlanWarning {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/**
 * Content the estimate puts past the room of its slide: an item taller than a whole slide gets one of its own
 * and still runs off it. Never silent: a warning names the field and what to do.
 */
export function checkRoom(
  ctx: PlanContext,
  title: string,
  height: number,
  room: number,
  path: readonly PathSegment[],
  /** What to do about it; the default suits a field outside the Markdown body. */
  advice = 'shorten it or move the detail into a section of the Markdown body, which continues over slides',
): void {
  if (height <= room + 1) return;
  const times = (height / room).toFixed(1);
  ctx.warnings.push({
    path,
    message: `is ${times} times what one slide holds, so the slide "${ctx.text.plain(title)}" runs off the screen in the deck; ${advice}`,
  });
}

/**
 * A page titled `title` (inline Markdown). Which part it opens (`id`) and whether it continues the page before
 * it are set by `slide()`, which assembles pages into a slide.
 */
export function page<D>(
  ctx: PlanContext,
  partial: string,
  title: string,
  data: D,
  more: { readonly caption?: string | undefined; readonly notes?: readonly PlanNote[] | undefined } = {},
): PlanPage<D> {
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

/** A speaker note: what it is about (omitted when the slide is about that one item), and the note itself. */
export interface PlanNote {
  readonly label: MarkdownText | undefined;
  readonly body: MarkdownText;
}

/** The notes of the items that have any, in order; `undefined` when none has. */
export function planNotes(ctx: PlanContext, items: readonly NoteItem[]): readonly PlanNote[] | undefined {
  const notes = items.flatMap((item) =>
    item.notes === undefined
      ? []
      : [
          {
            label: item.label === undefined ? undefined : ctx.text.inline(item.label),
            body: ctx.text.block(item.notes),
          },
        ],
  );
  return notes.length === 0 ? undefined : notes;
}

/** The body height a slide titled `title` leaves, for the longer "(continued)" form of the title. */
export function budgetFor(ctx: PlanContext, title: string, caption?: string): number {
  const lines = ctx.estimate.lines(`${ctx.text.plain(title)} (continued)`, CONTENT_WIDTH, TEXT.title.size, 'bold');
  const captionHeight = caption === undefined ? 0 : TEXT.small.size * TEXT.small.lineHeight + CAPTION_GAP;
  // Ten pixels kept back: the estimate rounds nothing up on its own.
  return bodyBudget(Math.max(1, lines)) - captionHeight - 10;
}

export interface Row<R> {
  readonly view: R;
  readonly height: number;
  readonly note?: NoteItem;
  /** The field the row shows, for a warning when it is taller than a slide. */
  readonly path?: readonly PathSegment[];
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
  /** The field the table shows (its introduction on the first page), for warnings. */
  readonly path?: readonly PathSegment[];
}

/** Pages of one table, its header repeated on each. */
export function tablePages<R, D>(ctx: PlanContext, options: TablePagesOptions<R, D>): PlanPage<D>[] {
  const budget = budgetFor(ctx, options.title, options.caption);
  const chunks = paginate(options.rows, (r) => r.height, {
    first: budget - (options.intro ?? 0) - options.header,
    rest: budget - options.header,
  });
  chunks.forEach((rows, i) => {
    const intro = i === 0 ? (options.intro ?? 0) : 0;
    const height = intro + options.header + rows.reduce((sum, r) => sum + r.height, 0);
    const tallest = rows.find((r) => r.height > budget - options.header);
    checkRoom(ctx, options.title, height, budget, tallest?.path ?? options.path ?? []);
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
        notes: planNotes(ctx, [
          ...(i === 0 ? (options.notes ?? []) : []),
          ...rows.flatMap((r) => (r.note ? [r.note] : [])),
        ]),
      },
    ),
  );
}

/** Marks every page after the first as continued and puts the part's id on the first. */
export function slide(id: string, pages: readonly PlanPage[]): PlanSlide {
  return { pages: pages.map((page, i) => ({ ...page, id: i === 0 ? id : undefined, continued: i > 0 })) };
}
