import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FontSet, loadFonts } from '../../../src/fonts/load.js';
import { renderPdf } from '../../../src/outputs/report/pdf.js';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFonts();
});

const doc = (extra: Partial<TDocumentDefinitions>): TDocumentDefinitions => ({
  defaultStyle: { font: 'Roboto' },
  content: [{ text: 'Hello' }],
  ...extra,
});

describe('renderPdf is closed to the outside', () => {
  it('fetches no URL', async () => {
    const image = doc({ images: { logo: 'https://example.com/logo.png' }, content: [{ image: 'logo' }] });
    await expect(renderPdf(image, fonts)).rejects.toThrow(/Access to URL denied/);
  });

  it('opens no local file but our fonts', async () => {
    const image = doc({ content: [{ image: '/etc/hostname' }] });
    await expect(renderPdf(image, fonts)).rejects.toThrow(/Access to local file denied/);
    const attachment = doc({ files: { secret: { src: '/etc/hostname' } } });
    await expect(renderPdf(attachment, fonts)).rejects.toThrow(/Access to local file denied/);
  });

  it('embeds our fonts from memory', async () => {
    const bytes = await renderPdf(doc({}), fonts);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontFile2/);
  });
});
