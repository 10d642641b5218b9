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

describe('the deck and the report embed the same diagrams', () => {
  it('puts the same risk matrices in the deck and in the report: every cell, its score, level and threats', async () => {
    const ctx = await renderContext('content/runc-vs-kata.md', readFileSync('content/runc-vs-kata.md', 'utf8'));
    const measure = createTextMeasure(ctx.fonts);
    const html = renderDeckHtml(ctx);
    const report = svgNodes(reportDocument(ctx));
    // The deck draws each matrix at the size its slide gives it (text ≥ 14 px, one key for all); the report in
    // full with a legend. What they say must be the same: the cells' titles, and the description.
    const cells = (svg: string, system: string) =>
      [...svg.matchAll(new RegExp(`id="risk-${system}-cell-[^"]+"><title>([^<]*)</title>`, 'g'))].map((m) => m[1]);
    for (const risk of ctx.comparison.risk) {
      const full = renderRiskMatrix(risk, ctx.comparison.levels, measure);
      const expected = cells(full.svg, risk.system.id);
      expect(expected).toHaveLength(25);
      expect(cells(html, risk.system.id)).toEqual(expected);
      const inReport = report.find((svg) => svg.includes(`id="risk-${risk.system.id}"`)) ?? '';
      expect(cells(inReport, risk.system.id)).toEqual(expected);
      expect(html).toContain(
        `<desc id="risk-${risk.system.id}-desc">${full.description.replace(/&/g, '&amp;')}</desc>`,
      );
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
