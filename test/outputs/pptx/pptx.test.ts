import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDeckHtml } from '../../../src/outputs/deck/index.js';
import { renderPptx } from '../../../src/outputs/pptx/index.js';
import { onePropertiesPerParagraph, shrinkOnOverflow } from '../../../src/outputs/pptx/zip.js';
import { build } from '../../../src/pipeline/build.js';
import { slidePlan } from '../../../src/plan/index.js';
import { comparisonYaml } from '../../helpers/comparisons.js';
import { parseDeck, renderContext } from '../../helpers/deck.js';
import { readPptx, xmlText } from '../../helpers/pptx.js';
import { normalizeText, seedSentences } from '../../helpers/seed.js';

const EXAMPLE = 'content/runc-vs-kata.md';
const REAL = ['test/fixtures/content/real-review-4.md', 'test/fixtures/content/real-review-8.md'];

const contextOf = (path: string, text = readFileSync(path, 'utf8')) => renderContext(path, text);

async function render(path: string, text?: string) {
  const context = await contextOf(path, text);
  const bytes = await renderPptx(context);
  return { context, bytes, parts: await readPptx(bytes) };
}

describe('deck.pptx', () => {
  it.each([EXAMPLE, ...REAL])(
    'has the deck’s slides, in its order, each with the classification and its number (%s)',
    async (path) => {
      const { context, parts } = await render(path);
      const deck = parseDeck(renderDeckHtml(context), context.comparison);
      const plan = slidePlan(context);
      expect(parts.slides.length).toBe(deck.slides.length);
      const classification = context.comparison.meta.classification?.toUpperCase() ?? '';
      parts.slides.forEach((xml, i) => {
        const text = xmlText(xml);
        expect(text).toContain(classification);
        expect(text).toContain(`${i + 1} / ${parts.slides.length}`);
        const page = plan.pages[i];
        if (page && !page.cover)
          expect(normalizeText(text)).toContain(normalizeText(plan.text.plain(page.title.markdown)));
      });
    },
  );

  it('holds every statement of the seed in its slides’ text', async () => {
    const { parts } = await render(EXAMPLE);
    const text = normalizeText(parts.slides.map(xmlText).join(' '));
    expect(seedSentences().filter((s) => !text.includes(s))).toEqual([]);
  });

  it('draws tables as tables and the attack flow as boxes and glued connectors, never as pictures', async () => {
    const { parts } = await render(EXAMPLE);
    expect(parts.slides.filter((xml) => xml.includes('<a:tbl>')).length).toBeGreaterThan(8);
    expect(parts.slides.some((xml) => xml.includes('<p:pic>'))).toBe(false);
    expect([...parts.files.keys()].filter((p) => p.startsWith('ppt/media/'))).toEqual([]);
    const flow = parts.slides.find((xml) => xml.includes('name="flow-'));
    expect(flow).toBeDefined();
    const boxes = [...(flow ?? '').matchAll(/<p:cNvPr id="(\d+)" name="flow-[^"]*-(?:step|outcome)-[^"]*"/g)].map(
      (m) => m[1],
    );
    // The example's flow: two steps and two outcomes, joined by one chain edge and two branches.
    expect(boxes).toHaveLength(4);
    const connectors = [...(flow ?? '').matchAll(/<p:cxnSp>[\s\S]*?<\/p:cxnSp>/g)].map((m) => m[0]);
    expect(connectors).toHaveLength(3);
    for (const c of connectors) {
      const start = /<a:stCxn id="(\d+)" idx="2"\/>/.exec(c)?.[1];
      const end = /<a:endCxn id="(\d+)" idx="0"\/>/.exec(c)?.[1];
      expect(boxes).toContain(start);
      expect(boxes).toContain(end);
      expect(c).toContain('<a:tailEnd type="triangle"');
    }
    // The step's words are in its box, so that moving the box moves them.
    expect(
      xmlText(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="flow-[^"]*-step-[^"]*"[\s\S]*?<\/p:sp>/.exec(flow ?? '')?.[0] ?? ''),
    ).toMatch(/Attacker/);
  });

  it('draws the risk matrices and the score chart as shapes', async () => {
    const { parts, context } = await render(EXAMPLE);
    const matrices = parts.slides.find((xml) => xml.includes(`name="risk-${context.comparison.systems[0]?.id}-cell-`));
    expect(matrices?.match(/name="risk-[^"]*-cell-/g)?.length).toBe(2 * 25);
    const chart = parts.slides.find((xml) => xml.includes('Score (higher is better)'));
    expect(chart?.match(/<p:sp>/g)?.length).toBeGreaterThan(10);
  });

  it('puts the speaker notes on the notes pages', async () => {
    const { parts } = await render(EXAMPLE);
    const notes = [...parts.notes.values()].map(xmlText).join(' ');
    expect(notes).toContain('The difference is where a breakout lands, not whether one can happen.');
    expect(notes).toContain('A narrow edge: misconfiguration hurts both runtimes.');
  });

  it('keeps text as text with its runs: bold, italic, code and safe links', async () => {
    const summary =
      '**Bold** and *italic* with `code`, a [good link](https://example.org/a?b=1&c=2), a [bad one](javascript:alert(1)) and one [@ref-1].';
    const text = comparisonYaml({ systems: 2 }).replace(/^summary: .*$/m, `summary: ${JSON.stringify(summary)}`);
    const { parts } = await render('runs.yaml', text);
    const slide = parts.slides.find((xml) => xml.includes('>Bold<')) ?? '';
    expect(slide).toMatch(/<a:rPr[^>]* b="1"[^>]*>(?:(?!<\/a:rPr>)[\s\S])*<\/a:rPr><a:t>Bold<\/a:t>/);
    expect(slide).toMatch(/<a:rPr[^>]* i="1"[^>]*>(?:(?!<\/a:rPr>)[\s\S])*<\/a:rPr><a:t>italic<\/a:t>/);
    expect(slide).toMatch(/typeface="DejaVu Sans Mono"(?:(?!<\/a:rPr>)[\s\S])*<\/a:rPr><a:t>code<\/a:t>/);
    const rels = [...parts.files.entries()]
      .filter(([p]) => p.startsWith('ppt/slides/_rels/'))
      .map(([, x]) => x)
      .join('');
    expect(rels).toContain('Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"');
    expect(rels).not.toContain('javascript:');
    expect(xmlText(slide)).toContain('a bad one and one [1].');
    // The citation links to the slide of the references.
    expect(slide).toContain('action="ppaction://hlinksldjump"');
  });

  it('writes the same bytes for the same content, dated by the build’s epoch', async () => {
    const context = await contextOf(EXAMPLE);
    const first = await renderPptx(context);
    const second = await renderPptx({ ...context });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const zip = await JSZip.loadAsync(first, { checkCRC32: true });
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(['1980-01-01T00:00:00.000Z']);
    const later = await renderPptx({ ...context, epoch: 1_800_000_000 });
    const core = await (await JSZip.loadAsync(later)).file('docProps/core.xml')?.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-15T08:00:00Z</dcterms:created>');
  });

  it('lets every wrapping text box shrink its text where the font is not installed, and no one-line box', async () => {
    const { parts } = await render(EXAMPLE);
    const bodies = parts.slides.flatMap(
      (xml) => xml.match(/<a:bodyPr\b[^>]*>(?:<a:normAutofit\/>)?<\/a:bodyPr>/g) ?? [],
    );
    const wrapping = bodies.filter((b) => b.includes('wrap="square"'));
    expect(wrapping.length).toBeGreaterThan(20);
    for (const body of wrapping) expect(body).toContain('<a:normAutofit/>');
    for (const body of bodies.filter((b) => b.includes('wrap="none"'))) expect(body).not.toContain('normAutofit');
    expect(shrinkOnOverflow('<a:bodyPr wrap="square" anchor="t"></a:bodyPr>')).toBe(
      '<a:bodyPr wrap="square" anchor="t"><a:normAutofit/></a:bodyPr>',
    );
  });

  it('writes one set of properties per paragraph, first, as the schema requires', async () => {
    const { parts } = await render(EXAMPLE);
    for (const xml of parts.slides) {
      for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
        expect((p.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1);
        if (p.includes('<a:pPr')) expect(p.startsWith('<a:p><a:pPr')).toBe(true);
      }
    }
    expect(onePropertiesPerParagraph('<a:p><a:pPr algn="l"/><a:r/><a:pPr x="1"><a:buNone/></a:pPr><a:r/></a:p>')).toBe(
      '<a:p><a:pPr algn="l"/><a:r/><a:r/></a:p>',
    );
  });

  it('keeps hostile text well-formed: markup and entities as the text they are', async () => {
    const hostile = comparisonYaml({ systems: 3, text: (where) => `<b>${where}</b> & "q" ]]> &amp; bell` });
    const { parts } = await render('hostile.yaml', hostile);
    for (const [path, xml] of parts.files) {
      expect(xml, path).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(xml, path).not.toContain('<b>');
    }
    expect(parts.slides.map(xmlText).join(' ')).toContain('<b>assessment of threat 1 for alpha</b> & "q" ]]> & bell');
  });

  it('is written when asked for by name, and not by the default build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskdeck-pptx-'));
    try {
      mkdirSync(join(dir, 'content'));
      copyFileSync(EXAMPLE, join(dir, 'content/example.md'));
      await build({ cwd: dir });
      expect(existsSync(join(dir, 'dist/example/deck.pptx'))).toBe(false);
      expect(existsSync(join(dir, 'dist/example/index.html'))).toBe(true);
      await build({ cwd: dir, only: ['model', 'pptx'] });
      const parts = await readPptx(readFileSync(join(dir, 'dist/example/deck.pptx')));
      expect(parts.slides.length).toBeGreaterThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
