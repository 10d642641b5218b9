import type { Token, Tokens } from 'marked';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { MarkdownRenderer } from '../../markdown/markdown.js';
import { isTableCaption } from '../../markdown/wide-tables.js';
import type { ContentImage } from '../../resources/images.js';
import { breakable, inlineRuns, plainText, type Run, type RunStyle } from './inline.js';
import { imagesBetweenText, lineByLine } from './lines.js';
import { ONLY_SLOT, SLOT_PATTERN, type Slot, type SlotTable } from './slots.js';
import { levelSwatch, type ReportStyle } from './style.js';
import { type Align, type Cell, gridTable } from './tables.js';

export interface Mode {
  readonly template: boolean;
  /** Headings become outline entries (not inside table cells). */
  readonly outline: boolean;
}

export const TEMPLATE: Mode = { template: true, outline: true };
const CONTENT: Mode = { template: false, outline: true };
const CELL: Mode = { template: false, outline: false };

/** A badge never wraps: "High · 15" split over two lines reads as two things. */
const nowrap = (label: string) => label.replaceAll(' ', '\u00A0');

const BREAK: Token = { type: 'br', raw: '\n' };

/**
 * Block tokens of a content field reduced to inline tokens, for a field set inside a line (a list item's
 * "Purpose: …", a step of a flow). Its paragraphs stay paragraphs, a blank line apart; a list in it puts
 * each item on a line of its own, after its bullet or number.
 */
export function inlineTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'space') continue;
    if (out.length > 0) out.push(BREAK, BREAK);
    if (token.type === 'list') {
      const list = token as Tokens.List;
      list.items.forEach((item, i) => {
        const marker = list.ordered ? `${(Number(list.start) || 1) + i}. ` : '• ';
        if (i > 0) out.push(BREAK);
        out.push({ type: 'text', raw: marker, text: marker }, ...inlineTokens(item.tokens));
      });
    } else if (token.type === 'list_item' || token.type === 'blockquote') {
      out.push(...inlineTokens((token as Tokens.ListItem | Tokens.Blockquote).tokens));
    } else if (token.type === 'code') out.push({ type: 'codespan', raw: token.raw, text: token.text });
    else if (token.type === 'table') out.push({ type: 'text', raw: token.raw, text: token.raw });
    else out.push(...((token as { tokens?: Token[] }).tokens ?? [token]));
  }
  return out;
}

export interface ConverterOptions {
  readonly md: MarkdownRenderer;
  readonly style: ReportStyle;
  readonly slots: SlotTable;
  /** The text block, in points. */
  readonly width: number;
  readonly height: number;
  /** Content images the edge has checked, by `src` as written. */
  readonly images: ReadonlyMap<string, ContentImage>;
  /** Images of the templates folder (`assets/logo.png`), for the template's own Markdown. */
  readonly templateImages: ReadonlyMap<string, ContentImage>;
}

/** PNG and JPEG are what pdfkit embeds; other images show as their alt text. */
export const embeddable = (image: ContentImage | undefined): image is ContentImage =>
  image?.type === 'png' || image?.type === 'jpeg';

/**
 * Markdown block tokens to pdfmake nodes. One instance per report: it numbers the headings it turns into
 * outline entries and remembers the template heading a content field's headings rank below.
 */
export class BlockConverter {
  private headingCount = 0;
  private readonly parents: string[] = [];
  private templateLevel = 1;
  private readonly o: ConverterOptions;

  constructor(options: ConverterOptions) {
    this.o = options;
  }

  /** Inline tokens to runs; in the template, slot markers in text become their values. */
  runs(tokens: readonly Token[], mode: Mode, base: RunStyle = {}): Run[] {
    return inlineRuns(
      tokens,
      this.o.style,
      base,
      mode.template ? (text, s) => (text.includes('\uE000') ? this.slotRuns(text, s) : undefined) : undefined,
    );
  }

  blocks(tokens: readonly Token[], mode: Mode, tight = false): Content[] {
    const out: Content[] = [];
    for (const token of tokens) out.push(...this.block(token, mode, tight));
    return out;
  }

