import type { PathSegment } from '../../content/load.js';
import { CONTENT_WIDTH, LIST, LIST_COLUMN_WIDTH, TEXT, type TextStyle } from '../geometry.js';
import { budgetFor, checkRoom, type PlanContext, type PlanPage, page } from '../pages.js';
import { paginate, paginateInto } from '../paginate.js';

/** An entry of the agenda: a part of the deck and the slide it starts on. */
export interface AgendaEntry {
  readonly title: string;
  readonly href: string;
}

const indent = TEXT.listIndent * TEXT.body.size;

interface ListOptions<I, V> {
  readonly partial: string;
  readonly title: string;
  readonly items: readonly I[];
  /** Height of an item set `width` px wide. */
  readonly height: (item: I, width: number) => number;
  readonly view: (item: I) => V;
  /** The field the list comes from, for a warning when an item is taller than a slide. */
  readonly path: readonly PathSegment[];
}

/**
 * A numbered list on as few slides as it needs: one column while it fits one slide, otherwise two columns a
 * slide, the columns balanced so that the last slide is not left with a few entries.
 */
function listPages<I, V>(ctx: PlanContext, options: ListOptions<I, V>): PlanPage[] {
  const budget = budgetFor(ctx, options.title);
  const room = { first: budget, rest: budget };
  const single = paginate(options.items, (item) => options.height(item, CONTENT_WIDTH), room);
  for (const item of options.items)
    checkRoom(ctx, options.title, options.height(item, CONTENT_WIDTH), budget, options.path);
  const columns =
    single.length < 2
      ? single
      : (() => {
          const height = (item: I) => options.height(item, LIST_COLUMN_WIDTH);
          const count = paginate(options.items, height, room).length;
          return paginateInto(options.items, height, room, count + (count % 2));
        })();
  const perPage = single.length < 2 ? 1 : 2;
  const pages: PlanPage[] = [];
  let start = 1;
  for (let i = 0; i < columns.length; i += perPage) {
    const lists = columns.slice(i, i + perPage).map((items) => {
      const list = { start, items: items.map(options.view) };
      start += items.length;
      return list;
    });
    pages.push(page(ctx, options.partial, options.title, { columns: perPage > 1, lists }));
  }
  return pages;
}

export function agendaPages(ctx: PlanContext, entries: readonly AgendaEntry[]): PlanPage[] {
  return listPages(ctx, {
    partial: 'agenda',
    title: 'Agenda',
    path: [],
    items: entries,
    height: (e, width) => ctx.estimate.text(ctx.text.plain(e.title), width - indent, TEXT.body) + TEXT.entryGap,
    view: (e) => ({ title: ctx.text.inline(e.title), href: e.href }),
  });
}

const detail: TextStyle = LIST.detail;

/** The references, numbered as citations number them, each with the id citations link to. */
export function referencePages(ctx: PlanContext): PlanPage[] {
  return listPages(ctx, {
    partial: 'references',
    title: 'References',
    path: ['references'],
    items: ctx.comparison.references,
    height: (r, width) =>
      ctx.estimate.text(`[${r.number}] ${ctx.text.plain(r.title)}`, width, LIST.reference) +
      ctx.estimate.text(r.url, width, detail) +
      (r.note === undefined ? 0 : ctx.estimate.blocks(ctx.text.tokens(r.note), width, detail)) +
      TEXT.entryGap,
    view: (r) => ({
      anchor: `ref-${r.id}`,
      number: r.number,
      title: ctx.text.inline(r.title),
      url: r.url,
      note: r.note === undefined ? undefined : ctx.text.block(r.note),
    }),
  });
}
