import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { requireTool } from '../../helpers/tools.js';
import { BLOCK_SAMPLES, SAMPLE_CHARACTERS } from '../../helpers/unicode-samples.js';

const pdftotext = requireTool('pdftotext');
const EPOCH = '1767225600';
const BLOCKS = 'test/fixtures/content/unicode-blocks.yaml';
const CJK = 'test/fixtures/content/cjk-title.yaml';
/** Debian's fonts-wqy-microhei (installed by .ci/run): a CJK font, and a TrueType collection. */
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

const SAMPLES = SAMPLE_CHARACTERS;

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-fallback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let plain: RenderResources;
let withCjk: RenderResources;
beforeAll(async () => {
  const templates = await loadTemplates();
  plain = { fonts: await loadFonts(), templates };
  withCjk = { fonts: await loadFonts(undefined, [WQY_TTC]), templates };
});

async function renderReport(path: string, resources: RenderResources) {
  const rendered = await renderSource({ path, text: readFileSync(path, 'utf8') }, [reportOutput], resources, {
    sourceDateEpoch: EPOCH,
  });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  return { bytes: pdf.data, warnings: rendered.warnings };
}

function textOf(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(pdftotext.path ?? 'pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('fallback fonts in the report', () => {
  it('the fixture holds every sample in its summary', () => {
    const fixture = readFileSync(BLOCKS, 'utf8');
    for (const [block, sample] of Object.entries(BLOCK_SAMPLES)) expect(fixture).toContain(`${block}: ${sample}`);
  });

  it.skipIf(pdftotext.skip)(
    'draws a sample of every listed block with no warning; pdftotext reads them all back',
    async () => {
      const { bytes, warnings } = await renderReport(BLOCKS, plain);
      expect(warnings).toEqual([]);
      const text = textOf(bytes, 'blocks');
      expect(SAMPLES.filter((char) => !text.includes(char))).toEqual([]);
      // Text in tables, headings and the diagrams too.
      for (const phrase of ['Escape in ≤ 2 steps → host ☠', 'Kata Ж', 'Exploits ≥ 1 bug → ↳ shell', '№ 1']) {
        expect(text).toContain(phrase);
      }
    },
  );

  it.skipIf(pdftotext.skip)('embeds only the fallback faces some text uses, as subsets', async () => {
    const { bytes } = await renderReport(BLOCKS, plain);
    const pdffonts = requireTool('pdffonts');
    const file = join(dir, 'subsets.pdf');
    writeFileSync(file, bytes);
    const fonts = execFileSync(pdffonts.path ?? 'pdffonts', [file], { encoding: 'utf8' });
    const dejavu = fonts.split('\n').filter((line) => line.includes('DejaVuSans'));
    expect(dejavu.length).toBeGreaterThan(0);
    for (const line of dejavu)
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // DejaVu Sans is 757 KB; the subsets of the dozens of glyphs used are a small part of it.
    expect(bytes.length).toBeLessThan(250_000);
  });

  it.skipIf(pdftotext.skip)('draws Chinese with a CJK font from the config, with no warning', async () => {
    const { bytes, warnings } = await renderReport(CJK, withCjk);
    expect(warnings).toEqual([]);
    const text = textOf(bytes, 'cjk');
    for (const phrase of [
      '容器隔离对比',
      '两个系统，一个威胁。',
      '甲系统',
      '容器逃逸',
      '暴露于主机。',
      '隔离在虚拟机中',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('warns about Chinese without a CJK font, at the first character no font has', async () => {
    const { warnings } = await renderReport(CJK, plain);
    const at = (path: string) => warnings.find((w) => w.path === path);
    expect(at('title')).toMatchObject({ line: 3, column: 8 });
    expect(at('systems[0].name')).toMatchObject({ line: 10, column: 24 });
    expect(at('threats[0].title')).toMatchObject({ line: 14, column: 12 });
    expect(at('attackFlows[0].steps[0].action')).toMatchObject({ line: 24, column: 17 });
    expect(at('threats[0].title')?.message).toContain('"容" (CJK UNIFIED IDEOGRAPH-5BB9, U+5BB9)');
    expect(at('threats[0].assessments.beta.text')).toMatchObject({ line: 17, column: 33 });
  });

  it('grows the report only by the glyphs it uses: the seed within 10%, the samples by small subsets', async () => {
    const none = { ...plain, fonts: { ...plain.fonts, fallbacks: [] } };
    const size = async (path: string, resources: RenderResources) => (await renderReport(path, resources)).bytes.length;
    const seed = await size('content/runc-vs-kata.md', plain);
    expect(Math.abs(seed - (await size('content/runc-vs-kata.md', none))) / seed).toBeLessThan(0.1);
    // Two DejaVu Sans subsets of about 70 glyphs; the whole regular face alone is 757 KB.
    expect((await size(BLOCKS, plain)) - (await size(BLOCKS, none))).toBeLessThan(60_000);
  });
});
