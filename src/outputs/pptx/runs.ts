import type { Token, Tokens } from 'marked';
import type { CitationToken } from '../../markdown/markdown.js';
import { isSafeLink, linkTarget } from '../../markdown/urls.js';
import { decodeEntities } from '../report/inline.js';
import { xmlSafe } from './units.js';

/** Where a run links: an address outside the file, or a slide of it (1-based). */
export type RunLink = { readonly url: string } | { readonly slide: number };

/** A piece of text with one style, as a presentation run holds it. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly link?: RunLink;
  /** A colour of its own (six hex digits), and a background behind it (a rating badge). */
  readonly color?: string;
  readonly highlight?: string;
}

export type RunStyle = Omit<Run, 'text'>;

/** A paragraph of runs: a list item carries its marker and depth, a heading is set larger. */
export interface Paragraph {
  readonly runs: readonly Run[];
  readonly list?: { readonly ordered: boolean; readonly number: number; readonly depth: number };
  readonly heading?: boolean;
  readonly quote?: boolean;
  readonly code?: boolean;
  /** The last paragraph of a block (a list, a paragraph): the block gap follows it. */
  readonly blockEnd: boolean;
  /** Set in a look of its own (a table's smaller second line), instead of the box's. */
  readonly look?: { readonly size: number; readonly lineHeight: number; readonly color?: string };
  /** Space above, and space below in place of the look's, in deck px. */
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  readonly align?: 'left' | 'center' | 'right';
}

/** A block of a Markdown document: paragraphs of text, or a table (drawn as a presentation table). */
export type Block =
  | { readonly kind: 'text'; readonly paragraphs: readonly Paragraph[] }
  | {
      readonly kind: 'table';
      readonly header: readonly (readonly Run[])[];
      readonly rows: readonly (readonly (readonly Run[])[])[];
    };

/** Where links inside the file go: the slide a reference (by id) or a deck anchor (`#/id`) is on. */
export interface LinkTargets {
  readonly reference: (id: string) => number | undefined;
  readonly anchor: (id: string) => number | undefined;
}

const NO_TARGETS: LinkTargets = { reference: () => undefined, anchor: () => undefined };

const EXTERNAL = /^(?:https?:\/\/|mailto:)/i;

/** Where a Markdown link target goes in the file, or nothing when it may not be followed. */
export function runLink(href: string, targets: LinkTargets): RunLink | undefined {
  const target = linkTarget(href);
  if (!isSafeLink(target)) return undefined;
  if (EXTERNAL.test(target)) return { url: target };
  const ref = /^#ref-(.+)$/.exec(target)?.[1];
  const anchor = /^#\/(.+)$/.exec(target)?.[1];
  const slide = ref !== undefined ? targets.reference(ref) : anchor !== undefined ? targets.anchor(anchor) : undefined;
  return slide === undefined ? undefined : { slide };
}

const soft = (text: string) => text.replace(/[ \t\r\n]+/g, ' ');

