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
