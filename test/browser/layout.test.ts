/// <reference lib="dom" />
// The functions passed to page.evaluate run in the browser: they need the DOM's types.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';

const chromiumTool = requireTool('chromium');

/** Every comparison the deck is laid out for: the shipped one and the fixtures that build. */
const FIXTURES = [
  'content/runc-vs-kata.md',
  'test/fixtures/content/real-review-3.md',
  'test/fixtures/content/real-review-4.md',
  'test/fixtures/content/real-review-8.md',
  'test/fixtures/content/every-field.md',
  'test/fixtures/content/eight-systems-long-words.yaml',
  'test/fixtures/content/flow-4-systems-12-steps.yaml',
  'test/fixtures/content/flow-8-systems.yaml',
  'test/fixtures/content/long-attack-flow.yaml',
  'test/fixtures/content/sixty-dimensions.yaml',
  'test/fixtures/content/minimal.yaml',
];
const name = (file: string) => (file.split('/').pop() ?? '').replace(/\.(md|ya?ml)$/, '');

/** What one slide holds, measured in the browser at 1280×720. */
interface Measured {
  readonly h: number;
  readonly v: number;
  readonly kind: string;
  readonly title: string;
  /** Height of the content in the slide body, over the body's height. */
  readonly fill: number;
  /** Elements that reach outside the slide or into the strip kept free at the bottom. */
  readonly spills: string[];
}

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (chromiumTool.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-layout-'));
  const results = await build({ files: FIXTURES.map((f) => resolve(f)), outDir: join(dir, 'dist'), cwd: dir });
  for (const r of results) if (r.error) throw r.error;
  browser = await launchChromium(chromiumTool.path as string);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function measure(deck: string): Promise<Measured[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(join(dir, 'dist', deck, 'index.html')).href);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  await page.evaluate(() => document.fonts.ready);
  const slides = await page.evaluate(() => {
    type R = {
      configure?(o: object): void;
      getIndices(s: Element): { h: number; v?: number };
      slide(h: number, v: number, f: number): void;
    };
    const reveal = (window as unknown as { Reveal: R }).Reveal;
    reveal.configure?.({ transition: 'none' });
    const out: Measured[] = [];
    const sections = [...document.querySelectorAll('.slides section')].filter((s) => !s.querySelector('section'));
    for (const section of sections) {
      const { h, v = 0 } = reveal.getIndices(section);
      reveal.slide(h, v, 99);
      const frame = section.getBoundingClientRect();
      const body = section.querySelector('.slide-body') as HTMLElement;
      const b = body.getBoundingClientRect();
      let bottom = b.top;
      const spills: string[] = [];
      for (const el of section.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (body.contains(el)) bottom = Math.max(bottom, r.bottom);
        const limit = body.contains(el) ? b.bottom : frame.bottom;
        if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > limit + 1) {
          spills.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
        }
      }
      // An identifier (CVE id, --flag, path) set on one line unless it is longer than a line.
      for (const id of section.querySelectorAll<HTMLElement>('.nobreak')) {
        const lineHeight = Number.parseFloat(getComputedStyle(id).lineHeight) || 20;
        const container = (id.parentElement as HTMLElement).getBoundingClientRect().width;
        const wrapped = id.getBoundingClientRect().height > 1.5 * lineHeight * (frame.height / 720);
        if (wrapped && id.scrollWidth < container - 1) spills.push(`identifier "${id.textContent}" broken`);
      }
      out.push({
        h,
        v,
        kind: section.className.replace(/\s*\b(present|past|future)\b/g, '').trim(),
        title: (section.querySelector('h2')?.textContent ?? '').trim(),
        fill: (bottom - b.top) / b.height,
        spills: spills.slice(0, 3),
      });
    }
    return out;
  });
  await page.close();
  return slides;
}

/**
 * The layout rules: nothing spills; in a series of continued slides the emptiest holds at least 60 % of what
 * the fullest holds; no slide is under a third full unless it is the title, a divider, the deck's last slide
 * or a series of one.
 */
function problems(slides: readonly Measured[]): string[] {
  const found: string[] = [];
  const where = (s: Measured) => `slide ${s.h}/${s.v} ${s.kind} "${s.title.slice(0, 50)}"`;
  const series = new Map<number, Measured[]>();
  for (const s of slides) series.set(s.h, [...(series.get(s.h) ?? []), s]);
  const last = slides[slides.length - 1];
  for (const s of slides) {
    for (const spill of s.spills) found.push(`${where(s)}: ${spill} spills`);
    const alone = (series.get(s.h)?.length ?? 0) === 1;
    const exempt = /slide-(title|divider)/.test(s.kind) || s === last || alone;
    if (!exempt && s.fill < 1 / 3) found.push(`${where(s)}: ${Math.round(s.fill * 100)} % full`);
  }
  for (const run of series.values()) {
    if (run.length < 2) continue;
    const fills = run.map((s) => s.fill);
    const [emptiest, fullest] = [Math.min(...fills), Math.max(...fills)];
    if (emptiest < 0.6 * fullest) {
      const first = run[0] as Measured;
      found.push(`${where(first)}: series of ${run.length} runs ${fills.map((f) => Math.round(f * 100)).join('/')} %`);
    }
  }
  return found;
}

describe('the layout rules', () => {
  const at = (h: number, v: number, fill: number, kind = 'slide-table'): Measured => ({
    h,
    v,
    kind,
    title: '',
    fill,
    spills: [],
  });
  it('flag a series run 100/30, a near-empty continuation and a spill; accept a short series of one', () => {
    expect(problems([at(0, 0, 0.2, 'slide-title'), at(1, 0, 1), at(1, 1, 0.3), at(2, 0, 0.2), at(3, 0, 0.5)])).toEqual([
      'slide 1/1 slide-table "": 30 % full',
      'slide 1/0 slide-table "": series of 2 runs 100/30 %',
    ]);
    expect(problems([{ ...at(0, 0, 0.5), spills: ['td "x"'] }])).toEqual(['slide 0/0 slide-table "": td "x" spills']);
    expect(problems([at(0, 0, 0.7), at(0, 1, 0.6), at(1, 0, 0.1)])).toEqual([]);
  });
});

describe.skipIf(chromiumTool.skip)('every slide of every fixture, measured in Chromium', () => {
  it.each(FIXTURES.map(name))('%s: nothing spills, continued slides balanced, none near-empty', async (deck) => {
    expect(problems(await measure(deck))).toEqual([]);
  });

  it('fits the four-system review in at most 55 slides, with its score chart and every risk matrix on one slide', async () => {
    const slides = await measure('real-review-4');
    expect(slides.length).toBeLessThanOrEqual(55);
    expect(slides.some((s) => s.kind === 'slide-score-charts')).toBe(true);
    expect(slides.filter((s) => s.kind === 'slide-risk-matrix')).toHaveLength(1);
  });
});
