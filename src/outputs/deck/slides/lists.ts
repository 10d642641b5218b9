import { CONTENT_WIDTH, TEXT } from '../geometry.js';
import { budgetFor, type DeckContext, type PageView, page } from '../pages.js';
import { paginate } from '../paginate.js';

/** An entry of the agenda: a part of the deck and the slide it starts on. */
export interface AgendaEntry {
  readonly title: string;
  readonly href: string;
}

const indent = TEXT.listIndent * TEXT.body.size;

function listPages<I, V>(
  ctx: DeckContext,
  options: { partial: string; title: string; items: readonly I[]; height: (item: I) => number; view: (item: I) => V },
): PageView[] {
  const budget = budgetFor(ctx, options.title);
  let start = 1;
  return paginate(options.items, options.height, { first: budget, rest: budget }).map((items) => {
    const listPage = page(ctx, options.partial, options.title, { start, items: items.map(options.view) });
    start += items.length;
    return listPage;
  });
}

export function agendaPages(ctx: DeckContext, entries: readonly AgendaEntry[]): PageView[] {
  return listPages(ctx, {
    partial: 'agenda',
    title: 'Agenda',
    items: entries,
    height: (e) => ctx.estimate.text(ctx.text.plain(e.title), CONTENT_WIDTH - indent, TEXT.body) + TEXT.entryGap,
    view: (e) => ({ title: ctx.text.inline(e.title), href: e.href }),
  });
}

/** The references, numbered as citations number them, each with the id citations link to. */
export function referencePages(ctx: DeckContext): PageView[] {
  const width = CONTENT_WIDTH - indent;
  return listPages(ctx, {
    partial: 'references',
    title: 'References',
    items: ctx.comparison.references,
    height: (r) =>
      ctx.estimate.text(ctx.text.plain(r.title), width, TEXT.body, 'bold') +
      ctx.estimate.text(r.url, width, TEXT.small) +
      (r.note === undefined ? 0 : ctx.estimate.blocks(ctx.text.tokens(r.note), width, TEXT.small)) +
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
