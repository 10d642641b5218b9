import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPptx } from '../../../src/outputs/pptx/index.js';
import { FRAME } from '../../../src/plan/geometry.js';
import { SLIDE, slidePlan } from '../../../src/plan/index.js';
import { renderContext } from '../../helpers/deck.js';
import { pdfWords, readPptx, sofficePdf, xmlText } from '../../helpers/pptx.js';
import { normalizeText, seedSentences } from '../../helpers/seed.js';
import { requireTool } from '../../helpers/tools.js';

const soffice = requireTool('soffice');
const pdftotext = requireTool('pdftotext');
const skip = soffice.skip || pdftotext.skip;

const CASES = [
  { path: 'content/runc-vs-kata.md', seed: true },
  { path: 'test/fixtures/content/real-review-4.md', seed: false },
  { path: 'test/fixtures/content/real-review-8.md', seed: false },
];

/**
 * LibreOffice opens the file as PowerPoint would have to: if it converts it, shows every slide, keeps every word
 * and keeps every word inside its slide (above the strip the deck keeps free at the bottom), the file is sound.
 */
describe.skipIf(skip)('deck.pptx opened by LibreOffice Impress', () => {
  it.each(CASES)(
    'converts to a PDF with a page per slide, every word on its slide ($path)',
    async ({ path, seed }) => {
      const context = await renderContext(path, readFileSync(path, 'utf8'));
      const bytes = await renderPptx(context);
      const pdf = await sofficePdf(soffice.path as string, bytes, 'deck');
      const { pages, words } = await pdfWords(pdftotext.path as string, pdf);
      expect(pages.length).toBe(slidePlan(context).pages.length);
      const scale = (pages[0]?.width ?? 0) / SLIDE.width;
      expect(Math.abs((pages[0]?.height ?? 0) - SLIDE.height * scale)).toBeLessThan(1);
      const bottom = (SLIDE.height - FRAME.padBottom) * scale;
      const outside = words.filter(
        (w) => w.xMin < 0 || w.yMin < 0 || w.xMax > SLIDE.width * scale + 0.5 || w.yMax > bottom + 1,
      );
      expect(outside.map((w) => `page ${w.page}: ${w.text}`)).toEqual([]);
      // pdftotext leaves out what lies wholly off the page: every character of a slide must be on its page.
      const slides = (await readPptx(bytes)).slides;
      const missing = slides.flatMap((xml, i) => {
        const drawn = words
          .filter((w) => w.page === i + 1)
          .map((w) => w.text)
          .join('')
          .replace(/\s/g, '');
        const written = xmlText(xml).replace(/\s/g, '');
        return drawn.length >= written.length ? [] : [`page ${i + 1}: ${drawn.length} of ${written.length} characters`];
      });
      expect(missing).toEqual([]);
      if (seed) {
        const text = normalizeText(words.map((w) => w.text).join(' '));
        expect(seedSentences().filter((s) => !text.includes(s))).toEqual([]);
      }
    },
    300_000,
  );
});