  private block(token: Token, mode: Mode, tight: boolean): Content[] {
    const { style } = this.o;
    switch (token.type) {
      case 'space':
      case 'def':
        return [];
      case 'heading':
        return [this.heading(token as Tokens.Heading, mode)];
      case 'paragraph':
      case 'text':
        return this.paragraph(token, mode, tight);
      case 'list':
        return [this.list(token as Tokens.List, mode, tight)];
      case 'table':
        return [this.table(token as Tokens.Table, mode)];
      case 'blockquote':
        return [
          boxed(
            this.blocks((token as Tokens.Blockquote).tokens, mode),
            style.colors.quoteBackground,
            style.colors.quoteBar,
          ),
        ];
      case 'code':
        return [this.code(token.text)];
      case 'hr':
        return [
          {
            canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.6, lineColor: style.colors.rule }],
            margin: [0, 4, 0, 10],
          },
        ];
      default:
        // Raw HTML blocks and anything else are shown as the text they are.
        return [{ ...lineByLine(token.raw.trim(), {}), style: 'p' }];
    }
  }

  private paragraph(token: Token, mode: Mode, tight: boolean): Content[] {
    const slot = this.onlySlot(token.raw, mode);
    if (slot?.kind === 'markdown') return this.blocks(this.o.md.tokens(slot.value), CONTENT, tight);
    const figures = this.imageBlock(token, mode, tight);
    if (figures) return figures;
    const children = (token as { tokens?: Token[] }).tokens ?? [token];
    const node = { text: this.runs(children, mode), style: tight ? undefined : 'p' };
    // The caption of a part of a wide table ("Columns 11–19 of 300") goes to the page its table starts on.
    return [(isTableCaption(token) ? { ...node, keepWithNext: true } : node) as Content];
  }

  private list(list: Tokens.List, mode: Mode, tight: boolean): Content {
    const items = list.items.map((item) => this.listItem(item, mode));
    const margin: [number, number, number, number] = [0, 0, 0, tight ? 2 : 7];
    const markerColor = this.o.style.colors.muted;
    return list.ordered
      ? { ol: items, start: Number(list.start) || 1, margin, markerColor }
      : { ul: items, margin, markerColor };
  }

  private listItem(item: Tokens.ListItem, mode: Mode): Content {
    const nodes = this.blocks(item.tokens, mode, true);
    if (nodes.length === 1) return nodes[0] as Content;
    // An item's paragraphs stay paragraphs: set tight (no margins), they need a gap between them.
    const gap = (node: Content, i: number): Content =>
      i < nodes.length - 1 && typeof node === 'object' && !Array.isArray(node) && !('margin' in node)
        ? ({ ...node, margin: [0, 0, 0, 4] } as Content)
        : node;
    return { stack: nodes.map(gap) };
  }

  private code(text: string): Content {
    const { colors } = this.o.style;
    const lines = lineByLine(text, { preserveLeadingSpaces: true, fontSize: 8.5, color: colors.codeText });
    return boxed([{ ...lines, margin: [0, 0, 0, 5] }], colors.codeBackground, undefined);
  }

  private heading(token: Tokens.Heading, mode: Mode): Content {
    const text = this.runs(token.tokens, mode);
    // A heading inside a content field ranks just below the template heading it follows, whatever its depth.
    const level = mode.template ? token.depth : Math.min(this.templateLevel + 1, 4);
    if (mode.template) this.templateLevel = token.depth;
    if (!mode.outline) return { text, bold: true, margin: [0, 4, 0, 2] };
    const id = `h${++this.headingCount}`;
    this.parents.length = level - 1;
    const parent = this.parents[level - 2];
    this.parents[level - 1] = id;
    return {
      text,
      style: `h${Math.min(level, 4)}`,
      id,
      headlineLevel: level,
      outline: true,
      outlineText: plainText(text),
      ...(parent === undefined ? {} : { outlineParentId: parent }),
      ...(mode.template && level <= 2
        ? { tocItem: true, tocStyle: `toc${level}`, tocMargin: level === 1 ? [0, 7, 0, 1] : [14, 1, 0, 1] }
        : {}),
    } as Content;
  }

  private table(token: Tokens.Table, mode: Mode): Content {
    return gridTable(
      token.header.map((c) => this.cell(c, mode)),
      token.rows.map((row) => row.map((c) => this.cell(c, mode))),
      this.o.style,
      { width: this.o.width, align: token.align as Align[] },
    );
  }

  private cell(token: Tokens.TableCell, mode: Mode): Cell {
    const { style, md } = this.o;
    const slot = this.onlySlot(token.text, mode);
    if (slot?.kind === 'badge') {
      const swatch = levelSwatch(style, slot.level);
      const text = nowrap(slot.label);
      return { node: { text, bold: true, color: swatch.text, fillColor: swatch.fill }, length: text.length };
    }
    if (slot?.kind === 'markdown') {
      const nodes = this.blocks(md.tokens(slot.value), CELL);
      return {
        node: (nodes.length === 1 ? nodes[0] : { stack: nodes }) as TableCell,
        length: md.plain(slot.value).length,
      };
    }
    const text = this.runs(token.tokens, mode);
    const length = plainText(text).length;
    return { node: length === 0 ? { text: '—', color: style.colors.muted } : { text }, length: Math.max(length, 1) };
  }

  /** A paragraph with checked PNG/JPEG images in it: see `imagesBetweenText`; a table cell gets a third of the width. */
  private imageBlock(token: Token, mode: Mode, tight: boolean): Content[] | undefined {
    const { width, height } = this.o;
    // The template's Markdown shows the templates folder's images, a content field the content's.
    const images = mode.template ? this.o.templateImages : this.o.images;
    return imagesBetweenText((token as { tokens?: Token[] }).tokens ?? [], {
      imageOf: (t) => {
        const image = t.type === 'image' ? images.get((t as Tokens.Image).href) : undefined;
        return embeddable(image) ? image : undefined;
      },
      maxWidth: mode.outline ? width : width / 3,
      maxHeight: height * 0.6,
      paragraph: (tokens) => ({ text: this.runs(tokens, mode), style: tight ? undefined : 'p' }) as Content,
    });
  }

  /** The slot a template block consists of, if it is nothing else. */
  private onlySlot(raw: string, mode: Mode): Slot | undefined {
    const match = mode.template ? ONLY_SLOT.exec(raw) : null;
    return match ? this.o.slots.slot(Number(match[1])) : undefined;
  }

  private slotRuns(text: string, base: RunStyle = {}): Run[] {
    const { style, slots } = this.o;
    const runs: Run[] = [];
    let last = 0;
    for (const match of text.matchAll(SLOT_PATTERN)) {
      if (match.index > last)
        runs.push(...inlineRuns([{ type: 'text', raw: '', text: text.slice(last, match.index) }], style, base));
      runs.push(...this.slotInline(slots.slot(Number(match[1])), base));
      last = match.index + match[0].length;
    }
    if (last < text.length) runs.push(...inlineRuns([{ type: 'text', raw: '', text: text.slice(last) }], style, base));
    return runs;
  }

  private slotInline(slot: Slot, base: RunStyle): Run[] {
    const { style, md } = this.o;
    if (slot.kind === 'badge') {
      const swatch = levelSwatch(style, slot.level);
      return [
        { ...base, text: `\u00A0${nowrap(slot.label)}\u00A0`, bold: true, color: swatch.text, background: swatch.fill },
      ];
    }
    if (slot.kind === 'cite') {
      return [{ ...base, text: `[${slot.number}]`, linkToDestination: `ref-${slot.id}`, color: style.colors.accent }];
    }
    if (slot.kind === 'text') return [{ ...base, text: breakable(slot.value) }];
    if (slot.kind === 'link') return [{ ...base, text: slot.text, link: slot.url, color: style.colors.accent }];
    return inlineRuns(inlineTokens(md.tokens(slot.value)), style, base);
  }
}

/** A shaded box (block quotes, code), with a bar on the left when given one. */
function boxed(body: Content[], fill: string, bar: string | undefined): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: body, fillColor: fill }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (bar !== undefined && i === 0 ? 2.5 : 0),
      vLineColor: () => bar ?? fill,
      paddingLeft: () => 9,
      paddingRight: () => 9,
      paddingTop: () => 6,
      paddingBottom: () => 1,
    },
    margin: [0, 2, 0, 9],
  };
}
