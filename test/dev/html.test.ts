import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deckPolicyHeader, injectLiveClient, renderIndex } from '../../src/dev/html.js';
import { DECK_CSP } from '../helpers/csp.js';

/**
 * What `riskdeck dev` adds to a served deck and the page it serves at `/`: the policy sent as a header
 * must be the one the browser reads from the deck's `<meta>` (else the deck breaks, or its guard is lost),
 * and nothing in it may let a page that a template override or a content file shaped reach the header.
 */
const meta = (content: string) =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${content}"></head><body>deck</body></html>`;
const header = (content: string) => deckPolicyHeader(injectLiveClient(meta(content)));
const LIVE = `${DECK_CSP}; connect-src 'self'`;

describe('the policy of a served deck', () => {
  it('reads character references in the attribute once, as the browser does', () => {
    expect(header('default-src &#39;none&#39;; img-src &#X27;self&#x27; &apos;x&apos; data:')).toBe(
      "default-src 'none'; img-src 'self' 'x' data:; connect-src 'self'; frame-ancestors 'self'",
    );
    expect(header('a &quot;b&quot; &lt;c&gt; &amp;#x27;d')).toBe(
      `a "b" <c> &#x27;d; connect-src 'self'; frame-ancestors 'self'`,
    );
    expect(header('img-src &#x27;self&#x27; &#x110000;&#42;.example data:')).toBe(
      "img-src 'self' *.example data:; connect-src 'self'; frame-ancestors 'self'",
    );
  });

  it.each([
    ['a line break (a second header)', "default-src 'none'&#13;&#10;Set-Cookie: a=b; img-src *"],
    ['a line break at its end', 'default-src *&#10;'],
    ['a character outside ASCII', 'default-src &#xe9;x.example'],
    ['the highest code point', 'default-src &#1114111;'],
  ])('falls back to the deck policy when the stated one holds %s', (_what, content) => {
    expect(header(content)).toBe(`${LIVE}; frame-ancestors 'self'`);
  });

  it('falls back to the deck policy for a page without one, and keeps anyone from framing it', () => {
    expect(deckPolicyHeader('<html><body>no policy</body></html>')).toBe(`${LIVE}; frame-ancestors 'self'`);
  });
});

describe('the live client added to a served deck', () => {
  it.each([
    ["default-src 'none'; connect-src 'none'", "default-src 'none'; connect-src 'self'"],
    ["default-src 'none'; connect-src https://a.example;  ", "default-src 'none'; connect-src 'self'"],
    ["connect-src *; img-src 'self'; ", "img-src 'self'; connect-src 'self'"],
    ["connect-src a; img-src 'self'; connect-src b", "img-src 'self'; connect-src 'self'"],
  ])('may connect to this server only: %s', (policy, live) => {
    const html = injectLiveClient(meta(policy));
    expect(html).toBe(meta(live).replace('</body>', '<script src="/__riskdeck/live.js"></script>\n</body>'));
  });
});

describe('a template override formatted over several lines', () => {
  it('gets the live connection and its own policy as the header', () => {
    const html = `<head>\n  <meta\n    http-equiv="Content-Security-Policy"\n    content="default-src 'self'"\n  >\n</head><body></body>`;
    const served = injectLiveClient(html);
    expect(served).toContain(`content="default-src 'self'; connect-src 'self'"`);
    expect(deckPolicyHeader(served)).toBe("default-src 'self'; connect-src 'self'; frame-ancestors 'self'");
  });
});

describe('the index page of riskdeck dev', () => {
  const entry = { name: 'cmp', title: 'Cmp', deck: true, report: true, file: 'content/cmp.yaml' };
  const links = (html: string) => [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);

  it('links what is built of each comparison, and says what is not built yet', () => {
    const page = renderIndex([
      entry,
      { ...entry, name: 'deck-only', report: false },
      { ...entry, name: 'report-only', deck: false },
      { ...entry, name: 'nothing-yet', deck: false, report: false },
    ]);
    expect(links(page.html)).toEqual([
      'deck /cmp/',
      'report /cmp/report.pdf',
      'model.json /cmp/model.json',
      'deck /deck-only/',
      'model.json /deck-only/model.json',
      'report /report-only/report.pdf',
      'model.json /report-only/model.json',
    ]);
    const items = page.html.split('<li>').slice(1);
    expect(items[1]).toContain('<span>report not built yet</span>');
    expect(items[2]).toContain('<span>deck not built yet</span>');
    const text = (html: string | undefined) =>
      (html ?? '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    expect(text(items[3])).toBe('Cmp content/cmp.yaml deck not built yet report not built yet');
  });

  it('shows titles and file names as text, and the folder name when there is no title', () => {
    const page = renderIndex([
      { ...entry, title: `A & B <img src=x onerror=alert(1)> "q" 'a'`, file: 'content/<x>&.yaml' },
      { ...entry, name: 'untitled', title: undefined },
    ]);
    expect(page.html).toContain(
      '<strong>A &amp; B &lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &#39;a&#39;</strong> <small>content/&lt;x&gt;&amp;.yaml</small>',
    );
    expect(page.html).toContain('<strong>untitled</strong>');
  });

  it('says when nothing is served', () => {
    const page = renderIndex([]);
    expect(page.html).toContain('<p>No content files are being served.</p>');
    expect(page.html).not.toContain('<ul>');
  });

  it('allows its own style by hash and nothing else', () => {
    const { html, policy } = renderIndex([entry]);
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).toMatch(/^body\{/);
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(policy).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(html).not.toMatch(/<script|style="/);
  });
});
