import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTextMeasure,
  type DiagramSvg,
  renderAttackFlow,
  renderAttackFlowParts,
  renderRiskMatrix,
  renderScoreChart,
  type TextMeasure,
} from '../../src/diagram/index.js';
import { defaultFontFiles, type FontFiles, loadFonts } from '../../src/fonts/load.js';
import type { Comparison } from '../../src/model/comparison.js';
import { deckOutput } from '../../src/outputs/deck/index.js';
import { renderSource } from '../../src/outputs/render.js';
import { reportOutput } from '../../src/outputs/report/index.js';
import { loadTemplates } from '../../src/resources/templates.js';
import { boxOf, compileFile, lines } from './helpers.js';
import { descendants, parseXml } from './xml.js';

/** Debian's fonts-dejavu-core/-extra and fonts-wqy-microhei (installed by .ci/run). */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const family = (name: string, files: [string, string, string, string]): FontFiles => {
  const [normal, bold, italics, bolditalics] = files.map((f) => join(DEJAVU, `${f}.ttf`)) as typeof files;
  return { family: name, normal, bold, italics, bolditalics };
};

/** Three families as the main font, each with a CJK fallback: one (DejaVu Sans) has no capHeight field. */
const MAIN_FONTS: Record<string, FontFiles> = {
  Roboto: defaultFontFiles(),
  'DejaVu Sans': family('DejaVu Sans', [
    'DejaVuSans',
    'DejaVuSans-Bold',
    'DejaVuSans-Oblique',
    'DejaVuSans-BoldOblique',
  ]),
  'DejaVu Serif Condensed': family('DejaVu Serif Condensed', [
    'DejaVuSerifCondensed',
    'DejaVuSerifCondensed-Bold',
    'DejaVuSerifCondensed-Italic',
    'DejaVuSerifCondensed-BoldItalic',
  ]),
};
const FIXTURES = ['test/fixtures/content/cjk-title.yaml', 'test/fixtures/content/unicode-blocks.yaml'];

function diagrams(c: Comparison, measure: TextMeasure): DiagramSvg[] {
  return [
    ...c.risk.map((r) => renderRiskMatrix(r, c.levels, measure)),
    ...c.flows.flatMap((f) => [
      renderAttackFlow(f, c.systems, measure),
      renderAttackFlow(f, c.systems, measure, { maxWidth: 720 }),
      ...renderAttackFlowParts(f, c.systems, measure, { maxHeight: 300 }),
    ]),
    ...[renderScoreChart(c.dimensions, c.systems, measure)].filter((d) => d !== undefined),
  ];
}

/** Every label line inside the box of its node (step, outcome), measured in the fonts that draw its runs. */
function labelProblems(diagram: DiagramSvg, measure: TextMeasure): string[] {
  const root = parseXml(diagram.svg);
  const problems: string[] = [];
  if (/NaN|Infinity/.test(diagram.svg)) problems.push(`${diagram.title}: a number that is not finite`);
  for (const line of lines(root, measure)) {
    if (!Number.isFinite(line.baseline) || !Number.isFinite(line.left)) problems.push(`"${line.text}" has no place`);
    if (line.left < 0 || line.right > diagram.width || line.baseline > diagram.height) {
      if (line.element.parent?.parent?.attributes.transform === undefined) problems.push(`"${line.text}" is cut off`);
    }
  }
  const nodes = descendants(root).filter((e) => e.name === 'g' && /-(step|outcome)-/.test(e.attributes.id ?? ''));
  for (const g of nodes) {
    const box = boxOf(g);
    for (const l of lines(g, measure)) {
      const inside =
        l.left >= box.x + 4 &&
        l.right <= box.x + box.width - 4 &&
        l.baseline > box.y &&
        l.baseline < box.y + box.height;
      if (!inside) problems.push(`${g.attributes.id}: "${l.text}" outside ${JSON.stringify(box)}`);
    }
  }
  return problems;
}

describe.each(Object.keys(MAIN_FONTS))('diagrams drawn with %s and a CJK fallback', (name) => {
  it('draw every label, finite and inside its box, each run measured in its own font', async () => {
    const fonts = await loadFonts(MAIN_FONTS[name], [WQY_TTC]);
    const measure = createTextMeasure(fonts);
    expect(Number.isFinite(measure.capHeight(10)) && measure.capHeight(10) > 5).toBe(true);
    for (const file of FIXTURES) {
      const drawn = diagrams(compileFile(file), measure);
      expect(drawn.length).toBeGreaterThan(3);
      expect(drawn.flatMap((d) => labelProblems(d, measure))).toEqual([]);
      // Chinese labels are drawn by the CJK font, named on their runs.
      if (file.includes('cjk')) expect(drawn.some((d) => d.svg.includes('&#39;WenQuanYi Micro Hei&#39;'))).toBe(true);
    }
  });

  it('builds the deck and the report with no warning and no NaN', async () => {
    const resources = { fonts: await loadFonts(MAIN_FONTS[name], [WQY_TTC]), templates: await loadTemplates() };
    for (const path of FIXTURES) {
      const rendered = await renderSource(
        { path, text: readFileSync(path, 'utf8') },
        [deckOutput, reportOutput],
        resources,
      );
      expect(rendered.warnings).toEqual([]);
      const html = rendered.artifacts.find((a) => a.path === 'index.html');
      expect(html && 'data' in html && String(html.data)).not.toMatch(/NaN|Infinity/);
      expect(rendered.artifacts.some((a) => a.path === 'report.pdf')).toBe(true);
    }
  });
});
