import type { Token } from 'marked';
import { IDENTIFIER } from '../../markdown/identifiers.js';
import type { CitationToken } from '../../markdown/markdown.js';
import { isSafeLink, linkTarget } from '../../markdown/urls.js';
import type { ReportStyle } from './style.js';

/**
 * One run of text with its whole style. pdfmake drops the style of a parent in nested text arrays
 * (bpampuch/pdfmake#1174), so inline Markdown is flattened into runs that each carry every property.
 */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
  readonly background?: string;
  readonly decoration?: 'underline' | 'lineThrough';
  readonly link?: string;
  readonly linkToDestination?: string;
  /** An identifier (CVE id, flag, path…) that pdfmake must not break, unless a column is too narrow for it. */
  readonly noWrap?: boolean;
}

export type RunStyle = Omit<Run, 'text'>;

/** Identifiers up to this long are kept on one line; longer ones wrap like any long word. */
export const IDENTIFIER_MAX = 32;

/**
 * Text as runs in which each identifier (CVE, ATT&CK and CWE ids, --flags, versions, paths) is a run of its own
 * that does not wrap: pdfmake would otherwise break after its hyphens ("--⏎enable-pci").
 */
export function identifierRuns(text: string, style: RunStyle): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(IDENTIFIER)) {
    const id = match[0];
    if (id.length > IDENTIFIER_MAX) continue;
    if (match.index > at) runs.push({ ...style, text: breakable(text.slice(at, match.index)) });
    runs.push({ ...style, text: id, noWrap: true });
    at = match.index + id.length;
  }
  if (at < text.length) runs.push({ ...style, text: breakable(text.slice(at)) });
  return runs;
}

const ZWSP = '\u200B';

/**
 * Words longer than `max` characters (URLs, paths, identifiers) get zero-width break opportunities
 * after their punctuation, and every `max` characters where there is none, so they wrap instead of
 * running off the page. Roboto's U+200B is an empty, zero-width glyph; text extraction drops it.
 */
export function breakable(text: string, max = 20): string {
  const long = new RegExp(`[^\\s${ZWSP}]{${max + 1},}`, 'g');
  const chunk = new RegExp(`[^\\s/.\\-_?&=#:@,;${ZWSP}]{${max}}(?=[^\\s/.\\-_?&=#:@,;${ZWSP}])`, 'g');
  return text.replace(long, (word) =>
    word.replace(/([/.\-_?&=#:@,;])(?=[^/\s\u200B])/g, `$1${ZWSP}`).replace(chunk, `$&${ZWSP}`),
  );
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  copy: '©',
  reg: '®',
  trade: '™',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
  middot: '·',
  shy: '\u00AD',
};

/** marked keeps character references in text tokens as written; a renderer decodes them. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A line break inside a Markdown paragraph is a space (pdfmake would start a new line at it), and a run of
 * spaces is one, as in the deck. Both in linear time: the regex this replaces (`[ \t]*\n[ \t]*`) backtracked
 * quadratically on a long run of spaces, and pdfkit measures a run of spaces in quadratic time.
 */
const softBreaks = (text: string) => text.replace(/[ \t\r\n]+/g, ' ');

export const plainText = (runs: readonly Run[]) =>
  runs
    .map((r) => r.text)
    .join('')
    .replaceAll(ZWSP, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Absolute links only: a PDF has no folder beside it for relative ones to resolve against. */
const isExternalLink = (href: string) => isSafeLink(href) && /^(?:https?:\/\/|mailto:)/i.test(href);

export type TextHook = (text: string, style: RunStyle) => Run[] | undefined;

/** Inline Markdown tokens to runs. `onText` lets the template converter put slot values in place. */
export function inlineRuns(
  tokens: readonly Token[],
  style: ReportStyle,
  base: RunStyle = {},
  onText?: TextHook,
): Run[] {
  const runs: Run[] = [];
  const text = (value: string, s: RunStyle) => {
    const hooked = onText?.(value, s);
    if (hooked) runs.push(...hooked);
    else if (value !== '') runs.push(...identifierRuns(decodeEntities(softBreaks(value)), s));
  };
  const walk = (list: readonly Token[], s: RunStyle) => {
    for (const token of list) {
      const children = (token as { tokens?: Token[] }).tokens;
      switch (token.type) {
        case 'strong':
          walk(children ?? [], { ...s, bold: true });
          break;
        case 'em':
          walk(children ?? [], { ...s, italics: true });
          break;
        case 'del':
          walk(children ?? [], { ...s, decoration: 'lineThrough' });
          break;
        case 'codespan':
          runs.push(
            ...identifierRuns(decodeEntities(softBreaks(token.text)), {
              ...s,
              color: style.colors.codeText,
              background: style.colors.codeBackground,
            }),
          );
          break;
        case 'link': {
          const href = linkTarget((token as { href: string }).href);
          walk(children ?? [], isExternalLink(href) ? { ...s, link: href, color: style.colors.accent } : s);
          break;
        }
        case 'citation': {
          const citation = token as unknown as CitationToken;
          runs.push({
            ...s,
            text: `[${citation.number}]`,
            linkToDestination: `ref-${citation.id}`,
            color: style.colors.accent,
          });
          break;
        }
        case 'image':
          runs.push({ ...s, text: `[${decodeEntities(token.text)}]`, italics: true });
          break;
        case 'br':
          runs.push({ ...s, text: '\n' });
          break;
        case 'checkbox':
          runs.push({ ...s, text: (token as { checked?: boolean }).checked ? '[x] ' : '[ ] ' });
          break;
        case 'escape':
          runs.push({ ...s, text: token.text });
          break;
        case 'html':
          runs.push({ ...s, text: token.raw });
          break;
        default:
          if (children && children.length > 0) walk(children, s);
          else if (typeof (token as { text?: unknown }).text === 'string') text((token as { text: string }).text, s);
      }
    }
  };
  walk(tokens, base);
  return runs;
}
