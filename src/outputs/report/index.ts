import { fontChain } from '../../fonts/chain.js';
import type { Output } from '../render.js';
import { reportDocument, reportImages } from './document.js';
import { withFontRuns } from './font-runs.js';
import { missingGlyphWarnings } from './glyphs.js';
import { renderPdf } from './pdf.js';

/** `report.pdf`: the risk report, laid out by pdfmake in-process, byte-identical for the same epoch. */
export const reportOutput: Output = async (ctx) => ({
  artifacts: [
    {
      path: 'report.pdf',
      data: await renderPdf(
        withFontRuns(reportDocument(ctx), fontChain(ctx.fonts)),
        ctx.fonts,
        new Map(reportImages(ctx).map((image) => [image.output, image.bytes])),
      ),
    },
  ],
  warnings: await missingGlyphWarnings(ctx.comparison, ctx.fonts),
});
