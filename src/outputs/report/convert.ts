import type { Token, Tokens } from 'marked';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { MarkdownRenderer } from '../../markdown/markdown.js';
import type { ContentImage } from '../../resources/images.js';
import { breakable, inlineRuns, plainText, type Run, type RunStyle } from './inline.js';
import { imagesBetweenText, lineByLine } from './lines.js';
import { ONLY_SLOT, SLOT_PATTERN, type Slot, type SlotTable } from './slots.js';
import { levelSwatch, type ReportStyle } from './style.js';
import { type Align, type Cell, gridTable } from './tables.js';

/** Markdown (marked's tokens) to pdfmake nodes, for the template's Markdown and for content fields. */
export interface Converter {
  /** The template's Markdown: headings go to the outline and the contents, slots are filled in. */
  template(markdown: string): Content[];
  /** A content field as one run of inline text (table cells, list labels). */
  inline(markdown: string, base?: RunStyle): Run[];
  /** One line of the template's inline Markdown (the header and footer), slots filled in. */
  templateLine(markdown: string): Run[];
}

interface Mode {
  readonly template: boolean;
  /** Headings become outline entries (not inside table cells). */
  readonly outline: boolean;
}

const TEMPLATE: Mode = { template: true, outline: true };
const CONTENT: Mode = { template: false, outline: true };
const CELL: Mode = { template: false, outline: false };

/** A badge never wraps: "High · 15" split over two lines reads as two things. */
const nowrap = (label: string) => label.replaceAll(' ', '\u00A0');

