import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown.js';
import { linkTarget } from '../../src/markdown/urls.js';

describe('link targets lead where they say', () => {
  it('decodes character references once and percent-encodes what a URL cannot hold', () => {
    expect(linkTarget('https://e.example/p?a=1&amp;b=2')).toBe('https://e.example/p?a=1&b=2');
    expect(linkTarget('/a b\\[x]"ä')).toBe('/a%20b%5C%5Bx%5D%22%C3%A4');
    expect(linkTarget('/already%20encoded')).toBe('/already%20encoded');
  });

  it('writes the target into the deck escaped once, and a <…> target with a space as valid HTML', () => {
    const md = createMarkdown();
    expect(md.html('[x](https://e.example/p?a=1&amp;b=2 "t&amp;x")')).toBe(
      '<p><a href="https://e.example/p?a=1&amp;b=2" title="t&amp;x" rel="noopener noreferrer">x</a></p>',
    );
    expect(md.html('[x](</a b>)')).toBe('<p><a href="/a%20b" rel="noopener noreferrer">x</a></p>');
    expect(md.html('[x](jav&#x61;script:alert(1))')).toBe('<p>x</p>');
  });
});
