import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown.js';

/**
 * The text of Markdown without its markup: what labels in diagrams, the PDF's metadata and the deck's
 * <title> show, and what slide heights are estimated from. Words of separate blocks must not run together.
 */
const md = createMarkdown([{ id: 'r', number: 3, title: 'Reference', url: 'https://example.com/' }]);

describe('plain text of Markdown', () => {
  it('keeps words of blocks that follow each other apart', () => {
    expect(md.plain('# Title\nText under it')).toBe('Title Text under it');
    expect(md.plain('Intro:\n- one\n- two')).toBe('Intro: one two');
    expect(md.plain('```\ncode\n```\n\nText')).toBe('code Text');
    expect(md.plain('> quoted\n\npara')).toBe('quoted para');
  });

  it('decodes character references once, and keeps escaped characters as written', () => {
    expect(md.plain('It&#39;s &quot;ours&quot; &lt;b&gt; &amp;amp;')).toBe('It\'s "ours" <b> &amp;');
    expect(md.plain('\\&amp; and \\<b\\>')).toBe('&amp; and <b>');
  });

  it('does not fail on a token without text, such as a table in a name or label', () => {
    expect(() => md.plain('| a | b |\n| - | - |\n| 1 | 2 |')).not.toThrow();
  });

  it('shows a citation as its number', () => {
    expect(md.plain('As shown [@r], and _again [@r]_.')).toBe('As shown [3], and again [3].');
    expect(md.html('x[@r]y')).toBe(
      '<p>x<a class="citation" href="#ref-r" title="Reference" rel="noopener noreferrer">[3]</a>y</p>',
    );
  });
});
