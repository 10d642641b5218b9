/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the browser: they need the DOM's types.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/model/comparison.js';
import { build } from '../../src/pipeline/build.js';
import { SLIDE } from '../../src/plan/geometry.js';
import { launchChromium } from '../helpers/browser.js';
import { parseDeck } from '../helpers/deck.js';
import { normalizeText, seedSentences } from '../helpers/seed.js';
import { requireTool } from '../helpers/tools.js';

const chromiumTool = requireTool('chromium');
const pdftotextTool = requireTool('pdftotext');
const skip = Boolean(chromiumTool.skip || pdftotextTool.skip);

/** The example, a four-system review, and tables of 40 and 300 columns with a 1,000-character word. */
const FIXTURES = [
  'content/runc-vs-kata.md',
  'test/fixtures/content/real-review-4.md',
  'test/hostile/corpus/wide-tables.md',
];
const name = (file: string) => (file.split('/').pop() ?? '').replace(/\.(md|ya?ml)$/, '');

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-print-'));
  const results = await build({ files: FIXTURES.map((f) => resolve(f)), outDir: join(dir, 'dist'), cwd: dir });
  for (const r of results) if (r.error) throw r.error;
  browser = await launchChromium(chromiumTool.path as string);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One printed page as the browser laid it out. */
interface PrintedPage {
  /** The words drawn on the page (text in the DOM that has a box; not SVG titles, notes or screen-reader text). */
  readonly words: string[];
  /** Text or elements that reach outside the 1280×720 page. */
  readonly outside: string[];
  /** Fragments not shown in their final state. */
  readonly hidden: number;
}

interface Printed {
  readonly pdf: Uint8Array;
  readonly pages: PrintedPage[];
  readonly totalSlides: number;
  readonly errors: string[];
  readonly requests: string[];
}

/** Opens a built deck in reveal.js's print mode from file:// and prints it as Chromium's print dialog would. */
async function print(deck: string): Promise<Printed> {
  const page = await browser.newPage({ viewport: { width: SLIDE.width, height: SLIDE.height } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  // reveal.js lays the pages out, appends them all at once, then dispatches `pdf-ready` (it bubbles).
  await page.addInitScript(() => {
    document.addEventListener('pdf-ready', () => {
      document.documentElement.dataset.printed = 'yes';
    });
  });
  await page.goto(`${pathToFileURL(join(dir, 'dist', deck, 'index.html')).href}?print-pdf`);
  await page.waitForFunction(() => document.documentElement.dataset.printed === 'yes');
  await page.evaluate(() => document.fonts.ready);
  const pages = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.slides .pdf-page')].map((sheet) => {
      const box = sheet.getBoundingClientRect();
      const outside: string[] = [];
      const words: string[] = [];
      const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        if (!text.trim() || !parent || parent.closest('title, desc, aside.notes, .visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length === 0) continue;
        for (const r of rects) {
          if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
            outside.push(`"${text.trim().slice(0, 40)}" at ${Math.round(r.right)}×${Math.round(r.bottom)}`);
        }
        words.push(...text.split(/\s+/).filter(Boolean));
      }
      if (Math.round(box.width) !== 1280 || Math.round(box.height) > 720)
        outside.push(`page box ${box.width}×${box.height}`);
      const hidden = [...sheet.querySelectorAll('.fragment')].filter(
        (f) => !f.classList.contains('visible') || getComputedStyle(f).opacity !== '1',
      ).length;
      return { words, outside: outside.slice(0, 5), hidden };
    }),
  );
  const totalSlides = await page.evaluate(() =>
    (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides(),
  );
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  return { pdf, pages, totalSlides, errors, requests };
}

/** Each page's text as pdftotext reads it, in the order it was drawn (which is the DOM's). */
function pdfPagesText(pdf: Uint8Array): string[] {
  const file = join(dir, `printed-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync(pdftotextTool.path as string, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** Page sizes in CSS pixels (96 per inch; PDF points are 72 per inch). */
async function pageSizes(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const sizes: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (await doc.getPage(n)).view;
    sizes.push(`${Math.round(((x1 - x0) * 96) / 72)}×${Math.round(((y1 - y0) * 96) / 72)}`);
  }
  return sizes;
}

/**
 * Text compared without white space (a line may wrap inside a word, code has padding pdftotext reads as a
 * space), hyphens (pdftotext joins a word hyphenated at a line's end) or case (the band is set in capitals).
 */
const squeeze = (text: string) =>
  normalizeText(text)
    .replace(/[\s-]+/g, '')
    .toLowerCase();

describe.skipIf(skip)('the deck printed from ?print-pdf in Chromium', () => {
  it.each(FIXTURES)(
    '%s: one 1280×720 page per slide, fragments shown, nothing cut, every word printed',
    async (file) => {
      const deck = name(file);
      const html = readFileSync(join(dir, 'dist', deck, 'index.html'), 'utf8');
      const model = JSON.parse(readFileSync(join(dir, 'dist', deck, 'model.json'), 'utf8')) as Comparison;
      const slides = parseDeck(html, model).slides.length;
      const printed = await print(deck);
      expect(printed.errors).toEqual([]);
      expect(printed.requests).toEqual([]);
      // Every slide a viewer steps through is one page; its fragments print as the slide ends, not page by page.
      expect(printed.totalSlides).toBe(slides);
      expect(printed.pages).toHaveLength(slides);
      expect(printed.pages.map((p, i) => ({ page: i + 1, outside: p.outside, hidden: p.hidden }))).toEqual(
        printed.pages.map((_, i) => ({ page: i + 1, outside: [], hidden: 0 })),
      );
      expect(await pageSizes(printed.pdf)).toEqual(Array.from({ length: slides }, () => '1280×720'));
      const texts = pdfPagesText(printed.pdf);
      expect(texts).toHaveLength(slides);
      const missing = printed.pages.flatMap((p, i) => {
        const text = squeeze(texts[i] ?? '');
        return p.words.filter((w) => !text.includes(squeeze(w))).map((w) => `page ${i + 1}: ${w}`);
      });
      expect(missing).toEqual([]);
      if (deck === 'runc-vs-kata') {
        const all = squeeze(texts.join(' '));
        expect(seedSentences().filter((s) => !all.includes(squeeze(s)))).toEqual([]);
      }
    },
    180_000,
  );
});
