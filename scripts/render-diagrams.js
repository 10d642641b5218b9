#!/usr/bin/env node
// Writes every diagram of the given content files to a folder so that a person can look at them:
// SVGs, PNGs of each on a 1280×720 slide (Chromium, with the Roboto the diagrams were measured in) and
// an A4 PDF through pdfmake's svg node (the report's path) with its pages as PNGs (poppler's pdftoppm).
// Long flows are cut into parts as a deck and a report would cut them. Run `npm run compile` first.
//
//   node scripts/render-diagrams.js [--out DIR] [content files…]     (default DIR: /tmp/riskdeck-diagrams)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pdfmake from 'pdfmake';
import { chromium } from 'playwright-core';
import { createTextMeasure, renderAttackFlowParts, renderRiskMatrix, renderScoreChart } from '../lib/diagram/index.js';
import { defaultFontFiles, loadFonts } from '../lib/fonts/load.js';
import { compileSource } from '../lib/model/compile.js';
import { outputName } from '../lib/pipeline/names.js';

const DEFAULT_FILES = [
  ...readdirSync('content')
    .filter((f) => /\.(md|ya?ml)$/.test(f))
    .sort()
    .map((f) => join('content', f)),
  'test/fixtures/content/flow-4-systems-12-steps.yaml',
  'test/fixtures/content/flow-8-systems.yaml',
];
/** A slide's figure area under its heading, at 1:1. */
const SLIDE = { maxWidth: 1280, maxHeight: 600 };
/** A4 with 40 pt margins: 515 pt wide; at 720 px a diagram is drawn at 0.72, 12 px text at 8.6 pt. */
const PAGE = { maxWidth: 720, maxHeight: 950, width: 515 };

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? (args[outAt + 1] ?? '') : '/tmp/riskdeck-diagrams');
const files = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
mkdirSync(out, { recursive: true });

const fontFiles = defaultFontFiles();
const measure = createTextMeasure(await loadFonts(fontFiles));
const slides = [];
const pages = [];
for (const file of files.length > 0 ? files : DEFAULT_FILES) {
  const { comparison } = compileSource({ path: file, text: readFileSync(file, 'utf8') });
  const name = outputName(file);
  const add = (key, diagram, list) => {
    list.push([`${name}-${key}`, diagram]);
  };
  for (const flow of comparison.flows) {
    for (const [size, list] of [
      [SLIDE, slides],
      [PAGE, pages],
    ]) {
      const parts = renderAttackFlowParts(flow, comparison.systems, measure, size);
      for (const [n, part] of parts.entries()) add(`flow-${flow.id}-${n + 1}`, part, list);
    }
  }
  for (const risk of comparison.risk) {
    const matrix = renderRiskMatrix(risk, comparison.levels, measure);
    add(`risk-${risk.system.id}`, matrix, slides);
    add(`risk-${risk.system.id}`, matrix, pages);
  }
  const scores = renderScoreChart(comparison.dimensions, comparison.systems, measure);
  if (scores) {
    add('scores', scores, slides);
    add('scores', scores, pages);
  }
}

for (const [name, diagram] of slides) writeFileSync(join(out, `${name}.svg`), diagram.svg);
for (const [name, diagram] of pages) writeFileSync(join(out, `${name}-a4.svg`), diagram.svg);
console.log(`${out}/*.svg: ${slides.length} for slides, ${pages.length} for A4`);

// Chromium draws with the TTFs the diagrams were measured with (Medium as bold, as pdfmake does).
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (executablePath) {
  const fontFace = (path, weight) =>
    `@font-face{font-family:Roboto;font-weight:${weight};src:url(${pathToFileURL(path).href})}`;
  const css =
    `${fontFace(fontFiles.normal, 400)}${fontFace(fontFiles.bold, 700)}body{margin:0;background:#fff}` +
    '.slide{box-sizing:border-box;width:1280px;height:720px;padding:24px 40px;display:flex;flex-direction:column}' +
    'h1{font:500 36px Roboto;margin:0 0 16px}.fig{flex:1;min-height:0;display:flex;justify-content:center}' +
    '.fig svg{max-width:100%;max-height:100%;width:auto;height:auto}';
  const browser = await chromium.launch({ executablePath });
  const tab = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (const [name, diagram] of slides) {
    const html = join(out, `${name}.html`);
    const title = diagram.title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    writeFileSync(
      html,
      `<!doctype html><style>${css}</style><div class="slide"><h1>${title}</h1><div class="fig">${diagram.svg}</div></div>`,
    );
    await tab.goto(pathToFileURL(html).href);
    await tab.screenshot({ path: join(out, `${name}-slide.png`) });
  }
  await browser.close();
  console.log(`${out}/*-slide.png: each diagram on a 1280×720 slide`);
} else {
  console.log('chromium is not installed (apt-get install -y chromium): no slide PNGs');
}

// The report's path: pdfmake's svg node, one diagram per A4 page at the text width.
pdfmake.setFonts({ Roboto: fontFiles });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => Object.values(fontFiles).includes(path));
const pdfPath = join(out, 'diagrams-a4.pdf');
const content = pages.flatMap(([name, diagram], i) => [
  {
    text: `${name}: ${diagram.title}`,
    fontSize: 10,
    bold: true,
    margin: [0, 0, 0, 8],
    pageBreak: i > 0 ? 'before' : undefined,
  },
  { svg: diagram.svg, width: Math.min(PAGE.width, diagram.width) },
]);
await pdfmake.createPdf({ content, pageSize: 'A4', pageMargins: 40, defaultStyle: { font: 'Roboto' } }).write(pdfPath);
if (existsSync('/usr/bin/pdftoppm')) {
  execFileSync('/usr/bin/pdftoppm', ['-r', '80', '-png', pdfPath, join(out, 'a4-page')]);
  console.log(`${pdfPath} and ${out}/a4-page-*.png (80 dpi)`);
} else {
  console.log(`${pdfPath} (poppler-utils is not installed: no page PNGs)`);
}
