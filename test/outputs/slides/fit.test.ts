import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontChain } from '../../../src/fonts/chain.js';
import { withFontRuns } from '../../../src/outputs/report/font-runs.js';
import { renderPdf } from '../../../src/outputs/report/pdf.js';
import { overflowCheck, slideId, slidesDocument } from '../../../src/outputs/slides/document.js';
import { slidePlan } from '../../../src/plan/index.js';
import { renderContext } from '../../helpers/deck.js';
import { readPdf } from '../../helpers/pdf.js';

const file = 'test/fixtures/content/real-review-4.md';

describe('a slide pdfmake sets taller than its page', () => {
  it('is found, and fits once its body is drawn smaller', async () => {
    const context = await renderContext(file, readFileSync(file, 'utf8'));
    const plan = slidePlan(context);
    const render = async (doc: ReturnType<typeof slidesDocument>) => {
      const spilled = new Set<string>();
      const data = await renderPdf(
        withFontRuns({ ...doc, pageBreakBefore: overflowCheck(spilled) }, fontChain(context.fonts)),
        context.fonts,
      );
      return { spilled, pages: (await readPdf(data)).pages.length };
    };
    // At full size, pdfmake sets the Markdown table of "Vulnerability history" taller than the browser does.
    const full = await render(slidesDocument(context, plan));
    const over = plan.pages.filter((p) => full.spilled.has(slideId(p)));
    expect(over.map((p) => p.title.markdown)).toEqual(['Vulnerability history']);
    expect(full.pages).toBe(plan.pages.length + 1);
    const page = over[0];
    if (page === undefined) return;
    const alone = async (fit: number | undefined) => {
      const fits = new Map(fit === undefined ? [] : [[page.number, fit]]);
      const { spilled, pages } = await render(slidesDocument(context, plan, fits, [page]));
      return { spilled: spilled.has(slideId(page)), pages };
    };
    expect(await alone(undefined)).toEqual({ spilled: true, pages: 2 });
    expect(await alone(0.84)).toEqual({ spilled: false, pages: 1 });
    // And so does the whole document with it.
    const fitted = await render(slidesDocument(context, plan, new Map([[page.number, 0.84]])));
    expect(fitted).toEqual({ spilled: new Set(), pages: plan.pages.length });
  }, 120_000);
});
