/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the browser: they need the DOM's types.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/model/comparison.js';
import { build } from '../../src/pipeline/build.js';
import { FRAME, SLIDE } from '../../src/plan/geometry.js';
import { launchChromium } from '../helpers/browser.js';
import { comparisonYaml } from '../helpers/comparisons.js';
import { expectedSlideCount } from '../helpers/deck.js';
import { png } from '../helpers/png.js';
import { normalizeText, seedSentences } from '../helpers/seed.js';
import { requireTool } from '../helpers/tools.js';

const chromiumTool = requireTool('chromium');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Hostile content that validates: it must render, and nothing in it may run, load or navigate. */
const HOSTILE = [
  'script-tags.md',
  'event-handlers.md',
  'javascript-urls.md',
  'reveal-data-attributes.md',
  'svg-mathml.md',
  'css-and-styles.md',
  'embeds-and-forms.md',
  'template-syntax.md',
];
/** Output name → the error code that refused it at build time, if one did. */
const refused = new Map<string, string | undefined>();

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (chromiumTool.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-browser-'));
  // Eight systems, a 60-row comparison table, a long list and a long paragraph: columns, rows, list items and
  // sentences all continue on further slides.
  const items = Array.from(
    { length: 40 },
    (_, i) => `${i + 1}. Item ${i + 1} of a numbered list, long enough to wrap.`,
  );
  const paragraph = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of one long paragraph goes on.`).join(' ');
  writeFileSync(
    join(dir, 'eight-systems-60-rows.md'),
    `---\n${comparisonYaml({ systems: 8, dimensions: 60, threats: 4, steps: 24 })}---\n\n## Background\n\n${items.join('\n')}\n\n${paragraph}\n\n![A wide sketch of the setup](sketch.png)\n\n![A tall one](tall.png)\n`,
  );
  writeFileSync(join(dir, 'sketch.png'), png(1600, 1000));
  writeFileSync(join(dir, 'tall.png'), png(300, 900));
  const results = await build({
    files: [
      resolve('content/runc-vs-kata.md'),
      join(dir, 'eight-systems-60-rows.md'),
      ...HOSTILE.map((f) => resolve('test/hostile/corpus', f)),
    ],
    outDir: join(dir, 'dist'),
    cwd: dir,
  });
  for (const r of results) {
    if (r.error && !HOSTILE.some((f) => r.file.endsWith(f))) throw r.error;
    refused.set(r.name, r.error?.code);
  }
  browser = await launchChromium(chromiumTool.path as string);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly model: Comparison;
}

/** Opens a built deck from file:// with every request that is not a file aborted and counted. */
async function open(name: string): Promise<Opened> {
  const folder = join(dir, 'dist', name);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
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
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  await page.evaluate(() => {
    Reveal.configure({ transition: 'none' });
    // Fragments fade in; measured mid-fade, their text would fail the contrast check.
    for (const f of document.querySelectorAll<HTMLElement>('.fragment')) f.style.transition = 'none';
  });
  const model = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8')) as Comparison;
  return { page, errors, requests, model };
}

declare const Reveal: {
  configure(options: object): void;
  getTotalSlides(): number;
  getSlides(): HTMLElement[];
  getIndices(slide?: HTMLElement): { h: number; v: number; f?: number };
  slide(h: number, v?: number, f?: number): void;
  next(): void;
  isReady(): boolean;
};

/** Every slide's indices, in order. */
const slideIndices = (page: Page) =>
  page.evaluate(() => Reveal.getSlides().map((s) => ({ ...Reveal.getIndices(s), id: s.id })));

/**
 * Elements of the current slide that reach outside it, beyond a pixel of rounding, and content that reaches
 * into the strip kept free at the bottom (where reveal.js draws its arrows): the pagination estimate erred.
 */
const overflowing = (page: Page) =>
  page.evaluate(
    ({ height, padBottom }) => {
      const slide = document.querySelector('.slides section.present:not(.stack)') as HTMLElement;
      const frame = slide.getBoundingClientRect();
      const bodyBottom = frame.bottom - (padBottom * frame.height) / height;
      const out: string[] = [];
      for (const el of slide.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const bottom = el.closest('.slide-body') ? bodyBottom : frame.bottom;
        if (r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > bottom + 1) {
          out.push(
            `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').slice(0, 40)}"`,
          );
        }
      }
      return out;
    },
    { height: SLIDE.height, padBottom: FRAME.padBottom },
  );