/** Block tokens of a content field reduced to inline tokens, blocks separated by a space. */
function inlineTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const space: Token = { type: 'text', raw: ' ', text: ' ' };
  for (const token of tokens) {
    if (token.type === 'space') continue;
    if (out.length > 0) out.push(space);
    if (token.type === 'list') out.push(...inlineTokens((token as Tokens.List).items));
    else if (token.type === 'list_item' || token.type === 'blockquote') {
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
}

/** PNG and JPEG are what pdfkit embeds; other images show as their alt text. */
export const embeddable = (image: ContentImage | undefined): image is ContentImage =>
  image?.type === 'png' || image?.type === 'jpeg';

export function createConverter({ md, style, slots, width, height, images }: ConverterOptions): Converter {
  let headingCount = 0;
  const parents: string[] = [];
  let templateLevel = 1;

  const badgeRun = (slot: Extract<Slot, { kind: 'badge' }>, base: RunStyle): Run => {
    const swatch = levelSwatch(style, slot.level);
    return {
      ...base,
      text: `\u00A0${nowrap(slot.label)}\u00A0`,
      bold: true,
      color: swatch.text,
      background: swatch.fill,
    };
  };

  const slotInline = (slot: Slot, base: RunStyle): Run[] => {
    if (slot.kind === 'badge') return [badgeRun(slot, base)];
    if (slot.kind === 'cite') {
      return [{ ...base, text: `[${slot.number}]`, linkToDestination: `ref-${slot.id}`, color: style.colors.accent }];
    }
    if (slot.kind === 'text') return [{ ...base, text: breakable(slot.value) }];
    if (slot.kind === 'link') return [{ ...base, text: slot.text, link: slot.url, color: style.colors.accent }];
    return inlineRuns(inlineTokens(md.tokens(slot.value)), style, base);
  };

  const slotRuns = (text: string, base: RunStyle = {}): Run[] => {
    const runs: Run[] = [];
    let last = 0;
    for (const match of text.matchAll(SLOT_PATTERN)) {
      if (match.index > last)
        runs.push(...inlineRuns([{ type: 'text', raw: '', text: text.slice(last, match.index) }], style, base));
      runs.push(...slotInline(slots.slot(Number(match[1])), base));
      last = match.index + match[0].length;
    }
    if (last < text.length) runs.push(...inlineRuns([{ type: 'text', raw: '', text: text.slice(last) }], style, base));
    return runs;
  };

  const runs = (tokens: readonly Token[], mode: Mode, base: RunStyle = {}): Run[] =>
    inlineRuns(
      tokens,
      style,
      base,
      mode.template ? (text, s) => (text.includes('\uE000') ? slotRuns(text, s) : undefined) : undefined,
    );

  /** The slot a template block consists of, if it is nothing else. */
  const onlySlot = (raw: string, mode: Mode): Slot | undefined => {
    const match = mode.template ? ONLY_SLOT.exec(raw) : null;
    return match ? slots.slot(Number(match[1])) : undefined;
  };

  const heading = (token: Tokens.Heading, mode: Mode): Content => {
    const text = runs(token.tokens, mode);
    // A heading inside a content field ranks just below the template heading it follows, whatever its depth.
    const level = mode.template ? token.depth : Math.min(templateLevel + 1, 4);
    if (mode.template) templateLevel = token.depth;
    if (!mode.outline) return { text, bold: true, margin: [0, 4, 0, 2] };
    const id = `h${++headingCount}`;
    parents.length = level - 1;
    const parent = parents[level - 2];
    parents[level - 1] = id;
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
  };

  const cell = (token: Tokens.TableCell, mode: Mode): Cell => {
    const slot = onlySlot(token.text, mode);
    if (slot?.kind === 'badge') {
      const swatch = levelSwatch(style, slot.level);
      const text = nowrap(slot.label);
      return { node: { text, bold: true, color: swatch.text, fillColor: swatch.fill }, length: text.length };
    }
    if (slot?.kind === 'markdown') {
      const nodes = blocks(md.tokens(slot.value), CELL);
      return {
        node: (nodes.length === 1 ? nodes[0] : { stack: nodes }) as TableCell,
        length: md.plain(slot.value).length,
      };
    }
    const text = runs(token.tokens, mode);
    const length = plainText(text).length;
    return { node: length === 0 ? { text: '—', color: style.colors.muted } : { text }, length: Math.max(length, 1) };
  };

  const table = (token: Tokens.Table, mode: Mode): Content =>
    gridTable(
      token.header.map((c) => cell(c, mode)),
      token.rows.map((row) => row.map((c) => cell(c, mode))),
      style,
      { width, align: token.align as Align[] },
    );

  const listItem = (item: Tokens.ListItem, mode: Mode): Content => {
    const nodes = blocks(item.tokens, mode, true);
    return nodes.length === 1 ? (nodes[0] as Content) : { stack: nodes };
  };

  /** A paragraph with checked PNG/JPEG images in it: see `imagesBetweenText`; a table cell gets a third of the width. */
  const imageBlock = (token: Token, mode: Mode, tight: boolean): Content[] | undefined =>
    imagesBetweenText((token as { tokens?: Token[] }).tokens ?? [], {
      imageOf: (t) => {
        const image = t.type === 'image' ? images.get((t as Tokens.Image).href) : undefined;
        return embeddable(image) ? image : undefined;
      },
      maxWidth: mode.outline ? width : width / 3,
      maxHeight: height * 0.6,
      paragraph: (tokens) => ({ text: runs(tokens, mode), style: tight ? undefined : 'p' }) as Content,
    });

  const boxed = (body: Content[], fill: string, bar: string | undefined): Content => ({
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
  });

  function blocks(tokens: readonly Token[], mode: Mode, tight = false): Content[] {
    const out: Content[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
        case 'def':
          break;
        case 'heading':
          out.push(heading(token as Tokens.Heading, mode));
          break;
        case 'paragraph':
        case 'text': {
          const slot = onlySlot(token.raw, mode);
          const figures = mode.template ? undefined : imageBlock(token, mode, tight);
          if (slot?.kind === 'markdown') out.push(...blocks(md.tokens(slot.value), CONTENT, tight));
          else if (figures) out.push(...figures);
          else {
            const children = (token as { tokens?: Token[] }).tokens ?? [token];
            out.push({ text: runs(children, mode), style: tight ? undefined : 'p' } as Content);
          }
          break;
        }
        case 'list': {
          const list = token as Tokens.List;
          const items = list.items.map((item) => listItem(item, mode));
          const margin: [number, number, number, number] = [0, 0, 0, tight ? 2 : 7];
          out.push(
            list.ordered
              ? { ol: items, start: Number(list.start) || 1, margin, markerColor: style.colors.muted }
              : { ul: items, margin, markerColor: style.colors.muted },
          );
          break;
        }
        case 'table':
          out.push(table(token as Tokens.Table, mode));
          break;
        case 'blockquote':
          out.push(
            boxed(
              blocks((token as Tokens.Blockquote).tokens, mode),
              style.colors.quoteBackground,
              style.colors.quoteBar,
            ),
          );
          break;
        case 'code':
          out.push(
            boxed(
              [
                {
                  ...lineByLine(token.text, {
                    preserveLeadingSpaces: true,
                    fontSize: 8.5,
                    color: style.colors.codeText,
                  }),
                  margin: [0, 0, 0, 5],
                },
              ],
              style.colors.codeBackground,
              undefined,
            ),
          );
          break;
        case 'hr':
          out.push({
            canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.6, lineColor: style.colors.rule }],
            margin: [0, 4, 0, 10],
          });
          break;
        default:
          // Raw HTML blocks and anything else are shown as the text they are.
          out.push({ ...lineByLine(token.raw.trim(), {}), style: 'p' });
      }
    }
    return out;
  }

  return {
    template: (markdown) => blocks(md.tokens(markdown), TEMPLATE),
    inline: (markdown, base = {}) => inlineRuns(inlineTokens(md.tokens(markdown)), style, base),
    templateLine: (markdown) => runs(inlineTokens(md.tokens(markdown)), TEMPLATE),
  };
}
