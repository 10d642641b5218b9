import type { Token, Tokens } from 'marked';
import { createTextMeasure } from '../diagram/index.js';
import type { FontSet } from '../fonts/load.js';
import { IMAGE, TABLE, TEXT, type TextStyle } from './geometry.js';

export type FontFace = 'regular' | 'bold' | 'mono';

/** Widths of text in the deck's font, in px. */
export interface TextWidths {
  width(text: string, size: number, face?: FontFace): number;
}

/** Monospace text falls back to the system's monospace font: assume a generous 0.62 em per character. */
const MONO_EM = 0.62;
/** 4% on top of the font's advances: the estimate must err on the side of more lines, never fewer. */
const SAFETY = 1.04;

/** Widths from the diagrams' measure (the same font, advances summed without kerning), with the margins above. */
export function createTextWidths(fonts: FontSet): TextWidths {
  const measure = createTextMeasure(fonts);
  return {
    width: (text, size, face = 'regular') =>
      (face === 'mono' ? [...text].length * MONO_EM * size : measure.width(text, size, face === 'bold')) * SAFETY,
  };
}

/** A piece of text between break opportunities, with the face it is drawn in. */
interface Word {
  readonly text: string;
  readonly face: FontFace;
  /** A forced line break before this word. */
  readonly breakBefore?: boolean;
}

function inlineWords(tokens: readonly Token[], face: FontFace, out: Word[]): Word[] {
  for (const token of tokens) {
    const t = token as Token & { tokens?: Token[]; text?: string; number?: number };
    if (t.type === 'codespan') pushWords(t.text ?? '', 'mono', out);
    else if (t.type === 'strong') inlineWords(t.tokens ?? [], face === 'mono' ? face : 'bold', out);
    else if (t.type === 'citation') pushWords(`[${t.number}]`, face, out);
    else if (t.type === 'image') continue;
    else if (t.type === 'br') out.push({ text: '', face, breakBefore: true });
    else if (t.tokens && t.tokens.length > 0) inlineWords(t.tokens, face, out);
    else if (typeof t.text === 'string') pushWords(t.text, face, out);
  }
  return out;
}

function pushWords(text: string, face: FontFace, out: Word[]) {
  for (const part of text.split(/\s+/)) if (part) out.push({ text: part, face });
}

/** Width of `words` on one line. */
function lineWidth(words: readonly Word[], size: number, widths: TextWidths): number {
  const space = widths.width(' ', size);
  return words.reduce((sum, word, i) => sum + widths.width(word.text, size, word.face) + (i > 0 ? space : 0), 0);
}

/** Lines that `words` take when wrapped greedily into `width` px. */
function wrapLines(words: readonly Word[], width: number, size: number, widths: TextWidths): number {
  if (words.length === 0) return 0;
  const space = widths.width(' ', size);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = widths.width(word.text, size, word.face);
    if (word.breakBefore && used > 0) {
      lines++;
      used = 0;
    }
    if (used > 0 && used + space + w <= width) used += space + w;
    else {
      if (used > 0) lines++;
      // A word wider than the line breaks anywhere (overflow-wrap: anywhere).
      const extra = Math.max(0, Math.ceil(w / width) - 1);
      lines += extra;
      used = w - extra * width;
    }
  }
  return lines;
}

/** Estimates heights of text and Markdown in a box of a given width. */
export interface HeightEstimator {
  /** Height of plain text (one paragraph). */
  text(text: string, width: number, style: TextStyle, face?: FontFace): number;
  /** Height of marked block tokens, block gaps included (none after the last block). */
  blocks(tokens: readonly Token[], width: number, style: TextStyle): number;
  /** Height of one top-level block token, without its bottom gap. */
  block(token: Token, width: number, style: TextStyle): number;
  lines(text: string, width: number, size: number, face?: FontFace): number;
  /** Heights of a Markdown table's header row and of each of its rows, borders included. */
  tableRows(token: Tokens.Table, width: number): number[];
}

/** Sizes of the content's images, by `src` as written. */
export type ImageSizes = ReadonlyMap<string, { readonly width: number; readonly height: number }>;

/** What the height functions below measure with: the font's widths and the content's image sizes. */
interface Measures {
  readonly widths: TextWidths;
  readonly images: ImageSizes;
}

const lineHeight = (style: TextStyle) => style.size * style.lineHeight;
const gap = (style: TextStyle) => TEXT.blockGap * style.size;

