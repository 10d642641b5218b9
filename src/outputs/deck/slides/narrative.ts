import type { Token, Tokens } from 'marked';
import { CONTENT_WIDTH, TEXT } from '../geometry.js';
import { budgetFor, type DeckContext, type NoteItem, notesHtml, type PageView, page } from '../pages.js';
import { paginate } from '../paginate.js';

/** A piece of Markdown that moves to the next slide as a whole: a block, a list item, or a run of sentences. */
interface Piece {
  readonly source: number;
  readonly markdown: string;
  readonly height: number;
  /** Pieces of one list join without a blank line, so that they stay one list. */
  readonly list: number | undefined;
}

const style = TEXT.body;
const gap = TEXT.blockGap * style.size;
const SENTENCE = /(?<=[.!?])\s+(?=[A-Z0-9"'([])/;

function linkDefinitions(tokens: Token[]): string {
  const links = (tokens as Token[] & { links?: Record<string, { href: string; title?: string | null }> }).links ?? {};
  return Object.entries(links)
    .map(([label, l]) => `\n[${label}]: <${l.href}>${l.title ? ` "${l.title.replace(/"/g, '\\"')}"` : ''}`)
    .join('');
}

function pieces(ctx: DeckContext, markdown: string, source: number, pageBudget: number): Piece[] {
  const { estimate, text } = ctx;
  const tokens = text.tokens(markdown);
  const out: Piece[] = [];
  tokens.forEach((token, index) => {
    if (token.type === 'space') return;
    if (token.type === 'list') {
      const items = (token as Tokens.List).items;
      const indent = TEXT.listIndent * style.size;
      items.forEach((item, i) => {
        const height =
          estimate.blocks(item.tokens, CONTENT_WIDTH - indent, style) +
          (i === items.length - 1 ? gap : TEXT.itemGap * style.size);
        out.push({
          source,
          markdown: item.raw.replace(/\n+$/, ''),
          height: height + (item.loose ? gap : 0),
          list: index,
        });
      });
      return;
    }
    const height = estimate.block(token, CONTENT_WIDTH, style);
    if (token.type === 'paragraph' && height > pageBudget) {
      // A paragraph longer than a slide continues by sentences.
      let run: string[] = [];
      const flush = () => {
        if (run.length > 0) {
          const md = run.join(' ');
          out.push({
            source,
            markdown: md,
            height: estimate.text(text.plain(md), CONTENT_WIDTH, style) + gap,
            list: undefined,
          });
        }
        run = [];
      };
      for (const sentence of token.raw.trim().split(SENTENCE)) {
        const next = [...run, sentence].join(' ');
        if (run.length > 0 && estimate.text(text.plain(next), CONTENT_WIDTH, style) > pageBudget * 0.9) flush();
        run.push(sentence);
      }
      flush();
      return;
    }
    out.push({ source, markdown: token.raw.replace(/\n+$/, ''), height: height + gap, list: undefined });
  });
  return out;
}

/** Markdown documents on slides of their own, continued on the next slide where they run long. */
export function narrativePages(
  ctx: DeckContext,
  options: { title: string; sources: readonly string[]; notes?: readonly NoteItem[] },
): PageView[] {
  const budget = budgetFor(ctx, options.title);
  const all = options.sources.flatMap((markdown, source) => pieces(ctx, markdown, source, budget));
  // Reference-style link definitions stay with their document wherever its pieces land.
  const definitions = options.sources.map((markdown) => linkDefinitions(ctx.text.tokens(markdown)));
  return paginate(all, (p) => p.height, { first: budget, rest: budget }).map((pieces, i) => {
    const blocks: { source: number; markdown: string }[] = [];
    pieces.forEach((piece, k) => {
      const previous = pieces[k - 1];
      const last = blocks[blocks.length - 1];
      if (!previous || !last || previous.source !== piece.source) {
        blocks.push({ source: piece.source, markdown: piece.markdown });
      } else {
        last.markdown += `${piece.list !== undefined && previous.list === piece.list ? '\n' : '\n\n'}${piece.markdown}`;
      }
    });
    const data = { blocks: blocks.map((b) => ctx.text.block(`${b.markdown}\n${definitions[b.source] ?? ''}`)) };
    return page(ctx, 'narrative', options.title, data, {
      notes: i === 0 ? notesHtml(ctx, options.notes ?? []) : undefined,
    });
  });
}
