import { inflateSync } from 'node:zlib';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FontSet, loadFonts } from '../../../src/fonts/load.js';
import { renderPdf } from '../../../src/outputs/report/pdf.js';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFonts();
});

/** The dictionaries the report packs into compressed object streams, as text. */
function objectStreamText(bytes: Uint8Array): string {
  const pdf = Buffer.from(bytes);
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const match of text.matchAll(/\/Type \/ObjStm [^>]*\/Length (\d+) >>\nstream\n/g)) {
    const start = match.index + match[0].length;
    out.push(inflateSync(pdf.subarray(start, start + Number(match[1]))).toString('latin1'));
  }
  return out.join('\n');
}

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
    expect(objectStreamText(bytes)).toMatch(/\/FontFile2/);
  });
});
