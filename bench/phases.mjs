// Times each phase of one build in this process: load, validate, model, then every output separately.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOutputs } from '../lib/build.js';
import { loadSource } from '../lib/content/load.js';
import { validateSource } from '../lib/content/validate.js';
import { loadFonts } from '../lib/fonts.js';
import { buildComparison } from '../lib/model/comparison.js';
import { outputEpoch } from '../lib/render.js';
import { loadTemplates } from '../lib/templates.js';
import { writeOutputFolder } from '../lib/write.js';
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
  const started = performance.now();
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
  const artifacts = [];
  for (const output of defaultOutputs()) {
    const name = output.phase ?? output.name ?? 'output';
    const produced = await time(name, () => output(context));
    artifacts.push(...(Array.isArray(produced) ? produced : produced.artifacts));
  }
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-out-'));
  await time('write', () => writeOutputFolder(dir, 'synthetic', artifacts));
  const total = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  const pdf = artifacts.find((a) => a.path === 'report.pdf');
  const html = artifacts.find((a) => a.path === 'index.html');
  const pages = pdf
    ? (
        Buffer.from(pdf.data)
          .toString('latin1')
          .match(/\/Type\s*\/Page\b/g) ?? []
      ).length
    : undefined;
  const slides = html ? (String(html.data).match(/<section\b/g) ?? []).length : undefined;
  return {
    phases,
    total,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    pages,
    slides,
    inputBytes: Buffer.byteLength(text),
  };
}
