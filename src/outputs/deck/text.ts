import Handlebars from 'handlebars';
import type { Token } from 'marked';
import type { MarkdownRenderer } from '../../markdown/markdown.js';
import type { SeverityInfo } from '../../model/comparison.js';
import type { Rating } from '../../model/risk.js';

/** HTML that Handlebars inserts as is. Only the Markdown renderer (which escapes and sanitizes) makes it. */
export type Html = Handlebars.SafeString;

/** Content text for the templates: Markdown rendered safe, plain text left for Handlebars to escape. */
export interface DeckText {
  block(markdown: string): Html;
  inline(markdown: string): Html;
  plain(markdown: string): string;
  tokens(markdown: string): Token[];
}

export function createDeckText(md: MarkdownRenderer): DeckText {
  return {
    block: (markdown) => new Handlebars.SafeString(md.html(markdown)),
    inline: (markdown) => new Handlebars.SafeString(md.inlineHtml(markdown)),
    plain: (markdown) => md.plain(markdown),
    tokens: (markdown) => md.tokens(markdown),
  };
}

/** A rating or severity as the `badge` partial draws it: always a word, the colour only repeats it. */
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
