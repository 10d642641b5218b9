import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../../src/model/compile.js';
import { diffComparisons } from '../../../src/model/diff.js';
import { renderDeckHtml } from '../../../src/outputs/deck/index.js';
import { parseDeck, renderContext } from '../../helpers/deck.js';

const read = (name: string) => readFileSync(`test/fixtures/content/${name}`, 'utf8');

describe('deck: changes since an earlier version', () => {
  it('opens with a "Changes since" slide listing each change with old → new values', async () => {
    const base = await renderContext('v2.yaml', read('diff-v2.yaml'));
    const before = compileSource({ path: 'v1.yaml', text: read('diff-v1.yaml') }).comparison;
    const changes = diffComparisons(before, base.comparison);
    const deck = parseDeck(renderDeckHtml({ ...base, changes }), base.comparison);
    const slide = deck.slides.find((s) =>
      deck.text(deck.all((e) => e.name === 'h2', s)).includes('Changes since version 0.1'),
    );
    expect(slide).toBeDefined();
    const rows = deck
      .all((e) => e.name === 'tr', slide)
      .slice(1)
      .map((r) => deck.text(r));
    expect(rows).toEqual([
      'Changed threat Threat one › Beta › rating Low 2 (L1 × I2) High 12 (L3 × I4)',
      'Added threat Threat two — Threat two',
      'Removed reference An old paper An old paper —',
    ]);
    const plain = parseDeck(renderDeckHtml(base), base.comparison);
    expect(plain.slides.length).toBe(deck.slides.length - 1);
  });
});
