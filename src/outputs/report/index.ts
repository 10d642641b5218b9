import { fontChain } from '../../fonts/chain.js';
import { createMarkdown } from '../../markdown/markdown.js';
import { printedFields } from '../printed-fields.js';
import type { Output, RenderContext } from '../render.js';
import { wideTableWarnings } from '../wide-table-warnings.js';
import { reportDocument, reportImages, textBox } from './document.js';
import { withFontRuns } from './font-runs.js';
import { missingGlyphWarnings } from './glyphs.js';
import { renderPdf } from './pdf.js';
import { reportStyle } from './style.js';
import { maxTableColumns } from './tables.js';

/** The Markdown tables the report prints in parts, one warning each (see `maxTableColumns`). */
function splitTableWarnings(ctx: RenderContext) {
  const style = reportStyle(ctx.templates);
  const maxColumns = maxTableColumns(textBox(style).width, style);
  return wideTableWarnings(printedFields(ctx.comparison), createMarkdown(), { maxColumns, output: 'report' });
}

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
  warnings: [...(await missingGlyphWarnings(ctx.comparison, ctx.fonts)), ...splitTableWarnings(ctx)],
});
