import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMITS } from '../../src/content/limits.js';
import { loadSource } from '../../src/content/load.js';
import { validateSource } from '../../src/content/validate.js';
import { formatIssue } from '../../src/errors.js';

const base = `---
title: Limits
version: "1"
date: "2026-01-01"
authors: [A]
classification: Public
summary: SUMMARY
systems:
  - { id: a, name: A }
  - { id: b, name: B }
threats:
  - id: t
    title: T
    assessments:
      a: { text: x }
      b: { text: "y" }
references:
  - { id: r, title: R, url: "https://example.com/" }
---

## Body

BODY
`;

// Only what is refused is checked here; test/hostile/bounds.test.ts holds the parser bombs to a time bound.
const check = (summary: string, body = 'Fine.') => {
  const text = base.replace('SUMMARY', JSON.stringify(summary)).replace('BODY', body);
  const issues = validateSource(loadSource({ path: 'limits.md', text })).issues.map(formatIssue);
  return { issues };
};

describe('text limits', () => {
  it('rejects the quadratic marked cases before marked sees them, naming file and line', () => {
    const result = check('ok', 'a_'.repeat(50_000));
    expect(result.issues).toEqual([
      `limits.md:23:1  section "Body": has a paragraph with more than ${MARKDOWN_LIMITS.delimitersPerParagraph} Markdown markers (* _ [ ] ~ \` < !); split it or put it in a code block`,
    ]);
    expect(check('['.repeat(3_000)).issues[0]).toContain('limits.md:7:10  summary: has a paragraph with more than');
  });

  it('rejects nesting 10,000 levels deep in lists and quotes', () => {
    const quotes = check('ok', `${'>'.repeat(10_000)} deep`);
    expect(quotes.issues[0]).toContain('limits.md:23:1  section "Body": nests lists or quotes deeper');
    expect(check('ok', `${'- '.repeat(10_000)}x`).issues[0]).toContain('section "Body": nests lists or quotes deeper');
    const list = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
    expect(check('ok', list).issues[0]).toMatch(/^limits\.md:55:1 {2}section "Body": nests lists or quotes deeper/);
  });

  it('rejects an over-long field with its size', () => {
    expect(check('x'.repeat(MARKDOWN_LIMITS.fieldChars + 1)).issues).toEqual([
      `limits.md:7:10  summary: is ${MARKDOWN_LIMITS.fieldChars + 1} characters long; the limit is ${MARKDOWN_LIMITS.fieldChars}, split it up`,
    ]);
  });

  it('names control characters, bidi overrides and invisible characters inside URLs', () => {
    expect(check('bell \u0007 here').issues).toEqual([
      'limits.md:7:10  summary: contains the control character U+0007; remove it',
    ]);
    expect(check('a \u202e b').issues[0]).toContain('contains the bidirectional control U+202E');
    expect(check('see [x](https://exa\u200bmple.com)').issues[0]).toContain(
      'has a link whose URL contains the invisible character U+200B',
    );
  });

  it('does not over-block ordinary content: code, tables, emoji with joiners, non-Latin text', () => {
    const ordinary = [
      'Ordinary **bold**, _emphasis_, `code`, [a link](https://example.com/a_b_c) and 👩‍💻 (with a joiner).',
      '',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '',
      `\`\`\`\n${'*_[]'.repeat(1_000)}\n\`\`\``,
      '',
      '日本語のテキスト, العربية, Ελληνικά.',
      '',
      '- one\n  - two\n    - three\n      > quoted',
    ].join('\n');
    expect(check('A summary with [@r].', ordinary).issues).toEqual([]);
  });
});

