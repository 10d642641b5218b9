// Times the PDF outputs of one content file in this process: the first (cold) render, then warm renders,
// split into the report definition, pdfmake's layout and write, and counts fontkit's shaping calls.
// Usage: node bench/pdf-warm.mjs <content file> [runs] [report|slides|handout]
import { readFileSync } from 'node:fs';
import { loadSource } from '../lib/content/load.js';
import { validateSource } from '../lib/content/validate.js';
import { fontkit } from '../lib/fonts/fontkit.js';
import { loadFonts } from '../lib/fonts/load.js';
import { wordLayoutStats } from '../lib/fonts/word-layout.js';
import { buildComparison } from '../lib/model/comparison.js';
import { outputEpoch } from '../lib/outputs/render.js';
import { defaultOutputs } from '../lib/pipeline/build.js';
import { loadTemplates } from '../lib/resources/templates.js';

const [file, runsArg = '6', which = 'report'] = process.argv.slice(2);
const resources = { fonts: await loadFonts(), templates: await loadTemplates() };
const loaded = await loadSource({ path: file, text: readFileSync(file, 'utf8') });
const validated = await validateSource(loaded);
const comparison = await buildComparison(validated.content, loaded.body);
const context = {
  comparison,
  epoch: outputEpoch(comparison, '1700000000'),
  ...resources,
  changes: undefined,
  images: new Map(),
};

// Count fontkit layout calls on the fonts pdfkit gets (the cached parse is shared).
let calls = 0;
let layoutMs = 0;
const seen = new WeakSet();
const wrapFont = (font) => {
  if (seen.has(font)) return;
  seen.add(font);
  const layout = font.layout;
  font.layout = function (...args) {
    calls++;
    const t = performance.now();
    try {
      return layout.apply(this, args);
    } finally {
      layoutMs += performance.now() - t;
    }
  };
};
for (const fam of [resources.fonts, ...resources.fonts.fallbacks])
  for (const face of ['normal', 'bold', 'italics', 'bolditalics']) wrapFont(fontkit.create(fam[face]));

const [output] = defaultOutputs([which]);
for (let i = 0; i < Number(runsArg); i++) {
  calls = 0;
  layoutMs = 0;
  const s0 = wordLayoutStats();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await output(context);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const bytes = result.artifacts[0].data.length;
  const s1 = wordLayoutStats();
  const how = `quick ${s1.quick - s0.quick}, remembered ${s1.remembered - s0.remembered}, shaped ${s1.shaped - s0.shaped}`;
  console.log(
    `${which} run ${i + 1}: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${calls} layout calls (${layoutMs.toFixed(0)} ms; ${how}), ${bytes} bytes`,
  );
}
