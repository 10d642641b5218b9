import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDeckHtml } from '../../../src/outputs/deck/index.js';
import { outputResult, type RenderContext } from '../../../src/outputs/render.js';
import { handoutOutput, slidesOutput } from '../../../src/outputs/slides/index.js';
import { MarkdownText, PlanDiagram, slidePlan } from '../../../src/plan/index.js';
import { parseDeck, renderContext } from '../../helpers/deck.js';
import { readPdf } from '../../helpers/pdf.js';
import { seedSentences } from '../../helpers/seed.js';
import { requireTool } from '../../helpers/tools.js';

const pdftotext = requireTool('pdftotext');
const FIXTURES = [
  'content/runc-vs-kata.md',
  'test/fixtures/content/real-review-4.md',
  'test/fixtures/content/real-review-8.md',
];
const dir = mkdtempSync(join(tmpdir(), 'riskdeck-slides-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text compared without any white space: pdftotext and pdfmake break lines where the browser does not. */
const squeeze = (text: string) =>
  text
    .replace(/[\u200b\u00ad]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, '');

async function artifact(context: RenderContext, output: typeof slidesOutput, path: string) {
  const result = outputResult(await output(context));
  const file = result.artifacts.find((a) => a.path === path);
  if (!file || !('data' in file) || typeof file.data === 'string') throw new Error(`no ${path}`);
  return { data: file.data, warnings: result.warnings };
}

/** Each page's text as pdftotext reads it. */
function pagesText(data: Uint8Array, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, data);
  return execFileSync(pdftotext.path ?? 'pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);
}

/** Every word pdftotext finds that lies outside its page, with the page and where it is. */
function wordsOutside(data: Uint8Array, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, data);
  const html = execFileSync(pdftotext.path ?? 'pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const outside: string[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      const [, width = '0', height = '0'] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) ?? [];
      for (const w of page.matchAll(/xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</g)) {
        const [x0, y0, x1, y1] = [w[1], w[2], w[3], w[4]].map(Number) as [number, number, number, number];
        if (x0 < 0 || y0 < 0 || x1 > Number(width) + 0.5 || y1 > Number(height) + 0.5) {
          outside.push(`page ${i + 1}: "${w[5]}" at ${x0},${y0}–${x1},${y1}`);
        }
      }
    });
  return outside;
}

/**
 * The plain text of every Markdown value a page of the plan shows, by sentence: list numbers and bullets are
 * drawn between the sentences of a list but are not part of its plain text.
 */
function planTexts(context: RenderContext, value: unknown): string[] {
  const plan = slidePlan(context);
  if (value instanceof MarkdownText) return plan.text.plain(value.markdown).split(/(?<=[.:;!?])\s+/);
  if (value instanceof PlanDiagram) return [];
  if (Array.isArray(value)) return value.flatMap((v) => planTexts(context, v));
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap((v) => planTexts(context, v));
  return [];
}

