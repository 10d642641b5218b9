import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/content/load.js';
import { validateSource } from '../../src/content/validate.js';
import { isRiskdeckError } from '../../src/errors.js';
import { createMarkdown } from '../../src/markdown/markdown.js';
import { renderDeckHtml } from '../../src/outputs/deck/index.js';
import { reportDocument } from '../../src/outputs/report/document.js';
import { renderPdf } from '../../src/outputs/report/pdf.js';
import { renderContext } from '../helpers/deck.js';
import { scanDeck } from './scan.js';

/** Fixed so that a failure reproduces; fast-check prints the seed and the shrunk input with it. */
const SEED = 20261128;

const FRAGMENTS = [
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '![',
  '<',
  '>',
  '&',
  '&amp;',
  '&#106;',
  '&#x09;',
  '\n',
  '\n\n',
  '# ',
  '## ',
  '- ',
  '1. ',
  '> ',
  '| a | b |\n| - | - |\n',
  '    ',
  '\\',
  '{{',
  '}}',
  '${',
  '$(',
  'javascript:alert(1)',
  'JaVaScRiPt:',
  'vbscript:',
  'data:text/html,<script>alert(1)</script>',
  'https://ok.example/',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src=x>',
  '<a href="javascript:alert(1)">',
  '<style>',
  '<meta http-equiv=refresh>',
  '<section data-background-iframe=x>',
  'onclick=alert(1)',
  '"',
  "'",
  '[@ref]',
  'text',
  'ｊａｖａｓｃｒｉｐｔ:',
  '日本語',
  'عربي',
  '🔐',
  '\u200d',
];

const markdown = fc
  .array(
    fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

const deckAround = (fragment: string) =>
  `<div class="reveal"><div class="slides"><section>${fragment}</section></div></div>`;

describe('property: random Markdown', () => {
  const md = createMarkdown([{ id: 'ref', number: 1, title: 'Ref', url: 'https://example.com/' }]);

  it('renders to HTML with nothing live, lexes and flattens without throwing', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(scanDeck(deckAround(md.html(text)))).toEqual([]);
        expect(scanDeck(deckAround(md.inlineHtml(text)))).toEqual([]);
        md.tokens(text);
        expect(typeof md.plain(text)).toBe('string');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('property: random YAML', () => {
  const scalar = fc.oneof(
    fc.constantFrom(
      'x',
      '"q"',
      "'s'",
      '1',
      '1.0',
      'true',
      'null',
      '~',
      '[]',
      '{}',
      '&a x',
      '*a',
      '!!str y',
      '!t z',
      '|',
      '>-',
    ),
    fc.string({ maxLength: 10 }),
  );
  const line = fc
    .tuple(
      fc.nat({ max: 6 }),
      fc.constantFrom('title', 'systems', 'threats', '- id', 'id', '<<', '? k', '%TAG', 'a'),
      scalar,
    )
    .map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`);
  const yamlText = fc
    .array(fc.oneof(line, fc.constantFrom('---', '...', '- x', '# c')), { maxLength: 30 })
    .map((l) => l.join('\n'));

  it('validates to content or to located issues, never an exception', () => {
    fc.assert(
      fc.property(yamlText, fc.boolean(), (text, asMarkdown) => {
        const path = asMarkdown ? 'random.md' : 'random.yaml';
        const source = asMarkdown ? `---\n${text}\n---\n\n## Body\n\nText\n` : text;
        const result = validateSource(loadSource({ path, text: source }));
        for (const issue of result.issues) {
          expect(issue.file).toBe(path);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.column).toBeGreaterThanOrEqual(1);
        }
        expect(result.content !== undefined || result.issues.length > 0).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('property: random Markdown through the deck and the report', () => {
  const base = (text: string) => `---
title: Random
version: "1"
date: "2026-01-01"
authors: [A]
classification: Public
summary: ${JSON.stringify(text)}
systems:
  - { id: a, name: ${JSON.stringify(text.slice(0, 30) || 'A')} }
  - { id: b, name: B }
threats:
  - id: t
    title: T
    assessments:
      a: { text: ${JSON.stringify(text)}, likelihood: 3, impact: 3 }
      b: { text: Fine, likelihood: 1, impact: 1 }
references:
  - { id: ref, title: Ref, url: "https://example.com/" }
---

## Body

${text}
`;

  /** Renders when the content validates; random text that the limits refuse is an answer too. */
  async function context(text: string) {
    const source = base(text);
    if (validateSource(loadSource({ path: 'random.md', text: source })).issues.length > 0) return undefined;
    try {
      return await renderContext('random.md', source);
    } catch (error) {
      if (isRiskdeckError(error)) return undefined;
      throw error;
    }
  }

  it('the deck renders with nothing live from content', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const ctx = await context(text);
        if (!ctx) return;
        rendered++;
        expect(scanDeck(renderDeckHtml(ctx))).toEqual([]);
      }),
      { seed: SEED, numRuns: 60 },
    );
    // Most random text must get through validation, or the property says little.
    expect(rendered).toBeGreaterThan(30);
  });

  it('the report lays out and writes a PDF', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const ctx = await context(text);
        if (!ctx) return;
        rendered++;
        const pdf = await renderPdf(reportDocument(ctx), ctx.fonts);
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      }),
      { seed: SEED, numRuns: 15 },
    );
    expect(rendered).toBeGreaterThan(7);
  });
});
