/**
 * Where riskdeck renders a CommonMark example differently on purpose. Everything else in the spec's 652
 * examples must render as the spec says (test/markdown/commonmark.test.ts).
 */
interface Example {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

/** Single examples, by number, with the reason. */
export const INTENTIONAL: Record<number, string> = {
  24: 'a code block language is a class only when it is letters, digits, - and _ (sanitize-html allows no other class)',
  34: 'a code block language is a class only when it is letters, digits, - and _ (sanitize-html allows no other class)',
  144: 'a code block language is a class only when it is letters, digits, - and _ (sanitize-html allows no other class)',
  200: 'an empty link target leads nowhere; the link text is shown as text',
  485: 'an empty link target leads nowhere; the link text is shown as text',
  486: 'an empty link target leads nowhere; the link text is shown as text',
  487: 'an empty link target leads nowhere; the link text is shown as text',
  567: 'an empty link target leads nowhere; the link text is shown as text',
  500: 'a target with a colon before any slash ("foo):") reads as a scheme, and only http, https and mailto are allowed',
  602: 'bare URLs become links, as in GitHub Flavored Markdown (gfm: true)',
  608: 'bare URLs become links, as in GitHub Flavored Markdown (gfm: true)',
  611: 'bare URLs become links, as in GitHub Flavored Markdown (gfm: true)',
  612: 'bare e-mail addresses become mailto links, as in GitHub Flavored Markdown (gfm: true)',
};

const TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--|<\?|<![A-Z]|<!\[CDATA\[/;

/** Why an example is rendered differently on purpose, or undefined when it must match the spec. */
export function intentional(example: Example): string | undefined {
  if (example.section === 'HTML blocks' || example.section === 'Raw HTML') {
    return 'raw HTML is shown as text, as Hugo and GitHub do by default';
  }
  const tag = TAG.exec(example.markdown)?.[0];
  if (tag !== undefined && example.html.includes(tag)) {
    return 'raw HTML in the source is shown as text, as Hugo and GitHub do by default';
  }
  if (/<img /.test(example.html))
    return 'images render only when the build has checked the file; others show their alt text';
  if (/href="(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/i.test(example.html)) {
    return 'link schemes other than http, https and mailto (javascript:, irc:, made-up ones) are shown as text';
  }
  return INTENTIONAL[example.number];
}
