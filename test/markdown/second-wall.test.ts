import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { createMarkdown, SANITIZE } from '../../src/markdown/markdown.js';

/**
 * The sanitizer that runs over every rendered fragment, tested on its own: the renderer never writes
 * these, so only a direct test shows that the second wall still stands if the first one gives way.
 */
const wall = (html: string) => sanitizeHtml(html, SANITIZE);

describe('the second wall', () => {
  it('keeps no image from anywhere but beside the deck', () => {
    expect(wall('<img src="https://evil.example/t.png" alt="a">')).toBe('<img alt="a" />');
    expect(wall('<img src="//evil.example/t.png">')).toBe('<img />');
    expect(wall('<img src="data:image/png;base64,AAAA">')).toBe('<img />');
    expect(wall('<img src="images/sketch.png" width="10" height="5">')).toBe(
      '<img src="images/sketch.png" width="10" height="5" />',
    );
  });

  it('keeps no link to another host by a protocol-relative or script URL, and opens none with the opener', () => {
    expect(wall('<a href="//evil.example/">x</a>')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(wall('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(wall('<a href="https://ok.example/" target="_blank" rel="opener" onclick="x()">x</a>')).toBe(
      '<a href="https://ok.example/" rel="noopener noreferrer">x</a>',
    );
  });

  it('shows a tag it does not allow as text instead of dropping what it holds', () => {
    expect(wall('<script>alert(1)</script><iframe src="x"></iframe>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;iframe&gt;&lt;/iframe&gt;',
    );
  });

  it('keeps only the classes riskdeck writes', () => {
    expect(wall('<a class="citation evil" href="#ref-r">[1]</a>')).toBe(
      '<a class="citation" href="#ref-r" rel="noopener noreferrer">[1]</a>',
    );
    expect(wall('<code class="language-js">x</code><code class="xlanguage-js">y</code>')).toBe(
      '<code class="language-js">x</code><code>y</code>',
    );
    expect(wall('<p class="x" style="color:red" id="y">z</p>')).toBe('<p>z</p>');
  });

  it('keeps a code block language only when it is letters, digits, - and _', () => {
    const md = createMarkdown();
    expect(md.html('```c++\nx\n```')).toBe('<pre><code>x\n</code></pre>');
    expect(md.html('```shell-session_2\nx\n```')).toBe('<pre><code class="language-shell-session_2">x\n</code></pre>');
  });
});
