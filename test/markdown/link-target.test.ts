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

describe('link targets beyond ASCII and past the first check', () => {
  it('encodes a character outside the Basic Multilingual Plane once, and a lone surrogate as U+FFFD', () => {
    expect(linkTarget('/notes/😀-day#ｆｕｌｌ')).toBe('/notes/%F0%9F%98%80-day#%EF%BD%86%EF%BD%95%EF%BD%8C%EF%BD%8C');
    // A YAML "\ud800" escape can put a lone surrogate into a link; encodeURIComponent would throw on it.
    expect(linkTarget('/a\ud800b\udfffc')).toBe('/a%EF%BF%BDb%EF%BF%BDc');
    expect(createMarkdown().html('[x](/a\ud800)')).toBe('<p><a href="/a%EF%BF%BD" rel="noopener noreferrer">x</a></p>');
  });

  it('reads a percent-encoded or full-width scheme as the scheme it spells, and shows the link as text', () => {
    const md = createMarkdown();
    for (const target of [
      'javascript%3Aalert(1)',
      'ｊａｖａｓｃｒｉｐｔ%3Aalert(1)',
      'javascript%3Aalert(1)%2F%2Fhttps%3A',
    ]) {
      expect(md.html(`[x](${target})`), target).toBe('<p>x</p>');
    }
  });

  it('keeps relative links of any length', () => {
    const md = createMarkdown();
    for (const target of ['a/b.md', 'b.md', '../docs/x.md', './x', 'x?y=1', 'x#top']) {
      expect(md.html(`[x](${target})`), target).toBe(`<p><a href="${target}" rel="noopener noreferrer">x</a></p>`);
    }
  });
});