describe.skipIf(pdftotext.skip)('slides.pdf', () => {
  it.each(FIXTURES)(
    '%s: one 960×540 page per slide of the deck, each showing its text, nothing outside its page',
    async (file) => {
      const context = await renderContext(file, readFileSync(file, 'utf8'));
      const deck = parseDeck(renderDeckHtml(context), context.comparison);
      const { data, warnings } = await artifact(context, slidesOutput, 'slides.pdf');
      expect(warnings).toEqual([]);
      const pdf = await readPdf(data);
      // The deck's slides as the print test counts them: every section without sections inside, fragments included.
      expect(pdf.pages).toHaveLength(deck.slides.length);
      expect(new Set(pdf.pages.map((p) => p.width))).toEqual(new Set([960]));
      const name = file.replace(/.*\//, '');
      const texts = pagesText(data, `${name}.pdf`);
      expect(texts).toHaveLength(deck.slides.length);
      const plan = slidePlan(context);
      // Per slide, in the order the PDF draws its text (pdftotext reorders table cells and joins "set-⏎uid").
      const missing = plan.pages.flatMap((page, i) => {
        const text = squeeze(pdf.pages[i]?.text ?? '');
        return [page.title, page.data]
          .flatMap((v) => planTexts(context, v))
          .filter((t) => t.trim() !== '' && !text.includes(squeeze(t)))
          .map((t) => `slide ${page.number}: ${t.slice(0, 80)}`);
      });
      expect(missing).toEqual([]);
      // And as pdftotext reads the whole file: every statement of the seed (the example), every text of the plan.
      const loose = (t: string) => squeeze(t).replace(/-/g, '');
      const all = loose(texts.join(' '));
      if (file === 'content/runc-vs-kata.md')
        expect(seedSentences().filter((s) => !all.includes(loose(s)))).toEqual([]);
      const statements = plan.pages.flatMap((page) => [page.title, page.data].flatMap((v) => planTexts(context, v)));
      expect(statements.filter((t) => !all.includes(loose(t))).map((t) => t.slice(0, 80))).toEqual([]);
      expect(wordsOutside(data, `${name}.pdf`)).toEqual([]);
      // A bookmark per slide, on its slide.
      expect(pdf.outline.map((o) => o.page)).toEqual(plan.pages.map((p) => p.number));
    },
    240_000,
  );

  it('links like the deck: references to their URLs, citations and the agenda to their slides', async () => {
    const file = 'content/runc-vs-kata.md';
    const context = await renderContext(file, readFileSync(file, 'utf8'));
    const pdf = await readPdf((await artifact(context, slidesOutput, 'slides.pdf')).data);
    const urls = pdf.pages.flatMap((p) => p.links.map((l) => l.url)).filter((u) => u !== undefined);
    for (const reference of context.comparison.references) expect(urls).toContain(reference.url);
    const plan = slidePlan(context);
    const references = plan.pages.find((p) => p.partial === 'references')?.number;
    const first = context.comparison.references[0];
    expect(await pdf.destinationPage(`ref-${first?.id}`)).toBe(references);
    const threat = context.comparison.threats[0];
    const threatPage = plan.pages.find((p) => p.id === `threat-${threat?.id}`)?.number;
    expect(await pdf.destinationPage(`threat-${threat?.id}`)).toBe(threatPage);
    const agenda = pdf.pages[1];
    expect(agenda?.links.filter((l) => l.dest !== undefined).length).toBeGreaterThan(5);
  }, 120_000);

  it('is byte-identical when built again', async () => {
    const file = 'test/fixtures/content/real-review-4.md';
    const text = readFileSync(file, 'utf8');
    const a = await artifact(await renderContext(file, text), slidesOutput, 'slides.pdf');
    const b = await artifact(await renderContext(file, text), slidesOutput, 'slides.pdf');
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  }, 240_000);
});

describe.skipIf(pdftotext.skip)('handout.pdf', () => {
  it.each(FIXTURES.slice(0, 2))(
    '%s: every slide framed with its speaker notes, in order, on A4, nothing outside its page',
    async (file) => {
      const context = await renderContext(file, readFileSync(file, 'utf8'));
      const { data } = await artifact(context, handoutOutput, 'handout.pdf');
      const pdf = await readPdf(data);
      expect(new Set(pdf.pages.map((p) => Math.round(p.width)))).toEqual(new Set([595]));
      const plan = slidePlan(context);
      const all = squeeze(pagesText(data, 'handout.pdf').join(' '));
      // Every slide's band with its number, in order, and every note under its slide.
      let at = 0;
      for (const page of plan.pages) {
        const number = `${page.number}/${plan.pages.length}`;
        const found = all.indexOf(number, at);
        expect(found, `slide ${page.number}`).toBeGreaterThanOrEqual(at);
        at = found;
        for (const note of page.notes ?? []) {
          expect(all.slice(at)).toContain(squeeze(plan.text.plain(note.body.markdown)).slice(0, 60));
        }
      }
      expect(pdf.outline.length).toBe(plan.pages.length);
      expect(wordsOutside(data, 'handout.pdf')).toEqual([]);
      const again = await artifact(await renderContext(file, readFileSync(file, 'utf8')), handoutOutput, 'handout.pdf');
      expect(Buffer.from(again.data).equals(Buffer.from(data))).toBe(true);
    },
    240_000,
  );
});
