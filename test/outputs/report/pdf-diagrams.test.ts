import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from 'pdfmake/interfaces.js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSource } from '../../../src/content/load.js';
import { validateSource } from '../../../src/content/validate.js';
import { loadFonts } from '../../../src/fonts/load.js';
import { buildComparison } from '../../../src/model/comparison.js';
import { reportDiagrams } from '../../../src/outputs/report/diagrams.js';
import { renderPdf } from '../../../src/outputs/report/pdf.js';
import { requireTool } from '../../helpers/tools.js';

const pdftoppm = requireTool('pdftoppm');
const dir = mkdtempSync(join(tmpdir(), 'riskdeck-pdf-diagrams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function comparisonOf(file: string) {
  const loaded = await loadSource({ path: file, text: readFileSync(file, 'utf8') });
  const validated = await validateSource(loaded);
  if (!validated.content) throw new Error(`${file} does not validate`);
  return buildComparison(validated.content, loaded.body);
}

/** The same figures drawn by svg-to-pdfkit from each diagram's SVG, as the report drew them before. */
function asSvg(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asSvg);
  if (!node || typeof node !== 'object') return node;
  const { _diagram, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, asSvg(v)]));
  if (_diagram) out.svg = (_diagram as { diagram: { svg: string } }).diagram.svg;
  return out;
}

/** Every page at 100 dpi, as PNG files (poppler writes the same bytes for the same pixels). */
function pagesOf(name: string, pdf: Uint8Array): Buffer[] {
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync(pdftoppm.path as string, ['-r', '100', '-png', join(dir, `${name}.pdf`), join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

describe.skipIf(pdftoppm.skip)('diagrams drawn from their shapes', () => {
  // Risk matrices (a rotated axis title, cells with centred labels of several lines), flows (rounded boxes,
  // badges, arrows), eight systems with long words, and labels with runs in DejaVu Sans and in a configured CJK font
  // (Debian's fonts-wqy-microhei, installed by .ci/run).
  it.each([
    ['content/runc-vs-kata.md', []],
    ['test/fixtures/content/real-review-4.md', []],
    ['test/fixtures/content/eight-systems-long-words.yaml', []],
    ['test/fixtures/content/flow-8-systems.yaml', []],
    ['test/fixtures/content/unicode-blocks.yaml', []],
    ['test/fixtures/content/cjk-title.yaml', ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc']],
  ])(
    'look exactly as svg-to-pdfkit drew their SVG: %s',
    async (file, fallbacks) => {
      const fonts = await loadFonts(undefined, fallbacks);
      const comparison = await comparisonOf(file);
      const diagrams = reportDiagrams(comparison, fonts, 471, 706);
      const figures = (): Content[] => [
        ...comparison.risk.map((risk) => diagrams.riskMatrix(risk, 440)),
        ...comparison.flows.flatMap((flow) => diagrams.attackFlow(flow)),
      ];
      const native = await renderPdf({ content: figures() }, fonts);
      const svg = await renderPdf({ content: asSvg(figures()) as Content[] }, fonts);
      expect(Buffer.from(native).equals(Buffer.from(svg)), 'the two paths wrote the same PDF').toBe(false);
      const name = file.replace(/\W+/g, '-');
      const nativePages = pagesOf(`${name}-native`, native);
      const svgPages = pagesOf(`${name}-svg`, svg);
      expect(nativePages.length).toBeGreaterThan(0);
      expect(nativePages.length).toBe(svgPages.length);
      for (const [i, page] of nativePages.entries()) {
        expect(page.equals(svgPages[i] as Buffer), `page ${i + 1}`).toBe(true);
      }
    },
    60_000,
  );
});
