import { describe, expect, it } from 'vitest';
import { renderRiskMatrix } from '../../src/diagram/index.js';
import { TONES } from '../../src/diagram/palette.js';
import type { Comparison } from '../../src/model/comparison.js';
import { boxOf, byId, compileFile, compileText, contrastProblems, hygieneProblems, lines, measure } from './helpers.js';
import { parseXml, type XmlElement } from './xml.js';

const runcVsKata = compileFile('content/runc-vs-kata.md');
const eight = compileFile('test/fixtures/content/flow-8-systems.yaml');

const matrix = (comparison: Comparison, systemId: string) => {
  const risk = comparison.risk.find((r) => r.system.id === systemId);
  if (!risk) throw new Error(`no risk for ${systemId}`);
  const diagram = renderRiskMatrix(risk, comparison.levels, measure);
  return { risk, diagram, root: parseXml(diagram.svg) };
};

const cellKeys = (root: XmlElement, id: string) =>
  lines(byId(root, new RegExp(`^${id}$`))[0] as XmlElement)
    .map((l) => l.text)
    .filter((t) => /^T\d/.test(t))
    .join(' ')
    .split(' ')
    .filter(Boolean);

describe('renderRiskMatrix', () => {
  it('is a well-formed, accessible SVG with 25 cells, one per likelihood × impact', () => {
    const { diagram, root } = matrix(runcVsKata, 'runc');
    expect(hygieneProblems(diagram)).toEqual([]);
    expect(diagram.title).toBe('Risk matrix: runc Containers');
    const cells = byId(root, /^risk-runc-cell-\d-\d$/);
    expect(cells).toHaveLength(25);
    const boxes = cells.map(boxOf);
    expect(new Set(boxes.map((b) => `${b.x},${b.y}`)).size).toBe(25);
  });

  it('places each rated threat by its key in the cell of its likelihood and impact', () => {
    const { root } = matrix(runcVsKata, 'runc');
    // runc: container escape (T1) and kernel vulnerabilities (T2) at 3 × 5, resource starvation (T3) at 3 × 3.
    expect(cellKeys(root, 'risk-runc-cell-3-5')).toEqual(['T1', 'T2']);
    expect(cellKeys(root, 'risk-runc-cell-3-3')).toEqual(['T3']);
    const kata = matrix(runcVsKata, 'kata');
    expect(cellKeys(kata.root, 'risk-kata-cell-2-3')).toEqual(['T1', 'T2', 'T3']);
    for (const comparison of [runcVsKata, eight]) {
      for (const risk of comparison.risk) {
        const drawn = matrix(comparison, risk.system.id).root;
        for (const cell of risk.cells) {
          expect(cellKeys(drawn, `risk-${risk.system.id}-cell-${cell.likelihood}-${cell.impact}`)).toEqual(
            cell.threats,
          );
        }
      }
    }
  });

  it('fits several keys in one cell, and higher likelihood sits higher, higher impact further right', () => {
    const { root } = matrix(eight, 'runc');
    const crowded = byId(root, /^risk-runc-cell-3-5$/)[0] as XmlElement;
    expect(cellKeys(root, 'risk-runc-cell-3-5')).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    const box = boxOf(crowded);
    for (const l of lines(crowded)) {
      expect(l.left).toBeGreaterThanOrEqual(box.x);
      expect(l.right).toBeLessThanOrEqual(box.x + box.width);
      expect(l.baseline).toBeLessThanOrEqual(box.y + box.height);
    }
    const at = (l: number, i: number) => boxOf(byId(root, new RegExp(`^risk-runc-cell-${l}-${i}$`))[0] as XmlElement);
    expect(at(5, 1).y).toBeLessThan(at(1, 1).y);
    expect(at(1, 5).x).toBeGreaterThan(at(1, 1).x);
  });

  it('shades each cell by the level the model gives it, and names every level with its range in the legend', () => {
    const custom = compileText(
      'thresholds.yaml',
      `title: T\nversion: "1"\ndate: "2026-01-01"\nauthors: [t]\nclassification: Internal\nsummary: s\n` +
        `riskThresholds: { medium: 3, high: 6, critical: 12 }\n` +
        `systems:\n  - { id: a, name: A }\n  - { id: b, name: B }\n` +
        `threats:\n  - { id: t, title: T, assessments: { a: { text: x, likelihood: 3, impact: 4 }, b: { text: y } } }\n`,
    );
    const { risk, diagram, root } = matrix(custom, 'a');
    for (const cell of risk.cells) {
      const rect = byId(root, new RegExp(`^risk-a-cell-${cell.likelihood}-${cell.impact}$`))[0] as XmlElement;
      const fill = (rect.children.find((c) => 'name' in c && c.name === 'rect') as XmlElement).attributes.fill;
      expect(fill).toBe(TONES[cell.level].fill);
    }
    expect(risk.cells.find((c) => c.score === 12)?.level).toBe('critical');
    const words = lines(root).map((l) => l.text);
    for (const level of custom.levels) {
      expect(words).toContain(level.label);
      expect(words.some((w) => w.startsWith(`Score ${level.min}–${level.max}`))).toBe(true);
    }
    expect(words).toContain('Score 12–25 · 1 threat');
    expect(words).toContain('Impact');
    expect(words).toContain('Likelihood');
    expect(diagram.description).toContain('T1: likelihood 3, impact 4, score 12 (Critical)');
    expect(matrix(custom, 'b').diagram.svg).toContain('1 threat not rated');
  });

  it('gives every key, score and legend word at least 4.5:1 contrast (WCAG AA)', () => {
    for (const comparison of [runcVsKata, eight]) {
      for (const risk of comparison.risk)
        expect(contrastProblems(matrix(comparison, risk.system.id).diagram)).toEqual([]);
    }
  });

  it('renders the same bytes for the same model', () => {
    expect(matrix(eight, 'kata').diagram.svg).toBe(matrix(eight, 'kata').diagram.svg);
  });
});
