import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { keepIdentifiers } from './identifiers.js';
import { isLocalImage, isSafeLink, linkTarget, linkTitle } from './urls.js';
import { splitWideTables } from './wide-tables.js';

export interface CitationTarget {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
}

export interface CitationToken {
  readonly type: 'citation';
  readonly raw: string;
  readonly id: string;
  readonly number: number;
  readonly url: string;
  readonly title: string;
}

export interface MarkdownRenderer {
  /** Safe HTML for a block of Markdown (paragraphs, lists, tables…). */
  html(markdown: string): string;
  /** Safe HTML for a one-line field (a title, a table cell): no wrapping paragraph. */
  inlineHtml(markdown: string): string;
  /** marked's block tokens, citations included as `citation` tokens; for the report. */
  tokens(markdown: string): Token[];
  /** Plain text with the markup removed, for SVG labels, PDF metadata and the deck's <title>. */
  plain(markdown: string): string;
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The second wall: whatever the renderer produced, only these tags and attributes survive. */
/** Exported for the dependency test, which checks what a sanitize-html advisory would need. */
export const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'em',
    'strong',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
  ],
  allowedAttributes: {
    // `class` is allowed where `allowedClasses` names the classes (sanitize-html filters it there).
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  allowedClasses: { a: ['citation'], code: [/^language-[\w-]+$/] },
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

const CITATION = /^\[@([a-z0-9][a-z0-9-]*)\]/;

/** An image the edge has checked: `output` is where the deck has it, relative to the deck. */
export interface ImageTarget {
  readonly output: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The configured Markdown renderer. Images render only when the edge has checked them (`images`, by
 * `src` as written); any other image shows as its alt text. With `tableColumns`, `html` and `tokens` split
 * tables of more columns into parts of that many (`splitWideTables`).
 */
export function createMarkdown(
  citations: readonly CitationTarget[] = [],
  images: ReadonlyMap<string, ImageTarget> = new Map(),
  layout: { readonly tableColumns?: number } = {},
): MarkdownRenderer {
  const byId = new Map(citations.map((c) => [c.id, c]));
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    extensions: [
      {
        name: 'citation',
        level: 'inline',
        // No `start`: marked's text tokenizer already stops before every `[`, where a citation begins.
        tokenizer(src: string) {
          const match = CITATION.exec(src);
          const target = match?.[1] === undefined ? undefined : byId.get(match[1]);
          if (!match || !target) return undefined;
          return {
            type: 'citation',
            raw: match[0],
            id: target.id,
            number: target.number,
            url: target.url,
            title: target.title,
          };
        },
        renderer(token) {
          const t = token as unknown as CitationToken;
          return `<a class="citation" href="#ref-${escapeHtml(t.id)}" title="${escapeHtml(t.title)}">[${t.number}]</a>`;
        },
      },
    ],
    renderer: {
      // Raw HTML in content is shown as text, as Hugo and GitHub do by default.
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        // Checked as the browser will read it: decoded and encoded once, then escaped once for HTML.
        const target = linkTarget(href);
        if (!isSafeLink(target)) return text;
        const titleAttr = title ? ` title="${escapeHtml(linkTitle(title))}"` : '';
        return `<a href="${escapeHtml(target)}"${titleAttr}>${text}</a>`;
      },
      image({ href, title, text }: Tokens.Image) {
        const image = images.get(href);
        if (!image || !isLocalImage(image.output)) return escapeHtml(text);
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<img src="${escapeHtml(image.output)}" alt="${escapeHtml(text)}" width="${image.width}" height="${image.height}"${titleAttr}>`;
      },
    },
  });
  const clean = (html: string) => sanitizeHtml(html, SANITIZE).trim();
  const lex = (markdown: string) => marked.lexer(markdown);
  const { tableColumns } = layout;
  // Tables wider than the output can show continue by columns (see wide-tables.ts).
  const tokens =
    tableColumns === undefined ? lex : (markdown: string) => splitWideTables(lex(markdown), tableColumns, lex);
  return {
    html: (markdown) =>
      keepIdentifiers(
        clean((tableColumns === undefined ? marked.parse(markdown) : marked.parser(tokens(markdown))) as string),
      ),
    inlineHtml: (markdown) => keepIdentifiers(clean(marked.parseInline(markdown) as string)),
    tokens,
    plain: (markdown) => plainText(marked.lexer(markdown)),
  };
}

function plainText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    const t = token as Token & { tokens?: Token[]; items?: Token[]; text?: string; number?: number };
    if (t.type === 'citation') parts.push(`[${t.number}]`);
    else if (t.type === 'space' || t.type === 'hr') parts.push(' ');
    else if (t.tokens && t.tokens.length > 0) parts.push(plainText(t.tokens));
    else if (t.items) parts.push(t.items.map((item) => plainText([item])).join(' '));
    else if (t.type === 'br') parts.push(' ');
    else if (typeof t.text === 'string') parts.push(t.type === 'escape' ? t.text : decodeEntities(t.text));
    if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'list_item') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
