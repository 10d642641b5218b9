import { decodeHTML } from 'entities';
import type { Token } from 'marked';
import type { MarkdownRenderer } from '../../markdown/markdown.js';
import { MarkdownText } from '../../plan/index.js';
import { type Block, blocks, inlineRuns, type LinkTargets, type Paragraph, type Run, type RunStyle } from './runs.js';
import { xmlSafe } from './units.js';

/** A value of the slide plan as text: Markdown as written, a plain string, or nothing. */
export type PlanText = MarkdownText | string | number | undefined;

/** Turns the plan's text into runs and blocks, with the file's links resolved. */
export interface RichText {
  runs(value: PlanText, style?: RunStyle): Run[];
  blocks(value: PlanText): Block[];
  /** All of a value's paragraphs, tables flattened into lines: for table cells. */
  paragraphs(value: PlanText, style?: RunStyle): Paragraph[];
  tokens(markdown: string): Token[];
  plain(value: PlanText): string;
  readonly targets: LinkTargets;
}

const inlineTokens = (tokens: readonly Token[]): Token[] =>
  tokens.flatMap((t) => {
    const children = (t as { tokens?: Token[] }).tokens;
    return t.type === 'paragraph' || t.type === 'heading' || t.type === 'text' ? (children ?? [t]) : [t];
  });

/** HTML text without its tags (speaker notes, the rare value not from Markdown): what a reader sees. */
export function htmlText(html: string): string {
  const text = html
    .replace(/<\/(?:p|li|h[1-6]|tr|pre|blockquote)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/\n{3,}/g, '\n\n');
  return xmlSafe(decodeHTML(text)).trim();
}

export function createRichText(md: MarkdownRenderer, targets: LinkTargets): RichText {
  const runs = (value: PlanText, style: RunStyle = {}): Run[] => {
    if (value === undefined || value === '') return [];
    if (value instanceof MarkdownText) {
      return inlineRuns(inlineTokens(md.tokens(value.markdown)), targets, style);
    }
    return [{ ...style, text: xmlSafe(String(value)) }];
  };
  const toBlocks = (value: PlanText): Block[] => {
    if (value instanceof MarkdownText && !value.inline) return blocks(md.tokens(value.markdown), targets);
    const line = runs(value);
    return line.length === 0 ? [] : [{ kind: 'text', paragraphs: [{ runs: line, blockEnd: true }] }];
  };
  return {
    runs,
    blocks: toBlocks,
    paragraphs: (value, style = {}) =>
      toBlocks(value).flatMap((b) =>
        b.kind === 'text'
          ? b.paragraphs.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...style, ...r })) }))
          : [b.header, ...b.rows].map((row) => ({
              runs: row.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...cell]),
              blockEnd: false,
            })),
      ),
    tokens: (markdown) => md.tokens(markdown),
    plain: (value) => (value instanceof MarkdownText ? md.plain(value.markdown) : String(value ?? '')),
    targets,
  };
}
