import { describe, expect, it } from 'vitest';
import { renderScoreChart } from '../../src/diagram/index.js';
import { SERIES } from '../../src/diagram/palette.js';
import { byId, compileFile, contrast, contrastProblems, hygieneProblems, lines, measure } from './helpers.js';
import { descendants, parseXml, type XmlElement } from './xml.js';

const runcVsKata = compileFile('content/runc-vs-kata.md');
const eight = compileFile('test/fixtures/content/flow-8-systems.yaml');

describe('renderScoreChart', () => {
  it('draws a bar per system and scored dimension, with the score written beside it', () => {
    for (const comparison of [runcVsKata, eight]) {
      const diagram = renderScoreChart(comparison.dimensions, comparison.systems, measure);
      if (!diagram) throw new Error('no chart');
      expect(hygieneProblems(diagram)).toEqual([]);
      const root = parseXml(diagram.svg);
      for (const dimension of comparison.dimensions) {
        const scored = dimension.values.some((v) => v.score !== undefined);
        expect(byId(root, new RegExp(`^dimension-scores-${dimension.id}$`))).toHaveLength(scored ? 1 : 0);
        if (!scored) continue;
        dimension.values.forEach((value, i) => {
          const bar = byId(root, new RegExp(`^dimension-scores-${dimension.id}-${value.system.id}$`))[0] as XmlElement;
          const words = lines(bar).map((l) => l.text);
          expect(words).toContain(value.system.name.replace(/`/g, ''));
          const rects = descendants(bar).filter((e) => e.name === 'rect');
          if (value.score === undefined) {
            expect(rects).toHaveLength(0);
            expect(words).toContain('no score');
          } else {
            expect(rects).toHaveLength(1);
            expect(rects[0]?.attributes.fill).toBe(SERIES[i]);
            expect(Number(rects[0]?.attributes.width)).toBeCloseTo((value.score / 5) * 400, 1);
            expect(words).toContain(String(value.score));
          }
        });
      }
    }
  });

  it('has a legend naming every system, and an axis that says higher is better', () => {
    const diagram = renderScoreChart(eight.dimensions, eight.systems, measure);
    const root = parseXml(diagram?.svg ?? '');
    const legend = lines(byId(root, /^dimension-scores-legend$/)[0] as XmlElement).map((l) => l.text);
    expect(legend).toEqual(eight.systems.map((s) => s.name.replace(/`/g, '')));
    expect(lines(root).map((l) => l.text)).toContain('Score (higher is better)');
  });

  it('is undefined when no dimension has a score', () => {
    const minimal = compileFile('test/fixtures/content/minimal.yaml');
    expect(renderScoreChart(minimal.dimensions, minimal.systems, measure)).toBeUndefined();
    const unscored = runcVsKata.dimensions.map((d) => ({
      ...d,
      values: d.values.map((v) => ({ ...v, score: undefined })),
    }));
    expect(renderScoreChart(unscored, runcVsKata.systems, measure)).toBeUndefined();
  });

  it('uses bar colours with 3:1 against white (WCAG 1.4.11) and text with 4.5:1', () => {
    for (const colour of SERIES) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    const diagram = renderScoreChart(eight.dimensions, eight.systems, measure);
    if (!diagram) throw new Error('no chart');
    expect(contrastProblems(diagram)).toEqual([]);
    expect(renderScoreChart(eight.dimensions, eight.systems, measure)?.svg).toBe(diagram.svg);
  });
});
