#!/usr/bin/env node
// Writes every diagram of the given content files to a folder so that a person can look at them:
// SVG always; PNG at 1:1, on a 1280×720 slide and in a PDF page through pdfmake (the report's path),
// when Debian's chromium and poppler-utils are installed. Run `npm run compile` first (it reads lib/).
//
//   node scripts/render-diagrams.js [--out DIR] [content files…]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pdfmake from 'pdfmake';
import { chromium } from 'playwright-core';
import { compileSource, outputName } from '../lib/compile.js';
import { createTextMeasure, renderAttackFlow, renderRiskMatrix, renderScoreChart } from '../lib/diagram/index.js';
import { defaultFontFiles, loadFonts } from '../lib/fonts.js';

const DEFAULT_FILES = [
  'content/runc-vs-kata.md',
  'test/fixtures/content/flow-4-systems-12-steps.yaml',
  'test/fixtures/content/flow-8-systems.yaml',
];

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? (args[outAt + 1] ?? '') : '/tmp/riskdeck-diagrams');
const files = args.filter((_, i) => i !== outAt && i !== outAt + 1);
mkdirSync(out, { recursive: true });

const fontFiles = defaultFontFiles();
const measure = createTextMeasure(await loadFonts(fontFiles));
const diagrams = [];
for (const file of files.length > 0 ? files : DEFAULT_FILES) {
  const { comparison } = compileSource({ path: file, text: readFileSync(file, 'utf8') });
  const name = outputName(file);
  for (const flow of comparison.flows) {
    diagrams.push([`${name}-flow-${flow.id}`, renderAttackFlow(flow, comparison.systems, measure)]);
  }
  for (const risk of comparison.risk) {
    diagrams.push([`${name}-risk-${risk.system.id}`, renderRiskMatrix(risk, comparison.levels, measure)]);
  }
  const scores = renderScoreChart(comparison.dimensions, comparison.systems, measure);
  if (scores) diagrams.push([`${name}-scores`, scores]);
}

// Chromium draws with the TTFs the diagrams were measured with (Medium as bold, as pdfmake does).
const fontFace = (path, weight) =>
  `@font-face{font-family:Roboto;font-weight:${weight};src:url(${pathToFileURL(path).href})}`;
const page = (body, css) =>
  `<!doctype html><meta charset="utf-8"><style>${fontFace(fontFiles.normal, 400)}${fontFace(fontFiles.bold, 700)}` +
  `body{margin:0;background:#fff}${css}</style>${body}`;
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const browser = executablePath ? await chromium.launch({ executablePath }) : undefined;
const screenshot = async (html, png, width, height) => {
  const htmlPath = `${png}.html`;
  writeFileSync(htmlPath, html);
  const tab = await browser.newPage({ viewport: { width, height } });
  await tab.goto(pathToFileURL(htmlPath).href);
  await tab.screenshot({ path: png });
  await tab.close();
};

for (const [name, diagram] of diagrams) {
  const svgPath = join(out, `${name}.svg`);
  writeFileSync(svgPath, diagram.svg);
  console.log(`${svgPath}  ${diagram.width}×${diagram.height}`);
  if (!browser) continue;
  await screenshot(page(diagram.svg, ''), join(out, `${name}.png`), diagram.width, diagram.height);
  const slide =
    '.slide{box-sizing:border-box;width:1280px;height:720px;padding:24px 40px;display:flex;flex-direction:column}' +
    'h1{font:500 36px Roboto;margin:0 0 16px}.fig{flex:1;min-height:0;display:flex;justify-content:center}' +
    '.fig svg{max-width:100%;max-height:100%;width:auto;height:auto}';
  const slideBody = `<div class="slide"><h1>${diagram.title.replace(/</g, '&lt;')}</h1><div class="fig">${diagram.svg}</div></div>`;
  await screenshot(page(slideBody, slide), join(out, `${name}-slide.png`), 1280, 720);
}
if (browser) await browser.close();
else console.log('chromium is not installed (apt-get install -y chromium): wrote SVGs only');

// The report's path: pdfmake's svg node, one diagram per A4 page at the text width (515 pt).
pdfmake.setFonts({ Roboto: fontFiles });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => Object.values(fontFiles).includes(path));
const pdfPath = join(out, 'diagrams.pdf');
const content = diagrams.flatMap(([name, diagram], i) => [
  {
    text: `${name}: ${diagram.title}`,
    fontSize: 11,
    bold: true,
    margin: [0, 0, 0, 8],
    pageBreak: i > 0 ? 'before' : undefined,
  },
  { svg: diagram.svg, fit: [515, 700] },
]);
await pdfmake.createPdf({ content, pageSize: 'A4', pageMargins: 40, defaultStyle: { font: 'Roboto' } }).write(pdfPath);
console.log(pdfPath);
const pdftoppm = ['/usr/bin/pdftoppm'].find(existsSync);
if (pdftoppm) {
  execFileSync(pdftoppm, ['-r', '80', '-png', pdfPath, join(out, 'pdf-page')]);
  console.log(`${join(out, 'pdf-page')}-*.png (${basename(pdfPath)} at 80 dpi)`);
}