/** An image is drawn at most the box wide and IMAGE.maxHeight tall, its proportions kept; each on a line of its own. */
function imageHeights(m: Measures, tokens: readonly Token[], width: number): number {
  return tokens.reduce((sum, token) => {
    const t = token as Token & { tokens?: Token[]; href?: string };
    if (t.type === 'image') {
      const size = m.images.get(t.href ?? '');
      if (!size) return sum;
      return sum + Math.min(IMAGE.maxHeight, (size.height * Math.min(width, size.width)) / size.width);
    }
    return sum + (t.tokens ? imageHeights(m, t.tokens, width) : 0);
  }, 0);
}

type BlockToken = Token & {
  tokens?: Token[];
  items?: { tokens: Token[] }[];
  text?: string;
  depth?: number;
};

function blockHeight(m: Measures, token: Token, width: number, style: TextStyle): number {
  const t = token as BlockToken;
  switch (t.type) {
    case 'space':
      return 0;
    case 'hr':
      return lineHeight(style);
    case 'heading': {
      const h = { size: style.size * (t.depth === 1 ? 1.4 : t.depth === 2 ? 1.25 : 1.12), lineHeight: 1.25 };
      return wrapLines(inlineWords(t.tokens ?? [], 'bold', []), width, h.size, m.widths) * lineHeight(h);
    }
    case 'code': {
      const lines = (t.text ?? '').split('\n');
      const perLine = Math.max(1, Math.floor(width / (MONO_EM * style.size * 0.85)));
      const count = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
      return count * style.size * 0.85 * 1.35 + 16;
    }
    case 'list': {
      const indent = TEXT.listIndent * style.size;
      const items = t.items ?? [];
      const gaps = Math.max(0, items.length - 1) * TEXT.itemGap * style.size;
      return items.reduce((sum, item) => sum + blocksHeight(m, item.tokens, width - indent, style), 0) + gaps;
    }
    case 'blockquote':
      return blocksHeight(m, t.tokens ?? [], width - style.size, style);
    case 'table':
      return tableRowHeights(m, t as Tokens.Table, width).reduce((a, b) => a + b, 0);
    default:
      return (
        Math.max(1, wrapLines(inlineWords(t.tokens ?? [], 'regular', []), width, style.size, m.widths)) *
          lineHeight(style) +
        imageHeights(m, t.tokens ?? [], width)
      );
  }
}

/**
 * Heights of a Markdown table's header and rows as the deck draws it (`table-layout: auto`, cells that may
 * break anywhere): each column is as wide as its longest cell's text, shares scaled to the table's width.
 */
function tableRowHeights(m: Measures, t: Tokens.Table, width: number): number[] {
  const style = TABLE.text;
  const words = (cell: Tokens.TableCell) => inlineWords(cell.tokens, 'regular', []);
  const rows = [t.header, ...t.rows];
  const pad = 2 * TABLE.padX + TABLE.border;
  const longest = t.header.map(
    (_, c) => Math.max(...rows.map((r) => (r[c] ? lineWidth(words(r[c]), style.size, m.widths) : 0))) + pad,
  );
  const total = longest.reduce((a, b) => a + b, 0) || 1;
  // A column squeezed by a long neighbour still holds a character a line (overflow-wrap: anywhere).
  const columns = longest.map((w) => Math.max(style.size, (width * w) / total - pad));
  return rows.map(
    (r) =>
      Math.max(1, ...r.map((cell, c) => wrapLines(words(cell), columns[c] ?? width, style.size, m.widths))) *
        lineHeight(style) +
      2 * TABLE.padY +
      TABLE.border,
  );
}

function blocksHeight(m: Measures, tokens: readonly Token[], width: number, style: TextStyle): number {
  const heights = tokens.map((token) => blockHeight(m, token, width, style)).filter((h) => h > 0);
  return heights.reduce((a, b) => a + b, 0) + Math.max(0, heights.length - 1) * gap(style);
}

const plainToken = (text: string) => ({ type: 'text', raw: text, text }) as Token;

export function createHeightEstimator(widths: TextWidths, images: ImageSizes = new Map()): HeightEstimator {
  const m: Measures = { widths, images };
  return {
    text: (text, width, style, face = 'regular') =>
      Math.max(1, wrapLines(inlineWords([plainToken(text)], face, []), width, style.size, widths)) * lineHeight(style),
    blocks: (tokens, width, style) => blocksHeight(m, tokens, width, style),
    block: (token, width, style) => blockHeight(m, token, width, style),
    tableRows: (token, width) => tableRowHeights(m, token, width),
    lines: (text, width, size, face = 'regular') =>
      wrapLines(inlineWords([plainToken(text)], face, []), width, size, widths),
  };
}
