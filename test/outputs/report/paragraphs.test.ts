import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { renderSource } from '../../../src/outputs/render.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { renderDeck } from '../../helpers/deck.js';

/** The example, with fields of two paragraphs where the report sets them inside a line or a list item. */
const text = readFileSync('content/runc-vs-kata.md', 'utf8')
  .replace(
    '    purpose: Isolate container processes from each other and from the host.',
    '    purpose: |-\n      Isolate container processes from each other and from the host.\n\n      Purpose, second paragraph.\n\n      - Purpose, a listed point.\n      - Purpose, another point.',
  )
  .replace(
    '        action: Attacker gains execution within a container.',
    '        action: |-\n          Attacker gains execution within a container.\n\n          Action, second paragraph.',
  )
  .concat('\n## Extra list\n\n- Item, first paragraph.\n\n  Item, second paragraph.\n\n- Next item.\n');

/** Each line's text and its baseline, from the top of the document (pages stacked). */
let lines: { text: string; y: number }[] = [];

beforeAll(async () => {
  const resources = { fonts: await loadFonts(), templates: await loadTemplates() };
  const rendered = await renderSource({ path: 'paragraphs.md', text }, [reportOutput], resources, {
    sourceDateEpoch: '1767225600',
  });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  const doc = await getDocument({ data: new Uint8Array(pdf.data), verbosity: 0, isEvalSupported: false }).promise;
  // pdf.js gives runs (a word each, here): a line is the runs on one baseline, in order across the page.
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.view[3] ?? 0;
    const runs = new Map<number, { x: number; str: string }[]>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const y = Math.round(n * height - (item.transform[5] as number));
      runs.set(y, [...(runs.get(y) ?? []), { x: item.transform[4] as number, str: item.str }]);
    }
    for (const [y, line] of runs)
      lines.push({
        y,
        text: line
          .sort((a, b) => a.x - b.x)
          .map((r) => r.str)
          .join(' ')
          .replace(/\s+/g, ' '),
      });
  }
  lines = lines.sort((a, b) => a.y - b.y);
}, 120_000);

/** Baseline of the first line below `after` that holds `start`. */
const at = (start: string, after = 0) => {
  const found = lines.find((l) => l.text.includes(start) && l.y > after);
  if (!found) throw new Error(`no line starts with "${start}"`);
  return found.y;
};

describe('paragraphs of a field set inside a line or a list item', () => {
  it('stay paragraphs: a new line and a gap, not one run-on paragraph', () => {
    const purpose = at('Purpose:');
    const point = at('• Purpose, a listed point.', purpose);
    // The step from one line to the next; a new paragraph is a blank line lower, an item's paragraph a gap.
    const line = at('• Purpose, another point.', point) - point;
    expect(line).toBeGreaterThan(10);
    expect(at('Purpose, second paragraph.', purpose) - purpose).toBeGreaterThan(1.5 * line);
    expect(point - at('Purpose, second paragraph.', purpose)).toBeGreaterThan(1.5 * line);
    const item = at('Item, first paragraph.');
    expect(at('Item, second paragraph.', item) - item).toBeGreaterThan(line + 3);
  });

  it('in a flow step list, the step’s second paragraph is a paragraph of its own', () => {
    const step = lines.filter((l) => l.text.includes('Attacker gains execution within a container.')).at(-1);
    expect(step?.text).toMatch(/^1\. Attacker ?: Attacker gains/);
    const y = step?.y ?? 0;
    expect(at('Action, second paragraph.', y) - y).toBeGreaterThan(25);
  });
});

describe('the same fields in the deck', () => {
  it('keep their paragraphs as paragraphs, in a list item and in a table cell', async () => {
    const deck = await renderDeck('paragraphs.md', text);
    const item = deck.all((e) => e.name === 'li' && deck.text(e).startsWith('Item, first paragraph.'))[0];
    expect(item && deck.all((e) => e.name === 'p', item).map((p) => deck.text(p))).toEqual([
      'Item, first paragraph.',
      'Item, second paragraph.',
    ]);
    const purpose = deck.all((e) => e.name === 'td' && deck.text(e).startsWith('Isolate container processes'))[0];
    expect(purpose && deck.all((e) => e.name === 'p', purpose).map((p) => deck.text(p))).toEqual([
      'Isolate container processes from each other and from the host.',
      'Purpose, second paragraph.',
    ]);
  });
});