describe.skipIf(chromiumTool.skip)('the built deck in Chromium, from file://', () => {
  it('starts reveal.js with the model’s slides, no error and no network request', async () => {
    const { page, errors, requests, model } = await open('runc-vs-kata');
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(expectedSlideCount(model));
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h2') as Element).fontFamily)).toMatch(
      /^"?Roboto/,
    );
    expect(await page.evaluate(() => document.fonts.check('16px Roboto'))).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('carries every sentence of the seed', async () => {
    const { page } = await open('runc-vs-kata');
    const text = normalizeText(await page.evaluate(() => document.querySelector('.slides')?.textContent ?? ''));
    expect(seedSentences().filter((s) => !text.includes(s))).toEqual([]);
    await page.close();
  });

  it('reveals the attack flow step by step', async () => {
    const { page, errors } = await open('runc-vs-kata');
    const flow = (await slideIndices(page)).find((s) => s.id === 'attack-flow-container-to-host');
    expect(flow).toBeDefined();
    await page.evaluate(({ h, v }) => Reveal.slide(h, v, -1), flow as { h: number; v: number });
    const visible = () =>
      page.evaluate(() => document.querySelectorAll('section.present svg .fragment.visible').length);
    expect(await page.locator('section.present svg[role="img"]').count()).toBe(1);
    const steps = await page.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll('section.present svg .fragment')].map((e) =>
            e.getAttribute('data-fragment-index'),
          ),
        ).size,
    );
    const fragments = await page.evaluate(() => document.querySelectorAll('section.present svg .fragment').length);
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(await visible()).toBe(0);
    const seen: number[] = [];
    for (let i = 0; i < steps; i++) {
      await page.evaluate(() => Reveal.next());
      seen.push(await visible());
    }
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(fragments);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves with the keyboard and follows agenda and citation links', async () => {
    const { page } = await open('runc-vs-kata');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => Reveal.getIndices().h)).toBe(1);
    await page.locator('section.present a', { hasText: 'Threat model' }).click();
    await page.waitForFunction(() => document.querySelector('section.present')?.id === 'part-4');
    await page.evaluate(() => {
      location.hash = '#ref-nist-800-190';
    });
    await page.waitForFunction(() => document.querySelector('section.present')?.id === 'references');
    await page.close();
  });

  it('opens the speaker view under the deck’s CSP, with the slide’s notes', async () => {
    const { page } = await open('runc-vs-kata');
    const threat = (await slideIndices(page)).find((s) => s.id === 'threat-container-escape') as { h: number };
    await page.evaluate((h) => Reveal.slide(h, 0), threat.h);
    const popupErrors: string[] = [];
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    popup.on('console', (m) => {
      if (m.type() === 'error') popupErrors.push(m.text());
    });
    await popup.waitForFunction(
      () => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('where a breakout lands'),
      undefined,
      { timeout: 15_000 },
    );
    expect(popupErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await popup.close();
    await page.close();
  });

  // axe runs on every slide: 60 dimensions of 8 systems make over a hundred, minutes on a busy machine.
  for (const name of ['runc-vs-kata', 'eight-systems-60-rows']) {
    it(`${name}: nothing extends past the 1280×720 slide, and axe finds nothing serious`, async () => {
      const { page, errors, requests } = await open(name);
      // axe runs through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(AXE);
      const problems: string[] = [];
      for (const { h, v, id } of await slideIndices(page)) {
        await page.evaluate(([hh, vv]) => Reveal.slide(hh as number, vv as number, 99), [h, v]);
        for (const el of await overflowing(page)) problems.push(`slide ${h}/${v} ${id}: ${el}`);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } })
            .axe;
          const results = await axe.run(document.querySelector('.slides section.present:not(.stack)') as Element, {
            resultTypes: ['violations'],
            preload: false,
          });
          return results.violations
            .filter((x) => x.impact === 'serious' || x.impact === 'critical')
            .map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const violation of violations) problems.push(`slide ${h}/${v} ${id}: ${violation}`);
      }
      expect(problems).toEqual([]);
      const images = await page.evaluate(() =>
        [...document.images].map((i) => ({ src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0 })),
      );
      expect(images.every((i) => i.loaded && /^images\/[\w.-]+$/.test(i.src ?? ''))).toBe(true);
      expect(images).toHaveLength(name === 'runc-vs-kata' ? 0 : 2);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 600_000);
  }
});

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

describe.skipIf(chromiumTool.skip)('hostile content in Chromium', () => {
  it.each(HOSTILE)('%s: refused at build, or no dialog, no error, no request on any slide', async (file) => {
    const name = file.replace(/\.md$/, '');
    // Refusing content before rendering is a safe outcome too; anything but a content error is not.
    if (refused.get(name) !== undefined) return expect(refused.get(name)).toBe('CONTENT_INVALID');
    const { page, errors, requests } = await open(name);
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    for (const { h, v } of await slideIndices(page)) {
      await page.evaluate(([hh, vv]) => Reveal.slide(hh as number, vv as number, 99), [h, v]);
    }
    expect(await page.evaluate(() => document.querySelectorAll('iframe, object, embed').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
