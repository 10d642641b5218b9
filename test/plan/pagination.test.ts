import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paginate, paginateInto } from '../../src/plan/paginate.js';
import { renderDeck } from '../helpers/deck.js';

const sums = (pages: number[][]) => pages.map((p) => p.reduce((a, b) => a + b, 0));

describe('paginate', () => {
  it('uses as few pages as greedy filling and evens them out', () => {
    const pages = paginate(Array(10).fill(100), (h) => h, { first: 600, rest: 600 });
    expect(sums(pages)).toEqual([500, 500]);
  });

  it('counts the first page’s introduction as part of its fill', () => {
    const pages = paginate(Array(8).fill(100), (h) => h, { first: 400, rest: 600 });
    // 200 of introduction: 200 + 300 | 500, not 200 + 400 | 400 with a fuller first page.
    expect(pages.map((p) => p.length)).toEqual([3, 5]);
    expect(paginate(Array(9).fill(100), (h) => h, { first: 400, rest: 600 }).map((p) => p.length)).toEqual([4, 5]);
  });

  it('gives an item taller than a page a page of its own and keeps every item in order', () => {
    const items = [50, 900, 50, 50];
    const pages = paginate(items, (h) => h, { first: 600, rest: 600 });
    expect(pages.flat()).toEqual(items);
    expect(pages.some((p) => p.length === 1 && p[0] === 900)).toBe(true);
  });

  it('splits into a requested even count for two columns, never more pages than items', () => {
    expect(paginateInto(Array(5).fill(100), (h) => h, { first: 400, rest: 400 }, 2).map((p) => p.length)).toEqual([
      3, 2,
    ]);
    expect(paginateInto([100], (h) => h, { first: 400, rest: 400 }, 2)).toHaveLength(1);
  });
});

describe('columns that carry no data', () => {
  const deck = (file: string) => renderDeck(file, readFileSync(file, 'utf8'));
  const headers = async (file: string) => {
    const d = await deck(file);
    return new Set(d.all((e) => e.name === 'th' && e.attribs.scope === 'col').map((e) => d.text(e)));
  };

  it('are left out: no Status when no assessment has one, no Counters when no defense lists any', async () => {
    const found = await headers('test/fixtures/content/real-review-4.md');
    expect(found.has('Assessment')).toBe(true);
    expect(found.has('Status')).toBe(false);
    expect(found.has('Effectiveness')).toBe(true);
    expect(found.has('Counters')).toBe(false);
  });

  it('are drawn when any row fills them', async () => {
    const found = await headers('test/fixtures/content/real-review-3.md');
    expect(found.has('Status')).toBe(true);
    expect(found.has('Counters')).toBe(true);
  });
});
