import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { readPdf } from '../../helpers/pdf.js';

const FILE = 'test/fixtures/content/real-review-4.md';
let bytes: Uint8Array;

beforeAll(async () => {
  const resources: RenderResources = { fonts: await loadFonts(), templates: await loadTemplates() };
  const rendered = await renderSource({ path: FILE, text: readFileSync(FILE, 'utf8') }, [reportOutput], resources, {
    sourceDateEpoch: '1767225600',
  });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  bytes = pdf.data;
}, 120_000);

describe('the report of the four-system review', () => {
  it('says each branch’s label and severity in words in the flow’s step list', async () => {
    const text = (await readPdf(bytes)).pages.map((p) => p.text).join(' ');
    expect(text).toContain('runc: Host cwd leaked, severity Critical — On runc before 1.1.12');
    expect(text).toContain('gVisor (runsc): Blocked, severity None — The Sentry has no host descriptor');
    expect(text).toContain('Kata Containers: Guest files only, severity Low —');
  });

  it('leaves no page more than a third empty, except the cover, the last page and those before a top-level section', async () => {
    const pdf = await readPdf(bytes);
    const style = JSON.parse(readFileSync('templates/report/style.json', 'utf8')) as {
      page: { margins: [number, number, number, number] };
    };
    const [, top, , bottom] = style.page.margins;
    const before = new Set(pdf.outline.filter((o) => o.depth === 1).map((o) => o.page - 1));
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
    const empty: string[] = [];
    for (let n = 2; n < doc.numPages; n++) {
      if (before.has(n)) continue;
      const page = await doc.getPage(n);
      const height = page.view[3] ?? 0;
      let lowest = height - top;
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = item.transform[5] as number;
        if (y > bottom && y < height - top) lowest = Math.min(lowest, y);
      }
      const used = (height - top - lowest) / (height - top - bottom);
      if (used < 2 / 3) empty.push(`page ${n}: ${Math.round(used * 100)} % used`);
    }
    expect(doc.numPages).toBeGreaterThan(20);
    expect(empty).toEqual([]);
  });
});

/** "Columns 11–19 of 300, with column 1 repeated." as pdf.js reads it (the dash may end a word). */
const CAPTION = /^Columns \d+–\s?\d+ of \d+/;

describe('the report of a comparison with wide tables', () => {
  it('never ends a page with the caption of a table part whose table starts on the next', async () => {
    const file = 'test/hostile/corpus/wide-tables.md';
    const resources: RenderResources = { fonts: await loadFonts(), templates: await loadTemplates() };
    const rendered = await renderSource({ path: file, text: readFileSync(file, 'utf8') }, [reportOutput], resources, {
      sourceDateEpoch: '1767225600',
    });
    const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
    if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
    const style = JSON.parse(readFileSync('templates/report/style.json', 'utf8')) as {
      page: { margins: [number, number, number, number] };
    };
    const [, top, , bottom] = style.page.margins;
    const doc = await getDocument({ data: new Uint8Array(pdf.data), verbosity: 0, isEvalSupported: false }).promise;
    const endings: string[] = [];
    let captions = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] ?? 0;
      const lines = new Map<number, string>();
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = Math.round(item.transform[5] as number);
        // pdf.js gives each word of a line as an item of its own.
        if (y > bottom && y < height - top) lines.set(y, `${lines.get(y) ?? ''} ${item.str}`.trim());
      }
      captions += [...lines.values()].filter((l) => CAPTION.test(l)).length;
      const lowest = Math.min(...lines.keys());
      endings.push(`page ${n}: ${lines.get(lowest) ?? ''}`);
    }
    // The 40- and 300-column tables give dozens of parts; none of their captions is a page's last line.
    expect(captions).toBeGreaterThan(30);
    expect(endings.filter((e) => CAPTION.test(e.replace(/^page \d+: /, '')))).toEqual([]);
  }, 120_000);
});
