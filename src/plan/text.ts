import type { Token } from 'marked';
import type { MarkdownRenderer } from '../markdown/markdown.js';
import type { SeverityInfo } from '../model/comparison.js';
import type { Rating } from '../model/risk.js';

/**
 * Content text in the plan: the Markdown as written, and whether it is a block (paragraphs, lists, tables)
 * or one line of inline text (a title, a name). Each output renders it in its own terms: the deck to safe
 * HTML, the slides PDF and the PPTX from its tokens. A class, so that a renderer can tell it from plain
 * strings anywhere in a page's data.
 */
export class MarkdownText {
  constructor(
    readonly markdown: string,
    readonly inline: boolean,
  ) {}
}

/** Content text for the plan builders: Markdown kept as Markdown, plain text and tokens for measuring. */
export interface PlanText {
  block(markdown: string): MarkdownText;
  inline(markdown: string): MarkdownText;
  plain(markdown: string): string;
  tokens(markdown: string): Token[];
}

export function createPlanText(md: MarkdownRenderer): PlanText {
  return {
    block: (markdown) => new MarkdownText(markdown, false),
    inline: (markdown) => new MarkdownText(markdown, true),
    plain: (markdown) => md.plain(markdown),
    tokens: (markdown) => md.tokens(markdown),
  };
}

/** A rating or severity as a badge: always a word, the colour only repeats it. */
export interface BadgeView {
  readonly level: string;
  readonly label: string;
}

export const ratingBadge = (rating: Rating | undefined): BadgeView =>
  rating
    ? { level: rating.level, label: `${rating.label} (${rating.score})` }
    : { level: 'unrated', label: 'Not rated' };

export const severityBadge = (severity: SeverityInfo | undefined): BadgeView =>
  severity ? { level: severity.id, label: severity.label } : { level: 'unrated', label: 'Not rated' };
