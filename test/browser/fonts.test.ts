/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the browser: they need the DOM's types.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';
import { SAMPLE_CHARACTERS as SAMPLES } from '../helpers/unicode-samples.js';

const chromiumTool = requireTool('chromium');
/** Debian's fonts-wqy-microhei (installed by .ci/run): a CJK font in a TrueType collection. */
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (chromiumTool.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-browser-fonts-'));
  const results = await build({
    files: [resolve('test/fixtures/content/unicode-blocks.yaml'), resolve('test/fixtures/content/cjk-title.yaml')],
    outDir: dir,
    cwd: dir,
    fallbackFonts: [WQY_TTC],
  });
  for (const r of results) expect([r.error?.message, r.warnings]).toEqual([undefined, []]);
  browser = await launchChromium(chromiumTool.path ?? 'chromium');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface UsedFont {
  readonly familyName: string;
  readonly isCustomFont: boolean;
  readonly glyphCount: number;
}

/** Opens a deck offline; nothing may be fetched but its own files. */
async function open(name: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(join(dir, name, 'index.html')).href);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  return page;
}

/**
 * The fonts Chromium drew each element holding `pattern` with (DevTools' platform fonts), on the slide
 * that shows it; `isCustomFont` is false for a font of the system rather than one the deck brought.
 */
async function fontsDrawing(page: Page, pattern: string): Promise<{ text: string; fonts: UsedFont[] }[]> {
  const slides = await page.evaluate(() => {
    const reveal = (window as unknown as { Reveal: { getSlides(): Element[]; getIndices(s: Element): object } }).Reveal;
    return reveal.getSlides().map((s) => reveal.getIndices(s) as { h: number; v: number });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const found: { text: string; fonts: UsedFont[] }[] = [];
  for (const { h, v } of slides) {
    const marked = await page.evaluate(
      async ({ h, v, pattern }) => {
        const reveal = (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal;
        reveal.slide(h, v);
        await document.fonts.ready;
        for (const e of document.querySelectorAll('[data-probe]')) e.removeAttribute('data-probe');
        const current = document.querySelector('.reveal .slides section.present:not(.stack)');
        const walker = document.createTreeWalker(current ?? document.body, NodeFilter.SHOW_TEXT);
        let count = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          // An SVG's title and desc are read out, not drawn.
          const drawn = !['title', 'desc'].includes(n.parentElement?.localName ?? '');
          if (drawn && new RegExp(pattern, 'u').test(n.textContent ?? '')) {
            n.parentElement?.setAttribute('data-probe', '');
            count++;
          }
        }
        return count;
      },
      { h, v, pattern },
    );
    if (marked === 0) continue;
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-probe]' });
    for (const nodeId of nodeIds) {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: UsedFont[] };
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push({ text: outerHTML, fonts });
    }
  }
  return found;
}

describe.skipIf(chromiumTool.skip)('fallback fonts in the deck, in Chromium', () => {
  it('shows every sample character, each drawn with a font the deck brought', async () => {
    const page = await open('unicode-blocks');
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(SAMPLES.filter((char) => !text.includes(char))).toEqual([]);
    // Characters Roboto lacks: DejaVu Sans draws them.
    const drawn = await fontsDrawing(page, '[→☠◆]');
    expect(drawn.length).toBeGreaterThan(3);
    for (const { text, fonts } of drawn) {
      expect(
        fonts.filter((f) => !f.isCustomFont),
        text,
      ).toEqual([]);
      expect(
        fonts.map((f) => f.familyName),
        text,
      ).toContain('DejaVu Sans');
    }
    // The summary holds every sample: the deck's fonts drew all of them, the system's none.
    const summary = drawn.find((d) => d.text.includes('Latin Extended-B'));
    expect(summary?.fonts.every((f) => f.isCustomFont)).toBe(true);
    await page.close();
  });

  it('draws Chinese, in text and in the diagrams, with the CJK font from the config', async () => {
    const page = await open('cjk-title');
    const drawn = await fontsDrawing(page, '[\\u4e00-\\u9fff]');
    expect(drawn.some((d) => d.text.startsWith('<tspan'))).toBe(true);
    for (const { text, fonts } of drawn) {
      expect(
        fonts.filter((f) => !f.isCustomFont),
        text,
      ).toEqual([]);
      expect(
        fonts.map((f) => f.familyName),
        text,
      ).toContain('WenQuanYi Micro Hei');
    }
    await page.close();
  });
});
