// riskdeck benchmark. Prints, for the built CLI (`lib/bundle/bin.cjs`, what `riskdeck` runs):
// - cold `riskdeck build` of the example and of a real-sized review (deck + report, deck only, report only,
//   slides.pdf only, handout.pdf only),
//   interleaved with Marp CLI's Markdown → PDF of a 15-slide deck, so that each is also a ratio to Marp
//   measured under the same load (the machine is shared: absolute times move with it, paired ratios less);
// - the warm rebuild inside `riskdeck dev` of both; the CLI on 8 × 200 and 8 × 1,000 (time, peak RSS);
// - time per phase of synthetic comparisons in process; the hostile corpus' slowest case;
// - each target of BENCHMARKS.md, met or missed. Load averages are printed with the numbers they affect.
// Usage: npm run bench [-- --runs 5 --big-runs 3 --sizes 2x10,8x200 --skip phases,warm,big,corpus]
// (or `-- --corpus`: only the hostile corpus). Targets are printed only when nothing is skipped.
// Results also go to bench/results/<date>.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { interleaved, marpCase, riskdeckCase, stats } from './cold.mjs';
import { corpusLine, corpusTimes } from './corpus.mjs';
import { bigCases, phaseTable } from './sizes.mjs';
import { targetLines } from './targets.mjs';
import { warmRebuild } from './warm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    bin: { type: 'string', default: 'lib/bundle/bin.cjs' },
    sizes: { type: 'string', default: '2x10,4x50,8x200,8x1000' },
    runs: { type: 'string', default: '5' },
    'big-runs': { type: 'string', default: '3' },
    skip: { type: 'string', default: '' },
    child: { type: 'string' },
    corpus: { type: 'boolean', default: false },
  },
});

const bin = resolve(root, values.bin);

if (values.corpus) {
  console.log(corpusLine(corpusTimes(root, bin)));
  process.exit(0);
}

if (values.child) {
  // One size in a fresh process, so that peak RSS belongs to that size alone.
  const { measureSize } = await import('./phases.mjs');
  const [systems, threats] = values.child.split('x').map(Number);
  process.stdout.write(JSON.stringify(await measureSize(systems, threats)));
  process.exit(0);
}

const ms = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(1) : String(Math.round(x)));
const range = (s) => `${ms(s.median)} ms (min ${ms(s.min)}, max ${ms(s.max)}, ${s.runs} runs)`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const runs = Number(values.runs);
const skip = new Set(values.skip.split(',').filter(Boolean));
const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadBefore: loadavg() };
console.log(`riskdeck bench, ${results.date}, Node ${process.version}, ${cpus().length} CPUs, load average ${load()}`);

if (!skip.has('phases')) {
  const sizeRow = (size) =>
    JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', size], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }),
    );
  const table = phaseTable(values.sizes.split(',').map((size) => ({ size, ...sizeRow(size) })));
  console.log(`\nphases in process (one cold run per size; load average now ${load()})\n${table.text}`);
  results.sizes = table.rows;
  // deck.pptx is not in the default build: its own figure, kept out of the phases' total.
  console.log(
    `deck.pptx on its own (slide plan included): ${table.rows
      .map((r) => (r.pptx ? `${r.size} ${Math.round(r.pptx.ms)} ms, ${Math.round(r.pptx.bytes / 1024)} KB` : ''))
      .join('; ')}`,
  );
}

// Deck only and report only need the build's --only flag; without it those cases are left out, and said so.
const hasOnly = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout.includes('--only');
const example = join(root, 'content/runc-vs-kata.md');
const review = join(root, 'test/fixtures/content/real-review-4.md');
const cases = [marpCase(root, join(root, 'bench/fixtures/marp-15-slides.md'))];
for (const [label, file] of [
  ['example', example],
  ['review', review],
]) {
  cases.push(riskdeckCase(`${label}`, root, bin, file));
  if (hasOnly) {
    cases.push(riskdeckCase(`${label} deck`, root, bin, file, ['--only', 'deck']));
    cases.push(riskdeckCase(`${label} report`, root, bin, file, ['--only', 'report']));
    // Not in the default build: each timed on its own, so that what asking for it costs is its own figure.
    cases.push(riskdeckCase(`${label} slides`, root, bin, file, ['--only', 'slides']));
    cases.push(riskdeckCase(`${label} handout`, root, bin, file, ['--only', 'handout']));
  }
}
const cold = interleaved(cases, runs);
const marp = stats(cold.series.marp.wall);
const marpCpu = stats(cold.series.marp.cpu);
console.log(`\ncold runs, interleaved (load average ${ms(cold.load.min)}–${ms(cold.load.max)} during them):`);
console.log(`  Marp CLI, 15-slide Markdown → PDF (Chromium): ${range(marp)}; CPU ${ms(marpCpu.median)} ms`);
results.cold = { load: cold.load, marp, marpCpu };
for (const c of cases.slice(1)) {
  const s = cold.series[c.name];
  const wall = stats(s.wall);
  const cpu = stats(s.cpu);
  const row = { wall, cpu, rss: stats(s.rss), ratio: wall.median / marp.median, cpuRatio: cpu.median / marpCpu.median };
  results.cold[c.name] = row;
  console.log(
    `  riskdeck build ${c.name.padEnd(14)} ${range(wall)}; ${row.ratio.toFixed(2)}× Marp; CPU ${ms(cpu.median)} ms (${row.cpuRatio.toFixed(2)}× Marp's); peak RSS ${ms(row.rss.max)} MB`,
  );
}
if (!hasOnly) console.log('  (deck only and report only: not measured, this build has no --only flag)');

results.warm = {};
for (const [label, file] of skip.has('warm')
  ? []
  : [
      ['example', example],
      ['review', review],
    ]) {
  const warm = await warmRebuild(bin, file, runs);
  results.warm[label] = warm;
  const cpu = warm.cpu ? `; CPU of the rebuild ${ms(warm.cpu.median)} ms` : '';
  console.log(
    `warm rebuild in \`riskdeck dev\`, ${label}: save → deck ${range(warm.deck)}; save → PDF ${range(warm.pdf)}${cpu}`,
  );
}
console.log(`  (includes dev's 10 ms debounce and the file watcher; load average now ${load()})`);

if (!skip.has('big')) {
  results.big = bigCases(root, bin, Number(values['big-runs']));
  for (const [size, row] of Object.entries(results.big.sizes)) {
    console.log(
      `\`riskdeck build\` of ${size}: ${range(row.wall)}, CPU ${ms(row.cpu.median)} ms, peak RSS ${ms(row.rss.max)} MB`,
    );
  }
  console.log(`  growth 8x1000 / 8x200: ${results.big.growth.toFixed(2)}× for 5× the threats (load average ${load()})`);
}

if (!skip.has('corpus')) {
  const corpus = corpusTimes(root, bin);
  console.log(corpusLine(corpus));
  results.corpus = { files: corpus.files, slowest: corpus.slowest, hungriest: corpus.hungriest };
}

if (skip.size === 0) {
  results.targets = targetLines(results);
  console.log(`\ntargets (load average now ${load()}):`);
  for (const line of results.targets) console.log(`  ${line.text}`);
}

mkdirSync(join(root, 'bench/results'), { recursive: true });
const out = join(root, 'bench/results', `${results.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${out}`);
