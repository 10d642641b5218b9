import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { fontkit, fontkitCacheStats } from '../../../src/fonts/fontkit.js';
import { loadFonts } from '../../../src/fonts/load.js';
import { renderPdf } from '../../../src/outputs/report/pdf.js';

it('pdfkit gets the fontkit whose parsed fonts are reused between documents', async () => {
  const fonts = await loadFonts();
  const doc = { content: ['Hello'], defaultStyle: { font: fonts.family } };
  await renderPdf(doc, fonts);
  const before = fontkitCacheStats();
  expect((await renderPdf(doc, fonts)).length).toBeGreaterThan(1000);
  const after = fontkitCacheStats();
  // pdfkit opened the face for the second document through our fontkit, and nothing was parsed again.
  expect(after.hits).toBeGreaterThan(before.hits);
  expect(after.misses).toBe(before.misses);
  const pdfkit = createRequire(import.meta.url).resolve('pdfkit');
  expect(createRequire(pdfkit)('fontkit')).toBe(fontkit);
});
