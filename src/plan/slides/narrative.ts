import type { Token, Tokens } from 'marked';
import type { PathSegment } from '../../content/load.js';
import { isTableCaption } from '../../markdown/wide-tables.js';
import { CONTENT_WIDTH, TEXT } from '../geometry.js';
import { budgetFor, checkRoom, type NoteItem, type PlanContext, type PlanPage, page, planNotes } from '../pages.js';
import { paginate } from '../paginate.js';

/** A piece of Markdown that moves to the next slide as a whole: a block, a list item, or a run of sentences. */
interface Piece {
  readonly source: number;
  readonly markdown: string;
  readonly height: number;
  /** Pieces of one list join without a blank line, so that they stay one list. */
  readonly list: number | undefined;
  /** A row of a table: rows of one table on one slide join under one header, repeated on each slide. */
  readonly table?: { readonly index: number; readonly head: string; readonly headHeight: number };
}

/** The caption of a part of a table too wide for a slide ("Columns 9–15 of 40, with column 1 repeated"). */
interface Caption {
  readonly markdown: string;
  readonly height: number;
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

function pieces(ctx: PlanContext, markdown: string, source: number, pageBudget: number): Piece[] {
  const { estimate, text } = ctx;
  const tokens = text.tokens(markdown);
  const out: Piece[] = [];
  // The caption of a part of a wide table heads that part: it moves, and repeats, with the table's header.
  let caption: Caption | undefined;
  tokens.forEach((token, index) => {
    if (token.type === 'space') return;
    if (isTableCaption(token)) {
      caption = { markdown: token.raw.trim(), height: estimate.block(token, CONTENT_WIDTH, style) + gap };
      return;
    }
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
    if (token.type === 'table') {
      out.push(...tableRows(ctx, token as Tokens.Table, source, index, caption));
      caption = undefined;
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

/** A table as one piece per row: a long table continues on the next slide with its header repeated. */
function tableRows(ctx: PlanContext, token: Tokens.Table, source: number, index: number, caption?: Caption): Piece[] {
  const lines = token.raw.replace(/\n+$/, '').split('\n');
  const [header = 0, ...heights] = ctx.estimate.tableRows(token, CONTENT_WIDTH);
  const head = lines.slice(0, 2).join('\n');
  const table = caption
    ? { index, head: `${caption.markdown}\n\n${head}`, headHeight: header + caption.height }
    : { index, head, headHeight: header };
  const headHeight = table.headHeight;
  return lines.slice(2).map((line, i) => ({
    source,
    markdown: line,
    // The first row carries the header; the table's bottom margin goes with the last.
    height: (heights[i] ?? 0) + (i === 0 ? headHeight : 0) + (i === lines.length - 3 ? gap : 0),
    list: undefined,
    table,
  }));
}

/** A heading moves with what follows it, never ending a slide on its own. */
function keepHeadings(pieces: Piece[], ctx: PlanContext): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    const next = pieces[i + 1];
    const heading = ctx.text.tokens(piece.markdown)[0]?.type === 'heading' && piece.table === undefined;
    if (heading && next && next.source === piece.source && next.table === undefined && next.list === undefined) {
      out.push({ ...next, markdown: `${piece.markdown}\n\n${next.markdown}`, height: piece.height + next.height });
      i++;
    } else out.push(piece);
  }
  return out;
}

/** Markdown documents on slides of their own, continued on the next slide where they run long. */
export function narrativePages(
  ctx: PlanContext,
  options: { title: string; sources: readonly string[]; notes?: readonly NoteItem[]; path?: readonly PathSegment[] },
): PlanPage[] {
  const budget = budgetFor(ctx, options.title);
  const all = keepHeadings(
    options.sources.flatMap((markdown, source) => pieces(ctx, markdown, source, budget)),
    ctx,
  );
  // Reference-style link definitions stay with their document wherever its pieces land.
  const definitions = options.sources.map((markdown) => linkDefinitions(ctx.text.tokens(markdown)));
  // A table row that opens a slide brings its table's header: keep room for it on every later slide.
  const head = Math.max(0, ...all.map((p) => p.table?.headHeight ?? 0));
  let pages = paginate(all, (p) => p.height, { first: budget, rest: budget });
  if (pages.slice(1).some((p) => p[0]?.table !== undefined)) {
    pages = paginate(all, (p) => p.height, { first: budget, rest: budget - head });
  }
  for (const pieces of pages) {
    checkRoom(
      ctx,
      options.title,
      pieces.reduce((sum, p) => sum + p.height, 0),
      budget,
      options.path ?? [],
      // The body is already cut at sentences: what is left is one block with no break (a long link, code, a table).
      'break it into shorter paragraphs, or shorten the link, code or table that has no place to break',
    );
  }
  return pages.map((pieces, i) => {
    const blocks: { source: number; markdown: string }[] = [];
    pieces.forEach((piece, k) => {
      const previous = pieces[k - 1];
      const last = blocks[blocks.length - 1];
      const sameTable = piece.table !== undefined && previous?.table?.index === piece.table.index;
      if (!previous || !last || previous.source !== piece.source) {
        blocks.push({ source: piece.source, markdown: joinPiece(undefined, piece, false) });
      } else {
        last.markdown = joinPiece(
          last.markdown,
          piece,
          sameTable || (piece.list !== undefined && previous.list === piece.list),
        );
      }
    });
    const data = { blocks: blocks.map((b) => ctx.text.block(`${b.markdown}\n${definitions[b.source] ?? ''}`)) };
    return page(ctx, 'narrative', options.title, data, {
      notes: i === 0 ? planNotes(ctx, options.notes ?? []) : undefined,
    });
  });
}

/** Appends a piece to the Markdown before it: on the next line where it continues a list or table. */
function joinPiece(before: string | undefined, piece: Piece, continues: boolean): string {
  const text = piece.table !== undefined && !continues ? `${piece.table.head}\n${piece.markdown}` : piece.markdown;
  if (before === undefined) return text;
  return `${before}${continues ? '\n' : '\n\n'}${text}`;
}
