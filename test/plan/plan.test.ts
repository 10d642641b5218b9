import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDeckHtml } from '../../src/outputs/deck/index.js';
import { buildSlidePlan, MarkdownText, PlanDiagram, slidePlan } from '../../src/plan/index.js';
import { parseDeck, renderContext } from '../helpers/deck.js';

const EXAMPLE = 'content/runc-vs-kata.md';
const REAL_4 = 'test/fixtures/content/real-review-4.md';

const contextOf = (path: string) => renderContext(path, readFileSync(path, 'utf8'));

/** Every value of a page's data, depth first. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value instanceof MarkdownText || value instanceof PlanDiagram) return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [value];
}

describe('the slide plan', () => {
  it.each([EXAMPLE, REAL_4])('has the deck’s slides, in the deck’s order (%s)', async (path) => {
    const context = await contextOf(path);
    const plan = slidePlan(context);
    const deck = parseDeck(renderDeckHtml(context), context.comparison);
    expect(plan.pages.length).toBe(deck.slides.length);
    expect(plan.pages.map((p) => p.number)).toEqual(plan.pages.map((_, i) => i + 1));
    expect(plan.slides.flatMap((s) => s.pages).length).toBe(plan.pages.length);
    deck.slides.forEach((slide, i) => {
      const page = plan.pages[i];
      const heading = deck.all((e) => e.name === 'h2' || e.name === 'h1', slide)[0];
      if (page && heading && !page.cover) {
        const title = plan.text.plain(page.title.markdown);
        expect(deck.text(heading)).toBe(page.continued ? `${title} (continued)` : title);
      }
    });
  });

  it('is built once per render and shared by the outputs that ask for it', async () => {
    const context = await contextOf(EXAMPLE);
    expect(slidePlan(context)).toBe(slidePlan(context));
    expect(buildSlidePlan(context)).not.toBe(slidePlan(context));
  });

  it('keeps text as the Markdown written, with no HTML made by any renderer', async () => {
    const context = await contextOf(REAL_4);
    const plan = slidePlan(context);
    const all = plan.pages.flatMap((p) => leaves(p.data));
    const strings = all.filter((v): v is string => typeof v === 'string');
    expect(strings.filter((s) => /<(?:p|strong|em|a|code)\b/.test(s))).toEqual([]);
    const texts = all.filter((v): v is MarkdownText => v instanceof MarkdownText).map((t) => t.markdown);
    const threat = context.comparison.threats[0];
    expect(threat?.description).toBeDefined();
    expect(texts).toContain(threat?.description);
    expect(plan.pages.find((p) => p.id === `threat-${threat?.id}`)?.title.markdown).toBe(
      `${threat?.key} · ${threat?.title}`,
    );
  });

  it('carries speaker notes as Markdown with what they are about', async () => {
    const context = await contextOf(EXAMPLE);
    const plan = slidePlan(context);
    const withNotes = context.comparison.threats.filter((t) => t.notes !== undefined);
    expect(withNotes.length).toBeGreaterThan(0);
    for (const threat of withNotes) {
      const page = plan.pages.find((p) => p.id === `threat-${threat.id}`);
      expect(page?.notes?.map((n) => n.body.markdown)).toContain(threat.notes);
    }
  });

  it('describes each diagram by what it was drawn from, so a renderer can lay it out again', async () => {
    const context = await contextOf(REAL_4);
    const plan = slidePlan(context);
    const diagrams = plan.pages.flatMap((p) => leaves(p.data)).filter((v) => v instanceof PlanDiagram);
    const kinds = new Set(diagrams.map((d) => d.source.kind));
    expect([...kinds].sort()).toEqual(['attack-flow', 'compact-risk-matrix', 'score-chart']);
    for (const flow of context.comparison.flows) {
      const parts = diagrams.filter((d) => d.source.kind === 'attack-flow' && d.source.flow.id === flow.id);
      expect(parts.length).toBeGreaterThan(0);
      expect(parts.map((d) => (d.source.kind === 'attack-flow' ? d.source.part : -1))).toEqual(parts.map((_, i) => i));
      expect(parts.every((d) => d.source.kind === 'attack-flow' && d.source.parts === parts.length)).toBe(true);
    }
    for (const d of diagrams) {
      expect(d.width).toBeLessThanOrEqual(1280);
      expect(d.svg).toContain(`width="${d.width}"`);
      expect(d.drawing.description.length).toBeGreaterThan(0);
    }
  });
});
