import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../helpers/deck.js';

const deck = (file: string) => renderDeck(file, readFileSync(file, 'utf8'));

describe('risk matrices in the deck', () => {
  it('puts four systems on one slide, drawn at their shown size with no text under 14 px, and a key', async () => {
    const d = await deck('test/fixtures/content/real-review-4.md');
    const slides = d.slides.filter((s) => s.attribs.class === 'slide-risk-matrix');
    expect(slides).toHaveLength(1);
    const svgs = d.all((e) => e.name === 'svg', slides);
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      const [, , w] = (svg.attribs.viewbox ?? svg.attribs.viewBox ?? '').split(' ').map(Number);
      // Shown at 1:1: the drawn width is the drawing's own, so a 14 px label is 14 px on the slide.
      expect(Number(svg.attribs.width)).toBe(Math.floor(w ?? 0));
      const sizes = d.all((e) => e.attribs['font-size'] !== undefined, svg).map((e) => Number(e.attribs['font-size']));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    }
    const key = d.text(d.all((e) => e.attribs.class === 'threat-key', slides));
    for (const threat of d.comparison.threats) expect(key).toContain(`${threat.key} ${threat.title}`);
  });

  it('continues on balanced slides when more systems than fit', async () => {
    const d = await deck('test/fixtures/content/real-review-8.md');
    const slides = d.slides.filter((s) => s.attribs.class === 'slide-risk-matrix');
    const counts = slides.map((s) => d.all((e) => e.name === 'svg', s).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(8);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
  });
});
