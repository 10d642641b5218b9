import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown.js';
import { isLocalImage, isSafeLink } from '../../src/markdown/urls.js';

/**
 * The first wall (our renderer: raw HTML as text, links and images checked) and the second
 * (sanitize-html over the result), each tested on its own terms: exact HTML for what must survive,
 * nothing live for what must not.
 */
describe('isSafeLink', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'HTTP://EXAMPLE.COM',
    'mailto:security@example.com',
    'MAILTO:a@b',
    '#section',
    '/docs/page',
    './page',
    '../page',
    'page',
    'docs/page.html',
    'page?x=1',
    'page#x',
    '.hidden',
    '/a:b',
  ])('allows %s', (href) => {
    expect(isSafeLink(href)).toBe(true);
  });

  it.each([
    ['a script URL', 'javascript:alert(1)'],
    ['a script URL in capitals', 'JavaScript:alert(1)'],
    ['a percent-encoded scheme', 'java%73cript:alert(1)'],
    ['a full-width scheme', 'ｊａｖａｓｃｒｉｐｔ:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a vbscript URL', 'vbscript:msgbox(1)'],
    ['an ftp URL', 'ftp://example.com/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a scheme-relative URL', '//evil.example/x'],
    ['a scheme-relative URL with a backslash', '/\\evil.example/x'],
    ['a drive letter', 'C:\\Windows'],
    ['a scheme after a word', 'a:b/c'],
    ['a malformed percent escape', 'page%E0%A4%A'],
    ['a percent-encoded NUL', 'page%00.html'],
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a zero-width space', 'https://exa\u200bmple.com'],
    ['a percent-encoded zero-width space', 'https://exa%E2%80%8Bmple.com'],
    ['a bidi override', 'https://example.com/\u202egnp.exe'],
    ['a soft hyphen', 'https://exa\u00admple.com'],
    ['a query alone', '?q=1'],
  ])('refuses %s', (_what, href) => {
    expect(isSafeLink(href)).toBe(false);
  });
});

describe('isLocalImage', () => {
  it.each(['img/a.png', 'a.png', './img/a.png', 'images/0123abcd.png'])('allows %s', (src) => {
    expect(isLocalImage(src)).toBe(true);
  });

  it.each([
    '/etc/passwd',
    'https://example.com/a.png',
    'HTTP://example.com/a.png',
    '//example.com/a.png',
    'data:image/png;base64,AAAA',
    '../a.png',
    'img/../../a.png',
    'img\\..\\..\\a.png',
    'javascript:alert(1)',
    'x+y.z:thing',
  ])('refuses %s', (src) => {
    expect(isLocalImage(src)).toBe(false);
  });
});

const citations = [{ id: 'r-one', number: 1, title: 'R & "D"', url: 'https://example.com/r' }];
const images = new Map([
  ['img/a.png', { output: 'images/abc.png', width: 3, height: 2 }],
  ['img/outside.png', { output: '/etc/x.png', width: 1, height: 1 }],
]);
const md = createMarkdown(citations, images);

describe('createMarkdown: the deck HTML', () => {
  it.each([
    ['raw HTML as text', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['inline raw HTML as text', 'a <img src=x onerror=alert(1)> b', '<p>a &lt;img src=x onerror=alert(1)&gt; b</p>'],
    ['an unsafe link as its text', '[x](javascript:alert(1))', '<p>x</p>'],
    [
      'a safe link, its title escaped',
      '[x](https://e.com/?a=1&b=2 "T \'q\' <b>")',
      '<p><a href="https://e.com/?a=1&amp;b=2" title="T \'q\' &lt;b&gt;" rel="noopener noreferrer">x</a></p>',
    ],
    ['a link without a title', '[x](page.html)', '<p><a href="page.html" rel="noopener noreferrer">x</a></p>'],
    [
      'a known citation as a numbered link',
      'see [@r-one] and [@nope]',
      '<p>see <a class="citation" href="#ref-r-one" title="R &amp; &quot;D&quot;" rel="noopener noreferrer">[1]</a> and [@nope]</p>',
    ],
    [
      'a checked image',
      '![A <b>diagram</b>](img/a.png "Its title")',
      '<p><img src="images/abc.png" alt="A &lt;b&gt;diagram&lt;/b&gt;" width="3" height="2" title="Its title" /></p>',
    ],
    [
      'a checked image without a title',
      '![A](img/a.png)',
      '<p><img src="images/abc.png" alt="A" width="3" height="2" /></p>',
    ],
    ['an image placed outside as its alt text', '![alt](img/outside.png)', '<p>alt</p>'],
    ['an unchecked image as its alt text', '![alt <i>](img/other.png)', '<p>alt &lt;i&gt;</p>'],
    [
      'task lists',
      '- [x] done\n- [ ] todo',
      '<ul>\n<li><input checked disabled type="checkbox" /> done</li>\n<li><input disabled type="checkbox" /> todo</li>\n</ul>',
    ],
    ['inline marks', '~~d~~ `c` **b** _e_', '<p><del>d</del> <code>c</code> <strong>b</strong> <em>e</em></p>'],
    [
      'aligned tables',
      '| a | b |\n|:-|-:|\n| 1 | 2 |',
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody><tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody></table>',
    ],
    ['a code block with its language', '```js\nx\n```', '<pre><code class="language-js">x\n</code></pre>'],
    ['an ordered list that starts late', '3. three', '<ol start="3">\n<li>three</li>\n</ol>'],
    [
      'headings, quotes, breaks and rules',
      '# H\n\n> q\n\na  \nb\n\n---',
      '<h1>H</h1>\n<blockquote>\n<p>q</p>\n</blockquote>\n<p>a<br />b</p>\n<hr />',
    ],
    ['a scheme-relative link without its target', '[x](//evil.example/)', '<p>x</p>'],
    [
      'an autolink',
      '<https://auto.example/>',
      '<p><a href="https://auto.example/" rel="noopener noreferrer">https://auto.example/</a></p>',
    ],
  ])('renders %s', (_what, markdown, html) => {
    expect(md.html(markdown)).toBe(html);
  });

  it('renders a one-line field without a paragraph, and trims', () => {
    expect(md.inlineHtml(' **a** <b>x</b> ')).toBe('<strong>a</strong> &lt;b&gt;x&lt;/b&gt;');
  });

  it('keeps no class, style or handler the sanitizer does not allow', () => {
    const html = md.html('[x](https://e.com/ "t")\n\n```js onload=alert(1)\nx\n```\n\n| a |\n|-|\n| b |');
    expect(html).not.toMatch(/\son[a-z]+=|style=/);
    expect(html).toContain('<code class="language-js">');
  });
});

describe('createMarkdown: tokens and plain text', () => {
  it('gives the report citation tokens with their target', () => {
    const [paragraph] = md.tokens('see [@r-one]') as unknown as [{ tokens: unknown[] }];
    expect(paragraph.tokens[1]).toEqual({
      type: 'citation',
      raw: '[@r-one]',
      id: 'r-one',
      number: 1,
      url: 'https://example.com/r',
      title: 'R & "D"',
    });
  });

  it('makes plain text of every kind of token', () => {
    expect(md.plain('# T\n\n**a** [@r-one] &amp; <b>x</b> `c&lt;`\n\n- one\n- two\n\n---\n\nx  \ny \\* z')).toBe(
      'T a [1] & <b>x</b> c< one two x y * z',
    );
    expect(md.plain('&quot;q&quot; &#39;s&#39; &gt;')).toBe('"q" \'s\' >');
    expect(md.plain('')).toBe('');
  });
});