/** Inline tokens as runs, each carrying its whole style. */
export function inlineRuns(tokens: readonly Token[], targets: LinkTargets = NO_TARGETS, base: RunStyle = {}): Run[] {
  const runs: Run[] = [];
  const push = (text: string, style: RunStyle) => {
    const clean = xmlSafe(text);
    if (clean !== '') runs.push({ ...style, text: clean });
  };
  const walk = (list: readonly Token[], s: RunStyle) => {
    for (const token of list) {
      const children = (token as { tokens?: Token[] }).tokens;
      switch (token.type) {
        case 'strong':
          walk(children ?? [], { ...s, bold: true });
          break;
        case 'em':
          walk(children ?? [], { ...s, italic: true });
          break;
        case 'del':
          walk(children ?? [], { ...s, strike: true });
          break;
        case 'codespan':
          push(decodeEntities(soft(token.text)), { ...s, code: true });
          break;
        case 'link': {
          const link = runLink((token as Tokens.Link).href, targets);
          walk(children ?? [], link === undefined ? s : { ...s, link });
          break;
        }
        case 'citation': {
          const c = token as unknown as CitationToken;
          const slide = targets.reference(c.id);
          push(`[${c.number}]`, slide === undefined ? s : { ...s, link: { slide } });
          break;
        }
        case 'image':
          push(`[${decodeEntities(token.text)}]`, { ...s, italic: true });
          break;
        case 'br':
          push('\n', s);
          break;
        case 'checkbox':
          push((token as { checked?: boolean }).checked ? '[x] ' : '[ ] ', s);
          break;
        case 'escape':
          push(token.text, s);
          break;
        case 'html':
          push(token.raw, s);
          break;
        default:
          if (children && children.length > 0) walk(children, s);
          else if (typeof (token as { text?: unknown }).text === 'string') {
            push(decodeEntities(soft((token as { text: string }).text)), s);
          }
      }
    }
  };
  walk(tokens, base);
  return runs;
}

/** Block tokens as paragraphs and tables, in order. */
export function blocks(tokens: readonly Token[], targets: LinkTargets = NO_TARGETS): Block[] {
  const out: Block[] = [];
  let text: Paragraph[] = [];
  const flush = () => {
    if (text.length > 0) out.push({ kind: 'text', paragraphs: text });
    text = [];
  };
  const add = (paragraphs: readonly Paragraph[]) => {
    const last = paragraphs.length - 1;
    paragraphs.forEach((p, i) => {
      text.push({ ...p, blockEnd: i === last });
    });
  };
  for (const token of tokens) {
    if (token.type === 'table') {
      flush();
      const table = token as Tokens.Table;
      out.push({
        kind: 'table',
        header: table.header.map((cell) => inlineRuns(cell.tokens, targets)),
        rows: table.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens, targets))),
      });
    } else add(blockParagraphs(token, targets, 0));
  }
  flush();
  return out;
}

function blockParagraphs(token: Token, targets: LinkTargets, depth: number): Paragraph[] {
  const children = (token as { tokens?: Token[] }).tokens ?? [];
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return [];
    case 'heading':
      return [{ runs: inlineRuns(children, targets, { bold: true }), heading: true, blockEnd: false }];
    case 'code':
      return token.text
        .split('\n')
        .map((line: string) => ({ runs: [{ text: xmlSafe(line) || ' ', code: true }], code: true, blockEnd: false }));
    case 'blockquote':
      return children.flatMap((t) => blockParagraphs(t, targets, depth)).map((p) => ({ ...p, quote: true }));
    case 'list':
      return listParagraphs(token as Tokens.List, targets, depth);
    case 'table': {
      // A table inside a list or quote: its rows as lines of text.
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => ({
        runs: row.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...inlineRuns(cell.tokens, targets)]),
        blockEnd: false,
      }));
    }
    default:
      return [{ runs: inlineRuns(children.length > 0 ? children : [token], targets), blockEnd: false }];
  }
}

function listParagraphs(list: Tokens.List, targets: LinkTargets, depth: number): Paragraph[] {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items.flatMap((item, i) => {
    const marker = { ordered: list.ordered, number: start + i, depth };
    const [first, ...rest] = item.tokens.flatMap((t) =>
      t.type === 'list' ? listParagraphs(t as Tokens.List, targets, depth + 1) : blockParagraphs(t, targets, depth),
    );
    const checkbox = item.task ? [{ text: item.checked ? '[x] ' : '[ ] ' }] : [];
    const head: Paragraph = { runs: [...checkbox, ...(first?.runs ?? [])], list: marker, blockEnd: false };
    // Later paragraphs of an item (and nested lists) keep its indent.
    return [head, ...rest.map((p) => (p.list ? p : { ...p, list: { ...marker, number: 0 } }))];
  });
}

/** The text of runs, for measuring and for checks. */
export const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