describe('text limits at their bounds', () => {
  const L = MARKDOWN_LIMITS;
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
  // A paragraph wrapped over lines, as an editor writes it: its words and markers count together.
  const wrapped = (parts: readonly string[], perLine = 10) =>
    Array.from({ length: Math.ceil(parts.length / perLine) }, (_, i) =>
      parts.slice(i * perLine, (i + 1) * perLine).join(' '),
    ).join('\n');

  it('allows a paragraph of exactly the limit of words, refuses one more, and starts counting again after a blank line', () => {
    expect(check('ok', wrapped(words(L.wordsPerParagraph))).issues).toEqual([]);
    const over = `Intro.\n\n${wrapped(words(L.wordsPerParagraph + 1))}`;
    expect(check('ok', over).issues).toEqual([
      `limits.md:25:1  section "Body": has more than ${L.wordsPerParagraph} words without a blank line; split it into paragraphs`,
    ]);
    const half = wrapped(words(L.wordsPerParagraph / 2 + 1));
    expect(check('ok', `${half}\n\n${half}\n \n${half}`).issues).toEqual([]);
    // Code is laid out by the report too: its words count.
    expect(check('ok', `\`\`\`\n${wrapped(words(L.wordsPerParagraph + 1))}\n\`\`\``).issues[0]).toContain(
      'words without a blank line',
    );
  });

  it('allows exactly the limit of Markdown markers in a paragraph, refuses one more, per paragraph', () => {
    const markers = (n: number) => wrapped(Array.from({ length: n / 2 }, (_, i) => `*w${i}*`));
    expect(check('ok', markers(L.delimitersPerParagraph)).issues).toEqual([]);
    expect(check('ok', `${markers(L.delimitersPerParagraph)} _`).issues).toEqual([
      `limits.md:23:1  section "Body": has a paragraph with more than ${L.delimitersPerParagraph} Markdown markers (* _ [ ] ~ \` < !); split it or put it in a code block`,
    ]);
    const twoThirds = markers((L.delimitersPerParagraph / 3) * 2);
    expect(check('ok', `${twoThirds}\n\n${twoThirds}\n\t\n${twoThirds}`).issues).toEqual([]);
    expect(check('ok', `Intro.\n\n${twoThirds}\n${twoThirds}`).issues[0]).toMatch(
      /^limits\.md:24:1 {2}section "Body": has a paragraph with more than/,
    );
  });

  it('does not count markers in fenced code, whichever fence, and counts again after it', () => {
    const stars = '*'.repeat(L.delimitersPerParagraph + 1);
    expect(check('ok', `\`\`\`\n${stars}\n\`\`\``).issues).toEqual([]);
    expect(check('ok', `Intro.\n\n   ~~~ text\n${stars}\n   ~~~`).issues).toEqual([]);
    expect(check('ok', `\`\`\`\ncode\n\`\`\`\n\n${stars}`).issues[0]).toContain('Markdown markers');
    // Four spaces make an indented code line, not a fence: the markers after it are prose.
    expect(check('ok', `Intro.\n\n    \`\`\`\n${stars}`).issues[0]).toContain('Markdown markers');
  });

  it('allows nesting up to the limit of indentation and markers, not deeper, outside code', () => {
    expect(check('ok', `${'> '.repeat(L.nestingPrefixChars / 2)}deep`).issues).toEqual([]);
    expect(check('ok', `${'> '.repeat(L.nestingPrefixChars / 2)}>deep`).issues[0]).toContain('nests lists or quotes');
    expect(check('ok', `Intro.\n\n${' '.repeat(L.nestingPrefixChars - 3)}1. x`).issues).toEqual([]);
    expect(check('ok', `Intro.\n\n${' '.repeat(L.nestingPrefixChars - 2)}1. x`).issues[0]).toContain('nests lists');
    expect(check('ok', `\`\`\`\n${' '.repeat(200)}code\n\`\`\``).issues).toEqual([]);
    // Ordered lists numbered past 9 nest as deep per character as any other marker.
    expect(check('ok', `${'10. '.repeat(L.nestingPrefixChars / 4 + 1)}x`).issues[0]).toContain('nests lists');
  });

  it('allows a field and a section of exactly their length, and names the size of a longer section', () => {
    expect(check('x'.repeat(L.fieldChars)).issues).toEqual([]);
    // Paragraphs of 98 letters: the section's length without its word or marker limits.
    const section = (n: number) => `${Array.from({ length: n / 100 }, () => 'x'.repeat(98)).join('\n\n')}xx`;
    expect(check('ok', section(L.sectionChars)).issues).toEqual([]);
    expect(check('ok', `${section(L.sectionChars)}j`).issues).toEqual([
      `limits.md:23:1  section "Body": is ${L.sectionChars + 1} characters long; the limit is ${L.sectionChars}, split it up`,
    ]);
  });

  it('reports a text too long alone, and a text over a limit once', () => {
    expect(check('_'.repeat(L.fieldChars + 1)).issues).toHaveLength(1);
    const crowded = '*'.repeat(L.delimitersPerParagraph + 1);
    expect(check('ok', `${crowded}\n\n${crowded}\n\n${'> '.repeat(100)}x`).issues).toHaveLength(1);
    expect(check('ok', `${'> '.repeat(100)}x\n\n${'> '.repeat(100)}x`).issues).toHaveLength(1);
  });

  it('does not read URLs, ids, dates and versions as Markdown, but still checks them for hidden characters', () => {
    const query = Array.from({ length: 1_100 }, (_, i) => `a_${i}=*~`).join('&');
    const url = `https://example.com/search?${query}`;
    const text = base.replace('https://example.com/', url).replace('"1"', `"${'1_'.repeat(1_100)}"`);
    const issues = (t: string) => validateSource(loadSource({ path: 'limits.md', text: t })).issues.map(formatIssue);
    expect(issues(text).filter((m) => m.includes('Markdown markers') || m.includes('characters long'))).toEqual([]);
    expect(issues(base.replace('https://example.com/', 'https://exa\u0007mple.com/'))).toContain(
      'limits.md:18:29  references[0].url: contains the control character U+0007; remove it',
    );
  });

  it('finds an invisible character in every kind of link target, at its line', () => {
    const zwsp = '\u200b';
    for (const link of [
      `[the report](./docs/re${zwsp}port.pdf)`,
      `[the report]( <docs/re${zwsp}port.pdf> )`,
      `<mailto:security${zwsp}@example.com>`,
      `http://exa${zwsp}mple.com/advisory`,
    ]) {
      // Placed where the link starts (its `](`, `<` or scheme), on the third line of the section.
      const column = 'See '.length + 1 + link.search(/\]\(|<|http/);
      expect(check('ok', `First line.\nSecond line.\nSee ${link}.`).issues, link).toEqual([
        `limits.md:25:${column}  section "Body": has a link whose URL contains the invisible character U+200B; retype the URL`,
      ]);
    }
  });

  it('places a problem deep in a section at its own line and column', () => {
    expect(check('ok', 'Line one.\nLine two.\nThe \u202e here.').issues).toEqual([
      'limits.md:25:5  section "Body": contains the bidirectional control U+202E, which can make text read differently from what it is; remove it',
    ]);
  });
});
