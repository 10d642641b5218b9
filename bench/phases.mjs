// Times each phase of one build in this process: load, validate, model, then every output separately.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadSource } from '../lib/content/load.js';
import { validateSource } from '../lib/content/validate.js';
import { createTextMeasure, renderAttackFlow, renderRiskMatrix, renderScoreChart } from '../lib/diagram/index.js';
import { loadFonts } from '../lib/fonts/load.js';
import { buildComparison } from '../lib/model/comparison.js';
import { renderDeckHtml } from '../lib/outputs/deck/index.js';
import { renderPptx } from '../lib/outputs/pptx/index.js';
import { outputEpoch } from '../lib/outputs/render.js';
import { reportDocument } from '../lib/outputs/report/document.js';
import { renderPdf } from '../lib/outputs/report/pdf.js';
import { defaultOutputs } from '../lib/pipeline/build.js';
import { writeOutputFolder } from '../lib/pipeline/write.js';
import { loadTemplates } from '../lib/resources/templates.js';
import { syntheticContent } from './synthetic.mjs';

export async function measureSize(systems, threats) {
  const text = syntheticContent(systems, threats);
  const phases = {};
  const time = async (name, fn) => {
    const started = performance.now();
    const value = await fn();
    phases[name] = (phases[name] ?? 0) + performance.now() - started;
    return value;
  };
  const resources = { fonts: await loadFonts(), templates: await loadTemplates() };
  const loaded = await time('load', () => loadSource({ path: 'synthetic.yaml', text }));
  const validated = await time('validate', () => validateSource(loaded));
  if (!validated.content) throw new Error(validated.issues.map((i) => i.message).join('\n'));
  const comparison = await time('model', () => buildComparison(validated.content, loaded.body));
  const context = {
    comparison,
    epoch: outputEpoch(comparison, '0'),
    ...resources,
    changes: undefined,
    images: new Map(),
  };
  // Each phase on its own, in the order a build runs them. The deck and the report draw the diagrams
  // themselves too; the diagrams phase shows what drawing all of them once costs.
  await time('diagrams', () => {
    const measure = createTextMeasure(context.fonts);
    for (const flow of comparison.flows) renderAttackFlow(flow, comparison.systems, measure, { fragments: true });
    for (const risk of comparison.risk) renderRiskMatrix(risk, comparison.levels, measure);
    renderScoreChart(comparison.dimensions, comparison.systems, measure);
  });
  const html = await time('deck', () => renderDeckHtml(context));
  const definition = await time('report layout', () => reportDocument(context));
  const pdfBytes = await time('PDF write', () => renderPdf(definition, context.fonts));
  const artifacts = [];
  for (const output of defaultOutputs(['model', 'deck'])) {
    const produced = await output(context);
    artifacts.push(...(Array.isArray(produced) ? produced : produced.artifacts));
  }
  artifacts.push({ path: 'report.pdf', data: pdfBytes });
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-out-'));
  await time('write', () => writeOutputFolder(dir, 'synthetic', artifacts));
  // The deck and model outputs ran again above only to collect their files; their time is not counted.
  const total = Object.values(phases).reduce((sum, ms) => sum + ms, 0);
  // deck.pptx is not in the default build: timed on its own, slide plan included (a fresh context builds it
  // again, as `--only pptx` would), and kept out of the total and of the peak RSS read before it.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const pptxStarted = performance.now();
  const pptxBytes = await renderPptx({ ...context });
  const pptx = { ms: performance.now() - pptxStarted, bytes: pptxBytes.length };
  rmSync(dir, { recursive: true, force: true });
  // Pages as a reader counts them: the page objects sit in compressed object streams.
  const pdf = await getDocument({ data: new Uint8Array(pdfBytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = pdf.numPages;
  await pdf.destroy();
  // Slides a viewer sees: sections that hold no other section.
  const slides = (html.match(/<section\b(?:(?!<\/?section\b)[\s\S])*?<\/section>/g) ?? []).length;
  return {
    phases,
    total,
    peakRssMb,
    pages,
    slides,
    pptx,
    inputBytes: Buffer.byteLength(text),
  };
}
