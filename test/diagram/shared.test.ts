import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTextMeasure, renderRiskMatrix } from '../../src/diagram/index.js';
import { renderDeckHtml } from '../../src/outputs/deck/index.js';
import { reportDocument } from '../../src/outputs/report/document.js';
import { renderContext } from '../helpers/deck.js';

/** Every `svg` node of a pdfmake document definition. */
function svgNodes(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(svgNodes);
  if (node === null || typeof node !== 'object') return [];
  const own = typeof (node as { svg?: unknown }).svg === 'string' ? [(node as { svg: string }).svg] : [];
  return [...own, ...Object.values(node).flatMap(svgNodes)];
}

/** The drawing without its display size: the deck scales a diagram by the root's width and height only. */
const drawing = (svg: string) => svg.replace(/<svg\b[^>]*>/g, (tag) => tag.replace(/\s(?:width|height)="[^"]*"/g, ''));

describe('the deck and the report embed the same diagrams', () => {
  it('puts the same risk matrix drawing, byte for byte, in the deck and in the report', async () => {
    const ctx = await renderContext('content/runc-vs-kata.md', readFileSync('content/runc-vs-kata.md', 'utf8'));
    const measure = createTextMeasure(ctx.fonts);
    const html = renderDeckHtml(ctx);
    const report = svgNodes(reportDocument(ctx));
    for (const risk of ctx.comparison.risk) {
      const svg = drawing(renderRiskMatrix(risk, ctx.comparison.levels, measure).svg);
      expect(drawing(html)).toContain(svg);
      expect(report.map(drawing)).toContain(svg);
    }
  });

  it('draws the attack flow in both with the same steps and outcomes', async () => {
    const ctx = await renderContext('content/runc-vs-kata.md', readFileSync('content/runc-vs-kata.md', 'utf8'));
    const html = renderDeckHtml(ctx);
    const flow = svgNodes(reportDocument(ctx)).find((svg) => svg.includes('id="flow-container-to-host'));
    expect(flow).toBeDefined();
    const ids = (svg: string) =>
      [...svg.matchAll(/id="(flow-container-to-host-(?:step|outcome)-[^"]+)"/g)].map((m) => m[1]).sort();
    expect(ids(flow ?? '')).toEqual([
      'flow-container-to-host-outcome-exploit-runtime-or-kernel-kata',
      'flow-container-to-host-outcome-exploit-runtime-or-kernel-runc',
      'flow-container-to-host-step-exploit-runtime-or-kernel',
      'flow-container-to-host-step-gain-execution',
    ]);
    expect(ids(html)).toEqual(ids(flow ?? ''));
  });
});
