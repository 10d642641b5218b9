import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown.js';
import { INTENTIONAL, intentional } from './commonmark-differences.js';

interface Example {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}
const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] };

/** The same HTML written the same way: what differs only in serialisation is not a difference. */
function normalize(html: string): string {
  return html
    .replace(/ rel="noopener noreferrer"/g, '')
    .replace(/→/g, '\t')
    .replace(/<(br|hr|img|input)([^>]*?)\s*\/?>/g, '<$1$2>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/<br>\s*/g, '<br>')
    .replace(/\s*(<\/?(?:p|ul|ol|li|blockquote|h[1-6]|hr|table|thead|tbody|tr|th|td)\b[^>]*>)\s*/g, '$1')
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .trim();
}

const md = createMarkdown();

describe('the CommonMark spec examples through our renderer', () => {
  it('has the spec it is checked against (0.31.2, 652 examples)', () => {
    expect(tests).toHaveLength(652);
  });

  const checked = tests.filter((t) => intentional(t) === undefined);
  it.each(checked.map((t) => [t.number, t.section, t] as const))(
    'example %i (%s) renders as the spec says',
    (_n, _s, t) => {
      // The spec writes a tab as →.
      expect(normalize(md.html(t.markdown.replace(/→/g, '\t')))).toBe(normalize(t.html));
    },
  );

  it('keeps the differences few: raw HTML, images, schemes and the listed examples only', () => {
    const reasons = new Map<string, number>();
    for (const t of tests) {
      const reason = intentional(t);
      if (reason !== undefined) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    // 118 of 652; 534 render exactly as the spec says.
    expect(Object.fromEntries(reasons)).toEqual({
      'raw HTML is shown as text, as Hugo and GitHub do by default': 64,
      'raw HTML in the source is shown as text, as Hugo and GitHub do by default': 15,
      'images render only when the build has checked the file; others show their alt text': 22,
      'link schemes other than http, https and mailto (javascript:, irc:, made-up ones) are shown as text': 4,
      'an empty link target leads nowhere; the link text is shown as text': 5,
      'a code block language is a class only when it is letters, digits, - and _ (sanitize-html allows no other class)': 3,
      'a target with a colon before any slash ("foo):") reads as a scheme, and only http, https and mailto are allowed': 1,
      'bare URLs become links, as in GitHub Flavored Markdown (gfm: true)': 3,
      'bare e-mail addresses become mailto links, as in GitHub Flavored Markdown (gfm: true)': 1,
    });
  });

  it('lists only differences that still exist, each with its reason', () => {
    for (const [number, reason] of Object.entries(INTENTIONAL)) {
      const example = tests.find((t) => t.number === Number(number));
      expect(example, `example ${number}`).toBeDefined();
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});
